"""Markdown conversions of notices and regulations (LawRefBook, Word-to-Markdown, page-to-Markdown).

markdown-it-py parses; each block token becomes paragraphs of plain text with its
source line. Heading levels are only hints (converters pick them freely): the Chinese
numbering decides the tree, so ``## 第一章 总则`` is the paragraph ``第一章 总则``.
Emphasis, links and images keep their text only; a table gives one ``table`` block per
row; HTML comments (``<!-- INFO END -->``) are markup, not text. YAML front matter
gives its ``title``. The lines then go through the same official-text finder as text
dumps: converters keep the page's chrome and labels (``**来源**: …``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from ..blocks import Block, ReadResult
from ..docparts import names_a_kind
from ..numbering import match_candidate, match_marker
from ..patterns import lazy
from ..text import CELL_SEP, display_width

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token
from .lines import SENTENCE_END
from .overprint import read_once
from .sina import front_matter
from .text import Wrap, ends_paragraph_stop, official_lines, page_wrap, unwrap

_TAG = lazy(r"<[^>]*>")
_TABLE = "\x00table\x00"  # marks a table row while rows and lines go through the finder together
_BREAK_TAG = lazy(r"<br\s*/?>|</p>|</div>|</tr>|</h\d>|</li>", regex.I)
_COMMENT = lazy(r"<!--.*?-->", regex.S)
# A ** pair CommonMark leaves as text where its flanking rule knows no Chinese punctuation
# (**——坚持分类施策。**对于…: a closer after 。 and before 对 cannot close): the converter meant
# bold. The opener follows no Latin letter or digit (2 ** 3) and opens no mark of a list (张**、),
# the closer follows a mark; a name masked by stars (张**、李**) is text.
_LEFT_STRONG = lazy(r"(?<![A-Za-z0-9*])\*\*(?=[^\s、，*])([^*\n]+?\p{P})\*\*")

# What says "this is Markdown" (each kind counts once); plain notices have none of these.
SIGNALS = {
    "heading": regex.compile(r"(?m)^#{1,6}[ \t]+\S"),
    "comment": regex.compile(r"<!--.*?-->", regex.S),
    "strong": regex.compile(r"\*\*[^*\n]{1,80}\*\*|__[^_\n]{1,80}__"),
    "table": regex.compile(r"(?m)^\|?[ \t]*:?-{3,}:?[ \t]*\|"),
    "link": regex.compile(r"\[[^\]\n]{1,200}\]\([^)\s]+\)"),
    "converter": regex.compile(r"(?m)^(?:Markdown Content|URL Source):"),
}
# What every match of a signal holds, one of these strings: a text holding none is not searched
# (most plain notices have no "**", "---" or converter line, found by a substring test in C).
SIGNAL_WORDS = {
    "heading": ("#",),
    "comment": ("<!--",),
    "strong": ("**", "__"),
    "table": ("---",),
    "link": ("](",),
    "converter": ("Markdown Content:", "URL Source:"),
}


def _signal(name: str, sample: str) -> bool:
    for word in SIGNAL_WORDS[name]:  # a loop, not any(): no generator for each of six signals
        if word in sample:
            return SIGNALS[name].search(sample) is not None
    return False


def looks_like_markdown(text: str, path: str | None = None) -> bool:
    """Markdown signals of two kinds, or headings, or one signal in a ``.md`` file.

    Checked before HTML: converters leave inline tags (``<br>`` in table cells) in Markdown.
    """
    sample = text[:200_000]
    start = sample.lstrip()[:4]
    if start.startswith("<") and start != "<!--":  # a page or a page fragment
        return False
    # The signals are searched one by one until the answer is known: one signal for a .md file;
    # otherwise two headings, or two signals, or the converter's.
    if path and path.lower().endswith((".md", ".markdown")):
        return any(_signal(name, sample) for name in SIGNALS)
    if "#" in sample and next(islice(SIGNALS["heading"].finditer(sample), 1, None), None) is not None:
        return True  # a second heading
    found = 0
    for name in SIGNALS:
        if _signal(name, sample):
            found += 1
            if found >= 2 or name == "converter":
                return True
    return False


# Fast paths through markdown-it (most of a notice is plain lines of Chinese): what each rule
# needs to act, by rule name. An active rule missing here turns its fast path off (``_parser``),
# so enabling another rule can never be skipped silently.
#
# Block rules by what a line must start with (after its indent) for the rule to take it: a
# necessary condition, looser than the rule. Code looks at the indent only; a table and a setext
# heading start on any line, it is the next one that they need (their rows below), and a
# paragraph takes what is left.
_BLOCK_STARTS = {
    "fence": r"[`~]",
    "blockquote": r">",
    "hr": r"[*_-][*_ \t-]*$",
    "list": r"[*+-](?:[ \t]|$)|[0-9]+[.)](?:[ \t]|$)",
    "reference": r"\[",
    "html_block": r"<",
    "heading": r"#",
}
_SECOND_LINES = {
    "table": r"[|:-][|: \t-]*$",  # the delimiter row
    "lheading": r"(?:=+|-+)[ \t]*$",  # the underline
    "code": None,
    "paragraph": None,
}
# Inline rules by the character they start at; "text" takes every other character as text,
# "newline" is what ``_inline_text`` does itself.
_INLINE_TRIGGERS = {
    "text": "",
    "newline": "",
    "escape": "\\",
    "backticks": "`",
    "emphasis": "*_",
    "strikethrough": "~",
    "link": "[",
    "image": "!",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
    "linkify": ":",
}


class _Markdown(NamedTuple):  # a NamedTuple: a dataclass costs start-up time to make
    md: MarkdownIt
    trigger: re.Pattern[str] | None  # a character some inline rule acts on; None: parse all inline tokens
    # The plain-line rule's tests (_plain_line_rule); None: no such rule, nor _plain_document.
    starts: re.Pattern[str] | None = None
    stops: re.Pattern[str] | None = None
    # The core rules after the block rule, each acting on one inline token at a time.
    inline_rules: tuple[Callable[[StateCore], None], ...] = ()
    # Whether ``**word**`` pairs are read without the inline parser (_strong_text): the emphasis
    # rule is the only one acting on "*" and the only post-processing rule besides the pairing.
    strong: bool = False


@lru_cache(maxsize=1)
def _parser() -> _Markdown:
    from markdown_it import MarkdownIt  # deferred: ~90 ms at start-up, only Markdown inputs need it

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    if _normalize_is_known():
        md.core.ruler.at("normalize", _normalize)
    md.normalizeLink = _link_normalizer(md.normalizeLink)  # type: ignore[method-assign]
    block_rules = md.block.ruler.get_active_rules()
    starts = stops = None
    if set(block_rules) <= _BLOCK_STARTS.keys() | _SECOND_LINES.keys():
        firsts = [_BLOCK_STARTS[name] for name in block_rules if name in _BLOCK_STARTS]
        seconds = [p for name in block_rules if (p := _SECOND_LINES.get(name))]
        starts, stops = _any_of(firsts), _any_of(firsts + seconds)
        md.block.ruler.before(block_rules[0], "plain_line", _plain_line_rule(starts, stops))
    inline_rules = md.inline.ruler.get_active_rules()
    if not set(inline_rules) <= _INLINE_TRIGGERS.keys():
        return _Markdown(md, None)
    triggers = "".join(sorted({c for name in inline_rules for c in _INLINE_TRIGGERS[name]}))
    trigger = re.compile(f"[{re.escape(triggers)}]")
    strong = "emphasis" in inline_rules and set(md.inline.ruler2.get_active_rules()) <= _PAIRING_RULES
    md.core.ruler.at("inline", _inline_rule(trigger, strong))
    # _plain_document reads headings, rules and comments as these rules do, and runs the core
    # rules after the block rule on an inline token by itself.
    if (
        not {"heading", "hr", "html_block"} <= set(block_rules)
        or not md.options.get("html")
        or md.core.ruler.get_active_rules() != ["normalize", "block", "inline", "text_join"]
    ):
        return _Markdown(md, trigger, strong=strong)
    return _Markdown(md, trigger, starts, stops, tuple(md.core.ruler.getRules("")[2:]), strong)


def _normalize_is_known() -> bool:
    """markdown-it's ``normalize`` rule is the one ``_normalize`` stands for (these two patterns)."""
    from markdown_it.rules_core.normalize import NEWLINES_RE, NULL_RE

    return (NEWLINES_RE.pattern, NULL_RE.pattern) == (r"\r\n?|\n", r"\0")


