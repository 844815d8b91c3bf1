"""Targets of many documents as one table (pandas is the optional ``[notebook]`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import PolicyDocument

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


def targets_rows(docs: Iterable[PolicyDocument]) -> list[dict[str, Any]]:
    rows = []
    for doc in docs:
        m = doc.metadata
        for t in doc.targets:
            rows.append(
                {
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
            )
    return rows


def targets_frame(docs: PolicyDocument | Iterable[PolicyDocument]) -> Any:
    """A pandas DataFrame with one row per target across ``docs``."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("targets_frame needs pandas: pip install 'policydoc[notebook]'") from None
    if isinstance(docs, PolicyDocument):
        docs = [docs]
    return pd.DataFrame(targets_rows(docs), columns=list(COLUMNS))
