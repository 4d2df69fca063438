"""The printed documents as backend-neutral blocks, laid out once in character columns.

Why columns: a thermal printer in Chinese mode prints on a fixed grid (font A: 12 dots per
half-width cell, 576 dots = 48 cells on 80 mm paper, 384 dots = 32 cells on 58 mm), and every
multi-byte GB18030 character takes two cells. Laying out in those cells here means the ESC/POS
backend never has to wrap and the Qt backends can map one column to a fixed fraction of the page,
so all backends break lines at the same places.

Blocks are frozen dataclasses; a :class:`Line` is always one physical line that already fits its
width (``wrap_text`` did the breaking), so a backend only positions and draws.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo

Lang = Literal["zh", "en"]

#: Columns of font A at each paper width (see the module docstring).
PAPER_COLUMNS = {80: 48, 58: 32}


class Size(StrEnum):
    """Text size; ``scale`` is the ESC/POS ``GS !`` magnification in both directions."""

    NORMAL = "normal"
    LARGE = "large"
    HUGE = "huge"

    @property
    def scale(self) -> int:
        return _SCALES[self]


_SCALES = {Size.NORMAL: 1, Size.LARGE: 2, Size.HUGE: 6}


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of text.

    ``indent`` counts normal-size columns before the text (for hanging indents of wrapped list
    items); it only applies to left-aligned lines.
    """

    text: str
    size: Size = Size.NORMAL
    bold: bool = False
    align: Align = Align.LEFT
    indent: int = 0


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal separator across the paper; ``heavy`` for section ends."""

    heavy: bool = False


@dataclass(frozen=True, slots=True)
class QrBlock:
    """A centred QR code of ``data`` (a URL): native printer command on ESC/POS."""

    data: str


@dataclass(frozen=True, slots=True)
class Feed:
    """Blank paper of ``lines`` normal text lines."""

    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    """End of the document: feed past the cutter and cut (a page end for Qt)."""


Block = Line | Rule | QrBlock | Feed | Cut


# --- text measuring and wrapping -----------------------------------------------------------

# Never at the start of a line (closing punctuation) / never at the end (opening punctuation).
_NO_LINE_START = set("，。、；：！？）】》」』〉〕”’％…·,.;:!?)]}%")
_NO_LINE_END = set("（【《「『〈〔“‘([{")


def char_width(ch: str) -> int:
    """Columns one character takes on a Chinese-mode printer: ASCII 1, anything else 2.

    Combining marks and format characters take none. Non-ASCII latin letters (é) and symbols
    (·, —) are two-byte in GB18030 and the printer gives them a full-width cell too, so counting
    them as 2 is what the paper does; Qt's proportional glyphs are never wider than that.
    """
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 1 if ord(ch) < 0x80 else 2


def text_width(text: str) -> int:
    """Columns ``text`` takes (see :func:`char_width`)."""
    return sum(char_width(ch) for ch in text)


def _is_wide(ch: str) -> bool:
    """CJK and fullwidth characters: a line may break before or after any of them."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _atoms(text: str) -> Iterator[str]:
    """Split a paragraph into unbreakable atoms and single spaces.

    Latin words (runs of non-space, non-wide characters, ASCII punctuation included, so a URL
    stays one word) stay whole; each CJK character is its own atom; CJK closing punctuation
    sticks to the atom before it and opening punctuation to the atom after it, so no line starts
    with "，" or ends with "（".
    """
    raw: list[str] = []
    word = ""
    for ch in text:
        punct = ord(ch) >= 0x80 and (ch in _NO_LINE_START or ch in _NO_LINE_END)
        if ch.isspace() or _is_wide(ch) or punct:
            if word:
                raw.append(word)
                word = ""
            raw.append(" " if ch.isspace() else ch)
        else:
            word += ch
    if word:
        raw.append(word)

    merged: list[str] = []
    carry = ""  # opening punctuation waiting for the next atom
    for atom in raw:
        if atom == " ":
            if carry:
                merged.append(carry)
                carry = ""
            merged.append(atom)
        elif atom in _NO_LINE_END:
            carry += atom
        elif atom in _NO_LINE_START and merged and merged[-1] != " " and not carry:
            merged[-1] += atom
        else:
            merged.append(carry + atom)
            carry = ""
    if carry:
        merged.append(carry)
    return iter(merged)


