"""Printer URLs: one configuration string says which backend prints and where.

Accepted forms (``paper=58|80`` may follow any of them as a query, default 80)::

    escpos+usb://VID:PID[?in_ep=0x82&out_ep=0x01&timeout=5&status=1]   (hex ids, 0x optional)
    escpos+tcp://HOST[:PORT][?timeout=5&status=1]                      (port 9100 by default)
    escpos+file:///dev/usb/lp0
    escpos+dummy://                                                    (tests: returns the bytes)
    pdf:///DIR                                                         (one PDF per document)
    system://NAME                                                      (a Qt system printer;
                                                                        empty NAME = the default)

``status=1`` asks the printer for its paper state before printing (``DLE EOT``); it is on by
default for USB, where reads are cheap, and off for TCP, where a printer that never answers
would delay every ticket by the timeout.

Parsing is strict (unknown schemes and query keys are errors) because a typo here otherwise
shows up only as a silent kiosk with no tickets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, unquote, urlsplit

from kiosk.printing.layout import PAPER_COLUMNS

DEFAULT_TCP_PORT = 9100
DEFAULT_TIMEOUT_S = 5.0

FORMS_HELP = (
    "escpos+usb://VID:PID, escpos+tcp://HOST[:PORT], escpos+file:///PATH, escpos+dummy://, "
    "pdf:///DIR, system://NAME (each may end in ?paper=58 or ?paper=80)"
)


class PrinterUrlError(ValueError):
    """A printer URL that cannot be used; the message names the URL and what is wrong."""


class TargetKind(StrEnum):
    USB = "usb"
    TCP = "tcp"
    FILE = "file"
    DUMMY = "dummy"
    PDF = "pdf"
    SYSTEM = "system"


ESCPOS_KINDS = frozenset({TargetKind.USB, TargetKind.TCP, TargetKind.FILE, TargetKind.DUMMY})
QT_KINDS = frozenset({TargetKind.PDF, TargetKind.SYSTEM})

_SCHEMES = {
    "escpos+usb": TargetKind.USB,
    "escpos+tcp": TargetKind.TCP,
    "escpos+file": TargetKind.FILE,
    "escpos+dummy": TargetKind.DUMMY,
    "pdf": TargetKind.PDF,
    "system": TargetKind.SYSTEM,
}

_QUERY_KEYS = {
    TargetKind.USB: {"paper", "timeout", "status", "in_ep", "out_ep"},
    TargetKind.TCP: {"paper", "timeout", "status"},
    TargetKind.FILE: {"paper"},
    TargetKind.DUMMY: {"paper"},
    TargetKind.PDF: {"paper"},
    TargetKind.SYSTEM: {"paper"},
}


@dataclass(frozen=True, slots=True)
class PrinterTarget:
    """A parsed printer URL. Only the fields of its ``kind`` are meaningful."""

    kind: TargetKind
    url: str
    paper_mm: int = 80
    host: str = ""
    port: int = DEFAULT_TCP_PORT
    vendor_id: int = 0
    product_id: int = 0
    in_ep: int | None = None
    out_ep: int | None = None
    path: str = ""  # escpos+file device or pdf directory
    printer_name: str = ""  # system printer; empty means the system default
    timeout_s: float = DEFAULT_TIMEOUT_S
    query_status: bool = False

    @property
    def width_chars(self) -> int:
        """Columns to lay documents out in for this paper (48 for 80 mm, 32 for 58 mm)."""
        return PAPER_COLUMNS[self.paper_mm]

    @property
    def is_escpos(self) -> bool:
        return self.kind in ESCPOS_KINDS

    @property
    def is_qt(self) -> bool:
        return self.kind in QT_KINDS


def _fail(url: str, why: str) -> PrinterUrlError:
    return PrinterUrlError(f"bad printer URL {url!r}: {why}; expected one of {FORMS_HELP}")


def _hex_id(url: str, text: str, what: str) -> int:
    digits = text[2:] if text.lower().startswith("0x") else text
    try:
        value = int(digits, 16)
    except ValueError:
        raise _fail(url, f"{what} {text!r} is not a hexadecimal number") from None
    if not 0 < value <= 0xFFFF:
        raise _fail(url, f"{what} {text!r} is out of range")
    return value


def _flag(url: str, key: str, text: str) -> bool:
    if text.lower() in ("1", "true", "yes", "on"):
        return True
    if text.lower() in ("0", "false", "no", "off"):
        return False
    raise _fail(url, f"{key}={text!r} must be 1 or 0")


def _query(url: str, kind: TargetKind, query: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise _fail(url, f"cannot read the query {query!r}") from None
    params: dict[str, str] = {}
    for key, value in pairs:
        if key not in _QUERY_KEYS[kind]:
            allowed = ", ".join(sorted(_QUERY_KEYS[kind]))
            raise _fail(url, f"unknown parameter {key!r} (allowed here: {allowed})")
        params[key] = value
    return params


def parse_printer_url(url: str) -> PrinterTarget:
    """Parse ``url`` into a :class:`PrinterTarget`; raise :class:`PrinterUrlError` if unusable."""
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    if not sep:
        raise _fail(url, "no scheme (like escpos+tcp://)")
    kind = _SCHEMES.get(scheme.lower())
    if kind is None:
        raise _fail(url, f"unknown scheme {scheme!r}")
    location, _, query = rest.partition("?")
    location = location.partition("#")[0]
    params = _query(url, kind, query)

    paper_text = params.get("paper", "80").removesuffix("mm")
    if paper_text not in ("58", "80"):
        raise _fail(url, f"paper={params['paper']!r} must be 58 or 80")
    fields: dict[str, object] = {"paper_mm": int(paper_text)}
    if "timeout" in params:
        try:
            timeout = float(params["timeout"])
        except ValueError:
            raise _fail(url, f"timeout={params['timeout']!r} is not a number") from None
        if not 0 < timeout <= 300:
            raise _fail(url, "timeout must be between 0 and 300 seconds")
        fields["timeout_s"] = timeout
    fields["query_status"] = _flag(
        url, "status", params.get("status", "1" if kind is TargetKind.USB else "0")
    )

    if kind is TargetKind.USB:
        vid, colon, pid = location.partition(":")
        if not colon or not vid or not pid:
            raise _fail(url, "USB needs VID:PID, like escpos+usb://0416:5011")
        fields["vendor_id"] = _hex_id(url, vid, "vendor id")
        fields["product_id"] = _hex_id(url, pid.rstrip("/"), "product id")
        for key in ("in_ep", "out_ep"):
            if key in params:
                fields[key] = _hex_id(url, params[key], key)
    elif kind is TargetKind.TCP:
        parts = urlsplit(f"//{location}")
        try:
            host, port = parts.hostname, parts.port
        except ValueError:
            raise _fail(url, "the port must be a number from 1 to 65535") from None
        if not host:
            raise _fail(url, "TCP needs a host, like escpos+tcp://192.0.2.10:9100")
        if parts.path not in ("", "/"):
            raise _fail(url, "TCP takes no path")
        fields["host"] = host
        fields["port"] = port or DEFAULT_TCP_PORT
    elif kind in (TargetKind.FILE, TargetKind.PDF):
        if not location.startswith("/"):
            raise _fail(url, "needs an absolute path after three slashes, like pdf:///var/tickets")
        path = unquote(location)
        if kind is TargetKind.FILE and (path.endswith("/") or path == "/"):
            raise _fail(url, "needs a file or device path, not a directory")
        fields["path"] = path.rstrip("/") or "/"
    elif kind is TargetKind.SYSTEM:
        fields["printer_name"] = unquote(location).strip("/ ")
    elif location:  # dummy
        raise _fail(url, "escpos+dummy:// takes no address")
    return PrinterTarget(kind=kind, url=text, **fields)  # type: ignore[arg-type]
