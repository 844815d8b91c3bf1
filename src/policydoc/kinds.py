"""What a quantity is: a target, a support, a standard, a condition, a deadline, a statistic or a penalty.

Classification reads the words around the number, the section it sits in and the kind of
document, through one ordered table of cues: the first cue that matches decides. Every
row carries the short phrase of a real document it was written for. A quantity that no
cue claims is a target in a notice or plan, a standard in a regulation (a document made
of articles sets rules, it commits to no levels) and a statistic in a report.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from .patterns import lazy

KINDS = ("target", "support", "standard", "condition", "deadline", "statistic", "penalty")


class Context(NamedTuple):
    """The words around one quantity (bounded: never more than its clause and a few neighbours).
    (A named tuple: made once per quantity, at half the cost of a frozen dataclass.)"""

    before: str  # the clause before the number, from the last ，。；： (or the sentence start)
    after: str  # the rest of the clause after the number
    sentence: str  # the sentence, cut to a bounded window around the number
    unit: str
    qualifier: str | None
    after_qualifier: str  # 以上/以下/… printed right after the number, part of it
    section: str  # markers and titles of the sections it sits in, " > " between them
    in_table: bool
    listed_after: str | None = None  # the kind of the number this one follows in a list (30万元、20万元)


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    where: str  # before, after, around, sentence, section or unit: the part of the Context the pattern reads
    pattern: str
    example: str  # the phrase of a real document this row was written for


# Order matters: the first match wins, so the narrower readings come first
# (a fine is a penalty even when it is 最高; a time limit is a deadline even in a plan).
CUES: tuple[Cue, ...] = (
    # penalty: fines and fee schedules
    Cue("penalty", "sentence", r"罚款|罚金|没收|处以", "处2000元以上1万元以下罚款"),
    # deadline: procedural time limits
    Cue("deadline", "unit", r"^(?:个工作日|工作日|个小时|小时|天|日)$", "合法性审核时间一般不少于5个工作日"),
    Cue("deadline", "after", r"^(?:以内|之内|内)", "48小时内放行"),
    Cue(
        "deadline",
        "before",
        r"(?:延期|期限|之日起|逾期|时限)[^，。；（）()]{0,8}$",
        "申请延期1-2个月办理年度报告的审计",
    ),
    # statistic: figures reported as fact
    Cue(
        "statistic",
        "sentence",
        r"^(?:答：)?(?:截至|截止|目前|据统计|近年来|去年|全年共|共有)|据[^，。；]{0,12}(?:介绍|统计|测算|显示)",
        "截至2020年底，全国技能劳动者超过2亿人",
    ),
    Cue(
        "statistic",
        "before",
        r"已(?:经)?(?:建成|累计|有|达|完成|培育|形成|发放|办理|收到|公开|下达|出台)",
        "已累计发放贷款",
    ),
    Cue(
        "statistic",
        "before",
        r"(?:共|累计)(?:受理|收到|办理|公开|收取|发布|主动公开|发生|监测|抽检|检查|查处)",
        "1995年全球共发生7级以上地震33次",
    ),
    Cue("statistic", "before", r"主动公开|收取费用|同比|比上年", "主动公开政府信息1136条"),
    Cue(
        "statistic",
        "before",
        r"(?:^|[^总])共(?:有|计)?$",
        "马鬃山村共有13个村民小组",
    ),
    Cue("statistic", "before", r"(?:占地|占地面积|年产)$", "项目占地450亩，年产450万平米电路板"),
    # a threshold that picks out whom a measure applies to (…的企业) comes before what it grants
    Cue(
        "condition",
        "around",
        r"(?:不足|未满|不满|(?<!不)低于|(?<!不)高于|(?<!不)超过|超出|达到)N[^，。；]{0,4}的",
        "违法所得不足1万元的",
    ),
    Cue(
        "condition",
        "around",
        r"N(?:及以上|以上|及以下|以下|以内)(?:[（(]含[^）)]{0,8}[）)])?的",
        "正常运营6个月以上的，给予创业补贴",
    ),
    Cue("condition", "before", r"[（(]含$", "落地发展6个月以上(含6个月)的创业项目"),
    Cue("condition", "before", r"最多$|仅可[^，。；]{0,6}$", "A组同一参赛主体最多提交3个作品"),
    Cue(
        "condition",
        "sentence",
        r"推荐[^，。；]{0,16}不超过|同一(?:参赛)?主体|每个?单位",
        "每单位每个方向推荐数量原则上不超过5个",
    ),
    Cue("condition", "before", r"(?:不满|未满|不足)$", "累计向境外提供10万人以上、不满100万人个人信息"),
    Cue("condition", "before", r"(?<!年)前$", "艺术类专业统考成绩特别优秀者（美术类前80名"),
    Cue(
        "condition",
        "around",
        r"(?<!不)超(?:过)?N(?:的|[^，。；、]{0,6}?(?:项目|企业))",
        "引进总投资超10亿元的内资产业项目500个",
    ),
    # support: what the policy grants
    Cue(
        "support",
        "before",
        r"给予|补贴|补助|奖励|资助|贴息|奖补|担保费|费率|利率|贷款|额度|代偿|风险补偿|减免|免收|再降|扶持资金",
        "给予最高50万元奖励",
    ),
    Cue("support", "before", r"最高(?:不超过|可达)?$", "再给予创业补贴，最高不超过1万元"),
    Cue("support", "before", r"财政[^，。；]{0,10}安排", "中央财政在服务业发展资金中安排约25亿元"),
    Cue("support", "after", r"^(?:的)?(?:资金|支持)", "安排约38亿元支持实施县域商业建设行动"),
    Cue("support", "before", r"费[^，。；]{0,8}(?:降|减)", "药品再注册费由2.44万元下降至1.708万元"),
    Cue(
        "support",
        "after",
        r"奖励|补贴|补助|资助|贴息|奖补|贷款|限额|扣减|减免|免征",
        "提供3—10万元免利息、免担保创业启动资金贷款",
    ),
    Cue("support", "sentence", r"代偿容忍度|担保费率|贷款利率|贴息", "提高代偿容忍度至10%"),
    # standard: levels set by rule for people or entities
    Cue(
        "standard",
        "before",
        r"(?:保障|补助|补贴|收费|缴费|救助|供养|计发|工资|生活费|抚恤)标准|标准(?:为|是|提高到|调整为)"
        r"|每人每月|每人每年|每月每人|收费",
        "最低生活保障标准每人每月1309元",
    ),
    Cue("standard", "after", r"^(?:的)?标准", "按照每个子女每月1000元的标准定额扣除"),
    Cue("standard", "after", r"^用于", "年签约服务费的80%用于签约服务人员的薪酬分配"),
    Cue(
        "standard",
        "around",
        r"按[^，。；]{0,20}N[^，。；]{0,20}(?:计算|确定|计发|收取|缴纳|扣除|支付)",
        "按指定基层医疗机构85%、其他医疗机构65%的支付比例确定",
    ),
    Cue("standard", "before", r"(?:^|均|各|分|共|下|内|并)设$", "本科第一批、本科第二批均设6个平行志愿"),
    # condition: eligibility thresholds
    Cue(
        "condition",
        "sentence",
        r"申请人|申报单位|申报人|不得申报|只能申请|可申请|符合.{0,12}条件|参与单位|依托单位",
        "每个申请人只能申请1项省市联合基金项目",
    ),
    Cue(
        "condition",
        "before",
        r"具备|满足|注册资本|年满|单户|资产总额|营业收入|纳税|准入|门槛",
        "培育具备10个以上应用场景数工厂",
    ),
    Cue("condition", "unit", r"^周岁$", "年满60周岁"),
    # a schedule's remaining amounts are penalties; its thresholds (不足1万元的) were claimed above
    Cue("penalty", "section", r"处罚|裁量|法律责任|罚则", "附件1 行政处罚裁量基准"),
    Cue("condition", "section", r"申报条件|申请条件|申报要求|支持对象|适用范围|资格条件|基本条件", "二、申报条件"),
)


# The cues use nothing of ``regex`` that ``re`` reads otherwise: no class escapes (\d \s \w \p),
# no flags, only literals, character sets, ``.``, anchors, repeats and fixed-width look-behinds,
# which both engines read alike. ``re`` answers these short searches about a third faster, and
# ``classify`` runs up to one per cue per quantity (``tests/test_fast_paths.py`` checks both points).
@functools.cache
def _compiled() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(kind, part of the Context, pattern) per cue in table order, compiled on first use (start-up
    time: only documents with quantities need it)."""
    return tuple((cue.kind, cue.where, re.compile(cue.pattern)) for cue in CUES)


