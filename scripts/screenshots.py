"""`make screenshots`: every front end's screens, rendered against the sample hall.

Starts the sample hall (`kiosk init --sample` in a temporary directory) on a free loopback
port, gives each device the token it needs, puts a morning's worth of waiting tickets in the
queues so the screens look lived in, then runs each front end's `--screenshot` in its own
process (exactly as a user would start it) and writes docs/screenshots/<file>.

Front-end authors: add your entries to SHOTS (one `Shot` per picture). `args` are passed after
the common ones (--server, --token, --screenshot); `device` names the (name, role) whose token
the front end needs; `dead_server` points it at a closed port instead (out-of-service pictures).
`setup` brings the hall into the state the picture needs (clerks signed in, numbers called,
the help desk left unstaffed ...): it runs once, just before the first selected shot that names
it, so SHOTS is in the order the hall's morning happens. An arg "{name}" is filled in from what
a setup found (the number a consultation really got, say).

After the pictures, one contact sheet per front end (docs/screenshots/sheet-<name>.png): every
screen of ui/common/panels.py, in every language and mode, at every panel size that front end
must support, labelled, so a person can look at all of them at once (`--sheets-only` skips
the single pictures; `--no-sheets` skips the sheets).

The help desk's last hour is replayed into the store before the server starts
(`python -m kiosk.sample.helpdesk`). The phone page's pictures come from its headless
Chromium tests (tests/e2e/phone), the city office page's from tests/e2e/office, and a few states
a test brings about on its own hall and clock (TEST_SHOTS: a closed hall, a card read) from
those tests, run last with KIOSK_SCREENSHOTS pointing at the output.

    python scripts/screenshots.py [--only kiosk-home-zh board-zh phone-called ...] [--out DIR]
                                  [--sheets kiosk pad ...] [--sheets-only | --no-sheets]
                                  [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from kiosk.idcard import make_id_number  # noqa: E402  (after the path is set)

OUT = ROOT / "docs" / "screenshots"
KIOSK = ("kiosk-1", "kiosk")
PAD = ("pad-1", "rating_pad")
DISPLAY = ("display-hall", "display")
PRINTS = Path(tempfile.gettempdir()) / "hall-kiosk-screenshot-prints"
PIN = "1234"  # every sample clerk's PIN
# Front ends run with the hall's time zone as their PC's: a hall's PCs and its citizens' phones
# stand in the hall, and clocks and times then read the same before and after the first data.
HALL_ZONE = json.loads((ROOT / "assets" / "halls" / "sample-hall.json").read_bytes())["timezone"]


@dataclass
class Context:
    """What a setup works with: the running sample hall, the device tokens, and `refs` it may
    fill for the args of later shots ("{answer}" -> "ZX015")."""

    url: str
    tokens: dict[tuple[str, str], str]
    refs: dict[str, str] = field(default_factory=dict)

    def client(self, token: str) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10)

    def device(self, device: tuple[str, str] = KIOSK) -> httpx.Client:
        return self.client(self.tokens[device])

    def clerk(self, employee_no: str, window: int | None = None) -> httpx.Client:
        """Signs a clerk in (at `window`, or at the help desk) as their front end would."""
        body = {"employee_no": employee_no, "pin": PIN, "window": window}
        r = httpx.post(f"{self.url}/api/v1/sessions", json=body, timeout=10)
        r.raise_for_status()
        return self.client(r.json()["token"])

    def windows(self) -> dict[int, dict[str, Any]]:
        r = self.device(DISPLAY).get("/api/v1/queue")
        r.raise_for_status()
        return {w["no"]: w for w in r.json()["windows"]}


Setup = Callable[[Context], None]


@dataclass(frozen=True)
class Shot:
    file: str  # without .png
    command: str  # the `kiosk` subcommand
    args: tuple[str, ...] = ()
    device: tuple[str, str] | None = KIOSK
    dead_server: bool = False
    setup: Setup | None = None  # run once, before the first selected shot that names it


# -- setups: the hall's morning, in the order SHOTS needs it ---------------------------------


def window_one_called(ctx: Context) -> None:
    """张敏 (1001) at window 1 with a number called: what the window's rating pad shows. The
    window client's own shots do this themselves (--call-next); this is for `--only pad-*`."""
    with ctx.clerk("1001", 1) as clerk:
        if not ctx.windows()[1]["ticket"]:
            clerk.post("/api/v1/windows/1/call-next").raise_for_status()


