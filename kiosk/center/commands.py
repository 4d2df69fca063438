"""The handlers behind `kiosk center ...`: each takes the parsed args and returns an exit code.

Refusals (CenterError) print both languages and exit 2 instead of a traceback. Tokens are
printed once and never stored in clear text, so the commands say so next to the token.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.center.db import DB_URL_ENV, open_center_db
from kiosk.center.errors import CenterError
from kiosk.errors import one_line

Handler = Callable[[argparse.Namespace], int]


def _guard(handler: Handler) -> Handler:
    """Refusals become a two-language message and exit code 2, not a traceback."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except CenterError as err:
            print(one_line(err.detail_zh, err.detail), file=sys.stderr)
            return 2
        except (OSError, ValueError) as err:
            print(one_line(str(err), str(err)), file=sys.stderr)
            return 2

    return run


def _emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> int:
    print(json.dumps(data, ensure_ascii=False) if args.json else text)
    return 0


@_guard
def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from kiosk import timeouts
    from kiosk.center.app import create_center_app
    from kiosk.center.tokens import ensure_admin_token

    app = create_center_app(args.db)
    token = ensure_admin_token(app.state.engine)
    if token:
        print(f"center admin token (shown once, store it safely / 管理员令牌仅显示一次): {token}")
    # half-sent requests are cut off; the limits reach worker processes through the environment
    http = timeouts.configure(
        getattr(args, "header_timeout", None), getattr(args, "body_timeout", None)
    )
    bounded = {"http": http, "timeout_graceful_shutdown": 10}
    if args.workers > 1:  # worker processes build their own app from the environment
        app.state.engine.dispose()
        os.environ[DB_URL_ENV] = args.db
        factory = "kiosk.center.app:app_from_env"
        uvicorn.run(
            factory,
            factory=True,
            workers=args.workers,
            host=args.host,
            port=args.port,
            **bounded,  # type: ignore[arg-type]
        )
        return 0
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", **bounded)  # type: ignore[arg-type]
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
def cmd_office_user_add(args: argparse.Namespace) -> int:
    from kiosk.center.office_users import create_office_user

    token = create_office_user(open_center_db(args.db), args.name, args.district)
    where = f"district {args.district}" if args.district else "the whole city"
    data = {"name": args.name, "district": args.district, "token": token}
    text = f"office user {args.name} ({where}); its token (shown once / 仅显示一次):\n{token}"
    return _emit(args, data, text)


@_guard
def cmd_report(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if args.format in ("xlsx", "csv"):
        return _report_book(args, open_center_db(args.db))
    if args.kind == "governance":
        from kiosk.center import governance_format
        from kiosk.center.governance import build_governance

        engine = open_center_db(args.db)
        compare = (args.compare_from, args.compare_to)
        found = build_governance(engine, args.day_from, args.day_to, *compare)
        text = governance_format.render(found, args.format, out)
    else:
        from kiosk.center.report_format import render
        from kiosk.center.reports import build_report

        report = build_report(open_center_db(args.db), args.day_from, args.day_to, args.by)
        text = render(report, args.format, out)
    if text is not None:
        sys.stdout.write(text)
    return 0


def _report_book(args: argparse.Namespace, engine: Any) -> int:
    """The governance report as the workbook (every view) or one view (--by) as CSV with
    Chinese headers, the compared period beside: what an office prints, whichever --kind."""
    from kiosk.center.office_report import office_book
    from kiosk.center.office_users import CITY_ADMIN
    from kiosk.center.workbook import csv_bytes, write_workbook

    if args.format == "xlsx" and not args.out:
        raise ValueError("xlsx needs --out FILE / xlsx 格式须用 --out 指定文件")
    book = office_book(
        engine,
        CITY_ADMIN,
        args.day_from,
        args.day_to,
        args.compare_from,
        args.compare_to,
    )
    if args.format == "xlsx":
        write_workbook(book, Path(args.out))
        return 0
    body = csv_bytes(book, args.by)
    if args.out:
        Path(args.out).write_bytes(body)
    else:
        sys.stdout.write(body.decode("utf-8-sig"))
    return 0


@_guard
def cmd_archive(args: argparse.Namespace) -> int:
    from kiosk.center.archive import archive_before, check_month

    check_month(args.before)
    done = archive_before(open_center_db(args.db), args.before, Path(args.dir))
    lines = [
        f"{d['month']}: {d['events']} events -> {d['file']} (sha256 {d['sha256']})" for d in done
    ]
    text = "\n".join(lines) or f"no events before {args.before} to archive"
    return _emit(args, {"archived": done}, text)


@_guard
def cmd_rollup(args: argparse.Namespace) -> int:
    from kiosk.center.rollups import dirty_count, refresh

    engine = open_center_db(args.db)
    done = refresh(engine, args.day_from, args.day_to)
    left = dirty_count(engine)
    return _emit(args, {"recomputed": done, "dirty": left}, f"{done} hall-days recomputed")