def _hard_split(atom: str, width: int, first_room: int) -> list[str]:
    """Split an atom longer than a line (a long URL or code) at character boundaries."""
    parts: list[str] = []
    current, used, room = "", 0, first_room
    for ch in atom:
        w = char_width(ch)
        if used + w > room and current:
            parts.append(current)
            current, used, room = "", 0, width
        current += ch
        used += w
    if current:
        parts.append(current)
    return parts


def wrap_text(text: str, width: int, next_width: int | None = None) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns (``next_width`` after the first).

    CJK text breaks between any two characters, latin text only at spaces (a word longer than
    a whole line is split as a last resort), and the punctuation rules of :func:`_atoms` hold.
    Newlines in ``text`` force a break. Returns at least one (possibly empty) line.
    """
    if width < 1:
        raise ValueError("width must be at least one column")
    later = max(1, width if next_width is None else next_width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0
        pending_space = False
        for atom in _atoms(paragraph):
            if atom == " ":
                pending_space = bool(current)
                continue
            room = width if not lines else later
            w = text_width(atom)
            gap = 1 if pending_space else 0
            if used + gap + w <= room:
                current += " " * gap + atom
                used += gap + w
            else:
                if current:
                    lines.append(current)
                    current, used = "", 0
                    room = later
                if w <= room:
                    current, used = atom, w
                else:
                    parts = _hard_split(atom, later, room)
                    lines.extend(parts[:-1])
                    current, used = parts[-1], text_width(parts[-1])
            pending_space = False
        lines.append(current)
    return lines


def wrapped_lines(
    text: str,
    width_chars: int,
    *,
    size: Size = Size.NORMAL,
    bold: bool = False,
    align: Align = Align.LEFT,
    indent: int = 0,
    hang: int = 0,
) -> list[Line]:
    """``text`` as :class:`Line` blocks that each fit ``width_chars`` normal columns.

    ``indent`` shifts every line; ``hang`` shifts continuation lines further (in normal
    columns), which keeps a wrapped "label: value" or "1. item" readable.
    """
    scale = size.scale
    first = max(1, (width_chars - indent) // scale)
    rest = max(1, (width_chars - indent - hang) // scale)
    texts = wrap_text(text, first, rest)
    out = []
    for i, t in enumerate(texts):
        out.append(Line(t, size=size, bold=bold, align=align, indent=indent + (hang if i else 0)))
    return out


# --- the documents --------------------------------------------------------------------------

_LABELS: dict[str, tuple[str, str]] = {
    "green": ("绿色通道", "Green channel"),
    "ahead": ("前面等候：{n} 人", "Waiting ahead: {n}"),
    "wait": ("预计等待：约 {m} 分钟", "Estimated wait: about {m} min"),
    "wait_soon": ("预计等待：即将叫号", "Estimated wait: you are next"),
    "wait_none": ("预计等待：暂无窗口办理", "Estimated wait: no window serving now"),
    "issued": ("取号时间：", "Issued: "),
    "bring": ("请备齐材料：", "Please bring: "),
    "more": ("等共 {n} 项", "and {n} more"),
    "scan_status": ("扫码查看排队进度", "Scan to follow your place in the queue"),
    "ticket_footer": (
        "请留意叫号和显示屏，本号当日有效",
        "Please watch the screen and listen for your number. Valid today only.",
    ),
    "notice_title": ("一次性告知单", "One-time notice of materials"),
    "item": ("办理事项：", "Service item: "),
    "code": ("事项编码：", "Item code: "),
    "department": ("实施部门：", "Department: "),
    "time_limit": ("承诺时限：", "Time limit: "),
    "on_the_spot": ("即办（当场办结）", "On the spot"),
    "days": ("{n} 个工作日", "{n} working days"),
    "fee": ("收费标准：", "Fee: "),
    "free": ("不收费", "Free of charge"),
    "yuan": ("{x} 元", "CNY {x}"),
    "ticket": ("排队号：", "Ticket: "),
    "consultation_no": ("咨询号：", "Consultation: "),
    "consultation": ("咨询号", "Your consultation number"),
    "topic": ("咨询主题：", "Topic: "),
    "consult_go": (
        "请到咨询台，工作人员会叫这个号码",
        "Please go to the help desk: staff will call this number",
    ),
    "consult_call": (
        "咨询台工作人员将致电 {phone} 回复您",
        "Help-desk staff will call you back on {phone}",
    ),
    "missing": ("需补正的材料", "Materials to supply (correction)"),
    "missing_hint": (
        "请备齐以下材料后再来办理。",
        "Please bring the following and come back.",
    ),
    "materials": ("申请材料清单", "Required materials"),
    "count": ("{n} 份", "{n} pc"),
    "counts": ("{n} 份", "{n} pcs"),
    "required": ("必需", "required"),
    "optional": ("可选", "optional"),
    "note": ("说明：", "Note: "),
    "window": ("窗口：", "Window: "),
    "window_no": ("{n} 号窗口", "No. {n}"),
    "clerk": ("经办人：", "Clerk: "),
    "clerk_no": ("（工号 {n}）", " (No. {n})"),
    "date": ("日期：", "Date: "),
    "online": (
        "本事项可网上办理，扫码进入网上办事大厅",
        "This item can be done online: scan for the online service hall",
    ),
    "answer": ("咨询答复", "Answer to your question"),
    "owner": ("首问责任人：", "Responsible staff: "),
    "notice_footer": (
        "以上为本事项全部申请材料。如被要求提供清单以外的材料，"
        "请向咨询台反映，或在评价时选择“要求额外材料”。",
        "This is the complete list for this item. If you are asked for anything not on it, "
        'tell the help desk or choose "asked for extra materials" when you rate us.',
    ),
}

_FORMS: dict[str, tuple[str, str]] = {
    "original": ("原件", "Original"),
    "copy": ("复印件", "Copy"),
    "original_and_copy": ("原件及复印件", "Original and copy"),
}

#: Materials named on a ticket before "and N more": the notice carries the full list.
TICKET_MATERIALS_MAX = 5


def _t(lang: Lang, key: str, **fmt: object) -> str:
    zh, en = _LABELS[key]
    return (zh if lang == "zh" else en).format(**fmt)


def _local(moment: datetime, timezone: str | None) -> datetime:
    """The hall's wall-clock time: aware times convert to ``timezone`` when one is given."""
    if timezone and moment.tzinfo is not None:
        return moment.astimezone(ZoneInfo(timezone))
    return moment


