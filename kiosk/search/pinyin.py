"""Pinyin forms of document text, computed once when a document is indexed.

Many kiosk users cannot write a character but know how it sounds, and the on-screen keyboard
defaults to letters: "shenfenzheng", "shen fen", "sfz" and "gjj" must find 身份证 and 公积金.
Converting documents with pypinyin costs ~40 µs per title, far too slow to do per query over
a whole catalog, so each title and keyword is converted once into a ``PinyinForm`` and queries
are matched against it with plain string operations.

A *unit* is one character that has a reading: a Han character (its syllable) or an ASCII
letter/digit (itself). Punctuation and spaces are skipped. Units remember the index of their
original character so a pinyin match can be highlighted in the title.

Polyphonic characters: the primary reading comes from pypinyin's phrase-aware conversion of
the whole text (银行 -> yin hang, 重庆 -> chong qing); the other readings of each character
(pypinyin heteronym mode) are kept as alternatives, so a user who types "zhongqing", or a
title whose phrase pypinyin resolves wrongly, still matches, just as an input method would
accept it. Primary matches are plain ``str.find`` calls; alternatives are a small search that
starts only at units whose readings begin with the query's first letter.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from kiosk.search.text import fold_char, is_cjk

__all__ = ["PinyinForm", "PinyinMatch", "pinyin_form"]

_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(frozen=True, slots=True)
class PinyinMatch:
    """Units ``[start, end)`` of a form matched a query (as initials when ``initials``)."""

    start: int
    end: int
    initials: bool = False


@lru_cache(maxsize=8192)
def _char_readings(ch: str) -> tuple[str, ...]:
    """All toneless readings of one Han character (heteronym mode), ü written both v and u."""
    readings: list[str] = []
    for r in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0:1]:
        for s in r:
            s = s.lower()
            if s.isascii() and s.isalpha():
                readings.append(s)
                if "v" in s:
                    readings.append(s.replace("v", "u"))
    return tuple(dict.fromkeys(readings))


def _run_readings(run: str) -> list[str]:
    """Phrase-aware primary readings for a run of Han characters, one per character."""
    primary = lazy_pinyin(run, style=Style.NORMAL, errors="default")
    if len(primary) != len(run):  # pypinyin grouped something; fall back to per character
        primary = [lazy_pinyin(ch, style=Style.NORMAL, errors="default")[0] for ch in run]
    return [p.lower() for p in primary]


@dataclass(frozen=True, slots=True)
class PinyinForm:
    """Precomputed pinyin of one text (a title or a keyword)."""

    text: str
    """The original text."""
    chars: tuple[int, ...]
    """Index in the original text of each unit's character."""
    readings: tuple[tuple[str, ...], ...]
    """Per unit: the primary reading first, then alternatives."""
    full: str
    """Primary readings joined without separators: 身份证 -> "shenfenzheng"."""
    starts: tuple[int, ...]
    """Offset in ``full`` where each unit starts, plus ``len(full)`` at the end."""
    initials: str
    """First letter of each unit's primary reading: 身份证 -> "sfz"."""
    initial_sets: tuple[str, ...]
    """Per unit, the first letters of all its readings."""
    letters: frozenset[str]
    """Every letter of every reading: a query with any other letter cannot match."""
    units_by_initial: Mapping[str, tuple[int, ...]]
    """Letter -> units that have a reading starting with it: where a match can begin."""
    polyphonic: bool

    @property
    def size(self) -> int:
        return len(self.chars)

    def char_span(self, m: PinyinMatch) -> tuple[int, int]:
        """The ``[start, end)`` span of original characters a match covers."""
        return (self.chars[m.start], self.chars[m.end - 1] + 1)

    def phrases(self, min_len: int = 2, max_len: int = 6) -> Iterator[tuple[str, str, int]]:
        """``(initials, phrase, weight)`` for every run of adjacent Han characters.

        The index sums them over the catalog to guess what a citizen means by "hk". A run
        that is the whole text (a keyword such as 户口) weighs 4, one that starts it 2, one
        from inside 1, so that 婚证 (from 结婚证) does not outweigh the keyword 护照 for "hz".
        """
        n = len(self.chars)
        for i in range(n):
            for j in range(i + min_len, min(n, i + max_len) + 1):
                a, b = self.chars[i], self.chars[j - 1]
                phrase = self.text[a : b + 1]
                if b - a != j - 1 - i or not all(is_cjk(c) for c in phrase):
                    break
                whole = a == 0 and b == len(self.text) - 1
                yield self.initials[i:j], phrase, 4 if whole else 2 if a == 0 else 1

    # -- primary readings: fast, ranked as ordinary pinyin matches -----------------------

    def match_full(self, q: str) -> PinyinMatch | None:
        """First match of ``q`` as whole syllables from a unit start; the last may be partial.

        "shenfenzheng", "shenfen" and "shenfenzh" all match 居民身份证换领 at 身.
        """
        full, starts = self.full, self.starts
        pos = full.find(q) if q else -1
        if pos < 0:
            return None
        start_set = set(starts)
        while pos >= 0:
            if pos in start_set:
                first = bisect_right(starts, pos) - 1
                last = bisect_right(starts, pos + len(q) - 1) - 1
                return PinyinMatch(first, last + 1)
            pos = full.find(q, pos + 1)
        return None

    def match_initials(self, q: str) -> PinyinMatch | None:
        """First run of units whose initials spell ``q``: "sfz" -> 身份证, "hk" -> 户口."""
        pos = self.initials.find(q) if q else -1
        return PinyinMatch(pos, pos + len(q), initials=True) if pos >= 0 else None

    # -- other readings of polyphonic characters: ranked lower -----------------------------

    def match_alternative(self, q: str) -> PinyinMatch | None:
        """Full pinyin, then initials, allowing every reading of polyphonic characters.

        pypinyin's heteronym lists include rare readings (份 also reads "bin", 么 "yao"), so
        a match that needs one is weaker evidence than a primary match; the index ranks it
        below all primary pinyin matches. Call it only after the primary matchers failed.
        """
        if not q or not self.polyphonic or not (starts := self.units_by_initial.get(q[0])):
            return None
        if self.letters.issuperset(q):
            for i in starts:
                end = self._full_from(i, q, 0)
                if end >= 0:
                    return PinyinMatch(i, end)
        sets = self.initial_sets
        for i in starts:
            if i + len(q) <= len(sets) and all(c in sets[i + j] for j, c in enumerate(q)):
                return PinyinMatch(i, i + len(q), initials=True)
        return None

    def _full_from(self, i: int, q: str, k: int) -> int:
        if k == len(q):
            return i
        if i == len(self.readings):
            return -1
        rest = q[k:]
        for r in self.readings[i]:
            if rest.startswith(r):
                end = self._full_from(i + 1, q, k + len(r))
                if end >= 0:
                    return end
            elif r.startswith(rest):
                return i + 1
        return -1

    # -- mixed ---------------------------------------------------------------------------

    def match_mixed(self, q: str) -> PinyinMatch | None:
        """Each unit typed as any non-empty prefix of a reading: "shenfz", "sfzheng", "zhgjj".

        Tried last and ranked low: it is lenient and could otherwise let an English word
        spell out a Chinese title.
        """
        if len(q) < 2 or len(self.chars) < 2 or not (starts := self.units_by_initial.get(q[0])):
            return None
        if not self.letters.issuperset(q):
            return None
        memo: dict[tuple[int, int], int] = {}
        for i in starts:
            end = self._mixed_from(i, q, 0, memo)
            if end - i >= 2:
                return PinyinMatch(i, end)
        return None

    def _mixed_from(self, i: int, q: str, k: int, memo: dict[tuple[int, int], int]) -> int:
        if k == len(q):
            return i
        if i == len(self.readings):
            return -1
        key = (i, k)
        if key in memo:
            return memo[key]
        memo[key] = -1
        for r in self.readings[i]:
            n = 0
            limit = min(len(r), len(q) - k)
            while n < limit and r[n] == q[k + n]:
                n += 1
            for take in range(n, 0, -1):
                end = self._mixed_from(i + 1, q, k + take, memo)
                if end >= 0:
                    memo[key] = end
                    return end
        return -1


