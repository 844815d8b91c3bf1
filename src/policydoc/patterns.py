"""Regular expressions compiled on first use.

The grammar is tables of patterns, and the ``regex`` module compiles in pure Python: at
import, compiling every table cost each CLI call and each batch worker about a third of
its start-up, although one input needs only the patterns of its own format. A module
declares ``NAME = lazy(r"…")`` where it would write ``regex.compile``; the pattern compiles
the first time a method is called on it.
"""

from __future__ import annotations

from typing import Any, cast

import regex


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern  # the source, readable without compiling (patterns are built from others)
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only reached while an attribute is missing: the first use compiles, then copies the
        # compiled pattern's methods onto this object, so later calls go straight to them.
        compiled = regex.compile(self.pattern, self._flags)
        for attr in dir(compiled):
            if not attr.startswith("_") and attr != "pattern":
                setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, deferred to the pattern's first use."""
    return cast("regex.Pattern[str]", LazyPattern(pattern, flags))