# The kind of a quantity that no cue claims, from the title of the document.
DOCUMENT_DEFAULTS: tuple[tuple[str, str, str], ...] = (
    ("statistic", r"年度报告|工作报告|发展报告|研究报告|统计公报|年报|白皮书", "2024年政府信息公开工作年度报告"),
    ("penalty", r"处罚裁量|裁量基准|罚款", "关于印发交通运输行政处罚裁量基准的通知"),
    ("statistic", r"预算|决算|抽检|抽查|情况的通报|情况的报告", "2020年部门预算"),
    # a news or explainer page (its title exclaims or asks) and a list or a result made public
    # report figures; they commit to none
    ("statistic", r"[！？!?]|一文(?:说清|读懂|看懂)", "无需个人垫付！广州异地就医备案，上“穗好办”快速办理！"),
    ("statistic", r"公示(?:（[^）]*）)?$|名单|名录", "2020年法定计量检定机构计量授权许可结果公示（第三批）"),
    ("standard", r"(?:范围及|费用|补助|收费|支付|保障)标准", "关于印发门诊特定病种费用范围及标准的通知"),
    # a set of rules (the title names the enclosed document): its numbers are set by rule
    ("standard", r"(?:办法|规定|细则|规则|条例|准则|[^方]法)(?:（[^）]*）)?$", "2020年普通高等学校招生工作实施办法"),
    # an announcement of what was done (standards approved, results: no 关于…的公告, which may set
    # rates) and a reply to a deputy's proposal
    ("statistic", r"^(?:(?!关于).){0,200}公告(?:（[^）]{0,30}）)?$|(?:建议|提案)的答复$", "某某部公告（2024年第28号）"),
    # a 关于…的公告 sets rates, rules or the terms of an application: standards, not goals
    ("standard", r"关于[^（）]{0,200}公告(?:（[^）]{0,30}）)?$", "关于受理天河区人才公寓申请的公告"),
)
_DEFAULTS = tuple((kind, lazy(pattern)) for kind, pattern, _ in DOCUMENT_DEFAULTS)  # compiled on first use


