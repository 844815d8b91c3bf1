"""Gate: notices of the corpus list their measures as tasks (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest
import regex

from policydoc.roles import is_regulation

from .conftest import SHARED, parsed

NOTICE_TITLE = regex.compile(r"(?:通知|意见|方案|措施|计划)$")
FILES = (
    sorted(p for p in (SHARED / "corpus").rglob("*") if p.is_file() and p.suffix != ".tsv") if SHARED.is_dir() else []
)


def _is_notice(doc) -> bool:
    """通知/意见/方案/措施/计划 of at least 5 numbered sections, not made of articles."""
    titles = [t.strip('》”" ') for t in (doc.title, doc.metadata.title) if t]
    return (
        any(NOTICE_TITLE.search(t) for t in titles)
        and sum(1 for _ in doc.walk()) >= 5
        and not is_regulation(doc.sections)
    )


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repository")
def test_tasks_are_found_in_at_least_95_percent_of_notices():
    notices = [doc for doc in (parsed(p) for p in FILES) if _is_notice(doc)]
    without = [doc.source.path for doc in notices if not doc.tasks]
    assert len(notices) >= 10
    assert len(without) <= 0.05 * len(notices), without
