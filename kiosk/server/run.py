"""Running the hall server with uvicorn."""

from __future__ import annotations

import logging
from pathlib import Path

import uvicorn

from kiosk.engine.hall import Hall
from kiosk.server.app import create_app
from kiosk.store.db import store_path

log = logging.getLogger(__name__)


def serve(data_dir: Path, host: str, port: int, *, auto_close: bool = True) -> int:
    path = store_path(data_dir)
    if not path.exists():
        raise SystemExit(f"no hall store at {path}: run `kiosk init --data {data_dir}` first")
    hall = Hall(path)
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("binding %s: the hall server is reachable from the network", host)
    app = create_app(hall, auto_close=auto_close)
    uvicorn.run(app, host=host, port=port, log_level="warning", ws_ping_interval=20)
    return 0
