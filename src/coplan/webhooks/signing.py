"""How each delivery is signed, so the receiver knows it came from coplan and is new.

    Coplan-Signature: t=1765100000,v1=5257a869e7ec...(64 hex digits)

`t` is when it was sent (seconds since 1970, UTC); `v1` is the HMAC-SHA256, in hex, of
`t`, a full stop and the body exactly as sent, keyed with the webhook's secret. A
receiver works out the same and compares (docs/features/webhooks.md), and refuses one
whose `t` is more than a few minutes old.
"""

import hashlib
import hmac

HEADER = "Coplan-Signature"


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode("ascii") + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def signature_header(*, secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret=secret, timestamp=timestamp, body=body)}"


def verified(*, secret: str, header: str, body: bytes, now: int, tolerance: int = 300) -> bool:
    """What a receiver does (and the tests do): the header's signature matches the body
    and was made within `tolerance` seconds of `now`."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, parts.get("v1", ""))
