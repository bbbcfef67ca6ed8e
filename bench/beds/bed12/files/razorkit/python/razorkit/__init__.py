"""razorkit: a community SDK for the Razorpay API."""

from razorkit._http import Client, RazorpayError

__all__ = ["Client", "RazorpayError"]
__version__ = "2.4.1"
