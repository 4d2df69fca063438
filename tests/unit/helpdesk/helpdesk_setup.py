"""Shared set-up for the help-desk engine tests: staff signed in at the desk."""

from __future__ import annotations

from kiosk.domain import Role
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall

KIOSK = Actor(device="kiosk-1")


def desk(hall: Hall, employee_no: str = "8001", on_duty: bool = True) -> Actor:
    """Signs a help-desk member in (8001 is in the test hall; 8002 is added) and switches
    them on duty."""
    if employee_no == "8002":
        hall.add_clerk("8002", "咨询员二", "8888", Role.HELPDESK)
    pin = "9999" if employee_no == "9001" else "8888"
    hall.login(employee_no, pin, None)
    actor = Actor(clerk=employee_no)
    if on_duty:
        hall.set_presence("on_duty", actor)
    return actor
