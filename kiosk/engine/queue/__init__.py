"""The queue: tickets issued, called, served and moved at the windows, and the day around them.

tickets.py issues and rejoins, calling.py is what a window does with a ticket, windows.py a
clerk taking, pausing and leaving a window, day.py the day close; routing.py picks the next
ticket, estimate.py the waits, snapshot.py the hall at a glance, views.py a ticket as the API
shows it, stats.py a window's own figures of the day.
"""