@dataclass(frozen=True, slots=True)
class TicketData:
    """What a queue ticket shows, in the citizen's language (``lang``).

    ``issued_at`` is printed in hall local time: pass an aware time and the hall's IANA
    ``timezone`` (or a naive local time and no timezone). ``materials`` are short names for
    the reminder; ``estimated_wait_min`` None leaves the estimate off, and ``no_window`` says
    why when no open window serves the category now (no figure would be honest).
    """

    hall_name: str
    number: str
    category_name: str
    issued_at: datetime
    item_name: str = ""
    people_ahead: int = 0
    estimated_wait_min: int | None = None
    status_url: str = ""
    materials: Sequence[str] = ()
    timezone: str | None = None
    green_channel: bool = False
    lang: Lang = "zh"
    no_window: bool = False


@dataclass(frozen=True, slots=True)
class NoticeMaterial:
    """One material of the standard list; ``form`` as in the catalog (original, copy, ...)."""

    name: str
    form: str = "original"
    count: int = 1
    required: bool = True
    note: str = ""


@dataclass(frozen=True, slots=True)
class NoticeData:
    """What a one-time notice (一次性告知单) shows, in ``lang``.

    ``missing`` lists the standard materials a clerk marked as missing (补正), with the
    clerk's note in ``NoticeMaterial.note``; empty when the notice only informs.
    ``online_url`` empty means the item is not online and no QR is printed.
    """

    hall_name: str
    item_name: str
    department: str
    issued_at: datetime | date
    materials: Sequence[NoticeMaterial] = ()
    missing: Sequence[NoticeMaterial] = ()
    correction_note: str = ""
    item_code: str = ""
    time_limit_days: int = 0
    fee_cny: Decimal | float | int = 0
    window_no: int | None = None
    clerk_name: str = ""
    clerk_no: str = ""
    ticket_number: str = ""
    consultation_number: str = ""  # ZX...: the question this notice answers at the help desk
    online_url: str = ""
    timezone: str | None = None
    lang: Lang = "zh"
    # printed at the help desk: the answer given and who owns the question (首问责任人)
    answer: str = ""
    owner_name: str = ""


