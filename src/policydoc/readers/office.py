"""Word 97–2003 (.doc), WPS and RTF files, read through LibreOffice.

No Python library reads the binary Word format well, so these files are converted to
DOCX by LibreOffice (``soffice``) in a temporary directory under a time limit and read
by the DOCX reader. Without LibreOffice the error names the command that converts
the file by hand.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..blocks import ReadResult
from ..errors import UnsupportedFormatError
from .docx import read_docx
from .signatures import OLE2, RTF, office_format  # noqa: F401  (office_format: re-exported)

CONVERT_TIMEOUT = 180  # seconds; a 100-page .doc converts in a few seconds on one core
SOFFICE = ("soffice", "libreoffice")
HOW_TO_CONVERT = "soffice --headless --convert-to docx FILE"

# (stream name in the OLE2 directory, what the file is): a compound file is a container
# for many formats; only a Word stream makes it a document we read.
_OLE_STREAMS = (
    ("WordDocument", None),
    ("EncryptionInfo", "a password-protected Office document (remove the password first)"),
    ("Workbook", "an Excel workbook, not a document"),
    ("PowerPoint Document", "a PowerPoint presentation, not a document"),
)
NAMES = {"doc": "a Word 97–2003 or WPS document (.doc/.wps)", "rtf": "an RTF document"}




def read_office(data: bytes, path: str | None, fmt: str, *, timeout: float = CONVERT_TIMEOUT) -> ReadResult:
    label = path or "<input>"
    if fmt == "doc":
        _check_ole(data, label)
    soffice = next((found for name in SOFFICE if (found := shutil.which(name))), None)
    if soffice is None:
        raise UnsupportedFormatError(
            f"{NAMES[fmt]}: policydoc reads it through LibreOffice, which is not installed; "
            f"install LibreOffice or convert it to DOCX first: {HOW_TO_CONVERT}",
            label,
        )
    try:
        docx = convert_to_docx(data, soffice, fmt, label, timeout=timeout)
    except OSError as exc:  # the temporary directory: full disk, no permission
        raise UnsupportedFormatError(f"could not be converted by LibreOffice ({exc})", label) from None
    return read_docx(docx, label, format=fmt)


def _check_ole(data: bytes, label: str) -> None:
    # Directory entry names are UTF-16LE; looking for them in the bytes is enough to tell
    # a Word file from a workbook without parsing the compound file. Anything else
    # (Works .wps, older WPS) is left to LibreOffice, which says when it cannot.
    for stream, problem in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            if problem is None:
                return
            raise UnsupportedFormatError(problem, label)


def convert_to_docx(data: bytes, soffice: str, fmt: str, label: str, *, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """LibreOffice's DOCX of ``data``; a private profile so that parallel runs do not collide."""
    with tempfile.TemporaryDirectory(prefix="policydoc-office-") as tmp:
        work = Path(tmp)
        source = work / f"input.{fmt}"
        source.write_bytes(data)
        profile = (work / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        env = {**os.environ, "HOME": str(work)}
        try:
            # Its own session: soffice starts helper processes, and a timeout ends them all.
            proc = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
            )
        except OSError as exc:
            raise UnsupportedFormatError(f"LibreOffice could not be started ({exc})", label) from None
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise UnsupportedFormatError(
                f"LibreOffice did not convert this {fmt} file within {timeout:g} s", label
            ) from None
        result = work / "out" / "input.docx"
        if not result.exists():
            detail = (err or out).decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit status {proc.returncode}"
            raise UnsupportedFormatError(f"LibreOffice could not convert this {fmt} file ({reason})", label)
        return result.read_bytes()
