"""A notebook view: metadata, a collapsible section tree, a targets table."""

from __future__ import annotations

from html import escape

from ..model import PolicyDocument, Section


def _section(s: Section) -> str:
    role = f' <span style="color:#888">[{escape(s.role)}]</span>' if s.role else ""
    head = f"<b>{escape(s.marker)}</b>{escape(s.title)}{role}"
    body = f'<div style="color:#444;white-space:pre-wrap">{escape(s.text)}</div>' if s.text else ""
    kids = "".join(_section(c) for c in s.children)
    if s.tail:
        kids += f'<div style="color:#444;white-space:pre-wrap">{escape(s.tail)}</div>'
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
    tree = "".join(_section(s) for s in doc.sections)
    annexes = "".join(
        f"<details><summary>{escape(a.label)} {escape(a.title or '')}</summary>"
        + "".join(_section(s) for s in a.sections)
        + "</details>"
        for a in doc.annexes
    )
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
        f"<div class='policydoc'><table>{meta}</table>"
        f"<details open><summary>正文 ({sum(1 for _ in doc.walk())} 节)</summary>{tree}</details>"
        f"{annexes}{targets}</div>"
    )
