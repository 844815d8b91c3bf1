"""Real PDFs: geometry-based lines and paragraphs, page furniture, broken text layers."""

from __future__ import annotations

from pathlib import Path

import pytest

import policydoc

from .conftest import HANGZHOU_PDF, SICHUAN_PDF, needs_shared
from .make_samples import seed_pdf
from .outline import outline


@pytest.fixture(scope="module")
def rendered_seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The seed notice set as a GB/T 9704 PDF: 28 characters × 22 lines, page numbers."""
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    return path, seed_pdf(path)


def test_rendered_pdf_gives_the_seed_outline(rendered_seed, seed_html):
    path, pages = rendered_seed
    doc = policydoc.parse(path)
    assert doc.source.format == "pdf" and doc.source.pages == pages > 10
    assert outline(doc) == outline(seed_html)
    assert doc.preamble == seed_html.preamble
    assert doc.metadata.doc_number == "人社部发〔2021〕48号"


def test_rendered_pdf_page_numbers_are_dropped_and_breaks_rejoined(rendered_seed):
    path, _ = rendered_seed
    doc = policydoc.parse(path)
    everything = doc.model_dump_json()
    assert "— 3 —" not in everything and "—3—" not in everything
    # Every section text is whole sentences: page breaks fell mid-sentence and were joined.
    for section in doc.walk():
        if section.text:
            assert section.text.endswith("。"), section.marker


def test_rendered_pdf_keeps_the_annex(rendered_seed):
    path, _ = rendered_seed
    [annex] = policydoc.parse(path).annexes
    assert annex.title == "“技能中国行动”2021-2022年重点工作安排"
    assert len(annex.sections) == 10


@pytest.fixture(scope="module")
def sichuan():
    if not SICHUAN_PDF.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    return policydoc.parse(SICHUAN_PDF)


def test_digits_in_another_font_go_back_into_their_sentence(sichuan):
    first = sichuan.sections[0].children[0]
    assert "由30万元提高至50万元、小微企业申请额度由400万元提高至600万元" in first.text
    assert "3—10万元" in first.text or "3-10万元" in first.text


def test_misencoded_punctuation_is_repaired(sichuan):
    everything = sichuan.model_dump_json()
    for bad in "ꎬꎮꎻ«»":
        assert bad not in everything
    assert sichuan.metadata.title == "四川省人民政府办公厅关于印发《支持创业带动就业的若干政策措施》的通知"
    assert "低于5.5%的企业" in everything


def test_half_width_numbering_with_inner_space_is_recognized(sichuan):
    assert [s.marker for s in sichuan.sections] == ["一、", "二、", "三、", "四、"]
    items = [c for s in sichuan.sections for c in s.children]
    assert [c.ordinal for c in items] == list(range(1, 16))  # (一)…(十五) run on across sections


def test_split_date_and_doc_number_are_read(sichuan):
    assert sichuan.metadata.doc_number == "川办规〔2025〕6号"
    assert str(sichuan.metadata.date) == "2025-04-30"


@needs_shared
def test_red_header_pdf_front_and_body(tmp_path):
    doc = policydoc.parse(HANGZHOU_PDF)
    assert doc.metadata.doc_number == "杭政办函〔2025〕16号"
    assert doc.title == "杭州市加快推进全国足球发展重点城市建设若干措施"
    assert len(doc.sections) == 10
    assert [c.ordinal for s in doc.sections for c in s.children] == list(range(1, 26))
    first = doc.sections[0].children[0]
    assert first.title == "加强足球工作组织领导"
    # A responsibility note split over two lines stays one paragraph.
    assert "[市体育局，各区、县（市）政府，列第一位的为牵头单位，下同]" in first.text
    assert "— 1 —" not in doc.model_dump_json()
