"""The second engine: characters through pdfplumber (pdfminer.six).

Slower than PDFium but pure Python; selectable with ``engine="pdfplumber"`` and used
automatically when PDFium cannot open or read a file.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ...errors import EncryptedPDFError
from ...layout import Char, PageChars
from .engine import EngineError


class PlumberSource:
    def __init__(self, data: bytes, path: str | None) -> None:
        import pdfplumber  # deferred: importing pdfminer costs ~0.2 s that HTML users never need
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException

        try:
            self._pdf = pdfplumber.open(io.BytesIO(data))
        except PdfminerException as exc:
            cause = exc.args[0] if exc.args else exc
            if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
                raise EncryptedPDFError("the PDF is encrypted and needs a password", path) from None
            hint = " — the file ends early: truncated?" if type(cause).__name__ == "PSEOF" else ""
            raise EngineError(f"not a readable PDF ({type(cause).__name__}{hint})") from None
        except Exception as exc:  # pdfminer raises bare KeyError, TypeError, AssertionError … on damaged files
            raise EngineError(f"not a readable PDF ({type(exc).__name__})") from None
        try:
            self.page_count = len(self._pdf.pages)
        except Exception as exc:  # a damaged page tree
            self.close()
            raise EngineError(f"its page tree cannot be read ({type(exc).__name__})") from None

    def info(self) -> dict[str, Any]:
        return dict(self._pdf.metadata)

    def pages(self) -> Iterator[PageChars]:
        for page in self._pdf.pages:
            chars = [
                Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], c.get("upright", True))
                for c in page.chars
            ]
            width, height = float(page.width), float(page.height)
            page.close()  # drop pdfplumber's per-page caches: memory stays flat over long files
            yield PageChars(width=width, height=height, chars=chars)

    def close(self) -> None:
        # pdfplumber's close() builds every Page again and can fail on the same damage that
        # made reading fail: that must never replace the real error.
        try:
            self._pdf.close()
        except Exception:  # the real outcome stands
            pass


def open_pdf(data: bytes, path: str | None) -> PlumberSource:
    return PlumberSource(data, path)