def document_default(title: str | None, regulation: bool | Callable[[], bool]) -> str:
    """What an unclaimed quantity is in this document: a regulation sets standards, a plan sets targets.

    ``regulation`` may be a function (a walk of the tree), called only when the title does not decide."""
    for kind, pattern in _DEFAULTS:
        if title and pattern.search(title):
            return kind
    if callable(regulation):
        regulation = regulation()
    return "standard" if regulation else "target"


# Parts of the Context that the quantities of one sentence share (its sentence and section):
# where the first cue on them matches is worked out once per sentence (see ``classify``).
SHARED_PARTS = ("sentence", "section")


_Shared = tuple[tuple[int, str, re.Pattern[str]], ...]  # (row, part, pattern)
_Own = tuple[tuple[int, str, str, re.Pattern[str]], ...]  # (row, kind, part, pattern)


@functools.cache
def _split_table() -> tuple[_Shared, _Own]:
    """The cues on the shared parts, and the others, each in table order."""
    rows = list(enumerate(_compiled()))
    shared = tuple((row, where, p) for row, (_, where, p) in rows if where in SHARED_PARTS)
    own = tuple((row, kind, where, p) for row, (kind, where, p) in rows if where not in SHARED_PARTS)
    return shared, own


def classify(ctx: Context, default: str = "target", seen: dict[tuple[str, str], int] | None = None) -> str:
    """The kind of the quantity in ``ctx``: the first cue that matches, else ``default``.

    The first row that matches is the earlier of the first row on the shared parts that matches
    and the first other row that matches; the first is a pure function of the sentence and the
    section, kept in ``seen`` (a dictionary the caller keeps for one document) for the next
    quantity of the sentence, and the other rows are tried only up to it."""
    if ctx.listed_after:  # 按重点类、优秀类分别给予30万元、20万元、10万元资助: a list shares one kind
        return ctx.listed_after
    shared, own = _split_table()
    key = (ctx.sentence, ctx.section)
    first = seen.get(key) if seen is not None else None
    if first is None:
        first = len(CUES)
        for row, where, pattern in shared:
            if pattern.search(ctx.sentence if where == "sentence" else ctx.section):
                first = row
                break
        if seen is not None:
            seen[key] = first
    parts = _parts(ctx)
    for row, kind, where, pattern in own:
        if row > first:
            break
        if pattern.search(parts[where]):
            return kind
    return CUES[first].kind if first < len(CUES) else default


def _parts(ctx: Context) -> dict[str, str]:
    return {
        "before": ctx.before,
        "after": ctx.after,
        "sentence": ctx.sentence,
        "section": ctx.section,
        "unit": ctx.unit,
        "around": f"{ctx.before}N{ctx.after_qualifier}{ctx.after}",
    }
