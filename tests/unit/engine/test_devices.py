"""Devices and their registration: a rating pad belongs to one window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.domain import DeviceRole
from kiosk.errors import Invalid


def test_a_pad_is_registered_to_an_existing_window(hall) -> None:
    with pytest.raises(Invalid):
        hall.add_device("pad-x", DeviceRole.RATING_PAD)
    with pytest.raises(Invalid):
        hall.add_device("pad-x", DeviceRole.RATING_PAD, 99)
    token = hall.add_device("pad-x", DeviceRole.RATING_PAD, 2)
    who = hall.principal(token)
    assert who is not None and who.role == "rating_pad" and who.window_no == 2


def test_the_cli_refuses_a_pad_without_a_window(hall, db_path: Path) -> None:
    hall.close()
    run = [sys.executable, "-m", "kiosk", "device", "add", "--data", str(db_path.parent)]
    refused = subprocess.run(
        [*run, "--role", "rating_pad", "--name", "pad-9"], capture_output=True, text=True
    )
    assert refused.returncode != 0 and "--window" in refused.stderr
    assert "Traceback" not in refused.stderr
    ok = subprocess.run(
        [*run, "--role", "rating_pad", "--name", "pad-9", "--window", "3"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and ok.stdout.strip()
