"""Which days a hall works: weekends, public holidays and make-up working days (调休) as data.

Deadlines of bad-rating cases count working days and opening hours close on holidays, and in
China neither follows the weekday alone: the State Council moves working days onto weekends
around each long holiday, year by year. So the calendar is data, one file per year
(assets/calendar/YYYY.toml, replaceable by the city center's published one), and a year
without a file falls back to Monday-Friday and says so (`WorkCalendar.known`).
"""

from kiosk.calendar.files import (
    CalendarFileError,
    bundled_years,
    load_calendar,
    parse_year,
)
from kiosk.calendar.model import DayKind, Holiday, WorkCalendar, YearCalendar

__all__ = [
    "CalendarFileError",
    "DayKind",
    "Holiday",
    "WorkCalendar",
    "YearCalendar",
    "bundled_years",
    "load_calendar",
    "parse_year",
]
