"""Views of a PolicyDocument for people and tools: JSON, Markdown, HTML, DataFrame."""

from ..model import provide
from .frame import (
    documents_frame,
    documents_rows,
    quantities_frame,
    quantities_rows,
    targets_frame,
    targets_rows,
    tasks_frame,
    tasks_rows,
)
from .html import section_html, to_html
from .markdown import to_markdown

# The model's to_markdown() and _repr_html_() methods (model.py cannot import this package).
provide("to_markdown", to_markdown)
provide("to_html", to_html)
provide("section_html", section_html)

__all__ = [
    "documents_frame",
    "documents_rows",
    "quantities_frame",
    "quantities_rows",
    "section_html",
    "targets_frame",
    "targets_rows",
    "tasks_frame",
    "tasks_rows",
    "to_html",
    "to_markdown",
]
