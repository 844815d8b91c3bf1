"""PDF engines: PDFium (default) and pdfplumber read the same documents; damaged PDFs fail clearly."""

from __future__ import annotations

import functools
import json
import time
import warnings
from pathlib import Path

import pytest

import policydoc
from policydoc.errors import PolicyDocError, TooLargeError, UnsupportedFormatError
from policydoc.readers.pdf import ENGINE_VARIABLE, ENGINES, PDFEngineWarning, read_pdf

from .conftest import HANGZHOU_PDF, SAMPLES, SHARED, SICHUAN_PDF
from .outline import outline

CORPUS_PDFS = sorted((SHARED / "corpus").rglob("*.pdf")) if SHARED.is_dir() else []
SAMPLE_PDFS = sorted(SAMPLES.glob("*.pdf"))
FUZZ_PDFS = sorted((SHARED / "fuzz").glob("*.pdf")) if SHARED.is_dir() else []


needs_real_pdfs = pytest.mark.skipif(not SICHUAN_PDF.exists(), reason="the corpus PDFs are not beside the repository")


@functools.cache
def read_with(path: Path, engine: str | None) -> policydoc.PolicyDocument:
    """Each PDF is parsed once per engine per session (the handbook has 176 pages)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PDFEngineWarning)  # the default engine may fall back
        return policydoc.parse(path, engine=engine)


def _targets(doc: policydoc.PolicyDocument) -> list[tuple]:
    return [(t.text, t.low, t.high, t.unit, t.section) for t in doc.targets]


@pytest.mark.parametrize("path", CORPUS_PDFS + SAMPLE_PDFS, ids=lambda p: p.name[:40])
def test_engines_give_the_same_document(path):
    # The default engine is PDFium on every corpus PDF (next test); a sample PDF set in a
    # font without its program (reportlab's STSong-Light) is read through the fallback.
    pdfium, plumber = read_with(path, None), read_with(path, "pdfplumber")
    assert outline(pdfium) == outline(plumber)
    assert pdfium.metadata == plumber.metadata
    assert _targets(pdfium) == _targets(plumber)
    assert pdfium.source.pages == plumber.source.pages


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.name[:40])
def test_corpus_pdfs_need_no_fallback(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", PDFEngineWarning)
        read_pdf(path.read_bytes(), str(path))


@needs_real_pdfs
@pytest.mark.parametrize("engine", ENGINES)
def test_sichuan_repairs_hold_under_every_engine(engine):
    doc = read_with(SICHUAN_PDF, engine)
    everything = doc.model_dump_json()
    for bad in "ꎬꎮꎻ«»":  # punctuation at wrong code points
        assert bad not in everything
    first = doc.sections[0].children[0]
    # digits in another font, set a little below their line
    assert "由30万元提高至50万元、小微企业申请额度由400万元提高至600万元" in first.text
    assert doc.metadata.doc_number == "川办规〔2025〕6号"


@needs_real_pdfs
@pytest.mark.parametrize("engine", ENGINES)
def test_hangzhou_reads_the_same_under_every_engine(engine):
    doc = read_with(HANGZHOU_PDF, engine)
    assert doc.metadata.doc_number == "杭政办函〔2025〕16号"
    assert [c.ordinal for s in doc.sections for c in s.children] == list(range(1, 26))


# --- damaged and unusual PDFs ------------------------------------------------------------


def tiny_pdf(text: str = "Hello policy", *, page: str = "/MediaBox [0 0 595 842]", size: float = 12) -> bytes:
    """A one-page PDF in Helvetica with a correct xref; ``page`` is spliced into the page dictionary."""
    stream = f"BT /F1 {size} Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R {page} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


DAMAGED_PAGES = {
    "mediabox-empty": "/MediaBox []",
    "mediabox-not-a-number": "/MediaBox [0 0 x 842]",
    "mediabox-dangling-ref": "/MediaBox 9 0 R",
    "cropbox-string": "/MediaBox [0 0 595 842] /CropBox (abc)",
    "rotate-name": "/MediaBox [0 0 595 842] /Rotate /x",
}


@pytest.mark.parametrize("page", DAMAGED_PAGES.values(), ids=DAMAGED_PAGES.keys())
@pytest.mark.parametrize("engine", [None, *ENGINES])
def test_closing_a_damaged_pdf_never_masks_the_real_error(page, engine):
    # pdfplumber's close() rebuilds every page and raised again from `with pdf:`, replacing the error.
    try:
        doc = policydoc.parse(tiny_pdf(page=page), engine=engine)
    except PolicyDocError as exc:
        assert engine == "pdfplumber", exc  # PDFium reads these pages with a default box
        assert "<input>" in str(exc)
    else:
        assert "Hello" in doc.model_dump_json()


@pytest.mark.parametrize("engine", ENGINES)
def test_font_size_zero_is_no_text_and_no_crash(engine):
    with pytest.raises(policydoc.NoTextLayerError):
        policydoc.parse(tiny_pdf(size=0), engine=engine)


def test_unknown_engine_is_refused():
    with pytest.raises(UnsupportedFormatError, match="pdfium"):
        policydoc.parse(tiny_pdf(), engine="mupdf")


def test_reading_time_is_bounded():
    with pytest.raises(TooLargeError, match="max_seconds"):
        read_pdf(tiny_pdf(), "slow.pdf", max_seconds=0)


def lone_glyph_pdf(path: Path) -> Path:
    """A CID font without its program, and a line holding one character: PDFium drops that line."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 16)
    c.drawString(72, 700, "各地区要结合实际认真贯彻落实")
    c.drawString(72, 680, "。")
    c.save()
    return path


