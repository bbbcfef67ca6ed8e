"""What authlint knows about the APIs a header or a key can be for: ONE table.

Each provider is one entry: the hosts of its API, the shapes of its key ids and secrets, the
header format its docs prescribe (and so which rules a header sent to it gets), the example keys
its own docs publish (with where), and the placeholders its docs write. The prefilter's words, the
redactor's prefixes, ``BasicCredentials.key_mode`` and the AL2xx key shapes are all derived from
this table, so a new provider is one entry plus its tests.

A leaf module (stdlib, authlint.record and authlint.lazyre), and no regex is compiled at import
(each key pattern compiles with the first text that starts with its prefix), so ``import authlint`` and a pre-commit run on a file without keys stay
cheap. The records are authlint.record's for the same reason: a slotted dataclass costs about
1.5 ms of start-up to define, a NamedTuple with postponed annotations 0.3 ms (typing compiles
each annotation), a record nothing beyond its byte code.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final, Literal

from authlint.lazyre import lazy
from authlint.record import Record

Role = Literal["key-id", "secret", "public"]
Evidence = Literal["config-path", "config-host", "key", "host", "sdk", "file-host", "default"]


class KeyShape(Record):
    """One kind of key a provider issues.

    ``pattern`` is a str regex for the whole key; a ``mode`` group captures "live"/"test" where
    the key says it, otherwise ``mode`` is fixed (None: the key does not tell).
    """

    __slots__ = ("mode", "name", "pattern", "prefix", "role")
    _fields = ("prefix", "pattern", "role", "mode", "name")

    def __init__(
        self, prefix: str, pattern: str, role: Role, mode: str | None = None, name: str = ""
    ) -> None:
        self.prefix: Final = prefix  # literal start: a prefilter word, and what redaction shows
        self.pattern: Final = pattern
        # "public": meant to be shipped to browsers (publishable keys), never a finding.
        self.role: Final = role
        self.mode: Final = mode
        self.name: Final = name  # what the provider calls it, for messages


class Published(Record):
    """A key or secret the provider's own documentation prints as a worked example."""

    __slots__ = ("doc", "url", "value")
    _fields = ("value", "doc", "url")

    def __init__(self, value: str, doc: str, url: str) -> None:
        self.value: Final = value
        self.doc: Final = doc  # path inside the docs repository snapshot that prints it
        self.url: Final = url


class ClientSlot(Record):
    """A place the provider's docs tell apps to write the key id, in code that runs on the
    user's device or in the browser: the key id is the public half of the key there (the docs
    say never to put the key SECRET in client code), so a key id in such a slot is not a leak.

    ``where`` says how a reader finds the slot (authlint/extract/slots.py):
    - "option": the ``name`` property of an object or map literal handed to one of ``calls``
      (directly, or through the variable it is assigned to);
    - "call": the first argument of a call whose method is ``name`` (`co.setKeyID("...")`);
    - "manifest": the value of the Android manifest `<meta-data>` whose `android:name` is
      ``name``.
    A call is written as its callee's tail: `new Razorpay` (a constructor), `Checkout.open`
    (a method of that receiver; a receiver's leading `_` and its case do not matter, so
    `razorpay.open` is also `_razorpay.open` on a Flutter `Razorpay()` instance).
    """

    __slots__ = ("calls", "docs", "name", "where")
    _fields = ("where", "name", "calls", "docs")

    def __init__(
        self,
        where: Literal["option", "call", "manifest"],
        name: str,
        calls: tuple[str, ...] = (),
        docs: tuple[str, ...] = (),
    ) -> None:
        self.where: Final = where
        self.name: Final = name
        self.calls: Final = calls
        # Where the provider shows it: paths inside its docs snapshot (the `_RZP_DOCS` commit),
        # or the URL of its own sample app's file.
        self.docs: Final = docs


