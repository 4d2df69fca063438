"""Who may do what: devices hold long-lived tokens, clerks a session token per login.

Credentials are configuration, not events: they never enter the log and never reach the center.
Only hashes are stored. Repeated wrong PINs lock the employee number out for a growing time, at
the source they came from (LoginThrottle).

Revocation takes effect within a second: a token looked up is remembered for at most CACHE_S,
so a device re-keyed or revoked, or a clerk demoted or disabled, by another process writing the
store (the CLI) is seen on the next lookup after that; changes made in this process clear the
cache at once. The hall server re-checks its open live connections as often (server/live.py).
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk import limits
from kiosk.clock import iso
from kiosk.domain import DeviceRole, Role
from kiosk.engine.base import Actor, HallBase
from kiosk.errors import Conflict, Invalid, NotFound, TooManyAttempts, Unauthorized
from kiosk.ids import hash_pin, new_token, token_hash, verify_pin

FREE_ATTEMPTS = 3  # wrong PINs for one clerk from one source before locks start
SOURCE_FREE = 10  # wrong PINs from one source, whatever the employee numbers
LOCK_BASE_S = 30.0
MAX_DOUBLINGS = 10  # the lock-out stops growing at about 8.5 hours
FORGET_S = 900.0  # a count with no failure for this long starts again
MAX_TRACKED = 10_000
LOCAL = "local"  # the source of logins made in this process (tests, the CLI)
CACHE_S = 0.5  # how long a token lookup is trusted: a revocation elsewhere waits this long


@dataclass(frozen=True)
class Principal:
    """The caller behind a token: a device or a clerk (with the window they signed in at)."""

    kind: str  # "device" or "clerk"
    name: str  # device name or employee number
    role: str
    window_no: int | None = None

    @property
    def actor(self) -> Actor:
        if self.kind == "device":
            return Actor(device=self.name)
        return Actor(device=f"window-{self.window_no}" if self.window_no else None, clerk=self.name)


class LoginThrottle:
    """Wrong PINs are counted per (employee number, source) and per source.

    Per clerk and source: after FREE_ATTEMPTS wrong PINs each further one doubles a lock-out
    starting at 30 s, for that clerk from that source only, so someone at one terminal cannot
    lock a clerk out at their own. Per source, across employee numbers: after SOURCE_FREE wrong
    PINs the source is locked out the same way, so trying one PIN on many clerks stops too; a
    source's count is forgotten after FORGET_S without a failure, not by a successful login (an
    attacker's own login would reset it otherwise). The source is the peer address the server
    sees (a terminal's address in the hall's LAN); no forwarded-for header is trusted.
    """

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[tuple[str, str], tuple[int, float, float]] = {}

    def check(self, employee_no: str, source: str = LOCAL) -> None:
        now = self._clock()
        with self._lock:
            until = max(
                self._entry((employee_no, source), now)[1], self._entry(("", source), now)[1]
            )
        wait = until - now
        if wait > 0:
            raise TooManyAttempts(
                f"密码错误次数过多，请{int(wait) + 1}秒后再试",
                f"too many wrong PINs; try again in {int(wait) + 1} s",
                retry_after=int(wait) + 1,
            )

    def failed(self, employee_no: str, source: str = LOCAL) -> None:
        now = self._clock()
        with self._lock:
            self._count((employee_no, source), FREE_ATTEMPTS, now)
            self._count(("", source), SOURCE_FREE, now)
            if len(self._failures) > MAX_TRACKED:
                self._prune(now)

    def succeeded(self, employee_no: str, source: str = LOCAL) -> None:
        with self._lock:
            self._failures.pop((employee_no, source), None)

    def _entry(self, key: tuple[str, str], now: float) -> tuple[int, float, float]:
        count, until, last = self._failures.get(key, (0, 0.0, 0.0))
        if count and now - last > FORGET_S and until <= now:
            return 0, 0.0, 0.0
        return count, until, last

    def _count(self, key: tuple[str, str], free: int, now: float) -> None:
        count, until, _ = self._entry(key, now)
        count += 1
        extra = count - free
        if extra > 0:
            until = now + LOCK_BASE_S * 2 ** min(extra - 1, MAX_DOUBLINGS)
        self._failures[key] = (count, until, now)

    def _prune(self, now: float) -> None:
        for key, (_, until, last) in list(self._failures.items()):
            if until <= now and now - last > FORGET_S:
                del self._failures[key]


class WindowDoor(Protocol):
    """What signing in and out needs of the windows (kiosk/engine/queue/windows.py): a clerk
    who signs in at a window opens it, and signing out or being disabled closes it."""

    def open_window(self, window_no: int, clerk: str, actor: Actor) -> None: ...

    def close_window(self, window_no: int, actor: Actor, reason: str = "logout") -> None: ...


class AuthCommands(HallBase):
    def _auth_init(self, windows: WindowDoor) -> None:
        self.throttle = LoginThrottle()
        self._token_cache: dict[str, tuple[Principal, float]] = {}
        self._windows = windows

    def add_clerk(self, employee_no: str, name: str, pin: str, role: Role) -> None:
        if not employee_no.strip() or not name.strip():
            raise Invalid("工号和姓名不能为空", "employee number and name are required")
        if len(employee_no) > limits.EMPLOYEE_NO_MAX:
            raise Invalid(
                f"工号不能超过{limits.EMPLOYEE_NO_MAX}个字符",
                f"an employee number has at most {limits.EMPLOYEE_NO_MAX} characters",
            )
        if len(pin) < 4 or not pin.isdigit():
            raise Invalid("密码至少4位数字", "the PIN must be at least 4 digits")
        with self.transaction() as tx:
            tx.conn.execute(
                "INSERT INTO clerks(employee_no, name, role, pin_hash) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(employee_no) DO UPDATE SET name = excluded.name,"
                " role = excluded.role, pin_hash = excluded.pin_hash, active = 1",
                (employee_no, name, Role(role).value, hash_pin(pin)),
            )

    def add_device(self, name: str, role: DeviceRole, window_no: int | None = None) -> str:
        """Creates (or re-keys) a device and returns its token, shown once. A rating pad is
        registered to the window it stands at: it may rate only that window's services."""
        if not name.strip() or len(name) > limits.DEVICE_NAME_MAX:
            raise Invalid(
                f"设备名称须为1到{limits.DEVICE_NAME_MAX}个字符",
                f"a device name has 1 to {limits.DEVICE_NAME_MAX} characters",
            )
        if window_no is not None and window_no not in self.windows:
            raise Invalid(f"没有{window_no}号窗口", f"no window {window_no}")
        if role == DeviceRole.RATING_PAD and window_no is None:
            raise Invalid("评价器须登记所在窗口（--window N）", "a rating pad needs --window N")
        token = new_token()
        with self.transaction() as tx:
            tx.conn.execute(
                "INSERT INTO devices(name, role, token_hash, created_at, window_no)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET role = excluded.role,"
                " token_hash = excluded.token_hash, window_no = excluded.window_no",
                (name, DeviceRole(role).value, token_hash(token), iso(self.clock.now()), window_no),
            )
            self._token_cache.clear()
        return token

    def login(
        self, employee_no: str, pin: str, window_no: int | None, source: str = LOCAL
    ) -> dict[str, Any]:
        """A session token for a clerk; `source` is where the attempt came from (the peer
        address), for the throttle."""
        self.throttle.check(employee_no, source)
        row = (
            self.reader()
            .execute("SELECT * FROM clerks WHERE employee_no = ? AND active = 1", (employee_no,))
            .fetchone()
        )
        if row is None or not verify_pin(pin, row["pin_hash"]):
            self.throttle.failed(employee_no, source)
            raise Unauthorized("工号或密码错误", "wrong employee number or PIN")
        self.throttle.succeeded(employee_no, source)
        actor = Actor(device=f"window-{window_no}" if window_no else None, clerk=employee_no)
        if window_no is not None:
            if row["role"] not in (Role.CLERK, Role.SUPERVISOR, Role.ADMIN):
                raise Conflict("该账号不能登录窗口", "this account cannot sign in at a window")
            self._windows.open_window(window_no, employee_no, actor)
        token = new_token()
        with self.transaction() as tx:
            tx.conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE employee_no = ? AND ended_at IS NULL"
                " AND window_no IS ?",
                (iso(self.clock.now()), employee_no, window_no),
            )
            tx.conn.execute(
                "INSERT INTO sessions(token_hash, employee_no, window_no, created_at)"
                " VALUES (?, ?, ?, ?)",
                (token_hash(token), employee_no, window_no, iso(self.clock.now())),
            )
            self._token_cache.clear()
        return {
            "token": token,
            "employee_no": employee_no,
            "name": row["name"],
            "role": row["role"],
            "window": window_no,
        }

    def logout(self, principal: Principal, token: str) -> None:
        if principal.window_no is not None:
            self._windows.close_window(principal.window_no, principal.actor)
        with self.transaction() as tx:
            tx.conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE token_hash = ?",
                (iso(self.clock.now()), token_hash(token)),
            )
            self._token_cache.pop(token_hash(token), None)

    def revoke_device(self, name: str) -> None:
        """The device's token stops working; `add_device` with the name gives it a new one."""
        with self.transaction() as tx:
            gone = tx.conn.execute("DELETE FROM devices WHERE name = ?", (name,)).rowcount
            self._token_cache.clear()
        if not gone:
            raise NotFound(f"没有名为{name}的设备", f"no device named {name}")

    def disable_clerk(self, employee_no: str) -> None:
        """Ends the clerk's sessions and refuses their logins until `add_clerk` enables them."""
        with self.transaction() as tx:
            found = tx.conn.execute(
                "UPDATE clerks SET active = 0 WHERE employee_no = ?", (employee_no,)
            ).rowcount
            tx.conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE employee_no = ? AND ended_at IS NULL",
                (iso(self.clock.now()), employee_no),
            )
            self._token_cache.clear()
            window = tx.one("SELECT no FROM window_state WHERE clerk = ?", employee_no)
        if not found:
            raise NotFound(f"没有工号{employee_no}", f"no clerk with employee number {employee_no}")
        if window is not None:  # free the window, unless a citizen is still being served there
            with contextlib.suppress(Conflict):
                self._windows.close_window(
                    window["no"], Actor(clerk=employee_no), reason="disabled"
                )

    def principal(self, token: str) -> Principal | None:
        key = token_hash(token)
        cached = self._token_cache.get(key)
        now = time.monotonic()
        if cached is not None and cached[1] > now:
            return cached[0]
        conn = self.reader()
        dev = conn.execute("SELECT * FROM devices WHERE token_hash = ?", (key,)).fetchone()
        found: Principal | None = None
        if dev is not None:
            found = Principal("device", dev["name"], dev["role"], dev["window_no"])
        else:
            s = conn.execute(
                "SELECT s.employee_no, s.window_no, c.role FROM sessions s"
                " JOIN clerks c ON c.employee_no = s.employee_no"
                " WHERE s.token_hash = ? AND s.ended_at IS NULL AND c.active = 1",
                (key,),
            ).fetchone()
            if s is not None:
                found = Principal("clerk", s["employee_no"], s["role"], s["window_no"])
        if found is not None:
            self._token_cache[key] = (found, now + CACHE_S)
        else:
            self._token_cache.pop(key, None)
        return found
