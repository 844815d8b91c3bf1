"""What an analyst sees in a notebook: the document and section views."""

from __future__ import annotations

import re


def test_document_view_shows_cover_preamble_and_marks_every_target(seed_html):
    html = seed_html._repr_html_()
    assert "为贯彻落实习近平总书记对技能人才工作的重要指示精神" in html  # the cover
    assert "技能是强国之基、立业之本" in html  # the preamble
    marked = re.findall(r"<mark title='[^']*'>([^<]+)</mark>", html)
    assert sorted(marked) == sorted(t.raw for t in seed_html.targets)


def test_section_view_is_its_subtree(seed_html):
    tasks = next(s for s in seed_html.sections if s.role == "tasks")
    html = tasks._repr_html_()
    assert html.startswith("<details") and "四、" in html
    assert all(f"<b>{c.marker}</b>" in html for c in tasks.children)
    assert "<b>一、</b>" not in html  # nothing outside the subtree