class Provider(Record):
    __slots__ = (
        "client_slots",
        "docs",
        "empty_password",
        "header_format",
        "hosts",
        "keys",
        "name",
        "placeholders",
        "profile",
        "published",
        "sdk_words",
        "secret_shape",
    )
    _fields = (
        "name",
        "hosts",
        "sdk_words",
        "keys",
        "secret_shape",
        "header_format",
        "profile",
        "empty_password",
        "docs",
        "published",
        "placeholders",
        "client_slots",
    )

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        name: str,
        hosts: tuple[str, ...],
        sdk_words: tuple[str, ...],
        keys: tuple[KeyShape, ...],
        secret_shape: str | None,
        header_format: str,
        profile: str,
        empty_password: bool,
        docs: str,
        published: tuple[Published, ...] = (),
        placeholders: tuple[str, ...] = (),
        client_slots: tuple[ClientSlot, ...] = (),
    ) -> None:
        self.name: Final = name
        # Host names of the API (a request to a subdomain of one counts too).
        self.hosts: Final = hosts
        # Words that, in a file's text, say its SDK is in use (an import, a package name).
        self.sdk_words: Final = sdk_words
        self.keys: Final = keys
        # A secret without a prefix of its own (Razorpay's 24-character key secret), or None.
        self.secret_shape: Final = secret_shape
        # The Authorization format the provider documents, in its docs' own notation.
        self.header_format: Final = header_format
        # Which parser profile its documented format needs: "strict" (exact `Basic`/`Bearer`,
        # one space, both halves of the pair) or "rfc" (RFC 9110/7617/6750 alone).
        self.profile: Final = profile
        # The documented Basic pair has an empty password (`api_key:`): AL116 is wrong there.
        self.empty_password: Final = empty_password
        self.docs: Final = docs  # URL of the authentication page the format comes from
        self.published: Final = published
        self.placeholders: Final = placeholders
        # Where its docs put the key id in client-side code (see ClientSlot).
        self.client_slots: Final = client_slots


_RZP_DOCS = (
    "https://github.com/razorpay/markdown-docs/blob/ab3bda5f11c308034b2089df532df1064db1df7c/"
)


def _rzp(value: str, doc: str) -> Published:
    return Published(value, doc, _RZP_DOCS + doc)


