"""Personal numbers masked in free text before it is logged.

Why: whatever a citizen types at the kiosk or on the phone page (a question, a rating comment),
and whatever a clerk writes in a note, enters the event log, which every console replays and the
center receives. People write their ID-card and mobile numbers into such text ("我的身份证号是…
电话…"); under PIPL's minimum-necessary rule they have no place there. `Tx.emit` passes every
payload through `mask_payload`, so no command can forget it; a call-back number the citizen
gives on purpose is kept apart, in the hall's `contacts` table, and never in the log.

What counts as a number here:
- a resident ID-card number (GB 11643): 18 characters, a 6-digit area code starting 1-8, a real
  birth date YYYYMMDD, 3 sequence digits and the ISO 7064 MOD 11-2 check character (0-9 or X);
  the old 15-digit form (area, YYMMDD of the 1900s, sequence) too. Without a valid check
  character an 18-digit number is left alone: it is more likely an account or a code.
- a mainland mobile number: 11 digits starting 1[3-9], optionally after +86, 86 or 0086.
Digits may be full-width (０-９), and groups may be split by spaces or dashes ("138 1234 5678",
"370202-19900101-1234"). A number must stand alone: digits glued to more digits are part of
something longer and are not touched. Masked forms: `3702**********1234`, `138****5678`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

# Payload keys that hold free text, at any depth of an event's payload.
FREE_TEXT_FIELDS = frozenset(
    {"topic", "question", "comment", "note", "reason", "answer", "missing_materials"}
)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_MOBILE = re.compile(r"1[3-9]\d{9}")
_ASCII = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX")
# A run of digits, with an ID's check character X at its end when nothing alphanumeric follows.
_GROUP = re.compile(r"[0-9０-９]+(?:[XxＸｘ](?![0-9A-Za-z０-９]))?")
# What may stand between the groups of one written number: spaces and dashes, up to three.
_SEPARATOR = re.compile(r"[ \t\u00a0\u3000\-\u2010-\u2015\uff0d]{1,3}")
_PLUS = ("+", "＋")
_LENGTHS = frozenset({11, 13, 15, 18})  # mobile, 86 + mobile, old ID or 0086 + mobile, ID
_SHORTEST, _LONGEST = min(_LENGTHS), max(_LENGTHS)


def id_check_char(first17: str) -> str:
    """The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def is_id_number(text: str) -> bool:
    """An 18-character resident ID (with a valid check character) or an old 15-digit one."""
    value = text.translate(_ASCII)
    if len(value) == 18 and value[:17].isdigit() and value[0] in "12345678":
        birth = value[6:14]
        return (
            1800 <= int(birth[:4]) <= 2099
            and _real_date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
            and id_check_char(value[:17]) == value[17]
        )
    if len(value) == 15 and value.isdigit() and value[0] in "12345678":
        return _real_date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
    return False


def mobile_of(text: str) -> str | None:
    """The 11-digit mobile number written as `text` (with or without a 86 prefix), or None."""
    value = text.translate(_ASCII)
    for prefix in ("", "86", "0086"):
        rest = value[len(prefix) :]
        if value.startswith(prefix) and len(rest) == 11 and _MOBILE.fullmatch(rest):
            return rest
    return None


def mask_id(value: str) -> str:
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_mobile(value: str) -> str:
    return value[:3] + "****" + value[-4:]


def _masked(digits: str) -> tuple[str, bool] | None:
    """The masked form of a whole written number, and whether it carried a country code."""
    if is_id_number(digits):
        return mask_id(digits.translate(_ASCII)), False
    mobile = mobile_of(digits)
    if mobile is not None:
        return mask_mobile(mobile), len(digits) > 11
    return None


def _chains(text: str) -> list[list[re.Match[str]]]:
    """Digit groups, chained when only a short run of spaces or dashes stands between them."""
    chains: list[list[re.Match[str]]] = []
    for group in _GROUP.finditer(text):
        if chains:
            last = chains[-1][-1]
            gap = text[last.end() : group.start()]
            if last.group()[-1].isdigit() and _SEPARATOR.fullmatch(gap):
                chains[-1].append(group)
                continue
        chains.append([group])
    return chains


def mask_text(text: str) -> str:
    """`text` with every ID-card and mobile number in it masked; anything else unchanged."""
    if not _GROUP.search(text):
        return text
    spans: list[tuple[int, int, str]] = []
    for chain in _chains(text):
        if sum(g.end() - g.start() for g in chain) < _SHORTEST:
            continue  # years, counts, house numbers: too short to be one
        i = 0
        while i < len(chain):
            found = None
            digits = ""
            # the longest run of consecutive groups that forms one number wins
            for j in range(i, len(chain)):
                digits += chain[j].group()
                if len(digits) > _LONGEST:
                    break
                masked = _masked(digits) if len(digits) in _LENGTHS else None
                if masked is not None:
                    found = (j, masked)
            if found is None:
                i += 1
                continue
            j, (replacement, prefixed) = found
            start = chain[i].start()
            if prefixed and start > 0 and text[start - 1] in _PLUS:
                start -= 1
            spans.append((start, chain[j].end(), replacement))
            i = j + 1
    out, at = [], 0
    for start, end, replacement in spans:
        out += [text[at:start], replacement]
        at = end
    out.append(text[at:])
    return "".join(out)


def _walk(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_walk(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, fn) for k, v in value.items()}
    return value


def mask_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload with its free-text fields (FREE_TEXT_FIELDS, at any depth) masked; ids,
    codes and numbers of other fields are never touched. Returns `payload` itself when nothing
    changed."""
    if FREE_TEXT_FIELDS.isdisjoint(payload) and not any(
        isinstance(v, dict) for v in payload.values()
    ):
        return payload  # most events: numbers, ids and codes only
    changed = False
    out: dict[str, Any] = {}
    for key, value in payload.items():
        if key in FREE_TEXT_FIELDS:
            new = _walk(value, mask_text)
        elif isinstance(value, dict):
            new = mask_payload(value)
        else:
            new = value
        changed = changed or new != value
        out[key] = new
    return out if changed else payload
