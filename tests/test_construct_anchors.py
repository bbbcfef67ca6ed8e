"""Which words call for a syntax tree: derived from each language's table (construct/anchors.py)."""

from __future__ import annotations

import importlib

import pytest

from authlint import kinds
from authlint.construct.anchors import anchor_offsets
from authlint.prefilter import WORDS

_LOWERED = sorted(name for name, kind in kinds.KINDS.items() if kind.lowering)


def _sink_names(kind: str) -> list[str]:
    lowering = kinds.KINDS[kind].lowering
    assert lowering is not None
    language = importlib.import_module(lowering).LANGUAGE
    names = [sink.callee for sink in language.pair_sinks if sink.callee and not sink.keyword]
    names += [sink.method for sink in language.scheme_sinks]
    return [name for name in names if any(word.decode() in name.lower() for word in WORDS)]


@pytest.mark.parametrize("kind", _LOWERED)
def test_every_sink_name_in_a_language_table_calls_for_a_tree(kind: str) -> None:
    for name in _sink_names(kind):
        opener = " " if kind in ("shell",) else "("
        text = f"x{opener}{name}{opener}a, b)\n" if kind != "shell" else f"{name} a b\n"
        assert anchor_offsets(text, kind), (kind, name)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("python", 'r = requests.get(u, auth=("rzp_x", s))\n'),
        ("python", 's = os.getenv("KEY_SECRET", "x")\n'),
        ("python", 's = os.environ.get("KEY_SECRET") or "x"\n'),
        ("javascript", "const s = process.env.KEY_SECRET || 'x';\n"),
        ("javascript", "const rzp = new Razorpay({ key_id: a, key_secret: b });\n"),
        ("go", 's := cmp.Or(os.Getenv("KEY_SECRET"), "x")\n'),
        ("java", 'String s = System.getenv().getOrDefault("KEY_SECRET", "x");\n'),
        ("kotlin", 'val s = System.getenv("KEY_SECRET") ?: "x"\n'),
        ("csharp", 'var s = Environment.GetEnvironmentVariable("KEY_SECRET") ?? "x";\n'),
        ("php", "$s = getenv('KEY_SECRET') ?: 'x';\n"),
        ("ruby", "s = ENV.fetch('KEY_SECRET', 'x')\n"),
        ("ruby", "http.basic_auth id, secret\n"),
        # The Razorpay PHP SDK's `new Api(...)`: its import names the SDK.
        ("php", "use Razorpay\\Api\\Api;\n"),
        ("php", "$api = new \\Razorpay\\Api\\Api($id, $secret);\n"),
        ("shell", 'curl -sS "$U" -u "$ID:$KEY_SECRET"\n'),
        ("shell", ': "${KEY_SECRET:=x}"\n'),
        ("terraform", 'locals { s = coalesce(var.key_secret, "x") }\n'),
        # A Kotlin pair whose value does not start with the scheme.
        ("kotlin", 'val h = mapOf("Authorization" to prefix + token)\n'),
    ],
)
def test_a_sink_or_a_fallback_of_the_language_calls_for_a_tree(kind: str, text: str) -> None:
    assert anchor_offsets(text, kind)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # Another language's sink or fallback: not a construction site here.
        ("python", 'cmd = "curl -u $ID:$SECRET"  # curl\n'),
        ("python", "s = a.key_secret ?? b\n"),
        ("shell", "echo $KEY_SECRET || exit 1\n"),
        ("javascript", "const s = cmp.Or(process.env.KEY_SECRET)\n"),
        # A word inside a longer name, in prose, or in a read of the header.
        ("python", "oauth = OAuth2Session(client_id)\n"),
        ("python", "# use basic authentication with the secret\n"),
        ("python", "import razorpay\nlogging.basicConfig()\n"),
        ("shell", "echo curl is installed\n"),
        # Another SDK's `Api`, or the word in a namespace that is not the SDK's class.
        ("php", "use Stripe\\Api;\n$api = new Api($key, $secret);\n"),
        ("php", "namespace Razorpay\\Webhooks;\n"),
        # The word followed by `to` in prose, or not closing a string.
        ("kotlin", "// grant authorization to the service\n"),
        ("kotlin", 'val s = "authorization to the service"\n'),
    ],
)
def test_other_words_call_for_none(kind: str, text: str) -> None:
    assert anchor_offsets(text, kind) == []


def test_the_header_itself_calls_for_a_tree_in_every_language() -> None:
    for kind in _LOWERED:
        assert anchor_offsets('h["Authorization"] = "Basic " + t\n', kind), kind