@dataclass(frozen=True, slots=True)
class ConsultationData:
    """The slip the kiosk prints for a question sent to the help desk: its consultation
    number (ZX...), which staff call out, and how the answer will come. ``phone_masked`` is
    the call-back number as the server masked it (never the full number)."""

    hall_name: str
    number: str
    topic: str
    issued_at: datetime
    phone_masked: str = ""
    timezone: str | None = None
    lang: Lang = "zh"


def _field(lang: Lang, key: str, value: str, width: int) -> list[Line]:
    """``label + value``; wrapped lines hang under the value when the label is short enough
    to leave room (a long English label or narrow paper would leave a thin column)."""
    label = _t(lang, key)
    label_width = text_width(label)
    hang = label_width if label_width <= width // 4 else 0
    return wrapped_lines(label + value, width, hang=hang)


def _heading(lang: Lang, key: str, width: int) -> list[Line]:
    text = _t(lang, key)
    return wrapped_lines(f"【{text}】" if lang == "zh" else text, width, bold=True)


def _number_size(number: str, width: int) -> Size:
    """The biggest size at which the ticket number still fits on one line."""
    for size in (Size.HUGE, Size.LARGE):
        if text_width(number) * size.scale <= width:
            return size
    return Size.NORMAL


def wait_line(data: TicketData) -> str:
    """The ticket's estimated wait in words ("" when there is no estimate): the one wording
    of it, for the paper and for the kiosk's screen, so the two never disagree."""
    if data.no_window:
        return _t(data.lang, "wait_none")
    if data.estimated_wait_min is None:
        return ""
    minutes = max(0, data.estimated_wait_min)
    key = "wait" if minutes > 0 and data.people_ahead > 0 else "wait_soon"
    return _t(data.lang, key, m=minutes)


def ticket_document(data: TicketData, width_chars: int) -> list[Block]:
    """The queue ticket as blocks for a paper ``width_chars`` columns wide (48 or 32)."""
    lang, w = data.lang, width_chars
    out: list[Block] = []
    out += wrapped_lines(data.hall_name, w, size=Size.LARGE, bold=True, align=Align.CENTER)
    out.append(Rule())
    if data.green_channel:
        out += wrapped_lines(_t(lang, "green"), w, bold=True, align=Align.CENTER)
    out.append(Line(data.number, _number_size(data.number, w), bold=True, align=Align.CENTER))
    out += wrapped_lines(data.category_name, w, size=Size.LARGE, bold=True, align=Align.CENTER)
    if data.item_name:
        out += wrapped_lines(data.item_name, w, align=Align.CENTER)
    out.append(Rule())
    out += wrapped_lines(_t(lang, "ahead", n=data.people_ahead), w, size=Size.LARGE)
    wait = wait_line(data)
    if wait:
        out += wrapped_lines(wait, w)
    issued = _local(data.issued_at, data.timezone).strftime("%Y-%m-%d %H:%M")
    out += _field(lang, "issued", issued, w)
    if data.materials:
        names = list(data.materials[:TICKET_MATERIALS_MAX])
        sep = "、" if lang == "zh" else ", "
        text = sep.join(names)
        if len(data.materials) > TICKET_MATERIALS_MAX:
            more = _t(lang, "more", n=len(data.materials))
            text += more if lang == "zh" else f", {more}"
        out.append(Rule())
        out += _field(lang, "bring", text, w)
    if data.status_url:
        out.append(Rule())
        out.append(QrBlock(data.status_url))
        out += wrapped_lines(_t(lang, "scan_status"), w, align=Align.CENTER)
    out.append(Rule())
    out += wrapped_lines(_t(lang, "ticket_footer"), w, align=Align.CENTER)
    out.append(Cut())
    return out


def _fee_text(lang: Lang, fee: Decimal | float | int) -> str:
    amount = Decimal(str(fee))
    if amount == 0:
        return _t(lang, "free")
    shown = f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"
    return _t(lang, "yuan", x=shown)


def _material_lines(lang: Lang, index: int, m: NoticeMaterial, width: int) -> list[Line]:
    """``1. name`` then an indented detail line: form, count, required or optional, note."""
    head = f"{index}. "
    hang = text_width(head)
    out = wrapped_lines(head + m.name, width, bold=m.required, hang=hang)
    zh, en = _FORMS.get(m.form, (m.form, m.form))
    form = zh if lang == "zh" else en
    need = _t(lang, "required" if m.required else "optional")
    count = _t(lang, "count" if m.count == 1 else "counts", n=m.count)
    detail = f"{form} {count} · {need}" if lang == "zh" else f"{form}, {count}, {need}"
    out += wrapped_lines(detail, width, indent=hang)
    if m.note:
        label = _t(lang, "note")
        out += wrapped_lines(label + m.note, width, indent=hang, hang=text_width(label))
    return out


