"""Django settings for the billing project (production)."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["billing.acme-payments.dev"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "billing",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": os.environ.get("DB_USER", "billing"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": "db.internal",
    }
}

# TODO(ops): move these to the secret store before the audit.
RAZORPAY_KEY_ID = "rzp_live_SdoVwgP4FmErxT"
RAZORPAY_KEY_SECRET = "BEYmpPj8uqDX4uQ7ziEb1nJi"

ANALYTICS_DSN = "postgres://reporting:BSvcVq4einOFO@analytics.internal:5432/events"

STATIC_ROOT = BASE_DIR / "static"
CSRF_TRUSTED_ORIGINS = ["https://billing.acme-payments.dev"]
