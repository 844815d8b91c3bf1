"""Fast paths of the extraction stages give what the plain way gives (table-driven, tricky inputs)."""

from __future__ import annotations

import pytest
import regex

from policydoc import quantities, references, targets
from policydoc.quantities import QUANTITY, Marks, Parts, find_quantities
from policydoc.references import CITATION, find


def test_parts_follow_the_groups_of_the_quantity_pattern():
    index = QUANTITY.groupindex
    assert Parts._fields == tuple(sorted(index, key=index.get))
    assert QUANTITY.groups == len(Parts._fields)  # no unnamed group shifts the tuple


NO_QUANTITY_START = ["", "关于加强管理的通知", "Ｏ、Ｌ、ｌ", "各区、县（市）人民政府"]


@pytest.mark.parametrize("text", NO_QUANTITY_START)
def test_a_text_without_a_number_character_holds_no_match(text):
    assert not quantities._MAY_HOLD.search(text)
    assert list(QUANTITY.finditer(text)) == []


MARK_TEXTS = ["", "甲。乙；丙！丁？\n戊", "“一”、“二”，《三》：四", "《《》》““””", "无标点"]


@pytest.mark.parametrize("text", MARK_TEXTS)
def test_mark_positions_are_those_of_the_character_class(text):
    marks = Marks(text)
    for name, chars in quantities.MARK_SETS.items():
        expected = [m.start() for m in regex.finditer(f"[{regex.escape(chars)}]", text)]
        assert marks._found[name] == expected, name


def _longest_by_scan(words: tuple[str, ...], text: str, *, shorter: bool) -> str | None:
    for w in sorted(words, key=len, reverse=True):
        if text.endswith(w) and (len(text) > len(w) or not shorter):
            return w
    return None


SUFFIX_TEXTS = ["", "达", "达到", "不得超过", "比例在现有基础上提高", "力争达到", "总计", "要", "降至", "新增", "约"]


@pytest.mark.parametrize("text", SUFFIX_TEXTS)
@pytest.mark.parametrize("shorter", [False, True])
def test_longest_suffix_is_the_first_of_a_longest_first_scan(text, shorter):
    words = (*quantities.BEFORE, *targets.FILLERS)
    assert targets.Suffixes(words).longest(text, shorter=shorter) == _longest_by_scan(words, text, shorter=shorter)


PERIOD_TEXTS = ["到2025年", "“十四五”期间", "每季度", "年均增长", "2021-2025年", "本月", "五年", "无"]


@pytest.mark.parametrize("text", PERIOD_TEXTS)
def test_a_text_without_a_period_character_has_no_period(text):
    has_char = any(c in text for c in targets._PERIOD_CHARS)
    assert has_char or targets.PERIODS.search(text) is None


CITATION_TEXTS = [
    "根据《国务院关于印发某方案的通知》（国发〔2019〕4号）和国务院令第746号",
    "依照《中华人民共和国道路运输条例》第六十三条，责令停止经营",
    "《条例》《人民日报》《关于做好工作的意见》",
    "按照粤府办[2020]12号执行",
    "序号 违法行为描述 处罚种类",
    "国务院令 第 7 号《某某办法》",
]


@pytest.mark.parametrize("text", CITATION_TEXTS)
def test_citations_with_the_fast_path_are_those_of_the_full_pattern(text):
    expected = [(m["num"] and references._compact(m["num"]), m["title"]) for m in CITATION.finditer(text)]
    assert [(r.doc_number, r.title) for r in find(text, None)] == expected


def test_find_quantities_is_unchanged_on_a_formula_and_a_quote():
    text = "综合成绩=（文化总成绩/750）×300×30%；实施“315”工程，新增10个基地"
    assert [q.raw for q in find_quantities(text)] == ["10个"]


def _tree():
    from policydoc.model import Section

    def s(role, *children, title="x"):
        return Section(
            marker="",
            style="cn",
            ordinal=1,
            level=1,
            title=title,
            text="甲\n\n乙",
            role=role,
            children=list(children),
            tail="丙",
        )

    # an empty marker and title is still a level of the path; a role inside the same role is not repeated
    return [
        s("general", s("principles", s("principles"), s("objectives")), s("objectives"), title=""),
        s("tasks", s("safeguards", s("general"))),
        s("safeguards"),
    ]


def test_outermost_sections_of_every_role_are_those_of_with_role():
    from policydoc import views

    for sections in (_tree(), policydoc_seed().sections):
        by_role = views.outermost(sections)
        roles = {r for r in by_role} | {"principles", "nothing"}
        for role in roles:
            assert list(by_role.get(role, ())) == list(views.with_role(sections, role)), role


def test_paragraph_paths_join_every_level():
    from policydoc import views

    for sections in (_tree(), policydoc_seed().sections):
        expected = list(_paragraphs_by_generator(sections, []))
        assert list(views.paragraphs(sections, "", [])) == expected


