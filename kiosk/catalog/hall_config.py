"""One hall's setup (docs/catalog-format.md, "Hall config"): windows, staff, devices, rules.

The hall config names categories but never defines them: the catalog is the center's, the
windows are the hall's. `validate_against` is where the two meet, so a window can never wait on a
queue that the kiosk cannot issue tickets for.
"""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_serializer,
    field_validator,
    model_validator,
)

from kiosk import limits
from kiosk.catalog.issuing import IssuingRules
from kiosk.catalog.model import (
    Catalog,
    CatalogError,
    CategoryCode,
    Text,
    describe_validation_error,
    duplicates,
    read_json,
)
from kiosk.catalog.supervision_config import SupervisionConfig
from kiosk.domain import DeviceRole, HallLevel, PauseReason, Role, WindowKind

TYPICAL_PAUSE_MINUTES = {
    PauseReason.MEETING: 60,
    PauseReason.TRAINING: 120,
    PauseReason.MEAL: 45,
    PauseReason.SHORT_LEAVE: 10,
    PauseReason.SYSTEM_FAULT: 20,
    PauseReason.OTHER: 30,
}
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_PAD_NAME = re.compile(r"^pad-(\d+)$")
PUBLIC_URL_MAX = 200


def check_public_url(value: str) -> str:
    """The base URL a citizen's phone opens the phone page at (the hall's Wi-Fi address or a
    reverse proxy's HTTPS name), without its trailing slash; ValueError says what is wrong.

    It ends up in every QR code printed that day, so it must be something a phone can open:
    http or https, a host, no user name, query or fragment (a path prefix is fine, for a proxy
    that serves the hall under one)."""
    url = value.strip()
    if not url or len(url) > PUBLIC_URL_MAX or any(c.isspace() for c in url):
        raise ValueError(f"public_url must be one URL of at most {PUBLIC_URL_MAX} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValueError(f"public_url {url!r} is not a URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"public_url {url!r} must start with http:// or https:// and name a host")
    if parts.username or parts.password or parts.query or parts.fragment or port == 0:
        raise ValueError(
            f"public_url {url!r} must be a plain base URL (no user, query or fragment)"
        )
    return url.rstrip("/")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WindowConfig(_Frozen):
    no: int = Field(ge=limits.WINDOW_NO_MIN, le=limits.WINDOW_NO_MAX)
    name_zh: Text
    name_en: Text
    kind: WindowKind
    # Rank order: the first entry is served first; a nested list is one shared FIFO rank.
    categories: list[CategoryCode | list[CategoryCode]] = Field(min_length=1)

    @field_validator("categories")
    @classmethod
    def _no_empty_rank_or_repeat(cls, value: list[str | list[str]]) -> list[str | list[str]]:
        if any(isinstance(rank, list) and not rank for rank in value):
            raise ValueError("a shared rank (nested list) must name at least one category")
        dups = duplicates(
            [c for rank in value for c in ([rank] if isinstance(rank, str) else rank)]
        )
        if dups:
            raise ValueError(f"category listed twice: {', '.join(dups)}")
        return value

    def ranks(self) -> dict[str, int]:
        """Category code -> rank (0 is served first; codes in one nested list share a rank)."""
        out: dict[str, int] = {}
        for rank, entry in enumerate(self.categories):
            for code in [entry] if isinstance(entry, str) else entry:
                out[code] = rank
        return out

    def category_codes(self) -> list[str]:
        """Every category this window serves, in rank order."""
        return list(self.ranks())

    def serves(self, category_code: str) -> bool:
        return category_code in self.ranks()


class ClerkConfig(_Frozen):
    employee_no: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{1,16}$")]
    name: Text
    pin: Annotated[str, StringConstraints(pattern=r"^\d{4,8}$")]
    role: Role


class DeviceConfig(_Frozen):
    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    role: DeviceRole

    def window_no(self) -> int | None:
        """The window a rating pad sits at, by the naming convention `pad-<window no>`."""
        m = _PAD_NAME.match(self.name)
        return int(m.group(1)) if m and self.role is DeviceRole.RATING_PAD else None


