"""samples/ holds the seeds and what tests/make_samples.py makes from them, nothing else."""

from __future__ import annotations

import pytest

import policydoc

from .conftest import SAMPLES, SEED_HTML, SEED_TEXT
from .make_samples import MAKERS
from .outline import outline


def test_samples_are_the_seeds_and_the_made_samples():
    assert {p.name for p in SAMPLES.iterdir()} == {SEED_HTML.name, SEED_TEXT.name, *MAKERS}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_committed_sample_is_what_the_maker_makes(name, tmp_path):
    """Regenerate with ``python -m tests.make_samples``; never edit a sample by hand."""
    fresh = tmp_path / name
    MAKERS[name](fresh)
    committed, remade = policydoc.parse(SAMPLES / name), policydoc.parse(fresh)
    assert outline(committed) == outline(remade)
    assert committed.metadata == remade.metadata and committed.targets == remade.targets


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_made_sample_gives_the_seeds_outline_metadata_and_targets(name, seed_html, seed_text):
    """The same notice gives the same tree from every format: PDF, OFD, DOCX (Word's numbering or typed)."""
    doc = policydoc.parse(SAMPLES / name)
    assert outline(doc) == outline(seed_html)
    assert doc.metadata == seed_text.metadata
    assert [(t.raw, t.low, t.high, t.unit) for t in doc.targets] == [
        (t.raw, t.low, t.high, t.unit) for t in seed_text.targets
    ]
