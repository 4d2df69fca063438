"""Where the shipped data lives.

Resolved from this file rather than the working directory, so `kiosk demo`, the tests and an
installed copy all find the same assets wherever they are started from.
"""

from __future__ import annotations

from pathlib import Path

ASSETS: Path = Path(__file__).resolve().parent.parent / "assets"


def default_catalog_path() -> Path:
    """The standard catalog the city center publishes; halls apply it whole."""
    return ASSETS / "catalog" / "catalog.json"


def sample_hall_path() -> Path:
    """The demo hall: windows, clerks with demo PINs, devices."""
    return ASSETS / "halls" / "sample-hall.json"
