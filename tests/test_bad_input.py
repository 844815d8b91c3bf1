"""Bad input: every failure is a PolicyDocError subclass naming the file, never a deep traceback."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

import policydoc
from policydoc import (
    EmptyDocumentError,
    EncryptedPDFError,
    NoTextLayerError,
    PolicyDocError,
    TooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)

from .conftest import SAMPLES, SEED_PDF


def expect(error: type[PolicyDocError], path: Path, *words: str) -> PolicyDocError:
    with pytest.raises(error) as info:
        policydoc.parse(path)
    message = str(info.value)
    assert str(path) in message, message
    for word in words:
        assert word in message, message
    return info.value


def test_missing_file(tmp_path):
    expect(UnreadableFileError, tmp_path / "nope.pdf", "no such file")


def test_directory(tmp_path):
    expect(UnreadableFileError, tmp_path, "directory")


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.pdf", "blank.txt"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"   \n\n" if name.startswith("blank") else b"")
    expect(EmptyDocumentError, path, "empty")


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".txt"])
def test_random_bytes(tmp_path, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(os.urandom(20_000))
    expect(UnsupportedFormatError, path, "binary")


def test_truncated_pdf(tmp_path):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(SEED_PDF.read_bytes()[:10_000])
    expect(UnsupportedFormatError, path, "truncated")


def _pdf(path: Path, draw, **kwargs) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, **kwargs)
    draw(c)
    c.showPage()
    c.save()
    return path


def test_encrypted_pdf(tmp_path):
    path = _pdf(
        tmp_path / "locked.pdf",
        lambda c: c.drawString(72, 720, "secret"),
        encrypt=StandardEncryption("user-password", "owner-password"),
    )
    expect(EncryptedPDFError, path, "password")


def test_image_only_pdf_needs_ocr(tmp_path):
    def draw(c):
        c.setFillColorRGB(0.2, 0.2, 0.2)
        for row in range(40):  # a "scanned page": shapes, no text
            c.rect(72, 100 + 15 * row, 400, 8, fill=1, stroke=0)

    expect(NoTextLayerError, _pdf(tmp_path / "scan.pdf", draw), "OCR")


def test_garbage_text_layer_needs_ocr(tmp_path):
    def draw(c):
        c.setFont("Helvetica", 12)
        for row in range(30):
            c.drawString(72, 100 + 20 * row, "¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷" * 2)

    expect(NoTextLayerError, _pdf(tmp_path / "garbage.pdf", draw), "garbage", "OCR")


def test_html_without_article_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text(
        "<html><body><nav><a href='/'>首页</a><a href='/z'>政务公开</a></nav>"
        "<script>var a='通知';</script></body></html>",
        encoding="utf-8",
    )
    expect(EmptyDocumentError, path, "no article text")


def test_gbk_page_without_charset_parses(tmp_path):
    path = tmp_path / "gbk.html"
    path.write_bytes(
        "<html><body><p>一、总体要求</p><p>加强组织领导，确保各项措施落实到位。</p></body></html>".encode("gbk")
    )
    doc = policydoc.parse(path)
    assert doc.sections[0].title == "总体要求"


def test_pathological_nesting(tmp_path):
    path = tmp_path / "deep.html"
    body = "<p>一、总体要求</p><p>加强组织领导，做好政策宣传，确保各项措施落实到位。</p>"
    path.write_text(f"<html><body>{'<div>' * 10_000}{body}{'</div>' * 10_000}</body></html>", encoding="utf-8")
    start = time.perf_counter()
    doc = policydoc.parse(path)
    assert time.perf_counter() - start < 10
    assert doc.sections[0].text == "加强组织领导，做好政策宣传，确保各项措施落实到位。"


def test_text_file_over_the_size_limit_is_refused_at_once(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    start = time.perf_counter()
    err = expect(TooLargeError, path, "limit", "max_bytes")
    assert time.perf_counter() - start < 1 and err.path == str(path)


def test_the_size_limit_can_be_raised(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("一、总体要求\n加强组织领导，确保各项措施落实到位。\n", encoding="utf-8")
    with pytest.raises(TooLargeError):
        policydoc.parse(path, max_bytes=10)
    assert policydoc.parse(path, max_bytes=1_000).sections


def test_pdf_over_the_page_limit_is_refused(tmp_path):
    def draw(c):
        for _ in range(30):
            c.drawString(72, 720, "page")
            c.showPage()

    path = _pdf(tmp_path / "long.pdf", draw)
    expect_err = pytest.raises(TooLargeError, match="max_pages")
    with expect_err:
        policydoc.parse(path, max_pages=20)


def test_bytes_and_strings_are_named_in_errors():
    with pytest.raises(EmptyDocumentError, match="<input>"):
        policydoc.parse(b"")


def test_nothing_is_fetched_from_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("policydoc opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = (
        '<!DOCTYPE html SYSTEM "http://192.0.2.1/x.dtd"><html><head><link rel="stylesheet" href="http://192.0.2.1/a.css">'
        '</head><body><img src="http://192.0.2.1/i.png"><p>一、总体要求</p><p>加强组织领导，确保各项措施落实到位。</p></body></html>'
    )
    assert policydoc.parse(page).sections
    for sample in sorted(SAMPLES.iterdir()):
        policydoc.parse(sample)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=3000).map(lambda b: b"%PDF-1.4\n" + b),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
        st.text(alphabet="<>/=\"' pdivabrtlespan一二三、（）1.第章条。，附件\n", max_size=800).map(str.encode),
    )
)
def test_only_policydoc_errors_escape_parse(data):
    try:
        policydoc.parse(data)
    except PolicyDocError:
        pass


def test_debug_flag_shows_the_traceback(tmp_path):
    from typer.testing import CliRunner

    from policydoc.cli import app

    result = CliRunner().invoke(app, ["--debug", "show", str(tmp_path / "missing.pdf")])
    assert isinstance(result.exception, UnreadableFileError)
