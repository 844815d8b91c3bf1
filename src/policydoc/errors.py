"""The public error hierarchy: every failure of ``parse()`` is a ``PolicyDocError``."""

from __future__ import annotations


class PolicyDocError(Exception):
    """Base class for everything policydoc raises on bad input.

    ``path`` names the input (a file path, or ``<bytes>``/``<string>``) so that a
    batch report can say which file failed without a traceback.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class UnreadableFileError(PolicyDocError):
    """The input cannot be opened: missing, a directory, no permission."""


class UnsupportedFormatError(PolicyDocError):
    """The bytes are not a format policydoc reads (or not what the name claims)."""


class DecodeError(PolicyDocError):
    """Text whose encoding cannot be determined."""


class EmptyDocumentError(PolicyDocError):
    """The input holds no text at all."""


class EncryptedPDFError(PolicyDocError):
    """A PDF that needs a password."""


class NoTextLayerError(PolicyDocError):
    """A PDF with pages but no text: scanned images need OCR first."""


class TooLargeError(PolicyDocError):
    """The input exceeds a documented size limit (raise it with the ``limits`` argument)."""