def _normalize(state: StateCore) -> None:
    """markdown-it's ``normalize`` rule (line ends to ``\\n``, NUL to U+FFFD) without its two
    passes over text that has neither: there its patterns only put each ``\\n`` back for itself."""
    from markdown_it.rules_core.normalize import normalize

    if "\r" in state.src or "\0" in state.src:
        normalize(state)


# A link destination that validateLink passes whether normalized or not: normalizeLink keeps
# its scheme or its leading "/" or "#" (letters by class: no case folding to think about).
_PLAIN_LINK = re.compile(r"[hH][tT][tT][pP][sS]?://|[/#]")


def _link_normalizer(normalize: Callable[[str], str]) -> Callable[[str], str]:
    """markdown-it's ``normalizeLink`` (percent-encoding, punycode: a quarter of the parse of a
    page full of links) only where it can matter to the reader: the reader never reads an
    href, only whether ``validateLink`` passes it decides the tokens (a link, or its text)."""

    def normalize_link(url: str) -> str:
        return url if _PLAIN_LINK.match(url) else normalize(url)

    return normalize_link


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")


def _plain_line_rule(starts: re.Pattern[str], stops: re.Pattern[str]) -> Callable[[StateBlock, int, int, bool], bool]:
    """A block rule ahead of all others for lines that only the paragraph rule can take.

    Exact: the first line is not indented as code and starts nothing another rule could take
    (``starts``), and no later line up to the blank one starts a block, a table's delimiter row or
    a setext underline (``stops``), so no other rule takes the first line and nothing ends the
    paragraph early. The scan and the inline token are the paragraph rule's: a line that rule
    skips unchecked (indented as code, or the blockquote quirk) is skipped here too.

    The paragraph_open/paragraph_close pair around the inline token is left out (a third of the
    parse went into tokens): the reader reads inline tokens (``_paragraphs``), and the only rule
    that looks back at tokens, the list's tight-paragraph marking, just hides paragraphs.
    """
    from markdown_it.common.utils import mdTrim

    def plain_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        src, marks, shifts, ends = state.src, state.bMarks, state.tShift, state.eMarks
        indents, inner = state.sCount, state.blkIndent
        if indents[start] - inner >= 4 or starts.match(src, marks[start] + shifts[start], ends[start]):
            return False
        nxt, last = start + 1, state.lineMax
        while nxt < last and not state.isEmpty(nxt):
            if 0 <= indents[nxt] <= inner + 3 and stops.match(src, marks[nxt] + shifts[nxt], ends[nxt]):
                return False
            nxt += 1
        state.line = nxt
        token = state.push("inline", "", 0)
        token.content = mdTrim(state.getLines(start, nxt, inner, False))
        token.map = [start, nxt]
        token.children = []
        return True

    return plain_line


