"""What is shown and what is spoken: the display keeps "A012", the engine gets 零一二."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.voice.text import (
    ZH_DIGITS,
    Announcement,
    call_text,
    spoken_call_text,
    spoken_form,
)


def test_call_text_zh_and_en() -> None:
    assert call_text("A012", 3) == "请A012号到3号窗口办理"
    assert call_text("A012", 3, "en") == "Number A012, please go to window 3"
    with pytest.raises(ValueError):
        call_text("A012", 3, "fr")  # type: ignore[arg-type]


def test_spoken_form_reads_ticket_digit_by_digit() -> None:
    spoken = spoken_form("请A012号到3号窗口办理")
    assert spoken == "请 A 零 一 二 号到 3 号窗口办理"
    assert "十" not in spoken and "012" not in spoken


def test_spoken_form_keeps_window_number_whole() -> None:
    # Window numbers are read as cardinals ("十二号窗口"), so they stay one token.
    assert spoken_call_text("B100", 12) == "请 B 一 零 零 号到 12 号窗口办理"


def test_spoken_form_english_separates_letter_and_digits() -> None:
    assert spoken_call_text("A012", 3, "en") == "Number A, 0, 1, 2, please go to window 3"


def test_spoken_form_leaves_other_text_alone() -> None:
    assert spoken_form("请到咨询台") == "请到咨询台"
    # A capital glued to a preceding Latin letter is part of a word, not a ticket.
    assert spoken_form("abcA012", "en") == "abcA012"


@given(
    prefix=st.sampled_from("ABCDEFGHJKZ"),
    digits=st.text(alphabet="0123456789", min_size=1, max_size=4),
    window=st.integers(min_value=1, max_value=99),
)
def test_spoken_form_round_trips_any_ticket(prefix: str, digits: str, window: int) -> None:
    spoken = spoken_call_text(prefix + digits, window)
    tokens = spoken.split(" ")
    start = tokens.index(prefix)
    said = tokens[start + 1 : start + 1 + len(digits)]
    assert "".join(str(ZH_DIGITS.index(t)) for t in said) == digits
    assert tokens[start + 1 + len(digits)] == "号到"


def test_announcement_defaults_and_call() -> None:
    a = Announcement.call("A012", 3)
    assert a.text == "请A012号到3号窗口办理"
    assert a.spoken == "请 A 零 一 二 号到 3 号窗口办理"
    assert (a.repeat, a.lang, a.chime) == (2, "zh", True)
    # A free text gets its spoken form derived.
    assert Announcement("请Z003号到咨询台").spoken == "请 Z 零 零 三 号到咨询台"
    with pytest.raises(ValueError):
        Announcement("x", repeat=-1)
    with pytest.raises(ValueError):
        Announcement("x", lang="fr")  # type: ignore[arg-type]
