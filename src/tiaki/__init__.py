"""tiaki: an offline-first investigation system for online child-exploitation operations."""

__version__ = "0.1.0"
