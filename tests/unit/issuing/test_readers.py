"""The two reader drivers: a keyboard-wedge key stream, and a serial reader on a real
pseudo-terminal pair (the kernel's tty, pyserial's real port handling; nothing mocked)."""

from __future__ import annotations

import os
import queue
import tty
from collections.abc import Iterator
from datetime import date

import pytest

from kiosk.idcard import make_id_number
from kiosk.readers import KeyboardWedge, LineFormat, Scan, ScanKind, parse_line
from kiosk.readers.serial_line import ReaderError, SerialFormat, SerialReader

NUMBER = make_id_number("370202", date(1990, 1, 1), 123)


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        (NUMBER, ScanKind.ID_NUMBER, NUMBER),
        (NUMBER[:-1] + NUMBER[-1].lower(), ScanKind.ID_NUMBER, NUMBER),
        (f"ESSC:{NUMBER}|张三|1", ScanKind.SOCIAL_CARD, NUMBER),
        ("APPT:K7Q2M9XA", ScanKind.BOOKING, "K7Q2M9XA"),
        ("https://hall.example/book?appt=K7Q2M9XA", ScanKind.BOOKING, "K7Q2M9XA"),
        ("K7Q2M9XA", ScanKind.BOOKING, "K7Q2M9XA"),
        ("hello world", ScanKind.UNKNOWN, "hello world"),
    ],
)
def test_lines_are_classified(line: str, kind: ScanKind, value: str) -> None:
    scan = parse_line(line)
    assert (scan.kind, scan.value) == (kind, value)


def test_a_configured_format_reads_another_reader_model() -> None:
    fmt = LineFormat(social_card=r"SI(?P<id>\d{17}[\dX])#.*")
    assert parse_line(f"SI{NUMBER}#x", fmt) == Scan(ScanKind.SOCIAL_CARD, NUMBER)
    assert parse_line(f"ESSC:{NUMBER}", fmt).kind is ScanKind.UNKNOWN


def test_the_wedge_collects_keys_until_enter() -> None:
    wedge = KeyboardWedge()
    seen: list[Scan] = []
    wedge.start(seen.append)
    for ch in NUMBER[:10]:
        assert wedge.feed(ch) == []
    wedge.feed("9\b")  # a typo, taken back
    wedge.feed(NUMBER[10:])
    assert wedge.pending == NUMBER
    wedge.feed("\r")
    wedge.feed("\r")  # an empty line is nothing
    wedge.feed("APPT:K7Q2M9XA\n")
    assert seen == [Scan(ScanKind.ID_NUMBER, NUMBER), Scan(ScanKind.BOOKING, "K7Q2M9XA")]
    wedge.feed("7" * 600 + "\r")  # a stuck key: dropped whole, not cut into a number
    assert len(seen) == 2 and wedge.pending == ""
    wedge.stop()
    wedge.feed(NUMBER + "\r")
    assert len(seen) == 2


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    """A pseudo-terminal: we write as the reader on the master; the driver opens the slave's
    device name, as it would /dev/ttyUSB0."""
    master, slave = os.openpty()
    tty.setraw(slave)
    name = os.ttyname(slave)
    yield master, name
    os.close(master)
    os.close(slave)


def read_scans(fmt: SerialFormat, master: int, chunks: list[bytes], n: int) -> list[Scan]:
    got: queue.Queue[Scan] = queue.Queue()
    reader = SerialReader(fmt)
    reader.start(got.put)
    try:
        for chunk in chunks:
            os.write(master, chunk)
        return [got.get(timeout=10) for _ in range(n)]
    finally:
        reader.stop()


def test_serial_lines_through_a_pseudo_terminal(pty_pair: tuple[int, str]) -> None:
    master, name = pty_pair
    # a line split across writes, two lines in one write, a booking code
    chunks = [NUMBER[:7].encode(), NUMBER[7:].encode() + b"\r\n", b"APPT:K7Q2M9XA\r\nnoise\r\n"]
    scans = read_scans(SerialFormat(port=name, baudrate=115200), master, chunks, 3)
    assert scans == [
        Scan(ScanKind.ID_NUMBER, NUMBER),
        Scan(ScanKind.BOOKING, "K7Q2M9XA"),
        Scan(ScanKind.UNKNOWN, "noise"),
    ]


def test_serial_stx_etx_frames_in_gb18030(pty_pair: tuple[int, str]) -> None:
    master, name = pty_pair
    fmt = SerialFormat(
        port=name,
        framing="stx-etx",
        encoding="gb18030",
        patterns=LineFormat(social_card=r"(?P<id>\d{17}[\dX])\|\w+"),
    )
    frame = b"junk\x02" + f"{NUMBER[:-1]}9|张三".encode("gb18030") + b"\x03"
    good = b"\x02" + f"{NUMBER}|张三".encode("gb18030") + b"\x03"
    scans = read_scans(fmt, master, [frame[:9], frame[9:], good], 2)
    # bytes before STX are dropped; a frame split over two writes is joined. A wrong check
    # character passes the reader (it only reads): the server's ID check refuses it.
    assert scans == [
        Scan(ScanKind.SOCIAL_CARD, NUMBER[:-1] + "9"),
        Scan(ScanKind.SOCIAL_CARD, NUMBER),
    ]


def test_a_missing_port_is_refused_clearly(tmp_path: os.PathLike[str]) -> None:
    with pytest.raises(ReaderError) as err:
        SerialReader(SerialFormat(port=f"{tmp_path}/ttyNONE")).start(lambda scan: None)
    assert "读卡器串口" in err.value.message_zh


def test_a_bad_format_is_refused() -> None:
    with pytest.raises(ValueError):
        SerialFormat(port="/dev/null", framing="xmodem")
