"""Make the samples the project renders itself from the seed notice.

    .venv/bin/python -m tests.make_samples          # rewrite them in samples/
    .venv/bin/python -m tests.make_samples --check  # exit 1 when a committed sample is stale

``samples/`` holds the two seeds (a Sina page and the PDF text of 人社部发〔2021〕48号)
and what this script makes from the PDF text: the notice set as a real GB/T 9704
PDF (A4, 28 characters × 22 lines, a 仿宋-like CID font, ``— N —`` page numbers, the
enclosed plan and its annex, page breaks falling mid-sentence), as an OFD on the same
grid, and as two DOCX files:
one numbered by Word itself (the markers only in ``numbering.xml``), one with typed
markers. Nothing here is taken
from other people's documents; readers for new formats add their samples here.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED_TEXT = SAMPLES / "001_ddd44863a8d9c8fd.txt"

# Lines of the seed that GB/T 9704 sets centred: the title, the 发文字号, the plan's title
# and the annex label.
CENTRED = {
    "人力资源社会保障部关于印发",
    "“技能中国行动”实施方案的通知",
    "人社部发〔2021〕48号",
    "“技能中国行动”实施方案",
    "附件",
}


def seed_paragraphs() -> list[tuple[str, str]]:
    """The seed's paragraphs as (kind, text), kind ``title`` for centred lines else ``para``."""
    from policydoc.readers.text import read_text
    from policydoc.text import normalize

    blocks = read_text(SEED_TEXT.read_text(encoding="utf-8")).blocks
    return [("title" if normalize(b.text) in CENTRED else "para", normalize(b.text)) for b in blocks]


def seed_pdf(path: Path) -> int:
    """Render the seed notice as a GB/T 9704 PDF at ``path``; returns the page count."""
    from tests.render_pdf import render

    return render(seed_paragraphs(), path)


def seed_ofd(path: Path) -> int:
    """The seed as an OFD (GB/T 33190) on the same GB/T 9704 grid as the PDF."""
    from tests.render_ofd import render

    return render(seed_paragraphs(), path)


def seed_docx_autonumbered(path: Path) -> Path:
    """The seed as a DOCX whose markers exist only in Word's numbering.xml."""
    from tests.render_docx import build_seed_docx

    return build_seed_docx(path, auto_numbering=True)


def seed_docx_typed(path: Path) -> Path:
    """The seed as a DOCX with the markers typed into the text."""
    from tests.render_docx import build_seed_docx

    return build_seed_docx(path, auto_numbering=False)


# name in samples/ → function writing it
MAKERS: dict[str, Callable[[Path], object]] = {
    "001_ddd44863a8d9c8fd-rendered.pdf": seed_pdf,
    "001_ddd44863a8d9c8fd-rendered.ofd": seed_ofd,
    "001_ddd44863a8d9c8fd-autonumbered.docx": seed_docx_autonumbered,
    "001_ddd44863a8d9c8fd-typed.docx": seed_docx_typed,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed samples, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for name, make in MAKERS.items():
        target = SAMPLES / name
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                fresh = Path(tmp) / name
                make(fresh)
                if not target.exists() or fresh.read_bytes() != target.read_bytes():
                    stale.append(name)
        else:
            make(target)
            print(f"wrote {target.relative_to(ROOT)}")
    for name in stale:
        print(f"stale: samples/{name} (run python -m tests.make_samples)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
