"""Readers on a serial line (RS-232, or USB presenting a serial port), through pyserial.

Line format (docs/readers.md), configurable per reader model in `SerialFormat`:
- framing "line" (the default): each read is the text then a terminator, CR LF by default
  ("370202199001011234\\r\\n"); a lone CR or LF is accepted as well when `terminator` is
  "any";
- framing "stx-etx": each read is STX (0x02), the text, ETX (0x03); bytes outside a frame are
  dropped;
- the text is decoded with `encoding` (ASCII by default; GB18030 for readers that send names),
  then classified by the same patterns as a keyboard-wedge reader's (kiosk/readers/scan.py).

The port is read on a daemon thread with a short timeout, so `stop()` returns within it; a port
that disappears (the reader unplugged) is reported once through `on_error` and then reopened
every `reopen_s` until it is back or the reader is stopped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.readers.scan import DEFAULT_FORMAT, MAX_LINE, LineFormat, OnScan, parse_line

log = logging.getLogger(__name__)
STX, ETX = b"\x02", b"\x03"
TERMINATORS = {"crlf": b"\r\n", "cr": b"\r", "lf": b"\n"}


class ReaderError(Exception):
    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


@dataclass(frozen=True)
class SerialFormat:
    port: str
    baudrate: int = 9600
    framing: str = "line"  # "line" or "stx-etx"
    terminator: str = "crlf"  # "crlf", "cr", "lf" or "any" (line framing)
    encoding: str = "ascii"
    patterns: LineFormat = field(default_factory=lambda: DEFAULT_FORMAT)

    def __post_init__(self) -> None:
        if self.framing not in ("line", "stx-etx"):
            raise ValueError(f"framing must be 'line' or 'stx-etx', not {self.framing!r}")
        if self.terminator not in (*TERMINATORS, "any"):
            raise ValueError(f"terminator must be one of crlf, cr, lf, any: {self.terminator!r}")


class Framer:
    """Bytes in, complete frames out; what is left waits for the next read."""

    def __init__(self, fmt: SerialFormat) -> None:
        self.fmt = fmt
        self._buf = bytearray()

    def push(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        if self.fmt.framing == "stx-etx":
            while True:
                start = self._buf.find(STX)
                if start < 0:
                    self._buf.clear()
                    break
                end = self._buf.find(ETX, start + 1)
                if end < 0:
                    del self._buf[:start]
                    break
                frames.append(bytes(self._buf[start + 1 : end]))
                del self._buf[: end + 1]
        else:
            seps = [b"\r", b"\n"] if self.fmt.terminator == "any" else None
            term = TERMINATORS.get(self.fmt.terminator, b"\n")
            while True:
                if seps:
                    hits = [i for i in (self._buf.find(s) for s in seps) if i >= 0]
                    cut, size = (min(hits), 1) if hits else (-1, 0)
                else:
                    cut, size = self._buf.find(term), len(term)
                if cut < 0:
                    break
                frames.append(bytes(self._buf[:cut]))
                del self._buf[: cut + size]
        if len(self._buf) > MAX_LINE:  # no terminator in sight: noise
            self._buf.clear()
        return [f for f in frames if f.strip()]


class SerialReader:
    def __init__(
        self,
        fmt: SerialFormat,
        on_error: Callable[[ReaderError], None] | None = None,
        reopen_s: float = 2.0,
    ) -> None:
        self.fmt = fmt
        self.on_error = on_error
        self.reopen_s = reopen_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _open(self) -> Any:
        import serial  # pyserial: the ui extra; the core imports it only for a serial reader

        try:
            return serial.Serial(self.fmt.port, self.fmt.baudrate, timeout=0.1)
        except (serial.SerialException, OSError) as exc:
            raise ReaderError(
                f"读卡器串口{self.fmt.port}无法打开，请检查连线",
                f"cannot open the reader's serial port {self.fmt.port}: {exc}",
            ) from exc

    def start(self, on_scan: OnScan) -> None:
        """Opens the port now (so a wrong port name fails here, clearly) and reads on."""
        port = self._open()
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, args=(port, on_scan), name="serial-reader", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self, port: Any, on_scan: OnScan) -> None:
        framer = Framer(self.fmt)
        reported = False
        while not self._stop.is_set():
            try:
                if port is None:
                    port = self._open()
                    reported = False
                data = port.read(256)
            except Exception as exc:  # pyserial's errors vary by OS; a ReaderError from _open
                if port is not None:
                    with contextlib.suppress(Exception):
                        port.close()
                    port = None
                if not reported and self.on_error is not None:
                    err = exc if isinstance(exc, ReaderError) else None
                    err = err or ReaderError(
                        "读卡器连接中断，正在重新连接", f"the reader's serial line failed: {exc}"
                    )
                    self.on_error(err)
                reported = True
                self._stop.wait(self.reopen_s)
                continue
            for frame in framer.push(data):
                text = frame.decode(self.fmt.encoding, errors="replace")
                try:
                    on_scan(parse_line(text, self.fmt.patterns))
                except Exception:  # a listener's fault must not stop the reader
                    log.exception("a scan listener failed")
        if port is not None:
            port.close()
