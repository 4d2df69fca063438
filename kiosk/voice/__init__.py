"""The hall's voice: call announcements ("请A012号到3号窗口办理") spoken offline.

Why it is in the core and not in the display board: the board, `kiosk say` and tests all need
the same text, the same queue rules (one clip at a time, never cut off, recalls wait their turn)
and the same WAV output, and none of that needs Qt. Speech runs on the announcer's own worker
thread, so a GUI thread only ever calls `Announcer.announce`, which returns at once.

Modules: `text` (what is said and shown), `audio` (WAV reading, joining, writing, stdlib only),
`engine` (espeak-ng via pyttsx3 or the binary, and players), `clip` (chime + speech x N as one
clip), `announcer` (the queue and its worker, `say`), `cli` (`kiosk say`).
"""

from kiosk.voice.announcer import Announcer, Clock, PlayRecord, SystemClock, say
from kiosk.voice.engine import (
    CommandPlayer,
    EspeakEngine,
    NullPlayer,
    Player,
    SpeechEngine,
    available_engine,
    available_player,
)
from kiosk.voice.text import Announcement, call_text, spoken_call_text, spoken_form

__all__ = [
    "Announcement",
    "Announcer",
    "Clock",
    "CommandPlayer",
    "EspeakEngine",
    "NullPlayer",
    "PlayRecord",
    "Player",
    "SpeechEngine",
    "SystemClock",
    "available_engine",
    "available_player",
    "call_text",
    "say",
    "spoken_call_text",
    "spoken_form",
]
