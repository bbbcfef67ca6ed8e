from .base import *  # noqa

DEBUG = True
SECRET_KEY = "django-insecure-7c$u2q!k9x@m4v#t8p&z1r^w6n*b3y(h5j)f0d+e"
ALLOWED_HOSTS = ["*"]
RAZORPAY_KEY_ID = os.environ.get("RAZORPAY_KEY_ID", "")
RAZORPAY_KEY_SECRET = os.environ.get("RAZORPAY_KEY_SECRET", "")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
