"""round_to is the built-in round for every figure a report rounds, to the last bit: rates of
whole numbers, minutes, changes in % (negative too), exact halves and values near them."""

from __future__ import annotations

import math
import random
import struct

import pytest

from kiosk.center.report_metrics import round_to


def same(a: float, b: float) -> bool:
    return struct.pack("<d", a) == struct.pack("<d", b)  # -0.0 and 0.0 differ here


@pytest.mark.parametrize("digits", [1, 2, 6])
def test_rates_of_whole_numbers(digits: int) -> None:
    for whole in range(1, 700):
        for part in range(whole + 1):
            x = part / whole
            assert same(round_to(x, digits), round(x, digits)), (part, whole, digits)


@pytest.mark.parametrize("digits", [1, 2, 6])
def test_halves_near_halves_negatives_and_large(digits: int) -> None:
    rng = random.Random(digits)
    values = [0.0, -0.0, 1e-12, -1e-12, 1e12, -1e12, 123456789.125, 2.675, 1.005, 0.125, -0.125]
    for k in range(-5000, 5000):
        half = (k + 0.5) / 10**digits
        values += [half, math.nextafter(half, 0), math.nextafter(half, math.inf), -half]
    values += [rng.uniform(-1e4, 1e4) for _ in range(50_000)]
    values += [(rng.randrange(10**6) - rng.randrange(10**6)) / rng.randrange(1, 10**6) * 100
               for _ in range(50_000)]  # fmt: skip
    values += [rng.randrange(200_000) / 60 for _ in range(20_000)]  # seconds as minutes
    for x in values:
        assert same(round_to(x, digits), round(x, digits)), (x, digits)
