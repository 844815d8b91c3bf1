"""Helpers shared by tests that compare document outlines."""

from __future__ import annotations

from policydoc import PolicyDocument


def outline(doc: PolicyDocument) -> list[tuple[int, str, str, str]]:
    """(level, marker, title, text) for every body section, depth first."""
    return [(s.level, s.marker, s.title, s.text) for s in doc.walk()]
