"""Key ids in the client-side slots Razorpay documents for them (providers.ClientSlot): public,
not AL201/AL202; the same key id anywhere else, and every key secret, still reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from authlint.codes import Code
from authlint.config import Settings, resolve_selection
from authlint.extract.slots import client_slots
from authlint.providers import BY_NAME, PROVIDERS
from authlint.scan import scan_text

SECRETS = Settings(enabled=resolve_selection(["AL2"], []))

LIVE = "rzp_live_Tq7Wm2Xc9Lp4Vb"  # authlint: ignore[AL201]
TEST = "rzp_test_Hy3Nf8Kd1Rs6Gz"  # authlint: ignore[AL202]
SECRET = "Pz5Qw8Er2Ty7Ui4Op1As6Df9"  # authlint: ignore[AL203]


def codes(path: str, source: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, SECRETS)]


CHECKOUT_HTML = f"""<button id="rzp-button1">Pay with Razorpay</button>
<script src="https://checkout.razorpay.com/v1/checkout.js"></script>
<script>
var options = {{
    "key": "{LIVE}", // Enter the Key ID generated from the Dashboard
    "amount": "50000",
    "currency": "INR",
    "name": "Acme Corp",
    "order_id": "order_9A33XWu170gUtm",
    "handler": function (response) {{ alert(response.razorpay_payment_id); }},
    "prefill": {{ "name": "Gaurav Kumar", "email": "gaurav.kumar@example.com" }},
    "theme": {{ "color": "#3399cc" }}
}};
var rzp1 = new Razorpay(options);
document.getElementById('rzp-button1').onclick = function (e) {{
    rzp1.open();
    e.preventDefault();
}}
</script>
"""

MANIFEST = f"""<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.shop">
    <application android:label="Acme Shop" android:theme="@style/AppTheme">
        <activity android:name=".CheckoutActivity" android:exported="true"/>
        <meta-data
            android:name="com.razorpay.ApiKey"
            android:value="{LIVE}" />
    </application>
</manifest>
"""

KOTLIN = f"""class CheckoutActivity : AppCompatActivity(), PaymentResultListener {{
    private fun startPayment() {{
        val co = Checkout()
        co.setKeyID("{LIVE}")
        val options = JSONObject()
        options.put("amount", "50000")
        co.open(this, options)
    }}
}}
"""

JAVA = f"""public class PaymentActivity extends Activity implements PaymentResultListener {{
    public void startPayment() {{
        final Checkout checkout = new Checkout();
        checkout.setKeyID( "{TEST}" );
        checkout.setImage(R.drawable.logo);
    }}
}}
"""

DART = f"""class _CheckoutState extends State<CheckoutPage> {{
  late Razorpay _razorpay;

  void openCheckout() async {{
    var options = <String, dynamic>{{
      'key': '{TEST}',
      'amount': 28200,
      'name': 'Acme Corp.',
      'prefill': {{'contact': '8888888888', 'email': 'test@razorpay.com'}},
      'external': {{'wallets': ['paytm']}}
    }};
    try {{
      _razorpay.open(options);
    }} catch (e) {{
      debugPrint('Error: $e');
    }}
  }}
}}
"""

REACT_NATIVE = f"""import RazorpayCheckout from 'react-native-razorpay';

