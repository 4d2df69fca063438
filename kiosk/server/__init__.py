"""The hall server: the single writer of a hall's queue, over HTTP and a live WebSocket."""
