"""The ESC/POS backend: the bytes a thermal printer gets, and every transport's failures."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.printing.errors import PrintError, PrintErrorKind
from kiosk.printing.escpos_backend import CHINESE_MODE_ON, print_blocks, render_escpos
from kiosk.printing.layout import (
    NoticeData,
    NoticeMaterial,
    TicketData,
    notice_document,
    ticket_document,
)
from kiosk.printing.urls import parse_printer_url

HALL = "S市政务服务中心"
STATUS_URL = "https://hall.example.gov.cn/t/370200-00/A012"
QR_STORE = b"\x1d(k"  # GS ( k: the native 2D code command


def ticket_blocks(width: int = 48) -> list:
    data = TicketData(
        hall_name=HALL,
        number="A012",
        category_name="社保业务",
        item_name="城镇职工基本养老保险参保登记",
        issued_at=datetime(2026, 11, 27, 1, 5, tzinfo=UTC),
        timezone="Asia/Shanghai",
        people_ahead=3,
        estimated_wait_min=20,
        status_url=STATUS_URL,
        materials=["居民身份证"],
    )
    return list(ticket_document(data, width))


def dummy_bytes(paper: int = 80) -> bytes:
    target = parse_printer_url(f"escpos+dummy://?paper={paper}")
    return print_blocks(target, ticket_blocks(target.width_chars))


# --- the byte stream -------------------------------------------------------------------------


def test_ticket_bytes_carry_number_chinese_qr_and_cut() -> None:
    data = dummy_bytes()
    assert data.startswith(b"\x1b@" + CHINESE_MODE_ON)  # init, then FS & (Chinese mode)
    assert b"A012" in data
    assert "请".encode("gb18030") in data  # the footer: 请留意叫号...
    assert HALL.encode("gb18030") in data
    assert "社保业务".encode("gb18030") in data
    assert "前面等候".encode("gb18030") in data
    assert "社保业务".encode() not in data  # no UTF-8 (what peers' printers print as mojibake)
    assert b"\x1d!\x55A012" in data  # the number at 6x6 via GS !
    assert QR_STORE in data
    assert STATUS_URL.encode() in data  # QR payload sent to the printer, not a bitmap
    assert b"\x1d(k\x03\x001Q0" in data  # print the stored symbol
    assert data.endswith(b"\x1dV\x00")  # full cut (GS V 0) at the end


def test_text_is_gb18030_even_for_characters_outside_gb2312() -> None:
    from kiosk.printing.layout import Line

    data = render_escpos([Line("请到3号窗口，张喆办理")])
    assert "请到3号窗口，张喆办理".encode("gb18030") in data
    assert "请".encode("gb18030") in data


@pytest.mark.parametrize(("paper", "columns", "module"), [(80, 48, 6), (58, 32, 5)])
def test_paper_width_sets_rules_and_qr_size(paper: int, columns: int, module: int) -> None:
    data = dummy_bytes(paper)
    assert b"\x1d!\x00" + b"-" * columns + b"\n" in data
    assert b"-" * (columns + 1) not in data
    assert b"\x1d(k\x03\x001C" + bytes([module]) in data


def test_notice_bytes() -> None:
    data = NoticeData(
        hall_name=HALL,
        item_name="城镇职工基本养老保险参保登记",
        department="市人力资源和社会保障局",
        issued_at=datetime(2026, 11, 27, 2, 0, tzinfo=UTC),
        materials=[NoticeMaterial("居民身份证")],
        missing=[NoticeMaterial("户口簿", "copy", note="复印件不清晰")],
        online_url="https://zwfw.example.gov.cn/item/SB-001",
        window_no=3,
        clerk_name="张敏",
    )
    out = print_blocks(parse_printer_url("escpos+dummy://"), notice_document(data, 48))
    for text in ("一次性告知单", "需补正的材料", "复印件不清晰", "张敏"):
        assert text.encode("gb18030") in out
    assert b"zwfw.example.gov.cn/item/SB-001" in out
    assert QR_STORE in out


# --- transports ------------------------------------------------------------------------------


def test_file_target_writes_the_bytes(tmp_path: Path) -> None:
    out = tmp_path / "lp0"
    sent = print_blocks(parse_printer_url(f"escpos+file://{out}"), ticket_blocks())
    assert out.read_bytes() == sent
    assert b"A012" in sent


def test_missing_device_node_is_offline_and_not_created(tmp_path: Path) -> None:
    target = parse_printer_url("escpos+file:///dev/usb/lp-hall-kiosk-test")
    with pytest.raises(PrintError) as info:
        print_blocks(target, ticket_blocks())
    assert info.value.kind is PrintErrorKind.OFFLINE
    assert not Path("/dev/usb/lp-hall-kiosk-test").exists()


def test_unwritable_file_target_is_offline(tmp_path: Path) -> None:
    target = parse_printer_url(f"escpos+file://{tmp_path}/no/such/dir/lp0")
    with pytest.raises(PrintError) as info:
        print_blocks(target, ticket_blocks())
    assert info.value.kind is PrintErrorKind.OFFLINE


def test_usb_printer_that_is_not_there_is_offline() -> None:
    target = parse_printer_url("escpos+usb://fffe:fffe?timeout=1")
    with pytest.raises(PrintError) as info:
        print_blocks(target, ticket_blocks())
    assert info.value.kind is PrintErrorKind.OFFLINE


@dataclass
class FakePrinter:
    """A TCP "printer" on 127.0.0.1: collects what it receives, answers DLE EOT queries."""

    paper_status: int | None = None  # reply byte to DLE EOT 4, None = never answer
    online_status: int = 0x12
    received: bytearray = field(default_factory=bytearray)
    done: threading.Event = field(default_factory=threading.Event)

    def handler(self) -> type[socketserver.BaseRequestHandler]:
        fake = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(5)
                try:
                    while chunk := self.request.recv(4096):
                        fake.received.extend(chunk)
                        if chunk.endswith(b"\x10\x04\x04") and fake.paper_status is not None:
                            self.request.sendall(bytes([fake.paper_status]))
                        elif chunk.endswith(b"\x10\x04\x01") and fake.paper_status is not None:
                            self.request.sendall(bytes([fake.online_status]))
                except OSError:
                    pass
                finally:
                    fake.done.set()

        return Handler


@pytest.fixture
def fake_printer() -> Iterator[tuple[FakePrinter, int]]:
    fake = FakePrinter()
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), fake.handler())
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_tcp_printer_receives_the_ticket(fake_printer: tuple[FakePrinter, int]) -> None:
    fake, port = fake_printer
    sent = print_blocks(parse_printer_url(f"escpos+tcp://127.0.0.1:{port}"), ticket_blocks())
    assert fake.done.wait(5)
    assert bytes(fake.received) == sent
    assert b"A012" in fake.received


def test_tcp_printer_out_of_paper(fake_printer: tuple[FakePrinter, int]) -> None:
    fake, port = fake_printer
    fake.paper_status = 0x72  # paper end sensor: no paper
    target = parse_printer_url(f"escpos+tcp://127.0.0.1:{port}?status=1&timeout=2")
    with pytest.raises(PrintError) as info:
        print_blocks(target, ticket_blocks())
    assert info.value.kind is PrintErrorKind.PAPER_OUT
    assert "缺纸" in info.value.message("zh")
    assert "out of paper" in info.value.message("en")
    assert fake.done.wait(5)
    assert b"A012" not in fake.received  # nothing printed into the void


def test_tcp_printer_reporting_offline(fake_printer: tuple[FakePrinter, int]) -> None:
    fake, port = fake_printer
    fake.paper_status, fake.online_status = 0x12, 0x1A  # paper fine, offline bit set
    target = parse_printer_url(f"escpos+tcp://127.0.0.1:{port}?status=1&timeout=2")
    with pytest.raises(PrintError) as info:
        print_blocks(target, ticket_blocks())
    assert info.value.kind is PrintErrorKind.OFFLINE


def test_tcp_printer_with_paper_prints_after_the_status_check(
    fake_printer: tuple[FakePrinter, int],
) -> None:
    fake, port = fake_printer
    fake.paper_status = 0x12  # paper adequate
    target = parse_printer_url(f"escpos+tcp://127.0.0.1:{port}?status=1&timeout=2")
    sent = print_blocks(target, ticket_blocks())
    assert fake.done.wait(5)
    assert bytes(fake.received) == b"\x10\x04\x04\x10\x04\x01" + sent


def test_tcp_printer_that_never_answers_status_still_prints(
    fake_printer: tuple[FakePrinter, int],
) -> None:
    fake, port = fake_printer  # paper_status None: silent, like many printers
    target = parse_printer_url(f"escpos+tcp://127.0.0.1:{port}?status=1&timeout=0.3")
    sent = print_blocks(target, ticket_blocks())
    assert fake.done.wait(5)
    assert bytes(fake.received).endswith(sent)


def test_closed_tcp_port_is_offline() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    target = parse_printer_url(f"escpos+tcp://127.0.0.1:{port}?timeout=2")
    with pytest.raises(PrintError) as info:
        print_blocks(target, ticket_blocks())
    assert info.value.kind is PrintErrorKind.OFFLINE
    assert str(port) in info.value.detail
    assert "未连接" in info.value.message_zh


def test_qt_targets_are_refused_here() -> None:
    with pytest.raises(ValueError, match=r"ui\.printing"):
        print_blocks(parse_printer_url("pdf:///tmp/x"), ticket_blocks())
