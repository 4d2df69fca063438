"""PySide6 front ends: thin clients of the hall server."""
