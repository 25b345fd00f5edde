"""ovaltime: a results system for long-track speed skating."""

__version__ = "0.1.0"
