"""Who may do what: devices hold long-lived tokens, clerks a session token per login.

Credentials are configuration, not events: they never enter the log and never reach the center.
Only hashes are stored. Repeated wrong PINs lock the employee number out for a growing time.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from kiosk import limits
from kiosk.clock import iso
from kiosk.domain import DeviceRole, Role
from kiosk.engine.base import Actor
from kiosk.engine.windows import WindowCommands
from kiosk.errors import Conflict, Invalid, TooManyAttempts, Unauthorized
from kiosk.ids import hash_pin, new_token, token_hash, verify_pin

FREE_ATTEMPTS = 3
LOCK_BASE_S = 30.0


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
    """After three wrong PINs, each further failure doubles a lock-out starting at 30 s."""

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}

    def check(self, key: str) -> None:
        with self._lock:
            _, until = self._failures.get(key, (0, 0.0))
        wait = until - self._clock()
        if wait > 0:
            raise TooManyAttempts(
                f"密码错误次数过多，请{int(wait) + 1}秒后再试",
                f"too many wrong PINs; try again in {int(wait) + 1} s",
                retry_after=int(wait) + 1,
            )

    def failed(self, key: str) -> None:
        with self._lock:
            count, _ = self._failures.get(key, (0, 0.0))
            count += 1
            extra = count - FREE_ATTEMPTS
            until = self._clock() + LOCK_BASE_S * 2 ** (extra - 1) if extra > 0 else 0.0
            self._failures[key] = (count, until)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


class AuthCommands(WindowCommands):
    def _auth_init(self) -> None:
        self.throttle = LoginThrottle()
        self._token_cache: dict[str, Principal] = {}

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
        with self._tx() as tx:
            tx.conn.execute(
                "INSERT INTO clerks(employee_no, name, role, pin_hash) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(employee_no) DO UPDATE SET name = excluded.name,"
                " role = excluded.role, pin_hash = excluded.pin_hash, active = 1",
                (employee_no, name, Role(role).value, hash_pin(pin)),
            )

    def add_device(self, name: str, role: DeviceRole) -> str:
        """Creates (or re-keys) a device and returns its token, shown once."""
        if not name.strip() or len(name) > limits.DEVICE_NAME_MAX:
            raise Invalid(
                f"设备名称须为1到{limits.DEVICE_NAME_MAX}个字符",
                f"a device name has 1 to {limits.DEVICE_NAME_MAX} characters",
            )
        token = new_token()
        with self._tx() as tx:
            tx.conn.execute(
                "INSERT INTO devices(name, role, token_hash, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET role = excluded.role,"
                " token_hash = excluded.token_hash",
                (name, DeviceRole(role).value, token_hash(token), iso(self.clock.now())),
            )
            self._token_cache.clear()
        return token

    def login(self, employee_no: str, pin: str, window_no: int | None) -> dict[str, Any]:
        self.throttle.check(employee_no)
        row = (
            self.reader()
            .execute("SELECT * FROM clerks WHERE employee_no = ? AND active = 1", (employee_no,))
            .fetchone()
        )
        if row is None or not verify_pin(pin, row["pin_hash"]):
            self.throttle.failed(employee_no)
            raise Unauthorized("工号或密码错误", "wrong employee number or PIN")
        self.throttle.succeeded(employee_no)
        actor = Actor(device=f"window-{window_no}" if window_no else None, clerk=employee_no)
        if window_no is not None:
            if row["role"] not in (Role.CLERK, Role.SUPERVISOR, Role.ADMIN):
                raise Conflict("该账号不能登录窗口", "this account cannot sign in at a window")
            self.open_window(window_no, employee_no, actor)
        token = new_token()
        with self._tx() as tx:
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
            self.close_window(principal.window_no, principal.actor)
        with self._tx() as tx:
            tx.conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE token_hash = ?",
                (iso(self.clock.now()), token_hash(token)),
            )
            self._token_cache.pop(token_hash(token), None)

    def principal(self, token: str) -> Principal | None:
        key = token_hash(token)
        cached = self._token_cache.get(key)
        if cached is not None:
            return cached
        conn = self.reader()
        dev = conn.execute("SELECT * FROM devices WHERE token_hash = ?", (key,)).fetchone()
        found: Principal | None = None
        if dev is not None:
            found = Principal("device", dev["name"], dev["role"])
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
            self._token_cache[key] = found
        return found
