"""Fixtures for the voice tests; the fakes themselves live in voice_fakes.py."""

from __future__ import annotations

import pytest
from voice_fakes import FakeClock, FakeEngine, FakePlayer


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def player(clock: FakeClock) -> FakePlayer:
    return FakePlayer(clock)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()