@lru_cache(maxsize=8192)
def pinyin_form(text: str) -> PinyinForm:
    """Convert ``text`` once; the result answers pinyin queries without calling pypinyin.

    Cached: category names and common keywords repeat across many documents.
    """
    chars: list[int] = []
    readings: list[tuple[str, ...]] = []
    i = 0
    while i < len(text):
        if is_cjk(text[i]):
            j = i
            while j < len(text) and is_cjk(text[j]):
                j += 1
            for offset, primary in enumerate(_run_readings(text[i:j])):
                alts = _char_readings(text[i + offset])
                if not primary.isascii() or not primary.isalpha():
                    if not alts:
                        continue  # no known reading: not a unit
                    primary = alts[0]
                chars.append(i + offset)
                readings.append((primary, *(a for a in alts if a != primary)))
            i = j
            continue
        for c in fold_char(text[i]):
            if c in _ASCII_ALNUM:
                chars.append(i)
                readings.append((c,))
        i += 1
    full_parts = [r[0] for r in readings]
    starts: list[int] = []
    offset = 0
    for p in full_parts:
        starts.append(offset)
        offset += len(p)
    starts.append(offset)
    initial_sets = tuple("".join(dict.fromkeys(r[0] for r in rs)) for rs in readings)
    by_initial: dict[str, list[int]] = {}
    for unit, letters in enumerate(initial_sets):
        for letter in letters:
            by_initial.setdefault(letter, []).append(unit)
    return PinyinForm(
        text=text,
        chars=tuple(chars),
        readings=tuple(readings),
        full="".join(full_parts),
        starts=tuple(starts),
        initials="".join(p[0] for p in full_parts),
        initial_sets=initial_sets,
        letters=frozenset("".join(c for rs in readings for c in rs)),
        units_by_initial={k: tuple(v) for k, v in by_initial.items()},
        polyphonic=any(len(rs) > 1 for rs in readings),
    )
