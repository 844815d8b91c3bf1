"""Sina Finance articles saved as Hexo posts: YAML front matter, then the article HTML.

The reporter's paragraphs come first; ``附全文：`` (or ``全文如下``) introduces the
official text, which may open with the ministry page's chrome. The editor line, QR
block and ad comments follow the body.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import regex

from ..blocks import Block, ReadResult
from ..model import ParseWarning
from ..patterns import lazy

if TYPE_CHECKING:
    from lxml import etree

FRONT_MATTER = lazy(r"\A\s*---\s*\n(?P<yaml>.*?)\n---\s*\n", regex.S)
# How FRONT_MATTER starts, in stdlib re (its \s takes every regex \s): tried first, because regex
# looks for the closing "\n---" through the whole text before it matches at the start.
_OPENS_FRONT_MATTER = re.compile(r"\s*---")
_YAML_ITEM = lazy(r"^\s*-\s*(.*)$")
_YAML_LINE = lazy(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$")
# Where the official text starts, as a whole paragraph or its end.
FULL_TEXT_INTRO = lazy(r"(?:^附(?:件)?全文[:：]?$|全文如下[:：。]?$|^以下为全文[:：。]?$|^全文[:：]$)")
# Chrome copied from the ministry page along with the text.
PAGE_CHROME = lazy(r"^(?:发布时间[:：].*?)?\s*字体[:：]\s*[\[【].*?[\]】]\s*$|^发布时间[:：][\d\-年月日 :]+$")
ORIGINAL = lazy(r"^\s*(原标题|来源)[:：]\s*(.*)$")
PRINTS = lazy(r"^(?P<who>[\p{Han}\s、]{2,60}?)(?:联合)?印发《(?P<doc>[^》]+)》$")
EDITOR = lazy(r"责任编辑[:：]\s*(\S+)")


def _front_matter(text: str) -> regex.Match[str] | None:
    return FRONT_MATTER.match(text) if _OPENS_FRONT_MATTER.match(text) else None


def looks_like_sina(text: str) -> bool:
    m = _front_matter(text)
    return bool(m) and "<" in text[m.end() : m.end() + 4000]


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The few YAML keys Hexo writes (scalars and one-level lists), and the rest of the file."""
    m = _front_matter(text)
    if not m:
        return {}, text
    data: dict[str, Any] = {}
    key = None
    for line in m.group("yaml").splitlines():
        item = _YAML_ITEM.match(line)
        if item and key:
            data.setdefault(key, [])
            if isinstance(data[key], list):
                value = _scalar(item.group(1))
                if isinstance(value, list):  # - [a, b] inside a block list
                    data[key].extend(value)
                else:
                    data[key].append(value)
            continue
        kv = _YAML_LINE.match(line)
        if kv:
            key = kv.group("key")
            value = kv.group("value").strip()
            data[key] = _scalar(value) if value else []
    return data, text[m.end() :]


def _scalar(value: str) -> str | list[str]:
    value = value.strip()
    if len(value) >= 2 and value[0] == "[" and value[-1] == "]":  # a flow list: [金融, 政策]
        return [v for v in (_scalar(part) for part in value[1:-1].split(",")) if isinstance(v, str) and v]
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1]
    return value


def _one(meta: dict[str, Any], key: str, warnings: list[ParseWarning]) -> str | None:
    """A key Hexo writes as a scalar; a list (valid YAML all the same) gives its first item."""
    value = meta.get(key)
    if isinstance(value, list):
        if value:
            message = f"front matter {key!r} is a list; its first item is used"
            warnings.append(ParseWarning(code="W003", message=message))
        value = next((v for v in value if v), None)
    return value or None


def _many(meta: dict[str, Any], key: str) -> list[str]:
    """A key Hexo writes as a list; a single value is a one-item list."""
    value = meta.get(key)
    if isinstance(value, list):
        return [v for v in value if v]
    return [value] if value else []


def read_sina(text: str) -> ReadResult:
    from lxml import etree  # deferred: detecting a Sina post must not load lxml

    from .html import extract_blocks, parse_tree

    meta, body = front_matter(text)
    root = parse_tree(body)
    warnings: list[ParseWarning] = []
    news: dict[str, Any] = {
        "site": "新浪财经",
        "title": _one(meta, "title", warnings),
        "published_at": _one(meta, "date", warnings),
        "author": _one(meta, "author", warnings),
        "categories": _many(meta, "categories"),
        "original_title": None,
        "source": None,
        "editor": None,
        "summary": [],
    }
    # Wrapper lines that say who wrote what: lift them out before reading paragraphs.
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or not (names := el.get("class")):
            continue
        classes = names.split()
        if "article-editor" in classes:
            m = EDITOR.search(etree.tostring(el, method="text", encoding="unicode"))
            news["editor"] = m.group(1).strip() if m else None
            _drop(el)
        elif "ori_titlesource" in classes:
            m = ORIGINAL.match(etree.tostring(el, method="text", encoding="unicode", with_tail=False))
            if m:
                news["original_title" if m.group(1) == "原标题" else "source"] = m.group(2).strip()
            _drop(el)
        elif any(c.startswith("appendQr") for c in classes):
            _drop(el)
    body_el = root.find("body")
    blocks = extract_blocks(body_el if body_el is not None else root)
    start = next((i for i, b in enumerate(blocks) if FULL_TEXT_INTRO.search(b.text.strip())), None)
    if start is not None:
        news["summary"] = [b.text.strip() for b in blocks[:start]]
        blocks = blocks[start + 1 :]
    blocks = [_strip_chrome(b) for b in blocks]
    # A report titled 某某印发《关于……的意见》 names the document and its issuers.
    source_meta = {}
    m = PRINTS.match(news["title"] or "")
    if m:
        source_meta = {"title": m.group("doc"), "issuer": m.group("who")}
    return ReadResult(
        blocks=[b for b in blocks if b.text.strip()],
        format="sina",
        news=news,
        source_meta=source_meta,
        warnings=warnings,
    )


def _strip_chrome(block: Block) -> Block:
    if PAGE_CHROME.match(block.text.strip()):
        block.text = ""
    return block


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text in the flow."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