def _inline_rule(trigger: re.Pattern[str], strong: bool) -> Callable[[StateCore], None]:
    """The core ``inline`` rule, run only on content ``_unparsed_text`` cannot read: content with
    a ``trigger`` character other than ``**word**`` pairs (``_plain`` reads the rest itself)."""

    def inline(state: StateCore) -> None:
        md = state.md
        for token in state.tokens:
            if token.type != "inline" or trigger.search(token.content) is None:
                continue
            if strong and (text := _strong_text(token.content, trigger)) is not None:
                token.meta["plain"] = text  # _plain's text, kept: not worked out a second time
                continue
            if token.children is None:
                token.children = []
            md.inline.parse(token.content, md, state.env, token.children)

    return inline


def _unparsed_text(content: str, parser: _Markdown | None) -> str | None:
    """What ``_plain`` makes of an inline token's ``content`` that the inline rule left unparsed
    (``_inline_rule``); None for content it parsed."""
    if parser is None or parser.trigger is None:
        return None
    if parser.trigger.search(content) is None:
        return _inline_text(content)
    return _strong_text(content, parser.trigger) if parser.strong else None


# The post-processing rules _strong_text stands for: the delimiters' pairing, the emphasis
# tokens, the leftover delimiters' text joined (strikethrough acts on "~", a trigger).
_PAIRING_RULES = frozenset({"balance_pairs", "emphasis", "strikethrough", "fragments_join"})


