"""Bytes to text for HTML and text inputs.

Fast path: a BOM, a declared charset, strict UTF-8, strict GB18030. Anything else
goes to charset-normalizer (a kept detector, not ours): UTF-16/UTF-32 without a BOM,
Big5 (which is also valid GB18030 byte-wise), the Windows code pages. A file with a
few bad bytes (a stray byte, a cut inside the last character) is decoded with those
bytes replaced by U+FFFD, and the repair is reported as a warning, never hidden.
"""

from __future__ import annotations

import codecs
from contextvars import ContextVar
from dataclasses import dataclass, field

import regex

from ..errors import DecodeError
from ..model import ParseWarning
from ..patterns import lazy

_DECLARED = lazy(rb"""<meta[^<>]+charset\s*=\s*["']?([\w-]+)""", regex.I)
# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
# Big5 bytes are nearly always valid GB18030 too: when both decode, the detector decides.
_HAN_RIVALS = ["gb18030", "big5"]
# A text with at most this share of its non-ASCII bytes undecodable is that encoding, damaged;
# more than that and it is another encoding (or not text), which the detector must find.
# A character cut by the end of the file always passes, and so do MAX_STRAY bad bytes when
# the text is valid in neither UTF-8 nor GB18030 (mostly ASCII with a stray byte).
MAX_BAD_SHARE = 0.02
MAX_STRAY = 3
_SHOWN_OFFSETS = 5

_bad_spans: ContextVar[list[tuple[int, int]]] = ContextVar("policydoc_bad_spans")


def _record(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _bad_spans.get().append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("policydoc-record", _record)


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[ParseWarning] = field(default_factory=list)
    bad_bytes: int = 0  # bytes replaced by U+FFFD


def decode(data: bytes, path: str | None = None) -> str:
    """Bytes to text (see ``decode_text`` for the warnings about repairs)."""
    return decode_text(data, path).text


# Format detection and then the reader decode the same bytes object: the second call is free.
# ``decode_text(..., last_use=True)`` empties it so that no input outlives its parse.
_last: tuple[bytes, Decoded] | None = None


def decode_text(data: bytes, path: str | None = None, *, last_use: bool = False) -> Decoded:
    """Bytes to text plus what had to be guessed or replaced on the way."""
    global _last
    last = _last
    if last is not None and last[0] is data:
        result = last[1]
    else:
        result = _decode(data, path)
    _last = None if last_use else (data, result)
    return result


def _decode(data: bytes, path: str | None) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _lenient(data[len(bom) :], encoding, offset=len(bom))
    declared = _DECLARED.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        # GB2312 and GBK pages routinely contain characters only GB18030 has.
        encoding = "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_cut = _cut_at_end(exc, data)
    if b"\x00" in data[:8192]:
        wide = _detect(data, _WIDE)
        if wide:
            return _guessed(data, wide)
    # Damaged UTF-8 before GB18030: a UTF-8 file cut inside a character is often valid GB18030.
    if utf8_cut or _few_bad(data, "utf-8"):
        return _lenient(data, "utf-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        if _cut_at_end(exc, data) or _few_bad(data, "gb18030"):
            return _lenient(data, "gb18030")
    else:
        if _valid(data, "big5"):
            guess = _detect(data, _HAN_RIVALS, threshold=0.5)
            if guess and guess != "gb18030":
                return _guessed(data, guess)
        return Decoded(text, "gb18030")
    # Neither: a few stray bytes in text that is nearly all ASCII are damage, not an encoding.
    for encoding in ("utf-8", "gb18030"):
        if _few_bad(data, encoding, floor=MAX_STRAY):
            return _lenient(data, encoding)
    guess = _detect(data, None)
    if guess:
        return _guessed(data, guess)
    raise DecodeError("cannot determine the text encoding (not UTF-8, GB18030 or a detectable charset)", path)


def _cut_at_end(exc: UnicodeDecodeError, data: bytes) -> bool:
    """The first error is a character cut by the end of the file: all before it decoded."""
    return exc.end >= len(data) and exc.reason in ("unexpected end of data", "incomplete multibyte sequence")


def _few_bad(data: bytes, encoding: str, floor: int = 0) -> bool:
    replaced = data.decode(encoding, errors="replace").count("\ufffd")  # C speed; sequences, not bytes
    return replaced <= max(floor, MAX_BAD_SHARE * _non_ascii(data))


def _valid(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes, isolation: list[str] | None, threshold: float = 0.2) -> str | None:
    import charset_normalizer  # 50 ms of import for the rare input that needs it

    best = charset_normalizer.from_bytes(data, cp_isolation=isolation, threshold=threshold).best()
    return best.encoding if best is not None else None


def _guessed(data: bytes, encoding: str) -> Decoded:
    decoded = _lenient(data, encoding)
    name = codecs.lookup(encoding).name
    decoded.warnings.insert(0, ParseWarning(code="W002", message=f"text encoding detected as {name}"))
    return decoded


def _lenient(data: bytes, encoding: str, offset: int = 0) -> Decoded:
    """Decode with bad bytes replaced by U+FFFD; a W001 warning lists where they were."""
    spans: list[tuple[int, int]] = []
    token = _bad_spans.set(spans)
    try:
        text = data.decode(encoding, errors="policydoc-record")
    finally:
        _bad_spans.reset(token)
    count = sum(end - start for start, end in spans)
    decoded = Decoded(text, codecs.lookup(encoding).name, bad_bytes=count)
    if spans:
        where = ", ".join(str(start + offset) for start, _ in spans[:_SHOWN_OFFSETS])
        more = f" and {len(spans) - _SHOWN_OFFSETS} more" if len(spans) > _SHOWN_OFFSETS else ""
        decoded.warnings.append(
            ParseWarning(
                code="W001",
                message=f"{count} undecodable byte{'s' if count > 1 else ''} of {decoded.encoding} replaced "
                f"by U+FFFD at offset{'s' if len(spans) > 1 else ''} {where}{more}",
            )
        )
    return decoded


_ASCII = bytes(range(128))


def _non_ascii(data: bytes) -> int:
    return len(data.translate(None, _ASCII))


def wide_unicode(sample: bytes) -> bool:
    """UTF-16 or UTF-32 text, with or without a BOM (its 0x00 bytes are not binary data)."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):  # and UTF-32-LE's
        return True
    return b"\x00" in sample and _detect(sample[: len(sample) // 4 * 4], _WIDE) is not None
