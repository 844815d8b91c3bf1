"""The engine-independent layout: positioned characters → lines → paragraphs."""

from __future__ import annotations

import pytest

from policydoc.layout import Char, page_lines, paragraphs

SIZE = 16.0
LEFT = 80.0
WIDTH = 28  # characters a full line holds


def chars(text: str, row: int, indent: int = 0, *, size: float = SIZE, dx: float = 0.0) -> list[Char]:
    """One line of ``text`` set on a fixed grid: a character per ``size`` points."""
    top = 100 + row * 1.8 * SIZE
    x = LEFT + indent * SIZE + dx
    out = []
    for ch in text:
        out.append(Char(ch, x, x + size, top, top + size, size, True))
        x += size
    return out


def laid_out(*rows: tuple[str, int]) -> list[str]:
    """Paragraph texts of a page whose rows are (text, indent in characters)."""
    page = [c for row, (text, indent) in enumerate(rows) for c in chars(text, row, indent)]
    # A full-width reference line fixes the right margin as a real page's body text does.
    return [b.text for b in paragraphs(page_lines(page, 1))]


FULL = "这是一行排满版心的正文文字用于测试段落识别是否正确处理。"  # 28 characters, ends with 。
assert len(FULL) == WIDTH
FULL_COMMA = FULL[:-1] + "，"
FULL_OPEN = FULL[:-1] + "等"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # No first-line indent: a marker after a full line ending in 。 or ； starts a paragraph.
        ([(FULL, 0), ("（二）加强组织领导。", 0)], [FULL, "（二）加强组织领导。"]),
        ([(FULL[:-1] + "；", 0), ("2.完善工作机制。", 0)], [FULL[:-1] + "；", "2.完善工作机制。"]),
        # A number at the start of a wrapped line mid-sentence is not a marker that starts anything.
        ([(FULL_COMMA, 0), ("2.5万元以上的项目给予补助。", 0)], [FULL_COMMA + "2.5万元以上的项目给予补助。"]),
        ([(FULL_OPEN, 0), ("三、四类地区适当放宽。", 0)], [FULL_OPEN + "三、四类地区适当放宽。"]),
        # A full line ending in 。 followed by plain text runs on (the sentence ended at the margin).
        ([(FULL, 0), ("继续推进各项工作落实。", 0)], [FULL + "继续推进各项工作落实。"]),
        # First-line indent and short last lines, as before.
        ([(FULL[:26], 2), ("补充说明。", 0), ("另起一段。", 2)], [FULL[:26] + "补充说明。", "另起一段。"]),
    ],
)
def test_paragraph_starts(rows, expected):
    assert laid_out(*rows) == expected


def test_overprinted_characters_are_read_once():
    # Fake bold: every character drawn twice, a fraction of a point apart.
    page = chars("加粗标题文字", 0) + chars("加粗标题文字", 0, dx=0.4)
    [line] = page_lines(page, 1)
    assert line.text == "加粗标题文字"


def test_repeated_characters_side_by_side_are_kept():
    [line] = page_lines(chars("谢谢各位", 0), 1)
    assert line.text == "谢谢各位"


def test_characters_of_size_zero_are_not_text():
    # `0 Tf` (hidden text) once crashed the paragraph builder with an IndexError.
    page = chars("看不见的文字", 0, size=0.0)
    assert page_lines(page, 1) == []
    assert paragraphs([]) == []
    visible = page + chars("看得见的文字。", 1)
    assert [b.text for b in paragraphs(page_lines(visible, 1))] == ["看得见的文字。"]


def test_digits_set_lower_join_their_line():
    page = chars("由万元提高至万元。", 0)
    # "30" drawn 3 points below the line, between 由 and 万 (the sichuan PDF).
    page += [Char("3", LEFT + SIZE, LEFT + 1.5 * SIZE, 103, 103 + SIZE, SIZE, True)]
    page += [Char("0", LEFT + 1.5 * SIZE, LEFT + 2 * SIZE, 103, 103 + SIZE, SIZE, True)]
    page = [c if c.text in "30" or c.x0 < LEFT + SIZE else c._replace(x0=c.x0 + SIZE, x1=c.x1 + SIZE) for c in page]
    [line] = page_lines(page, 1)
    assert line.text == "由30万元提高至万元。"
