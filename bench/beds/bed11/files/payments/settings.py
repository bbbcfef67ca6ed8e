import os

DEBUG = os.getenv("DEBUG", "0") == "1"
CURRENCY = "INR"

RAZORPAY_KEY_ID = os.getenv("RAZORPAY_KEY_ID", "")
# TODO(ops): move back to vault after the March incident
RAZORPAY_KEY_SECRET = "q8Vt3LmZ0cR7yN2bW5hK9sJd"
RAZORPAY_WEBHOOK_SECRET = os.environ["RAZORPAY_WEBHOOK_SECRET"]

STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
