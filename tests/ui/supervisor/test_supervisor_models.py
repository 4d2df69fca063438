"""The console's models pass qtmodeltester on the hall's real answers (the overview, alerts and
cases of a played day), and order and colour what needs attention."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.reports.kinds import build_report
from kiosk.reports.period import Period
from tests.unit.reports.scripted_day import play


@pytest.mark.gui
def test_models_pass_the_model_tester(qtmodeltester, hall, clock) -> None:
    from ui.supervisor.models import (
        AlertsModel,
        CasesModel,
        CategoriesModel,
        ReportModel,
        WindowsModel,
    )

    play(hall, clock)
    overview = hall.supervision_overview()
    windows, categories = WindowsModel(), CategoriesModel()
    windows.category_names = {c["code"]: c for c in overview["categories"]}
    windows.set_rows(overview["windows"])
    categories.set_rows(overview["categories"])
    alerts = AlertsModel()
    alerts.set_rows(hall.alerts(state="all")["alerts"])
    cases = CasesModel()
    cases.set_rows(hall.cases(status="all")["cases"])
    report = ReportModel()
    body = build_report(
        hall.reader(), "day", Period.day(date(2026, 11, 27)), "zh", date(2026, 11, 27)
    )
    report.set_table(body.as_json()["tables"]["items"])
    for model in (windows, categories, alerts, cases, report):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    assert report.data(report.index(0, 1)) == "社保卡补换"
    assert report.data(report.index(0, 3)) == "7.5"  # 450 s as minutes
    assert cases.data(cases.index(0, 0)) == "B001"
    # what a window serves, by the names a supervisor reads, never the codes
    serves = windows.data(windows.index(0, 6))
    assert serves and "社保" in serves and not any(c.isascii() and c.isalpha() for c in serves)


@pytest.mark.gui
def test_alerts_unacknowledged_on_top_newest_first(qtmodeltester) -> None:
    from ui.supervisor.models import AlertsModel

    model = AlertsModel()
    rows = [
        {"id": 1, "kind": "long_wait", "state": "open", "details": {}, "at": None},
        {"id": 2, "kind": "bad_rating", "state": "acknowledged", "details": {}, "at": None},
        {"id": 3, "kind": "idle_window", "state": "open", "details": {}, "at": None},
        {"id": 4, "kind": "print_failed", "state": "resolved", "details": {}, "at": None},
    ]
    model.set_rows(rows)
    assert [r["id"] for r in model.rows] == [3, 1, 4, 2]
    qtmodeltester.check(model)


@pytest.mark.gui
def test_overdue_cases_are_red(qtmodeltester) -> None:
    from PySide6.QtCore import Qt

    from ui.supervisor.models import RED, CasesModel

    model = CasesModel()
    model.set_rows([
        {"id": "a", "number": "A001", "status": "assigned", "level": 1, "deadline": "2026-11-20",
         "overdue": True},
        {"id": "b", "number": "A002", "status": "open", "level": 2, "deadline": "2026-12-20",
         "overdue": False},
    ])  # fmt: skip
    brush = model.data(model.index(0, 4), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color() == RED
    assert model.data(model.index(1, 4), Qt.ItemDataRole.ForegroundRole) is None
    qtmodeltester.check(model)