# The hall floor the board and the strips show, in the order it happens (the last call is the
# board's big number). Window 1 is the window client's (张敏 1001), left as its shots leave it.
# No steps: signed in and idle; "call": call the next; "pause:R": pause with reason R.
FLOOR: list[tuple[int, str, tuple[str, ...]]] = [
    (2, "1002", ("call", "start")),  # strip-serving
    (3, "1003", ("call", "start")),
    (5, "1005", ("pause:meal",)),  # strip-paused
    (6, "1006", ("call", "start")),
    (10, "1010", ("call",)),
    (12, "1012", ()),  # strip-idle: 企业开办 and 税务 have nobody waiting
    (13, "1013", ()),
    (15, "1015", ()),
    (16, "1016", ()),
    (18, "1018", ()),
    (14, "1014", ("pause:meeting",)),  # strip-paused-en
    (11, "1011", ("call",)),
    (9, "1009", ("call",)),
    (20, "1020", ("call",)),  # strip-called(-en): Z001, converted at the help desk
    (7, "1007", ("call",)),
    (4, "1004", ("call",)),
    (8, "1008", ("call",)),
]


def clerks_in(ctx: Context) -> None:
    """The floor's clerks signed in at their windows, nothing called yet: the kiosk shows the
    waits of a staffed hall, not 暂无窗口办理 on every category. (Window 1 stays free for the
    window client's shots, and every number for hall_floor's calls.)"""
    for no, employee_no, _ in FLOOR:
        with ctx.clerk(employee_no, no):
            pass


def hall_floor(ctx: Context) -> None:
    """Clerks signed in at most windows, numbers called and started, two windows paused."""
    for no, employee_no, steps in FLOOR:
        with ctx.clerk(employee_no, no) as clerk:
            for step in steps:
                action, _, reason = step.partition(":")
                path = f"/api/v1/windows/{no}/{'call-next' if action == 'call' else action}"
                r = clerk.post(path, json={"reason": reason} if reason else {})
                if r.status_code >= 300 or (action == "call" and r.status_code == 204):
                    raise SystemExit(f"window {no} {step}: {r.status_code} {r.text}")


def desk_numbers(ctx: Context) -> None:
    """The numbers the help desk's sample questions (kiosk.sample.helpdesk) got: ZX015 and
    friends, but asked, not assumed."""
    with ctx.clerk("3001") as supervisor:
        r = supervisor.get("/api/v1/helpdesk/consultations")
        r.raise_for_status()
    rows = r.json()["consultations"]

    def number(match: Callable[[dict[str, Any]], bool], what: str) -> str:
        found = next((c["number"] for c in rows if match(c)), None)
        if found is None:
            raise SystemExit(f"the help-desk sample seeded no {what}")
        return str(found)

    ctx.refs["answer"] = number(lambda c: c["topic"] == "身份证" and c["owner"] == "2001", "answer")
    ctx.refs["converted"] = number(lambda c: bool(c["ticket_number"]), "converted question")
    ctx.refs["referred"] = number(lambda c: c["status"] == "referred", "referred question")


