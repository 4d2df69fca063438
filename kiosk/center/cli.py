"""`kiosk center ...`: serve the center, register halls, publish catalogs, print reports.

The top-level CLI calls `register(subparsers)`; each command sets `func(args) -> int` (the
handlers live in kiosk.center.commands). `python -m kiosk.center.cli center ...` works on its own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from kiosk.center.db_url import default_db_url
from kiosk.domain import HallLevel

DEFAULT_PORT = 8800


def _handler(name: str) -> Callable[[argparse.Namespace], int]:
    """The command's handler, imported when it runs: the handlers load SQLAlchemy, which every
    other `kiosk` command (and `--help`) would otherwise pay for at start."""

    def run(args: argparse.Namespace) -> int:
        from kiosk.center import commands

        handler: Callable[[argparse.Namespace], int] = getattr(commands, name)
        return handler(args)

    return run


def _common(parser: argparse.ArgumentParser, json_flag: bool = True) -> None:
    parser.add_argument("--db", default=default_db_url(), help="postgresql://... or sqlite:///PATH")
    if json_flag:
        parser.add_argument("--json", action="store_true", help="machine-readable output")


def register(subparsers: Any) -> None:
    """Add the `center` command group to the top-level CLI's subparsers."""
    center = subparsers.add_parser("center", help="city center (中心平台): sync, catalog, reports")
    sub = center.add_subparsers(dest="center_command", metavar="COMMAND", required=True)

    serve = sub.add_parser("serve", help="run the center HTTP API")
    _common(serve, json_flag=False)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--workers", type=int, default=1, help="processes (PostgreSQL only)")
    serve.add_argument(
        "--header-timeout", type=float, default=None, help="seconds for request headers (10)"
    )
    serve.add_argument(
        "--body-timeout", type=float, default=None, help="seconds a request body may stall (30)"
    )
    serve.set_defaults(func=_handler("cmd_serve"))

    init = sub.add_parser("init", help="migrate the database and make the first admin token")
    _common(init)
    init.add_argument("--new-token", action="store_true", help="issue another admin token")
    init.set_defaults(func=_handler("cmd_init"))

    hall = sub.add_parser("hall", help="register and list halls")
    hall_sub = hall.add_subparsers(dest="hall_command", metavar="COMMAND", required=True)
    add = hall_sub.add_parser("add", help="register a hall and print its token")
    _common(add)
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--level", required=True, choices=[lv.value for lv in HallLevel])
    add.add_argument("--parent", default=None)
    add.add_argument("--timezone", default="Asia/Shanghai")
    add.set_defaults(func=_handler("cmd_hall_add"))
    listing = hall_sub.add_parser("list", help="halls with their sync lag")
    _common(listing)
    listing.set_defaults(func=_handler("cmd_hall_list"))

    catalog = sub.add_parser("catalog", help="the standard catalog")
    cat_sub = catalog.add_subparsers(dest="catalog_command", metavar="COMMAND", required=True)
    publish = cat_sub.add_parser("publish", help="publish a new catalog version")
    _common(publish)
    publish.add_argument("file")
    publish.set_defaults(func=_handler("cmd_catalog_publish"))

    office = sub.add_parser("office-user", help="people of the city and district offices")
    office_sub = office.add_subparsers(dest="office_command", metavar="COMMAND", required=True)
    office_add = office_sub.add_parser(
        "add", help="make a report reader's token: the whole city, or one district"
    )
    _common(office_add)
    office_add.add_argument(
        "--name", required=True, help="who holds it, e.g. 市南区政务服务管理办公室"
    )
    office_add.add_argument(
        "--district", default=None, help="a district hall's code; without it the user sees the city"
    )
    office_add.set_defaults(func=_handler("cmd_office_user_add"))

    report = sub.add_parser("report", help="three-level comparison report")
    _common(report, json_flag=False)
    report.add_argument("--from", dest="day_from", required=True, help="first service day")
    report.add_argument("--to", dest="day_to", required=True, help="last service day")
    report.add_argument(
        "--kind", choices=["summary", "governance"], default="summary",
        help="summary: one view (--by); governance: every view, compared with an earlier period",
    )  # fmt: skip
    report.add_argument("--by", choices=["level", "hall", "item"], default="level")
    report.add_argument("--compare-from", default=None, help="governance: first day compared")
    report.add_argument("--compare-to", default=None, help="governance: last day compared")
    report.add_argument(
        "--format", choices=["table", "csv", "xlsx", "json"], default="table",
        help="xlsx: the governance workbook (every view, to print); csv: its --by view, "
        "Chinese headers, UTF-8 with BOM; table/json: the --kind report as it is",
    )  # fmt: skip
    report.add_argument("--out", default=None, help="write to FILE (required for xlsx)")
    report.set_defaults(func=_handler("cmd_report"))

    archive = sub.add_parser("archive", help="move months of raw events to files (retention)")
    _common(archive)
    archive.add_argument("--before", required=True, help="archive every month before YYYY-MM")
    archive.add_argument("--dir", default="center-archive", help="where the files go")
    archive.set_defaults(func=_handler("cmd_archive"))

    rollup = sub.add_parser("rollup", help="recompute the daily rollups still marked dirty")
    _common(rollup)
    rollup.add_argument("--from", dest="day_from", default=None, help="first service day")
    rollup.add_argument("--to", dest="day_to", default=None, help="last service day")
    rollup.set_defaults(func=_handler("cmd_rollup"))
