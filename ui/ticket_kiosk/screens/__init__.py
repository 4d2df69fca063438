"""One module per kiosk screen; ``base.Screen`` is what the window needs from each."""
