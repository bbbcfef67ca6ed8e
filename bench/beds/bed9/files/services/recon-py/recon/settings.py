import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["recon.internal.acme-pay.net"]

RAZORPAY_KEY_ID = os.environ["RAZORPAY_KEY_ID"]
RAZORPAY_KEY_SECRET = os.environ["RAZORPAY_KEY_SECRET"]
RAZORPAY_WEBHOOK_SECRET = os.environ.get("RAZORPAY_WEBHOOK_SECRET", "")
RAZORPAY_WEBHOOK_SECRET_TTL = 300

STRIPE_PUBLISHABLE_KEY = "pk_live_5196Rh7H8YOrjOpM8d8tO8EZgkT9a38UlisnBroIZ7kkLn0byblL0s9sAN4WGXjRlEdVEfl9ziBuRjEgnzjyErwXnG5Tze"
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY")

# nightly export pulled by the data team's Airflow DAG
SETTLEMENTS_EXPORT_URL = "https://rzp_live_EqIFqpwjKOu7wV:AjYgEqw5ddI36mdvb1MkohLf@api.razorpay.com/v1/settlements/recon/combined"

LEDGER_URL = "https://ledger.internal.acme-pay.net"
