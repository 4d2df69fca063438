"""Builds the board or the strip from the command line's arguments."""

from __future__ import annotations

import argparse

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.voice import Announcer
from ui.display.board import HallBoard
from ui.display.source import BoardSource
from ui.display.strip import WindowStrip
from ui.display.voice import BoardVoice


def wants_voice(args: argparse.Namespace) -> bool:
    """The hall board speaks unless told not to; a strip only with --voice (a hall with a board
    would otherwise hear every call twice); a screenshot never."""
    if args.no_voice or args.screenshot:
        return False
    return args.window is None or bool(args.voice)


def build(args: argparse.Namespace) -> QWidget:
    source = BoardSource(args.server, args.token)
    voice = BoardVoice(source.model, Announcer(), args.voice_lang) if wants_voice(args) else None
    widget: QWidget
    if args.window is not None:
        widget = WindowStrip(source, args.window, voice)
        widget.resize(1280, 360)
    else:
        widget = HallBoard(source, voice)
        widget.resize(1600, 900)
    if args.fullscreen:
        widget.setCursor(Qt.CursorShape.BlankCursor)  # a hall screen, not a desktop
    source.setParent(widget)
    if voice is not None:
        voice.setParent(widget)
    source.start()
    return widget
