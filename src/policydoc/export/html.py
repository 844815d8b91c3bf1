"""A notebook view: metadata, cover and preamble, a collapsible section tree in which each
target's phrase is highlighted where it occurs, and a targets table."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..model import PolicyDocument, Section, Target

TEXT = "<div style='color:#444;white-space:pre-wrap'>{}</div>"


def _marked(text: str, targets: list[Target]) -> str:
    """``text`` escaped, each target's raw phrase in it wrapped in ``<mark>`` (longest first)."""
    html = escape(text)
    for t in sorted({t.raw: t for t in targets}.values(), key=lambda t: -len(t.raw)):
        raw = escape(t.raw)
        if raw and raw in html and f">{raw}<" not in html:
            html = html.replace(raw, f"<mark title='{escape(t.indicator, quote=True)}'>{raw}</mark>")
    return html


def section_html(s: Section, targets: dict[str, list[Target]] | None = None, path: str = "") -> str:
    """A section and its subtree as collapsible HTML; ``targets`` by section path to highlight."""
    here = f"{path} > {s.marker}{s.title}" if path else f"{s.marker}{s.title}"
    mine = (targets or {}).get(here, [])
    role = f' <span style="color:#888">[{escape(s.role)}]</span>' if s.role else ""
    head = f"<b>{escape(s.marker)}</b>{_marked(s.title, mine)}{role}"
    body = TEXT.format(_marked(s.text, mine)) if s.text else ""
    kids = "".join(section_html(c, targets, here) for c in s.children)
    if s.tail:
        kids += TEXT.format(_marked(s.tail, mine))
    if not (body or kids):
        return f"<div style='margin-left:1em'>{head}</div>"
    return f"<details style='margin-left:1em'><summary>{head}</summary>{body}{kids}</details>"


def to_html(doc: PolicyDocument) -> str:
    m = doc.metadata
    rows = [
        ("标题", m.title),
        ("文件", doc.title if doc.title != m.title else None),
        ("发文机关", "、".join(m.issuer)),
        ("发文字号", m.doc_number),
        ("成文日期", m.date.isoformat() if m.date else None),
        ("主送机关", "；".join(m.addressees)),
        ("来源", f"{doc.source.format} {doc.source.path or ''}"),
    ]
    meta = "".join(f"<tr><th style='text-align:left'>{k}</th><td>{escape(str(v))}</td></tr>" for k, v in rows if v)
    by_section: dict[str, list[Target]] = defaultdict(list)
    for t in doc.targets:
        by_section[t.section or ""].append(t)
    front = "".join(
        f"<details><summary>{name}</summary>{TEXT.format(_marked(text, by_section['']))}</details>"
        for name, text in (("正文前言（通知）", doc.cover), ("前言", doc.preamble))
        if text
    )
    tree = "".join(section_html(s, by_section) for s in doc.sections)
    annexes = ""
    for a in doc.annexes:
        label = a.label + (f" {a.title}" if a.title else "")
        inner = TEXT.format(_marked(a.preamble, by_section[label])) if a.preamble else ""
        inner += "".join(section_html(s, by_section, label) for s in a.sections)
        annexes += f"<details><summary>{escape(label)}</summary>{inner}</details>"
    targets = ""
    if doc.targets:
        head = "".join(f"<th>{h}</th>" for h in ("指标", "下限", "上限", "单位", "限定", "时期", "原文"))
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{escape('' if v is None else str(v))}</td>"
                for v in (t.indicator, t.low, t.high, t.unit, t.qualifier, t.period.text if t.period else None, t.raw)
            )
            + "</tr>"
            for t in doc.targets
        )
        targets = f"<details><summary>量化目标 ({len(doc.targets)})</summary><table>{head}{body}</table></details>"
    return (
        f"<div class='policydoc'><table>{meta}</table>{front}"
        f"<details open><summary>正文 ({sum(1 for _ in doc.walk())} 节)</summary>{tree}</details>"
        f"{annexes}{targets}</div>"
    )
