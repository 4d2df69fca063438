"""`kiosk help-desk --server URL`: the help-desk console (咨询台).

`--employee-no/--pin` sign in at start and `--view`/`--select` open a tab or a question, for
demos and `--screenshot`. Notices and queue numbers print to `--printer` (default: PDFs in the
user data folder, so a desk without a printer still works). What staff enter while the hall
server is unreachable waits in `--outbox` (default: the user data folder) until it is back.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ui.common.runner import add_common_args, run


def default_printer() -> str:
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return "pdf://" + str(base / "hall-kiosk" / "help-desk-prints")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("help-desk", help="the help-desk console (咨询台)")
    add_common_args(p, token=False)
    p.add_argument("--printer", default=os.environ.get("KIOSK_PRINTER"), help="printer URL")
    p.add_argument("--outbox", type=Path, default=None, help="outbox file (default: user data)")
    p.add_argument("--employee-no", default=None, help="sign in at start (demos, screenshots)")
    p.add_argument("--pin", default=None, help="PIN for --employee-no")
    p.add_argument("--view", choices=("consultations", "knowledge", "figures"), default=None)
    p.add_argument("--select", default=None, help="open this question, e.g. ZX002")
    p.set_defaults(func=lambda args: run(args, "help_desk", build, point_size=12))


def build(args: argparse.Namespace) -> object:
    from ui.common.outbox_qt import default_path
    from ui.help_desk.session import DeskSession
    from ui.help_desk.window import HelpDeskWindow

    outbox = args.outbox or default_path("outbox-help-desk")
    session = DeskSession(args.server, args.lang, outbox_path=outbox)
    window = HelpDeskWindow(
        session, args.printer or default_printer(), args.view or "consultations"
    )
    if args.employee_no and args.pin:
        window.auto_login(args.employee_no, args.pin, args.select)
    session.load_catalog()
    return window
