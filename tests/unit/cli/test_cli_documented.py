"""Every `kiosk` subcommand is documented in docs/cli.md (the sqlite-utils habit)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli import build_parser

DOC = Path(__file__).resolve().parents[3] / "docs" / "cli.md"


def commands(parser: argparse.ArgumentParser, prefix: str = "kiosk") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix} {name}"
                nested = commands(sub, path)
                found.extend(nested or [path])
    return found


def test_every_command_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [c for c in commands(build_parser()) if f"`{c}" not in text]
    assert not missing, f"document these in docs/cli.md: {missing}"


def test_cli_round_trip(tmp_path, capsys) -> None:
    from kiosk.cli import main

    data = str(tmp_path / "hall")
    assert main(["init", "--data", data, "--sample"]) == 0
    assert main(["device", "add", "--data", data, "--role", "kiosk", "--name", "k1", "--json"]) == 0
    assert '"token"' in capsys.readouterr().out
    assert (
        main(
            [
                "clerk",
                "add",
                "--data",
                data,
                "--employee-no",
                "7001",
                "--name",
                "测试",
                "--pin",
                "4321",
            ]
        )
        == 0
    )
    assert main(["store", "rebuild", "--data", data]) == 0
    assert main(["day", "close", "--data", data]) == 0
    assert "closed" in capsys.readouterr().out