class HallConfig(_Frozen):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z-]{0,31}$")]
    name_zh: Text
    name_en: Text
    level: HallLevel
    parent: str | None = None
    timezone: str = "Asia/Shanghai"
    day_close: time = time(17, 30)
    max_recalls: int = Field(default=3, ge=1, le=5)
    requeue_after: int = Field(default=3, ge=0)
    idle_window_minutes: int = Field(default=10, ge=1)
    case_deadline_days: int = Field(default=5, ge=1)
    # How long after a service its window's rating pad may still rate it (later: the link only).
    pad_rating_minutes: int = Field(default=10, ge=1, le=120)
    # How long a pause of each reason typically lasts: a paused window counts in the wait
    # estimate from its start plus this, when the pause has no expected return of its own.
    typical_pause_minutes: dict[PauseReason, Annotated[int, Field(ge=1, le=480)]] = Field(
        default_factory=lambda: dict(TYPICAL_PAUSE_MINUTES)
    )
    supervision: SupervisionConfig = Field(default_factory=SupervisionConfig)
    # Where phones reach the phone page (the QR, the printed ticket, status links); unset, the
    # links are relative and each front end puts its own --server URL in front.
    public_url: str | None = None
    windows: list[WindowConfig] = Field(default_factory=list)
    clerks: list[ClerkConfig] = Field(default_factory=list)
    devices: list[DeviceConfig] = Field(default_factory=list)
    issuing: IssuingRules = Field(default_factory=IssuingRules)  # hours, quotas, real name

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        # The service day (and so ticket numbering) is local: an unknown zone must not load.
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name such as 'Asia/Shanghai')"
            ) from None
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        return None if value is None else check_public_url(value)

    @field_validator("day_close", mode="before")
    @classmethod
    def _hhmm(cls, value: Any) -> Any:
        if isinstance(value, str):
            m = _HHMM.match(value)
            if not m:
                raise ValueError(f"day_close must be 'HH:MM', got {value!r}")
            return time(int(m.group(1)), int(m.group(2)))
        return value

    @field_serializer("day_close")
    def _dump_hhmm(self, value: time) -> str:
        return value.strftime("%H:%M")

    @model_validator(mode="after")
    def _cross_check(self) -> HallConfig:
        problems: list[str] = []
        for what, values in (
            ("window number", [str(w.no) for w in self.windows]),
            ("employee_no", [c.employee_no for c in self.clerks]),
            ("device name", [d.name for d in self.devices]),
        ):
            problems += [f"duplicate {what} {v!r}" for v in duplicates(values)]
        if self.level is not HallLevel.CITY and not self.parent:
            problems.append(f"a {self.level} hall needs a parent hall code")
        numbers = {w.no for w in self.windows}
        problems += [
            f"rating pad {d.name!r} names window {d.window_no()} which does not exist"
            for d in self.devices
            if d.window_no() is not None and d.window_no() not in numbers
        ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def window(self, no: int) -> WindowConfig:
        for w in self.windows:
            if w.no == no:
                return w
        raise KeyError(f"no window {no}")

    def windows_serving(self, category_code: str) -> list[WindowConfig]:
        return [w for w in self.windows if w.serves(category_code)]

    def unserved_categories(self, catalog: Catalog) -> list[str]:
        """Catalog categories no window serves: the kiosk should not issue tickets for them."""
        served = {c for w in self.windows for c in w.category_codes()}
        return [c.code for c in catalog.categories if c.code not in served]

    def validate_against(self, catalog: Catalog) -> None:
        """Refuse windows that serve categories the catalog does not define."""
        known = {c.code for c in catalog.categories}
        problems = [
            f"window {w.no} serves unknown category {code!r}"
            for w in self.windows
            for code in w.category_codes()
            if code not in known
        ]
        problems += self.issuing.unknown_categories(known)
        if problems:
            raise CatalogError(
                "; ".join(problems) + f" (catalog version {catalog.version})",
                source=f"hall {self.code}",
            )


def parse_hall_config(
    data: Any, *, source: str | Path = "<hall config>", catalog: Catalog | None = None
) -> HallConfig:
    try:
        hall = HallConfig.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(describe_validation_error(exc, data), source=source) from exc
    if catalog is not None:
        try:
            hall.validate_against(catalog)
        except CatalogError as exc:
            raise CatalogError(exc.detail, source=source) from exc
    return hall


def load_hall_config(path: str | Path, catalog: Catalog | None = None) -> HallConfig:
    """Load a hall config; with a catalog, also check every window's categories exist."""
    return parse_hall_config(read_json(path), source=path, catalog=catalog)
