"""Every kiosk screen, built once at start-up: switching screens then costs nothing, which keeps
tap-to-ticket fast (no widget building after the server answers)."""

from __future__ import annotations

from ui.ticket_kiosk.actions import TicketFlow
from ui.ticket_kiosk.context import KioskContext
from ui.ticket_kiosk.screens.base import Nav, Screen
from ui.ticket_kiosk.screens.category import CategoryScreen
from ui.ticket_kiosk.screens.checkin import CheckinScreen
from ui.ticket_kiosk.screens.help import HelpScreen
from ui.ticket_kiosk.screens.home import HomeScreen
from ui.ticket_kiosk.screens.item import ItemScreen
from ui.ticket_kiosk.screens.offline import OfflineScreen
from ui.ticket_kiosk.screens.realname import RealNameScreen
from ui.ticket_kiosk.screens.rejoin import RejoinScreen
from ui.ticket_kiosk.screens.search import SearchScreen
from ui.ticket_kiosk.screens.ticket import TicketScreen


def build_screens(ctx: KioskContext, nav: Nav, flow: TicketFlow) -> dict[str, Screen]:
    screens: list[Screen] = [
        HomeScreen(ctx, nav),
        CategoryScreen(ctx, nav, flow),
        ItemScreen(ctx, nav, flow),
        SearchScreen(ctx, nav),
        TicketScreen(ctx, nav),
        HelpScreen(ctx, nav, flow),
        CheckinScreen(ctx, nav, flow),
        RejoinScreen(ctx, nav, flow),
        RealNameScreen(ctx, nav, flow),
        OfflineScreen(ctx, nav),
    ]
    return {screen.name: screen for screen in screens}