def test_pdfium_falls_back_to_pdfplumber_for_fonts_it_lacks(tmp_path):
    path = lone_glyph_pdf(tmp_path / "lone.pdf")
    with pytest.warns(PDFEngineWarning, match="pdfplumber"):
        doc = policydoc.parse(path)
    assert doc.preamble.endswith("落实。") or "落实。" in doc.model_dump_json()
    with pytest.raises(UnsupportedFormatError, match="PDFium"):
        policydoc.parse(path, engine="pdfium")  # a chosen engine has no fallback


def test_engine_from_the_environment(tmp_path, monkeypatch):
    path = lone_glyph_pdf(tmp_path / "lone.pdf")
    monkeypatch.setenv(ENGINE_VARIABLE, "pdfplumber")
    with warnings.catch_warnings():
        warnings.simplefilter("error", PDFEngineWarning)
        assert "落实。" in policydoc.parse(path).model_dump_json()


@needs_real_pdfs
@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_cli_engine_option(engine, monkeypatch):
    from typer.testing import CliRunner

    from policydoc.cli import app

    monkeypatch.setenv(ENGINE_VARIABLE, "")
    result = CliRunner().invoke(app, ["show", "--engine", engine, str(SICHUAN_PDF)])
    assert result.exit_code == 0, result.output
    assert "川办规〔2025〕6号" in result.output
    assert CliRunner().invoke(app, ["show", "--engine", "nope", str(SICHUAN_PDF)]).exit_code == 2


@pytest.mark.skipif(not FUZZ_PDFS, reason="../shared/fuzz is not beside the repository")
@pytest.mark.parametrize("engine", [None, *ENGINES])
@pytest.mark.parametrize("path", FUZZ_PDFS, ids=lambda p: p.name)
def test_fuzz_pdfs_give_a_document_or_a_clear_error_in_time(path, engine):
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PDFEngineWarning)
        try:
            doc = policydoc.parse(path, engine=engine)
        except PolicyDocError as exc:
            assert str(path) in str(exc)
        else:
            json.dumps(doc.model_dump(mode="json"), allow_nan=False)
    assert time.perf_counter() - start < 3


@needs_real_pdfs
def test_threads_may_parse_pdfs_at_the_same_time():
    # PDFium is not thread-safe; the reader serialises PDFium work within a process.
    from concurrent.futures import ThreadPoolExecutor

    paths = [SICHUAN_PDF, HANGZHOU_PDF] * 3
    with ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(lambda p: policydoc.parse(p, engine="pdfium"), paths))
    assert [outline(d) for d in docs] == [outline(read_with(p, "pdfium")) for p in paths]


def test_convert_engine_option_reaches_the_workers(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from policydoc.cli import app

    monkeypatch.delenv(ENGINE_VARIABLE, raising=False)  # the option travels in each job, not the environment
    src = tmp_path / "in"
    src.mkdir()
    lone_glyph_pdf(src / "lone.pdf")  # only a chosen PDFium fails on it: the default falls back
    for engine, code in (("pdfplumber", 0), ("pdfium", 1)):
        out = tmp_path / engine
        args = ["convert", str(src), "-o", str(out), "--jobs", "1", "-q", "--engine", engine]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == code, result.output
    assert "PDFium" in (tmp_path / "pdfium" / "errors.jsonl").read_text(encoding="utf-8")
    assert (tmp_path / "pdfplumber" / "lone.pdf.json").exists()
