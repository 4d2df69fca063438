"""Resident ID-card numbers (GB 11643) read at the kiosk: checked, then reduced to what the hall
may keep.

Why so little is kept: an ID number is personal data of the most sensitive kind (PIPL), and the
hall needs it only to recognise the same person again the same day (one ticket per person per
category) or on a later day (a second trip for the same item). A keyed hash answers both: the
hall's own secret (kept in the store's settings, never in the event log or anything synced)
makes it useless elsewhere and unguessable from the few million birth-date and area
combinations. The masked form (3702**********1234) is for the person at the kiosk to recognise
their own card; the birth date gives the age for the green channel offer and is then dropped.

The check itself shares the privacy module's GB 11643 arithmetic: one rule for what an ID
number is, whether it is masked in free text or read from a card.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from kiosk.errors import Invalid
from kiosk.privacy import id_check_char, mask_id

# The first two digits: the province-level region (GB/T 2260), and 81/82/83 for the residence
# permits of Hong Kong, Macao and Taiwan residents, which carry an ID number of the same form.
PROVINCES = frozenset(
    {
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
        83,
    }
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX")


@dataclass(frozen=True)
class IdCard:
    number: str  # the 18-character form; never stored, never logged
    birth: date

    @property
    def masked(self) -> str:
        return mask_id(self.number)

    def age_on(self, day: date) -> int:
        years = day.year - self.birth.year
        return years - ((day.month, day.day) < (self.birth.month, self.birth.day))

    def person_key(self, secret: str) -> str:
        """The keyed hash that stands for this person in the hall's store."""
        return hmac.new(secret.encode(), self.number.encode(), hashlib.sha256).hexdigest()


def _upgrade15(value: str) -> str:
    """An old 15-digit number as the 18-character one the same person holds now."""
    first17 = value[:6] + "19" + value[6:]
    return first17 + id_check_char(first17)


def _bad(zh: str, en: str) -> Invalid:
    return Invalid(f"身份证号码有误：{zh}，请核对后重新输入", f"invalid ID number: {en}")


def parse_id_number(text: str, today: date) -> IdCard:
    """The card behind `text` (spaces and full-width digits allowed, 18 characters or the old
    15 digits), or Invalid saying what is wrong with it in both languages."""
    value = "".join(text.split()).translate(_FULL_WIDTH)
    if len(value) == 15 and value.isdigit():
        value = _upgrade15(value)
    if len(value) != 18:
        raise _bad(
            f"应为18位，实际为{len(value)}位", f"it must have 18 characters, not {len(value)}"
        )
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise _bad("只能包含数字，最后一位可以是X", "only digits, and X as the last character")
    if int(value[:2]) not in PROVINCES:
        raise _bad("地区码不存在", f"no region has the code {value[:6]}")
    try:
        birth = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise _bad("出生日期不存在", f"no such birth date {value[6:14]}") from None
    if birth > today or birth.year < 1890:
        raise _bad("出生日期不正确", f"the birth date {birth.isoformat()} cannot be right")
    if id_check_char(value[:17]) != value[17]:
        raise _bad("校验位不正确", "the check character does not match (GB 11643)")
    return IdCard(number=value, birth=birth)


def make_id_number(area: str, birth: date, sequence: int) -> str:
    """A well-formed number (for tests, demos and screenshots): the area code, the birth date,
    a 3-digit sequence and its check character."""
    first17 = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return first17 + id_check_char(first17)
