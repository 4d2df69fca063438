"""Wrong PINs are throttled per clerk and source: an attacker at one terminal cannot lock a clerk
out at another, and still cannot guess PINs, for one clerk or across many. Two real clients with
distinct loopback source addresses (127.0.0.2 and 127.0.0.3 reach a server bound to 127.0.0.1)."""

from __future__ import annotations

import httpx

from tests.integration.api.test_contract import problem


def client_from(live, address: str) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=live.url, transport=transport, timeout=10)


def sign_in(c: httpx.Client, employee_no: str, pin: str, window: int | None) -> httpx.Response:
    body = {"employee_no": employee_no, "pin": pin, "window": window}
    return c.post("/api/v1/sessions", json=body)


def test_wrong_pins_at_one_terminal_do_not_lock_the_clerk_out_at_another(live) -> None:
    with client_from(live, "127.0.0.2") as attacker, client_from(live, "127.0.0.3") as desk:
        codes = [sign_in(attacker, "1003", "0000", 3).status_code for _ in range(5)]
        assert codes[:3] == [401, 401, 401] and codes[4] == 429
        # still locked for the attacker, even with the right PIN
        assert problem(sign_in(attacker, "1003", "1234", 3), 429)["retry_after"] >= 1
        # the clerk at their own terminal signs in
        assert sign_in(desk, "1003", "1234", 3).status_code == 201


def test_one_source_cannot_guess_across_employee_numbers(live) -> None:
    clerks = [("1001", 1), ("1002", 2), ("1003", 3), ("1004", 4), ("8001", None), ("9001", None)]
    with client_from(live, "127.0.0.2") as attacker, client_from(live, "127.0.0.3") as desk:
        codes = []
        for _ in range(3):
            for employee_no, window in clerks:
                codes.append(sign_in(attacker, employee_no, "0000", window).status_code)
        assert 429 in codes, codes
        # locked out for every employee number, even one not tried yet and the right PIN
        problem(sign_in(attacker, "1004", "1234", 4), 429)
        # nobody else is
        assert sign_in(desk, "1004", "1234", 4).status_code == 201
