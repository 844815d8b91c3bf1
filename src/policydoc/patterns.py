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
    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern  # the source, readable without compiling (patterns are built from others)
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = regex.compile(self.pattern, self._flags)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, deferred to the pattern's first use."""
    return cast("regex.Pattern[str]", LazyPattern(pattern, flags))
