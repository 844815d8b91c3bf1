"""The Markdown reader's fast paths through markdown-it (a block rule for one plain line, the
inline parser only where a rule can act) give exactly what the plain parser gives."""

from __future__ import annotations

import random

from markdown_it import MarkdownIt

from policydoc.readers import markdown

PIECES = [
    "中", "文", "第一条", "x", "a", " ", "  ", "\t", "\u3000", "\xa0", "\n", "\n\n", "\r\n", "\n  ", "\n    中",
    "\n\t中", "\n   - ", "\n1. ", "\n>", "\n> ", "> 中", "#", "# ", ">", "- ", "-", "*", "**", "_", "`", "```",
    "~~~", "[", "]", "(", ")", "![", "<", "<!--", "-->", "<br>", "&amp;", "|", " | ", "---", "===", "1. ",
    "2) ", ":", "\\", "    ", "1.", "1)", "12. ", "\n12. ", "\n- x", "-1-", "\n-1-", "**x", "\n***", "* * *",
    "\n=", "\n==", "\n|-|", "\n: -", "2024年", "\n2024年", "\n- ", "\n+ ", "\n_ _ _", "\n~~~", "\n#",
]  # fmt: skip


def _tokens(tokens: list) -> list[tuple]:
    """The tokens but the paragraph_open/close pairs, which the fast path leaves out (and so the levels)."""
    return [(t.type, t.map, t.content, t.markup, t.info) for t in tokens if not t.type.startswith("paragraph_")]


def test_fast_paths_equal_the_plain_parser() -> None:
    fast = markdown._parser()
    assert fast.trigger is not None  # the rule tables cover the parser's rules
    plain = MarkdownIt("commonmark", {"html": True}).enable("table")
    rng = random.Random(7)
    mostly_text = PIECES + ["中", "文", "\n", " "] * 10  # long plain paragraphs, a few lines each
    for k in range(6000):
        src = "".join(rng.choice(PIECES if k % 2 else mostly_text) for _ in range(rng.randint(1, 40)))
        got, want = fast.md.parse(src), plain.parse(src)
        assert _tokens(got) == _tokens(want), src
        assert markdown._paragraphs(got, fast) == markdown._paragraphs(want, None), src


def test_plain_lines_keep_the_newline_rule() -> None:
    fast = markdown._parser()
    for src in ["甲  \n  乙 \n\t丙", "甲 \t \n乙", "甲\t\n 乙"]:
        tokens = fast.md.parse(src)
        plain = MarkdownIt("commonmark", {"html": True}).enable("table").parse(src)
        assert markdown._paragraphs(tokens, fast) == markdown._paragraphs(plain, None)


def test_normalize_rule_skips_only_text_without_cr_or_nul() -> None:
    fast = markdown._parser()
    plain = MarkdownIt("commonmark", {"html": True}).enable("table")
    for src in ["甲\r\n乙", "甲\r乙\n丙", "甲\0乙", "- 甲\r\n- 乙\0", "甲\n\n乙", "\r", "\0"]:
        assert _tokens(fast.md.parse(src)) == _tokens(plain.parse(src)), src


DOCUMENT_PIECES = [
    "中", "文", "第一条", " ", "  ", "\t", "\u3000", "\n", "\n\n", "\n  ", "\n   ", "\n    ", "\n\t", "\n \t",
    "\n# ", "\n## ", "\n###### ", "\n####### ", "\n#", "\n   # ", "\n    # ", " #", " ##", "#", "\t#", " # ",
    "\n<!-- INFO END -->", "\n<!-- a -->b", "\n  <!--x-->", "\n<!--", "-->", "\n===", "\n---", "\n--|--", "\n|a|",
    "\n- ", "\n1. ", "\n> ", "\n```", "x", "a", "2024年", "\n*", "*", "<", "[", "\n\n第二章 总则", "\n正文",
    "\n***", "\n* * *", "\n___", "\n- - -", "\n--", "**粗**", "**版本**: 现行", "[链接](http://a)", "`码`", "\\*",
    "&amp;", "![图](x.png)", "<br>", "_斜_", "\n[a]: http://b",
]  # fmt: skip


def test_plain_document_equals_the_plain_parser() -> None:
    fast = markdown._parser()
    plain = MarkdownIt("commonmark", {"html": True}).enable("table")
    rng = random.Random(17)
    taken = 0
    weights = [1] * len(DOCUMENT_PIECES)
    for name in ("中", "文", "\n", "\n\n", "\n## ", "\n正文"):
        weights[DOCUMENT_PIECES.index(name)] = 12
    for _ in range(30000):
        src = "".join(rng.choices(DOCUMENT_PIECES, weights, k=rng.randint(1, 30)))
        got = markdown._plain_document(src, fast)
        if got is not None:
            taken += 1
            assert got == markdown._paragraphs(plain.parse(src), None), src
    assert taken > 3000


