"""Kotlin properties with a custom getter (`val token get() = ...`): a read runs the getter, so
the evaluator follows its expression body (or a block that only returns a value) as it follows
an initialised property."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _found(source: str) -> list[tuple[int, Code]]:
    path = "app/src/main/java/com/example/pay/Orders.kt"
    return [(f.line, f.code) for f in scan_text(path, source, Settings().with_selection())]


HEAD = (
    "package com.example.pay\n\n"
    "import android.util.Base64\n"
    "import okhttp3.Request\n\n"
    "class Orders(private val keyId: String, private val keySecret: String) {\n"
)
PAIR = '"$keyId:$keySecret".toByteArray()'
SINK = (
    "\n    fun list(): Request = Request.Builder()\n"
    '        .url("https://api.example.com/v1/orders")\n'
    '        .header("Authorization", USE)\n'
    "        .build()\n}\n"
)


def _source(getter: str, use: str = '"Basic $auth"') -> str:
    return HEAD + getter + SINK.replace("USE", use)


@pytest.mark.parametrize(
    ("getter", "use", "expected"),
    [
        (
            "    private val auth: String\n"
            f"        get() = Base64.encodeToString({PAIR}, Base64.URL_SAFE or Base64.NO_WRAP)\n",
            '"Basic $auth"',
            [(8, Code.URL_SAFE_ALPHABET)],
        ),
        (
            f"    private val auth get() = Base64.encodeToString({PAIR}, Base64.DEFAULT)\n",
            '"Basic " + auth',
            [(7, Code.ENCODER_NEWLINE)],
        ),
        (
            "    val auth: String\n        get() {\n"
            f"            return Base64.encodeToString({PAIR}, Base64.URL_SAFE or Base64.NO_WRAP)\n"
            "        }\n",
            '"Basic ${auth}"',
            [(9, Code.URL_SAFE_ALPHABET)],
        ),
    ],
)
def test_a_getter_body_is_followed(getter: str, use: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(_source(getter, use)) == expected


@pytest.mark.parametrize(
    "getter",
    [
        # Right: NO_WRAP, standard alphabet.
        "    private val auth: String\n"
        f"        get() = Base64.encodeToString({PAIR}, Base64.NO_WRAP)\n",
        # A block with more than a return: its locals are not scoped, so nothing is claimed.
        "    private val auth: String\n        get() {\n"
        f"            val raw = {PAIR}\n"
        "            return Base64.encodeToString(raw, Base64.URL_SAFE or Base64.NO_WRAP)\n"
        "        }\n",
        # The getter reads something from outside the file.
        "    private val auth: String\n        get() = TokenStore.current()\n",
    ],
)
def test_right_or_unknown_getters_stay_clean(getter: str) -> None:
    assert _found(_source(getter)) == []
