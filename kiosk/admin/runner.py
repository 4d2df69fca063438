"""Running an admin operation from the command line: on the store, or through its server.

If no server holds the store's lock, the command takes the lock itself (so no server starts
under it), checks the store, opens it and runs the operation. If `kiosk serve` holds it, the
command asks the server over loopback with the local admin token, and the server does the write
on its own writer thread. Either way the caller gets the same result or the same refusal.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from kiosk.admin import credentials
from kiosk.admin.ops import OPS, Notice, Progress, Site
from kiosk.engine.hall import Hall
from kiosk.errors import HallError, Invalid, NotFound
from kiosk.store.db import store_path
from kiosk.store.health import check_store
from kiosk.store.lock import StoreBusy, StoreLock

CONNECT_WAIT_S = 10.0  # a server that has just started may not listen yet
ANSWER_WAIT_S = 600.0  # a sync of a week's events can take minutes


class ServerRefused(HallError):
    """The running server's problem+json answer, passed on as is."""

    def __init__(self, status: int, problem: dict[str, Any]) -> None:
        super().__init__(
            str(problem.get("detail_zh") or "服务器拒绝了请求"),
            str(problem.get("detail") or f"the hall server answered {status}"),
        )
        self.status = status
        self.code = str(problem.get("type", "")).rsplit("/", 1)[-1] or "refused"


def open_store(data_dir: Path) -> Hall:
    """The checked hall store in `data_dir`, or a clear refusal."""
    path = store_path(data_dir)
    if not path.exists():
        raise NotFound(
            f"{path} 处没有大厅数据：请先运行 `kiosk init --data {data_dir}`",
            f"no hall store at {path}: run `kiosk init --data {data_dir}` first",
        )
    check_store(path)
    return Hall(path)


def run(
    data_dir: Path,
    name: str,
    body: dict[str, Any],
    *,
    progress: Progress | None = None,
    notice: Notice | None = None,
) -> dict[str, Any]:
    op = OPS[name]
    try:
        parsed = op.body.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "input"
        raise Invalid(f"参数有误（{where}）", f"{where}: {first.get('msg')}") from exc
    lock = StoreLock(data_dir)
    if not lock.try_acquire():
        return _through_server(data_dir, name, parsed.model_dump(mode="json"))
    try:
        hall = open_store(data_dir)
        try:
            return op.run(Site(hall, progress=progress, notice=notice), parsed)
        finally:
            hall.close()
    finally:
        lock.release()


def _through_server(data_dir: Path, name: str, body: dict[str, Any]) -> dict[str, Any]:
    admin = credentials.read(data_dir)
    if admin is None:
        raise StoreBusy(
            f"数据目录 {data_dir} 正被另一条命令使用（或大厅服务正在启动/停止），请稍后重试",
            f"the store in {data_dir} is in use by another command (or its server is starting "
            "or stopping); try again shortly",
        )
    headers = {"Authorization": f"Bearer {admin.token}"}
    url = f"{admin.url}/api/v1/admin/{name}"
    deadline = time.monotonic() + CONNECT_WAIT_S
    while True:
        try:
            response = httpx.post(
                url, json=body, headers=headers, timeout=httpx.Timeout(ANSWER_WAIT_S, connect=2.0)
            )
            break
        except httpx.ConnectError as exc:  # nothing was sent: safe to try again
            if time.monotonic() > deadline:
                raise HallError(
                    f"大厅服务占用着数据目录，但 {admin.url} 无法连接（进程 {admin.pid}）",
                    f"the hall server (pid {admin.pid}) holds the store but does not answer "
                    f"at {admin.url}: {exc}",
                ) from exc
            time.sleep(0.2)
    if response.status_code >= 400:
        try:
            problem = response.json()
        except ValueError:
            problem = {"detail": response.text[:200]}
        raise ServerRefused(response.status_code, problem if isinstance(problem, dict) else {})
    result: dict[str, Any] = response.json()
    return result
