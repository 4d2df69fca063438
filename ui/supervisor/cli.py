"""`kiosk supervisor --server URL`: the hall supervisor's console (大厅主管).

`--employee-no/--pin` sign in at start and `--pane` opens a pane, for demos and `--screenshot`.
Exported reports are saved in `--export-dir` (default: the user data folder).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ui.common.runner import add_common_args, run

PANES = ("hall", "alerts", "cases", "reports", "assessment", "export")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("supervisor", help="the hall supervisor's console (大厅主管)")
    add_common_args(p, token=False)
    p.add_argument("--employee-no", default=None, help="sign in at start (demos, screenshots)")
    p.add_argument("--pin", default=None, help="PIN for --employee-no")
    p.add_argument("--pane", choices=PANES, default="hall")
    p.add_argument("--export-dir", type=Path, default=None, help="where exports are saved")
    p.set_defaults(func=lambda args: run(args, "supervisor", build, point_size=12))


def build(args: argparse.Namespace) -> object:
    from ui.supervisor.session import SupervisorSession
    from ui.supervisor.window import SupervisorWindow

    session = SupervisorSession(args.server, args.lang)
    window = SupervisorWindow(session, args.pane, args.export_dir)
    if args.employee_no and args.pin:
        window.auto_login(args.employee_no, args.pin)
    return window
