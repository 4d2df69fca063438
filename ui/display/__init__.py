"""The display board (`kiosk display`): the hall board with voice, and the strip above a window.

Modules: `model` (the board's state from a snapshot and live events, Qt-free), `source` (the
hall server: snapshot, then the live feed), `voice` (calls to the core's Announcer), `widgets`
and `panels` (what is drawn), `board` and `strip` (the two screens), `app` and `cli` (start-up).
"""