def _paragraphs_by_generator(sections, path):
    for s in sections:
        here = [*path, f"{s.marker}{s.title}"]
        where = " > ".join(here)
        for para in (s.title, *s.text.split("\n")):
            if para:
                yield para, where
        yield from _paragraphs_by_generator(s.children, here)
        for para in s.tail.split("\n"):
            if para:
                yield para, where


def policydoc_seed():
    import policydoc

    from .conftest import SEED_TEXT

    return policydoc.parse(SEED_TEXT)


def test_re_and_regex_read_digits_and_spaces_alike_outside_the_guarded_characters():
    import re
    import sys

    classes = [(re.compile(c), regex.compile(c)) for c in (r"\d", r"\s")]
    for i in range(sys.maxunicode + 1):
        char = chr(i)
        if quantities._ENGINES_DIFFER.match(char):
            continue
        for by_re, by_regex in classes:
            assert bool(by_re.match(char)) == bool(by_regex.match(char)), hex(i)


ENGINE_TEXTS = [
    "新增技能人才4000万人以上，提高2-3个百分点，三成以上，百分之五至百分之十",
    "第39、40条；1+X证书；11人制足球；项目处置；3.5.2；（7项）",
    "处2000元以上1万元以下罚款 \x1c 5 - 6万元",
    "𑵐𑵑个",  # digits newer than Python's Unicode tables: regex reads them as digits
]


@pytest.mark.parametrize("text", ENGINE_TEXTS)
def test_quantity_matches_are_those_of_the_regex_engine(text):
    def spans(ms):
        return [(m.span(), m.groups()) for m in ms]

    assert spans(quantities._matches(text)) == spans(QUANTITY.finditer(text))


def test_the_prefilter_lets_through_digits_only_regex_knows():
    assert quantities.may_hold_quantity("𑵐𑵑个")
    assert [q.raw for q in find_quantities("𑵐𑵑个")] == [m.group() for m in QUANTITY.finditer("𑵐𑵑个")]


def test_cues_use_only_what_re_and_regex_read_alike():
    import re

    from policydoc.kinds import CUES

    for cue in CUES:
        assert "\\" not in cue.pattern, cue.pattern  # no \d \s \w \p … (the engines' classes differ)
        outside_sets = re.sub(r"\[[^\]]*\]", "", cue.pattern)
        # only non-capturing groups and fixed-width look-behinds; no flags, no names
        groups = [i for i, c in enumerate(outside_sets) if c == "("]
        assert all(outside_sets.startswith(("(?:", "(?<!", "(?<="), i) for i in groups), cue.pattern


CUE_TEXTS = [
    "",
    "罚款\n",
    "前\n",
    "年前",
    "不低于N的",
    "低于N的",
    "共有\n",
    "总共",
    "答：截至2020年底",
    "据有关部门统计",
    "符合\n条件",
    "符合以下条件",
    "超N元的项目",
    "不超过N的",
    "按每人N计算\n",
    "均设\n",
]


def test_cue_patterns_match_alike_by_re_and_regex():
    import re

    from policydoc import kinds

    texts = [*CUE_TEXTS, *(cue.example for cue in kinds.CUES)]
    for _kind, _where, fast in kinds._compiled():
        slow = regex.compile(fast.pattern)
        for text in texts:
            assert bool(fast.search(text)) == bool(slow.search(text)), (fast.pattern, text)
        assert isinstance(fast, re.Pattern)


def test_targets_are_the_quantities_of_kind_target_as_model_dump_gives_them():
    from policydoc.model import Target

    doc = policydoc_seed()
    expected = [Target(**q.model_dump(exclude={"kind"})) for q in doc.quantities if q.kind == "target"]
    got = targets.targets(doc.quantities)
    assert [t.model_dump() for t in got] == [t.model_dump() for t in expected]
    assert [t.model_fields_set for t in got] == [t.model_fields_set for t in expected]
    assert any(t.period for t in got)
    for t, q in zip(got, (q for q in doc.quantities if q.kind == "target"), strict=True):
        assert t.period is None or (t.period is not q.period and t.period.model_fields_set == {"text", "start", "end"})


def _kind_by_the_table(ctx, default):
    """The first cue of the table whose pattern (by regex) matches its part of ``ctx``, row by row."""
    from policydoc import kinds

    if ctx.listed_after:
        return ctx.listed_after
    parts = kinds._parts(ctx)
    for cue in kinds.CUES:
        if regex.search(cue.pattern, parts[cue.where]):
            return cue.kind
    return default


