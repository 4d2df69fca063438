"""`kiosk demo` as a newcomer meets it: its windows tiled rather than stacked, the accounts
it prints shown in the README (one list, the sample config's), and a window client at a window
that can call the tickets a newcomer is likely to take first."""

from __future__ import annotations

from pathlib import Path

from kiosk.catalog.hall_config import load_hall_config
from kiosk.demo import accounts, available, command, demo_window, front_ends
from kiosk.paths import sample_hall_path

README = Path(__file__).resolve().parents[3] / "README.md"


def test_the_readme_lists_every_demo_account() -> None:
    config = load_hall_config(sample_hall_path())
    lines = accounts(config)
    roles = {c.role for c in config.clerks}
    assert len(lines) >= len(roles)
    text = README.read_text(encoding="utf-8")
    missing = [line for line in lines if line not in text]
    assert not missing, f"README.md does not show these demo accounts: {missing}"
    for clerk in config.clerks:
        assert any(clerk.pin in line for line in lines)


def test_the_demo_window_serves_the_first_tickets_likely_taken() -> None:
    config = load_hall_config(sample_hall_path())
    window = config.window(demo_window(config))
    for likely in ("SHEBAO", "HUJI", "GONGJIJIN"):  # 社保, 户籍与身份证 (D), 公积金
        assert window.serves(likely), (window.no, likely)
    at = {f.name: f.extra for f in front_ends(window.no)}
    assert at["window"] == at["rating-pad"] == ("--window", str(window.no))


def test_each_front_end_gets_its_own_tile(tmp_path: Path) -> None:
    chosen = available(18)
    tiles = [
        next(a for a in command(f, "http://127.0.0.1:8765", i, len(chosen), "t", tmp_path)
             if a.startswith("--tile="))
        for i, f in enumerate(chosen)
    ]  # fmt: skip
    assert len(set(tiles)) == len(chosen) >= 2
