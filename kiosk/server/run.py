"""Running the hall server with uvicorn."""

from __future__ import annotations

import logging
from pathlib import Path

import uvicorn

from kiosk.engine.hall import Hall
from kiosk.server.app import create_app
from kiosk.store.db import store_path
from kiosk.sync import settings
from kiosk.sync.loop import SyncLoop

log = logging.getLogger(__name__)


def serve(
    data_dir: Path,
    host: str,
    port: int,
    *,
    auto_close: bool = True,
    center: str | None = None,
    center_token: str | None = None,
) -> int:
    path = store_path(data_dir)
    if not path.exists():
        raise SystemExit(f"no hall store at {path}: run `kiosk init --data {data_dir}` first")
    hall = Hall(path)
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("binding %s: the hall server is reachable from the network", host)
    if center and center_token:
        settings.save(hall, settings.CenterLink(center, center_token))
    link = settings.load(hall)
    loop = SyncLoop(hall, link) if link else None
    if loop is not None:
        loop.start()
        log.info("syncing with the center at %s", link.url if link else "")
    app = create_app(hall, auto_close=auto_close)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", ws_ping_interval=20)
    finally:
        if loop is not None:
            loop.stop()
        hall.close()
    return 0