def desk_unstaffed(ctx: Context) -> None:
    """Both desk staff step away; a question from the kiosk becomes a 综合咨询 number."""
    for employee_no in ("2001", "2002"):
        with ctx.clerk(employee_no) as desk:
            desk.post("/api/v1/helpdesk/presence", json={"status": "away"}).raise_for_status()
    question = {"topic": "社保", "question": "退休手续怎么办？"}
    with ctx.device(KIOSK) as kiosk:
        r = kiosk.post("/api/v1/consultations", json=question)
        r.raise_for_status()
    if not r.json().get("ticket"):
        raise SystemExit(f"the unstaffed desk's question did not become a number: {r.text}")
    ctx.refs["unstaffed"] = str(r.json()["number"])
    # The supervisors' "nobody at the desk" alert comes with the server's periodic duties
    # (every 30 s): wait for it, so the picture shows what a supervisor sees a moment later.
    with ctx.clerk("3001") as supervisor:
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline:
            listing = supervisor.get("/api/v1/helpdesk/consultations").json()
            if any(a["kind"] == "helpdesk_unstaffed" for a in listing["alerts"]):
                return
            time.sleep(1)
    raise SystemExit("no helpdesk_unstaffed alert within 45 s")


KIOSK_PRINTER = ("--printer", f"pdf://{PRINTS}")
WINDOW = ("--window", "1", "--size", "1366x800")
CLERK = (*WINDOW, "--employee-no", "1001", "--pin", PIN, "--call-next")
PAD_ARGS = ("--window", "1", "--size", "1024x600", "--preview")
BOARD = ("--size", "1920x1080")
STRIP = ("--size", "1280x360", "--window")
DESK = ("--employee-no", "2001", "--pin", PIN)
SUPERVISOR = ("--employee-no", "3001", "--pin", PIN)


HALL_SUPERVISOR = ("--employee-no", "3001", "--pin", PIN, "--size", "1366x768")


def kiosk(file: str, args: tuple[str, ...] = ()) -> Shot:
    return Shot(file, "ticket-kiosk", args, setup=clerks_in)


def board(file: str, *args: str) -> Shot:
    return Shot(file, "display", args, DISPLAY, setup=hall_floor)


def desk(file: str, *args: str, setup: Setup = desk_numbers) -> Shot:
    return Shot(file, "help-desk", args, None, setup=setup)


