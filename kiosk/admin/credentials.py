"""The running server's local admin credentials: a file only this machine's operator can read.

`kiosk serve` writes `local-admin.json` into the data directory at start (mode 0600, a fresh
random token each start, the loopback address to call) and removes it at stop. A CLI command
that finds the store locked by the server reads it and asks the server to do the write, so the
server stays the store's only writer. Whoever can read this file can already read hall.db.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.ids import new_token

ADMIN_FILE = "local-admin.json"
LOOPBACK = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}


@dataclass(frozen=True)
class LocalAdmin:
    url: str
    token: str
    pid: int


def server_url(host: str, port: int) -> str:
    """The address a command on this machine should call for a server bound to `host`."""
    host = LOOPBACK.get(host, host)
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def write(data_dir: Path, url: str) -> LocalAdmin:
    admin = LocalAdmin(url=url, token=new_token(32), pid=os.getpid())
    path = Path(data_dir) / ADMIN_FILE
    tmp = path.with_suffix(".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"url": admin.url, "token": admin.token, "pid": admin.pid}, f)
    os.replace(tmp, path)
    return admin


def read(data_dir: Path) -> LocalAdmin | None:
    try:
        doc = json.loads((Path(data_dir) / ADMIN_FILE).read_text(encoding="utf-8"))
        return LocalAdmin(url=str(doc["url"]), token=str(doc["token"]), pid=int(doc["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remove(data_dir: Path, admin: LocalAdmin) -> None:
    """Removes the file if it is still ours (a newer server may have replaced it)."""
    current = read(data_dir)
    if current is not None and current.token == admin.token:
        with contextlib.suppress(FileNotFoundError):
            (Path(data_dir) / ADMIN_FILE).unlink()
