"""Fixtures for the ticket kiosk tests: the kiosk as `kiosk ticket-kiosk` builds it (Chinese, the
kiosk theme) against the sample hall on a real server, a silent speaker that records what it
would say, and a hall server that a test can stop and start again on the same port."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from kiosk.engine.hall import Hall
from kiosk.paths import ASSETS
from kiosk.server.app import create_app
from tests.helpers.server import add_devices, free_port

WAIT_MS = 5000


def ensure_qm() -> None:
    """`make test` compiles translations first; a bare pytest run gets them compiled here."""
    ts = ASSETS / "translations" / "ticket_kiosk_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def kiosk_qt(qapp: Any) -> Iterator[None]:
    from ui.common import i18n, theme

    ensure_qm()
    assert i18n.install(qapp, "zh", ("ticket_kiosk",)) == ["common", "ticket_kiosk"]
    theme.apply(qapp, "ticket_kiosk")
    yield
    qapp.setStyleSheet("")
    i18n.install(qapp, "en", ())


class FakeSpeaker:
    """Stands in for kiosk.voice.Announcer: records each announcement, plays nothing."""

    def __init__(self) -> None:
        self.said: list[Any] = []

    def announce(self, announcement: Any) -> bool:
        self.said.append(announcement)
        return True

    @property
    def pending(self) -> int:
        return 0

    def close(self, drain: bool = True, timeout: float | None = None) -> bool:
        return True


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def make_kiosk(kiosk_qt: None, qtbot: Any, speaker: FakeSpeaker) -> Iterator[Callable[..., Any]]:
    """Builds a kiosk on a server URL and token, shows it and waits for its first data."""
    from ui.ticket_kiosk.app import create_kiosk

    made: list[Any] = []

    def make(url: str, token: str, *, wait: bool = True, **kwargs: Any) -> Any:
        kwargs.setdefault("speaker", lambda: speaker)
        window = create_kiosk(url, token, **kwargs)
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        made.append(window)
        if wait:
            qtbot.waitUntil(lambda: window.ctx.hall.ready, timeout=WAIT_MS)
            qtbot.waitUntil(lambda: window.ctx.hall.index is not None, timeout=WAIT_MS)
            qtbot.waitUntil(lambda: window.ctx.hall.follow.is_connected, timeout=WAIT_MS)
        return window

    yield make
    for window in made:
        window.close()


@pytest.fixture
def kiosk(sample_live: Any, make_kiosk: Callable[..., Any]) -> Any:
    """A kiosk on the sample hall, no printer."""
    return make_kiosk(sample_live.url, sample_live.tokens["kiosk"])


class SwitchableServer:
    """The sample hall served by uvicorn in a thread, which a test may stop and start again on
    the same port without blocking the Qt event loop while it stops."""

    def __init__(self, hall: Hall) -> None:
        self.hall = hall
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tokens = add_devices(hall)
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        config = uvicorn.Config(
            create_app(self.hall, duties=False),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("test server did not start")
            time.sleep(0.02)

    def stop_soon(self) -> None:
        """Asks uvicorn to stop and returns: the caller keeps Qt's loop running meanwhile."""
        if self.server is not None:
            self.server.should_exit = True

    @property
    def stopped(self) -> bool:
        return self.thread is None or not self.thread.is_alive()


@pytest.fixture
def switchable(tmp_path: Path) -> Iterator[SwitchableServer]:
    from tests.helpers.hallfactory import make_sample_hall

    hall = make_sample_hall(tmp_path / "sample.db")
    server = SwitchableServer(hall)
    server.start()
    yield server
    server.stop_soon()
    if server.thread is not None:
        server.thread.join(timeout=10)
    hall.close()


class CablePuller:
    """A TCP relay between the kiosk and the hall server that can go silent without closing
    anything, as a pulled network cable or a hung server does: bytes are swallowed, not
    refused, so only a heartbeat or a timeout can notice."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.silent = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._open: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            self._open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if not self.silent:
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        for s in self._open:
            with contextlib.suppress(OSError):
                s.close()


@pytest.fixture
def cable(sample_live: Any) -> Iterator[CablePuller]:
    relay = CablePuller(int(sample_live.url.rsplit(":", 1)[1]))
    yield relay
    relay.close()
