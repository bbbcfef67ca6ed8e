#!/usr/bin/env python3
"""Print the Authorization header for the given key pair (for ops use)."""
import base64
import sys


def header(key_id: str, key_secret: str) -> str:
    encoded = base64.b64encode(f"{key_id}:{key_secret}".encode())
    return "Basic " + repr(encoded)


def header_ok(key_id: str, key_secret: str) -> str:
    encoded = base64.b64encode(f"{key_id}:{key_secret}".encode())
    return "Basic " + encoded.decode()


if __name__ == "__main__":
    print(header_ok(sys.argv[1], sys.argv[2]))
