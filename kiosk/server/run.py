"""Running the hall server with uvicorn, as the one owner of its store.

`kiosk serve` takes the store's lock for its lifetime, refuses a damaged store, recovers the
log's tail from the center if the store was restored from a backup, writes the local admin
token for the CLI, and serves with bounded request timeouts. SIGTERM always stops it: waiting
requests get a few seconds, the sync thread and the writer are joined with time limits. If the
store becomes unusable while serving, the process exits with EXIT_STORE_FAILED so its service
manager restarts it (and the start-up check then says what is wrong).
"""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from types import FrameType

import uvicorn

from kiosk import timeouts
from kiosk.admin import credentials
from kiosk.admin.ops import Site
from kiosk.admin.runner import open_store
from kiosk.server.app import create_app
from kiosk.store.lock import StoreLock
from kiosk.sync import settings
from kiosk.sync.loop import SyncLoop

log = logging.getLogger(__name__)
GRACE_S = 5  # what requests in flight get after SIGTERM
EXIT_STORE_FAILED = 3


class _Terminated(Exception):
    """SIGTERM, re-raised by uvicorn after its graceful shutdown: unwind and clean up."""


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def serve(
    data_dir: Path,
    host: str,
    port: int,
    *,
    auto_close: bool = True,
    always_open: bool = False,
    center: str | None = None,
    center_token: str | None = None,
    header_timeout: float | None = None,
    body_timeout: float | None = None,
) -> int:
    lock = StoreLock(data_dir).acquire("kiosk serve")
    try:
        return _serve(
            data_dir,
            host,
            port,
            auto_close and not always_open,
            always_open,
            center,
            center_token,
            header_timeout,
            body_timeout,
        )
    finally:
        lock.release()


def _serve(
    data_dir: Path,
    host: str,
    port: int,
    auto_close: bool,
    always_open: bool,
    center: str | None,
    center_token: str | None,
    header_timeout: float | None,
    body_timeout: float | None,
) -> int:
    hall = open_store(data_dir)
    hall.always_open = always_open  # trial mode: opening hours and the day close lifted
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("binding %s: the hall server is reachable from the network", host)
    site = Site(hall, serving=True)
    server: uvicorn.Server | None = None
    failed: list[BaseException] = []

    def fatal(exc: BaseException) -> None:
        failed.append(exc)
        log.critical("the store is unusable (%s): stopping so the service manager restarts", exc)
        if server is not None:
            server.should_exit = True

    hall.on_fatal(fatal)
    admin: credentials.LocalAdmin | None = None
    try:
        if center and center_token:
            settings.save(hall, settings.CenterLink(center, center_token))
        link = settings.load(hall)
        if link is not None:
            site.sync = SyncLoop(hall, link)
            site.sync.catch_up()
            site.sync.start()
            log.info("syncing with the center at %s", link.url)
        app = create_app(hall, auto_close=auto_close)
        app.state.site = site
        admin = credentials.write(data_dir, credentials.server_url(host, port))
        app.state.local_admin_token = admin.token
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            ws_ping_interval=20,
            http=timeouts.configure(header_timeout, body_timeout),
            timeout_graceful_shutdown=GRACE_S,
        )
        server = uvicorn.Server(config)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _terminated)
        try:
            server.run()
        except _Terminated:
            log.info("stopped by SIGTERM")
    finally:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM: stop at once
        if admin is not None:
            credentials.remove(data_dir, admin)
        if site.sync is not None:
            site.sync.stop()
        hall.close()
    if failed:
        return EXIT_STORE_FAILED
    return 0
