"""What an engine hands to the layout: characters with their boxes, page by page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Char(NamedTuple):
    """One character as drawn: coordinates in points, ``top``/``bottom`` measured from the top of the page.

    ``size`` is the font size as drawn (the ``Tf`` operand scaled by the text matrix),
    ``bottom - top`` equals it; ``upright`` is False for rotated or vertical text.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool = True


@dataclass(slots=True)
class PageChars:
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
