"""`kiosk center ...`: serve the center, register halls, publish catalogs, print reports.

The top-level CLI calls `register(subparsers)`; each command sets `func(args) -> int`. Tokens
are printed once and never stored in clear text, so the commands say so next to the token.
`python -m kiosk.center.cli center ...` works on its own too.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kiosk.center.db import default_db_url, open_center_db
from kiosk.center.errors import CenterError
from kiosk.domain import HallLevel

DEFAULT_PORT = 8800
Handler = Callable[[argparse.Namespace], int]


def _guard(handler: Handler) -> Handler:
    """Refusals become a two-language message and exit code 2, not a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except CenterError as err:
            print(f"error: {err.detail}\n错误：{err.detail_zh}", file=sys.stderr)
            return 2
        except (OSError, ValueError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2

    return run


def _emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> int:
    print(json.dumps(data, ensure_ascii=False) if args.json else text)
    return 0


@_guard
def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from kiosk.center.app import create_center_app
    from kiosk.center.tokens import ensure_admin_token

    app = create_center_app(args.db)
    token = ensure_admin_token(app.state.engine)
    if token:
        print(f"center admin token (shown once, store it safely / 管理员令牌仅显示一次): {token}")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


@_guard
def cmd_init(args: argparse.Namespace) -> int:
    from kiosk.center.migrations import current_version
    from kiosk.center.tokens import create_admin_token, ensure_admin_token

    engine = open_center_db(args.db)
    token = create_admin_token(engine) if args.new_token else ensure_admin_token(engine)
    data = {"schema_version": current_version(engine), "admin_token": token}
    text = f"center database ready (schema version {data['schema_version']})"
    if token:
        text += f"\nadmin token (shown once / 仅显示一次): {token}"
    else:
        text += "\nan admin token already exists (use --new-token for another)"
    return _emit(args, data, text)


@_guard
def cmd_hall_add(args: argparse.Namespace) -> int:
    from kiosk.center.halls import add_hall

    engine = open_center_db(args.db)
    token = add_hall(engine, args.code, args.name, args.level, args.parent, args.timezone)
    data = {"code": args.code, "level": args.level, "parent": args.parent, "token": token}
    text = f"hall {args.code} registered; its token (shown once / 仅显示一次):\n{token}"
    return _emit(args, data, text)


@_guard
def cmd_hall_list(args: argparse.Namespace) -> int:
    from kiosk.center.halls import hall_status

    status = hall_status(open_center_db(args.db))
    lines = [
        f"{h['code']:<12} {h['level']:<9} acked={h['acked_seq']:<8} lag={h['lag_events']:<6} "
        f"catalog={h['catalog_version'] or '-'} last_contact={h['last_contact'] or '-'} {h['name']}"
        for h in status
    ]
    return _emit(args, {"halls": status}, "\n".join(lines) or "no halls registered")


@_guard
def cmd_catalog_publish(args: argparse.Namespace) -> int:
    from kiosk.center.catalogs import publish_catalog

    doc = json.loads(Path(args.file).read_text(encoding="utf-8"))
    version, created = publish_catalog(open_center_db(args.db), doc)
    state = "published" if created else "already published (unchanged)"
    return _emit(args, {"version": version, "published": created}, f"catalog {version} {state}")


@_guard
def cmd_report(args: argparse.Namespace) -> int:
    from kiosk.center.report_format import render
    from kiosk.center.reports import build_report

    report = build_report(open_center_db(args.db), args.day_from, args.day_to, args.by)
    text = render(report, args.format, Path(args.out) if args.out else None)
    if text is not None:
        sys.stdout.write(text)
    return 0


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
    serve.set_defaults(func=cmd_serve)

    init = sub.add_parser("init", help="migrate the database and make the first admin token")
    _common(init)
    init.add_argument("--new-token", action="store_true", help="issue another admin token")
    init.set_defaults(func=cmd_init)

    hall = sub.add_parser("hall", help="register and list halls")
    hall_sub = hall.add_subparsers(dest="hall_command", metavar="COMMAND", required=True)
    add = hall_sub.add_parser("add", help="register a hall and print its token")
    _common(add)
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--level", required=True, choices=[lv.value for lv in HallLevel])
    add.add_argument("--parent", default=None)
    add.add_argument("--timezone", default="Asia/Shanghai")
    add.set_defaults(func=cmd_hall_add)
    listing = hall_sub.add_parser("list", help="halls with their sync lag")
    _common(listing)
    listing.set_defaults(func=cmd_hall_list)

    catalog = sub.add_parser("catalog", help="the standard catalog")
    cat_sub = catalog.add_subparsers(dest="catalog_command", metavar="COMMAND", required=True)
    publish = cat_sub.add_parser("publish", help="publish a new catalog version")
    _common(publish)
    publish.add_argument("file")
    publish.set_defaults(func=cmd_catalog_publish)

    report = sub.add_parser("report", help="three-level comparison report")
    _common(report, json_flag=False)
    report.add_argument("--from", dest="day_from", required=True, help="first service day")
    report.add_argument("--to", dest="day_to", required=True, help="last service day")
    report.add_argument("--by", choices=["level", "hall", "item"], default="level")
    report.add_argument("--format", choices=["table", "csv", "xlsx", "json"], default="table")
    report.add_argument("--out", default=None, help="write to FILE (required for xlsx)")
    report.set_defaults(func=cmd_report)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
