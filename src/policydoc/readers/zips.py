"""What a damaged zip package raises, for every reader of one (DOCX, OFD)."""

from __future__ import annotations


def zip_errors() -> tuple[type[BaseException], ...]:
    """BadZipFile and zlib.error for damaged bytes, EOFError/OSError for a cut file, ValueError for
    a bad field, RuntimeError for an encrypted member, NotImplementedError for a zip version or a
    compression method zipfile does not know ("zip file version 6.4")."""
    import zipfile  # deferred: only zip inputs need them
    import zlib

    return (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)
