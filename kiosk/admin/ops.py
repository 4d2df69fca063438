"""The writes a `kiosk` command may ask the running hall server to do, one entry each.

While `kiosk serve` owns a store, a command such as `kiosk day close` cannot write to it
directly (the server caches the log's next sequence number). Each operation here is one
function and one body model under `@admin_op("name", Body)`: the server publishes it as
`POST /api/v1/admin/<name>` for the local admin token, and `kiosk.admin.runner.run` calls it
either through that route (server running) or directly on the store (server stopped). Adding a
command that works both ways is therefore one entry here plus its CLI handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import httpx
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kiosk import limits
from kiosk.center.client import CenterClient, CenterSyncError
from kiosk.domain import DeviceRole, Role
from kiosk.engine.hall import Hall
from kiosk.errors import HallError, Invalid

Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
# names the engine checks itself against kiosk.limits, with a message an operator can act on
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
Pin = Annotated[str, StringConstraints(min_length=4, max_length=16, pattern=r"^[0-9]+$")]
Url = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Secret = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
WRITE_TIMEOUT_S = 120.0
Progress = Callable[[int, int], None]
Notice = Callable[[str, str], None]


@dataclass
class Site:
    """Where an operation runs: the hall, and when run by the server, its sync loop."""

    hall: Hall
    sync: Any = None  # the server's SyncLoop, if it runs one
    serving: bool = False
    progress: Progress | None = None  # local runs only: a progress bar for long operations
    notice: Notice | None = None  # local runs only: tell the operator what is happening


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class AdminOp:
    name: str
    body: type[Body]
    run: Callable[[Site, Any], dict[str, Any]]
    summary: str


OPS: dict[str, AdminOp] = {}
F = TypeVar("F", bound=Callable[..., dict[str, Any]])


def admin_op(name: str, body: type[Body]) -> Callable[[F], F]:
    def register(fn: F) -> F:
        summary = (fn.__doc__ or name).strip().splitlines()[0]
        OPS[name] = AdminOp(name, body, fn, summary)
        return fn

    return register


def on_writer(hall: Hall, fn: Callable[[], Any]) -> Any:
    """Runs `fn` on the hall's writer thread (the server's single writer) and waits."""
    return hall.submit(fn).result(timeout=WRITE_TIMEOUT_S)


class ClerkIn(Body):
    employee_no: Name
    name: Short
    pin: Pin
    role: Role = Role.CLERK


@admin_op("clerks", ClerkIn)
def add_clerk(site: Site, body: ClerkIn) -> dict[str, Any]:
    """Add or update a clerk (the PIN is stored as a scrypt hash)."""
    hall = site.hall
    on_writer(hall, lambda: hall.add_clerk(body.employee_no, body.name, body.pin, body.role))
    return {"employee_no": body.employee_no, "name": body.name, "role": body.role.value}


class DeviceIn(Body):
    name: Name
    role: DeviceRole
    window_no: Annotated[int, Field(ge=limits.WINDOW_NO_MIN, le=limits.WINDOW_NO_MAX)] | None = None


@admin_op("devices", DeviceIn)
def add_device(site: Site, body: DeviceIn) -> dict[str, Any]:
    """Add a device, or give it a new token; the token is returned once."""
    hall = site.hall
    token = on_writer(hall, lambda: hall.add_device(body.name, body.role, body.window_no))
    return {"name": body.name, "role": body.role.value, "token": token}


class DeviceNameIn(Body):
    name: Short


@admin_op("device-revoke", DeviceNameIn)
def revoke_device(site: Site, body: DeviceNameIn) -> dict[str, Any]:
    """Revoke a device's token; its live connections close within a second."""
    hall = site.hall
    on_writer(hall, lambda: hall.revoke_device(body.name))
    return {"name": body.name, "revoked": True}


class EmployeeIn(Body):
    employee_no: Short


@admin_op("clerk-disable", EmployeeIn)
def disable_clerk(site: Site, body: EmployeeIn) -> dict[str, Any]:
    """Disable a clerk: every session ends and logins are refused until re-enabled."""
    hall = site.hall
    on_writer(hall, lambda: hall.disable_clerk(body.employee_no))
    return {"employee_no": body.employee_no, "disabled": True}


class Nothing(Body):
    pass


