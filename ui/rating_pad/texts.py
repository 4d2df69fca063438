"""The five levels and the reason tags on screen; codes on the wire come from kiosk.domain."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from kiosk.domain import RatingTag

LEVELS = (5, 4, 3, 2, 1)
COLOURS = {5: "#1b7f3b", 4: "#4c9a2a", 3: "#d89b00", 2: "#e06a00", 1: "#c62828"}
TAGS = (
    RatingTag.ATTITUDE,
    RatingTag.EFFICIENCY,
    RatingTag.CUMBERSOME,
    RatingTag.EXTRA_MATERIALS,
    RatingTag.ENVIRONMENT,
    RatingTag.OTHER,
)


def level_name(level: int) -> str:
    return {
        5: QCoreApplication.translate("PadTexts", "Very satisfied"),
        4: QCoreApplication.translate("PadTexts", "Satisfied"),
        3: QCoreApplication.translate("PadTexts", "Basically satisfied"),
        2: QCoreApplication.translate("PadTexts", "Dissatisfied"),
        1: QCoreApplication.translate("PadTexts", "Very dissatisfied"),
    }[level]


def tag_name(tag: RatingTag) -> str:
    return {
        RatingTag.ATTITUDE: QCoreApplication.translate("PadTexts", "Attitude"),
        RatingTag.EFFICIENCY: QCoreApplication.translate("PadTexts", "Efficiency"),
        RatingTag.CUMBERSOME: QCoreApplication.translate("PadTexts", "Cumbersome process"),
        RatingTag.EXTRA_MATERIALS: QCoreApplication.translate(
            "PadTexts", "Asked for materials beyond the standard list"
        ),
        RatingTag.ENVIRONMENT: QCoreApplication.translate("PadTexts", "Environment"),
        RatingTag.OTHER: QCoreApplication.translate("PadTexts", "Other"),
    }[tag]


def colour(level: int) -> QColor:
    return QColor(COLOURS[level])
