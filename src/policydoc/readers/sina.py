"""Sina Finance articles saved as Hexo posts: YAML front matter, then the article HTML.

The reporter's paragraphs come first; ``附全文：`` (or ``全文如下``) introduces the
official text, which may open with the ministry page's chrome. The editor line, QR
block and ad comments follow the body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from ..blocks import Block, ReadResult

if TYPE_CHECKING:
    from lxml import etree

FRONT_MATTER = regex.compile(r"\A\s*---\s*\n(?P<yaml>.*?)\n---\s*\n", regex.S)
_YAML_ITEM = regex.compile(r"^\s*-\s*(.*)$")
_YAML_LINE = regex.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$")
# Where the official text starts, as a whole paragraph or its end.
FULL_TEXT_INTRO = regex.compile(r"(?:^附(?:件)?全文[:：]?$|全文如下[:：。]?$|^以下为全文[:：。]?$|^全文[:：]$)")
# Chrome copied from the ministry page along with the text.
PAGE_CHROME = regex.compile(r"^(?:发布时间[:：].*?)?\s*字体[:：]\s*[\[【].*?[\]】]\s*$|^发布时间[:：][\d\-年月日 :]+$")
ORIGINAL = regex.compile(r"^\s*(原标题|来源)[:：]\s*(.*)$")
PRINTS = regex.compile(r"^(?P<who>[\p{Han}\s、]{2,60}?)(?:联合)?印发《(?P<doc>[^》]+)》$")
EDITOR = regex.compile(r"责任编辑[:：]\s*(\S+)")


def looks_like_sina(text: str) -> bool:
    m = FRONT_MATTER.match(text)
    return bool(m) and "<" in text[m.end() : m.end() + 4000]


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The few YAML keys Hexo writes (scalars and one-level lists), and the rest of the file."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    data: dict[str, Any] = {}
    key = None
    for line in m.group("yaml").splitlines():
        item = _YAML_ITEM.match(line)
        if item and key:
            data.setdefault(key, [])
            if isinstance(data[key], list):
                data[key].append(_scalar(item.group(1)))
            continue
        kv = _YAML_LINE.match(line)
        if kv:
            key = kv.group("key")
            value = kv.group("value").strip()
            data[key] = _scalar(value) if value else []
    return data, text[m.end() :]


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1]
    return value


def read_sina(text: str) -> ReadResult:
    from lxml import etree  # deferred: detecting a Sina post must not load lxml

    from .html import extract_blocks, parse_tree

    meta, body = front_matter(text)
    root = parse_tree(body)
    news: dict[str, Any] = {
        "site": "新浪财经",
        "title": meta.get("title") or None,
        "published_at": meta.get("date") or None,
        "author": meta.get("author") or None,
        "categories": meta.get("categories") or [],
        "original_title": None,
        "source": None,
        "editor": None,
        "summary": [],
    }
    # Wrapper lines that say who wrote what: lift them out before reading paragraphs.
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        classes = (el.get("class") or "").split()
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
    return ReadResult(blocks=[b for b in blocks if b.text.strip()], format="sina", news=news, source_meta=source_meta)


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
