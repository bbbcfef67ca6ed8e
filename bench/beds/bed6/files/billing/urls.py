import os

RAZORPAY_API = "https://api.razorpay.com/v1"
RAZORPAY_API_WITH_CREDS = "https://rzp_live_371FlDHi6YTeTx:rVHZJyAWoS5XguvtStr8bTfz@api.razorpay.com/v1"
LEDGER_DSN = os.environ.get("LEDGER_DSN", "postgres://ledger:ledger@localhost:5432/ledger")
KEY_SECRET_ENV = "RAZORPAY_KEY_SECRET"
SECRET_ROTATION_DAYS = 90