def test_classify_with_the_shared_parts_kept_is_the_first_cue_of_the_table():
    import itertools

    from policydoc.kinds import Context, classify

    sentences = ["“十四五”期间，新增技能人才4000万人以上。", "处2000元以上1万元以下罚款", "截至2020年底，共有", ""]
    sections = ["", "二、申报条件", "第五章 法律责任"]
    befores = ["", "给予", "共有", "期限为", "（含", "最高", "已累计发放"]
    afters = ["", "内", "的资金", "以上的企业", "标准"]
    units = ["万人", "个工作日", "周岁", "%"]
    seen: dict = {}
    met = set()
    for sentence, section, before, after, unit in itertools.product(sentences, sections, befores, afters, units):
        ctx = Context(
            before=before,
            after=after,
            sentence=sentence,
            unit=unit,
            qualifier=None,
            after_qualifier="",
            section=section,
            in_table=False,
        )
        expected = _kind_by_the_table(ctx, "target")
        assert classify(ctx, "target", seen) == expected, ctx
        assert classify(ctx, "target") == expected, ctx
        met.add(expected)
    assert len(met) >= 6  # the cases reach most kinds, not only the default


@pytest.mark.parametrize("text", [*ENGINE_TEXTS, "第3条规定的5个；统一标准后增加10%", "·5个 A5个 .5个 〔5个", "无数字"])
def test_the_scan_from_the_first_start_character_finds_every_match(text):
    start = quantities.first_start(text)
    everything = [(m.span(), m.groups()) for m in QUANTITY.finditer(text)]
    if start < 0:
        assert everything == []
    else:
        assert [(m.span(), m.groups()) for m in quantities._matches(text, start)] == everything


def _kind_by_patterns(text):
    """docparts.kind_of without its character tests: the patterns alone, in the same order."""
    from policydoc import docparts as d

    t = text.strip()
    if not t or len(t) > 160:
        return None
    if d.DATE.match(t) or d.split_signed_date(t)[0]:
        return "date"
    if d.DOC_NUMBER.match(t) or d.DOC_NUMBER_LOOSE.match(t):
        return "doc_number"
    for kind, pattern in (
        ("doc_code", d.DOC_CODE),
        ("issuer_mark", d.ISSUER_MARK),
        ("note", d.NOTE),
        ("cc", d.CC),
        ("printed", d.PRINTED),
        ("disclosure", d.DISCLOSURE),
        ("contact", d.CONTACT),
    ):
        if pattern.match(t):
            return kind
    return None


LINE_KINDS = [
    "2021年6月30日",
    "（二〇二一年六月三十日）",
    "人力资源社会保障部 2021年6月30日",
    "人社部发〔2021〕48号",
    "国务院令第706号",
    "ZJAC01-2025-0005",
    "zjac01-2025-0005",
    "某某市人民政府文件",
    "关于印发某某的通知文件",
    "（此件公开发布）",
    "(2021年7月27日中华人民共和国国务院令第746号公布)",
    "抄送：省委各部门。",
    "抄送",
    "某某市人民政府办公厅  2021年3月1日印发",
    "公开方式：主动公开",
    "联系人：张三",
    "（联系电话：12345）",
    "  2021年6月30日  ",
    "为贯彻落实习近平总书记对技能人才工作的重要指示精神",
    "",
    "某某发〔24〕号",
    "某某发[2021]3",
    "（某某发［2021］）",
    "某某发【2021】12号",
    "某某发﹝2021﹞5",
    "某某发（2021）5",
    "原文链接：http://www.gov.cn",
    "详情页链接:abc",
    "信息公开选项：主动公开",
    "原文地址",
]


@pytest.mark.parametrize("line", LINE_KINDS)
def test_line_kinds_with_the_character_tests_are_those_of_the_patterns(line):
    from policydoc.docparts import kind_of

    assert kind_of.__wrapped__(line) == _kind_by_patterns(line)


LEADING_WORDS = [
    "到2025年，新增",
    "“十四五”期间新增",
    "力争到2025年底达到",
    "十三五末",
    "要新增",
    "将达到",
    "预计",
    "新增",
    "年均",
    "",
]


@pytest.mark.parametrize("words", LEADING_WORDS)
def test_the_leading_period_and_filler_tests_let_through_every_match(words):
    if targets._LEADING_PERIOD.search(words):
        assert targets._HAS_PERIOD_CHAR.search(words)
    if targets._LEADING_FILLER.search(words):
        assert words.startswith(targets.LEADING_FILLERS)
    assert any(targets._LEADING_PERIOD.search(w) for w in LEADING_WORDS)
    assert any(targets._LEADING_FILLER.search(w) for w in LEADING_WORDS)


