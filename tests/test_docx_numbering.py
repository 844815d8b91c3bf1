"""Word's automatic numbering: every number format, templates, restarts and overrides."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from policydoc.numbering import read_numeral
from policydoc.readers.wordnum import FORMATS, Numbering, format_number

from .render_docx import W_NS

# (numFmt, counter, what Word prints)
FORMAT_TABLE = [
    ("decimal", 1, "1"),
    ("decimal", 12, "12"),
    ("decimalZero", 7, "07"),
    ("decimalFullWidth", 12, "１２"),
    ("decimalFullWidth2", 3, "３"),
    ("decimalHalfWidth", 3, "3"),
    ("decimalEnclosedCircle", 1, "①"),
    ("decimalEnclosedCircle", 20, "⑳"),
    ("decimalEnclosedCircle", 21, "21"),
    ("decimalEnclosedCircleChinese", 5, "⑤"),
    ("decimalEnclosedParen", 1, "⑴"),
    ("decimalEnclosedParen", 20, "⒇"),
    ("decimalEnclosedFullstop", 3, "⒊"),
    ("decimalChineseCounting", 10, "一〇"),
    ("decimalChineseCounting", 2021, "二〇二一"),
    ("ideographDigital", 305, "三〇五"),
    ("chineseCounting", 1, "一"),
    ("chineseCounting", 10, "十"),
    ("chineseCounting", 11, "十一"),
    ("chineseCounting", 20, "二十"),
    ("chineseCounting", 21, "二十一"),
    ("chineseCounting", 99, "九十九"),
    ("chineseCounting", 100, "一〇〇"),
    ("chineseCountingThousand", 10, "十"),
    ("chineseCountingThousand", 15, "十五"),
    ("chineseCountingThousand", 101, "一百零一"),
    ("chineseCountingThousand", 110, "一百一十"),
    ("chineseCountingThousand", 1000, "一千"),
    ("chineseCountingThousand", 2305, "二千三百零五"),
    ("taiwaneseCountingThousand", 12, "十二"),
    ("taiwaneseCounting", 3, "三"),
    ("japaneseCounting", 14, "十四"),
    ("chineseLegalSimplified", 1, "壹"),
    ("chineseLegalSimplified", 10, "壹拾"),
    ("chineseLegalSimplified", 12, "壹拾贰"),
    ("chineseLegalSimplified", 105, "壹佰零伍"),
    ("ideographLegalTraditional", 3, "參"),
    ("ideographTraditional", 1, "甲"),
    ("ideographTraditional", 10, "癸"),
    ("ideographTraditional", 11, "11"),
    ("ideographZodiac", 12, "亥"),
    ("ideographEnclosedCircle", 2, "㈡"),
    ("upperLetter", 1, "A"),
    ("upperLetter", 26, "Z"),
    ("upperLetter", 27, "AA"),
    ("upperLetter", 53, "AAA"),
    ("lowerLetter", 3, "c"),
    ("upperRoman", 4, "IV"),
    ("upperRoman", 1994, "MCMXCIV"),
    ("lowerRoman", 9, "ix"),
    ("ordinal", 1, "1st"),
    ("ordinal", 12, "12th"),
    ("ordinal", 23, "23rd"),
    ("none", 5, ""),
    ("bullet", 5, ""),
    ("aFormatWordAddsLater", 3, "3"),
    ("decimalZero3", 7, "007"),  # Word 2010's custom "001, 002, 003, ..."
]


@pytest.mark.parametrize(("fmt", "n", "printed"), FORMAT_TABLE)
def test_number_format(fmt: str, n: int, printed: str):
    assert format_number(n, fmt) == printed


def test_every_format_the_issue_names_is_in_the_table():
    named = (
        "chineseCounting chineseCountingThousand chineseLegalSimplified ideographTraditional decimal "
        "decimalFullWidth decimalEnclosedCircle decimalEnclosedParen decimalChineseCounting upperLetter "
        "lowerLetter upperRoman lowerRoman bullet none"
    ).split()
    tested = {fmt for fmt, _, _ in FORMAT_TABLE}
    assert set(named) <= set(FORMATS) and set(named) <= tested


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


GONGWEN = _lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）")


def numbering(levels: str, nums: str = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>') -> Numbering:
    abstract = f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
    xml = f'<w:numbering xmlns:w="{W_NS}">{abstract}{nums}</w:numbering>'
    return Numbering(etree.fromstring(xml))


def markers(n: Numbering, paragraphs: list[tuple[str, int]]) -> list[str]:
    return [(n.marker(num, ilvl) or ("-", ""))[0] for num, ilvl in paragraphs]


# (case, abstractNum levels, nums, paragraphs as (numId, ilvl), markers Word prints)
BEHAVIOUR = [
    (
        "a level restarts under each new parent by default",
        GONGWEN + _lvl(2, "decimal", "%3."),
        None,
        [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 1)],
        ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）"],
    ),
    (
        "lvlRestart 1: items run on across groups and restart only after a top heading",
        GONGWEN + _lvl(2, "decimal", "%3.", '<w:lvlRestart w:val="1"/>'),
        None,
        [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2)],
        ["一、", "（一）", "1.", "2.", "（二）", "3.", "二、", "（一）", "1."],
    ),
    (
        "lvlRestart 0: never restarts",
        GONGWEN + _lvl(2, "decimal", "%3.", '<w:lvlRestart w:val="0"/>'),
        None,
        [("1", 0), ("1", 2), ("1", 0), ("1", 2)],
        ["一、", "1.", "二、", "2."],
    ),
    (
        "templates with several levels and literal text",
        _lvl(0, "chineseCounting", "第%1章") + _lvl(1, "chineseCounting", "第%2条") + _lvl(2, "decimal", "%1.%2.%3"),
        None,
        [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1)],
        ["第一章", "第一条", "第二条", "一.二.1", "第二章", "第一条"],
    ),
    (
        "isLgl prints every level of the template in Arabic digits",
        _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%1.%2", "<w:isLgl/>"),
        None,
        [("1", 0), ("1", 1), ("1", 0), ("1", 1)],
        ["一、", "1.1", "二、", "2.1"],
    ),
    (
        "start value",
        '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>',
        None,
        [("1", 0), ("1", 0)],
        ["五、", "六、"],
    ),
    (
        "two nums on one list continue it; a startOverride restarts it",
        GONGWEN,
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
        "</w:lvlOverride></w:num>",
        [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0)],
        ["一、", "二、", "三、", "一、", "二、"],
    ),
    (
        "after a startOverride the first num continues from the overridden count, not its own",
        GONGWEN,
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/>'
        "</w:lvlOverride></w:num>",
        [("1", 0), ("1", 0), ("2", 0), ("1", 0)],
        ["一、", "二、", "八、", "九、"],
    ),
    (
        "lvlOverride with a level of its own replaces the format",
        GONGWEN,
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/>'
        "</w:lvl></w:lvlOverride></w:num>",
        [("1", 0), ("1", 1), ("1", 0)],
        ["①", "（一）", "②"],
    ),
    (
        "numId 0 and unknown lists number nothing",
        GONGWEN,
        None,
        [("0", 0), ("9", 0), ("1", 0)],
        ["-", "-", "一、"],
    ),
    (
        "a deeper level used before its parent shows the parent's start value",
        GONGWEN + _lvl(2, "decimal", "%2.%3"),
        None,
        [("1", 2), ("1", 2)],
        ["一.1", "一.2"],
    ),
    (
        "bullets in the Symbol font become a bullet character",
        _lvl(0, "bullet", "\uf0b7"),
        None,
        [("1", 0)],
        ["•"],
    ),
    (
        "Word 2010's custom format inside mc:AlternateContent",
        '<w:lvl w:ilvl="0" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>'
        '<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1"/></w:lvl>',
        None,
        [("1", 0), ("1", 0)],
        ["001", "002"],
    ),
]


@pytest.mark.parametrize(
    ("levels", "nums", "paragraphs", "expected"), [case[1:] for case in BEHAVIOUR], ids=[c[0] for c in BEHAVIOUR]
)
def test_numbering_behaviour(levels, nums, paragraphs, expected):
    n = numbering(levels, nums) if nums else numbering(levels)
    assert markers(n, paragraphs) == expected


def test_num_style_link_borrows_the_levels_and_the_counters_of_the_style_list():
    # abstractNum 1 only points at numbering style "GongwenList", which stands for numId 1 (abstractNum 0).
    xml = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{GONGWEN}</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="GongwenList"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )
    n = Numbering(etree.fromstring(xml), {"GongwenList": "1"})
    assert markers(n, [("1", 0), ("2", 0), ("2", 1), ("1", 0)]) == ["一、", "二、", "（一）", "三、"]


def test_suffix_is_reported():
    levels = _lvl(0, "decimal", "%1.", '<w:suff w:val="space"/>') + _lvl(1, "decimal", "%2)")
    n = numbering(levels)
    assert n.marker("1", 0) == ("1.", "space")
    assert n.marker("1", 1) == ("1)", "tab")


@given(st.integers(1, 9999))
def test_chinese_counting_reads_back_as_the_same_number(n: int):
    # What Word prints, the marker grammar reads: 一百零一、 is heading 101.
    assert read_numeral(format_number(n, "chineseCountingThousand")) == n
    if n < 100:
        assert read_numeral(format_number(n, "chineseCounting")) == n