@admin_op("day-close", Nothing)
def close_day(site: Site, body: Nothing) -> dict[str, Any]:
    """Close the service day: cancel open tickets, close windows."""
    result: dict[str, Any] = on_writer(site.hall, site.hall.close_day)
    return result


class ItemSwitchIn(Body):
    item: Code
    enabled: bool


@admin_op("item-switch", ItemSwitchIn)
def switch_item(site: Site, body: ItemSwitchIn) -> dict[str, Any]:
    """Switch a standard item on or off in this hall."""
    from kiosk.sync.catalog_apply import set_item_enabled

    set_item_enabled(site.hall, body.item, body.enabled)
    return {"item": body.item, "enabled": body.enabled}


class SyncIn(Body):
    center: Url | None = None
    center_token: Secret | None = None


class SyncFailed(HallError):
    status = 502
    code = "sync_failed"


@admin_op("sync", SyncIn)
def sync_now(site: Site, body: SyncIn) -> dict[str, Any]:
    """One sync round with the city center now (saving a new center link first)."""
    from kiosk.sync import settings
    from kiosk.sync.loop import SyncLoop
    from kiosk.sync.pusher import sync_once

    hall = site.hall
    changed = None
    if body.center and body.center_token:
        changed = settings.CenterLink(body.center.rstrip("/"), body.center_token)
        on_writer(hall, lambda: settings.save(hall, changed))
    link = settings.load(hall)
    if link is None:
        raise Invalid(
            "尚未配置市中心：请一次性提供 --center URL --center-token 令牌",
            "no center configured: pass --center URL --center-token T once",
        )
    try:
        if site.sync is None and site.serving:
            site.sync = loop = SyncLoop(hall, link)
            try:
                summary = loop.run_now()
            finally:
                loop.start()  # from now on in the background too, whatever this round did
        elif site.sync is not None:
            summary = site.sync.run_now(changed)
        else:
            with CenterClient(link.url, hall.code, link.token, timeout=60) as client:
                summary = sync_once(hall, client, progress=site.progress, notice=site.notice)
    except CenterSyncError as exc:
        raise center_refusal(exc) from exc
    except httpx.HTTPError as exc:
        raise SyncFailed(
            f"无法连接市中心 {link.url}：{exc}", f"cannot reach the center at {link.url}: {exc}"
        ) from exc
    return {
        "pushed": summary.pushed,
        "batches": summary.batches,
        "acked_before": summary.acked_before,
        "acked_after": summary.acked_after,
        "last_seq": summary.last_seq,
        "lag": summary.lag,
        "recovered": summary.recovered,
        "catalog_applied": summary.catalog_applied,
        "errors": summary.errors,
    }


def center_refusal(exc: CenterSyncError) -> SyncFailed:
    """The center's own problem, in both languages, with what to check for the usual ones."""
    hint_zh, hint_en = "", ""
    if exc.status in (401, 403):
        hint_zh = "；请检查 --center-token 是否为本厅在市中心登记的令牌"
        hint_en = "; check that --center-token is this hall's own token at the center"
    return SyncFailed(
        f"市中心拒绝了同步（{exc.status}）：{exc.detail_zh or exc.detail}{hint_zh}",
        f"the center refused the sync ({exc.status}): {exc.detail or exc.title}{hint_en}",
        center_status=exc.status,
    )


class PublicUrlIn(Body):
    url: Annotated[str, StringConstraints(max_length=500)] | None = None  # None: unset it


@admin_op("public-url", PublicUrlIn)
def set_public_url(site: Site, body: PublicUrlIn) -> dict[str, Any]:
    """Set (or unset) the public base URL phones open the phone page at: new tickets' QR codes
    and status links use it from now on."""
    from kiosk.catalog.hall_config import check_public_url

    url = None
    if body.url is not None:
        try:
            url = check_public_url(body.url)
        except ValueError as exc:
            raise Invalid(
                f"公网地址无效：须为 http:// 或 https:// 开头的地址（如 https://dating.example.cn）"
                f"：{body.url[:80]}",
                str(exc),
            ) from None
    hall = site.hall

    def run() -> None:
        config = hall.config.model_copy(update={"public_url": url})
        hall.set_meta("hall_config", config.model_dump_json())
        hall.reload()

    on_writer(hall, run)
    return {"public_url": url}
