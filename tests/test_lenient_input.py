"""Input from the wild: damaged bytes, other encodings, odd front matter, text mistaken for a path.

Each case gives a document (with a warning saying what was repaired or guessed) or a
PolicyDocError, never a library exception and never a silent loss of the whole notice.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policydoc
from policydoc import PolicyDocError, UnreadableFileError
from policydoc.readers.encoding import decode_text
from policydoc.validate import check_document

FUZZ = Path(__file__).resolve().parents[2] / "shared" / "fuzz"

NOTICE = (
    "某某省人民政府办公厅关于印发某某行动方案的通知\n"
    "某政办发〔2024〕12号\n"
    "各市、县人民政府，省政府各部门：\n"
    "现将《某某行动方案》印发给你们，请认真贯彻执行。\n"
    "一、总体要求\n"
    "（一）工作目标。到2025年，新增就业岗位10万个以上。\n"
    "二、重点任务\n"
    "（一）加强技能培训。每年培训5000人次。\n"
)
TRADITIONAL = (
    "某某縣人民政府關於印發某某行動方案的通知\n"
    "各鄉鎮人民政府，縣政府各部門：\n"
    "現將《某某行動方案》印發給你們，請認真貫徹執行。\n"
    "一、總體要求\n"
    "到2025年，新增就業崗位一萬個以上。\n"
    "二、重點任務\n"
    "加強技能培訓，每年培訓五千人次。\n"
)


def _codes(doc: policydoc.PolicyDocument) -> list[str]:
    return [w.code for w in doc.warnings]


# --- str: content or path --------------------------------------------------------------------


@pytest.mark.parametrize("length", [256, 300, 1024, 1025, 5000])
def test_long_single_line_str_is_content_not_a_path(length):
    text = ("国务院关于印发通知" * 600)[:length]  # no line break, no markup: once taken for a path
    try:
        doc = policydoc.parse(text)
    except PolicyDocError:
        return
    assert doc.source.path is None


def test_str_with_nul_is_content():
    with pytest.raises(PolicyDocError):
        policydoc.parse("\x00" * 10)


def test_overlong_path_object_is_an_unreadable_file(tmp_path):
    with pytest.raises(UnreadableFileError, match="cannot be read"):
        policydoc.parse(tmp_path / ("长" * 200))


def test_short_str_is_still_a_path(tmp_path):
    with pytest.raises(UnreadableFileError, match="no such file"):
        policydoc.parse(str(tmp_path / "missing.txt"))


def test_str_with_lone_surrogate_is_read_not_raised():
    doc = policydoc.parse(NOTICE + "\ud800\n")
    assert doc.metadata.doc_number == "某政办发〔2024〕12号"


# --- damaged bytes -----------------------------------------------------------------------------


def test_one_stray_byte_keeps_the_notice_and_reports_the_offset():
    data = NOTICE.encode("utf-8")
    at = data.index("各市".encode())
    damaged = data[:at] + b"\xff" + data[at:]
    doc = policydoc.parse(damaged)
    assert doc.metadata.doc_number == "某政办发〔2024〕12号"
    assert "\ufffd各市" in doc.metadata.addressees[0]
    assert _codes(doc) == ["W001"]
    assert f"offset {at}" in doc.warnings[0].message


def test_file_cut_inside_its_last_character_keeps_the_rest():
    data = NOTICE.rstrip("\n").encode("utf-8")[:-1]  # inside 。
    doc = policydoc.parse(data)
    assert [s.marker for s in doc.sections] == ["一、", "二、"]
    assert "W001" in _codes(doc)
    assert "2 undecodable bytes" in doc.warnings[0].message


def test_truncated_gb18030_keeps_the_rest():
    data = NOTICE.rstrip("\n").encode("gb18030")[:-1]
    doc = policydoc.parse(data)
    assert [s.marker for s in doc.sections] == ["一、", "二、"]
    assert _codes(doc) == ["W001"]


def test_valid_utf8_and_gb18030_need_no_warning():
    for encoding in ("utf-8", "gb18030"):
        doc = policydoc.parse(NOTICE.encode(encoding))
        assert doc.warnings == [], encoding
        assert doc.metadata.doc_number == "某政办发〔2024〕12号"


def test_warnings_reach_validate():
    doc = policydoc.parse(NOTICE.encode("utf-8") + b"\xff\n")
    found = check_document(doc)
    assert any(d.code == "W001" and d.severity == "warning" for d in found)


# --- other encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"]
)
def test_wide_unicode_with_or_without_bom_is_text(encoding):
    doc = policydoc.parse(NOTICE.encode(encoding))
    assert doc.metadata.doc_number == "某政办发〔2024〕12号"
    assert [s.marker for s in doc.sections] == ["一、", "二、"]


def test_big5_is_detected_and_reported():
    doc = policydoc.parse(TRADITIONAL.encode("big5"))
    assert doc.metadata.title == "某某縣人民政府關於印發某某行動方案的通知"
    assert "W002" in _codes(doc)
    assert "big5" in doc.warnings[0].message


# --- Sina / Hexo front matter of other shapes ----------------------------------------------------

BODY = "<div><p>　　某某厅关于印发某方案的通知</p><p>　　一、总体要求</p><p>　　到2025年，完成目标。</p></div>\n"


@pytest.mark.parametrize(
    ("front", "field", "value", "codes"),
    [
        ("title: 某方案\ncategories: 金融", "categories", ["金融"], []),
        ("title: 某方案\ncategories: [金融, 政策]", "categories", ["金融", "政策"], []),
        ("title: 某方案\ncategories:\n - [金融, 政策]", "categories", ["金融", "政策"], []),
        ("title:\n - 某方案\n - 另一个", "title", "某方案", ["W003"]),
        ("title: 某方案\ndate:\n - 2022-01-01", "published_at", "2022-01-01", ["W003"]),
        ("title: 某方案\nauthor: []", "author", None, []),
        ("title: 某方案\ndate:", "published_at", None, []),
    ],
)
def test_front_matter_of_other_shapes_is_read_leniently(front, field, value, codes):
    doc = policydoc.parse(f"---\n{front}\n---\n{BODY}")
    assert doc.source.format == "sina"
    assert getattr(doc.news, field) == value
    assert _codes(doc) == codes


# --- the reproducers themselves, when present ----------------------------------------------------

REPRODUCERS = [
    "sina-categories-scalar.md",
    "sina-date-list.md",
    "sina-title-list.md",
    "utf16-with-bom.txt",
    "big5.txt",
    "utf8-one-stray-byte.txt",
    "utf8-truncated-mid-char.txt",
]


@pytest.mark.parametrize("name", REPRODUCERS)
def test_fuzz_reproducer_gives_a_document(name):
    path = FUZZ / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    doc = policydoc.parse(path)
    assert doc.sections or doc.preamble


# --- properties of the decoder ---------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
        st.sampled_from("，。、；：（）《》一二三1234567890abc \n"),
    ),
    min_size=40,
    max_size=400,
).filter(lambda t: sum("\u4e00" <= c <= "\u9fa5" for c in t) >= 20)  # a notice, not a few bytes of anything


@settings(max_examples=150, deadline=None)
@given(_TEXT, st.data())
def test_one_stray_byte_loses_no_good_character(text, data):
    raw = text.encode("utf-8")
    boundaries = [0, *(len(text[:i].encode("utf-8")) for i in range(1, len(text) + 1))]
    at = data.draw(st.sampled_from(boundaries))
    decoded = decode_text(raw[:at] + b"\xff" + raw[at:])
    assert decoded.text.replace("\ufffd", "") == text
    assert [w.code for w in decoded.warnings] == ["W001"]
    assert f"offset {at}" in decoded.warnings[0].message


@settings(max_examples=150, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "gb18030"]), st.data())
def test_a_cut_anywhere_keeps_everything_before_it(text, encoding, data):
    raw = text.encode(encoding)
    cut = data.draw(st.integers(min_value=len(raw) // 2, max_value=len(raw)))
    decoded = decode_text(raw[:cut])
    kept = decoded.text.rstrip("\ufffd")
    assert text.startswith(kept)
    assert len(kept.encode(encoding)) >= cut - 3


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000).filter(lambda t: "\n" not in t))
def test_a_str_without_line_break_is_a_document_or_a_policydoc_error(text):
    try:
        policydoc.parse(text)
    except PolicyDocError:
        pass


def test_show_and_validate_print_the_warnings(tmp_path):
    from typer.testing import CliRunner

    from policydoc.cli import app

    path = tmp_path / "notice.txt"
    path.write_bytes(NOTICE.encode("utf-8") + b"\xff\n")
    shown = CliRunner().invoke(app, ["show", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "W001" in shown.output
    checked = CliRunner().invoke(app, ["validate", str(path)])
    assert "W001" in checked.output


def test_format_detection_is_linear_in_unclosed_tags():
    # 40,000 "<p" that never close: each once scanned to the end of the text (45 s), now once in all.
    text = "某某通知\n" + "<p 一、总体要求" * 40_000
    start = time.perf_counter()
    try:
        policydoc.detect_format(text.encode("utf-8"))
    except PolicyDocError:
        pass
    assert time.perf_counter() - start < 2.0


def test_deeply_nested_page_with_unclosed_scripts_is_read_in_linear_time():
    # Deep nesting sends the page to the tag-boundary fallback, whose script/comment removal
    # once rescanned to the end for every unclosed opener (10,000 of them: 7 s).
    page = "<html><body>" + "<div>" * 3000 + "<p>一、总体要求</p>" + "<script x<!--" * 40_000 + "</div>" * 3000
    start = time.perf_counter()
    try:
        policydoc.parse(page.encode("utf-8"))
    except PolicyDocError:
        pass
    assert time.perf_counter() - start < 3.0


@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        ("a<script>x</script >b<!-- c -->d<STYLE>e</style>f", "a b d f"),
        ("a<script x", "a<script x"),  # never closed: left for the tag stripper
        ("a<!-- b <script>c</script>", "a<!-- b  "),
        ("<headline>x</headline>", "<headline>x</headline>"),
    ],
)
def test_hidden_elements_are_dropped_in_one_pass(markup, kept):
    from policydoc.readers.html import _drop_hidden

    assert _drop_hidden(markup) == kept
