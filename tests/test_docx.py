"""Word documents: the seed as DOCX gives the seed's tree; what the reader keeps and drops."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import policydoc
from policydoc.api import detect_format
from policydoc.cli import app
from policydoc.errors import UnsupportedFormatError
from policydoc.readers.docx import lines_of, read_docx, read_paragraphs

from .outline import outline
from .render_docx import SEED_NUMBERING, W_NS, build_seed_docx, package, paragraph, styles_xml


@pytest.fixture(scope="module", params=[True, False], ids=["auto-numbered", "typed-markers"])
def seed_docx(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "seed.docx"
    return build_seed_docx(path, auto_numbering=request.param)


def _no_provenance(value):
    """A model dump without provenance: a line in a text file is a paragraph index in a DOCX."""
    if isinstance(value, list):
        return [_no_provenance(v) for v in value]
    if isinstance(value, dict):
        return {k: _no_provenance(v) for k, v in value.items() if k != "provenance"}
    return value


def test_seed_docx_gives_the_seed_outline_metadata_and_targets(seed_docx: Path, seed_text):
    doc = policydoc.parse(seed_docx)
    assert doc.source.format == "docx"
    assert outline(doc) == outline(seed_text)
    assert doc.metadata == seed_text.metadata
    assert doc.targets == seed_text.targets
    assert (doc.title, doc.cover, doc.preamble) == (seed_text.title, seed_text.cover, seed_text.preamble)
    assert doc.principles == seed_text.principles
    assert [t.title for t in doc.tasks] == [t.title for t in seed_text.tasks]


def test_seed_docx_keeps_the_annex_numbered_from_one_again(seed_docx: Path, seed_text):
    doc = policydoc.parse(seed_docx)
    assert _no_provenance([a.model_dump() for a in doc.annexes]) == _no_provenance(
        [a.model_dump() for a in seed_text.annexes]
    )
    assert [s.marker for s in doc.annexes[0].sections][:2] == ["一、", "二、"]


def test_seed_docx_bytes_are_reproducible(tmp_path: Path):
    a = build_seed_docx(tmp_path / "a.docx", auto_numbering=True).read_bytes()
    b = build_seed_docx(tmp_path / "b.docx", auto_numbering=True).read_bytes()
    assert a == b


def test_auto_numbered_seed_has_no_marker_in_its_text(tmp_path: Path):
    path = build_seed_docx(tmp_path / "auto.docx", auto_numbering=True)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "一、指导思想" not in body and "（一）坚持" not in body and ">1.健全" not in body
    numbered = [p for p in read_paragraphs(path.read_bytes()) if p.marker]
    tasks = [p.marker for p in numbered if p.style == "Normal"]
    assert tasks == [f"{n}." for n in range(1, 21)]


def test_footer_page_numbers_stay_out(seed_docx: Path):
    assert "— 1 —" not in policydoc.parse(seed_docx).model_dump_json()


def test_sections_point_back_to_their_paragraph(seed_docx: Path):
    doc = policydoc.parse(seed_docx)
    paragraphs = read_paragraphs(seed_docx.read_bytes())
    first = doc.sections[0]
    assert first.provenance.element is not None
    assert paragraphs[first.provenance.element].text.endswith("指导思想")


# --- what the reader keeps and drops ------------------------------------------------------


def _read(tmp_path: Path, body: str, **kw) -> list[str]:
    data = package(tmp_path / "t.docx", body, **kw).read_bytes()
    return [b.text for b in read_docx(data).blocks]


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _cell(text: str) -> str:
    return f"<w:tc><w:p>{_run(text)}</w:p></w:tc>"


READER_CASES = [
    (
        "tracked insertions kept, deletions dropped",
        f"<w:p>{_run('各地要')}<w:ins w:id='1' w:author='a'>{_run('切实')}</w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>认真</w:delText></w:r></w:del>"
        f"{_run('抓好落实。')}</w:p>",
        ["各地要切实抓好落实。"],
    ),
    (
        "a moved paragraph appears once, where it was moved to",
        f"<w:p><w:moveFrom w:id='1' w:author='a'>{_run('旧位置')}</w:moveFrom>"
        f"<w:moveTo w:id='2' w:author='a'>{_run('新位置')}</w:moveTo></w:p>",
        ["新位置"],
    ),
    (
        "a complex field shows its result, not its code",
        f"<w:p>{_run('详见')}<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText xml:space='preserve'> HYPERLINK \"http://www.example.gov.cn\" </w:instrText></w:r>"
        f"<w:r><w:fldChar w:fldCharType='separate'/></w:r>{_run('政府网站')}"
        f"<w:r><w:fldChar w:fldCharType='end'/></w:r>{_run('。')}</w:p>",
        ["详见政府网站。"],
    ),
    (
        "simple fields and hyperlinks keep their display text",
        f"<w:p><w:fldSimple w:instr=' DATE '>{_run('2021年6月30日')}</w:fldSimple></w:p>"
        f"<w:p><w:hyperlink w:anchor='x'>{_run('附件')}</w:hyperlink>{_run('见后')}</w:p>",
        ["2021年6月30日", "附件见后"],
    ),
    (
        "hidden text, comment anchors and footnote references add nothing",
        "<w:p><w:commentRangeStart w:id='0'/>"
        f"{_run('正文')}<w:commentRangeEnd w:id='0'/><w:r><w:commentReference w:id='0'/></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        f"<w:r><w:footnoteReference w:id='1'/></w:r>{_run('继续。')}</w:p>",
        ["正文继续。"],
    ),
    (
        "ruby text (a phonetic guide) is not read; its base is",
        f"<w:p><w:r><w:ruby><w:rt>{_run('pīn')}</w:rt><w:rubyBase>{_run('拼')}</w:rubyBase></w:ruby></w:r></w:p>",
        ["拼"],
    ),
    (
        "a table row deleted with tracked changes is gone",
        f"<w:tbl><w:tr>{_cell('保留')}{_cell('行')}</w:tr>"
        f"<w:tr><w:trPr><w:del w:id='3' w:author='a'/></w:trPr>{_cell('删除')}{_cell('行')}</w:tr></w:tbl>",
        ["保留\t行"],
    ),
    (
        "content controls are looked into",
        f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{_run('控件里的段落')}</w:p></w:sdtContent></w:sdt>",
        ["控件里的段落"],
    ),
    (
        "empty paragraphs give no block",
        f"<w:p/><w:p>{_run('  ')}</w:p><w:p>{_run('有字')}</w:p>",
        ["有字"],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in READER_CASES], ids=[c[0] for c in READER_CASES])
def test_reader_keeps_what_word_shows(tmp_path: Path, body: str, expected: list[str]):
    assert _read(tmp_path, body) == expected


def test_data_table_rows_are_table_blocks(tmp_path: Path):
    body = (
        f"<w:p>{_run('表前段落')}</w:p>"
        f"<w:tbl><w:tr>{_cell('指标')}{_cell('目标值')}</w:tr><w:tr>{_cell('新增技能人才')}{_cell('4000万人')}</w:tr></w:tbl>"
        f"<w:p>{_run('表后段落')}</w:p>"
    )
    blocks = read_docx(package(tmp_path / "t.docx", body).read_bytes()).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("para", "表前段落"),
        ("table", "指标\t目标值"),
        ("table", "新增技能人才\t4000万人"),
        ("para", "表后段落"),
    ]


def test_one_column_table_is_a_frame_around_paragraphs(tmp_path: Path):
    body = f"<w:tbl><w:tr><w:tc><w:p>{_run('一、总体要求')}</w:p><w:p>{_run('正文。')}</w:p></w:tc></w:tr></w:tbl>"
    blocks = read_docx(package(tmp_path / "t.docx", body).read_bytes()).blocks
    assert [(b.kind, b.text) for b in blocks] == [("para", "一、总体要求"), ("para", "正文。")]


def test_paragraph_style_alignment_and_outline_level_come_through_basedon(tmp_path: Path):
    body = paragraph("标题", style="DocTitle") + paragraph("指导思想", style="Heading2Cn") + paragraph("正文")
    data = package(tmp_path / "t.docx", body, numbering=SEED_NUMBERING, styles=styles_xml(numbered=True)).read_bytes()
    title, heading, para = read_paragraphs(data)
    assert (title.style, title.align, title.outline_level, title.marker) == ("Title", "center", None, None)
    # Heading2Cn names only ilvl 1; the list (numId 1) comes from the style it is based on.
    assert (heading.style, heading.outline_level, heading.marker, heading.text) == (
        "heading 2",
        1,
        "（一）",
        "（一）指导思想",
    )
    assert (para.style, para.marker, para.index) == ("Normal", None, 2)


def test_direct_numpr_zero_switches_the_style_numbering_off(tmp_path: Path):
    off = '<w:p><w:pPr><w:pStyle w:val="Heading1Cn"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
    body = (
        paragraph("总体要求", style="Heading1Cn")
        + off
        + _run("不编号")
        + "</w:p>"
        + paragraph("主要任务", style="Heading1Cn")
    )
    data = package(tmp_path / "t.docx", body, numbering=SEED_NUMBERING, styles=styles_xml(numbered=True)).read_bytes()
    assert [b.text for b in read_docx(data).blocks] == ["一、总体要求", "不编号", "二、主要任务"]


# --- detection and bad input --------------------------------------------------------------


def test_docx_is_detected_by_content_whatever_its_name(tmp_path: Path, seed_text):
    path = build_seed_docx(tmp_path / "seed.bin", auto_numbering=True)
    assert detect_format(path.read_bytes()) == "docx"
    assert outline(policydoc.parse(path.read_bytes())) == outline(seed_text)


def test_strict_ooxml_reads_like_transitional(tmp_path: Path):
    path = package(
        tmp_path / "t.docx",
        paragraph("总体要求", style="Heading1Cn"),
        numbering=SEED_NUMBERING,
        styles=styles_xml(numbered=True),
    )
    strict = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(strict, "w") as dst:
        for name in src.namelist():
            dst.writestr(
                name, src.read(name).replace(W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            )
    assert [b.text for b in read_docx(strict.getvalue()).blocks] == ["一、总体要求"]


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path: Path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError):
        policydoc.parse(buf.getvalue())


@pytest.mark.parametrize(
    ("part", "content"),
    [("word/document.xml", b"<w:document><w:body>"), ("word/numbering.xml", b"not xml")],
    ids=["broken document.xml", "broken numbering.xml"],
)
def test_damaged_parts_are_a_clear_error(tmp_path: Path, part: str, content: bytes):
    good = package(tmp_path / "t.docx", f"<w:p>{_run('正文')}</w:p>").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, content if name == part else src.read(name))
    with pytest.raises(UnsupportedFormatError, match=part):
        policydoc.parse(buf.getvalue())


def test_truncated_docx_is_a_clear_error(tmp_path: Path):
    data = package(tmp_path / "t.docx", f"<w:p>{_run('正文' * 500)}</w:p>").read_bytes()
    with pytest.raises(policydoc.PolicyDocError):
        policydoc.parse(data[: len(data) // 2])


def test_convert_picks_up_word_files_in_a_folder(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    build_seed_docx(src / "notice.docx", auto_numbering=True)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["convert", str(src), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert (out / "notice.docx.json").exists()


@pytest.fixture(scope="module")
def small_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    body = paragraph("总体要求", style="Heading1Cn") + paragraph("各地要抓好落实。") * 20
    path = tmp_path_factory.mktemp("small") / "s.docx"
    return package(path, body, numbering=SEED_NUMBERING, styles=styles_xml(numbered=True)).read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=5))
def test_damaged_docx_bytes_give_a_policydoc_error_or_a_document(small_docx: bytes, damage):
    # Regression: a corrupted zip header raised NotImplementedError ("zip file version") from zipfile.
    data = bytearray(small_docx)
    for where, byte in damage:
        data[int(where * len(data))] = byte
    try:
        policydoc.parse(bytes(data))
    except policydoc.PolicyDocError:
        pass


def test_text_box_paragraphs_follow_their_anchor_once(tmp_path: Path):
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f"<w:txbxContent><w:p>{_run('框内文字')}</w:p></w:txbxContent>"
    body = (
        f'<w:p xmlns:mc="{mc}">{_run("锚定段落")}<w:r><mc:AlternateContent>'
        f"<mc:Choice Requires='wps'><w:drawing><wrapper>{box}</wrapper></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><wrapper>{box}</wrapper></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r></w:p><w:p>{_run('下一段')}</w:p>"
    )
    assert _read(tmp_path, body) == ["锚定段落", "框内文字", "下一段"]


SOFT_BREAKS = [
    (
        "a wrapped title is one line",
        "人力资源社会保障部关于印发\n“技能中国行动”实施方案的通知",
        ["人力资源社会保障部关于印发“技能中国行动”实施方案的通知"],
    ),
    ("signature and date are two lines", "人力资源社会保障部\n2021年6月30日", ["人力资源社会保障部", "2021年6月30日"]),
    ("a sentence end ends the line", "第一句话。\n第二句话。", ["第一句话。", "第二句话。"]),
    (
        "a numbered line starts a line",
        "各地要做好以下工作\n（一）加强领导。",
        ["各地要做好以下工作", "（一）加强领导。"],
    ),
    (
        "a break inside a sentence is closed up",
        "各地要加大技能人才\n工作投入力度。",
        ["各地要加大技能人才工作投入力度。"],
    ),
    ("Latin words keep their space", "see the\nannex", ["see the annex"]),
]


@pytest.mark.parametrize(("text", "lines"), [c[1:] for c in SOFT_BREAKS], ids=[c[0] for c in SOFT_BREAKS])
def test_manual_line_breaks(text: str, lines: list[str]):
    assert lines_of(text) == lines


def test_manual_line_break_in_a_docx_paragraph(tmp_path: Path):
    body = f"<w:p>{_run('人力资源社会保障部')}<w:r><w:br/></w:r>{_run('2021年6月30日')}</w:p>"
    assert _read(tmp_path, body) == ["人力资源社会保障部", "2021年6月30日"]


def test_nested_table_text_stays_in_its_cell(tmp_path: Path):
    inner = f"<w:tbl><w:tr>{_cell('内表甲')}{_cell('内表乙')}</w:tr></w:tbl>"
    rows = f"<w:tr>{_cell('项目')}<w:tc>{inner}<w:p/></w:tc></w:tr><w:tr>{_cell('第二行')}{_cell('值')}</w:tr>"
    body = f"<w:tbl>{rows}</w:tbl>"
    assert _read(tmp_path, body) == ["项目\t内表甲 内表乙", "第二行\t值"]  # cells apart by a tab (text.CELL_SEP)
