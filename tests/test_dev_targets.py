"""Gate: targets on the dev gold set (../shared/gold), micro-averaged as ../shared/tools/score does.

A target matches a gold target on (low, high, unit); a gold file marked ``targets_partial``
counts toward recall only. Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter

import pytest

from .conftest import SHARED, parsed

GOLD = sorted((SHARED / "gold").glob("*.json")) if SHARED.is_dir() else []
MIN_PRECISION = MIN_F1 = 0.85


def _key(t: dict) -> tuple[float, float, str] | None:
    low, high = t.get("low"), t.get("high")
    high = low if high is None else high
    if low is None:
        return None
    unit = "".join(unicodedata.normalize("NFKC", t.get("unit") or "").split())
    return round(float(low), 6), round(float(high), 6), unit


@pytest.mark.skipif(not GOLD, reason="../shared/gold is not beside the repository")
def test_dev_set_targets_precision_and_f1():
    tp = fp = fn = 0
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "targets" not in gold or not (SHARED / gold["file"]).exists():
            continue
        expected = [*gold["targets"], *(t for a in gold.get("annexes", []) for t in a.get("targets", []))]
        want = Counter(k for k in map(_key, expected) if k)
        got = Counter(k for k in (_key(t.model_dump()) for t in parsed(SHARED / gold["file"]).targets) if k)
        hit = sum((want & got).values())
        tp += hit
        fn += sum(want.values()) - hit
        if not gold.get("targets_partial"):
            fp += sum(got.values()) - hit
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    assert tp > 0
    assert precision >= MIN_PRECISION and f1 >= MIN_F1, (precision, recall, f1)