PROVIDERS: tuple[Provider, ...] = (
    Provider(
        name="Razorpay",
        hosts=("api.razorpay.com", "auth.razorpay.com", "mcp.razorpay.com"),
        sdk_words=("razorpay",),
        keys=(
            KeyShape(
                prefix="rzp_",
                pattern=r"rzp_(?P<mode>live|test)_(?P<body>[A-Za-z0-9]{14})(?![A-Za-z0-9])",
                role="key-id",
                name="key id",
            ),
        ),
        secret_shape=r"[A-Za-z0-9]{24}",
        header_format="Basic base64(KEY_ID:KEY_SECRET)",
        profile="strict",
        empty_password=False,
        docs="https://razorpay.com/docs/api/authentication",
        published=(
            # "Use the rzp_test_... merchant key for testing on the UAT environment".
            _rzp(
                "rzp_test_0wFRWIZnH65uny",
                "payments/payment-gateway/android-integration/custom/payment-methods/turbo-upi.md",
            ),
            _rzp(
                "rzp_test_vacN5cmVqNIlhO",
                "payments/payment-gateway/android-integration/custom/payment-methods/"
                "turbo-upi/integration-ui-mock.md",
            ),
            _rzp(
                "rzp_test_V5AtnjYvupQXm1",
                "payments/payment-gateway/android-integration/custom/payment-methods/"
                "turbo-upi/integration-ui-mock.md",
            ),
            _rzp(
                "rzp_test_5sHeuuremkiApj",
                "payments/payment-gateway/android-integration/custom/payment-methods/"
                "turbo-upi/integration-noui-tpv.md",
            ),
            _rzp(
                "rzp_test_8UzRYt0d70Ntgz",
                "payments/payment-gateway/flutter-integration/custom/payment-methods/"
                "turbo-upi/integration-ui-tpv.md",
            ),
            # Worked examples of payment-signature verification (HMAC with this secret).
            _rzp("EnLs21M47BllR3X8PSFtjtbd", "api/payments/subscriptions-custom.md"),
            _rzp(
                "qp3zKxwLZxbMORJgEVWi3Gou",
                "payments/international-payments/accept-international-payments-from-indian-"
                "customers/s2s-integration/build-integration.md",
            ),
            # The client_secret of the OAuth token-revocation example.
            _rzp(
                "DcTFepYebC7FuNk39C8M3yl2",
                "partners/technology-partners/onboard-businesses/integrate-oauth/"
                "integration-steps.md",
            ),
        ),
        placeholders=(
            "[YOUR_KEY_ID]",
            "[YOUR_KEY_SECRET]",
            "[YOUR_SECRET]",
            "rzp_test_XXXXXXXXXXXXXX",
        ),
        # "Save your Key ID and Key Secret securely (never expose the Key Secret in client-side
        # code)": payments/payment-gateway/web-integration/standard/chargeback/
        # build-integration-ecommerce.md. The key id itself goes in the checkout's options.
        client_slots=(
            ClientSlot(
                "option",
                "key",
                calls=("new Razorpay", "RazorpayCheckout.open", "razorpay.open", "Checkout.open"),
                docs=(
                    "payments/payment-gateway/web-integration/standard/integration-steps.md",
                    "payments/payment-gateway/react-native-integration/standard/"
                    "integration-steps-android.md",
                    "payments/payment-gateway/flutter-integration/standard/integration-steps.md",
                    "payments/payment-gateway/capacitor-integration/integration-steps.md",
                    "payments/payment-gateway/cordova-integration/integration-steps.md",
                ),
            ),
            ClientSlot(
                "call",
                "setKeyID",
                docs=(
                    "payments/payment-gateway/android-integration/standard/integration-steps.md",
                ),
            ),
            # Flutter's Turbo UPI: `Razorpay("YOUR_KEY_ID")`, on iOS `Razorpay.initWith(...)`.
            ClientSlot(
                "call",
                "Razorpay",
                docs=(
                    "payments/payment-gateway/flutter-integration/standard/payment-methods/"
                    "turbo-upi.md",
                ),
            ),
            ClientSlot(
                "call",
                "initWith",
                docs=(
                    "payments/payment-gateway/flutter-integration/custom/payment-methods/"
                    "turbo-upi/integration-ui-tpv.md",
                ),
            ),
            ClientSlot(
                "call",
                "initWithKey",
                docs=("payments/payment-gateway/ios-integration/standard/integration-steps.md",),
            ),
            # The Android SDK also reads the key id from this manifest entry ("apart from setting
            # it in AndroidManifest.xml, keyId can also be set programmatically": the Android
            # integration steps); Razorpay's own sample app writes it there.
            ClientSlot(
                "manifest",
                "com.razorpay.ApiKey",
                docs=(
                    "payments/payment-gateway/android-integration/standard/integration-steps.md",
                    "https://github.com/razorpay/razorpay-android-sample-app/blob/master/"
                    "app/src/main/AndroidManifest.xml",
                ),
            ),
        ),
    ),
    Provider(
        name="Stripe",
        hosts=("api.stripe.com", "files.stripe.com", "connect.stripe.com"),
        sdk_words=("stripe",),
        keys=(
            KeyShape(
                "sk_",
                r"sk_(?P<mode>live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])",
                "secret",
                name="secret key",
            ),
            KeyShape(
                "rk_",
                r"rk_(?P<mode>live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])",
                "secret",
                name="restricted key",
            ),
            KeyShape(
                "pk_",
                r"pk_(?P<mode>live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])",
                "public",
                name="publishable key",
            ),
        ),
        secret_shape=None,
        header_format="Bearer SECRET_KEY, or Basic base64(SECRET_KEY:) (`curl -u sk_test_...:`)",
        profile="rfc",
        empty_password=True,
        docs="https://docs.stripe.com/api/authentication",
        published=(
            # The sample test key every example of the API reference is written with.
            Published(
                "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
                "api/authentication",
                "https://docs.stripe.com/api/authentication",
            ),
            # The older sample test key, still printed by API reference pages (`curl ... -u
            # sk_test_BQok...:`) and cited by stripe-python's own tests as public.
            Published("sk_test_BQokikJOvBiI2HlWgH4olfQ2", "keys", "https://docs.stripe.com/keys"),
        ),
        placeholders=("sk_test_...", "{{SECRET_KEY}}"),
    ),
    Provider(
        name="Twilio",
        hosts=("api.twilio.com", "twilio.com"),
        sdk_words=("twilio",),
        keys=(
            KeyShape("AC", r"AC[0-9a-f]{32}(?![0-9A-Za-z])", "key-id", name="Account SID"),
            KeyShape("SK", r"SK[0-9a-f]{32}(?![0-9A-Za-z])", "key-id", name="API key SID"),
        ),
        secret_shape=r"[0-9a-f]{32}",
        header_format="Basic base64(ACCOUNT_SID:AUTH_TOKEN) or base64(API_KEY_SID:API_KEY_SECRET)",
        profile="rfc",
        empty_password=False,
        docs="https://www.twilio.com/docs/usage/requests-to-twilio",
        placeholders=("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "your_auth_token"),
    ),
    Provider(
        name="GitHub",
        hosts=("api.github.com", "uploads.github.com"),
        sdk_words=("octokit", "pygithub", "go-github"),
        keys=(
            KeyShape("ghp_", r"ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])", "secret", name="token"),
            KeyShape("gho_", r"gho_[A-Za-z0-9]{36}(?![A-Za-z0-9])", "secret", name="OAuth token"),
            KeyShape("ghs_", r"ghs_[A-Za-z0-9]{36}(?![A-Za-z0-9])", "secret", name="app token"),
            KeyShape(
                "github_pat_",
                r"github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])",
                "secret",
                name="fine-grained token",
            ),
        ),
        secret_shape=None,
        header_format="Bearer TOKEN (or the older `token TOKEN`)",
        profile="rfc",
        empty_password=False,
        docs="https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api",
        placeholders=("YOUR-TOKEN", "<YOUR-TOKEN>"),
    ),
    Provider(
        name="Cashfree",
        hosts=("api.cashfree.com", "sandbox.cashfree.com", "payout-api.cashfree.com"),
        sdk_words=("cashfree",),
        keys=(
            KeyShape(
                "cfsk_ma_",
                r"cfsk_ma_(?P<mode>prod|test)_[0-9a-f]{32}_[0-9a-f]{8}(?![0-9A-Za-z])",
                "secret",
                name="secret key",
            ),
        ),
        secret_shape=None,
        # Not Authorization: the app id and secret go in their own headers.
        header_format="x-client-id: APP_ID and x-client-secret: SECRET_KEY",
        profile="rfc",
        empty_password=False,
        docs="https://www.cashfree.com/docs/api-reference/payments/latest/overview",
        placeholders=("<YOUR_APP_ID>", "<YOUR_SECRET_KEY>"),
    ),
    Provider(
        name="Flutterwave",
        hosts=("api.flutterwave.com",),
        sdk_words=("flutterwave",),
        keys=(
            KeyShape(
                "FLWSECK-",
                r"FLWSECK-[0-9a-f]{32}-X(?![0-9A-Za-z])",
                "secret",
                mode="live",
                name="secret key",
            ),
            KeyShape(
                "FLWSECK_TEST-",
                r"FLWSECK_TEST-[0-9a-f]{32}-X(?![0-9A-Za-z])",
                "secret",
                mode="test",
                name="secret key",
            ),
            KeyShape(
                "FLWPUBK",
                r"FLWPUBK(?:_TEST)?-[0-9a-f]{32}-X(?![0-9A-Za-z])",
                "public",
                name="public key",
            ),
        ),
        secret_shape=None,
        header_format="Bearer SECRET_KEY",
        profile="rfc",
        empty_password=False,
        docs="https://developer.flutterwave.com/docs/authentication",
        placeholders=("<YOUR_SECRET_KEY>",),
    ),
    Provider(
        # Its keys have Stripe's prefixes (`sk_live_`, `pk_test_`): a key alone fits both
        # shapes, and the file's host or SDK says which (``sharing`` below).
        name="Paystack",
        hosts=("api.paystack.co",),
        sdk_words=("paystack",),
        keys=(
            KeyShape(
                "sk_",
                r"sk_(?P<mode>live|test)_[0-9a-f]{40}(?![A-Za-z0-9])",
                "secret",
                name="secret key",
            ),
            KeyShape(
                "pk_",
                r"pk_(?P<mode>live|test)_[0-9a-f]{40}(?![A-Za-z0-9])",
                "public",
                name="public key",
            ),
        ),
        secret_shape=None,
        header_format="Bearer SECRET_KEY",
        profile="rfc",
        empty_password=False,
        docs="https://paystack.com/docs/api/authentication/",
        placeholders=("sk_test_xxxxxx",),
    ),
    Provider(
        name="Juspay",
        hosts=("api.juspay.in", "sandbox.juspay.in", "api-ns1.juspay.in"),
        sdk_words=("juspay", "expresscheckout"),
        keys=(),
        secret_shape=None,
        header_format="Basic base64(API_KEY:) (the API key as user id, no password)",
        profile="rfc",
        empty_password=True,
        docs="https://juspay.io/in/docs/api-reference/docs/express-checkout/introduction",
        placeholders=("<api_key>", "your_api_key"),
    ),
    Provider(
        name="Midtrans",
        hosts=("api.midtrans.com", "app.midtrans.com", "api.sandbox.midtrans.com"),
        sdk_words=("midtrans",),
        keys=(
            KeyShape(
                "Mid-server-",
                r"(?:SB-)?Mid-server-[A-Za-z0-9_-]{16,64}(?![A-Za-z0-9_-])",
                "secret",
                name="server key",
            ),
        ),
        secret_shape=None,
        header_format="Basic base64(SERVER_KEY:) (the server key as user id, no password)",
        profile="rfc",
        empty_password=True,
        docs="https://docs.midtrans.com/reference-link/authorization",
        published=(
            # The sandbox demo key of Midtrans' own SDK examples (Node, Go, PHP clients), copied
            # by countless tutorials: public by design.
            Published(
                "SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYA",
                "examples/expressApp/app.js",
                "https://github.com/Midtrans/midtrans-nodejs-client/blob/master/"
                "examples/expressApp/app.js",
            ),
        ),
        placeholders=("{Your_Server_Key}",),
    ),
)

BY_NAME: dict[str, Provider] = {p.name.lower(): p for p in PROVIDERS}

# The prefixes a redacted key may keep (`rzp_live_Ab…`): the literal start that says which
# provider and mode, never secret material.
KEY_PREFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            f"{shape.prefix}{mode}_" if "(?P<mode>live|test)" in shape.pattern else shape.prefix
            for provider in PROVIDERS
            for shape in provider.keys
            if shape.role != "public"
            for mode in ("live", "test")
        },
        key=len,
        reverse=True,
    )
)