def _strong_text(content: str, trigger: re.Pattern[str]) -> str | None:
    """What ``_plain`` makes of content whose only trigger characters are ``**word**`` pairs
    (``**第一条**`` over the article's text: a third of the inline parse of a regulation), None
    for any other content.

    Exact where each ``word`` is on one line and starts and ends with a character that is
    neither whitespace nor punctuation as the emphasis rule reads them, and the pairs stand apart
    (no ``****``, no other ``*``): then every opening ``**`` is left-flanking, every closing one
    right-flanking, and the nearest opener a closer finds is its own (the pairs before it are
    matched), so each pair is strong emphasis and the text between goes through the ``text``
    and ``newline`` rules alone (``_inline_text``). ``_plain``'s label break is reproduced.
    Content holding CR or NUL is left to the parser (the ``normalize`` rule rewrites them first).
    """
    if "**" not in content or "\r" in content or "\0" in content or trigger.search(content.replace("*", "")):
        return None
    parts = content.split("**")
    words, between = parts[1::2], parts[::2]
    if len(parts) % 2 == 0 or "" in between[1:-1] or any("*" in part for part in parts):
        return None
    if not all(word and "\n" not in word and _flanks(word[0]) and _flanks(word[-1]) for word in words):
        return None
    out = [_inline_text(between[0])]
    has_text = bool(out[0].strip())  # "".join(out).strip(), kept as the parts come
    for word, after in zip(words, between[1:], strict=True):
        # _label_follows: a short label after some text, a colon after it on its line.
        if len(word) <= 12 and after.split("\n", 1)[0].lstrip()[:1] in (":", "：") and has_text:
            out.append("\n")
        out += [word, _inline_text(after)]
        has_text = True  # a word starts with a character that is no white space
    return "".join(out)


def _flanks(ch: str) -> bool:
    """Neither whitespace nor punctuation to the emphasis rule (``scanDelims``)."""
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

    return not (isWhiteSpace(ord(ch)) or isMdAsciiPunct(ord(ch)) or isPunctChar(ch))


def _inline_text(content: str) -> str:
    """What the ``text`` and ``newline`` rules make of content without a trigger character, as
    ``_plain`` joins it: a line break ("  \n" too) is "\n", the spaces before it and the
    spaces and tabs after it go."""
    if "\n" not in content:
        return content
    lines = content.split("\n")
    last = len(lines) - 1
    return "\n".join(
        (line if i == 0 else line.lstrip(" \t")).rstrip(" ") if i < last else line.lstrip(" \t")
        for i, line in enumerate(lines)
    )


