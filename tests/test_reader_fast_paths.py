"""Fast paths of the text readers give what the plain computation gives (randomized)."""

from __future__ import annotations

import random
from collections import Counter

from policydoc.readers import chrome, lines, oneline, text
from policydoc.text import display_width


def _wrap_width_plain(rows: list[tuple[int, str]]) -> float | None:
    """wrap_width as it was written before its width-free tests: every width measured."""
    widths = [display_width(line.strip()) for _, line in rows]
    long_lines = [round(w) for w in widths if w >= 10]
    if len(long_lines) < 8:
        return None
    ends = sum(1 for _, line in rows if line.rstrip()[-1:] in lines.SENTENCE_END)
    if ends >= 0.8 * len(rows):
        return None
    width, _ = Counter(long_lines).most_common(1)[0]
    near = sum(1 for w in widths if abs(w - width) <= 1.5)
    if width > 60 or near < 0.4 * len(widths):
        return None
    common = [w for w, c in Counter(long_lines).items() if c >= 0.2 * near and w <= width + 2]
    return float(max(common, default=width))


def test_wrap_width_equals_the_plain_computation() -> None:
    rng = random.Random(3)
    found = 0
    for _ in range(3000):
        page = rng.choice([12, 20, 28, 35, 45, 58, 62, 70])
        rows = []
        for n in range(rng.randint(1, 40)):
            size = rng.choice([page, page, page - 1, page + 1, rng.randint(1, 140)])
            chars = "".join(rng.choice("中文，a1 —") for _ in range(size))
            rows.append((n, " " * rng.randint(0, 2) + chars + rng.choice(["", "。", "；"])))
        want, got = _wrap_width_plain(rows), text.wrap_width(rows)
        assert got == want, rows
        found += isinstance(want, float)
    assert found > 100  # both answers are exercised


def test_character_tests_equal_their_patterns() -> None:
    rng = random.Random(5)
    alphabet = [*"a1年。）中\n（《[“)’ \t\u3000\xa0\u200b", "  "]
    for _ in range(50000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7)))
        assert chrome.fold(s) == chrome._FOLD_SPACES.sub(" ", s).strip(), repr(s)
        assert lines._ends_open(s) == (lines.OPENS.search(s) is not None), repr(s)
        assert oneline._latin_end(s) == (oneline._LATIN_END.search(s) is not None), repr(s)
        assert lines._may_be_fragment(s) or lines.FRAGMENT.fullmatch(s) is None, repr(s)
        assert text._first(s) == s.lstrip()[:1], repr(s)


def _split_line_plain(line: str) -> list[str]:
    """split_line as it was written before it kept the last piece's ASCII count (every test by its pattern)."""
    import regex

    latin_start = regex.compile(r"^[A-Za-z0-9(\['\"‘-]")
    latin_end = regex.compile(r"[A-Za-z0-9,.;:'\"’)\]-]$")
    brackets = regex.compile(f"[{oneline._OPEN}{regex.escape(oneline._CLOSE)}]")

    def latin(piece: str) -> bool:
        return sum(1 for c in piece if c.isascii()) >= 0.8 * len(piece)

    pieces: list[str] = []
    depth = 0
    for piece in oneline._SPACE.split(line.strip()):
        if not piece:
            continue
        if pieces and piece[:1] in "条章节" and oneline._HALF_MARKER.search(pieces[-1]):
            pieces[-1] += piece
            continue
        bare = bool(pieces) and oneline._bare_marker(pieces[-1])
        glue = bool(pieces) and (
            depth > 0
            or (latin_start.search(piece) and latin_end.search(pieces[-1]) and latin(pieces[-1]) and latin(piece))
            or bare
        )
        if glue:
            joined = [pieces[-1] + " ", piece] if bare else [pieces[-1], piece]
            pieces[-1] = lines.join_lines(joined)
        else:
            pieces.append(piece)
        if brackets.search(piece):
            depth = max(0, depth + len(oneline._OPENS.findall(piece)) - len(oneline._CLOSES.findall(piece)))
            if depth > 3:
                depth = 0
    return pieces


def test_split_line_equals_the_plain_computation() -> None:
    rng = random.Random(11)
    words = [
        "Data", "flows", "is", "a", "1.", "(1)", "x,", "end.", "‘q", "’", "[a]", "-", "中文", "第一条", "第六", "条",
        "章", "（一）", "《标题", "》", "（", "）", "【", "】", "“", "”", "通知。", "A中", "中a", "1", "2024", "年",
        "一、", "ABC中文字", "abcd中", "二",
    ]  # fmt: skip
    for _ in range(4000):
        gaps = [" ", " ", "  ", "\u3000", "\t", ""]
        line = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 60)))
        assert oneline.split_line(line) == _split_line_plain(line), line
