"""One file, many documents: compilations, a handbook of regulations, a decision with
its revised text, and a gazette issue rendered by the tests (``policydoc.parse_all``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import policydoc
from policydoc.api import _load, _read_blocks

from .conftest import SEED_HTML, SEED_TEXT, SHARED, needs_shared
from .outline import outline
from .render_pdf import render

COMPILATIONS = SHARED / "compilations"
CORPUS = SHARED / "corpus"


@needs_shared
def test_compilation_splits_into_the_items_of_its_table_of_contents():
    with (COMPILATIONS / "neijiang-fanxiang-huibian.docs.tsv").open(encoding="utf-8") as tsv:
        expected = list(csv.DictReader(tsv, delimiter="\t"))
    collection = policydoc.parse_all(COMPILATIONS / "neijiang-fanxiang-huibian.txt")
    assert collection.title == "内江市返乡下乡创业政策汇编"
    assert len(collection.toc) == len(expected) == 18
    assert [d.title for d in collection.documents] == [row["title"] for row in expected]
    assert [d.part.first.line for d in collection.documents] == [int(row["first_line_txt"]) for row in expected]
    # Inner headings restart at 一、 in every item; item 十四 keeps its own 一…十八 list.
    assert all(d.sections[0].marker == "一、" for d in collection.documents)
    assert len(collection.documents[13].sections) == 18


@needs_shared
def test_handbook_splits_into_its_regulations():
    collection = policydoc.parse_all(CORPUS / "pdf" / "hdu-xinxi-gongcheng-xueyuan-xuesheng-shouce-2025.pdf")
    assert len(collection.toc) == 31 and len(collection.documents) == 31
    pages = [d.part.first.page for d in collection.documents]
    assert pages == sorted(pages) and pages[0] == 4
    for doc in collection.documents:
        # No document holds the start of the next: chapters and articles never restart inside one.
        for style in ("chapter", "article"):
            ordinals = [s.ordinal for s in doc.walk() if s.style == style and s.level == 1]
            assert ordinals == sorted(set(ordinals)), (doc.title, style)
        if doc.part.toc_entry is not None:
            entry = collection.toc[doc.part.toc_entry]
            assert doc.title.startswith(entry.title), (doc.title, entry.title)
    # Two TOC entries differ from their printed titles; the title evidence still splits them off.
    untitled = [d.title for d in collection.documents if d.part.toc_entry is None]
    assert untitled == [
        "杭州电子科技大学信息工程学院学生校解除处分管理办法（试行）",
        "杭州电子科技大学信息工程学院学士学位授予工作细则",
    ]


@needs_shared
def test_decision_and_the_revised_regulation_are_two_linked_documents():
    collection = policydoc.parse_all(CORPUS / "regulation" / "jiangxi-liudong-renkou-banfa-xiugai-jueding-ling223.html")
    decision, revised = collection.documents
    assert "修改《江西省流动人口服务和管理办法》的决定" in decision.metadata.title
    assert [s.marker for s in decision.sections][-1] == "十九、"
    assert revised.title == "江西省流动人口服务和管理办法"
    assert [s.ordinal for s in revised.sections] == list(range(1, 33))
    assert decision.part.amends == 1 and revised.part.part_of == 0


@pytest.mark.parametrize("path", [SEED_HTML, SEED_TEXT], ids=lambda p: p.name)
def test_a_file_holding_one_document_is_unchanged(path):
    collection = policydoc.parse_all(path)
    assert len(collection.documents) == 1 and collection.toc == []
    assert collection.documents[0] == policydoc.parse(path)


def test_a_notice_enclosing_its_regulation_stays_one_document():
    text = "\n".join(
        [
            "某市人民政府关于印发《某市河道管理办法》的通知",
            "各区人民政府：",
            "现将《某市河道管理办法》印发给你们，请认真贯彻执行。",
            "某市人民政府",
            "2024年3月1日",
            "某市河道管理办法",
            "第一章　总则",
            "第一条　为了加强河道管理，制定本办法。",
            "第二条　本办法适用于本市行政区域内的河道。",
        ]
    )
    assert len(policydoc.parse_all(text).documents) == 1


# A gazette issue: a 目录 page, then each document from a new page.
GAZETTE = [
    "govhtml/jiangxi-yingyouer-zhaohu-fuwu-2019.html",
    "govhtml/govcn-guofa-2019-4-zhiye-jiaoyu-gaige-fangan.html",
    "regulation/gz-laonianren-zhucan-peican-banfa-2024.html",
]


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    """A corpus document as a gazette prints it: its title (a web page may state it only in
    its metadata grid), then its paragraphs."""
    data, name = _load(path, 10**8)
    _, blocks = _read_blocks(data, name, None, 1000)
    paragraphs = [("title" if b.align == "center" else "para", b.text) for b in blocks if b.kind == "para"]
    title = policydoc.parse(path).metadata.title
    printed = "".join(text for _, text in paragraphs[:3])
    return paragraphs if printed.startswith(title) else [("title", title), *paragraphs]


@needs_shared
def test_rendered_gazette_issue_splits_back_into_its_documents(tmp_path):
    docs = [_paragraphs(CORPUS / name) for name in GAZETTE]
    titles = [policydoc.parse(CORPUS / name).metadata.title for name in GAZETTE]  # as the 目录 lists them
    alone = []
    for n, paragraphs in enumerate(docs):
        pages = render(paragraphs, tmp_path / f"alone{n}.pdf")
        alone.append((policydoc.parse(tmp_path / f"alone{n}.pdf"), pages))
    toc: list[tuple[str, str]] = [("title", "目录")]
    page = 2
    for title, (_, pages) in zip(titles, alone, strict=True):
        toc.append(("para", f"{title}……{page}"))
        page += pages
    issue = [("title", "某省人民政府公报"), ("title", "2024年第1期"), ("break", ""), *toc]
    for paragraphs in docs:
        issue += [("break", ""), *paragraphs]
    render(issue, tmp_path / "gazette.pdf")
    collection = policydoc.parse_all(tmp_path / "gazette.pdf")
    assert len(collection.documents) == len(GAZETTE)
    for doc, (single, _) in zip(collection.documents, alone, strict=True):
        assert outline(doc) == outline(single)
        assert doc.metadata.doc_number == single.metadata.doc_number


@needs_shared
def test_collection_json_validates_against_the_published_schema():
    import json

    from jsonschema import Draft202012Validator

    from .conftest import ROOT

    schema = json.loads((ROOT / "schemas" / "policydoc.schema.json").read_text(encoding="utf-8"))
    collection = policydoc.parse_all(COMPILATIONS / "neijiang-fanxiang-huibian.txt")
    validator = Draft202012Validator({"$ref": "#/$defs/Collection", "$defs": schema["$defs"]})
    assert [e.message for e in validator.iter_errors(json.loads(collection.model_dump_json()))] == []