def read_markdown(text: str) -> ReadResult:
    yaml, body = front_matter(text)
    offset = text[: len(text) - len(body)].count("\n")
    lines: list[tuple[int, str]] = []
    tables: list[Block] = []
    parser = _parser()
    paragraphs = _plain_document(body, parser)
    if paragraphs is None:
        paragraphs = _paragraphs(parser.md.parse(body), parser)
    for line, content, kind in paragraphs:
        if kind == "table":
            tables.append(Block(text=content, kind="table", line=line + offset))
        elif "\n" in content:
            lines += [(line + offset + k, part) for k, part in enumerate(content.split("\n"))]
        else:
            lines.append((line + offset, content))
    lines = read_once(body, lines)
    # A PDF's text converted to Markdown is hard-wrapped inside its paragraphs: measured before
    # anything is taken out, as the text reader measures it (its lines all hold text).
    wrap = page_wrap(lines)
    # Table rows keep their place: a marker line number ties them to the text around.
    lines += [(b.line or 0, _TABLE + b.text) for b in tables]
    lines.sort(key=itemgetter(0))
    kept, meta = official_lines(lines, converted=True)
    if wrap is None:  # one paragraph a line (a loop, not a call per line: most Markdown inputs)
        blocks = [
            Block(text=part.removeprefix(_TABLE), kind="table", line=n)
            if part.startswith(_TABLE)
            else Block(text=part, line=n)
            for n, part in kept
        ]
    else:
        starts = {line + offset for line, _, kind in paragraphs if kind == "para"}
        # Lines ending with a hard break ("  " or "\\" before the newline), by source line number.
        lines_of_body = enumerate(body.split("\n"), start=1)
        breaks = frozenset(offset + k for k, line in lines_of_body if _breaks_paragraph(line))
        blocks = _rejoined(kept, wrap, starts, breaks)
    source_meta: dict[str, Any] = meta
    if isinstance(yaml.get("title"), str) and yaml["title"]:
        source_meta.setdefault("title", yaml["title"])
    return ReadResult(blocks=blocks, format="markdown", source_meta=source_meta)


def _breaks_paragraph(line: str) -> bool:
    """A source line whose hard break ends a paragraph: converters of PDFs put one where a
    paragraph ends, after its stop; some put one after every line, and those say nothing."""
    return line.endswith(("  ", "\\")) and ends_paragraph_stop(line.rstrip(" \\"))


def _rejoined(kept: list[tuple[int, str]], wrap: Wrap, starts: set[int], breaks: frozenset[int]) -> list[Block]:
    """The official text's lines of a hard-wrapped text as blocks: table rows, and text lines
    rejoined (``unwrap``) from the first numbered line on. Above it, the front part's lines
    (title, 发文字号, addressee, a 令's cover text) stay as they are, for the front reader to
    classify. A Markdown block (``starts``: their first lines) that opens with a numbering marker
    is never joined to the line before: the converter set it apart; nor is a line after a hard
    break (``breaks``): converters of PDFs put one at paragraph ends.
    """
    blocks: list[Block] = []
    segment: list[tuple[int, str]] = []  # text lines since the last table row or paragraph break
    in_body = False
    for n, part in kept:
        if part.startswith(_TABLE):
            blocks += _run(segment, wrap, breaks, in_body)
            blocks.append(_block(n, part))
            segment = []
            continue
        if in_body and n in starts:
            opens = match_candidate(part) is not None
        else:
            opens = not in_body and (match_marker(part) is not None or _wrapped_sentence(part, wrap))
        if opens:
            blocks += _run(segment, wrap, breaks, in_body)
            segment = []
            in_body = True
        segment.append((n, part))
    blocks += _run(segment, wrap, breaks, in_body)
    return blocks


def _wrapped_sentence(line: str, wrap: Wrap) -> bool:
    """A front line the page wrapped inside a sentence (an addressee over four lines, the opening
    sentence): it fills the page and ends mid-sentence, and it is no title (that ends naming its
    kind of document, 某某的通知)."""
    text = line.strip()
    return (
        bool(text)
        and text[-1] not in SENTENCE_END
        and display_width(text) >= wrap.width - wrap.slack
        and not names_a_kind(text)
    )


def _run(lines: list[tuple[int, str]], wrap: Wrap, breaks: frozenset[int], in_body: bool) -> list[Block]:
    """A run of text lines: rejoined in the body, line by line above it."""
    return unwrap(lines, wrap, breaks) if in_body else [Block(text=t, line=n) for n, t in lines]


def _block(n: int, part: str) -> Block:
    """A kept line as a block: a table row (marked ``_TABLE``) or a paragraph."""
    if part.startswith(_TABLE):
        return Block(text=part.removeprefix(_TABLE), kind="table", line=n)
    return Block(text=part, line=n)


