"""Nothing lost: every Chinese character of the official text reaches the output, in order.

Reference text: the raw file for text inputs, pdfplumber's own text for PDFs (page
numbers and running headers removed), the reader's paragraphs for HTML (the reader
is where page furniture is defined). Lines that move are allowed only into `front`,
the notice's head, which metadata extraction reads out of order.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections import Counter

import pdfplumber
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policydoc
from policydoc.api import detect_format
from policydoc.readers.encoding import decode
from policydoc.readers.html import read_html
from policydoc.readers.sina import read_sina
from policydoc.text import han_only, normalize

from .conftest import SAMPLES, SHARED, parsed
from .conservation import missing, output_han
from .test_corpus import FILES, needs_shared

PAGE_NUMBER = regex.compile(r"^[-—–－―\s]*\d{1,4}[-—–－―\s]*$")


def pdf_reference(path) -> list[str]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            pages.append([normalize(x) for x in (page.extract_text() or "").splitlines()])
    counts = Counter(regex.sub(r"\d+", "#", line) for page in pages for line in set(page))
    running = {k for k, n in counts.items() if n >= 3 and n >= 0.3 * len(pages)}
    return [
        line
        for page in pages
        for line in page
        if line and not PAGE_NUMBER.match(line) and regex.sub(r"\d+", "#", line) not in running
    ]


def docx_reference(data: bytes) -> list[str]:
    """The paragraphs of word/document.xml as Word stores them (typed text only, no numbering)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paragraphs = regex.findall(r"<w:p[ >].*?</w:p>", xml, flags=regex.S)
    texts = ("".join(regex.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs)
    return [normalize(html.unescape(t)) for t in texts if t.strip()]


def ofd_reference(data: bytes) -> list[str]:
    """The text objects of every page of an OFD package, page by page as stored."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        pages = [n for n in z.namelist() if n.endswith("/Content.xml")]
        pages.sort(key=lambda n: [int(x) if x.isdigit() else x for x in regex.split(r"(\d+)", n)])
        code = regex.compile(r"<ofd:TextCode[^>]*>([^<]*)</ofd:TextCode>")
        texts = [t for n in pages for t in code.findall(z.read(n).decode())]
    return [normalize(html.unescape(t)) for t in texts if t.strip()]


def reference(path) -> list[str]:
    data = path.read_bytes()
    fmt = detect_format(data, str(path))
    if fmt == "pdf":
        return pdf_reference(path)
    if fmt == "docx":
        return docx_reference(data)
    if fmt == "ofd":
        return ofd_reference(data)
    text = decode(data)
    if fmt == "sina":
        read = read_sina(text)
        return [*read.news["summary"], *(b.text for b in read.blocks)]
    if fmt == "html":
        return [b.text for b in read_html(text).blocks]
    return text.splitlines()


# A 24-page ruled table: its wrapped cells are ordered differently by pdfplumber's text
# and by our lines; every character is still checked to be there.
ORDER_EXEMPT = {"jiangxi-rongque-shenpi-fujian1-qingdan-2020.pdf"}
SOURCES = [*sorted(SAMPLES.iterdir()), *FILES]


@needs_shared
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_text_is_lost(path):
    doc = parsed(path)
    lost, reordered = missing(reference(path), doc)
    assert not lost, f"characters lost: {dict(lost)}"
    if path.name not in ORDER_EXEMPT:
        assert reordered == []


# Random documents: paragraphs with random numbering, never a crash, never a lost character.
MARKERS = st.sampled_from(
    [
        "",
        "",
        "",
        "一、",
        "二、",
        "三、",
        "（一）",
        "（二）",
        "(三)",
        "1.",
        "2．",
        "3、",
        "（1）",
        "（2）",
        "①",
        "②",
        "第一章 ",
        "第二章 ",
        "第一条 ",
        "第二条 ",
        "第三条 【说明】",
        "一是",
        "二是",
        "附件",
        "附件1",
        "附件：1.",
        "——",
        "2021年",
        "1.5万亩",
    ]
)
ALPHABET = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处理府研质火战"
)
HAN_TEXT = st.text(
    alphabet=ALPHABET,
    min_size=1,
    max_size=40,
)
ENDING = st.sampled_from(["", "。", "；", "：", "，做好工作。"])
PARAGRAPHS = st.lists(st.tuples(MARKERS, HAN_TEXT, ENDING), min_size=1, max_size=30)


def _check(doc, lines):
    expected = Counter(han_only("".join(lines)))
    got = Counter(output_han(doc))
    assert not expected - got, f"lost: {expected - got}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS)
def test_random_numbered_text_never_crashes_and_never_loses_text(paragraphs):
    lines = [f"{m}{t}{e}" for m, t, e in paragraphs]
    doc = policydoc.parse("\n".join(lines) + "\n", format="text")
    _check(doc, lines)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS)
def test_random_numbered_html_never_crashes_and_never_loses_text(paragraphs):
    lines = [f"{m}{t}{e}" for m, t, e in paragraphs]
    if len(han_only("".join(lines))) < 10:
        return  # below the minimum article size an HTML page is refused as empty
    page = "<html><body><div>" + "".join(f"<p>{line}</p>" for line in lines) + "</div></body></html>"
    _check(policydoc.parse(page), lines)


WILD = SHARED / "wild"
WILD_FILES = sorted(p for p in WILD.rglob("*") if p.is_file() and p.suffix != ".tsv") if WILD.is_dir() else []


def reader_reference(path) -> list[str]:
    """What the reader kept of a page or a text dump: it defines the page chrome (breadcrumbs,
    share buttons, footers); every stage after it must keep each character it kept."""
    from policydoc.readers import read
    from policydoc.readers.encoding import decode_text

    data = path.read_bytes()
    fmt = detect_format(data, str(path))
    result = read(decode_text(data, str(path)).text, fmt, str(path))
    extra = [*result.news["summary"]] if result.news else []
    return [*extra, *(b.text for b in result.blocks)]


@pytest.mark.skipif(not WILD_FILES, reason="../shared/wild is not beside the repository")
@pytest.mark.parametrize("path", WILD_FILES, ids=lambda p: str(p.relative_to(WILD))[:60])
def test_no_text_is_lost_in_the_wild(path):
    try:
        doc = parsed(path)
    except policydoc.PolicyDocError:
        pytest.skip("no document in this file (wild-check lists it as ERROR)")
    lost, _ = missing(reader_reference(path), doc)
    assert not lost, f"characters lost: {dict(lost)}"
