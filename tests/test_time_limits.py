"""Regression tests for inputs that once took seconds to minutes (found by the fuzz campaign)."""

from __future__ import annotations

import signal
import time

import pytest

import policydoc
from policydoc.docparts import without_markdown
from policydoc.errors import TooLargeError
from policydoc.readers.pdf import _page_deadline


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("# 某某办法", "某某办法"),
        ("- 第一项", "第一项"),
        ("**某某规定**", "某某规定"),
        ("**来源**: 某网站", "**来源**: 某网站"),  # a label, not a line in bold
        ("第一条 **重点**内容", "第一条 **重点**内容"),
    ],
)
def test_markdown_left_on_a_line_is_taken_off(line, plain):
    assert without_markdown(line) == plain


def test_a_long_head_line_is_read_in_linear_time():
    # A truncated page whose head is one long line (a JSON blob of 227,000 characters): the
    # Markdown-mark pattern tried a lookbehind back to the line start at every position (15 s).
    text = "DETAIL: {" + "某某通知内容，*" * 30_000 + "\n一、总则\n正文。\n"
    start = time.process_time()
    policydoc.parse(text)
    assert time.process_time() - start < 3


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_a_page_past_its_deadline_is_a_clear_error():
    with pytest.raises(TooLargeError, match="page 7 took more than"):
        with _page_deadline(0.2, 7, "x.pdf"):
            time.sleep(2)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_a_callers_pending_alarm_survives_the_page_deadline():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 5.0)
        with _page_deadline(1.0, 1, None):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 3.0 < remaining <= 5.0 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_band_of_a_justified_text_is_found_in_linear_time():
    # 150,000 lines of every width ending mid-sentence: the band's top was tried at every line,
    # each try slicing the sorted widths (7 s); the tops are the distinct widths, counted by bisection.
    from policydoc.readers.text import page_wrap

    lines = [(i, "字" * (10 + i % 51)) for i in range(150_000)]
    start = time.process_time()
    page_wrap(lines)
    assert time.process_time() - start < 3
