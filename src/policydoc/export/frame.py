"""Documents, tasks, targets and quantities of many documents as tables.

pandas is the optional ``[notebook]`` extra; the ``*_rows`` functions give the same
rows as dicts without it. Columns are ordered for ``df.head()``: short columns
first, long text (titles, sentences, paths) last. Numbers stay numbers: counts and
years are integers, and ``low``/``high`` become pandas' nullable ``Int64`` when every
value in the column is integral (4000万人 → 40000000, not 40000000.0); a column with
a fraction (3.5%) stays float, since one dtype holds a column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Collection, PolicyDocument, Provenance, Section, Target

Docs = PolicyDocument | Collection | Iterable[PolicyDocument]

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


DOCUMENT_COLUMNS = (
    "format",
    "doc_number",
    "date",
    "sections",
    "tasks",
    "targets",
    "quantities",
    "annexes",
    "references",
    "issuer",
    "title",
    "source",
)

TASK_COLUMNS = ("doc_number", "marker", "title", "group", "page", "line", "element", "doc_title", "text")

# Integer columns that may hold nulls (a date-less period, a task without provenance).
NULLABLE_INTS = ("period_start", "period_end", "page", "line", "element")


def _documents(docs: Docs) -> Iterator[PolicyDocument]:
    if isinstance(docs, PolicyDocument):
        yield docs
    elif isinstance(docs, Collection):  # a pydantic model iterates over its fields, not its documents
        yield from docs.documents
    else:
        yield from docs


def targets_rows(docs: Docs) -> list[dict[str, Any]]:
    """One row per target across ``docs``."""
    return [_row(doc, t) for doc in _documents(docs) for t in doc.targets]


def quantities_rows(docs: Docs) -> list[dict[str, Any]]:
    """One row per quantity (every kind) across ``docs``, with its ``kind``."""
    return [{**_row(doc, q), "kind": q.kind} for doc in _documents(docs) for q in doc.quantities]


def documents_rows(docs: Docs) -> list[dict[str, Any]]:
    """One row per document: where it came from, its metadata, and how much of each part it has."""
    rows = []
    for doc in _documents(docs):
        m = doc.metadata
        rows.append(
            {
                "format": doc.source.format,
                "doc_number": m.doc_number,
                "date": m.date.isoformat() if m.date else None,
                "sections": sum(1 for _ in doc.walk()),
                "tasks": len(doc.tasks),
                "targets": len(doc.targets),
                "quantities": len(doc.quantities),
                "annexes": len(doc.annexes),
                "references": len(doc.references),
                "issuer": "、".join(m.issuer),
                "title": doc.title or m.title,
                "source": doc.source.path,
            }
        )
    return rows


def tasks_rows(docs: Docs) -> list[dict[str, Any]]:
    """One row per task, with the page/line/element of the section it was read from."""
    rows = []
    for doc in _documents(docs):
        for task, where in zip(doc.tasks, _task_provenance(doc), strict=True):
            rows.append(
                {
                    "doc_number": doc.metadata.doc_number,
                    "marker": task.marker,
                    "title": task.title,
                    "group": task.group,
                    "page": where.page if where else None,
                    "line": where.line if where else None,
                    "element": where.element if where else None,
                    "doc_title": doc.title or doc.metadata.title,
                    "text": task.text,
                }
            )
    return rows


def _task_provenance(doc: PolicyDocument) -> list[Provenance | None]:
    """Each task's section's provenance. Tasks are leaf sections in reading order, but ``Task``
    carries no provenance (its JSON stays as it is), so each is found again in the tree: the
    next section after the previous task's with the same marker, title and text."""
    sections: list[Section] = list(doc.walk())
    out: list[Provenance | None] = []
    at = 0
    for task in doc.tasks:
        found = next(
            (
                i
                for i in range(at, len(sections))
                if (sections[i].marker, sections[i].title, sections[i].text) == (task.marker, task.title, task.text)
            ),
            None,
        )
        out.append(None if found is None else sections[found].provenance)
        at = at if found is None else found + 1
    return out


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


def targets_frame(docs: Docs) -> Any:
    """A pandas DataFrame with one row per target across ``docs``."""
    return _frame("targets_frame", targets_rows(docs), COLUMNS)


def quantities_frame(docs: Docs) -> Any:
    """A pandas DataFrame with one row per quantity across ``docs``; ``kind`` says which are targets."""
    return _frame("quantities_frame", quantities_rows(docs), QUANTITY_COLUMNS)


def documents_frame(docs: Docs) -> Any:
    """A pandas DataFrame with one row per document: format, number, date, part counts, issuer, title."""
    return _frame("documents_frame", documents_rows(docs), DOCUMENT_COLUMNS)


def tasks_frame(docs: Docs) -> Any:
    """A pandas DataFrame with one row per task: number, marker, title, group, provenance, text."""
    return _frame("tasks_frame", tasks_rows(docs), TASK_COLUMNS)


def _frame(name: str, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    pd = _pandas(name)
    df = pd.DataFrame(rows, columns=list(columns))
    for column in NULLABLE_INTS:
        if column in df:
            df[column] = df[column].astype("Int64")
    for column in ("low", "high"):
        if column in df and _integral(df[column]):
            df[column] = df[column].round().astype("Int64")
    return df


def _integral(values: Any) -> bool:
    known = values.dropna()
    return bool(((known % 1) == 0).all())


def _pandas(name: str) -> Any:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(f"{name} needs pandas: pip install 'policydoc[notebook]'") from None
    return pd
