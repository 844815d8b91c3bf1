"""Render paragraphs as an OFD (GB/T 33190) package on the GB/T 9704 grid (test fixture maker).

A4 in millimetres, 版心 156 mm × 225 mm: 28 characters a line, 22 lines a page, first
lines indented two characters, titles centred, page numbers ``— N —`` at the foot.
Each line is one ``TextObject`` with a ``TextCode`` whose ``DeltaX`` uses the ``g n d``
shorthand, as OFD writers do for evenly set text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
LEFT, TOP = 28.0, 37.0
WIDTH = 156.0
SIZE = WIDTH / CHARS_PER_LINE  # 5.57 mm, 三号
PITCH = 225.0 / LINES_PER_PAGE
NS = "http://www.ofdspec.org/2016"


def _wrap(text: str, first_indent: int, width: int = CHARS_PER_LINE) -> list[str]:
    lines, line, used = [], "", first_indent
    for ch in text:
        if used + 1 > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += 1
    return [*lines, line] if line else lines


def _text_object(oid: int, x: float, baseline: float, text: str) -> str:
    # The boundary is the line's box; the TextCode sits on the baseline inside it.
    top = baseline - SIZE
    deltas = f"g {len(text) - 1} {SIZE:.3f}" if len(text) > 1 else ""
    return (
        f'<ofd:TextObject ID="{oid}" Boundary="{x:.3f} {top:.3f} {len(text) * SIZE:.3f} {SIZE * 1.2:.3f}" '
        f'Font="1" Size="{SIZE:.3f}"><ofd:TextCode X="0" Y="{SIZE:.3f}" DeltaX="{deltas}">{escape(text)}</ofd:TextCode>'
        "</ofd:TextObject>"
    )


def render(paragraphs: list[tuple[str, str]], path: Path) -> int:
    """Write ``paragraphs`` ((kind, text), kind "title", "right" or "para") as an OFD package; returns pages."""
    pages: list[list[str]] = [[]]
    oid = 10
    row = 0

    def place(x: float, text: str) -> None:
        nonlocal oid, row
        if row == LINES_PER_PAGE:
            pages.append([])
            row = 0
        baseline = TOP + row * PITCH + (PITCH + SIZE) / 2
        pages[-1].append(_text_object(oid, x, baseline, text))
        oid += 1
        row += 1

    for kind, text in paragraphs:
        if kind == "title":
            for line in _wrap(text, 0, CHARS_PER_LINE - 4):
                place(LEFT + (WIDTH - len(line) * SIZE) / 2, line)
        elif kind == "right":  # signature and date: right-aligned, four characters in
            place(LEFT + WIDTH - (len(text) + 4) * SIZE, text)
        else:
            for i, line in enumerate(_wrap(text, 2)):
                place(LEFT + (2 * SIZE if i == 0 else 0), line)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        page_list = "".join(f'<ofd:Page ID="{i + 2}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        zf.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            "<ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            f"<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>",
        )
        zf.writestr(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>',
        )
        for i, objects in enumerate(pages):
            number = f"— {i + 1} —"
            foot = _text_object(9000 + i, (210 - len(number) * SIZE * 0.7) / 2, 297 - 20, number)
            zf.writestr(
                f"Doc_0/Pages/Page_{i}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
                f'<ofd:Layer ID="{i + 500}">{"".join(objects)}{foot}</ofd:Layer></ofd:Content></ofd:Page>',
            )
    return len(pages)
