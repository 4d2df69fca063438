"""The document model: CJK-aware wrapping and the ticket and notice layouts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.printing.layout import (
    Align,
    Block,
    Cut,
    Line,
    NoticeData,
    NoticeMaterial,
    QrBlock,
    Size,
    TicketData,
    notice_document,
    text_width,
    ticket_document,
    wrap_text,
    wrapped_lines,
)

HALL = "S市政务服务中心"


def ticket(**overrides: object) -> TicketData:
    fields: dict[str, object] = {
        "hall_name": HALL,
        "number": "A012",
        "category_name": "社保业务",
        "item_name": "城镇职工基本养老保险参保登记",
        "issued_at": datetime(2026, 11, 27, 1, 5, tzinfo=UTC),
        "timezone": "Asia/Shanghai",
        "people_ahead": 5,
        "estimated_wait_min": 35,
        "status_url": "https://hall.example.gov.cn/t/370200-00/A012",
        "materials": ["居民身份证", "户口簿"],
    }
    fields.update(overrides)
    return TicketData(**fields)  # type: ignore[arg-type]


def notice(**overrides: object) -> NoticeData:
    fields: dict[str, object] = {
        "hall_name": HALL,
        "item_name": "城镇职工基本养老保险参保登记",
        "item_code": "SB-001",
        "department": "市人力资源和社会保障局",
        "issued_at": datetime(2026, 11, 27, 17, 30, tzinfo=UTC),
        "timezone": "Asia/Shanghai",
        "materials": [
            NoticeMaterial("居民身份证", "original", 1, True),
            NoticeMaterial("户口簿", "original_and_copy", 1, True, "首页及本人页"),
            NoticeMaterial("近期一寸免冠照片", "original", 2, False),
        ],
        "time_limit_days": 5,
        "fee_cny": 0,
        "window_no": 3,
        "clerk_name": "张敏",
        "clerk_no": "1001",
    }
    fields.update(overrides)
    return NoticeData(**fields)  # type: ignore[arg-type]


def lines(blocks: list[Block]) -> list[Line]:
    return [b for b in blocks if isinstance(b, Line)]


def texts(blocks: list[Block]) -> str:
    return "\n".join(line.text for line in lines(blocks))


def assert_fits(blocks: list[Block], width: int) -> None:
    for line in lines(blocks):
        used = line.indent + text_width(line.text) * line.size.scale
        assert used <= width, f"{line!r} takes {used} of {width} columns"


# --- measuring and wrapping --------------------------------------------------------------------


def test_cjk_counts_two_columns_and_ascii_one() -> None:
    assert text_width("A012") == 4
    assert text_width("请到3号窗口") == 11
    assert text_width("，") == 2  # fullwidth punctuation
    assert text_width("é·") == 4  # two-byte in GB18030: a full-width cell on the printer
    assert text_width("") == 0


@pytest.mark.parametrize(("width", "per_line"), [(48, 24), (32, 16)])
def test_chinese_fills_paper_width(width: int, per_line: int) -> None:
    wrapped = wrap_text("请" * 40, width)
    assert [len(t) for t in wrapped[:-1]] == [per_line] * (len(wrapped) - 1)
    assert "".join(wrapped) == "请" * 40


def test_latin_words_are_not_split() -> None:
    assert wrap_text("Please bring your identity card", 12) == [
        "Please bring",
        "your",
        "identity",
        "card",
    ]


def test_mixed_text_breaks_between_cjk_and_keeps_words() -> None:
    wrapped = wrap_text("请携带ID card和household register原件", 12)
    assert all(text_width(t) <= 12 for t in wrapped)
    joined = " ".join(wrapped)
    for word in ("card", "household", "register"):
        assert word in joined.split() or any(word in t for t in wrapped)
    assert not any(t.endswith("hou") for t in wrapped)


def test_closing_punctuation_never_starts_a_line() -> None:
    for width in range(6, 30):
        for t in wrap_text("请携带居民身份证（原件），户口簿。到3号窗口“综合受理”办理。", width):
            assert t[:1] not in "，。）”、", (width, t)
            assert t[-1:] not in "（“", (width, t)


def test_a_word_longer_than_the_line_is_split_as_a_last_resort() -> None:
    url = "https://zwfw.example.gov.cn/item/SB-001"
    wrapped = wrap_text(url, 16)
    assert "".join(wrapped) == url
    assert all(text_width(t) <= 16 for t in wrapped)


def test_newlines_force_breaks() -> None:
    assert wrap_text("第一行\n第二行", 48) == ["第一行", "第二行"]


def test_hanging_indent_narrows_continuation_lines() -> None:
    out = wrapped_lines("请备齐材料：" + "居民身份证、" * 6, 48, hang=12)
    assert out[0].indent == 0
    assert all(line.indent == 12 for line in out[1:])
    assert all(text_width(line.text) + line.indent <= 48 for line in out)


@given(
    st.text(
        alphabet=st.sampled_from(list("请到号窗口办理，。（）ABC xyz0123-/")),
        max_size=120,
    ),
    st.integers(min_value=2, max_value=48),
)
def test_wrapping_fits_and_loses_no_characters(text: str, width: int) -> None:
    wrapped = wrap_text(text, width)
    assert all(text_width(t) <= width for t in wrapped)
    assert "".join(wrapped).replace(" ", "") == text.replace(" ", "")


# --- the ticket ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [48, 32])
def test_ticket_lines_fit_the_paper(width: int) -> None:
    blocks = ticket_document(ticket(materials=["居民身份证"] * 9), width)
    assert_fits(blocks, width)
    assert isinstance(blocks[-1], Cut)


def test_ticket_shows_everything_the_citizen_needs() -> None:
    blocks = ticket_document(ticket(), 48)
    number = next(line for line in lines(blocks) if line.text == "A012")
    assert number.size is Size.HUGE and number.bold and number.align is Align.CENTER
    text = texts(blocks)
    assert HALL in text
    assert "社保业务" in text and "城镇职工基本养老保险参保登记" in text
    assert "前面等候：5 人" in text
    assert "约 35 分钟" in text
    assert "2026-11-27 09:05" in text  # 01:05 UTC in the hall's time zone
    assert "居民身份证、户口簿" in text
    assert QrBlock("https://hall.example.gov.cn/t/370200-00/A012") in blocks


def test_ticket_in_english() -> None:
    text = texts(ticket_document(ticket(lang="en", hall_name="S City Center"), 48))
    assert "Waiting ahead: 5" in text
    assert "about 35 min" in text
    assert "Issued: 2026-11-27 09:05" in text


def test_ticket_number_shrinks_to_fit_narrow_paper() -> None:
    blocks = ticket_document(ticket(number="A123456"), 32)
    number = next(line for line in lines(blocks) if line.text == "A123456")
    assert number.size is Size.LARGE
    assert_fits(blocks, 32)


def test_ticket_without_url_or_estimate_has_no_qr_or_wait_line() -> None:
    blocks = ticket_document(ticket(status_url="", estimated_wait_min=None), 48)
    assert not any(isinstance(b, QrBlock) for b in blocks)
    assert "预计等待" not in texts(blocks)


def test_ticket_material_reminder_is_short() -> None:
    names = [f"材料{i}" for i in range(9)]
    text = texts(ticket_document(ticket(materials=names), 48))
    assert "材料4" in text and "材料5" not in text
    assert "等共 9 项" in text.replace("\n", "")


def test_naive_issue_time_is_printed_as_given() -> None:
    text = texts(ticket_document(ticket(issued_at=datetime(2026, 1, 2, 8, 0), timezone=None), 48))
    assert "2026-01-02 08:00" in text


# --- the one-time notice ---------------------------------------------------------------------


@pytest.mark.parametrize("width", [48, 32])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notice_lines_fit_the_paper(width: int, lang: str) -> None:
    blocks = notice_document(notice(lang=lang, online_url="https://zwfw.example.gov.cn/x"), width)
    assert_fits(blocks, width)
    assert isinstance(blocks[-1], Cut)


def test_notice_lists_standard_materials_and_item_facts() -> None:
    blocks = notice_document(notice(), 48)
    text = texts(blocks)
    for expected in (
        "一次性告知单",
        HALL,
        "办理事项：城镇职工基本养老保险参保登记",
        "事项编码：SB-001",
        "实施部门：市人力资源和社会保障局",
        "承诺时限：5 个工作日",
        "收费标准：不收费",
        "1. 居民身份证",
        "原件 1 份 · 必需",
        "原件及复印件 1 份 · 必需",
        "说明：首页及本人页",
        "原件 2 份 · 可选",
        "窗口：3 号窗口",
        "经办人：张敏（工号 1001）",
        "日期：2026年11月28日",  # 17:30 UTC is the next morning in Shanghai
    ):
        assert expected in text, expected
    assert "需补正" not in text
    assert not any(isinstance(b, QrBlock) for b in blocks)
    required = next(line for line in lines(blocks) if line.text == "1. 居民身份证")
    optional = next(line for line in lines(blocks) if line.text == "3. 近期一寸免冠照片")
    assert required.bold and not optional.bold


def test_notice_for_a_correction_lists_the_missing_materials_first() -> None:
    missing = NoticeMaterial("户口簿", "copy", 1, True, "复印件不清晰")
    text = texts(notice_document(notice(missing=[missing], correction_note="请补齐"), 48))
    assert text.index("【需补正的材料】") < text.index("【申请材料清单】")
    assert "说明：复印件不清晰" in text
    assert "说明：请补齐" in text


def test_notice_of_an_online_item_carries_its_qr() -> None:
    url = "https://zwfw.example.gov.cn/item/SB-001"
    blocks = notice_document(notice(online_url=url), 48)
    assert QrBlock(url) in blocks
    assert "网上办事大厅" in texts(blocks)


@pytest.mark.parametrize(
    ("days", "fee", "expected"),
    [
        (0, 0, ("即办（当场办结）", "不收费")),
        (20, 50, ("20 个工作日", "50 元")),
        (1, 12.5, ("1 个工作日", "12.50 元")),
    ],
)
def test_notice_time_limit_and_fee(days: int, fee: float, expected: tuple[str, str]) -> None:
    text = texts(notice_document(notice(time_limit_days=days, fee_cny=fee), 48))
    assert all(e in text for e in expected)


def test_notice_in_english_with_a_plain_date() -> None:
    text = texts(notice_document(notice(lang="en", issued_at=date(2026, 11, 27)), 48))
    assert "One-time notice of materials" in text.replace("\n", " ")
    assert "Date: 2026-11-27" in text
    assert "Time limit: 5 working days" in text
    assert "Original, 2 pcs, optional" in text


def test_the_help_desk_notice_carries_the_answer_and_the_owner() -> None:
    """首问责任人: the citizen leaves the desk knowing what was answered and by whom."""
    answer = "请携带身份证原件到3号窗口办理，无需复印件。"
    text = texts(notice_document(notice(answer=answer, owner_name="王咨询"), 48))
    assert "咨询答复" in text and answer in "".join(text) and "首问责任人：王咨询" in text
    plain = texts(notice_document(notice(), 48))
    assert "咨询答复" not in plain and not any("首问责任人" in t for t in plain)
    english = texts(
        notice_document(notice(lang="en", answer="Bring your ID.", owner_name="Wang"), 48)
    )
    assert "Responsible staff: Wang" in english
