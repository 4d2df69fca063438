"""Qt print backends (PDF files, system printers) and the URL dispatcher.

The layout and the ESC/POS backend live in the Qt-free core (``kiosk.printing``); this package
adds what needs Qt and picks the backend from a printer URL: see :mod:`ui.printing.dispatch`.
"""