def notice_document(data: NoticeData, width_chars: int) -> list[Block]:
    """The one-time notice (一次性告知单) as blocks for a paper ``width_chars`` columns wide."""
    lang, w = data.lang, width_chars
    out: list[Block] = []
    out += wrapped_lines(
        _t(lang, "notice_title"), w, size=Size.LARGE, bold=True, align=Align.CENTER
    )
    out += wrapped_lines(data.hall_name, w, bold=True, align=Align.CENTER)
    out.append(Rule(heavy=True))
    out += _field(lang, "item", data.item_name, w)
    if data.item_code:
        out += _field(lang, "code", data.item_code, w)
    out += _field(lang, "department", data.department, w)
    days = data.time_limit_days
    limit = _t(lang, "on_the_spot") if days <= 0 else _t(lang, "days", n=days)
    out += _field(lang, "time_limit", limit, w)
    out += _field(lang, "fee", _fee_text(lang, data.fee_cny), w)
    if data.ticket_number:
        out += _field(lang, "ticket", data.ticket_number, w)
    if data.consultation_number:
        out += _field(lang, "consultation_no", data.consultation_number, w)
    if data.missing or data.correction_note:
        out.append(Rule(heavy=True))
        out += _heading(lang, "missing", w)
        out += wrapped_lines(_t(lang, "missing_hint"), w)
        for i, m in enumerate(data.missing, start=1):
            out += _material_lines(lang, i, m, w)
        if data.correction_note:
            out += _field(lang, "note", data.correction_note, w)
    if data.answer:
        out.append(Rule(heavy=True))
        out += _heading(lang, "answer", w)
        out += wrapped_lines(data.answer, w)
    if data.owner_name:
        out += _field(lang, "owner", data.owner_name, w)
    if data.materials:
        out.append(Rule(heavy=True))
        out += _heading(lang, "materials", w)
        for i, m in enumerate(data.materials, start=1):
            out += _material_lines(lang, i, m, w)
    out.append(Rule(heavy=True))
    if data.window_no is not None:
        out += _field(lang, "window", _t(lang, "window_no", n=data.window_no), w)
    if data.clerk_name:
        clerk = data.clerk_name + (_t(lang, "clerk_no", n=data.clerk_no) if data.clerk_no else "")
        out += _field(lang, "clerk", clerk, w)
    when = data.issued_at
    if isinstance(when, datetime):
        when = _local(when, data.timezone).date()
    shown = f"{when.year}年{when.month}月{when.day}日" if lang == "zh" else when.isoformat()
    out += _field(lang, "date", shown, w)
    if data.online_url:
        out.append(Rule())
        out.append(QrBlock(data.online_url))
        out += wrapped_lines(_t(lang, "online"), w, align=Align.CENTER)
    out.append(Rule())
    out += wrapped_lines(_t(lang, "notice_footer"), w)
    out.append(Cut())
    return out


def consultation_document(data: ConsultationData, width_chars: int) -> list[Block]:
    """The consultation slip as blocks for a paper ``width_chars`` columns wide."""
    lang, w = data.lang, width_chars
    out: list[Block] = []
    out += wrapped_lines(data.hall_name, w, size=Size.LARGE, bold=True, align=Align.CENTER)
    out.append(Rule())
    out += wrapped_lines(_t(lang, "consultation"), w, align=Align.CENTER)
    out.append(Line(data.number, _number_size(data.number, w), bold=True, align=Align.CENTER))
    if data.topic:
        out += _field(lang, "topic", data.topic, w)
    issued = _local(data.issued_at, data.timezone).strftime("%Y-%m-%d %H:%M")
    out += _field(lang, "issued", issued, w)
    out.append(Rule())
    if data.phone_masked:
        out += wrapped_lines(_t(lang, "consult_call", phone=data.phone_masked), w)
    else:
        out += wrapped_lines(_t(lang, "consult_go"), w)
    out.append(Cut())
    return out
