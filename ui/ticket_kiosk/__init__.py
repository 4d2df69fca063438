"""The ticket kiosk: the touch screen at the hall entrance where citizens take a ticket.

A thin client of the hall server: everything it shows comes from GET /catalog and GET /queue,
counts move with the live WebSocket (ui.common.follow), and a ticket appears on screen or paper
only after the server has committed it; it prints with the shared printer (ui.printing). Modules:

- ``cli``: the ``kiosk ticket-kiosk`` subcommand; ``app``: assembles a kiosk (CLI, tests and
  the benchmark build it the same way); ``window`` and ``chrome``: the main window, navigation,
  header, footer and the "please wait" cover;
- ``context``: what every screen shares (language, elder mode, the hall, printer, voice);
- ``hall``: catalog, queue and search index kept current from the server; ``catalog`` and
  ``texts``: reading the catalog JSON and wording waits, fees, materials;
- ``service``: in or out of service (the live feed's heartbeat and health probes);
- ``actions`` (taking a ticket), ``print_alerts`` (staff told of a ticket that did not print),
  ``voice``, ``idle``, ``keyboard`` (Qt Virtual Keyboard), ``workers`` (the thread pool): one
  concern each;
- ``screens``: one module per screen; ``widgets``: tiles, paging, keypad, QR code, the search
  list; ``demo``: drives a screen for ``make screenshots`` (hidden ``--screen``).
"""
