"""Precomputed pinyin forms: full syllables, initials, polyphonic readings, offsets."""

from __future__ import annotations

from kiosk.search.pinyin import PinyinMatch, pinyin_form


def test_full_and_initials_strings() -> None:
    form = pinyin_form("居民身份证换领")
    assert form.full == "juminshenfenzhenghuanling"
    assert form.initials == "jmsfzhl"
    assert form.size == 7


def test_full_pinyin_matches_from_a_syllable_start_across_boundaries() -> None:
    form = pinyin_form("居民身份证换领")
    for q in ("shenfenzheng", "shenfen", "shenfenzh", "shen", "jumin", "zhenghuan"):
        m = form.match_full(q)
        assert m is not None, q
        assert form.char_span(m)[0] in (0, 2, 4), q
    assert form.char_span(form.match_full("shenfenzheng")) == (2, 5)  # type: ignore[arg-type]
    # not from the middle of a syllable
    assert form.match_full("enfen") is None
    assert form.match_full("hufen") is None


def test_initials_match() -> None:
    form = pinyin_form("住房公积金提取")
    assert form.match_initials("gjj") == PinyinMatch(2, 5, initials=True)
    assert form.match_initials("zfgjjtq") == PinyinMatch(0, 7, initials=True)
    assert form.match_initials("gjq") is None


def test_phrase_aware_primary_reading_for_polyphonic_characters() -> None:
    form = pinyin_form("重庆银行")
    assert form.full == "chongqingyinhang"
    assert form.match_full("chongqing") == PinyinMatch(0, 2)
    assert form.match_full("yinhang") == PinyinMatch(2, 4)
    assert form.match_initials("cqyh") is not None


def test_other_readings_match_only_as_alternatives() -> None:
    form = pinyin_form("重庆银行")
    assert form.polyphonic
    assert form.match_full("zhongqing") is None
    assert form.match_alternative("zhongqing") == PinyinMatch(0, 2)
    assert form.match_alternative("yinxing") == PinyinMatch(2, 4)
    assert form.match_alternative("zqyx") == PinyinMatch(0, 4, initials=True)
    assert form.match_alternative("xyz") is None


def test_mixed_full_and_abbreviated_syllables() -> None:
    form = pinyin_form("居民身份证换领")
    assert form.match_mixed("shenfz") == PinyinMatch(2, 5)
    assert form.match_mixed("sfzheng") == PinyinMatch(2, 5)
    assert form.match_mixed("passport") is None


def test_non_han_characters() -> None:
    form = pinyin_form("ＩＤ卡（补办）")  # full-width letters and brackets
    assert form.full == "idkabuban"
    assert form.char_span(form.match_full("buban")) == (4, 6)  # type: ignore[arg-type]
    assert pinyin_form("").size == 0
    assert pinyin_form("，。！").match_full("a") is None


def test_u_umlaut_typed_as_v_or_u() -> None:
    form = pinyin_form("绿色通道")
    assert form.match_full("lvse") is not None
    assert form.match_alternative("luse") is not None
