"""Helpers for the text-conservation checks: what a document says, in output order."""

from __future__ import annotations

from collections import Counter

from policydoc import PolicyDocument, Section
from policydoc.text import han_only

# How far back a line may be found and still count as in order: table cells that a
# PDF's text layer and its geometry order differently move by a few lines.
LOCAL_REORDER = 400


def _section_parts(sections: list[Section]) -> list[str]:
    parts: list[str] = []
    for s in sections:
        parts += [s.marker, s.title, s.text, *_section_parts(s.children), s.tail]
    return parts


def output_han(doc: PolicyDocument) -> str:
    """Every Chinese character the document carries, in output order."""
    parts = [*(doc.news.summary if doc.news else []), *doc.front, doc.cover, doc.preamble]
    parts += _section_parts(doc.sections)
    parts += doc.closing
    for annex in doc.annexes:
        parts += [annex.label, annex.title or "", annex.preamble, *_section_parts(annex.sections)]
    return han_only("".join(parts))


def missing(reference_lines: list[str], doc: PolicyDocument) -> tuple[Counter[str], list[str]]:
    """(Chinese characters lost, lines found only far out of order)."""
    out = output_han(doc)
    lost = Counter(han_only("".join(reference_lines))) - Counter(out)
    front = han_only("".join(doc.front))
    reordered = []
    pos = 0
    for line in reference_lines:
        han = han_only(line)
        if len(han) < 2 or han in front:  # the head is read out of order on purpose
            continue
        at = out.find(han, max(0, pos - LOCAL_REORDER))
        if at >= 0:
            pos = max(pos, at + len(han))
        elif han in out:
            reordered.append(line)
    return lost, reordered
