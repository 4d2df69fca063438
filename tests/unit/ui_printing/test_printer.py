"""The one printer object of the front ends and the one way to fill a ticket or a notice from
the server's JSON: jobs print off the GUI thread, in order, each reported once by signal on the
GUI thread; what the documents say does not depend on which front end printed them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.hallfactory import catalog_dict, config_dict
from ui.printing.documents import notice_data, ticket_data
from ui.printing.printer import Printer, PrintJob

pytestmark = pytest.mark.gui
WAIT_MS = 10000


def catalog() -> dict[str, Any]:
    """The catalog as GET /catalog answers it: the items plus the hall."""
    hall = {k: v for k, v in config_dict().items() if k in ("code", "name_zh", "name_en")}
    return {**catalog_dict(), "hall": {**hall, "timezone": "Asia/Shanghai"}}


def server_ticket(**extra: Any) -> dict[str, Any]:
    return {
        "id": "01JTICKET",
        "number": "A007",
        "category": "SB",
        "category_name_zh": "社保",
        "category_name_en": "Social insurance",
        "item": "SB-1",
        "priority": "normal",
        "issued_at": "2026-11-27T01:05:00Z",
        "ahead": 3,
        "estimated_wait_s": 150,
        "status_url": "/t/01JTICKET.abc",
        **extra,
    }


def test_a_ticket_reads_the_item_materials_wait_and_hall_time() -> None:
    data = ticket_data(catalog(), server_ticket(), "http://hall.local:8000/", "zh")
    assert (data.hall_name, data.number, data.category_name) == ("测试政务服务中心", "A007", "社保")
    assert data.item_name == "社保卡补换" and list(data.materials) == ["居民身份证", "申请表"]
    assert data.people_ahead == 3 and data.estimated_wait_min == 3  # 2.5 min, rounded up
    assert data.status_url == "http://hall.local:8000/t/01JTICKET.abc"
    assert data.issued_at.hour == 9 and data.timezone == "Asia/Shanghai"
    english = ticket_data(catalog(), server_ticket(priority="green"), "http://h", "en")
    assert english.category_name == "Social insurance" and english.green_channel
    assert english.lang == "en"
    bare = ticket_data({}, {"number": "Z001"}, "http://h", "zh")  # no catalog yet: still prints
    assert bare.number == "Z001" and bare.materials == [] and bare.estimated_wait_min == 0


def test_a_notice_lists_the_standard_materials_and_what_was_missing() -> None:
    item = catalog()["items"][0]
    plain = notice_data(catalog(), item, "zh")
    assert [m.name for m in plain.materials] == ["居民身份证", "申请表"] and plain.missing == []
    assert plain.item_code == "SB-1" and plain.department == "市某局"
    assert plain.timezone == "Asia/Shanghai" and isinstance(plain.issued_at, datetime)
    correction = notice_data(
        catalog(),
        item,
        "zh",
        missing=[1, 7],  # an index beyond the list is ignored
        note="申请表未签字",
        ticket={"number": "A007"},
        clerk=("1001", "职员1"),
        window_no=1,
    )
    assert [m.name for m in correction.missing] == ["申请表"]
    assert correction.correction_note == "申请表未签字" and correction.ticket_number == "A007"
    clerk = (correction.clerk_no, correction.clerk_name, correction.window_no)
    assert clerk == ("1001", "职员1", 1)


def test_jobs_print_off_the_gui_thread_in_order_and_report_once(qtbot: Any, tmp_path: Path) -> None:
    printer = Printer("escpos+dummy://")
    threads: list[str] = []
    reports: list[tuple[PrintJob, Any]] = []

    def printed(job: PrintJob, result: Any) -> None:
        threads.append(threading.current_thread().name)
        reports.append((job, result))

    printer.printed.connect(printed)
    first = printer.ticket(ticket_data(catalog(), server_ticket(), "http://h", "zh"), tag="t1")
    second = printer.notice(notice_data(catalog(), catalog()["items"][2], "zh"))
    third = printer.ticket(ticket_data(catalog(), server_ticket(number="A008"), "http://h", "zh"))
    qtbot.waitUntil(lambda: len(reports) == 3, timeout=WAIT_MS)
    assert [job for job, _ in reports] == [first, second, third]
    assert first == PrintJob("ticket", "A007", "t1") and second == PrintJob("notice", "GJJ-1")
    assert all(result.ok for _, result in reports)
    assert "公积金提取".encode("gb18030") in reports[1][1].data
    assert threads == [threading.main_thread().name] * 3  # reported on the GUI thread
    assert printer.wait(1.0)


def test_a_failed_print_is_reported_and_no_printer_prints_nothing(
    qtbot: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    printer = Printer(f"pdf://{blocker}/tickets")
    data = ticket_data(catalog(), server_ticket(), "http://h", "zh")
    with qtbot.waitSignal(printer.printed, timeout=WAIT_MS) as report:
        printer.ticket(data, tag="t1")
    job, result = report.args
    assert job.tag == "t1" and not result.ok and result.error is not None
    nothing = Printer(None)
    assert not nothing.configured and nothing.ticket(data) is None and nothing.wait(0.1)
