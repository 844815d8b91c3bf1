"""Whole-document golden files for the samples.

Regenerate on purpose only: ``pytest tests/test_golden.py --update-golden``, then
review the diff. A run with the flag set always fails, so it can never land as green.
"""

from __future__ import annotations

import json

import pytest

import policydoc

from .conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file())


def _snapshot(path) -> dict:
    data = policydoc.parse(path).model_dump(mode="json")
    data["source"]["path"] = path.name  # machine-independent
    return data


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_matches_golden(sample, update_golden):
    golden = GOLDEN / f"{sample.name}.json"
    actual = _snapshot(sample)
    if update_golden:
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file for {sample.name}: run pytest --update-golden and review it"
    assert actual == json.loads(golden.read_text(encoding="utf-8"))


def test_golden_update_flag_is_off(update_golden):
    assert not update_golden, "golden files were rewritten: review `git diff tests/golden`, then rerun without the flag"
