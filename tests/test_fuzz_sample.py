"""A small fixed-seed sample of the mutation fuzz (benchmarks/fuzz.py): nothing escapes parse().

The full campaign (≥ 100,000 inputs) runs by hand; this sample guards the harness itself and
catches a regression that lets a library exception or an unserializable document through.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUZZ_FIXTURES = ROOT.parent / "shared" / "fuzz"


def _harness():
    spec = importlib.util.spec_from_file_location("policydoc_fuzz", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_fixed_seed_fuzz_sample_has_no_escapes(tmp_path):
    fuzz = _harness()
    seeds = [ROOT / "samples"]
    if FUZZ_FIXTURES.exists():
        seeds.append(FUZZ_FIXTURES)
    campaign = fuzz.run(
        500,
        seed=11,
        jobs=2,
        time_limit=20.0,  # generous: CI machines are shared; the campaign uses 5 s
        seed_dirs=seeds,
        max_pdf_bytes=50_000,  # the samples' 300 KB PDFs cost seconds per input; small PDFs carry the edits
        out=tmp_path,
        keep_results=True,
    )
    assert campaign.inputs == 500
    assert campaign.outcomes["ok"] > 250, campaign.outcomes  # the mutations leave most inputs readable
    failures = [r for r in campaign.results if r.outcome not in ("ok", "error")]
    assert not failures, fuzz.report(campaign)


def test_inputs_are_reproducible_from_their_number():
    fuzz = _harness()
    seeds = [*fuzz.load_seeds([ROOT / "samples"]), fuzz.Seed("generated/small.pdf", fuzz.build_pdf(), True)]
    assert [fuzz.make_input(seeds, 11, i).data for i in range(20)] == [
        fuzz.make_input(seeds, 11, i).data for i in range(20)
    ]
    assert fuzz.make_input(seeds, 11, 3).data != fuzz.make_input(seeds, 12, 3).data
