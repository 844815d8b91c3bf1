"""The numbering grammar, table-driven: (paragraph start, style, ordinal, normalized marker)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydoc.numbering import RULES, match_candidate, match_marker, read_numeral

MARKERS = [
    ("一、指导思想", "cn", 1, "一、"),
    ("十、组织实施", "cn", 10, "十、"),
    ("二十三、附则", "cn", 23, "二十三、"),
    ("（一）坚持党管人才。", "paren-cn", 1, "（一）"),
    ("(十五)营造鼓励创业社会氛围", "paren-cn", 15, "（十五）"),
    ("( 一)加大创业信贷支持力度", "paren-cn", 1, "（一）"),
    ("（二十三）加强组织领导", "paren-cn", 23, "（二十三）"),
    ("1.健全技能人才发展政策体系", "arabic", 1, "1."),
    ("1．持续实施", "arabic", 1, "1."),
    ("12、支持企业", "arabic", 12, "12."),
    ("20. 加强职业资格", "arabic", 20, "20."),
    ("（1）“两库”细化", "paren-arabic", 1, "（1）"),
    ("(14)医保", "paren-arabic", 14, "（14）"),
    ("①自出生之日起", "circled", 1, "①"),
    ("⑤职业技能测试", "circled", 5, "⑤"),
    ("第一章 总则", "chapter", 1, "第一章"),
    ("第十章 附则", "chapter", 10, "第十章"),
    ("第二节 申请", "part", 2, "第二节"),
    ("第一条 【培育对象】已在税务部门登记", "article", 1, "第一条"),
    ("第五十五条　本条例自2022年3月1日起施行。", "article", 55, "第五十五条"),
    ("第十二条", "article", 12, "第十二条"),
    ("第二条　本办法适用于全州。", "article", 2, "第二条"),
    ("第 三 条 本办法所称数据", "article", 3, "第三条"),
    ("第四条本办法自公布之日起施行。", "article", 4, "第四条"),
    ("第五条 　混合空格", "article", 5, "第五条"),
    ("第一条第一条　根据本法制定本条例。", "article", 1, "第一条"),
    ("3.2024年度省基金最多支持1项", "arabic", 3, "3."),
    ("1．1—苯基—2—丙酮", "arabic", 1, "1."),  # a chemical's locant, not the decimal 1.1
    ("2．3，4—亚甲基二氧苯基—2—丙酮", "arabic", 2, "2."),
    ("1.1—总则内容", "decimal2", 1, "1.1"),  # a decimal heading before a dash: no chemical
    ("一、2025年发放情况", "cn", 1, "一、"),
    ("2. 2024年12月31日前领取的", "arabic", 2, "2."),
    ("1.1编制目的及依据", "decimal2", 1, "1.1"),
    ("4.2国家级应急响应", "decimal2", 2, "4.2"),
    ("12.3 工作要求", "decimal2", 3, "12.3"),
    ("2.1.3 指挥部职责", "decimal3", 3, "2.1.3"),
    ("一是地方党委政府高度重视", "shi", 1, "一是"),
    ("三是统筹地区", "shi", 3, "三是"),
]

NOT_MARKERS = [
    "1.5万亩以上",
    "2021年，全国",
    "2021-2022年重点工作",
    "第十三条第四款规定的",
    "第三条规定的期限届满的",
    "依照本条例第十三条",
    "2.1亿元",
    "1.25倍",
    "3.2024",
    "一、2",
    "第六条规定",
    "第46届世界技能大赛",
    "十九届五中全会",
    "第十五届、十六届",
    "一是",
    "3.5人",
    "7·15世界青年技能日",
    "（此件公开发布）",
    "（2021年4月28日）",
    "乡镇（街道）",
    "一二三",
    "",
]


@pytest.mark.parametrize(("text", "style", "ordinal", "marker"), MARKERS)
def test_marker_is_recognized(text, style, ordinal, marker):
    m = match_marker(text)
    assert m is not None, text
    assert (m.style, m.ordinal, m.marker) == (style, ordinal, marker)
    assert text.endswith(m.rest)


@pytest.mark.parametrize("text", NOT_MARKERS)
def test_not_a_marker(text):
    assert match_marker(text) is None


WEAK = [
    # A cross-reference look-alike at a paragraph start: a heading only where it continues the run.
    ("第十三条第四款规定的情形除外", 13),
    ("第六条规定的期限", 6),
    ("第三条中华人民共和国的法定货币是人民币。", 3),  # an article whose spaces were removed
]


@pytest.mark.parametrize(("text", "ordinal"), WEAK)
def test_cross_reference_look_alikes_are_weak_candidates(text, ordinal):
    m = match_candidate(text)
    assert m is not None and m.style == "article" and m.ordinal == ordinal and m.weak
    assert match_marker(text) is None


def test_a_decimal_marker_carries_its_prefix():
    m = match_candidate("2.1.3 指挥部职责")
    assert m is not None and m.prefix == (2, 1) and m.ordinal == 3
    m = match_candidate("1.2适用范围")
    assert m is not None and m.prefix == (1,) and m.ordinal == 2


def _first_rule_that_matches(text: str) -> str | None:
    """Every rule in table order, as match_candidate did before it dispatched on the first character."""
    for rule in RULES:
        m = rule.pattern.match(text)
        if m is None:
            continue
        n = m.group("n")
        if read_numeral(n, "arabic" if n.isascii() and n.isdigit() else rule.numeral) is not None:
            return rule.style
    return None


# match_candidate tries only the rules a paragraph's first character allows
# (MarkerRule.starts): it must find what trying every rule in order finds.
_MARKERISH = st.text(st.sampled_from(list("第一二十百两〇（()）、.．1290٣①⑳章节条是，年 款")), min_size=1, max_size=8)


@given(_MARKERISH)
def test_the_first_character_dispatch_misses_no_rule(text):
    found = match_candidate.__wrapped__(text)
    assert (found.style if found else None) == _first_rule_that_matches(text)
