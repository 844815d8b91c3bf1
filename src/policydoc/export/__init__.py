"""Views of a PolicyDocument for people and tools: JSON, Markdown, HTML, DataFrame."""

from .frame import targets_frame, targets_rows
from .html import section_html, to_html
from .markdown import to_markdown

__all__ = ["section_html", "targets_frame", "targets_rows", "to_html", "to_markdown"]
