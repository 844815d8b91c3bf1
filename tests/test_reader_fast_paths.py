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
    opens, closes = regex.compile(f"[{oneline._OPEN}]"), regex.compile(f"[{regex.escape(oneline._CLOSE)}]")

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
            depth = max(0, depth + len(opens.findall(piece)) - len(closes.findall(piece)))
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


def test_chrome_probes_are_looser_than_their_rows() -> None:
    """A probe (stdlib re) matches at the start of every line its row (regex, ignoring case) matches."""
    import re

    import regex

    # What the probes stand on: regex's \s, \d and \p{Han} and its case-insensitive letters,
    # over every code point, against the classes the probes use in their place. A probe's
    # letters are [xX] classes (all of them: none is left once those and escapes are taken out).
    probes = [rule.probe for rule in chrome.RULES if rule.probe]
    letters = "".join(sorted({m.group(1) for p in probes for m in re.finditer(r"\[([a-z])([A-Z])\]", p)}))
    for p in probes:
        rest = re.sub(r"\[([a-z])([A-Z])\]|\\x[0-9a-f]{2}|\\[a-zA-Z]", "", p)
        assert not re.search("[a-zA-Z]", rest), p
    assert len(letters) >= 6
    classes = regex.compile(rf"(?P<s>\s)|(?P<d>\d)|(?P<han>\p{{Han}})|(?P<letter>[{letters}])", regex.I)
    for code in range(0x110000):
        m = classes.fullmatch(chr(code))
        if m is None:
            continue
        if m.lastgroup == "s":
            assert chr(code).isspace(), hex(code)
        elif m.lastgroup == "letter":
            assert chr(code).lower() in letters, hex(code)
        else:
            assert code >= 0x80 or (m.lastgroup == "d" and chr(code) in "0123456789"), hex(code)
    # Every row's matches on lines made slot by slot in the row's shape, a slot at times taken by
    # another piece.
    rng = random.Random(13)
    shared = ["", " ", "  ", "\u3000", "中", "，", "。", "：", ":", "3", "٣", "１２", "x", "S", "/"]
    seps = ["", " ", "【", "】", "|", ">", "·", "(", "*", "："]
    words = [*chrome.CONTROL_WORDS, "Top", "pc版", "a+"]
    footer_words = "版权所有 ICP备 icp证 公网安备 网站地图 Copyright ©".split()
    footer_words += ["网站标识码", "Produced By", "producedby", "PUBLISHDATE:"]
    credit_words = "技术支持： 主办单位: 承办单位： 承办: 联系我们".split()
    shapes = {
        "page-marker": [
            ["=", "=="],
            ["", " "],
            ["PAGE", "page", "Page"],
            ["", " "],
            ["3", "12", "٣"],
            ["", " "],
            ["="],
        ],
        "controls": [seps, words, seps, words, seps, ["", *words]],
        "breadcrumb-separator": [[">", "›", "»", "＞", "/"], ["", ">", "/"]],
        "source-link": [
            ["原文链接", "本文链接", "链接", "网址", "URL Source", "url source", "来源网址"],
            ["：", ":"],
            ["", " "],
            ["", "http://a.b", "HTTPS://c"],
        ],
        "print-header": [
            ["26", "2", "٣"],
            ["/"],
            ["03", "3"],
            ["/"],
            ["2024"],
            [",", ""],
            [" ", ""],
            ["11:46", "9:05"],
            [" "],
            ["标题", "", "a _ b"],
        ],
        "print-footer": [
            ["http", "HTTPS", "https"],
            ["://"],
            ["a.b/c", "x"],
            [" ", "  "],
            ["2", "13"],
            ["/"],
            ["13", "2"],
        ],
        "views": [
            ["浏览", "阅读", "点击", "12", "-", "٣"],
            ["", "次数", "量"],
            ["", " "],
            ["", "：", ":"],
            ["", "12", "٣"],
            ["", "次"],
        ],
        "breadcrumb": [
            ["您的位置", "您现在的位置", "当前位置", "所在位置", "当前页面", "首页", "首 页"],
            ["", " "],
            ["：", ":", ">", ""],
            ["", "首页", "政策"],
        ],
        "citation-code": [["【法宝引证码】"], ["", "CLI.1.2"]],
        "url": [["http://", "HTTPS://", "https://"], ["a.b/c", "x"]],
        "crawler-label": [
            ["来源", "编辑", "Title", "title", "Published Time", "MARKDOWN CONTENT", "正", "正 "],
            ["", " "],
            ["：", ":", "文"],
            ["", "中文", " x"],
        ],
        "publish-time": [
            ["听全文 ", "", "听全文"],
            ["2024-1-2", "2025年10月1日", "٣٣٣٣-01-12", "2024/1/2", "", "1"],
            ["", " "],
            ["11:46", "9:05:01", ""],
            ["", " -次", "3次"],
        ],
        "footer": [
            ["", "中文", "网站", "x"],
            footer_words,
            ["", "中文", " 2024"],
        ],
        "footer-credit": [["", "中文", "网站", "x"], credit_words, ["", "中文", " 2024"]],
        "related-list": [
            ["相关链接", "相关解读", "延伸阅读", "相关政策", "相关附件", "政策解读", "一图读懂", "图解", "视频解读"],
            ["", " "],
            ["", "：", ":"],
            ["", "https://www.example.gov.cn/a.html", " http://x"],
        ],
    }
    rows = [(rule, regex.compile(rule.pattern, regex.I), re.compile(rule.probe)) for rule in chrome.RULES if rule.probe]
    assert len(rows) == len(chrome.RULES)
    hits: Counter[str] = Counter()
    for k in range(60000):
        slots = shapes[rows[k % len(rows)][0].name]  # (rows of one name share a shape)
        line = chrome.fold("".join(rng.choice(slot if rng.random() < 0.9 else shared) for slot in slots))
        for rule, pattern, probe in rows:
            if pattern.fullmatch(line):
                hits[rule.name] += 1
                assert probe.match(line), (rule.name, line)
    assert hits.keys() == shapes.keys() and min(hits.values()) >= 500, hits


