"""`kiosk demo`: the embedded default on one machine.

Initialises the sample hall in the user data dir if none exists, starts the hall server, gives
each front end a fresh device token and opens every front end that exists, tiled over the
screens rather than stacked; it says who can sign in (read from the sample hall's config, the
one list the README shows too) and which categories the demo's window serves; Ctrl+C stops all.
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
from kiosk.catalog.hall_config import HallConfig, load_hall_config
from kiosk.domain import DeviceRole, Role
from kiosk.paths import sample_hall_path
from kiosk.store.db import store_path
from kiosk.store.lock import StoreLock


@dataclass(frozen=True)
class FrontEnd:
    name: str  # the kiosk subcommand
    module: str  # the ui module that must exist for it to be opened
    device: tuple[str, DeviceRole] | tuple[str, DeviceRole, int] | None  # name, role[, window]
    extra: tuple[str, ...] = ()


def demo_window(config: HallConfig) -> int:
    """The window the demo's window client and pad stand at: the one serving the most
    categories, so the first ticket a newcomer takes is most likely one it can call (window 1
    serves only 社保 and 医保: a 户籍 ticket, D001, could never be called there)."""
    return max(config.windows, key=lambda w: (len(w.category_codes()), -w.no)).no


def front_ends(window: int) -> tuple[FrontEnd, ...]:
    at = ("--window", str(window))
    return (
        FrontEnd("ticket-kiosk", "ui.ticket_kiosk", ("kiosk-1", DeviceRole.KIOSK)),
        FrontEnd("display", "ui.display", ("display-hall", DeviceRole.DISPLAY)),
        FrontEnd("window", "ui.window_client", None, at),
        FrontEnd(
            "rating-pad", "ui.rating_pad", (f"pad-{window}", DeviceRole.RATING_PAD, window), at
        ),
        FrontEnd("help-desk", "ui.help_desk", None),
        FrontEnd("supervisor", "ui.supervisor", None),
    )


PRINTING = {"ticket-kiosk", "window", "help-desk"}
ROLE_WORDS = {
    Role.CLERK: "window clerks (窗口)",
    Role.HELPDESK: "help desk (咨询台)",
    Role.SUPERVISOR: "supervisor (大厅管理)",
    Role.ADMIN: "admin (管理员)",
}


def available(window: int = 1) -> list[FrontEnd]:
    return [f for f in front_ends(window) if importlib.util.find_spec(f.module) is not None]


def accounts(config: HallConfig) -> list[str]:
    """Who can sign in to the demo, one line per role: employee numbers (a run of numbers
    as "first-last") and their PIN. The README shows these same lines (a test compares)."""
    lines = []
    for role, words in ROLE_WORDS.items():
        clerks = [c for c in config.clerks if c.role is role]
        for pin in sorted({c.pin for c in clerks}):
            nos = [c.employee_no for c in clerks if c.pin == pin]
            runs = _runs(nos)
            lines.append(f"{words}: {', '.join(runs)}, PIN {pin}")
    return lines


def _runs(numbers: list[str]) -> list[str]:
    out: list[str] = []
    group: list[str] = []
    for no in numbers:
        if group and no.isdigit() and group[-1].isdigit() and int(no) == int(group[-1]) + 1:
            group.append(no)
            continue
        if group:
            out.append(group[0] if len(group) == 1 else f"{group[0]}-{group[-1]}")
        group = [no]
    if group:
        out.append(group[0] if len(group) == 1 else f"{group[0]}-{group[-1]}")
    return out


def serving_line(config: HallConfig, window: int) -> str:
    codes = config.window(window).category_codes()
    return f"window client and rating pad: window {window}, serving {', '.join(codes)}"


def command(
    f: FrontEnd, url: str, tile: int, tiles: int, token: str | None, prints: Path
) -> list[str]:
    """The command line that opens front end `f` as tile `tile` of `tiles` on the screens."""
    args = [sys.executable, "-m", "kiosk", f.name, "--server", url, *f.extra]
    args.append(f"--tile={tile}/{tiles}")
    if token is not None:
        args.append(f"--token={token}")  # a token may start with "-"
    if f.name in PRINTING:  # no thermal printer on a demo machine: PDFs instead
        args.append(f"--printer=pdf://{prints.resolve()}")
    return args


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def wait_healthy(url: str, timeout: float = 90.0) -> None:
    """Until the server answers: a busy or slow machine (a fresh clone's first start compiles
    every module) can take well over 20 s, and giving up early only leaves a broken demo."""
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
    started = time.time()
    if not store_path(data_dir).exists():
        from kiosk.sample.supervision import seed_store
        from kiosk.setup import init_hall

        init_hall(data_dir, sample=True).close()
        seed_store(data_dir)  # cases, alerts and a tidal suggestion for the supervisor
        print(f"sample hall created in {data_dir}")
    config = load_hall_config(sample_hall_path())
    window = demo_window(config)
    chosen = [f for f in available(window) if not screens or f.name in screens]
    with StoreLock(data_dir).acquire("kiosk demo"):  # not beside a server already running
        hall = open_store(data_dir)
        tokens = {f.name: hall.add_device(*f.device) for f in chosen if f.device}
        hall.close()

    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env["KIOSK_DEMO_T0"] = str(started)  # each front end says how long its first window took
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
        print(f"starting the hall server at {url} …", flush=True)
        wait_healthy(url)
        print(f"hall server: {url}  (API docs {url}/docs)")
        print(f"hall server ready after {time.time() - started:.1f} s")
        for i, f in enumerate(chosen):
            args = command(f, url, i, len(chosen), tokens.get(f.name), data_dir / "prints")
            procs.append(subprocess.Popen(args, env=env))
            print(f"opening {f.name}")
        if not chosen:
            print("no front ends installed yet; the server runs until Ctrl+C")
        print("who can sign in:")
        for line in accounts(config):
            print(f"  {line}")
        if any(f.name == "window" for f in chosen):
            print(serving_line(config, window))
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