def _literal_starts(shape: KeyShape) -> tuple[str, ...]:
    """The literal starts of a key: its prefix, with the mode spelled out when the prefix alone
    is short enough to begin ordinary words (`sk_` in `task_`)."""
    if len(shape.prefix) >= 4 or "(?P<mode>live|test)" not in shape.pattern:
        return (shape.prefix,)
    return (f"{shape.prefix}live_", f"{shape.prefix}test_")


# Words whose presence in a file sends it through the key-shape patterns (lower case: the
# prefilter folds case). Prefixes shorter than 4 characters (Twilio's `AC`) would fire on
# every identifier; those keys are recognised from evidence (a decoded Basic pair) instead.
PREFILTER_WORDS: tuple[bytes, ...] = tuple(
    dict.fromkeys(
        start.lower().encode()
        for provider in PROVIDERS
        for shape in provider.keys
        if shape.role != "public"
        for start in _literal_starts(shape)
        if len(start) >= 4
    )
)


class Match(Record):
    __slots__ = ("mode", "provider", "shape")
    _fields = ("provider", "shape", "mode")

    def __init__(self, provider: Provider, shape: KeyShape, mode: str | None) -> None:
        self.provider: Final = provider
        self.shape: Final = shape
        self.mode: Final = mode


class _Compiled(Record):
    __slots__ = ("provider", "regex", "shape")
    _fields = ("provider", "shape", "regex")

    def __init__(self, provider: Provider, shape: KeyShape, regex: re.Pattern[str]) -> None:
        self.provider: Final = provider
        self.shape: Final = shape
        self.regex: Final = regex


