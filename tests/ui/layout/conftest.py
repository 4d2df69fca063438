"""The layout tests' hall (one server per module) and a folder for the front ends' outboxes."""

from tests.helpers.layout import layout_hall, supervised_hall, xdg

__all__ = ["layout_hall", "supervised_hall", "xdg"]