SHOTS: list[Shot] = [
    # ticket kiosk (ui/ticket_kiosk): every screen in Chinese, plus English, elder, portrait
    kiosk("kiosk-home-zh"),
    kiosk("kiosk-home-en", ("--lang", "en")),
    kiosk("kiosk-elder", ("--elder",)),
    kiosk("kiosk-portrait", ("--size", "1080x1920")),
    kiosk("kiosk-category", ("--screen", "category")),
    kiosk("kiosk-item", ("--screen", "item", *KIOSK_PRINTER)),
    kiosk("kiosk-ticket", ("--screen", "ticket", *KIOSK_PRINTER)),
    kiosk("kiosk-search", ("--screen", "search")),
    kiosk("kiosk-help", ("--screen", "help")),
    kiosk("kiosk-checkin", ("--screen", "checkin")),
    kiosk("kiosk-rejoin", ("--screen", "rejoin")),
    Shot("kiosk-out-of-service", "ticket-kiosk", dead_server=True),
    kiosk("kiosk-elder-item", ("--elder", "--screen", "item", *KIOSK_PRINTER)),
    kiosk("kiosk-en-ticket", ("--lang", "en", "--screen", "ticket")),
    kiosk(
        "kiosk-portrait-ticket",
        ("--size", "1080x1920", "--screen", "ticket", *KIOSK_PRINTER),
    ),
    # window client (ui/window_client): 张敏 at window 1 calls the green-channel SB-008 ticket
    Shot("window-login", "window", WINDOW, None),
    Shot("window-called", "window", CLERK, None),
    Shot("window-correction", "window", (*CLERK, "--step", "correction"), None),
    Shot("window-finish-en", "window", (*CLERK, "--step", "finish", "--lang", "en"), None),
    # rating pad (ui/rating_pad) at window 1 (registered there: PAD's token is window 1's)
    Shot("pad-idle", "rating-pad", (*PAD_ARGS, "idle"), PAD, setup=window_one_called),
    Shot("pad-rate", "rating-pad", (*PAD_ARGS, "rate"), PAD, setup=window_one_called),
    Shot("pad-reasons", "rating-pad", (*PAD_ARGS, "reasons"), PAD, setup=window_one_called),
    # display (ui/display): the hall board and the strips above windows, once the floor is busy
    board("board-zh", *BOARD),
    board("board-en", *BOARD, "--lang", "en"),
    board("strip-called", *STRIP, "20"),
    board("strip-serving", *STRIP, "2"),
    board("strip-paused", *STRIP, "5"),
    board("strip-idle", *STRIP, "12"),
    board("strip-called-en", *STRIP, "20", "--lang", "en"),
    board("strip-paused-en", *STRIP, "14", "--lang", "en"),
    # help desk (ui/help_desk): the morning kiosk.sample.helpdesk replays; unstaffed last
    desk("helpdesk-login"),
    desk("helpdesk-answer", *DESK, "--select", "{answer}"),
    desk("helpdesk-answer-en", *DESK, "--select", "{answer}", "--lang", "en"),
    desk("helpdesk-converted", *DESK, "--select", "{converted}"),
    desk("helpdesk-referred", *SUPERVISOR, "--select", "{referred}"),
    desk("helpdesk-knowledge", *DESK, "--view", "knowledge"),
    desk("helpdesk-figures", *DESK, "--view", "figures"),
    desk("helpdesk-unstaffed", *SUPERVISOR, "--select", "{unstaffed}", setup=desk_unstaffed),
    # supervisor (ui/supervisor): 韩卫东 3001 on what kiosk.sample.supervision seeded, with the
    # board's floor busy; every pane in Chinese and in English
    *(
        Shot(
            f"supervisor-{pane}-{lang}",
            "supervisor",
            (*HALL_SUPERVISOR, "--pane", pane, "--lang", lang),
            None,
            setup=hall_floor,
        )
        for pane in ("hall", "alerts", "cases", "reports", "assessment", "export")
        for lang in ("zh", "en")
    ),
]
# The phone page (tests/e2e/phone, headless Chromium) writes these itself.
PHONE_SHOTS = (
    "phone-waiting",
    "phone-called",
    "phone-rating",
    "phone-followup",
    "phone-not-found",
    "phone-waiting-en",
    "phone-expired",
)
# The city office's page (tests/e2e/office, headless Chromium) writes these itself.
OFFICE_SHOTS = ("office-city", "office-district", "office-drill-hall", "office-login")
# States a test brings about on its own hall and clock (a Saturday, a card read by the wedge
# reader): those tests write these pictures themselves.
TEST_SHOTS = {
    "tests/ui/ticket_kiosk/test_kiosk_realname.py": (
        "kiosk-realname",
        "kiosk-realname-wrong",
        "kiosk-realname-green-offer",
        "kiosk-quota-left",
        "kiosk-closed",
    ),
    "tests/ui/display/test_board_closed.py": ("board-closed",),
}

