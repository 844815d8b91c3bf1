"""Normalization: table of (raw, clean) pairs; never changes meaning."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydoc.text import _SPACES_DROPPED, SPACE_RULES, display_width, first_full_stop, han_only, normalize

CASES = [
    ("新增技能人才 4000 万人以上", "新增技能人才4000万人以上"),
    ("人社部发〔2021〕48 号", "人社部发〔2021〕48号"),
    ("精心组织上海第 46 届世界技能大赛", "精心组织上海第46届世界技能大赛"),
    ("比例达到 30 %", "比例达到30%"),
    ("川办规〔２０２５〕６ 号", "川办规〔2025〕6号"),
    ("覆盖率达８０％以上", "覆盖率达80%以上"),
    ("创业ꎬ就业ꎮ", "创业，就业。"),
    ("印发«支持创业带动就业的若干政策措施»", "印发《支持创业带动就业的若干政策措施》"),
    ("低于５\U001001b0５％的企业", "低于5.5%的企业"),
    ("总　则", "总则"),
    ("国 务 院 工 作 规 则", "国务院工作规则"),
    ("加 大 创 业 信 贷 支 持", "加大创业信贷支持"),
    ("中共中央　国务院关于", "中共中央 国务院关于"),
    ("广州市民政局 广州市财政局", "广州市民政局 广州市财政局"),
    ("\u3000\u3000各省、自治区：", "各省、自治区："),
    ("单位 ： 财政厅", "单位：财政厅"),
    ("措施ꎮ 鼓励", "措施。鼓励"),
    ("a\u00a0b", "a b"),
    ("IPv6 地址", "IPv6地址"),
    ("open data API", "open data API"),
    ("“十四五”期间", "“十四五”期间"),
    ("1﹒推进外网建设﹔加强管理﹐提升水平", "1．推进外网建设；加强管理，提升水平"),  # small form variants
]


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_normalize(raw, clean):
    assert normalize(raw) == clean


@pytest.mark.parametrize(("raw", "_"), CASES)
def test_normalize_keeps_every_chinese_character(raw, _):
    assert han_only(normalize(raw)) == han_only(raw)


def test_display_width_counts_ascii_as_half():
    assert display_width("技能") == 2
    assert display_width("4000 万") == 3.5


# The fast forms of display_width and first_full_stop (one C-level pass, an early exit)
# must agree with their definitions, character by character.
_WIDTH_ALPHABET = st.sampled_from(list("a1 .%“”‘’—…·。，（）《》技能⺀\u2e7f\u2e80\U00020000"))
_STOP_ALPHABET = st.sampled_from(list("文。“”《》（）()【】〔〕「」‘’"))


def _width_by_definition(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "“”‘’—…·" else 1.0 for ch in text)


def _first_stop_by_definition(text: str) -> int | None:
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“《（(【〔「‘":
            depth += 1
        elif ch in "”》）)】〕」’":
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            return i
    return None


@given(st.text(_WIDTH_ALPHABET, max_size=40))
def test_display_width_is_half_below_the_cjk_blocks_except_wide_punctuation(text):
    assert display_width(text) == _width_by_definition(text)


@pytest.mark.parametrize(
    ("text", "stop"),
    [("总则。为了", 2), ("“一。二”三。", 6), ("无句号", None), ("（一）。", 3), ("》。", 1), ("《《》。》。", 5)],
)
def test_first_full_stop_outside_quotes_and_brackets(text, stop):
    assert first_full_stop(text) == stop


@given(st.text(_STOP_ALPHABET, max_size=20))
def test_first_full_stop_agrees_with_its_definition(text):
    assert first_full_stop(text) == _first_stop_by_definition(text)


@given(st.text(st.sampled_from(list("4.%技能，。“” \t\u3000a")), max_size=30))
def test_the_space_rules_in_one_pass_drop_what_they_drop_in_turn(text):
    once = _SPACES_DROPPED.sub("", text)
    for pattern, repl in SPACE_RULES:
        text = pattern.sub(repl, text)
    assert once == text


def test_a_table_rows_cells_are_cleaned_each_and_keep_the_space_between_them():
    """Regression: 征求意见时间 | 2025年5月12日起 came out 征求意见时间2025年5月12日起, and a row of
    numbers ran together (总计1445 555 1600): the space dropped around a number is a PDF's, not a
    cell boundary. Each cell is cleaned as a paragraph is (张　三, 2025 年 3 月 1 日)."""
    from policydoc.text import CELL_SEP

    def row(*cells: str) -> str:
        return normalize(CELL_SEP.join(cells), cells=True)

    assert row("征求意见时间", "2025年5月12日起") == "征求意见时间 2025年5月12日起"
    assert row("总计", "1445", "555") == "总计 1445 555"
    assert row("1", "张　三", "2025 年 3 月 1 日") == "1 张三 2025年3月1日"
    assert normalize("征求意见时间 2025 年") == "征求意见时间2025年"  # running text: as before
