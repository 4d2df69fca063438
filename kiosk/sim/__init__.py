"""The hall day simulator: a crowd from a scenario driven through the real engine and store on
the engine's fake clock (or through a real `kiosk serve`, as load), the accuracy of the wait
estimates measured against the waits that came, and the staffing adviser.

Nothing in the engine or the server imports this package: it is a user of the engine, like a
front end, and may be left out of a hall's installation.
"""
