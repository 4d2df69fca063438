"""Run an ASGI app under a real uvicorn server in a background thread, on a free local port.

HTTP tests and benchmarks go through real sockets, gzip bodies and headers this way, which an
in-process transport would not exercise.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn
from sqlalchemy import Engine

from tests.helpers.postgres import free_port


@dataclass
class LiveCenter:
    """A running center for HTTP tests: its URL, engine, an admin token and hall tokens."""

    base_url: str
    db_url: str
    engine: Engine
    admin: str
    tokens: dict[str, str]


@contextmanager
def serve_in_thread(app: Any, timeout: float = 15.0, port: int | None = None) -> Iterator[str]:
    """Yield the base URL while the server runs; stop it (running the app's shutdown) after.
    A fixed `port` lets a test restart a server where its clients expect it."""
    port = port or free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
