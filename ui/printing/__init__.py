"""Printing for the front ends: one printer object, one way to fill each document.

The layout and the ESC/POS backend live in the Qt-free core (``kiosk.printing``); this package
adds what needs Qt or the server's JSON: :mod:`ui.printing.documents` fills a ticket or a
one-time notice from the catalog and ticket the server sent, :mod:`ui.printing.printer` prints
it off the GUI thread and reports by signal, :mod:`ui.printing.dispatch` picks the backend from
a printer URL and :mod:`ui.printing.qt_backend` paints PDF files and system printers.
"""
