"""The `kiosk` command. Each room registers its own subcommands; this module holds the hall's."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.domain import DeviceRole, Role
from kiosk.errors import one_line

if TYPE_CHECKING:  # the engine loads when a command opens the store, not for --help or `say`
    from kiosk.engine.hall import Hall

Handler = Callable[[argparse.Namespace], int]


def default_data_dir() -> Path:
    """$KIOSK_DATA, else the user data dir (XDG), so `kiosk demo` needs no arguments."""
    if env := os.environ.get("KIOSK_DATA"):
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hall-kiosk"


def _data_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=None, help="hall data directory")


def _data(args: argparse.Namespace) -> Path:
    return Path(args.data) if args.data else default_data_dir()


def open_hall(data: Path | None) -> Hall:
    """The checked hall store in `data` (default data dir when None), or a clear refusal."""
    from kiosk.admin.runner import open_store

    return open_store(Path(data) if data else default_data_dir())


@contextmanager
def owned_hall(args: argparse.Namespace, what: str) -> Iterator[Hall]:
    """The store for a command that cannot go through a running server: it takes the store's
    lock (refusing clearly while `kiosk serve` holds it) and closes the store after."""
    from kiosk.store.lock import StoreLock

    with StoreLock(_data(args)).acquire(what):
        hall = open_hall(args.data)
        try:
            yield hall
        finally:
            hall.close()


def admin(args: argparse.Namespace, op: str, **body: Any) -> dict[str, Any]:
    """Runs registered operation `op` (kiosk.admin.ops) on the store, or through the running
    server that owns it."""
    from kiosk.admin.runner import run

    return run(_data(args), op, body)


def cmd_init(args: argparse.Namespace) -> int:
    from kiosk.setup import init_hall

    hall = init_hall(_data(args), sample=args.sample, config=args.config, catalog=args.catalog)
    print(f"initialised {hall.code} {hall.config.name_zh} at {_data(args)}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kiosk.server.run import serve

    return serve(
        _data(args),
        args.host,
        args.port,
        auto_close=not args.no_auto_close,
        always_open=args.always_open,
        center=args.center,
        center_token=args.center_token,
        header_timeout=args.header_timeout,
        body_timeout=args.body_timeout,
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from kiosk.demo import run_demo

    return run_demo(_data(args), port=args.port, screens=args.only)


def cmd_clerk_add(args: argparse.Namespace) -> int:
    admin(
        args, "clerks", employee_no=args.employee_no, name=args.name, pin=args.pin, role=args.role
    )
    print(f"clerk {args.employee_no} {args.name} ({args.role}) saved")
    return 0


def cmd_clerk_disable(args: argparse.Namespace) -> int:
    admin(args, "clerk-disable", employee_no=args.employee_no)
    print(f"clerk {args.employee_no} disabled: signed out, logins refused")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    admin(args, "device-revoke", name=args.name)
    print(f"device {args.name} revoked")
    return 0


def cmd_device_add(args: argparse.Namespace) -> int:
    body = {"name": args.name, "role": args.role, "window_no": args.window}
    token = admin(args, "devices", **body)["token"]
    if args.json:
        print(json.dumps({"name": args.name, "role": args.role, "token": token}))
    else:
        print(token)
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from kiosk.catalog.model import load_catalog
    from kiosk.engine.hall import import_catalog

    with owned_hall(args, "kiosk catalog import") as hall:
        if hall.meta("catalog_source") == "center":
            print(
                "错误：本厅使用中心发布的标准目录，不能在本地修改"
                "（可用 `kiosk item CODE --off` 停办事项）\n"
                "the standard catalog comes from the center; switch items off with `kiosk item`",
                file=sys.stderr,
            )
            return 2
        catalog = load_catalog(args.file)
        import_catalog(hall, catalog)
    print(f"catalog {catalog.version} applied: {len(catalog.items)} items")
    return 0


def cmd_calendar_show(args: argparse.Namespace) -> int:
    """Read-only: the working-day calendar this hall counts deadlines and opening days by."""
    from kiosk.engine.settings import HallSettings
    from kiosk.store.export import open_readonly

    conn = open_readonly(_data(args))
    try:
        calendar = HallSettings.load(conn).calendar
    finally:
        conn.close()
    year = args.year
    if year not in calendar.known:
        print(f"{year}: 未载入节假日安排，按周一至周五计 / no schedule loaded, counted Mon-Fri")
        return 0
    source = calendar.years[year].source
    print(f"{year} {source}")
    for holiday in calendar.years[year].holidays:
        makeup = ", ".join(d.isoformat() for d in holiday.workdays)
        line = f"  {holiday.first} - {holiday.last}  {holiday.name_zh} / {holiday.name_en}"
        print(line + (f"  (调休上班 make-up: {makeup})" if makeup else ""))
    return 0


def cmd_calendar_import(args: argparse.Namespace) -> int:
    from kiosk.calendar.files import CalendarFileError, read_year_file

    try:
        year, _ = read_year_file(args.file)
    except CalendarFileError as exc:
        print(f"错误：{exc.message_zh}\n{exc.message_en}", file=sys.stderr)
        return 2
    text = args.file.read_text(encoding="utf-8")
    with owned_hall(args, "kiosk calendar import") as hall:
        stored = json.loads(hall.meta("calendar_years") or "{}")
        stored[str(year.year)] = text
        hall.set_meta("calendar_years", json.dumps(stored, ensure_ascii=False))
    print(f"calendar {year.year} imported: {len(year.holidays)} holidays")
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from kiosk.engine.hall import rebuild

    with owned_hall(args, "kiosk store rebuild") as hall:
        count = rebuild(hall)
    print(f"rebuilt projections from {count} events")
    return 0


def cmd_store_export(args: argparse.Namespace) -> int:
    """Read-only and without the store's lock, so it runs beside `kiosk serve`."""
    from kiosk.store.export import export_table, export_to_file

    if args.output is None:
        try:
            export_table(_data(args), args.table, args.format, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader (head, less) had enough: not a failure
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    count = export_to_file(_data(args), args.table, args.format, args.output)
    print(f"{count} rows of {args.table} written to {args.output}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Read-only and without the store's lock, so it runs beside `kiosk serve`."""
    from kiosk.clock import SystemClock
    from kiosk.engine.settings import HallSettings
    from kiosk.reports.export import write
    from kiosk.reports.kinds import build_report
    from kiosk.reports.period import Period, parse_day
    from kiosk.store.export import open_readonly

    conn = open_readonly(_data(args))
    try:
        settings = HallSettings.load(conn)
        today = settings.today(SystemClock().now())
        start = parse_day(args.date_from) if args.date_from else None
        end = parse_day(args.date_to) if args.date_to else None
        if start is None and end is None:
            period = Period.month(today) if args.kind == "ranking" else Period.day(today)
        else:
            period = Period(start or end or today, end or start or today)
        report = build_report(conn, args.kind, period, args.lang, today)
    finally:
        conn.close()
    data = write(report, args.format, args.out, args.lang)
    if data is None:
        print(f"{report.title(args.lang)} {report.start} ~ {report.end} -> {args.out}")
        return 0
    try:
        sys.stdout.buffer.write(data if args.format != "table" else data + b"\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (head, less) had enough: not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def cmd_day_close(args: argparse.Namespace) -> int:
    result = admin(args, "day-close")
    print(f"day {result['service_day']} closed: {result['cancelled']} tickets cancelled")
    return 0


def _bar(acked: int, last: int, width: int = 40) -> None:
    done = 1.0 if last == 0 else min(1.0, acked / last)
    filled = int(done * width)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {acked}/{last} events")
    sys.stderr.flush()


def _notice(zh: str, en: str) -> None:
    sys.stderr.write(f"\n注意：{zh}\nnote: {en}\n")


def cmd_sync(args: argparse.Namespace) -> int:
    from kiosk.admin.runner import run

    body = {"center": args.center, "center_token": args.center_token}
    progress = None if args.quiet else _bar
    summary = run(_data(args), "sync", body, progress=progress, notice=_notice)
    if not args.quiet:
        sys.stderr.write("\n")
    if summary["recovered"]:
        print(
            f"recovered {summary['recovered']} events from the center "
            f"(已从市中心取回 {summary['recovered']} 条缺失的事件)"
        )
    print(
        f"pushed {summary['pushed']} events in {summary['batches']} batches; center holds up to "
        f"{summary['acked_after']} of {summary['last_seq']} (lag {summary['lag']})"
        + (f"; catalog {summary['catalog_applied']} applied" if summary["catalog_applied"] else "")
    )
    if summary["lag"] != 0:
        why = "; ".join(summary["errors"]) or "the center did not acknowledge every event"
        print(one_line("市中心未确认全部事件", f"not in sync: {why}"), file=sys.stderr)
        return 1
    return 0


def cmd_item(args: argparse.Namespace) -> int:
    admin(args, "item-switch", item=args.item, enabled=args.enable)
    print(f"{args.item} {'enabled' if args.enable else 'switched off'} in this hall")
    return 0


def cmd_public_url(args: argparse.Namespace) -> int:
    url = admin(args, "public-url", url=None if args.clear else args.url)["public_url"]
    if url:
        print(f"phones open {url}/t/...: new tickets' QR codes and status links use it")
    else:
        print("no public URL: status links are relative to each front end's --server URL")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="政务服务中心排队叫号系统")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help="create a hall store")
    _data_arg(p)
    p.add_argument("--sample", action="store_true", help="the sample city center hall")
    p.add_argument("--config", type=Path, help="hall config JSON")
    p.add_argument("--catalog", type=Path, help="catalog JSON")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("serve", help="run the hall server")
    _data_arg(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--no-auto-close", action="store_true", help="no day close at day_close")
    p.add_argument(
        "--always-open",
        action="store_true",
        help="trial mode: no opening hours, no automatic day close (quotas, real-name rules hold)",
    )
    p.add_argument("--center", help="city center URL to sync with (saved in the hall store)")
    p.add_argument("--center-token", help="this hall's token at the center")
    timeout_args(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("demo", help="sample hall, server and every front end on this machine")
    _data_arg(p)
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--only", nargs="*", help="front ends to open (default: all)")
    p.set_defaults(func=cmd_demo)

    clerk = sub.add_parser("clerk", help="manage clerks").add_subparsers(dest="sub", required=True)
    p = clerk.add_parser("add", help="add or update a clerk")
    _data_arg(p)
    p.add_argument("--employee-no", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--pin", required=True)
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.CLERK.value)
    p.set_defaults(func=cmd_clerk_add)
    p = clerk.add_parser("disable", help="sign a clerk out everywhere and refuse their logins")
    _data_arg(p)
    p.add_argument("--employee-no", required=True)
    p.set_defaults(func=cmd_clerk_disable)

    device = sub.add_parser("device", help="manage devices").add_subparsers(
        dest="sub", required=True
    )
    p = device.add_parser("add", help="add a device and print its token")
    _data_arg(p)
    p.add_argument("--role", choices=[r.value for r in DeviceRole], required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--window", type=int, help="the window a rating pad stands at (required)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_device_add)
    p = device.add_parser("revoke", help="revoke a device's token")
    _data_arg(p)
    p.add_argument("--name", required=True)
    p.set_defaults(func=cmd_device_revoke)

    cat = sub.add_parser("catalog", help="the service catalog").add_subparsers(
        dest="sub", required=True
    )
    p = cat.add_parser("import", help="apply a catalog file")
    _data_arg(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_catalog_import)

    store = sub.add_parser("store", help="the hall store").add_subparsers(dest="sub", required=True)
    p = store.add_parser("rebuild", help="recreate the state tables from the event log")
    _data_arg(p)
    p.set_defaults(func=cmd_rebuild)
    p = store.add_parser("export", help="one table as CSV or JSON, read-only (also while serving)")
    _data_arg(p)
    p.add_argument("--table", required=True, help="e.g. tickets, events, ratings")
    p.add_argument("--format", choices=["csv", "json"], required=True)
    p.add_argument("--output", type=Path, help="file to write (default: standard output)")
    p.set_defaults(func=cmd_store_export)

    day = sub.add_parser("day", help="the service day").add_subparsers(dest="sub", required=True)
    p = day.add_parser("close", help="close the day: cancel open tickets, close windows")
    _data_arg(p)
    p.set_defaults(func=cmd_day_close)

    p = sub.add_parser("sync", help="push events to the city center and pull its catalog now")
    _data_arg(p)
    p.add_argument("--once", action="store_true", help="one round (the default)")
    p.add_argument("--center", help="center URL (saved for next time)")
    p.add_argument("--center-token", help="this hall's center token (saved for next time)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_sync)

    cal = sub.add_parser("calendar", help="working days, public holidays and make-up days")
    cal_sub = cal.add_subparsers(dest="sub", required=True)
    p = cal_sub.add_parser("show", help="the holidays and make-up days of a year (read-only)")
    _data_arg(p)
    p.add_argument("--year", type=int, default=date.today().year)
    p.set_defaults(func=cmd_calendar_show)
    p = cal_sub.add_parser("import", help="replace a year with a published schedule (TOML)")
    _data_arg(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_calendar_import)

    p = sub.add_parser(
        "report", help="service report, clerk assessment, window ranking or cases (read-only)"
    )
    _data_arg(p)
    p.add_argument("--kind", choices=("day", "clerks", "ranking", "cases"), default="day")
    p.add_argument("--from", dest="date_from", default=None, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", default=None, help="last day (default: --from)")
    p.add_argument("--format", choices=("table", "csv", "xlsx", "pdf", "json"), default="table")
    p.add_argument("--out", type=Path, default=None, help="file to write (xlsx and pdf need it)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("item", help="switch a catalog item on or off in this hall")
    _data_arg(p)
    p.add_argument("item", help="service item code")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--on", dest="enable", action="store_true")
    group.add_argument("--off", dest="enable", action="store_false")
    p.set_defaults(func=cmd_item)

    hall = sub.add_parser("hall", help="this hall's settings").add_subparsers(
        dest="sub", required=True
    )
    p = hall.add_parser("public-url", help="the base URL phones open the phone page at")
    _data_arg(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument(
        "url", nargs="?", help="e.g. https://dating.example.cn or http://10.0.0.5:8765"
    )
    group.add_argument("--clear", action="store_true", help="unset it (relative links)")
    p.set_defaults(func=cmd_public_url)

    from kiosk.sim.cli import register as register_simulate  # argparse only; loads nothing

    register_simulate(sub)
    for register in plugin_commands():
        register(sub)
    return parser


def plugin_commands() -> list[Callable[[object], None]]:
    """Subcommands other rooms add through the `kiosk.commands` entry-point group (voice,
    center, and the Qt front ends), so this core module never imports the UI."""
    found = []
    for ep in sorted(entry_points(group="kiosk.commands"), key=lambda e: e.name):
        try:
            found.append(ep.load())
        except ModuleNotFoundError as exc:
            if exc.name and ep.value.startswith(exc.name):
                continue  # a front end not installed on this machine
            raise
    return found


def timeout_args(p: argparse.ArgumentParser) -> None:
    """Bounded waits for half-sent requests (kiosk.timeouts), for both servers."""
    p.add_argument(
        "--header-timeout", type=float, default=None, help="seconds for request headers (10)"
    )
    p.add_argument(
        "--body-timeout", type=float, default=None, help="seconds a request body may stall (30)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:  # one line per request is noise at a terminal; errors still show
        logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        result: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.verbose:
            raise
        zh, en = describe(exc)
        print(one_line(zh, en), file=sys.stderr)
        return 2
    return result


def describe(exc: BaseException) -> tuple[str, str]:
    """One line in each language for whatever stopped a command; tracebacks only with -v."""
    import sqlite3

    import httpx

    from kiosk.center.client import CenterSyncError
    from kiosk.errors import HallError

    if isinstance(exc, HallError):
        return exc.message_zh, exc.message_en
    if isinstance(exc, CenterSyncError):
        from kiosk.admin.ops import center_refusal

        refusal = center_refusal(exc)
        return refusal.message_zh, refusal.message_en
    if isinstance(exc, httpx.HTTPError):
        where = ""
        with suppress(RuntimeError):
            where = f" {exc.request.url}"
        return f"网络错误{where}：{exc}", f"network error{where}: {type(exc).__name__}: {exc}"
    if isinstance(exc, sqlite3.Error):
        return f"数据库错误：{exc}", f"store error: {exc}"
    if isinstance(exc, OSError):
        return f"文件或系统错误：{exc}", f"system error: {exc}"
    return (
        f"意外错误：{type(exc).__name__}: {exc}（加 -v 查看详情）",
        f"unexpected {type(exc).__name__}: {exc} (run with -v for the traceback)",
    )


if __name__ == "__main__":
    sys.exit(main())