_ATX_HEADING = re.compile(r"(#{1,6})(?:[ \t]|$)")  # the heading rule's test of a line's start
_THEMATIC_BREAK = re.compile(r"([*_-])(?:[ \t]*\1){2,}[ \t]*$")  # the hr rule's test of a line


def _plain_document(body: str, parser: _Markdown) -> list[tuple[int, str, str]] | None:
    """``_paragraphs(parser.md.parse(body))`` without markdown-it's block parser, for a body
    made only of plain paragraphs, ATX headings, thematic breaks and one-line HTML comments
    (a regulation converted to Markdown); None for any other body, which markdown-it reads.

    Exact: no CR or NUL (normalize leaves the text), lines split at "\\n" as markdown-it splits
    them and blank where it finds them empty. Every other line at an indent under 4 fails the
    plain-line rule's ``stops``, so each paragraph is one that rule takes whole (a first line
    ``starts`` nothing, no later line starts a block, a table's delimiter row or a setext
    underline), or it is a heading, a comment or (after a blank line) a thematic break that
    follows no paragraph line (none to interrupt or underline, no rule before theirs takes it,
    and the line after it fails ``stops`` too or is one of these: never a table's delimiter
    row). A line at an indent of 4 or more is only taken inside a paragraph (no code block).
    The heading's text is cut as the heading rule cuts it, the comment read as ``_paragraphs``
    reads an html_block, a break gives no text; an inline token holding a trigger character
    goes through the core rules after the block rule (``_parsed_inline``).
    """
    from markdown_it.common.utils import mdTrim

    starts, stops = parser.starts, parser.stops
    if starts is None or stops is None or "\r" in body or "\0" in body:
        return None
    out: list[tuple[int, str, str]] = []
    para: list[str] = []  # the lines of the open paragraph
    first = 0  # its first line (0-based)
    after_blank = True
    for n, line in enumerate([*body.split("\n"), ""]):  # a blank line more closes the last paragraph
        text = line.lstrip(" \t")
        if not text:
            if para:
                _add_inline(out, parser, mdTrim("\n".join(para)), first, n)
                para = []
            after_blank = True
            continue
        indent = len(line) - len(text)
        if indent and "\t" in line[:indent]:
            indent = len(line[:indent].expandtabs(4))
        if indent <= 3 and stops.match(text):
            if para or starts.match(text) is None:
                return None
            if (heading := _ATX_HEADING.match(text)) is not None:
                _add_inline(out, parser, mdTrim(_heading_text(text[heading.end(1) :])), n, n + 1)
            elif text.startswith("<!--") and "-->" in text:  # html_block: a comment closed on its line
                if content := _strip_html(line):
                    out.append((n + 1, content, "para"))
            elif not (after_blank and _THEMATIC_BREAK.match(text)):
                return None
        elif indent >= 4 and not para:
            return None
        else:
            if not para:
                first = n
            para.append(line)
        after_blank = False
    return out


def _add_inline(out: list[tuple[int, str, str]], parser: _Markdown, content: str, start: int, end: int) -> None:
    """An inline token of ``content`` (source lines ``start`` to ``end``) as ``_paragraphs`` reads it."""
    text = _unparsed_text(content, parser)  # _plain of a token the inline rule leaves
    if text is None:
        text = _plain(_parsed_inline(parser, content, start, end), parser)
    text = text.strip()
    if text:
        out.append((start + 1, text, "para"))


def _parsed_inline(parser: _Markdown, content: str, start: int, end: int) -> Token:
    """The inline token as the block rule makes it and the core rules after it leave it. They
    act on each inline token by itself, with the document's env: empty here, no reference
    definition can stand in a body _plain_document reads (a paragraph starting with "[")."""
    from markdown_it.rules_core.state_core import StateCore
    from markdown_it.token import Token

    token = Token("inline", "", 0, content=content, map=[start, end], children=[])
    state = StateCore("", parser.md, {}, [token])
    for rule in parser.inline_rules:
        rule(state)
    return token


