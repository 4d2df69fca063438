"""The city center (中心平台): every hall's event log, the standard catalog, three-level reports.

Halls push their event log here (see docs/events.md); the center keeps it on PostgreSQL in
production or SQLite for a small setup, through one SQLAlchemy Core code path. Importing this
package is cheap: the web app lives in `kiosk.center.app` and is only loaded when served.
"""
