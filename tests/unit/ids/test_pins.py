"""PIN hashes keep their own scrypt cost: a PIN set before a change of cost still verifies,
a stored hash in the form before the cost was kept still verifies, a bad cost setting is said
plainly, and nothing that is not one of our hashes ever verifies."""

from __future__ import annotations

import hashlib

import pytest

from kiosk.ids import PIN_COST_ENV, hash_pin, pin_cost, verify_pin


def test_a_pin_verifies_under_the_cost_it_was_hashed_with(monkeypatch) -> None:
    monkeypatch.setenv(PIN_COST_ENV, "11")
    cheap = hash_pin("1234")
    assert cheap.startswith("scrypt$11$")
    monkeypatch.setenv(PIN_COST_ENV, "12")
    assert verify_pin("1234", cheap)  # the hash says its cost, not the setting
    assert not verify_pin("1235", cheap)
    assert hash_pin("1234").startswith("scrypt$12$")


def test_the_default_cost_is_scrypts_interactive_one(monkeypatch) -> None:
    monkeypatch.delenv(PIN_COST_ENV, raising=False)
    assert pin_cost() == 14


def test_a_hash_from_before_the_cost_was_kept_still_verifies() -> None:
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"9999", salt=salt, n=2**14, r=8, p=1, dklen=32)
    legacy = salt.hex() + "$" + digest.hex()
    assert verify_pin("9999", legacy)
    assert not verify_pin("9998", legacy)


@pytest.mark.parametrize("stored", ["", "$", "scrypt$$$", "scrypt$30$00$00", "md5$abc", "a$b$c"])
def test_anything_else_never_verifies(stored: str) -> None:
    assert not verify_pin("1234", stored)


@pytest.mark.parametrize("value", ["9", "21", "fast", "-1"])
def test_a_bad_cost_setting_is_refused_plainly(monkeypatch, value: str) -> None:
    monkeypatch.setenv(PIN_COST_ENV, value)
    with pytest.raises(ValueError, match=PIN_COST_ENV):
        hash_pin("1234")
