import os

RAZORPAY_KEY_ID = os.environ.get("RAZORPAY_KEY_ID", "")
RAZORPAY_KEY_SECRET = os.environ.get("RAZORPAY_KEY_SECRET", "")

LEDGER_URL = os.environ.get("LEDGER_URL", "http://ledger.payments.svc.cluster.local")
LEDGER_SIGNING_SECRET = os.environ.get("LEDGER_SIGNING_SECRET", "5f07acefdb46755336fea4f5c5f0852f857f45b8")

WAREHOUSE_DSN = os.environ.get("WAREHOUSE_DSN", "postgresql://recon:recon@localhost:5432/recon")

PARTNER_SFTP_HOST = os.environ.get("PARTNER_SFTP_HOST", "files.lendpartner.in")
PARTNER_USER = os.environ.get("PARTNER_USER", "kitebill")
PARTNER_PASSWORD = os.environ.get("PARTNER_PASSWORD", "")