STRONG_PIECES = [
    "第一条", "中", "a", "1", " ", "  ", "\t", "\u3000", "\xa0", "\u2003", "\n", "\n  ", " \n", "  \n", "，", "。",
    "（", "）", "：", ":", " :", "《", "$", "-", "_", "[", "`", "版本", "来源", "很长的一个标签名称超过十二个字",
]  # fmt: skip


STRONG_WEIGHTS = [8 if piece.isalnum() else 1 for piece in STRONG_PIECES]  # words mostly, edges often


def _strong_source(rng: random.Random) -> str:
    """Text and ``**word**`` pairs, sometimes with a stray ``*``: each edge case of the flanking rules."""

    def run(most: int) -> str:
        return "".join(rng.choices(STRONG_PIECES, STRONG_WEIGHTS, k=rng.randint(0, most)))

    parts = [run(4)]
    for _ in range(rng.randint(1, 3)):
        parts += ["**", run(3), "**", run(4)]
    if rng.random() < 0.2:
        parts.insert(rng.randrange(len(parts) + 1), "*")
    return "".join(parts)


def test_strong_pairs_read_without_the_inline_parser_equal_the_parser() -> None:
    """``**word**`` content that _strong_text reads gives what the inline parser and _plain give."""
    fast = markdown._parser()
    assert fast.strong and fast.trigger is not None
    plain = MarkdownIt("commonmark", {"html": True}).enable("table")
    rng = random.Random(37)
    taken = 0
    for _ in range(30000):
        src = _strong_source(rng)
        got = markdown._strong_text(src, fast.trigger)
        if got is not None:
            taken += 1
            assert got == markdown._plain(plain.parseInline(src)[0], None), repr(src)
    assert taken > 3000


def test_strong_pairs_read_as_the_parser_reads_them_in_a_document() -> None:
    fast = markdown._parser()
    plain = MarkdownIt("commonmark", {"html": True}).enable("table")
    for src in [
        "**第一条**\n为规范行政执法行为，制定本规范。",
        "第一章 总则\n\n**第一条** 为了……\n\n**第二条**　本办法所称……",
        "通知全文**版本**: 现行有效",
        "**来源**：中国人民银行\n**日期**: 2024年",
        "**（一）**总体要求",  # punctuation inside the pair: the parser decides
        "a**b**c**d**e",
    ]:
        assert markdown._paragraphs(fast.md.parse(src), fast) == markdown._paragraphs(plain.parse(src), None), src


def test_links_left_unnormalized_pass_validation_either_way() -> None:
    """The reader's parser normalizes only links whose validity normalizing could change."""
    plain = MarkdownIt("commonmark", {"html": True})
    rng = random.Random(19)
    starts = ["http://", "https://", "HTTPS://", "hTtP://", "/", "//", "#", "/javascript:", "#data:"]
    pieces = [
        "a", "中", "%", "%2", ":", "/", "#", "\\", "javascript:", "data:", "vbscript:", "\x00", "ſ", "K", "[", "]",
        "@", "xn--", "?", "&", "\u00a0", "..", "例子.中国", ":80", "[::1]", "%E4", " ", "\t", "'", '"',
    ]  # fmt: skip
    for _ in range(20000):
        url = rng.choice(starts) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert markdown._PLAIN_LINK.match(url)
        assert plain.validateLink(plain.normalizeLink(url)), url
        assert plain.validateLink(url), url
    fast = markdown._parser()
    for url in ["javascript:alert(1)", "JAVASCRIPT:x", "data:text/html,x", "data:image/png;x", "file:///a", " http://a"]:
        assert fast.md.normalizeLink(url) == plain.normalizeLink(url)


def test_signal_words_are_in_every_signal() -> None:
    rng = random.Random(29)
    pieces = [
        "中", "a", "\n", " ", "\t", "#", "## ", "<!--", "-->", "<!-", "**", "*", "__", "_", "---", "--", "|", ":",
        "](", "]", "(", "[", ")", "x)", "Markdown Content:", "URL Source:", "Markdown Content", "URL Source", "/",
    ]  # fmt: skip
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for name, pattern in markdown.SIGNALS.items():
            assert markdown._signal(name, text) == (pattern.search(text) is not None), (name, text)