def _heading_text(rest: str) -> str:
    """What the heading rule keeps (before its trim) of what follows the ``#`` marks: trailing
    spaces and tabs off, then a closing run of ``#`` that a space or tab sets apart."""
    rest = rest.rstrip(" \t")
    bare = rest.rstrip("#")
    return bare if bare and bare[-1] in " \t" else rest


# The token types _paragraphs acts on; the others (the closing tokens, headings' and lists'
# opening ones) hold no text.
_READ_TOKENS = frozenset({"list_item_open", "inline", "tr_close", "tr_open", "html_block", "code_block", "fence"})


def _paragraphs(tokens: list[Token], parser: _Markdown | None) -> list[tuple[int, str, str]]:
    """(first source line, plain text, "para" or "table") for each block in order; ``parser``:
    the one that made ``tokens``, None for a parser that leaves no inline token unparsed."""
    out: list[tuple[int, str, str]] = []
    row: list[str] = []
    item_marker = ""
    for i, tok in enumerate(tokens):
        if tok.type not in _READ_TOKENS:
            continue
        line = (tok.map[0] + 1) if tok.map else (out[-1][0] if out else 1)
        if tok.type == "list_item_open" and tok.markup in (".", ")"):
            # 1. / 2) item: markdown-it takes the number off; the numbering needs it back.
            item_marker = f"{tok.info}{'.' if tok.markup == '.' else '）'}"
        elif tok.type == "inline":
            parent = tokens[i - 1].type if i else ""
            if parent in ("th_open", "td_open"):
                row.append(_plain(tok, parser).replace("\n", " ").strip())
                continue
            content = _plain(tok, parser).strip()
            if item_marker:
                content, item_marker = item_marker + content, ""
            if content:
                out.append((line, content, "para"))
        elif tok.type == "tr_close":
            cells = [c for c in row if c]
            if cells:
                out.append((out[-1][0] if out else 1, CELL_SEP.join(cells), "table"))
            row = []
        elif tok.type == "tr_open":
            row = []
            out.append((line, "", "row-start"))
        elif tok.type == "html_block":
            content = _strip_html(tok.content)
            if content:
                out.append((line, content, "para"))
        elif tok.type in ("code_block", "fence"):
            # Indented Chinese text is read as code by CommonMark; it is still text.
            content = "\n".join(x.strip() for x in tok.content.splitlines() if x.strip())
            if content:
                out.append((line, content, "para"))
    # Each table row takes the line of its tr_open.
    fixed: list[tuple[int, str, str]] = []
    row_line = 1
    for line, content, kind in out:
        if kind == "row-start":
            row_line = line
        elif kind == "table":
            fixed.append((row_line, content, kind))
        else:
            fixed.append((line, content, kind))
    return fixed


def _plain(inline: Token, parser: _Markdown | None) -> str:
    if (text := inline.meta.get("plain")) is not None or (text := _unparsed_text(inline.content, parser)) is not None:
        return text  # not parsed: see _inline_rule
    parts: list[str] = []
    children = inline.children or []
    for k, child in enumerate(children):
        if child.type == "strong_open" and "".join(parts).strip() and _label_follows(children, k):
            parts.append("\n")  # …的通知**版本**: 现行有效 — a converter's label glued to the line before
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "html_inline":
            if _BREAK_TAG.fullmatch(child.content.strip()):
                parts.append("\n")
        # image: its alt text is the converter's ("Image 1"), not the document's
    text = "".join(parts)
    return _LEFT_STRONG.sub(r"\1", text) if "**" in text else text


def _label_follows(children: list[Token], k: int) -> bool:
    """``**label**:`` starts at ``children[k]`` (a strong_open): a short label, then a colon."""
    if k + 3 >= len(children):
        return False
    label, close, after = children[k + 1], children[k + 2], children[k + 3]
    return (
        label.type == "text"
        and 0 < len(label.content) <= 12
        and close.type == "strong_close"
        and after.type == "text"
        and after.content.lstrip()[:1] in (":", "：")
    )


def _strip_html(html: str) -> str:
    text = _TAG.sub("", _BREAK_TAG.sub("\n", _COMMENT.sub("", html)))
    return "\n".join(x.strip() for x in text.splitlines() if x.strip())
