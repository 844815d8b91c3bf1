"""The default engine: characters through PDFium's text API (pypdfium2).

PDFium reads characters about ten times as fast as pdfminer's content-stream
interpreter and copes with more damaged files. ``FPDFText_GetFontSize`` returns the
``Tf`` operand, so the drawn size is that times the scale of the character's matrix.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator

from ...errors import EncryptedPDFError
from ...layout import Char, PageChars
from .engine import EngineError

# Characters PDFium reports that were never drawn: line breaks, its unknown-character mark.
_SKIP = frozenset((0, 2, 10, 13, 0xFFFE, 0xFFFF))
DESCENT = 0.14  # below the baseline, as a share of the size: where a loose box would end


class PdfiumSource:
    def __init__(self, data: bytes, path: str | None) -> None:
        import pypdfium2 as pdfium  # deferred: loads the PDFium library
        import pypdfium2.raw as raw

        self._raw = raw
        try:
            self._pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code == raw.FPDF_ERR_PASSWORD:
                raise EncryptedPDFError("the PDF is encrypted and needs a password", path) from None
            raise EngineError(f"PDFium cannot open it ({exc})") from None
        self.page_count = len(self._pdf)
        self._bounds = tuple(ctypes.c_float() for _ in range(4))
        self._size = ctypes.c_float()

    def info(self) -> dict[str, object]:
        return self._pdf.get_metadata_dict(skip_empty=True)

    def pages(self) -> Iterator[PageChars]:
        for index in range(self.page_count):
            page = self._pdf[index]
            try:
                yield self._page(page, index + 1)
            finally:
                page.close()

    def _page(self, page, number: int) -> PageChars:  # page: a pypdfium2 PdfPage
        raw = self._raw
        width, height = page.get_size()
        lost = self._unmeasured_text(page.raw)
        if lost:
            raise EngineError(f"PDFium cannot measure {lost} text objects on page {number} (a font it lacks)")
        textpage = page.get_textpage()
        try:
            tp = textpage.raw
            count = raw.FPDFText_CountChars(tp)
            rect = raw.FS_RECTF()
            matrix = raw.FS_MATRIX()
            chars: list[Char] = []
            high = 0  # a pending UTF-16 high surrogate
            # Local names: these run once per character, the whole cost of reading a PDF.
            unicode_of, generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
            loose_box, char_matrix, font_size = (
                raw.FPDFText_GetLooseCharBox,
                raw.FPDFText_GetMatrix,
                raw.FPDFText_GetFontSize,
            )
            sqrt, append = math.sqrt, chars.append
            for i in range(count):
                code = unicode_of(tp, i)
                if code in _SKIP or generated(tp, i) == 1:
                    continue
                if 0xD800 <= code < 0xDC00:
                    high = code
                    continue
                if 0xDC00 <= code < 0xE000:
                    if not high:
                        continue
                    code, high = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), 0
                loose_box(tp, i, rect)
                char_matrix(tp, i, matrix)
                size = font_size(tp, i) * sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
                x0, x1, bottom = rect.left, rect.right, height - rect.bottom
                if x1 - x0 > 3 * size:
                    # PDFium's loose box is sometimes far too large (fonts with odd metrics, seen in a
                    # table of the huaian PDF); the tight box and the baseline origin are right there.
                    x0, x1, bottom = self._tight(tp, i, height, size)
                upright = abs(matrix.b) < 1e-6 and abs(matrix.c) < 1e-6 and matrix.a > 0
                append(Char(chr(code), x0, x1, bottom - size, bottom, size, upright))
        finally:
            textpage.close()
        return PageChars(width=width, height=height, chars=chars)

    def _unmeasured_text(self, page) -> int:  # page: a raw FPDF_PAGE
        # PDFium leaves out of its text page a text object it gives no width: a lone character
        # in a CID font that is not embedded (reportlab's STSong-Light) vanishes. Count them.
        raw = self._raw
        left, bottom, right, top = self._bounds
        size = self._size
        lost = 0
        get_object, type_of, bounds, text = (
            raw.FPDFPage_GetObject,
            raw.FPDFPageObj_GetType,
            raw.FPDFPageObj_GetBounds,
            raw.FPDF_PAGEOBJ_TEXT,
        )
        for k in range(raw.FPDFPage_CountObjects(page)):
            obj = get_object(page, k)
            if type_of(obj) != text:
                continue
            bounds(obj, left, bottom, right, top)
            if right.value > left.value or not raw.FPDFTextObj_GetFontSize(obj, size) or size.value <= 0:
                continue
            # Only when the font program is missing or unreadable (not embedded, or a damaged
            # stream): then pdfminer, reading the ToUnicode map, gets what PDFium cannot.
            if not raw.FPDFFont_GetIsEmbedded(raw.FPDFTextObj_GetFont(obj)):
                lost += 1
        return lost

    def _tight(self, tp, i: int, height: float, size: float) -> tuple[float, float, float]:
        raw = self._raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        x, y = ctypes.c_double(), ctypes.c_double()
        raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
        raw.FPDFText_GetCharOrigin(tp, i, x, y)
        return x.value, max(right.value, x.value), height - y.value + DESCENT * size

    def close(self) -> None:
        self._pdf.close()


def open_pdf(data: bytes, path: str | None) -> PdfiumSource:
    return PdfiumSource(data, path)
