"""What a call says: the text the board shows and the text the speech engine reads.

The two differ on purpose. The board shows "请A012号到3号窗口办理"; a speech engine given that
string reads "A012" as a number ("A 十二") or, worse, as one Latin word. Halls read ticket numbers
letter by letter and digit by digit ("A 零一二"), so `spoken_form` rewrites ticket numbers into
separate tokens (Chinese numerals for Mandarin, comma-separated digits for English) and leaves
everything else, including the window number, which is read as a cardinal ("十二号窗口").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

ZH_DIGITS = "零一二三四五六七八九"

# A ticket number: one or two capital letters directly followed by digits (A012, GB3), not
# glued to a preceding Latin letter or digit. Works inside Chinese text, where \b does not.
_TICKET = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,2})([0-9]+)(?![0-9])")
_ZH_DIGIT_RUN = re.compile(r"[0-9]+")
_SPACES = re.compile(r"\s+")


def call_text(number: str, window_no: int | str, lang: Lang = "zh") -> str:
    """The display text of a call.

    "请A012号到3号窗口办理" (zh) or "Number A012, please go to window 3" (en).
    """
    if lang == "zh":
        return f"请{number}号到{window_no}号窗口办理"
    if lang == "en":
        return f"Number {number}, please go to window {window_no}"
    raise ValueError(f"unsupported language: {lang!r}")


def _spell_ticket(match: re.Match[str], lang: Lang) -> str:
    letters, digits = match.group(1), match.group(2)
    if lang == "zh":
        return " " + " ".join([*letters, *(ZH_DIGITS[int(d)] for d in digits)]) + " "
    # English: "A, 0, 1, 2" -- the commas make espeak say the letter name ("ay", not "uh")
    # and leave a short gap between digits.
    return ", ".join([*letters, *digits])


def spoken_form(text: str, lang: Lang = "zh") -> str:
    """Rewrite `text` for the speech engine: ticket numbers letter by letter, digit by digit.

    >>> spoken_form("请A012号到3号窗口办理")
    '请 A 零 一 二 号到 3 号窗口办理'
    >>> spoken_form("Number A012, please go to window 3", "en")
    'Number A, 0, 1, 2, please go to window 3'
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language: {lang!r}")
    out = _TICKET.sub(lambda m: _spell_ticket(m, lang), text)
    if lang == "zh":
        # Keep other numbers (the window) whole but apart from the characters around them, so
        # the engine reads "3 号" as 三号 and "12 号" as 十二号.
        out = _ZH_DIGIT_RUN.sub(lambda m: f" {m.group(0)} ", out)
    return _SPACES.sub(" ", out).strip()


def spoken_call_text(number: str, window_no: int | str, lang: Lang = "zh") -> str:
    """The speech-engine text of a call: "请 A 零 一 二 号到 3 号窗口办理"."""
    return spoken_form(call_text(number, window_no, lang), lang)


@dataclass(frozen=True)
class Announcement:
    """One thing for the hall to say.

    `text` is what a screen shows; `spoken` what the engine reads (derived from `text` with
    `spoken_form` when left empty); `repeat` how many times the speech is said in the one clip
    (2 for a call, per the hall rule "spoken twice"); `chime` whether the chime comes first.
    """

    text: str
    spoken: str = ""
    repeat: int = 2
    lang: Lang = "zh"
    chime: bool = True
    # Free-form tag for the caller (ticket id, "recall", ...); never spoken.
    tag: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"unsupported language: {self.lang!r}")
        if self.repeat < 0:
            raise ValueError("repeat must be >= 0")
        if not self.spoken:
            object.__setattr__(self, "spoken", spoken_form(self.text, self.lang))

    @classmethod
    def call(
        cls,
        number: str,
        window_no: int | str,
        lang: Lang = "zh",
        repeat: int = 2,
        chime: bool = True,
        tag: str = "",
    ) -> Announcement:
        """The announcement for calling (or recalling) ticket `number` to window `window_no`."""
        return cls(
            text=call_text(number, window_no, lang),
            spoken=spoken_call_text(number, window_no, lang),
            repeat=repeat,
            lang=lang,
            chime=chime,
            tag=tag,
        )
