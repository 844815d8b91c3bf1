"""The label/value metadata grid of government pages (索引号, 发文机关, 文号 …), read from
text: shared by the HTML reader and the readers of text dumps, without any HTML parser."""

from __future__ import annotations

import re

from ..patterns import lazy

# The labels of the metadata grid, by the field they fill (spaces and colons removed).
GRID_LABELS = {
    "索引号": "index_number",
    "主题分类": "subject",
    "发文机关": "issuer",
    "发布机构": "publisher",
    "成文日期": "date",
    "标题": "title",
    "名称": "title",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "发布日期": "published_at",
    "有效性": "validity",
    "失效日期": "expiry_date",
}
# Page furniture that can sit inside the article container or where a grid value should be.
CHROME = frozenset(
    "全文 打印 关闭 收藏 分享 分享到 大 中 小 字号 字体 大中小 【打印】 【关闭】 返回顶部 扫一扫".split()
)
# The colons after a label; a line without one holds no label (the patterns below require one).
COLONS = ":："
_COLON = re.compile(f"[{re.escape(COLONS)}]")  # stdlib: a scan in C (a set test hashes each character)


def no_colon(text: str) -> bool:
    return _COLON.search(text) is None


_GRID_IN_TEXT = lazy("(?P<label>" + "|".join(r"\s*".join(label) for label in GRID_LABELS) + rf")\s*[{COLONS}]\s*")


def grid_from_text(text: str) -> dict[str, str]:
    """``索 引 号: 0145…/2020-02974 发文机关: 省政府办公厅 文 号: 赣府厅发〔2020〕7号`` as fields."""
    if sum(map(text.count, COLONS)) < 2:  # each match takes a colon of its own: two need two
        return {}
    found = list(_GRID_IN_TEXT.finditer(text))
    if len(found) < 2:
        return {}
    out: dict[str, str] = {}
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        value = " ".join(text[m.end() : nxt.start() if nxt else len(text)].split("\t")).strip()  # (table cells)
        field = GRID_LABELS[label_key(m.group("label"))]
        if value and value not in CHROME:
            out.setdefault(field, value)
    return out


_LABEL_NOISE = lazy(r"[\s:：\u3000\[\]【】]")


def label_key(text: str) -> str:
    """A grid label without its spaces, colons and brackets: 文      号: → 文号."""
    return _LABEL_NOISE.sub("", text)
