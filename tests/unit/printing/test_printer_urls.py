"""Printer URL parsing: every accepted form, and clear errors for the rest."""

from __future__ import annotations

import pytest

from kiosk.printing.urls import PrinterUrlError, TargetKind, parse_printer_url


def test_usb_with_hex_ids() -> None:
    t = parse_printer_url("escpos+usb://0416:5011")
    assert (t.kind, t.vendor_id, t.product_id) == (TargetKind.USB, 0x0416, 0x5011)
    assert t.is_escpos and not t.is_qt
    assert t.query_status  # USB printers are asked for their paper state by default
    assert (t.paper_mm, t.width_chars) == (80, 48)


def test_usb_with_0x_prefix_endpoints_and_paper() -> None:
    t = parse_printer_url("escpos+usb://0x1fc9:0x2016?paper=58&in_ep=0x81&out_ep=0x03&status=0")
    assert (t.vendor_id, t.product_id, t.in_ep, t.out_ep) == (0x1FC9, 0x2016, 0x81, 0x03)
    assert (t.paper_mm, t.width_chars) == (58, 32)
    assert not t.query_status


def test_tcp_default_and_explicit_port() -> None:
    t = parse_printer_url("escpos+tcp://192.0.2.10")
    assert (t.kind, t.host, t.port, t.query_status) == (TargetKind.TCP, "192.0.2.10", 9100, False)
    t = parse_printer_url("escpos+tcp://printer.hall.local:9101?timeout=2.5&status=1")
    assert (t.host, t.port, t.timeout_s, t.query_status) == ("printer.hall.local", 9101, 2.5, True)
    assert parse_printer_url("escpos+tcp://[::1]:9100").host == "::1"


def test_file_dummy_pdf_and_system() -> None:
    t = parse_printer_url("escpos+file:///dev/usb/lp0?paper=58")
    assert (t.kind, t.path, t.paper_mm) == (TargetKind.FILE, "/dev/usb/lp0", 58)
    assert parse_printer_url("escpos+dummy://").kind is TargetKind.DUMMY
    t = parse_printer_url("pdf:///var/lib/kiosk/tickets/")
    assert (t.kind, t.path, t.is_qt) == (TargetKind.PDF, "/var/lib/kiosk/tickets", True)
    t = parse_printer_url("system://XP-80C%20Hall")
    assert (t.kind, t.printer_name) == (TargetKind.SYSTEM, "XP-80C Hall")
    assert parse_printer_url("system://").printer_name == ""  # the default printer


def test_scheme_is_case_insensitive_and_whitespace_ignored() -> None:
    assert parse_printer_url("  ESCPOS+TCP://10.0.0.5  ").host == "10.0.0.5"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("", "no scheme"),
        ("/dev/usb/lp0", "no scheme"),
        ("lpt://1", "unknown scheme"),
        ("escpos+usb://0416", "VID:PID"),
        ("escpos+usb://04g6:5011", "hexadecimal"),
        ("escpos+usb://0000:5011", "out of range"),
        ("escpos+tcp://", "needs a host"),
        ("escpos+tcp://host:99999", "port"),
        ("escpos+tcp://host:abc", "port"),
        ("escpos+tcp://host/path", "no path"),
        ("escpos+tcp://host?paper=76", "58 or 80"),
        ("escpos+tcp://host?timeout=soon", "not a number"),
        ("escpos+tcp://host?timeout=0", "between"),
        ("escpos+tcp://host?status=maybe", "1 or 0"),
        ("escpos+tcp://host?papper=58", "unknown parameter"),
        ("escpos+file://dev/usb/lp0", "absolute path"),
        ("escpos+file:///dev/usb/", "not a directory"),
        ("escpos+dummy://somewhere", "no address"),
        ("pdf://tickets", "absolute path"),
        ("system://XP?in_ep=1", "unknown parameter"),
    ],
)
def test_bad_urls_say_what_is_wrong(url: str, why: str) -> None:
    with pytest.raises(PrinterUrlError, match=why) as info:
        parse_printer_url(url)
    assert "expected one of" in str(info.value)
