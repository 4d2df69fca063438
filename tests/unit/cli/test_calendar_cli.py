"""`kiosk calendar`: the hall shows and replaces its holiday schedule; a wrong file changes
nothing and says why in one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.helpers.hallfactory import make_hall


@pytest.fixture
def data(tmp_path: Path) -> Path:
    make_hall(tmp_path / "hall.db").close()
    return tmp_path


def test_show_lists_the_bundled_year(data: Path, capsys) -> None:
    assert main(["calendar", "show", "--data", str(data), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "国庆节" in out and "2026-10-10" in out  # the make-up Saturday
    assert main(["calendar", "show", "--data", str(data), "--year", "2031"]) == 0
    assert "Mon-Fri" in capsys.readouterr().out


def test_import_replaces_the_year_for_the_hall(data: Path, capsys) -> None:
    from kiosk.engine.hall import Hall

    published = data / "2026.toml"
    published.write_text(
        'year = 2026\n[[holiday]]\nname_zh = "测试假"\nfrom = 2026-12-07\n', encoding="utf-8"
    )
    assert main(["calendar", "import", "--data", str(data), str(published)]) == 0
    hall = Hall(data / "hall.db")
    try:
        assert not hall.settings.calendar.is_working_day(date(2026, 12, 7))
        assert hall.settings.calendar.is_working_day(date(2026, 10, 8))
    finally:
        hall.close()


def test_a_wrong_file_is_refused_in_one_line_and_changes_nothing(data: Path, capsys) -> None:
    bad = data / "bad.toml"
    bad.write_text('year = 2026\n[[holiday]]\nname_zh = "x"\nfrom = "2026-02-30"\n')
    assert main(["calendar", "import", "--data", str(data), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "不是日期" in err[0] and "not a date" in err[1]
    from kiosk.engine.hall import Hall

    hall = Hall(data / "hall.db")
    try:
        assert hall.meta("calendar_years") is None
    finally:
        hall.close()
