"""What every front end shares: application set-up, translations, theme, the hall server client
(HTTP and live WebSocket, all asynchronous), and the --screenshot mode."""
