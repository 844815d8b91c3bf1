"""Label/value page exports: the metadata grid of a page dumped as text.

``标　　题：`` / ``发文字号：`` with the value on the same line or the next one,
``文号：无`` meaning none. Values go to ``ReadResult.source_meta`` under the keys the
HTML reader gives the gov.cn grid (``grid.GRID_LABELS``), so metadata extraction
treats both alike; the label lines leave the text.
"""

from __future__ import annotations

from typing import Any

import regex

from ..patterns import lazy
from ..text import normalize
from .chrome import Line, chrome_rule, fold, head_end
from .grid import COLONS, GRID_LABELS, grid_from_text, no_colon

# Labels crawlers and policy databases use besides the gov.cn grid's, by the same keys.
EXTRA_LABELS = {
    "政策标题": "title",
    "政策名": "title",
    "政策名称": "title",
    "文件名称": "title",
    "政策文号": "doc_number",
    "文件编号": "doc_number",
    "发布机关": "issuer",
    "发文单位": "issuer",
    "分类": "subject",
    "主题词": "subject",
    "发布时间": "published_at",
    "公布日期": "published_at",
    "文件状态": "validity",
    "时效性": "validity",
    "实施日期": "effective_date",
    "Title": "page_title",  # page-to-Markdown converters: the page's <title>
    "施行日期": "effective_date",
}
LABELS = GRID_LABELS | EXTRA_LABELS
# A value that says there is none.
NO_VALUE = frozenset({"无", "空", "暂无", "-", "—", "/", "／", "null", "None"})

_LABEL = lazy(
    r"^\s*(?P<label>"
    + "|".join(r"\s*".join(map(regex.escape, label)) for label in sorted(LABELS, key=len, reverse=True))
    + rf")\s*[{COLONS}]\s*(?P<value>.*)$"
)


def label_of(text: str) -> tuple[str, str] | None:
    """(field, value) of a ``标题：…`` line; the value may be empty (it is on the next line)."""
    return _label_of_folded(fold(text))


# What a folded label line can start with (fold strips the spaces _LABEL allows before it).
_LABEL_FIRST = frozenset(label[0] for label in LABELS)


def _label_of_folded(line: str) -> tuple[str, str] | None:
    first = line[:1]
    if first not in _LABEL_FIRST and first.isprintable() and not first.isspace():
        return None  # _LABEL cannot match here (odd white space goes to the pattern itself)
    if no_colon(line):
        return None
    m = _LABEL.match(line)
    if not m:
        return None
    return LABELS["".join(m.group("label").split())], m.group("value").strip()


def read_labels(lines: list[Line]) -> tuple[list[Line], dict[str, Any]]:
    """Label/value lines above the official text → (the other lines, source_meta)."""
    meta: dict[str, Any] = {}
    end = head_end(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        n, text = lines[i]
        if i >= end:
            out.extend(lines[i:])
            break
        line = fold(text)
        if no_colon(line):  # neither a grid nor a label (both patterns require a colon)
            out.append((n, text))
            i += 1
            continue
        grid = grid_from_text(line)
        found = _label_of_folded(line) if len(grid) < 2 else None  # a grid wins over a label
        if len(grid) >= 2:
            for key, value in grid.items():
                _put(meta, key, value)
        elif found is not None:
            key, value = found
            nxt = fold(lines[i + 1][1]) if i + 1 < len(lines) else ""
            if not value and i + 1 < end and nxt and label_of(nxt) is None and _may_be_value(nxt):
                value = nxt
                i += 1
            _put(meta, key, value)
        else:
            out.append((n, text))
        i += 1
    return out, meta


def _may_be_value(text: str) -> bool:
    rule = chrome_rule(text, "head")
    return rule is None or rule.name == "publish-time"  # 成文日期： / 2025-12-05


def _put(meta: dict[str, Any], key: str, value: str) -> None:
    value = normalize(value)
    if value and value not in NO_VALUE:
        meta.setdefault(key, value)
