"""Quantity kinds, table-driven: each case is a short phrase in the shape of a real notice (source in a comment)."""

from __future__ import annotations

import json

import pytest

import policydoc
from policydoc.kinds import CUES, KINDS

# (section heading, sentence, raw quantity, kind, qualifier)
CASES = [
    # target: a level committed to
    ("主要目标", "“十四五”期间，新增技能人才4000万人以上。", "4000万人以上", "target", "以上"),  # seed
    ("主要目标", "到2025年，研发投入强度达到3.95%。", "3.95%", "target", "达到"),
    ("重点任务", "遴选建设300所左右优质技工院校。", "300所左右", "target", "左右"),  # seed
    ("主要目标", "到2025年，单位地区生产总值能耗下降13.5%。", "13.5%", "target", "下降"),
    # yihao-wenjian
    ("主要目标", "2022年建设高标准农田1亿亩，累计建成高效节水灌溉面积4亿亩。", "4亿亩", "target", None),
    ("主要目标", "突破百项前沿关键核心技术，打造百家领军企业。", "百家", "target", None),  # miit-weilai-chanye
    ("主要目标", "到2027年，遴选5G工厂标杆30个，组织编制30个5G工厂典型案例。", "30个", "target", None),  # gz-5g
    ("主要目标", "培育具备10个以上应用场景数工厂不少于10个。", "10个", "target", "不少于"),  # gz-5g: second number
    ("主要目标", "重点区域细颗粒物浓度不得超过35%。", "35%", "target", "不超过"),  # 不得超过 is an upper bound
    ("主要目标", "从省外引进总投资超10亿元的内资产业项目500个。", "500个", "target", None),  # zhejiang-zhaoshang
    ("主要目标", "从省外引进总投资超10亿元的内资产业项目500个。", "10亿元", "condition", "超"),
    ("录取规则", "对专业统考成绩特别优秀者（美术类前80名）适当降分。", "80名", "condition", None),  # cq-gaokao
    ("志愿设置", "本科第一批、本科第二批均设6个平行志愿。", "6个", "standard", None),  # cq-gaokao
    # support: what the policy grants
    ("支持措施", "对认定的企业给予最高50万元奖励。", "50万元", "support", "最高"),
    ("支持措施", "新发生融资担保业务收取的担保费率不超过1%。", "1%", "support", "不超过"),  # jx-jinrong
    (
        "支持措施",
        "确保小微企业贷款综合融资成本较上年度再降0.5个百分点。",
        "0.5个百分点",
        "support",
        "再降",
    ),  # jx-jinrong
    ("支持措施", "对融资担保代偿给予风险补偿，并提高代偿容忍度至10%。", "10%", "support", None),  # jx-jinrong
    # standard: a level set by rule
    ("保障标准", "城乡最低生活保障标准每人每月1309元。", "1309元", "standard", None),
    ("扣除标准", "按照每个子女每月1000元的标准定额扣除。", "1000元", "standard", None),  # geshui-zhuanxiang
    # condition: an eligibility threshold
    ("申报要求", "每个申请人只能申请1项省市联合基金项目。", "1项", "condition", None),  # gd-yuewan-jijin
    ("支持措施", "新发生的单户金额在100万元及以下的再担保业务免收再担保费。", "100万元及以下", "condition", "及以下"),
    ("主要目标", "培育具备10个以上应用场景数工厂不少于10个。", "10个以上", "condition", "以上"),  # gz-5g: first number
    ("裁量基准", "没有违法所得或者违法所得不足1万元的，责令改正。", "1万元", "condition", None),  # cq-jiaotong
    ("服务对象", "年满60周岁的本市户籍老年人。", "60周岁", "condition", None),
    # deadline: a procedural time limit
    ("工作要求", "合法性审核时间一般不少于5个工作日，最长不超过15个工作日。", "5个工作日", "deadline", "不少于"),
    ("便利措施", "符合正常放行条件的48小时内放行。", "48小时", "deadline", None),  # anhui-rcep
    ("工作要求", "各区要于本文印发后3个月内出台辖区实施方案。", "3个月", "deadline", None),  # gz-weijian
    # statistic: a figure reported as fact
    ("基本情况", "截至2020年底，全国技能劳动者超过2亿人。", "2亿人", "statistic", "超过"),  # seed
    ("公开情况", "全年主动公开政府信息1136条。", "1136条", "statistic", None),
    ("基本情况", "1995年全球共发生7级以上地震33次。", "33次", "statistic", None),  # gov row20
    ("项目情况", "项目占地450亩，年产450万平米电路板。", "450亩", "statistic", None),  # jx project list
    ("政策解读", "答：目前，我市已确定9家银行成为合作机构。", "9家", "statistic", None),
    # more supports, conditions and standards
    ("减费措施", "药品再注册费由2.44万元下降至1.708万元。", "1.708万元", "support", "降至"),  # jx scjgj
    ("适用情形", "累计向境外提供10万人以上、不满100万人个人信息。", "100万人", "condition", None),  # cac
    ("参赛要求", "A组同一参赛主体最多提交3个作品。", "3个", "condition", None),  # cac contest
    ("推荐要求", "每单位每个方向推荐数量原则上不超过5个。", "5个", "condition", "不超过"),  # miit
    ("准入条件", "住房保障收入准入限额基准为家庭年人均收入49952元。", "49952元", "condition", None),  # gz zhufang
    ("支付比例", "按指定基层医疗机构85%、其他医疗机构65%的支付比例确定。", "85%", "standard", None),  # gz yibao
    (
        "支持措施",
        "2022年，中央财政安排50亿元左右，择优支持重点枢纽城市。",
        "50亿元左右",
        "support",
        "左右",
    ),  # guofa-zhashi
    ("资金分配", "将年签约服务费的80%用于签约服务人员的薪酬分配。", "80%", "standard", None),  # gz-weijian
    ("支持措施", "按贷款余额增量（包括延期还本付息形成的贷款）的2%提供资金支持。", "2%", "support", None),
    ("就业补助", "可按每人不超过1500元的标准发放一次性扩岗补助。", "1500元", "support", "不超过"),  # guofa-zhashi
    # penalty: fines
    ("法律责任", "逾期不改正的，处2000元以上1万元以下罚款。", "1万元以下", "penalty", "以下"),
]


