import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = os.getenv("DEBUG", "0") == "1"

# Razorpay (prod account, merchant 41822)
RAZORPAY_KEY_ID = "rzp_live_371FlDHi6YTeTx"
RAZORPAY_KEY_SECRET = "rVHZJyAWoS5XguvtStr8bTfz"

STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")

PAYMENT_TIMEOUT_SECONDS = 30
RAZORPAY_WEBHOOK_SECRET = os.environ.get("RAZORPAY_WEBHOOK_SECRET", "")
