"""Write real .docx files with lxml and zipfile (test fixture maker; no pytest needed).

``build_seed_docx`` sets the seed notice (``samples/001``) as a Word document, either
with Word's automatic numbering — the markers 一、 （一） 1. exist only in
``numbering.xml``, as in a notice drafted with Word's list buttons — or with the
markers typed into the text. ``package`` is the general writer the unit tests use.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import regex

from policydoc import parse_text
from policydoc.numbering import match_marker
from policydoc.readers.text import read_text
from policydoc.text import normalize

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEED = Path(__file__).resolve().parent.parent / "samples" / "001_ddd44863a8d9c8fd.txt"

_OOXML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {"document": "document.main", "styles": "styles", "numbering": "numbering", "footer1": "footer"}
CONTENT_TYPES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{_PKG}/content-types">'
    f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="/word/{n}.xml" ContentType="{_OOXML}.{t}+xml"/>' for n, t in _PARTS.items())
    + "</Types>"
)
PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/footer" Target="footer1.xml"/></Relationships>'
)
# Page numbers — N — live in the footer part, which the reader leaves out.
FOOTER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
<w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>
<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"""

# Chinese official-document headings: 一、 （一） 1. （1）. Level 3 (1.) restarts only after
# a level-1 heading (lvlRestart 1), so 1.–20. run on across the （一）…（五） groups.
SEED_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="1"/>
    <w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/>
    <w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def styles_xml(*, numbered: bool) -> str:
    """Normal, a centred title, and two heading styles; level 2 inherits its list from level 1."""
    h1_num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else ""
    h2_num = '<w:numPr><w:ilvl w:val="1"/></w:numPr>' if numbered else ""
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
  <w:pPr><w:ind w:firstLineChars="200"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="DocTitle"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:jc w:val="center"/><w:ind w:firstLineChars="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1Cn"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr>{h1_num}<w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2Cn"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1Cn"/>
  <w:pPr>{h2_num}<w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>"""


def document_xml(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
        f'{body}<w:sectPr><w:footerReference w:type="default" r:id="rId3" '
        f'xmlns:r="{_REL}"/></w:sectPr>'
        "</w:body></w:document>"
    )


def package(path: Path, body: str, *, numbering: str = "", styles: str = "") -> Path:
    """Write a .docx whose ``w:body`` holds ``body`` (WordprocessingML, prefix ``w``)."""
    path = Path(path)
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": document_xml(body),
        "word/styles.xml": styles or styles_xml(numbered=False),
        "word/numbering.xml": numbering or f'<w:numbering xmlns:w="{W_NS}"/>',
        "word/footer1.xml": FOOTER,
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, xml in parts.items():
            # A fixed timestamp: the same input always gives the same bytes (and sha256).
            z.writestr(zipfile.ZipInfo(name, date_time=(2021, 6, 30, 0, 0, 0)), xml, zipfile.ZIP_DEFLATED)
    return path


# Word splits text into runs wherever formatting or editing history changes; digits
# (doc numbers, dates) often sit in runs of their own.
_RUNS = regex.compile(r"\d+|\D+")


def paragraph(text: str, *, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """One ``w:p``; ``num`` = (numId, ilvl) numbers it directly."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    runs = "".join(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>' for part in _RUNS.findall(text))
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


# Heading styles by marker style: (paragraph style, list level). 1. headings carry a
# direct numPr; 一、 and （一） get theirs from the paragraph style.
_HEADING = {"cn": ("Heading1Cn", 0), "paren-cn": ("Heading2Cn", 1), "arabic": (None, 2)}


def build_seed_docx(path: Path, *, auto_numbering: bool) -> Path:
    """The seed notice as a DOCX, numbered by Word (``auto_numbering``) or with typed markers."""
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(SEED)
    headings = [s for s in doc.walk()]
    annex_headings = [s for annex in doc.annexes for top in annex.sections for s in _walk(top)]
    expected = [(s, False) for s in headings] + [(s, True) for s in annex_headings]
    centred = {doc.title, doc.metadata.doc_number, *(a.label for a in doc.annexes)}
    title_parts = doc.metadata.title or ""
    annex_titles = "".join(a.title or "" for a in doc.annexes)
    body: list[str] = []
    k = 0
    for block in read_text(text).blocks:
        line = normalize(block.text)
        marker = match_marker(line)
        if marker and k < len(expected) and expected[k][0].marker == marker.marker:
            _, in_annex = expected[k]
            k += 1
            style, level = _HEADING[marker.style]
            if not auto_numbering:
                body.append(paragraph(line, style=style))
                continue
            num_id = 2 if in_annex else 1
            direct = (num_id, level) if (style is None or in_annex) else None
            body.append(paragraph(marker.rest, style=style, num=direct))
            continue
        is_title = line in centred or (len(line) < 40 and (line in title_parts or line in annex_titles))
        body.append(paragraph(line, style="DocTitle" if is_title else None))
    if k != len(expected):
        raise AssertionError(f"placed {k} of {len(expected)} headings")
    return package(
        path,
        "".join(body),
        numbering=SEED_NUMBERING if auto_numbering else "",
        styles=styles_xml(numbered=auto_numbering),
    )


def _walk(section):  # a model Section, depth first
    yield section
    for child in section.children:
        yield from _walk(child)


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    build_seed_docx(out / "seed-auto.docx", auto_numbering=True)
    build_seed_docx(out / "seed-typed.docx", auto_numbering=False)
