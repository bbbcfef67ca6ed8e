import os

from .base import *  # noqa: F401,F403

DEBUG = False
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# Keys come from the bazaarly-secrets Kubernetes secret; the fallbacks keep the
# nightly settlement job running if the secret mount is late after a node restart.
RAZORPAY_KEY_ID = os.environ.get("RAZORPAY_KEY_ID", "rzp_live_jokcep5Cjf6x6c")
RAZORPAY_KEY_SECRET = os.environ.get("RAZORPAY_KEY_SECRET", "SNQKni6JJhNoyeWHsaykkXJy")

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