# A morning in the sample hall: people already waiting, so counts and waits are not all zero.
WAITING = {"SHEBAO": 6, "YIBAO": 3, "GONGJIJIN": 4, "HUJI": 5, "CHURUJING": 2, "BUDONGCHAN": 2}
REALNAME_REQUIRED = ("CHURUJING",)
# The second 社保 ticket is for 工伤认定申请 on the green channel: window 1 calls it first.
GREEN = ("SHEBAO", 1, {"item": "SB-008", "priority": "green"})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(data: Path, devices: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The sample hall, its help desk's last hour, and a token for every device a shot needs."""
    from kiosk.domain import DeviceRole
    from kiosk.setup import init_hall

    hall = init_hall(data, sample=True)
    try:
        tokens = {
            d: hall.add_device(d[0], DeviceRole(d[1]), 1 if d == PAD else None)
            for d in sorted(devices)
        }
    finally:
        hall.close()
    seed = [sys.executable, "-m", "kiosk.sample.helpdesk", "--data", str(data)]
    subprocess.run(seed, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    seed = [sys.executable, "-m", "kiosk.sample.supervision", "--data", str(data)]
    subprocess.run(seed, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return tokens


@contextmanager
def serving(data: Path, port: int) -> Iterator[str]:
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "kiosk", "serve", "--data", str(data), "--port", str(port)]
    # trial mode: the pictures are taken at any hour, and the sample hall keeps office hours
    proc = subprocess.Popen([*cmd, "--always-open"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90  # a busy machine (tests running beside) is slow
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


def fill_queues(ctx: Context) -> None:
    with ctx.device(KIOSK) as client:
        for category, n in WAITING.items():
            for i in range(n):
                body: dict[str, Any] = {"category": category}
                if (category, i) == GREEN[:2]:
                    body |= GREEN[2]
                if category in REALNAME_REQUIRED:  # 出入境 issues real-name tickets only
                    body["id_number"] = make_id_number("370202", date(1985, 3, 1 + i), 100 + i)
                client.post("/api/v1/tickets", json=body).raise_for_status()


def take(shot: Shot, url: str, ctx: Context, out: Path, env: dict[str, str]) -> bool:
    target = out / f"{shot.file}.png"
    cmd = [sys.executable, "-m", "kiosk", shot.command, "--server", url]
    if shot.device is not None:
        cmd.append(f"--token={ctx.tokens[shot.device]}")  # "=": a token may start with "-"
    args = [a.format_map(ctx.refs) if "{" in a else a for a in shot.args]
    cmd += ["--screenshot", str(target), *args]
    started = time.time()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    ok = done.returncode == 0 and target.exists() and target.stat().st_mtime >= started - 1
    report(ok, target)
    if not ok:
        print(done.stderr[-2000:], file=sys.stderr)
    return ok


def report(ok: bool, target: Path) -> None:
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"{'ok ' if ok else 'FAILED'} {shown if ok else target.stem}")


def browser_shots(out: Path, wanted: list[str], tests: str = "tests/e2e/phone") -> list[str]:
    """Runs a page's browser tests (they save every picture in KIOSK_SCREENSHOTS) and keeps
    the wanted ones; returns what failed."""
    with tempfile.TemporaryDirectory(prefix="hall-browser-shots-") as tmp:
        env = {**os.environ, "KIOSK_SCREENSHOTS": tmp, "TZ": HALL_ZONE}
        env["QT_QPA_PLATFORM"] = "offscreen"  # the Qt tests among them
        cmd = [sys.executable, "-m", "pytest", tests, "-q", "-p", "no:cacheprovider"]
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        failed = []
        for name in wanted:
            shot, target = Path(tmp) / f"{name}.png", out / f"{name}.png"
            if shot.exists():
                shutil.copyfile(shot, target)
            else:
                failed.append(name)
            report(shot.exists(), target)
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-2000:], file=sys.stderr)
        failed = failed or [tests]
    return failed


# -- contact sheets ------------------------------------------------------------------------

# per front end of ui/common/panels.py: (device, setup, arguments before the screen's own)
SHEET_RUNS: dict[str, tuple[tuple[str, str] | None, Setup | None, tuple[str, ...]]] = {
    "kiosk": (KIOSK, clerks_in, KIOSK_PRINTER),
    "window": (None, None, ("--window", "1", "--employee-no", "1001", "--pin", PIN, "--call-next")),
    "pad": (PAD, window_one_called, ("--window", "1")),
    "board": (DISPLAY, hall_floor, ()),
    "strip": (DISPLAY, hall_floor, ()),
    "helpdesk": (None, desk_numbers, DESK),
    "supervisor": (None, hall_floor, SUPERVISOR),
}
THUMB = 0.25  # sheet scale: a 1920x1080 panel is 480x270 on the sheet, sizes stay comparable
# the kiosk has 8 screens in 4 modes at 5 sizes: smaller pictures keep its sheet a few MB
THUMBS = {"kiosk": 0.15}


def sheet_pictures(key: str, url: str, ctx: Context, tmp: Path, env: dict[str, str]) -> list[Any]:
    """Renders every screen and mode of one front end at all its panel sizes (one process per
    screen and mode, `--sizes`); returns [(row label, [(panel, png or None)])]."""
    from ui.common.panels import FRONT_ENDS

    front_end = FRONT_ENDS[key]
    device, _, base = SHEET_RUNS[key]
    sizes = ",".join(p.label for p in front_end.panels)
    rows = []
    for screen, screen_args in front_end.screens:
        for mode in front_end.modes:
            target = tmp / f"{key}-{screen}-{mode.label}.png"
            cmd = [sys.executable, "-m", "kiosk", front_end.command, "--server", url]
            if device is not None:
                cmd.append(f"--token={ctx.tokens[device]}")
            cmd += [*base, *screen_args, *mode.args, "--screenshot", str(target), "--sizes", sizes]
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
            if done.returncode != 0:
                print(done.stderr[-1500:], file=sys.stderr)
            shots = []
            for panel in front_end.panels:
                png = target.with_name(f"{target.stem}@{panel.label}.png")
                shots.append((panel, png if png.exists() else None))
            rows.append((f"{screen} · {mode.label}", shots))
    return rows


def compose_sheet(title: str, rows: list[Any], target: Path, thumb: float = THUMB) -> bool:
    """One PNG: a row per screen and mode, a column per panel size, each picture labelled."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # painting needs no display
    app = QGuiApplication.instance() or QGuiApplication(["sheets"])
    assert app is not None
    panels = [panel for panel, _ in rows[0][1]]
    pad, label_h, head_h, left_w = 16, 28, 56, 220
    widths = [round(p.width * thumb) for p in panels]
    row_h = max(round(p.height * thumb) for p in panels) + label_h + pad
    width = left_w + sum(widths) + pad * (len(panels) + 1)
    height = head_h + row_h * len(rows) + pad
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#f3f5f8"))
    p = QPainter(sheet)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setFont(QFont("Noto Sans CJK SC", 20, QFont.Weight.Bold))
    p.setPen(QColor("#0b3d91"))
    p.drawText(QRect(pad, 0, width, head_h), int(Qt.AlignmentFlag.AlignVCenter), title)
    small = QFont("Noto Sans CJK SC", 11)
    missing = False
    for r, (name, shots) in enumerate(rows):
        top = head_h + r * row_h
        p.setFont(QFont("Noto Sans CJK SC", 13, QFont.Weight.Bold))
        p.setPen(QColor("#1d2733"))
        p.drawText(
            QRect(pad, top + label_h, left_w - pad, row_h), int(Qt.AlignmentFlag.AlignTop), name
        )
        x = left_w
        for (panel, png), w in zip(shots, widths, strict=True):
            p.setFont(small)
            p.setPen(QColor("#33475b"))
            p.drawText(QRect(x, top, w, label_h), int(Qt.AlignmentFlag.AlignVCenter), panel.label)
            box = QRect(x, top + label_h, w, round(panel.height * thumb))
            image = QImage(str(png)) if png is not None else QImage()
            if image.isNull():
                missing = True
                p.fillRect(box, QColor("#fde8e6"))
                p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "not rendered")
            else:
                p.drawImage(box, image)
            p.setPen(QColor("#9fb3c8"))
            p.drawRect(box.adjusted(0, 0, -1, -1))
            x += w + pad
    p.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    return sheet.save(str(target), "PNG") and optimise(target) and not missing


def optimise(png: Path) -> bool:
    """A sheet in 256 colours (Pillow, when installed: it comes with the reports extra): a
    third of the size, and screens of flat colours and text look the same."""
    try:
        from PIL import Image
    except ImportError:
        return True
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    small.save(png, optimize=True)
    return True


def sheets(
    keys: list[str],
    url: str,
    ctx: Context,
    out: Path,
    env: dict[str, str],
    keep: Path | None = None,
) -> list[str]:
    from ui.common.panels import FRONT_ENDS

    failed = []
    with tempfile.TemporaryDirectory(prefix="hall-sheets-") as tmp:
        pictures = keep or Path(tmp)
        pictures.mkdir(parents=True, exist_ok=True)
        for key in keys:
            rows = sheet_pictures(key, url, ctx, pictures, env)
            target = out / f"sheet-{key}.png"
            title = f"{key} (kiosk {FRONT_ENDS[key].command}): every screen at every panel"
            ok = compose_sheet(title, rows, target, THUMBS.get(key, THUMB))
            report(ok, target)
            if not ok:
                failed.append(target.stem)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", nargs="*", help="file names (without .png) to render")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--sheets", nargs="*", choices=list(SHEET_RUNS), help="these sheets only")
    parser.add_argument("--sheets-only", action="store_true", help="contact sheets, no pictures")
    parser.add_argument("--no-sheets", action="store_true", help="pictures, no contact sheets")
    parser.add_argument(
        "--keep", type=Path, help="keep the sheets' full-size pictures here (to look at them)"
    )
    args = parser.parse_args(argv)
    # stopped (a terminal closed, a kill): unwind, so the sample hall's server is stopped too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    shots = [s for s in SHOTS if not args.only or s.file in args.only]
    phones = [p for p in PHONE_SHOTS if not args.only or p in args.only]
    offices = [p for p in OFFICE_SHOTS if not args.only or p in args.only]
    tested = {
        t: [p for p in names if not args.only or p in args.only] for t, names in TEST_SHOTS.items()
    }
    keys = [] if args.no_sheets or args.only else list(args.sheets or SHEET_RUNS)
    if args.sheets_only:
        shots, phones, offices, tested = [], [], [], {}
    args.out.mkdir(parents=True, exist_ok=True)
    PRINTS.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="hall-screenshots-") as tmp:
        # Outboxes, printouts and settings of the front ends stay in here, not in the user's.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TZ": HALL_ZONE}
        env["XDG_DATA_HOME"] = f"{tmp}/user"
        data = Path(tmp) / "hall"
        if shots or keys:
            devices = {s.device for s in shots if s.device} | {KIOSK}
            devices |= {SHEET_RUNS[k][0] for k in keys if SHEET_RUNS[k][0]}  # type: ignore[misc]
            tokens = prepare(data, devices)
            with serving(data, free_port()) as url:
                ctx = Context(url, tokens)
                fill_queues(ctx)
                dead = f"http://127.0.0.1:{free_port()}"
                done: set[Setup] = set()
                for shot in shots:
                    if shot.setup is not None and shot.setup not in done:
                        shot.setup(ctx)
                        done.add(shot.setup)
                    if not take(shot, dead if shot.dead_server else url, ctx, args.out, env):
                        failed.append(shot.file)
                for key in keys:  # the sheets' setups, where the pictures did not run them
                    setup = SHEET_RUNS[key][1]
                    if setup is not None and setup not in done:
                        setup(ctx)
                        done.add(setup)
                failed += sheets(keys, url, ctx, args.out, env, args.keep)
    if phones:
        failed += browser_shots(args.out, phones, "tests/e2e/phone")
    if offices:
        failed += browser_shots(args.out, offices, "tests/e2e/office")
    for tests, names in tested.items():
        if names:
            failed += browser_shots(args.out, names, tests)
    if failed:
        print(f"{len(failed)} screenshot(s) failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
