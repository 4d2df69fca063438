"""One definition of field limits (kiosk/limits.py) on both sides of sync: whatever a hall
accepts, its center stores. A clerk with a 40-character employee number once stopped a hall's
sync to a PostgreSQL center for good; now such a clerk works and syncs, and an employee number
longer than any center could store is refused when the clerk is added."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk import limits
from kiosk.center.app import create_center_app
from kiosk.center.halls import add_hall
from kiosk.center.schema import events
from kiosk.cli import main
from kiosk.engine.base import Actor
from tests.helpers.hallfactory import make_hall
from tests.helpers.live_server import serve_in_thread

LONG_NO = "3702" + "0" * 36  # 40 characters, as some halls number their staff


def test_a_long_employee_number_is_accepted_and_synced(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Accepted rather than refused: the login form always took 64 characters, so halls may
    already have such clerks, and the center now stores whatever a hall may log."""
    hall = make_hall(tmp_path / "hall.db")
    assert main(
        ["clerk", "add", "--data", str(tmp_path), "--employee-no", LONG_NO, "--name", "王五",
         "--pin", "2468"]
    ) == 0  # fmt: skip
    hall.login(LONG_NO, "2468", 1)
    clerk = Actor(device="window-1", clerk=LONG_NO)
    hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))
    hall.call_next(1, clerk)
    hall.close()

    app = create_center_app(db_url)
    add_hall(app.state.engine, "T-00", "测试市中心", "city")
    token = add_hall(app.state.engine, "T-01", "测试区中心", "district", "T-00")
    with serve_in_thread(app) as url:
        sync = ["sync", "--data", str(tmp_path), "--once", "--center", url, "--center-token"]
        assert main([*sync, token]) == 0
    assert "(lag 0)" in capsys.readouterr().out
    with app.state.engine.connect() as conn:
        actors = set(conn.execute(select(events.c.actor)).scalars())
    assert LONG_NO in actors


def test_an_employee_number_no_center_could_store_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_hall(tmp_path / "hall.db").close()
    too_long = "7" * (limits.EMPLOYEE_NO_MAX + 1)
    add = ["clerk", "add", "--data", str(tmp_path), "--name", "赵六", "--pin", "1357"]
    assert main([*add, "--employee-no", too_long]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"工号不能超过{limits.EMPLOYEE_NO_MAX}个字符" in err
    assert f"at most {limits.EMPLOYEE_NO_MAX} characters" in err
