"""OFD (GB/T 33190), the national fixed-layout format: text objects through the shared layout.

An OFD file is a zip of XML: ``OFD.xml`` names the document root, ``Document.xml`` its
pages and page size, and each page's ``Content.xml`` holds layers of ``TextObject``s —
a boundary, a font size and ``TextCode`` runs placed at ``X``/``Y`` (the baseline)
with per-character advances ``DeltaX``/``DeltaY`` (``g n d`` repeats ``d`` ``n``
times). Lengths are millimetres; characters are handed to ``policydoc.layout`` in
points, as a PDF engine hands them over, so lines, indents, paragraphs and page
furniture are found by the same code. Signatures and annotations are not content.
"""

from __future__ import annotations

import io
import math
from posixpath import dirname, join, normpath
from typing import TYPE_CHECKING

from ..blocks import ReadResult
from ..errors import NoTextLayerError, TooLargeError, UnsupportedFormatError
from ..layout import Char, Line, lay_out, page_lines, text_share
from .zips import zip_errors

if TYPE_CHECKING:
    import zipfile

PT_PER_MM = 72 / 25.4
DESCENT = 0.14  # below the baseline, as a share of the size (as the PDF engine assumes)
MAX_XML_BYTES = 64 * 1024 * 1024  # one part, uncompressed: a zip bomb stops here
MIN_TEXT_SHARE = 0.5


def looks_like_ofd(data: bytes) -> bool:
    """A zip whose root holds ``OFD.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    import zipfile  # deferred: ~30 ms at start-up, and only zip inputs need it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(name.lstrip("/").lower() == "ofd.xml" for name in zf.namelist())
    except zip_errors():
        return False


def read_ofd(data: bytes, path: str | None = None, *, max_pages: int = 1000) -> ReadResult:
    import zipfile

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zip_errors() as exc:
        raise UnsupportedFormatError(f"not a readable OFD package ({exc})", path) from None
    with zf:
        try:
            package = _Package(zf, path)
            doc_path = package.document_path()
            page_paths, box, info = package.document(doc_path)
            if len(page_paths) > max_pages:
                raise TooLargeError(f"{len(page_paths)} pages exceed the limit of {max_pages} (raise max_pages)", path)
            pages: list[list[Line]] = []
            heights: list[float] = []
            for number, (page_path, page_box) in enumerate(page_paths, start=1):
                _, height = page_box or box
                pages.append(page_lines(package.chars(page_path), number))
                heights.append(height * PT_PER_MM)
        except (KeyError, IndexError, *zip_errors()) as exc:
            raise UnsupportedFormatError(
                f"a part of the OFD package cannot be read ({type(exc).__name__}: {exc})", path
            ) from None
    n_pages = len(pages)
    if not any(pages):
        raise NoTextLayerError(
            f"no text on any of its {n_pages} pages: it is probably scanned and needs OCR first", path
        )
    share = text_share(pages)
    if share < MIN_TEXT_SHARE:
        raise NoTextLayerError(f"the text is garbage (only {share:.0%} of its characters are text)", path)
    return ReadResult(blocks=lay_out(pages, heights), format="ofd", pages=n_pages, source_meta=info)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _numbers(text: str | None) -> list[float]:
    return [float(v) for v in (text or "").split()]


def deltas(text: str | None) -> list[float]:
    """``DeltaX``/``DeltaY``: numbers, where ``g n d`` stands for ``d`` repeated ``n`` times."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out += [float(tokens[i + 2])] * int(float(tokens[i + 1]))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out


class _Package:
    def __init__(self, zf: zipfile.ZipFile, path: str | None) -> None:
        self.zf = zf
        self.path = path
        self.names = {name.lstrip("/"): name for name in zf.namelist()}

    def xml(self, name: str):  # returns an lxml element
        from lxml import etree  # deferred with the reader

        member = self.names.get(normpath(name).lstrip("/"))
        if member is None:
            raise KeyError(f"missing part {name}")
        if self.zf.getinfo(member).file_size > MAX_XML_BYTES:
            raise TooLargeError(f"the part {name} is larger than {MAX_XML_BYTES} bytes", self.path)
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(self.zf.read(member), parser)

    def document_path(self) -> str:
        root = self.xml("OFD.xml")
        for el in root.iter():
            if _local(el.tag) == "DocRoot" and el.text:
                return el.text.strip()
        raise KeyError("OFD.xml names no DocRoot")

    def document(self, doc_path: str) -> tuple[list[tuple[str, tuple[float, float] | None]], tuple[float, float], dict]:
        root = self.xml(doc_path)
        base = dirname(doc_path)
        box = (210.0, 297.0)
        pages: list[tuple[str, tuple[float, float] | None]] = []
        for el in root.iter():
            name = _local(el.tag)
            if name == "PhysicalBox" and _local(el.getparent().getparent().tag) == "CommonData":
                box = (_numbers(el.text)[2], _numbers(el.text)[3])
            elif name == "Page" and el.get("BaseLoc"):
                pages.append((join(base, el.get("BaseLoc")), None))
        return pages, box, {}

    def chars(self, page_path: str) -> list[Char]:
        root = self.xml(page_path)
        out: list[Char] = []
        for obj in root.iter():
            if _local(obj.tag) != "TextObject":
                continue
            bx, by = [*_numbers(obj.get("Boundary")), 0.0, 0.0][:2]
            size_mm = float(obj.get("Size") or 0)
            a, b, c, d, e, f = _numbers(obj.get("CTM")) or [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
            scale = math.sqrt(abs(a * d - b * c))
            size = size_mm * scale * PT_PER_MM
            upright = abs(b) < 1e-6 and abs(c) < 1e-6 and a > 0
            x = y = 0.0
            for code in obj:
                if _local(code.tag) != "TextCode" or not code.text:
                    continue
                x = float(code.get("X", x))
                y = float(code.get("Y", y))
                dx, dy = deltas(code.get("DeltaX")), deltas(code.get("DeltaY"))
                for i, ch in enumerate(code.text):
                    # Page millimetres: the CTM maps object space, the boundary places the object.
                    px, py = a * x + c * y + e + bx, b * x + d * y + f + by
                    advance = dx[i] if i < len(dx) else size_mm * (1 if ord(ch) > 0x2E7F else 0.5)
                    if not ch.isspace():
                        baseline = py * PT_PER_MM
                        bottom = baseline + DESCENT * size
                        x0 = px * PT_PER_MM
                        out.append(Char(ch, x0, x0 + advance * scale * PT_PER_MM, bottom - size, bottom, size, upright))
                    x += advance
                    y += dy[i] if i < len(dy) else 0.0
        return out
