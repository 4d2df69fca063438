"""The hall side of sync: push the event log to the city center after what it acknowledged, pull
the standard catalog. The hall keeps working on its own store whether or not the link is up."""
