"""Finishing a service on the window client's screen: the outcome, or for a correction the
checklist, the record through the outbox and the one-time notice printed off the GUI thread."""

from __future__ import annotations

from typing import Any

from ui.printing.documents import notice_data


class FinishFlow:
    """Mixed into WindowClient (which provides session, pages, header, printer, back())."""

    def _finish(self, outcome: str, note: str, reason: str) -> None:
        self.session.finish(outcome, None, note or None, reason or None)
        self.back()

    def _open_correction(self, note: str) -> None:
        s = self.session
        ticket = s.ticket or {}
        items = [i for i in s.catalog.get("items", []) if i["category"] == ticket.get("category")]
        self.open_page(self.correction_page)
        self.correction_page.fill(items, ticket.get("item"), note, self.lang)

    def _correction(self, item_code: str, missing: list[int], note: str) -> None:
        s = self.session
        item: dict[str, Any] = next(i for i in s.catalog["items"] if i["code"] == item_code)
        names = [item["materials"][i]["name_zh"] for i in missing]
        ticket = s.finish("correction", names, note or None)
        self.back()
        if ticket is None:
            return
        data = notice_data(
            s.catalog,
            item,
            self.lang,
            missing=missing,
            note=note,
            ticket=ticket,
            clerk=(s.employee_no, s.clerk_name),
            window_no=s.window_no,
        )
        self.header.show_message(
            self.tr("Correction recorded; printing the one-time notice…"), "info"
        )
        self.printer.notice(data)

    def _printed(self, job: Any, result: Any) -> None:
        if result.ok:
            self.header.show_message(
                self.tr("One-time notice printed: hand it to the citizen."), "info"
            )
        else:
            text = self.tr("The notice did not print ({error}); check the printer and print again.")
            self.header.show_message(text.format(error=str(result.error)), "error")
