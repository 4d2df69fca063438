"""`kiosk store export`: one table of the hall store as CSV or JSON, read-only.

An export must work while `kiosk serve` runs, so it never takes the store's lock
(kiosk/store/lock.py) and opens the file read-only (`mode=ro`): in WAL mode a reader sees the
last commit and never blocks the server's writer. Rows come through sqlite-utils
(`rows_where`, in primary-key order) and JSON through the writer of the `sqlite-utils` command
itself, so the file reads like `sqlite-utils rows hall.db TABLE`.

Credentials and personal data do not leave through an export: the PIN and token hashes are left
out of their tables, the hall's secret key (status links are signed with it) and its center
token out of `meta`, and the call-back numbers and remembered replies are refused.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlite_utils.cli import output_rows
from sqlite_utils.db import Table, quote_identifier

from kiosk.errors import Forbidden, Invalid, NotFound
from kiosk.store.db import connect, database, store_path
from kiosk.store.health import check_connection

FORMATS = ("csv", "json")
WITHHELD_COLUMNS = {
    "clerks": ("pin_hash",),
    "devices": ("token_hash",),
    "sessions": ("token_hash",),
}
WITHHELD_ROWS = {"meta": "key NOT IN ('secret', 'center_token', 'person_secret')"}
REFUSED = {
    "contacts": ("市民的回电号码", "citizens' call-back numbers"),
    "idempotency": ("服务器记住的答复", "the server's remembered replies"),
    "ticket_persons": ("实名取号的身份信息", "who real-name tickets were issued to"),
    "appointment_persons": ("预约人的身份信息", "who bookings were made by"),
}


def open_readonly(data_dir: Path) -> sqlite3.Connection:
    """The checked store in `data_dir`, read-only, without its lock."""
    path = store_path(data_dir)
    if not path.exists():
        raise NotFound(
            f"{path} 处没有大厅数据：请检查 --data 目录",
            f"no hall store at {path}: check the --data directory",
        )
    conn = connect(path, readonly=True)
    try:
        check_connection(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def exportable(conn: sqlite3.Connection) -> list[str]:
    return [
        name
        for name in database(conn).table_names()
        if not name.startswith("sqlite_") and name not in REFUSED
    ]


def table_of(conn: sqlite3.Connection, name: str) -> Table:
    """The table named `name`, or one clear refusal naming what may be exported."""
    if name in REFUSED:
        zh, en = REFUSED[name]
        raise Forbidden(
            f"数据表 {name} 存有{zh}，不能导出",
            f"table {name} holds {en} and is not exported",
        )
    tables = exportable(conn)
    if name not in tables:
        raise Invalid(
            f"大厅数据中没有数据表 {name!r}，可导出：{', '.join(tables)}",
            f"no table {name!r} in the hall store; tables: {', '.join(tables)}",
        )
    return database(conn).table(name)


def rows(table: Table) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Column names and rows, in primary-key order (rowid for a table without one)."""
    withheld = WITHHELD_COLUMNS.get(table.name, ())
    columns = [c.name for c in table.columns if c.name not in withheld]
    select = ", ".join(quote_identifier(c) for c in columns)
    order = ", ".join(quote_identifier(k) if k != "rowid" else k for k in table.pks)
    found = table.rows_where(WITHHELD_ROWS.get(table.name), select=select, order_by=order)
    return columns, (tuple(row.values()) for row in found)


def write(columns: list[str], found: Iterator[tuple[Any, ...]], fmt: str, out: TextIO) -> int:
    count = 0

    def counted() -> Iterator[tuple[Any, ...]]:
        nonlocal count
        for row in found:
            count += 1
            yield row

    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(counted())
    else:
        for line in output_rows(counted(), columns, nl=False, arrays=False, json_cols=False):
            out.write(line + "\n")
    return count


def export_table(data_dir: Path, name: str, fmt: str, out: TextIO) -> int:
    """Writes table `name` to `out` as `fmt`; returns the number of rows."""
    if fmt not in FORMATS:
        raise Invalid(f"不支持的格式 {fmt}", f"unknown format {fmt}: use csv or json")
    conn = open_readonly(data_dir)
    try:
        columns, found = rows(table_of(conn, name))
        return write(columns, found, fmt, out)
    finally:
        conn.close()


def export_to_file(data_dir: Path, name: str, fmt: str, target: Path) -> int:
    """The same into a file, which appears only once complete (CSV with a byte-order mark, so
    spreadsheet programs read the Chinese right)."""
    partial = target.with_name(target.name + ".partial")
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    try:
        with partial.open("w", encoding=encoding, newline="") as out:
            count = export_table(data_dir, name, fmt, out)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return count
