"""Identifiers: ULIDs for events and records, secrets for tokens.

ULIDs sort by creation time and stay unique across halls, so the center can merge every hall's
log without coordination.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def ulid(ms: int | None = None) -> str:
    """A monotonic ULID: within one millisecond the random part increments, so order is kept."""
    global _last_ms, _last_rand
    with _lock:
        now = int(time.time() * 1000) if ms is None else ms
        if now <= _last_ms:
            now = _last_ms
            _last_rand += 1
        else:
            _last_ms = now
            _last_rand = int.from_bytes(os.urandom(10), "big") >> 1
        value = (now << 80) | (_last_rand & ((1 << 80) - 1))
    chars = []
    for _ in range(26):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def new_token(nbytes: int = 24) -> str:
    """URL-safe, and never starting with "-": a token is passed on command lines (`--token T`),
    where a leading dash reads as an option."""
    while True:
        token = secrets.token_urlsafe(nbytes)
        if not token.startswith("-"):
            return token


def token_hash(token: str) -> str:
    """Tokens are stored hashed: a copied database file grants no access."""
    return hashlib.sha256(token.encode()).hexdigest()


def sign(secret: str, message: str, length: int = 20) -> str:
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()
    return digest[:length]


# scrypt's cost for new PINs as log2(N), r = 8: 14 (16 MiB, some 50 ms) by default. A hash keeps
# its own cost, so a PIN set before a change still verifies. KIOSK_PIN_COST lowers it where
# nothing worth stealing is kept (the test suite sets 10, as Django's tests use a fast hasher),
# or raises it on a faster machine.
PIN_COST_ENV = "KIOSK_PIN_COST"
PIN_COST_DEFAULT = 14
PIN_COST_RANGE = range(10, 21)
_LEGACY_COST = 14  # "salt$digest", written before the cost was kept with the hash


def pin_cost() -> int:
    raw = os.environ.get(PIN_COST_ENV, "").strip()
    if not raw:
        return PIN_COST_DEFAULT
    if not raw.isdigit() or int(raw) not in PIN_COST_RANGE:
        raise ValueError(
            f"{PIN_COST_ENV}={raw!r}: give log2 of scrypt's N, "
            f"{PIN_COST_RANGE.start}-{PIN_COST_RANGE.stop - 1}"
        )
    return int(raw)


def _scrypt(pin: str, salt: bytes, cost: int) -> str:
    return hashlib.scrypt(pin.encode(), salt=salt, n=2**cost, r=8, p=1, dklen=32).hex()


def hash_pin(pin: str, salt: bytes | None = None, cost: int | None = None) -> str:
    """scrypt, salted: PINs are short, so a slow hash is the only protection of a stolen file.
    Stored as "scrypt$cost$salt$digest" so the cost can change without locking anyone out."""
    salt = salt or os.urandom(16)
    cost = pin_cost() if cost is None else cost
    return f"scrypt${cost}${salt.hex()}${_scrypt(pin, salt, cost)}"


def verify_pin(pin: str, stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) == 4 and parts[0] == "scrypt" and parts[1].isdigit():
        cost, salt_hex, digest_hex = int(parts[1]), parts[2], parts[3]
    elif len(parts) == 2:
        cost, (salt_hex, digest_hex) = _LEGACY_COST, parts
    else:
        return False
    if cost not in PIN_COST_RANGE:
        return False
    try:
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    return hmac.compare_digest(_scrypt(pin, salt, cost), digest_hex)
