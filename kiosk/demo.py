"""`kiosk demo`: the embedded default on one machine.

Initialises the sample hall in the user data dir if none exists, starts the hall server, gives
each front end a fresh device token and opens every front end that exists; Ctrl+C stops all.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from kiosk.admin.runner import open_store
from kiosk.domain import DeviceRole
from kiosk.store.db import store_path
from kiosk.store.lock import StoreLock


@dataclass(frozen=True)
class FrontEnd:
    name: str  # the kiosk subcommand
    module: str  # the ui module that must exist for it to be opened
    device: tuple[str, DeviceRole] | tuple[str, DeviceRole, int] | None  # name, role[, window]
    extra: tuple[str, ...] = ()


FRONT_ENDS = (
    FrontEnd("ticket-kiosk", "ui.ticket_kiosk", ("kiosk-1", DeviceRole.KIOSK)),
    FrontEnd("display", "ui.display", ("display-hall", DeviceRole.DISPLAY)),
    FrontEnd("window", "ui.window_client", None, ("--window", "1")),
    FrontEnd("rating-pad", "ui.rating_pad", ("pad-1", DeviceRole.RATING_PAD, 1), ("--window", "1")),
    FrontEnd("help-desk", "ui.help_desk", None),
    FrontEnd("supervisor", "ui.supervisor", None),
)


PRINTING = {"ticket-kiosk", "window", "help-desk"}


def available() -> list[FrontEnd]:
    return [f for f in FRONT_ENDS if importlib.util.find_spec(f.module) is not None]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def wait_healthy(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"the hall server did not answer at {url}")


def run_demo(data_dir: Path, port: int = 8765, screens: list[str] | None = None) -> int:
    if not store_path(data_dir).exists():
        from kiosk.sample.supervision import seed_store
        from kiosk.setup import init_hall

        init_hall(data_dir, sample=True).close()
        seed_store(data_dir)  # cases, alerts and a tidal suggestion for the supervisor
        print(f"sample hall created in {data_dir}")
    chosen = [f for f in available() if not screens or f.name in screens]
    with StoreLock(data_dir).acquire("kiosk demo"):  # not beside a server already running
        hall = open_store(data_dir)
        tokens = {f.name: hall.add_device(*f.device) for f in chosen if f.device}
        hall.close()

    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    # `kill` (SIGTERM) ends the demo like Ctrl+C does: the finally below stops every child
    signal.signal(signal.SIGTERM, _interrupt)
    cmd = [sys.executable, "-m", "kiosk"]
    procs = [
        subprocess.Popen(
            [*cmd, "serve", "--data", str(data_dir), "--port", str(port), "--always-open"],
            env=env,
        )
    ]
    try:
        wait_healthy(url)
        print(f"hall server: {url}  (API docs {url}/docs)")
        for f in chosen:
            args = [*cmd, f.name, "--server", url, *f.extra]
            if f.name in tokens:
                args.append(f"--token={tokens[f.name]}")  # a token may start with "-"
            if f.name in PRINTING:  # no thermal printer on a demo machine: PDFs instead
                args.append(f"--printer=pdf://{(data_dir / 'prints').resolve()}")
            procs.append(subprocess.Popen(args, env=env))
            print(f"opened {f.name}")
        if not chosen:
            print("no front ends installed yet; the server runs until Ctrl+C")
        print("demo clerks: employee no 1001 .. 1022 (help desk 2001, 2002), PIN 1234")
        print(f"printed tickets and notices: {data_dir / 'prints'}")
        while procs[0].poll() is None:
            time.sleep(0.5)
        return procs[0].returncode or 0
    except KeyboardInterrupt:
        return 0
    finally:
        for p in reversed(procs):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