export function PayButton() {{
  return <Button title="Pay" onPress={{() => {{
    RazorpayCheckout.open({{
      description: 'Credits towards consultation',
      currency: 'INR',
      key: '{LIVE}',
      amount: '5000',
      theme: {{color: '#53a20e'}},
    }}).then((data) => alert(data.razorpay_payment_id));
  }}}} />;
}}
"""

TYPESCRIPT = f"""declare const window: any;
export function pay(orderId: string): void {{
  const options: RazorpayOptions = {{
    key: "{LIVE}",
    order_id: orderId,
  }};
  const rzp = new window.Razorpay(options);
  rzp.open();
}}
"""

SWIFT = f"""class ViewController: UIViewController, RazorpayPaymentCompletionProtocol {{
    var razorpay: RazorpayCheckout!
    override func viewDidLoad() {{
        super.viewDidLoad()
        razorpay = RazorpayCheckout.initWithKey("{LIVE}", andDelegate: self)
    }}
}}
"""

OBJC = f"""- (void)viewDidLoad {{
    [super viewDidLoad];
    razorpay = [RazorpayCheckout initWithKey:@"{LIVE}" andDelegate:self];
}}
"""


@pytest.mark.parametrize(
    ("path", "source"),
    [
        pytest.param("web/checkout.html", CHECKOUT_HTML, id="standard-checkout-html"),
        pytest.param("app/src/main/AndroidManifest.xml", MANIFEST, id="android-manifest"),
        pytest.param("app/src/main/java/CheckoutActivity.kt", KOTLIN, id="kotlin-setKeyID"),
        pytest.param("app/src/main/java/PaymentActivity.java", JAVA, id="java-setKeyID"),
        pytest.param("lib/checkout.dart", DART, id="flutter-options"),
        pytest.param("src/PayButton.jsx", REACT_NATIVE, id="react-native-open-inline"),
        pytest.param("src/pay.ts", TYPESCRIPT, id="typed-options-new-window-razorpay"),
        pytest.param("ios/ViewController.swift", SWIFT, id="swift-initWithKey"),
        pytest.param("ios/ViewController.m", OBJC, id="objc-initWithKey"),
    ],
)
def test_key_id_in_a_documented_client_slot_is_public(path: str, source: str) -> None:
    assert codes(path, source) == []


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        pytest.param(
            "server/config.js",
            f'module.exports = {{ keyId: "{LIVE}" }};\n',
            [Code.LIVE_KEY_ID],
            id="server-config",
        ),
        pytest.param(
            "server/pay.js",
            f"const instance = new Razorpay({{ key_id: '{LIVE}', key_secret: "
            "process.env.RZP_SECRET });\n",
            [Code.LIVE_KEY_ID],
            id="node-sdk-key_id-is-not-the-checkout-slot",
        ),
        pytest.param(
            "app/src/main/AndroidManifest.xml",
            MANIFEST.replace("com.razorpay.ApiKey", "com.acme.PaymentsKey"),
            [Code.LIVE_KEY_ID],
            id="other-meta-data",
        ),
        pytest.param(
            "web/checkout.html",
            CHECKOUT_HTML.replace('"Gaurav Kumar"', f'"{TEST}"').replace('"name": "Gaurav', '"key'),
            [Code.TEST_KEY_ID],
            id="nested-object-key-is-not-the-option",
        ),
        pytest.param(
            "web/upload.js",
            f"var options = {{ key: '{LIVE}', bucket: 'b' }};\nuploader.send(options);\n",
            [Code.LIVE_KEY_ID],
            id="options-never-handed-to-a-checkout",
        ),
        pytest.param(
            "web/popup.js",
            f"var options = {{ key: '{LIVE}' }};\nwindow.open(options);\n",
            [Code.LIVE_KEY_ID],
            id="open-of-another-receiver",
        ),
        pytest.param(
            "lib/keys.dart",
            DART + f"const serverKey = '{LIVE}';\n",
            [Code.LIVE_KEY_ID],
            id="same-file-outside-the-slot",
        ),
        pytest.param(
            "app/src/main/java/CheckoutActivity.kt",
            KOTLIN.replace(f'"{LIVE}"', f'"{LIVE}" + suffix'),
            [Code.LIVE_KEY_ID],
            id="not-the-whole-argument",
        ),
    ],
)
def test_key_id_outside_a_client_slot_still_fires(
    path: str, source: str, expected: list[Code]
) -> None:
    assert codes(path, source) == expected


def test_secret_in_client_code_reports_the_secret_and_its_key_id() -> None:
    # The checkout's options are public, but a key secret beside them exposes the pair: both
    # are reported, and the key id's message says why it is reported here.
    source = CHECKOUT_HTML.replace(
        '"currency": "INR",', f'"currency": "INR",\n    "key_secret": "{SECRET}",'
    )
    found = scan_text("web/checkout.html", source, SECRETS)
    assert sorted(f.code for f in found) == [Code.LIVE_KEY_ID, Code.KEY_SECRET]
    key = next(f for f in found if f.code is Code.LIVE_KEY_ID)
    assert "its key secret is in this file too" in key.message
    assert LIVE not in key.message
    assert LIVE not in key.snippet


def test_secret_next_to_a_slot_key_id_is_reported() -> None:
    source = f'co.setKeyID("{LIVE}"); co.setSecret("{SECRET}");\n'
    assert sorted(codes("app/Pay.kt", source)) == [Code.LIVE_KEY_ID, Code.KEY_SECRET]


def test_a_secret_of_another_kind_does_not_expose_the_key_id() -> None:
    # A generic secret-named setting (not the 24-character shape of a Razorpay key secret) is
    # not the key's secret: it is reported, and the slot's key id stays public.
    source = (
        f"const options = {{ key: '{LIVE}', amount: 5000 }};\n"
        "const SESSION_SECRET = 'f3Kq9LmZ2xR7tV1bN8cW4yH6jP0sD5gA';  // authlint: ignore[AL203]\n"
        "new Razorpay(options).open();\n"
    )
    assert codes("web/checkout.js", source) == []
    assert codes("web/checkout.js", source.replace("  // authlint: ignore[AL203]", "")) == [
        Code.KEY_SECRET
    ]


def test_reader_spans_are_the_literals_in_the_slots() -> None:
    slots = BY_NAME["razorpay"].client_slots
    for source in (CHECKOUT_HTML, MANIFEST, KOTLIN, DART, REACT_NATIVE, SWIFT, OBJC):
        key = LIVE if LIVE in source else TEST
        at = source.index(key)
        assert client_slots(source, slots) == {(at, at + len(key))}


def test_reader_follows_every_assignment_of_the_options_variable() -> None:
    slots = BY_NAME["razorpay"].client_slots
    source = (
        "var options = { key: 'first' };\nvar options = { key: 'second' };\n"
        "new Razorpay(options);\nvar other = { key: 'third' };\n"
    )
    spans = client_slots(source, slots)
    assert {source[s:e] for s, e in spans} == {"first", "second"}


FLUTTER_TURBO = f"""class _TurboState extends State<TurboPage> {{
  late Razorpay razorpay;

  @override
  void initState() {{
    super.initState();
    razorpay = Platform.isAndroid
        ? Razorpay("{TEST}").initUpiTurbo()
        : Razorpay.initWith("{TEST}", true);
  }}
}}
"""


def test_flutter_turbo_upi_constructor_takes_the_key_id() -> None:
    assert codes("lib/turbo.dart", FLUTTER_TURBO) == []
    # A server SDK handed the key id and its secret: both reported.
    source = f'client := Razorpay("{LIVE}", "{SECRET}")\n'
    assert sorted(codes("pay.go", source)) == [Code.LIVE_KEY_ID, Code.KEY_SECRET]


def test_reader_skips_strings_and_comments_inside_the_object() -> None:
    slots = BY_NAME["razorpay"].client_slots
    source = (
        "var options = {\n  // key: 'commented'\n  note: 'a } in a string, key: \\'x\\'',\n"
        "  key: 'real'\n};\nnew Razorpay(options);\n"
    )
    assert {source[s:e] for s, e in client_slots(source, slots)} == {"real"}


def test_reader_is_bounded_on_an_unclosed_object() -> None:
    slots = BY_NAME["razorpay"].client_slots
    source = "new Razorpay({" + "a: [" * 50_000
    assert client_slots(source, slots) == frozenset()
    # Objects inside objects read already are not read again: linear, not quadratic.
    nested = "new Razorpay(options);\n" + "options = {" * 50_000
    assert client_slots(nested, slots) == frozenset()


DOCS = Path(__file__).resolve().parent.parent / "bench" / "_work" / "docs"


def test_every_slot_cites_where_the_provider_shows_it() -> None:
    slots = [(p, s) for p in PROVIDERS for s in p.client_slots]
    assert slots
    for provider, slot in slots:
        assert slot.docs, slot
        assert (slot.where == "option") == bool(slot.calls), slot
        for doc in slot.docs:
            assert doc.endswith(".md") or doc.startswith(
                f"https://github.com/{provider.name.lower()}/"
            ), doc


@pytest.mark.skipif(not DOCS.is_dir(), reason="the docs snapshot (bench/_work/docs) is not here")
def test_slot_pages_in_the_docs_snapshot_show_the_slot() -> None:
    # Each cited page of Razorpay's docs snapshot writes the slot's call or name (the manifest
    # page says the key id can be set "in AndroidManifest.xml").
    for slot in BY_NAME["razorpay"].client_slots:
        for doc in slot.docs:
            if not doc.endswith(".md"):
                continue
            page = (DOCS / doc).read_text(encoding="utf-8").lower()
            words = (
                [call.lower() for call in slot.calls]
                if slot.where == "option"
                else [
                    "androidmanifest.xml" if slot.where == "manifest" else f"{slot.name}(".lower()
                ]
            )
            assert any(word in page for word in words), (doc, slot.name)


ANGULAR = f"""declare const window: any;
@Component({{ selector: 'app-pay', templateUrl: './pay.component.html' }})
export class PayComponent {{
  options: any = {{
    key: '{LIVE}',
    amount: 50000,
    handler: (response: any) => this.verify(response),
  }};

  pay(): void {{
    const rzp = new (window as any).Razorpay(this.options);
    rzp.open();
  }}
}}
"""


def test_angular_component_field_handed_to_a_cast_window_razorpay() -> None:
    assert codes("src/app/pay.component.ts", ANGULAR) == []
    # The same field handed to something else is not the checkout's option.
    other = ANGULAR.replace("(window as any).Razorpay(this.options)", "Uploader(this.options)")
    assert codes("src/app/pay.component.ts", other) == [Code.LIVE_KEY_ID]
