"""`make screenshots`: every front end's screens, rendered against the sample hall.

Starts the sample hall (`kiosk init --sample` in a temporary directory) on a free loopback
port, gives each device the token it needs, puts a morning's worth of waiting tickets in the
queues so the screens look lived in, then runs each front end's `--screenshot` in its own
process (exactly as a user would start it) and writes docs/screenshots/<file>.

Front-end authors: add your entries to SHOTS (one `Shot` per picture). `args` are passed after
the common ones (--server, --token, --screenshot); `device` names the (name, role) whose token
the front end needs; `dead_server` points it at a closed port instead (out-of-service pictures).

    python scripts/screenshots.py [--only kiosk-home-zh kiosk-item ...] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
KIOSK = ("kiosk-1", "kiosk")
PRINTS = Path(tempfile.gettempdir()) / "hall-kiosk-screenshot-prints"


@dataclass(frozen=True)
class Shot:
    file: str  # without .png
    command: str  # the `kiosk` subcommand
    args: tuple[str, ...] = ()
    device: tuple[str, str] | None = KIOSK
    dead_server: bool = False


KIOSK_PRINTER = ("--printer", f"pdf://{PRINTS}")
SHOTS: list[Shot] = [
    # ticket kiosk (ui/ticket_kiosk): every screen in Chinese, plus English, elder, portrait
    Shot("kiosk-home-zh", "ticket-kiosk"),
    Shot("kiosk-home-en", "ticket-kiosk", ("--lang", "en")),
    Shot("kiosk-elder", "ticket-kiosk", ("--elder",)),
    Shot("kiosk-portrait", "ticket-kiosk", ("--size", "1080x1920")),
    Shot("kiosk-category", "ticket-kiosk", ("--screen", "category")),
    Shot("kiosk-item", "ticket-kiosk", ("--screen", "item", *KIOSK_PRINTER)),
    Shot("kiosk-ticket", "ticket-kiosk", ("--screen", "ticket", *KIOSK_PRINTER)),
    Shot("kiosk-search", "ticket-kiosk", ("--screen", "search")),
    Shot("kiosk-help", "ticket-kiosk", ("--screen", "help")),
    Shot("kiosk-checkin", "ticket-kiosk", ("--screen", "checkin")),
    Shot("kiosk-rejoin", "ticket-kiosk", ("--screen", "rejoin")),
    Shot("kiosk-out-of-service", "ticket-kiosk", dead_server=True),
    Shot("kiosk-elder-item", "ticket-kiosk", ("--elder", "--screen", "item", *KIOSK_PRINTER)),
    Shot("kiosk-en-ticket", "ticket-kiosk", ("--lang", "en", "--screen", "ticket")),
    Shot(
        "kiosk-portrait-ticket",
        "ticket-kiosk",
        ("--size", "1080x1920", "--screen", "ticket", *KIOSK_PRINTER),
    ),
]

# A morning in the sample hall: people already waiting, so counts and waits are not all zero.
WAITING = {"SHEBAO": 6, "YIBAO": 3, "GONGJIJIN": 4, "HUJI": 5, "CHURUJING": 2, "BUDONGCHAN": 2}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(data: Path, devices: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The sample hall and a token for every device a shot needs."""
    from kiosk.domain import DeviceRole
    from kiosk.setup import init_hall

    hall = init_hall(data, sample=True)
    try:
        return {d: hall.add_device(d[0], DeviceRole(d[1])) for d in sorted(devices)}
    finally:
        hall.close()


@contextmanager
def serving(data: Path, port: int) -> Iterator[str]:
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "kiosk", "serve", "--data", str(data), "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--no-auto-close"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=0.5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the sample hall server did not start")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def fill_queues(url: str, token: str) -> None:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as client:
        for category, n in WAITING.items():
            for _ in range(n):
                client.post("/api/v1/tickets", json={"category": category}).raise_for_status()


def take(shot: Shot, url: str, token: str, out: Path) -> bool:
    target = out / f"{shot.file}.png"
    cmd = [sys.executable, "-m", "kiosk", shot.command, "--server", url]
    if shot.device is not None:
        cmd.append(f"--token={token}")  # "=": a token may start with "-"
    cmd += ["--screenshot", str(target), *shot.args]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    ok = done.returncode == 0 and target.exists()
    print(f"{'ok ' if ok else 'FAILED'} {target.relative_to(ROOT) if ok else shot.file}")
    if not ok:
        print(done.stderr[-2000:], file=sys.stderr)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", nargs="*", help="file names (without .png) to render")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    shots = [s for s in SHOTS if not args.only or s.file in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    PRINTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hall-screenshots-") as tmp:
        data = Path(tmp) / "hall"
        tokens = prepare(data, {s.device for s in shots if s.device} | {KIOSK})
        with serving(data, free_port()) as url:
            fill_queues(url, tokens[KIOSK])
            dead = f"http://127.0.0.1:{free_port()}"
            failed = [
                s.file
                for s in shots
                if not take(
                    s, dead if s.dead_server else url, tokens.get(s.device or KIOSK, ""), args.out
                )
            ]
    if failed:
        print(f"{len(failed)} screenshot(s) failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
