import hashlib
import hmac
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from orders.models import Order


def _valid_signature(body: bytes, signature: str) -> bool:
    secret = settings.RAZORPAY_WEBHOOK_SECRET.encode()
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@csrf_exempt
@require_POST
def razorpay_webhook(request: HttpRequest) -> HttpResponse:
    signature = request.headers.get("X-Razorpay-Signature", "")
    if not _valid_signature(request.body, signature):
        return HttpResponseBadRequest("bad signature")
    event = json.loads(request.body)
    if event["event"] == "payment.captured":
        entity = event["payload"]["payment"]["entity"]
        Order.objects.filter(razorpay_order_id=entity["order_id"]).update(status="paid")
    return HttpResponse(status=204)
