"""Masking personal numbers in free text (kiosk/privacy.py), checked as properties: every valid
ID-card or mobile number, however it is written and wherever it stands in Chinese text, comes
out masked; numbers that are not one (a wrong check character, an 11-digit number that is no
mobile, digits glued to longer runs) come out unchanged; masking twice changes nothing more."""

from __future__ import annotations

import itertools
import re
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.privacy import (
    id_check_char,
    is_id_number,
    mask_id,
    mask_mobile,
    mask_payload,
    mask_text,
)

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
SEPARATORS = (" ", "-", "\u3000", "－", " - ")
# Surrounding text: Chinese and punctuation, never a digit, a plus sign or a separator.
words = st.text(
    alphabet=st.sampled_from("我的身份证号是电话请回拨谢谢，。：；！？（）号码为和"), max_size=12
)


@st.composite
def id_bodies(draw: st.DrawFn) -> str:
    """The first 17 digits of a resident ID: area code, birth date, sequence."""
    area = draw(st.integers(110000, 829999))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    return f"{area}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"


@st.composite
def written(draw: st.DrawFn, digits: str, cuts: tuple[int, ...]) -> str:
    """`digits` as a person might type it: plain, full-width, or in groups split at `cuts`."""
    text = digits.translate(FULL_WIDTH) if draw(st.booleans()) else digits
    if draw(st.booleans()):
        sep = draw(st.sampled_from(SEPARATORS))
        bounds = (0, *cuts, len(text))
        text = sep.join(text[a:b] for a, b in itertools.pairwise(bounds))
    return text


@given(id_bodies(), words, words, st.data())
@example("37020219900101123", "我的身份证号是", "，谢谢", None)
def test_a_valid_id_number_is_masked(body: str, before: str, after: str, data) -> None:
    number = body + id_check_char(body)
    shown = number if data is None else data.draw(written(number, (6, 14)))
    if data is not None and number.endswith("X") and data.draw(st.booleans()):
        shown = shown[:-1] + "x"
    assert mask_text(before + shown + after) == before + mask_id(number) + after


@given(id_bodies(), st.sampled_from(list("0123456789X")), words, words)
def test_an_id_number_with_a_wrong_check_character_is_left_alone(
    body: str, check: str, before: str, after: str
) -> None:
    if check == id_check_char(body):
        check = "0" if check != "0" else "1"
    text = before + body + check + after
    assert not is_id_number(body + check)
    assert mask_text(text) == text


@given(st.integers(13, 19), st.integers(0, 999_999_999), words, words, st.data())
@example(13, 812345678, "电话", "", None)
def test_a_mobile_number_is_masked_with_or_without_a_country_code(
    head: int, rest: int, before: str, after: str, data
) -> None:
    mobile = f"{head}{rest:09d}"
    shown = mobile if data is None else data.draw(written(mobile, (3, 7)))
    prefix = "" if data is None else data.draw(st.sampled_from(("", "+86 ", "+86-", "86", "0086 ")))
    assert mask_text(before + prefix + shown + after) == before + mask_mobile(mobile) + after


@given(st.sampled_from(("10", "11", "12", "2", "5", "9")), st.integers(0, 10**9), words, words)
def test_eleven_digits_that_are_no_mobile_number_are_left_alone(
    head: str, tail: int, before: str, after: str
) -> None:
    number = (head + f"{tail:010d}")[:11]
    text = before + number + after
    assert mask_text(text) == text


@given(id_bodies(), st.integers(13, 19), st.integers(0, 999_999_999), words)
def test_digits_glued_to_a_longer_run_are_part_of_something_else(
    body: str, head: int, rest: int, between: str
) -> None:
    account = "62" + body + id_check_char(body)  # an ID inside a 20-digit account number
    mobile = f"{head}{rest:09d}"
    text = f"账号{account}{between}单号9{mobile}0"
    assert mask_text(text) == text


@given(id_bodies(), st.integers(13, 19), st.integers(0, 999_999_999), words)
def test_several_numbers_in_one_text_are_all_masked(
    body: str, head: int, rest: int, between: str
) -> None:
    number, mobile = body + id_check_char(body), f"{head}{rest:09d}"
    text = f"身份证{number}{between}手机 {mobile} {mobile}"
    assert mask_text(text) == (
        f"身份证{mask_id(number)}{between}手机 {mask_mobile(mobile)} {mask_mobile(mobile)}"
    )


STANDALONE_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


@given(st.text(alphabet=st.sampled_from("0123456789136 -电话号，+X"), max_size=60))
def test_masking_twice_changes_nothing_more_and_leaves_no_mobile_number(text: str) -> None:
    once = mask_text(text)
    assert mask_text(once) == once
    assert not STANDALONE_MOBILE.search(once)


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=80))
def test_text_without_digits_is_unchanged(text: str) -> None:
    assert mask_text(text) == text


def test_the_old_fifteen_digit_form_is_masked_when_it_holds_a_real_date() -> None:
    assert mask_text("旧证370202900101123") == "旧证3702*******1123"
    assert mask_text("编号370202901301123") == "编号370202901301123"  # month 13


def test_only_free_text_fields_of_a_payload_are_masked() -> None:
    payload = {
        "ticket_id": "13812345678",
        "number": "A001",
        "question": "回电13812345678",
        "missing_materials": ["户口簿", "13912345678的授权书"],
        "details": {"topic": "电话13712345678", "waited_s": 13812345678},
    }
    assert mask_payload(payload) == {
        "ticket_id": "13812345678",
        "number": "A001",
        "question": "回电138****5678",
        "missing_materials": ["户口簿", "139****5678的授权书"],
        "details": {"topic": "电话137****5678", "waited_s": 13812345678},
    }
    plain = {"question": "社保卡怎么补办？", "level": 3}
    assert mask_payload(plain) is plain