@cache
def _compiled() -> tuple[_Compiled, ...]:
    return tuple(
        _Compiled(provider, shape, lazy(shape.pattern))
        for provider in PROVIDERS
        for shape in provider.keys
    )


def _mode(shape: KeyShape, found: re.Match[str]) -> str | None:
    mode = found.groupdict().get("mode") or shape.mode
    return {"prod": "live"}.get(mode or "", mode)


def match_key(text: str, pos: int = 0) -> Match | None:
    """The provider key that starts at ``text[pos]`` (not a longer word's tail), or None."""
    if pos and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
        return None
    for entry in _compiled():
        if text.startswith(entry.shape.prefix, pos):
            found = entry.regex.match(text, pos)
            if found is not None:
                return Match(entry.provider, entry.shape, _mode(entry.shape, found))
    return None


def key_of(value: str) -> Match | None:
    """The provider key that ``value`` is, as a whole, or None."""
    for entry in _compiled():
        if value.startswith(entry.shape.prefix):
            found = entry.regex.fullmatch(value)
            if found is not None:
                return Match(entry.provider, entry.shape, _mode(entry.shape, found))
    return None


def sharing(found: Match, key: str) -> tuple[Provider, ...]:
    """The providers whose key shape ``key`` (as a whole) fits, ``found``'s first. More than one
    when providers issue keys of one shape (Stripe's and Paystack's `sk_live_...`): the key
    alone does not say whose it is."""
    names = {found.provider.name: found.provider}
    for entry in _compiled():
        if (
            entry.shape.role == found.shape.role
            and entry.provider.name not in names
            and key.startswith(entry.shape.prefix)
            and entry.regex.fullmatch(key) is not None
        ):
            names[entry.provider.name] = entry.provider
    return tuple(names.values())