def _title_pairwise(lines: list[str]) -> str | None:
    """metadata._title as first written: every comparison normalizes both of its strings."""
    from policydoc.metadata import DATELINE, _clean_title, _comparable

    def same(a: str, b: str) -> bool:
        return _comparable(a) == _comparable(b)

    out: list[str] = []
    for raw in lines:
        line = _clean_title(DATELINE.sub("", raw))
        if not line:
            continue
        if out and same(line, out[-1]):
            out[-1] = line
        elif not any(same(line, seen) for seen in out):
            out.append(line)
    for k in range(1, len(out)):
        if same("".join(out[:k]), "".join(out[k:])):
            return "".join(out[k:])
    return "".join(out) or None


TITLE_LINES = [
    [],
    ["关于印发（试行）办法的通知"],
    ["关于印发(试行)办法的通知", "关于印发（试行）办法的通知"],
    ["关于印发", "办法的通知", "关于印发办法的通知"],
    ["关于印发办法的通知", "关于印发", "办法的通知"],
    ["甲－", "－乙", "甲-乙"],  # a run of dashes across the split
    ["e", "\u0301x", "éx"],  # a combining mark that composes across the split
    ["e ", "\u0301x", "e\u0301x"],
    ["㈠办法", "(一)办法"],  # a compatibility form that widens
    ["新华社北京7月11日电 关于加强管理的通知", "关于加强管理的通知"],
    ["Ａ Ｂ", "AB", "A", "B"],
]


@pytest.mark.parametrize("lines", TITLE_LINES)
def test_title_with_each_line_normalized_once_is_the_pairwise_title(lines):
    from policydoc.metadata import _title

    assert _title(lines) == _title_pairwise(lines)


def test_the_views_of_no_tree_are_those_the_walks_give():
    from policydoc import views

    slow = {
        "guiding_ideology": views.guiding_ideology([]),
        "objectives": views.objectives([]),
        "principles": views.items([], "principles"),
        "tasks": views.tasks([]),
        "safeguards": views.items([], "safeguards"),
    }
    assert views.of([]) == slow


SHORT_LINES = [
    "",
    " ",
    "中共江西省市场监督管理局党组",
    "国务院办公厅\n",
    "某某市人民政府 ",
    "某某部。",
    "某某部，某某委",
    "某某部门",
    "部",
    "关于印发某某的通知",
    "关于印发某某的通知：",
    "某某！",
    "甲；乙",
    "为什么？",
    "总队\u3000",
    "x" * 81 + "部",
    "工业和信息化部科技司",
    "某某通信集团有限公司",
    "公司",
]


@pytest.mark.parametrize("line", SHORT_LINES)
def test_signature_and_title_line_tests_are_those_of_the_patterns(line):
    from policydoc import docparts as d

    t = line.strip()
    by_pattern = 2 <= len(t) <= 80 and "。" not in t and "，" not in t and bool(d.ISSUER_END.search(t))
    assert d.is_signature(line) == by_pattern
    for max_len in (80, 200):
        by_scan = 0 < len(t) <= max_len and not any(p in t for p in "。；！？") and not t.endswith(("：", ":"))
        assert d.is_title_line(line, max_len) == by_scan


@pytest.mark.parametrize("line", ["标题：某某", "发 文 字 号:无", "标题", "索引号：", "某某：某某", "　发布日期：2021"])
def test_label_line_is_the_label_pattern(line):
    from policydoc import docparts as d

    def found(m):
        return (m.span(), m.groups()) if m else None

    assert found(d.label_line(line)) == found(d.LABEL_LINE.match(line))


RECORD_TEXTS = [
    "1990年7月20日青岛市第十届人民代表大会常务委员会第十七次会议通过 1994年10月12日批准",
    "二〇二一年六月三十日公布 2021年2月29日修正",
    "2020 年 13 月 1 日 2020年1月 1日",
    "（2021年7月27日中华人民共和国国务院令第746号公布）",
]


@pytest.mark.parametrize("text", RECORD_TEXTS)
def test_a_record_date_read_from_its_match_is_the_parsed_date(text):
    from policydoc import metadata

    for m in metadata._DATE_PARTS.finditer(text):
        assert metadata._date_of(m) == metadata.parse_date(m.group(0))


ADDRESSEE_LINES = [
    "省药品监督管理局，省局机关各处（室、局）、各直属单位：",
    "各区人民政府:\n",
    "各区人民政府：\n\n",
    "各区人民政府：。",
    "通知如下：",
    "甲：",
    "各区人民政府",
    "为做好工作。各单位：",
    "各" * 149 + "：",
    "各" * 150 + "：",
    "",
]


@pytest.mark.parametrize("line", ADDRESSEE_LINES)
def test_addressee_test_with_the_colon_ends_first_is_the_pattern(line):
    from policydoc.docparts import ADDRESSEE
    from policydoc.front import _NOT_ADDRESSEE_END, _is_addressee

    by_pattern = bool(ADDRESSEE.match(line)) and not line.endswith(_NOT_ADDRESSEE_END) and len(line) <= 150
    assert _is_addressee(line) == by_pattern
