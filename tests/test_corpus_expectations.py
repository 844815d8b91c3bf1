"""Compact expectations for the corpus documents, which the repository may not copy.

Each corpus document under ``../shared/corpus`` has an expectation in
``tests/expected/corpus/`` that keeps regression value without its text: the outline
as ``level marker first-12-characters-of-title``, the metadata fields, and the numbers
of sections, targets, quantities of each kind and annexes. Regenerate on purpose only, like the golden files:
``pytest tests/test_corpus_expectations.py --update-golden``, then review the diff.
"""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT, SHARED, needs_shared, parsed

CORPUS = SHARED / "corpus"
EXPECTED = ROOT / "tests" / "expected" / "corpus"
DOCUMENTS = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".tsv") if CORPUS.is_dir() else []
TITLE_PREFIX = 12


def compact(doc) -> dict:
    """What a corpus document's expectation holds: structure and facts, no running text."""
    meta = doc.metadata
    return {
        "format": doc.source.format,
        "metadata": {
            "title": meta.title,
            "issuer": meta.issuer,
            "doc_number": meta.doc_number,
            "date": meta.date.isoformat() if meta.date else None,
        },
        "sections": sum(1 for _ in doc.walk()),
        "targets": len(doc.targets),
        "quantities": {
            kind: sum(1 for q in doc.quantities if q.kind == kind) for kind in sorted({q.kind for q in doc.quantities})
        },
        "annexes": len(doc.annexes),
        "outline": [f"{s.level} {s.marker} {s.title[:TITLE_PREFIX]}".rstrip() for s in doc.walk()],
    }


@needs_shared
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_corpus_document_matches_its_expectation(path, update_golden):
    expected_file = EXPECTED / f"{path.relative_to(CORPUS)}.json"
    actual = compact(parsed(path))
    if update_golden:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert expected_file.exists(), f"no expectation for {path.name}: run pytest --update-golden and review it"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    # Compare piecewise so that a failure names what changed rather than dumping both.
    for key in ("format", "metadata", "sections", "targets", "quantities", "annexes"):
        assert actual[key] == expected[key], key
    assert actual["outline"] == expected["outline"]
