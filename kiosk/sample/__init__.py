"""Sample data for demos and screenshots: what a morning at the sample hall looks like. Not part
of a hall's running code: nothing in the engine or the server imports it."""
