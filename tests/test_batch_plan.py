"""Planning a batch: every input gets its own output, predictably (issue 13)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from policydoc.batch import plan

NAMES = st.sampled_from(["n.pdf", "n.PDF", "n.html", "n.txt", "n.pdf.txt", "n.pdf.2", "n", "N.pdf"])
FOLDERS = st.sampled_from(["", "a", "b", "a/b"])


@given(st.lists(st.tuples(FOLDERS, FOLDERS, NAMES), max_size=12))
def test_no_two_inputs_share_an_output(inputs):
    found = [(f"/in/{where}/{rel}/{name}", Path(rel) / name) for where, rel, name in inputs]
    jobs, _ = plan(found, "/out")
    outputs = [job.output.casefold() for job in jobs]
    assert len(outputs) == len(set(outputs))
    assert len(jobs) == len({Path(source).resolve() for source, _ in found})  # the same input once


def test_output_names_keep_the_input_name():
    found = [(f"/in/{name}", Path(name)) for name in ("notice.pdf", "notice.html", "notice.txt", "sub/x.pdf.txt")]
    jobs, renamed = plan(found, "/out")
    assert [job.output for job in jobs] == [
        "/out/notice.pdf.json",
        "/out/notice.html.json",
        "/out/notice.txt.json",
        "/out/sub/x.pdf.txt.json",
    ]
    assert renamed == []


def test_urls_are_joined_as_urls():
    jobs, _ = plan([("/in/a/n.pdf", Path("a/n.pdf"))], "s3://bucket/json/")
    assert jobs[0].output == "s3://bucket/json/a/n.pdf.json" and jobs[0].tmp_dir is None
