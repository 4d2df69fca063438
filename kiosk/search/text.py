"""Text normalization shared by documents and queries.

Kiosk users type on touch keyboards and input methods that emit full-width letters (ＩＤ),
ideographic spaces and mixed case; documents come from an editor with the same habits. Both
sides are folded the same way here so that matching is a plain ``str`` operation at query time.
Documents keep a map from the folded text back to the original characters so the UI can
highlight the original title.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormText", "fold_char", "is_cjk", "normalize", "normalize_query"]


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a Han character (the ones that have pinyin)."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x2FFFF
        or cp == 0x3007  # 〇
    )


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """Fold one character: NFKC (full-width to half-width), case-fold, whitespace to a space.

    May return more than one character (e.g. a ligature) or an empty string (format controls).
    """
    if ch.isspace():
        return " "
    folded = unicodedata.normalize("NFKC", ch).casefold()
    if folded.isspace():
        return " "
    return "".join(c for c in folded if unicodedata.category(c) not in ("Cf", "Cc"))


# British and American spellings of the same length, so offsets into the text stay valid:
# the catalog's translators write "licence", a visitor may type "license".
_SPELLINGS = (("licence", "license"), ("centre", "center"), ("metre", "meter"))


def _spelling(text: str) -> str:
    for british, american in _SPELLINGS:
        if british in text:
            text = text.replace(british, american)
    return text


def normalize_query(query: str) -> str:
    """Fold a query and collapse runs of whitespace; surrounding spaces are dropped."""
    return _spelling(" ".join("".join(fold_char(c) for c in query).split()))


@dataclass(frozen=True, slots=True)
class NormText:
    """Folded text plus, for each folded character, the index of its original character.

    ``origin`` has one extra trailing entry (the original length) so that an exclusive end
    offset maps too.
    """

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the folded text to the original text."""
        if end <= start:
            return (self.origin[start], self.origin[start])
        return (self.origin[start], self.origin[end - 1] + 1)


def normalize(original: str) -> NormText:
    """Fold ``original`` like a query (whitespace collapsed, stripped), keeping the offset map."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(original):
        folded = fold_char(ch)
        if folded == " " and (not out or out[-1] == " "):
            continue
        for c in folded:
            out.append(c)
            origin.append(i)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    origin.append(len(original))
    return NormText(_spelling("".join(out)), tuple(origin))
