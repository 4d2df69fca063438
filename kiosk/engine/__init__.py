"""The queue engine: commands validate against the state, emit events, and the projector applies
them in the same transaction."""
