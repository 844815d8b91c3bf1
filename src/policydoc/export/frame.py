"""Targets and quantities of many documents as tables (pandas is the optional ``[notebook]`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import PolicyDocument, Target

COLUMNS = (
    "doc_title",
    "doc_number",
    "issuer",
    "date",
    "indicator",
    "low",
    "high",
    "unit",
    "qualifier",
    "raw",
    "period",
    "period_start",
    "period_end",
    "section",
    "in_table",
    "text",
    "source",
)


# quantities_frame: the targets' columns with the kind after the quantity's place.
QUANTITY_COLUMNS = (*COLUMNS[: COLUMNS.index("indicator")], "kind", *COLUMNS[COLUMNS.index("indicator") :])


def targets_rows(docs: Iterable[PolicyDocument]) -> list[dict[str, Any]]:
    """One row per target across ``docs``."""
    return [_row(doc, t) for doc in docs for t in doc.targets]


def quantities_rows(docs: Iterable[PolicyDocument]) -> list[dict[str, Any]]:
    """One row per quantity (every kind) across ``docs``, with its ``kind``."""
    return [{**_row(doc, q), "kind": q.kind} for doc in docs for q in doc.quantities]


def _row(doc: PolicyDocument, t: Target) -> dict[str, Any]:
    m = doc.metadata
    return {
        "doc_title": doc.title or m.title,
        "doc_number": m.doc_number,
        "issuer": "、".join(m.issuer),
        "date": m.date.isoformat() if m.date else None,
        "indicator": t.indicator,
        "low": t.low,
        "high": t.high,
        "unit": t.unit,
        "qualifier": t.qualifier,
        "raw": t.raw,
        "period": t.period.text if t.period else None,
        "period_start": t.period.start if t.period else None,
        "period_end": t.period.end if t.period else None,
        "section": t.section,
        "in_table": t.in_table,
        "text": t.text,
        "source": doc.source.path,
    }


def targets_frame(docs: PolicyDocument | Iterable[PolicyDocument]) -> Any:
    """A pandas DataFrame with one row per target across ``docs``."""
    pd = _pandas("targets_frame")
    if isinstance(docs, PolicyDocument):
        docs = [docs]
    return pd.DataFrame(targets_rows(docs), columns=list(COLUMNS))


def quantities_frame(docs: PolicyDocument | Iterable[PolicyDocument]) -> Any:
    """A pandas DataFrame with one row per quantity across ``docs``; ``kind`` says which are targets."""
    pd = _pandas("quantities_frame")
    if isinstance(docs, PolicyDocument):
        docs = [docs]
    return pd.DataFrame(quantities_rows(docs), columns=list(QUANTITY_COLUMNS))


def _pandas(name: str) -> Any:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(f"{name} needs pandas: pip install 'policydoc[notebook]'") from None
    return pd
