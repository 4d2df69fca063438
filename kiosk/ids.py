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


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """scrypt, salted: PINs are short, so a slow hash is the only protection of a stolen file."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return salt.hex() + "$" + digest.hex()


def verify_pin(pin: str, stored: str) -> bool:
    salt_hex, _, digest_hex = stored.partition("$")
    candidate = hash_pin(pin, bytes.fromhex(salt_hex)).partition("$")[2]
    return hmac.compare_digest(candidate, digest_hex)
