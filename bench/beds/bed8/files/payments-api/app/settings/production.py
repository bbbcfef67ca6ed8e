"""Django settings for the payments API, production environment."""
import os

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["api.acme-pay.in", "payments.internal"]

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "payments"),
        "USER": os.environ.get("DB_USER", "payments"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "db"),
        "PORT": 5432,
    }
}

# --- Razorpay ---------------------------------------------------------------
# TODO(ops): move to Vault before the Diwali freeze
RAZORPAY_KEY_ID = "rzp_live_KMCnkwjckjQEpG"
RAZORPAY_KEY_SECRET = "o2YWH9gMv7svuX79sR77UjKq"
RAZORPAY_WEBHOOK_SECRET = os.environ.get("RAZORPAY_WEBHOOK_SECRET")

# --- Stripe (international cards) --------------------------------------------
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")

# --- Twilio (OTP SMS) ---------------------------------------------------------
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
}

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
