"""Word 97–2003, WPS and RTF files go through LibreOffice; without it the error says how."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import regex

import policydoc
from policydoc.api import detect_format
from policydoc.errors import UnsupportedFormatError
from policydoc.readers import office
from policydoc.readers.docx import read_docx

from .conftest import SHARED

COMPILATION = SHARED / "compilations" / "neijiang-fanxiang-huibian.doc"
needs_soffice = pytest.mark.skipif(
    not any(shutil.which(name) for name in office.SOFFICE), reason="LibreOffice (soffice) is not installed"
)

# An RTF notice paragraph written by hand: 一、总体要求 / 各地要抓好落实。 as \uN escapes.
RTF_NOTICE = (
    rb"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil SimSun;}}"
    rb"\pard\f0 \u19968?\u12289?\u24635?\u20307?\u35201?\u27714?\par"
    rb"\pard \u21508?\u22320?\u35201?\u25235?\u22909?\u33853?\u23454?\u12290?\par}"
)
OLE2_WORKBOOK = office.OLE2 + b"\x00" * 100 + "Workbook".encode("utf-16-le") + b"\x00" * 400


@pytest.mark.parametrize(
    ("data", "fmt"),
    [(office.OLE2 + b"\x00" * 64, "doc"), (RTF_NOTICE, "rtf"), (b"\xef\xbb\xbf" + RTF_NOTICE, "rtf")],
    ids=["OLE2 header", "RTF", "RTF after a byte-order mark"],
)
def test_office_files_are_detected_by_content(data: bytes, fmt: str):
    assert detect_format(data) == fmt


def test_without_libreoffice_the_error_names_the_format_and_the_command(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    with pytest.raises(UnsupportedFormatError, match="RTF") as err:
        policydoc.parse(RTF_NOTICE)
    assert "soffice --headless --convert-to docx" in str(err.value)


def test_without_libreoffice_a_doc_file_names_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    path = tmp_path / "notice.doc"
    path.write_bytes(office.OLE2 + b"\x00" * 64 + "WordDocument".encode("utf-16-le") + b"\x00" * 64)
    with pytest.raises(UnsupportedFormatError, match=r"notice\.doc: a Word 97–2003 or WPS document"):
        policydoc.parse(path)


def test_an_ole2_workbook_is_not_read_as_a_document():
    with pytest.raises(UnsupportedFormatError, match="Excel workbook"):
        policydoc.parse(OLE2_WORKBOOK)


def test_a_conversion_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    sleeper = tmp_path / "soffice"
    sleeper.write_text("#!/bin/sh\nsleep 30\n")
    sleeper.chmod(0o755)
    with pytest.raises(UnsupportedFormatError, match=r"within 0\.5 s"):
        office.convert_to_docx(RTF_NOTICE, str(sleeper), "rtf", "<input>", timeout=0.5)


@needs_soffice
def test_rtf_is_read_through_libreoffice():
    doc = policydoc.parse(RTF_NOTICE)
    assert doc.source.format == "rtf"
    assert [(s.marker, s.title) for s in doc.sections] == [("一、", "总体要求")]
    assert doc.sections[0].text == "各地要抓好落实。"


@pytest.fixture(scope="module")
def compilation_docx() -> bytes:
    """The Word 97 compilation converted once by LibreOffice (a few seconds)."""
    if not COMPILATION.exists():
        pytest.skip("../shared/compilations is not here")
    soffice = next(found for name in office.SOFFICE if (found := shutil.which(name)))
    return office.convert_to_docx(COMPILATION.read_bytes(), soffice, "doc", str(COMPILATION))


@needs_soffice
def test_word97_compilation_converts_and_keeps_its_text(compilation_docx: bytes, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(office, "convert_to_docx", lambda *args, **kw: compilation_docx)
    doc = policydoc.parse(COMPILATION)
    assert doc.source.format == "doc"
    # The compilation opens with a table of contents of its 18 items (一、 … 十八、).
    assert [s.marker for s in doc.sections[:18]] == [f"{n}、" for n in _CN_1_TO_18]
    # The Chinese text, in order, is LibreOffice's own text rendering of the file.
    han = regex.compile(r"\p{Han}")
    ours = "".join(han.findall("".join(b.text for b in read_docx(compilation_docx).blocks)))
    theirs = "".join(han.findall(COMPILATION.with_suffix(".txt").read_text(encoding="utf-8-sig")))
    assert len(theirs) > 10000
    assert ours == theirs


_CN_1_TO_18 = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八".split()
