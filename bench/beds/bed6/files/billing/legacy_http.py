import base64
import binascii
import http.client
import os
import urllib.request

KEY_ID = os.environ["RAZORPAY_KEY_ID"]
KEY_SECRET = os.environ["RAZORPAY_KEY_SECRET"]


def via_http_client(path: str) -> bytes:
    conn = http.client.HTTPSConnection("api.razorpay.com")
    token = binascii.b2a_base64(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
    conn.putrequest("GET", "/v1" + path)
    conn.putheader("Authorization", "Basic %s" % token)
    conn.endheaders()
    return conn.getresponse().read()


def via_urllib(path: str) -> bytes:
    token = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode().rstrip("=")
    req = urllib.request.Request("https://api.razorpay.com/v1" + path)
    req.add_header("Authorization", "Basic " + token)
    return urllib.request.urlopen(req).read()


def via_urllib_ok(path: str) -> bytes:
    token = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
    req = urllib.request.Request("https://api.razorpay.com/v1" + path, headers={"Authorization": "Basic " + token})
    return urllib.request.urlopen(req).read()
