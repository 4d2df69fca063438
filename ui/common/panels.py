"""The panels halls really buy, per front end: the one list the layouts, the layout test and
the contact sheets of `make screenshots` all read.

A front end is one `FrontEnd` entry: its `kiosk` subcommand, the function that builds its
window from the parsed command line, the panel sizes it must look right on, its languages and
modes, and the rules its users need (touch targets for fingers, a smallest text size for
people standing a step away). Adding a front end is adding
one entry to FRONT_ENDS; the test and the contact sheets pick it up from here.

Kept free of Qt imports: the CLI and the screenshot script read it before Qt loads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    width: int
    height: int

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def label(self) -> str:
        return f"{self.width}x{self.height}"

    @classmethod
    def parse(cls, text: str) -> Panel:
        w, _, h = text.lower().partition("x")
        return cls(int(w), int(h))


@dataclass(frozen=True)
class Mode:
    """One way a front end is shown: a language, and for the kiosk elder mode on or off."""

    lang: str
    elder: bool = False

    @property
    def label(self) -> str:
        return f"{self.lang}{'-elder' if self.elder else ''}"

    @property
    def args(self) -> tuple[str, ...]:
        return ("--lang", self.lang, *(("--elder",) if self.elder else ()))


ZH_EN = (Mode("zh"), Mode("en"))


@dataclass(frozen=True)
class FrontEnd:
    name: str  # the ui package, the theme and the translation catalog
    command: str  # the `kiosk` subcommand
    build: str  # "module:function" building the window from the parsed arguments
    panels: tuple[Panel, ...]
    modes: tuple[Mode, ...] = ZH_EN
    point_size: int = 14  # the application font, as `kiosk <command>` sets it
    touch_px: int = 0  # smallest tappable button side (0: a mouse and keyboard front end)
    min_text_px: int = 0  # smallest text a person must read from where they stand
    elder_text_px: int = 0  # the same in elder mode
    # the screens a person sees, each the extra command-line arguments that open it
    screens: tuple[tuple[str, tuple[str, ...]], ...] = (("main", ()),)

    def text_px(self, mode: Mode) -> int:
        return self.elder_text_px if mode.elder and self.elder_text_px else self.min_text_px


def _panels(*sizes: str) -> tuple[Panel, ...]:
    return tuple(Panel.parse(s) for s in sizes)


KIOSK = FrontEnd(
    name="ticket_kiosk",
    command="ticket-kiosk",
    build="ui.ticket_kiosk.cli:build",
    panels=_panels("1920x1080", "1080x1920", "1366x768", "1280x1024", "1024x768"),
    modes=(Mode("zh"), Mode("en"), Mode("zh", elder=True), Mode("en", elder=True)),
    touch_px=64,
    min_text_px=16,
    elder_text_px=24,
    screens=(
        *(
            (s, ("--screen", s))
            for s in ("home", "category", "item", "search", "ticket", "help", "checkin", "rejoin")
        ),
        ("online", ("--screen", "item", "--item", "GJJ-006")),  # online: its QR code, 7 materials
    ),
)
WINDOW_CLIENT = FrontEnd(
    name="window_client",
    command="window",
    build="ui.window_client.cli:build",
    panels=_panels("1366x768", "1920x1080"),
    screens=(
        ("called", ()),
        ("finish", ("--step", "finish")),
        ("correction", ("--step", "correction")),
        ("pause", ("--step", "pause")),
        ("transfer", ("--step", "transfer")),
    ),
)
RATING_PAD = FrontEnd(
    name="rating_pad",
    command="rating-pad",
    build="ui.rating_pad.cli:build",
    panels=_panels("800x480", "1024x600", "1280x800"),
    point_size=18,
    touch_px=64,
    screens=tuple((s, ("--preview", s)) for s in ("idle", "rate", "reasons", "thanks")),
)
BOARD = FrontEnd(
    name="display",
    command="display",
    build="ui.display.app:build",
    panels=_panels("1920x1080", "3840x2160", "1080x1920"),
    min_text_px=20,  # read from across the hall
    screens=(("board", ()),),
)
STRIP = FrontEnd(
    name="display",
    command="display",
    build="ui.display.app:build",
    panels=_panels("1920x540", "1280x400"),
    min_text_px=20,
    # the window numbers are the sample hall's floor in `make screenshots`: a called number,
    # one being served, a paused window and an idle one
    screens=(
        ("called", ("--window", "20")),
        ("serving", ("--window", "2")),
        ("paused", ("--window", "5")),
        ("idle", ("--window", "12")),
    ),
)
HELP_DESK = FrontEnd(
    name="help_desk",
    command="help-desk",
    build="ui.help_desk.cli:build",
    panels=_panels("1366x768", "1920x1080"),
    point_size=12,
    screens=(
        ("questions", ()),
        ("knowledge", ("--view", "knowledge")),
        ("figures", ("--view", "figures")),
    ),
)
SUPERVISOR = FrontEnd(
    name="supervisor",
    command="supervisor",
    build="ui.supervisor.cli:build",
    panels=_panels("1366x768", "1920x1080"),
    point_size=12,
    screens=tuple(
        (p, ("--pane", p)) for p in ("hall", "alerts", "cases", "reports", "assessment", "export")
    ),
)

# name -> front end; the key is also the contact sheet's file name (docs/screenshots/sheet-*.png)
FRONT_ENDS: dict[str, FrontEnd] = {
    "kiosk": KIOSK,
    "window": WINDOW_CLIENT,
    "pad": RATING_PAD,
    "board": BOARD,
    "strip": STRIP,
    "helpdesk": HELP_DESK,
    "supervisor": SUPERVISOR,
}


def front_end_for(name: str) -> FrontEnd:
    return FRONT_ENDS[name]
