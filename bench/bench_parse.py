"""Time authlint.parse against werkzeug and aiohttp on valid and invalid Basic values.

    .venv/bin/python bench/bench_parse.py [--number N] [--repeat R]

Prints the best per-call time of each parser on each value, whether it accepted the value, and
the throughput ratio authlint / peer (above 1 means authlint is faster). A benchmark, not a test:
numbers depend on the machine; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import base64
import timeit
from collections.abc import Callable
from functools import partial

from aiohttp import BasicAuth
from werkzeug.datastructures import Authorization

from authlint import HeaderError, parse


def _basic(raw: bytes) -> str:
    return "Basic " + base64.b64encode(raw).decode("ascii")


# A Razorpay-shaped key id and secret: 70 characters in all, the reference size.
VALID = _basic(b"rzp_test_AbCdEfGhIjKlMn:AbCdEfGhIjKlMnOpQrStUvWx")  # authlint: ignore
CASES = {
    "valid 70-char Basic": VALID,
    "RFC 7617 example": "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
    "non-canonical bits": "Basic YTpiYx==",
    "pad after group (YTpi=)": "Basic YTpi=",
    "CTL in decoded creds": _basic(b"Aladdin:open\r\nsesame"),
    'quoted (Basic "x")': 'Basic "' + VALID[6:] + '"',
    "variable (Basic $x)": "Basic $RAZORPAY_AUTH",
    "non-ASCII in token": "Basic QWxh\u00e9GRpbjpvcGVu",
}


def _authlint(value: str) -> bool:
    try:
        parse(value)
    except HeaderError:
        return False
    return True


def _werkzeug(value: str) -> bool:
    try:
        return Authorization.from_header(value) is not None
    except ValueError:
        # werkzeug 3.1.9 lets b64decode's ValueError escape on non-ASCII: an HTTP 500 in Flask.
        return False


def _aiohttp(value: str) -> bool:
    try:
        BasicAuth.decode(value)
    except ValueError:
        return False
    return True


PARSERS: dict[str, Callable[[str], bool]] = {
    "authlint": _authlint,
    "werkzeug": _werkzeug,
    "aiohttp": _aiohttp,
}


def best_us(
    funcs: dict[str, Callable[[str], bool]], value: str, number: int, repeat: int
) -> dict[str, float]:
    """Best per-call microseconds of each function, timed in turns so that load on a shared
    machine hits every parser alike."""
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, func in funcs.items():
            seconds = timeit.timeit(partial(func, value), number=number)
            best[name] = min(best[name], seconds / number * 1e6)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=20_000, help="calls per timing")
    parser.add_argument("--repeat", type=int, default=25, help="timings per value (best kept)")
    args = parser.parse_args(argv)

    # Every parser is called through a thin try/except wrapper, so that cost cancels out.
    baseline = best_us({"noop": lambda value: True}, VALID, args.number, args.repeat)["noop"]
    print(f"per-call times in microseconds (best of {args.repeat} x {args.number} calls)")
    print(f"lambda+call overhead, included in every figure: {baseline:.3f} us\n")
    header = f"{'value':<26}" + "".join(f"{name:>20}" for name in PARSERS)
    print(header + f"{'vs werkzeug':>14}{'vs aiohttp':>12}")
    for label, value in CASES.items():
        row = best_us(PARSERS, value, args.number, args.repeat)
        cells = "".join(
            f"{row[name]:>10.3f} {'accept' if PARSERS[name](value) else 'reject':>8} "
            for name in PARSERS
        )
        ratio_w = row["werkzeug"] / row["authlint"]
        ratio_a = row["aiohttp"] / row["authlint"]
        print(f"{label:<26}{cells}{ratio_w:>13.2f}x{ratio_a:>11.2f}x")
    print(
        "\nratio = peer time / authlint time: above 1.00x, authlint parses more values per second"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
