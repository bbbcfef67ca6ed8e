import os

import razorpay

client = razorpay.Client(auth=(os.environ["RAZORPAY_KEY_ID"], os.environ["RAZORPAY_KEY_SECRET"]))


def make_qr(amount: int):
    return client.qrcode.create({"type": "upi_qr", "usage": "single_use", "fixed_amount": True,
                                 "payment_amount": amount})


sandbox = razorpay.Client(auth=("rzp_test_sE5uLVDvcMHOlV", os.environ.get("RZP_TEST_SECRET", "p0IznRWeBh6tTsU9WomJk30I")))
