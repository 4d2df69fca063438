"""The one-time notice (一次性告知单) after a correction: laid out from the standard catalog so
the citizen takes home every material and the ones they lacked, printed off the GUI thread
(a network printer can take seconds to fail), with the result reported by signal."""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.printing.layout import NoticeData, NoticeMaterial


def _material(m: dict[str, Any], lang: str) -> NoticeMaterial:
    return NoticeMaterial(
        name=m.get(f"name_{lang}") or m["name_zh"],
        form=m.get("form", "original"),
        count=int(m.get("count", 1)),
        required=bool(m.get("required", True)),
        note=m.get(f"note_{lang}") or "",
    )


def notice_data(
    catalog: dict[str, Any],
    item: dict[str, Any],
    missing: list[int],
    note: str,
    ticket: dict[str, Any] | None,
    clerk: tuple[str, str],
    window_no: int,
    lang: str,
) -> NoticeData:
    materials = [_material(m, lang) for m in item.get("materials", [])]
    hall = catalog.get("hall") or {}
    return NoticeData(
        hall_name=str(hall.get(f"name_{lang}") or hall.get("name_zh") or ""),
        item_name=str(item.get(f"name_{lang}") or item["name_zh"]),
        department=str(item.get(f"department_{lang}") or item.get("department_zh") or ""),
        issued_at=datetime.now().astimezone(),
        materials=materials,
        missing=[materials[i] for i in missing if 0 <= i < len(materials)],
        correction_note=note,
        item_code=item["code"],
        time_limit_days=int(item.get("time_limit_days", 0)),
        fee_cny=item.get("fee_cny", 0),
        window_no=window_no,
        clerk_name=clerk[1],
        clerk_no=clerk[0],
        ticket_number=str((ticket or {}).get("number", "")),
        online_url=str(item.get("online_url") or "") if item.get("online") else "",
        timezone=hall.get("timezone") or None,
        lang="en" if lang == "en" else "zh",
    )


class NoticePrinter(QObject):
    printed = Signal(object)  # ui.printing.dispatch.PrintResult

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url

    def print(self, data: NoticeData) -> None:
        threading.Thread(target=self._run, args=(data,), name="notice-print", daemon=True).start()

    def _run(self, data: NoticeData) -> None:
        from ui.printing.dispatch import print_notice

        result = print_notice(self.url, data)
        with contextlib.suppress(RuntimeError):  # the window closed while printing
            self.printed.emit(result)