def key_span(text: str, pos: int) -> int:
    """The end of the key found at ``pos`` by match_key (same preconditions)."""
    for entry in _compiled():
        if text.startswith(entry.shape.prefix, pos):
            found = entry.regex.match(text, pos)
            if found is not None:
                return found.end()
    return pos


@cache
def _published() -> dict[str, Published]:
    # Each published key also under the form the scanner anchors on, from its shape's prefix:
    # `SB-Mid-server-...` is found at `Mid-server-`.
    found: dict[str, Published] = {}
    for provider in PROVIDERS:
        for entry in provider.published:
            found[entry.value] = entry
            for shape in provider.keys:
                at = entry.value.find(shape.prefix)
                if at > 0:
                    found.setdefault(entry.value[at:], entry)
    return found


def published(value: str) -> Published | None:
    """The provider docs entry that prints ``value`` as a worked example, if any."""
    return _published().get(value)


def for_host(host: str) -> Provider | None:
    """The provider whose API ``host`` is (a subdomain of one of its hosts counts)."""
    host = host.lower().rstrip(".")
    for provider in PROVIDERS:
        for known in provider.hosts:
            if host == known or host.endswith("." + known):
                return provider
    return None


def secret_shape_of(provider: Provider) -> re.Pattern[str] | None:
    return None if provider.secret_shape is None else _secret_shape(provider.name)


@cache
def _secret_shape(name: str) -> re.Pattern[str]:
    shape = BY_NAME[name.lower()].secret_shape
    assert shape is not None
    return re.compile(shape)


class RuleChoice(Record):
    """Which rules a header was judged by, and the evidence that chose them (a finding's
    structured field; its message is built from it)."""

    __slots__ = ("detail", "empty_password", "evidence", "mixed", "profile", "provider")
    _fields = ("profile", "provider", "evidence", "detail", "empty_password", "mixed")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        profile: str,
        provider: str | None,
        evidence: Evidence,
        detail: str = "",
        empty_password: bool = False,
        mixed: bool = False,
    ) -> None:
        self.profile: Final = profile  # "strict" or "rfc"
        # The provider whose documented format applies, if one was identified.
        self.provider: Final = provider
        self.evidence: Final = evidence
        self.detail: Final = detail  # the host, the redacted key prefix, the glob or the SDK word
        # The provider documents `key:` (an empty password) as correct.
        self.empty_password: Final = empty_password
        # File evidence only: the file also calls hosts of no known API (a bundle, a gateway), so
        # the provider is the file's, not necessarily each request's.
        self.mixed: Final = mixed

    def describe(self) -> str:
        why = {
            "config-path": f"pinned for paths matching {self.detail!r} in the configuration",
            "config-host": f"pinned for host {self.detail} in the configuration",
            "key": f"the credentials are a {self.detail}",
            "host": f"the request goes to {self.detail}",
            "sdk": f"the file uses the {self.detail} SDK",
            "file-host": f"the file calls {self.detail}",
            "default": "nothing in the file says which API this is",
        }[self.evidence]
        if self.provider:
            return f"{self.provider}'s documented format, {self.profile} profile: {why}"
        if self.evidence == "default":
            return f"the default {self.profile} profile: {why}"
        return f"{self.profile} profile: {why}"
