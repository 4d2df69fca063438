"""Formatting shared by several screens: waits, counts, fees, time limits, material forms.

Plain functions with one translation context ("KioskText") so that a screen, the ticket and
the search list all say "about 12 min" the same way. Sentences are whole translatable strings
with {placeholders}: Chinese word order differs, so pieces are never glued together here.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ui.common.wording import wait_minutes


def wait_text(seconds: float | None, waiting: int = 1) -> str:
    """The wait as a tile or a ticket shows it; None: no open window serves the category now,
    so there is no honest figure to give."""
    if seconds is None:
        return QCoreApplication.translate("KioskText", "No window serving now")
    if waiting <= 0 or seconds <= 0:
        return QCoreApplication.translate("KioskText", "No wait")
    m = wait_minutes(seconds)
    if m < 60:
        return QCoreApplication.translate("KioskText", "About {m} min").format(m=m)
    return QCoreApplication.translate("KioskText", "About {h} h {m} min").format(
        h=m // 60, m=m % 60
    )


def waiting_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("KioskText", "1 person waiting")
    return QCoreApplication.translate("KioskText", "{n} people waiting").format(n=n)


def waiting_short(n: int) -> str:
    """For tiles, where space is tight: "12 waiting" / "等候 12 人"."""
    return QCoreApplication.translate("KioskText", "{n} waiting").format(n=n)


def ahead_text(n: int, callable_now: bool = True) -> str:
    """People ahead; "you are next" only when a window can call the ticket."""
    if n == 0 and not callable_now:
        return QCoreApplication.translate("KioskText", "Nobody ahead of you")
    if n == 0:
        return QCoreApplication.translate("KioskText", "You are next")
    if n == 1:
        return QCoreApplication.translate("KioskText", "1 person ahead of you")
    return QCoreApplication.translate("KioskText", "{n} people ahead of you").format(n=n)


def time_limit_text(days: int) -> str:
    if days <= 0:
        return QCoreApplication.translate("KioskText", "On the spot")
    return QCoreApplication.translate("KioskText", "{n} working days").format(n=days)


def fee_text(fee: float) -> str:
    if not fee:
        return QCoreApplication.translate("KioskText", "Free of charge")
    shown = f"{fee:.0f}" if float(fee).is_integer() else f"{fee:.2f}"
    return QCoreApplication.translate("KioskText", "CNY {x}").format(x=shown)


def form_text(form: str) -> str:
    forms = {
        "original": QCoreApplication.translate("KioskText", "Original"),
        "copy": QCoreApplication.translate("KioskText", "Copy"),
        "original_and_copy": QCoreApplication.translate("KioskText", "Original and copy"),
    }
    return forms.get(form, form)


def count_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("KioskText", "1 copy")
    return QCoreApplication.translate("KioskText", "{n} copies").format(n=n)


def required_text(required: bool) -> str:
    if required:
        return QCoreApplication.translate("KioskText", "Required")
    return QCoreApplication.translate("KioskText", "Optional")


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def valid_phone(digits: str) -> bool:
    """The server's own rule (a mobile number, or a landline with its area code)."""
    return bool(_MOBILE.match(digits) or _LANDLINE.match(digits))


def mask_phone(digits: str) -> str:
    """What a screen shows of a phone number, even while it is typed: the 4th to 7th digits
    are starred at once, so a person behind the citizen never reads the whole number."""
    return "".join("*" if 3 <= i < 7 else ch for i, ch in enumerate(digits))
