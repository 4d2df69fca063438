"""Kiosk widgets: category tiles, paging, keypad, QR code and the search result list."""
