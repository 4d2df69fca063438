"""Drive the `center` command group the way the top-level CLI will: through `register`."""

from __future__ import annotations

import argparse

import pytest

from kiosk.center import cli


def run_center(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Parse `kiosk center ARGV...` on a fresh parser, run the handler; (exit code, out, err)."""
    parser = argparse.ArgumentParser(prog="kiosk")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["center", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err