def test_title_key_equals_its_pattern() -> None:
    import unicodedata

    rng = random.Random(23)
    alphabet = [*"a1年（）(中\n \t\u3000\xa0\u200b\x1c\x85\u2028\ufeff＝Ａ", "  ", "㈱", "ﬁ"]
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7)))
        assert chrome._key(s) == chrome._SPACES.sub("", unicodedata.normalize("NFKC", s)), repr(s)


def test_front_matter_opening_test_is_looser() -> None:
    from policydoc.readers import sina

    rng = random.Random(31)
    pieces = ["---", "--", "-", "\n", " ", "\t", "\x1c", "\u3000", "\x85", "title: 甲", "a", "<p>", "\n---\n"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        got, want = sina._front_matter(text), sina.FRONT_MATTER.match(text)
        assert (got and got.span()) == (want and want.span()), repr(text)


def test_label_and_grid_prefilters_equal_their_patterns() -> None:
    from policydoc.readers import grid, labels

    rng = random.Random(11)
    alphabet = ["标", "题", "文", "号", "发", "布", "日", "期", "T", "itle", "：", ":", " ", "\u3000", "\x1c"]
    alphabet += ["索引", "a", "名称"]
    for _ in range(5000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        m = labels._LABEL.match(line)
        want = None if m is None else (labels.LABELS["".join(m.group("label").split())], m.group("value").strip())
        assert labels._label_of_folded(line) == want, line
        found = list(grid._GRID_IN_TEXT.finditer(line))
        assert (grid.grid_from_text(line) == {}) or len(found) >= 2, line
        if len(found) >= 2:
            assert sum(map(line.count, grid.COLONS)) >= 2, line


def test_title_keys_join_where_the_boundary_is_safe() -> None:
    rng = random.Random(5)
    alphabet = ["中", "文", "（", "）", "，", " ", "\u3000", "A", "e", "\u0301", "\u1100", "\u1161"]
    alphabet += ["ﬁ", "㍻", "①", "\u309a"]
    for _ in range(5000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5)))
        if chrome._joins_keys(b):
            assert chrome._key(a + b) == chrome._key(a) + chrome._key(b), (a, b)


class _Everything(str):
    def __contains__(self, item: object) -> bool:
        return True


def test_rejoin_fast_path_equals_the_full_loop(monkeypatch) -> None:
    rng = random.Random(7)
    words = ["第二条", "2025", "年", "8", "月", "26", "日", "〔", "〕", "161号", "（", "。", "5", ".元宇宙", "http://a.b/c"]
    words += ["为了规范管理，制定本办法。", "工业和信息化部办公厅关于做好工作的通知"]
    words += ["Latin words here and there ok", "\n"]
    cases = []
    for _ in range(3000):
        rows = []
        for n in range(rng.randint(0, 12)):
            rows.append((n, "".join(rng.choice(words) for _ in range(rng.randint(1, 3))) + rng.choice(["", " ", "（"])))
        cases.append(rows)
    fast = [lines.rejoin_fragments(rows) for rows in cases]
    monkeypatch.setattr(lines, "_GLUE_TAILS", _Everything())
    assert [lines.rejoin_fragments(rows) for rows in cases] == fast


def test_without_chrome_equals_chrome_rule_per_line() -> None:
    rng = random.Random(9)
    words = ["打印", "关闭", " ", "  ", "\u3000", ">", "原文链接：", "http://x.cn/a", "2/13", "浏览次数：", "12", "次"]
    words += ["中", "为了规范管理。", "===", "PAGE", "26/03/2024, 11:46 ", "\u200b", "A+", "字号：大 中 小"]
    rows = [(n, "".join(rng.choice(words) for _ in range(rng.randint(0, 6)))) for n in range(4000)]
    rows.append((4000, "中" * 300))
    for zone in ("any", "head", "tail"):
        want = [(n, t) for n, t in rows if chrome.chrome_rule(t, zone) is None]
        assert chrome._without_chrome(rows, zone) == want


def test_digit_stand_in_leaves_out_no_digit() -> None:
    import re

    import regex

    stand_in = re.compile(chrome._DIGIT)
    digit = regex.compile(r"\d", regex.I)
    for code in range(0x110000):
        if digit.fullmatch(chr(code)):
            assert stand_in.fullmatch(chr(code)), hex(code)
