"""Reading any file a command accepts: the readers of ``ovaltime.formats.any_file``."""

from __future__ import annotations

from ovaltime.formats.any_file import Loaded, load_competition

__all__ = ["Loaded", "load_competition"]
