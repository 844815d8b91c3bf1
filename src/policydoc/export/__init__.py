"""Views of a PolicyDocument for people and tools: JSON, Markdown, HTML, DataFrame."""

from .frame import quantities_frame, quantities_rows, targets_frame, targets_rows
from .html import section_html, to_html
from .markdown import to_markdown

__all__ = [
    "quantities_frame",
    "quantities_rows",
    "section_html",
    "targets_frame",
    "targets_rows",
    "to_html",
    "to_markdown",
]
