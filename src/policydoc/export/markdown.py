"""Markdown: headings keep their markers; targets as a table."""

from __future__ import annotations

from ..model import PolicyDocument, Section


def _cell(text: object) -> str:
    return str("" if text is None else text).replace("|", "\\|").replace("\n", " ")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else f"{value:g}"


def _section(s: Section, depth: int, out: list[str]) -> None:
    level = min(depth, 6)
    role = f" <!-- {s.role} -->" if s.role else ""
    out.append(f"{'#' * level} {s.marker}{s.title}{role}".rstrip())
    if s.text:
        out.append("")
        out.extend(f"{p}\n" for p in s.text.split("\n"))
    else:
        out.append("")
    for child in s.children:
        _section(child, depth + 1, out)
    if s.tail:
        out.extend(f"{p}\n" for p in s.tail.split("\n"))


def to_markdown(doc: PolicyDocument) -> str:
    m = doc.metadata
    out = [f"# {m.title or doc.title or '（无标题）'}", ""]
    facts = [
        ("发文机关", "、".join(m.issuer)),
        ("发文字号", m.doc_number),
        ("成文日期", m.date.isoformat() if m.date else None),
        ("主送机关", "；".join(m.addressees)),
        ("附件", "；".join(m.attachments)),
    ]
    out += [f"- **{k}**: {v}" for k, v in facts if v]
    out.append("")
    if doc.cover:
        out += [f"> {p}" for p in doc.cover.split("\n")] + [""]
    if doc.title and doc.title != m.title:
        out += [f"## {doc.title}", ""]
    if doc.preamble:
        out += [f"{p}\n" for p in doc.preamble.split("\n")]
    for s in doc.sections:
        _section(s, 2, out)
    if doc.closing:
        out += [f"{line}  " for line in doc.closing] + [""]
    for annex in doc.annexes:
        out += [f"## {annex.label} {annex.title or ''}".rstrip(), ""]
        if annex.preamble:
            out += [f"{p}\n" for p in annex.preamble.split("\n")]
        for s in annex.sections:
            _section(s, 3, out)
    if doc.targets:
        out += [
            "## 量化目标",
            "",
            "| 指标 | 数值 | 单位 | 限定 | 时期 | 原文 | 位置 |",
            "|---|---|---|---|---|---|---|",
        ]
        for t in doc.targets:
            value = _number(t.low) if t.low == t.high else f"{_number(t.low)}–{_number(t.high)}"
            period = t.period.text if t.period else ""
            out.append(
                "| "
                + " | ".join(_cell(x) for x in (t.indicator, value, t.unit, t.qualifier, period, t.raw, t.section))
                + " |"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