def _find(text: str, raw: str):
    doc = policydoc.parse(text, format="text")
    found = [q for q in doc.quantities if q.raw == raw]
    assert found, [q.raw for q in doc.quantities]
    return doc, found[-1]


@pytest.mark.parametrize(("heading", "sentence", "raw", "kind", "qualifier"), CASES, ids=[c[1][:24] for c in CASES])
def test_kind(heading, sentence, raw, kind, qualifier):
    doc, q = _find(f"一、{heading}\n{sentence}\n", raw)
    assert (q.kind, q.qualifier) == (kind, qualifier), q
    assert (q in doc.quantities) and ((kind == "target") == any(t.raw == raw for t in doc.targets))


def test_targets_are_exactly_the_quantities_of_kind_target():
    doc = policydoc.parse(
        "一、主要目标\n到2025年，新增就业10万人，给予最高50万元奖励，5个工作日内办结。\n", format="text"
    )
    assert [q.kind for q in doc.quantities] == ["target", "support", "deadline"]
    assert [t.raw for t in doc.targets] == ["10万人"]


def test_a_regulation_sets_standards_not_targets():
    text = "".join(f"第{n}条 临街建筑物退让道路红线不少于{i}米。\n" for i, n in enumerate("一二三四", 5))
    doc = policydoc.parse("某某市市政设施管理办法\n" + text, format="text")
    assert doc.quantities and not doc.targets
    assert {q.kind for q in doc.quantities} == {"standard"}


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("某某局2020年部门预算", "statistic"),
        ("关于印发门诊特定病种费用范围及标准的通知", "standard"),
        ("某某市市政设施管理办法", "standard"),
        ("关于印发行政处罚裁量基准的通知", "penalty"),
        ("关于推进产业发展的实施意见", "target"),
        ("无需个人垫付！某市异地就医备案快速办理！", "statistic"),  # a news or explainer page
        ("电子居住证如何申领？一文说清", "statistic"),
        ("2020年某某授权许可结果公示（第三批）", "statistic"),
        ("数字化绿色化协同转型发展报告（2024）", "statistic"),
        ("关于公布某某企业名单的通知", "statistic"),
        ("中华人民共和国某某部公告（2024年第28号）", "statistic"),  # standards approved, results
        ("2025年某某创新大赛公告", "statistic"),
        ("国务院办公厅对某某会议第2996号建议的答复", "statistic"),
        ("关于某某工作的通告", "target"),
        ("关于调整城镇污水处理费收费标准的公告", "standard"),  # a 关于…的公告 sets rates
        ("财政部 税务总局关于延续某某税收政策的公告", "standard"),
        ("关于受理某某人才公寓申请的公告", "standard"),
    ],
)
def test_the_document_gives_the_kind_no_cue_claims(title, kind):
    from policydoc.kinds import document_default

    assert document_default(title, regulation=False) == kind


def test_a_report_states_statistics():
    doc = policydoc.parse("某某区2024年政府信息公开工作年度报告\n一、总体情况\n本机关新制发规范性文件12件。\n")
    assert [q.kind for q in doc.quantities] == ["statistic"] and not doc.targets


def test_every_cue_names_a_kind_and_a_real_example():
    for cue in CUES:
        assert (
            cue.kind in KINDS
            and cue.example
            and cue.where in {"before", "after", "around", "sentence", "section", "unit"}
        )


def test_a_400_digit_number_is_no_quantity_and_the_json_has_no_inf():
    doc = policydoc.parse("一、目标\n到2025年，新增技能人才" + "9" * 400 + "万人以上。\n")
    json.dumps(doc.model_dump(mode="json"), allow_nan=False)  # raises on inf or NaN
    assert doc.quantities == [] and doc.targets == []


def test_a_sentence_of_3000_quantities_stores_bounded_clauses():
    from policydoc.targets import MAX_TEXT

    n = 3000
    text = "一、目标\n" + "，".join(f"到2025年指标{i}达到{i}万元以上" for i in range(n)) + "。\n"
    doc = policydoc.parse(text)
    assert len(doc.targets) == n
    # each target keeps a clause-sized window of its sentence, never the whole 130 KB sentence
    assert max(len(q.text) for q in doc.quantities) <= MAX_TEXT
    assert all(q.raw in q.text for q in doc.quantities)
    assert len(doc.model_dump_json()) < 400 * 2 * n  # linear: a few hundred bytes per quantity
