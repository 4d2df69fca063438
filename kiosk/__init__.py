"""Queue and window management for government service halls (the Qt-free core)."""

__version__ = "0.1.0"
