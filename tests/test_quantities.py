"""The quantity grammar, table-driven, with phrases taken from the corpus (traps included)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydoc.quantities import find_quantities

# (phrase, [(raw, low, high, unit, after-qualifier), ...]) — the phrase's source in a comment.
CASES = [
    # seeds
    ("新增技能人才4000万人以上", [("4000万人以上", 4e7, 4e7, "人", "以上")]),
    ("技能人才占就业人员比例达到30%", [("30%", 30, 30, "%", None)]),
    ("在现有基础上提高2-3个百分点", [("2-3个百分点", 2, 3, "个百分点", None)]),
    (
        "建设1个世界技能大赛综合训练中心、3个世界技能大赛中国研究中心",
        [("1个", 1, 1, "个", None), ("3个", 3, 3, "个", None)],
    ),
    ("400个左右世界技能大赛中国集训基地", [("400个左右", 400, 400, "个", "左右")]),
    ("最迟不超过4个小时", [("4个小时", 4, 4, "个小时", None)]),  # hours, not 4个 of 小时
    ("遴选建设300所左右优质技工院校", [("300所左右", 300, 300, "所", "左右")]),
    ("每年制修订和颁布50个以上职业技能标准", [("50个以上", 50, 50, "个", "以上")]),
    # guofa-zhashi-wenzhu-jingji-yilanzi-2022
    ("预计新增留抵退税1420亿元", [("1420亿元", 1.42e11, 1.42e11, "元", None)]),
    ("新增退税总额达到约1.64万亿元", [("1.64万亿元", 1.64e12, 1.64e12, "元", None)]),
    ("再担保合作业务规模1万亿元以上", [("1万亿元以上", 1e12, 1e12, "元", "以上")]),
    ("价格扣除比例由6%—10%提高至10%—20%", [("10%—20%", 10, 20, "%", None)]),
    ("稳岗返还比例由30%提至50%", [("50%", 50, 50, "%", None)]),
    ("新改建农村公路3万公里", [("3万公里", 3e4, 3e4, "公里", None)]),
    ("给予6个月延期还本付息支持", [("6个月", 6, 6, "个月", None)]),
    # zhongyang-yihao-wenjian-xiangcun-zhenxing-2022
    ("产量保持在1.3万亿斤以上", [("1.3万亿斤以上", 1.3e12, 1.3e12, "斤", "以上")]),
    ("严守18亿亩耕地红线", [("18亿亩", 1.8e9, 1.8e9, "亩", None)]),
    ("实施黑土地保护性耕作8000万亩", [("8000万亩", 8e7, 8e7, "亩", None)]),
    # zhongban-guoban-shengwu-duoyangxing-2021-partial
    ("自然保护地占陆域国土面积的18%左右", [("18%左右", 18, 18, "%", "左右")]),
    ("森林覆盖率提高到24.1%", [("24.1%", 24.1, 24.1, "%", None)]),
    ("自然海岸线保有率不低于35%", [("35%", 35, 35, "%", None)]),
    # gz-weijian-jiating-yisheng-qianyue-2023
    ("签约服务覆盖率每年提升1～3个百分点", [("1～3个百分点", 1, 3, "个百分点", None)]),
    ("每万常住人口家庭医生数不低于4.66人", [("4.66人", 4.66, 4.66, "人", None)]),
    ("培养不少于3500名基层医生", [("3500名", 3500, 3500, "名", None)]),
    ("满意度达到90%左右", [("90%左右", 90, 90, "%", "左右")]),
    # jiangxi-yingyouer-zhaohu-fuwu-2019
    ("各设区市建成1-2个功能健全", [("1-2个", 1, 2, "个", None)]),
    # govcn-guohan-2018-159-xiongan-zongti-guihua-pifu
    ("蓝绿空间占比稳定在70%", [("70%", 70, 70, "%", None)]),
    # govcn-guofa-2018-41-geshui-zhuanxiang-fujia-kouchu
    ("按照每个子女每月1000元的标准定额扣除", [("1000元", 1000, 1000, "元", None)]),
    ("扣除期限最长不超过240个月", [("240个月", 240, 240, "个月", None)]),
    # sichuan-chuanbangui-2025-6 (after normalization)
    ("个人申请额度由30万元提高至50万元", [("50万元", 5e5, 5e5, "元", None)]),
    ("用工人数减少水平低于5.5%的企业", [("5.5%", 5.5, 5.5, "%", None)]),
    # hangzhou-hangzhengbanhan-2025-16
    ("专项经费每年不少于3000万元", [("3000万元", 3e7, 3e7, "元", None)]),
    # zhejiang-zhaoshang-yinzi (summary, for the grammar only)
    ("引进10000亿元", [("10000亿元", 1e12, 1e12, "元", None)]),
    ("实际使用外资1000亿美元", [("1000亿美元", 1e11, 1e11, "美元", None)]),
    ("占比超75%", [("75%", 75, 75, "%", None)]),
    # Chinese numerals
    ("百分之三十", [("百分之三十", 30, 30, "%", None)]),
    ("三成", [("三成", 30, 30, "%", None)]),
    ("四千万人", [("四千万人", 4e7, 4e7, "人", None)]),
    ("三分之一", [("三分之一", 33.3333, 33.3333, "%", None)]),
    ("达到２０％", [("２０％", 20, 20, "%", None)]),
    ("12亿千瓦", [("12亿千瓦", 1.2e9, 1.2e9, "千瓦", None)]),
    ("800亿元", [("800亿元", 8e10, 8e10, "元", None)]),
    ("2-3万人", [("2-3万人", 2e4, 3e4, "人", None)]),
    ("2至3个", [("2至3个", 2, 3, "个", None)]),
    # recall: units and Chinese numerals with a scale (miit-weilai-chanye, miit-zhizaoye-jiliang)
    ("突破百项前沿关键核心技术", [("百项", 100, 100, "项", None)]),
    ("打造百家领军企业", [("百家", 100, 100, "家", None)]),
    ("研制100台套以上计量器具", [("100台套以上", 100, 100, "台套", "以上")]),
    ("带动投资超千亿元", [("千亿元", 1e11, 1e11, "元", None)]),
    # a count before its noun, even when the noun opens with a digit (gz-5g-gongye-hulianwang)
    ("组织编制30个5G工厂典型案例", [("30个", 30, 30, "个", None)]),
    # a unit printed once after a point value (jx-jinrong-fangyi-cuoshi)
    ("综合融资成本较上年度再降0.5个百分点", [("0.5个百分点", 0.5, 0.5, "个百分点", None)]),
    ("60周岁及以上老年人", [("60周岁及以上", 60, 60, "周岁", "及以上")]),
    # a baseline reported as fact is a quantity (a statistic, see test_kinds.py)
    ("截至2020年底，全国技能劳动者超过2亿人", [("2亿人", 2e8, 2e8, "人", None)]),
]

TRAPS = [
    "精心组织上海第46届世界技能大赛",
    "组织开展第十五届、十六届高技能人才评选表彰活动",
    "全面贯彻党的十九大和十九届五中全会精神",
    "组织开展7·15世界青年技能日",
    "人社部发〔2021〕48号",
    "2021年，全国",
    "2021-2022年重点工作安排",
    "依照本条例第三十二条规定",
    "制定“十四五”职业技能培训、技工教育两个专项规划",
    "开展“315”宣传",
    "实施“415X”先进制造业集群培育工程",
    "推进“千项万亿”工程",
    "加快5G基站建设",
    "推进IPv6规模部署",
    "一、财政政策（7项）",
    "形成一支规模宏大的技能人才队伍",
    "围绕五大行动计划",
    "用5年左右时间",
    "推动“1+X”证书制度",
    "国家1.0版“两库”框架",
    "2022年10月底前",
    "建设11人制足球场",
    "《国家职业教育改革实施方案》（国发〔2019〕4号）",
    # counts that describe a list, and titles in book-title marks
    "提出以下20条措施",
    "国家开发银行等9家全国性承贷银行",
    "确定北京、吉林、安徽10个省（区、市）作为试点地区",
    "针对首年关税为零的2034种出口商品",
    "落实《关于进一步强化金融支持防控新型冠状病毒感染肺炎疫情的20条政策措施》",
    "艺术类招生批次设置按本办法第39、40条规定执行",
    "按照JR/T 0171—2020个人金融信息保护技术规范执行",  # a standard's serial and year
    "符合GB 5749-2022生活饮用水卫生标准",
    "参照T/PCAC 0001-2023团体标准",
    "每千人口拥有托位数",
    "计算方法：门诊收入/医疗收入×100%",
    "出院患者手术台次数5项目负责人",
    # a run of digits is not an amount (and would overflow to inf)
    "新增技能人才" + "9" * 400 + "万人以上",
    "新增技能人才" + "0" * 400 + "1万人以上",
]


def _expected(value):
    return pytest.approx(value, rel=1e-6)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_quantity(text, expected):
    from policydoc.text import normalize

    found = [(q.raw, q.low, q.high, q.unit, q.after) for q in find_quantities(normalize(text))]
    assert len(found) == len(expected), found
    for (raw, low, high, unit, after), (e_raw, e_low, e_high, e_unit, e_after) in zip(found, expected, strict=True):
        assert raw == normalize(e_raw)
        assert (low, high) == (_expected(e_low), _expected(e_high))
        assert (unit, after) == (e_unit, e_after)


@pytest.mark.parametrize("text", TRAPS, ids=[t[:30] for t in TRAPS])
def test_not_a_quantity(text):
    assert find_quantities(text) == []


_SOUP = "0123456789.%万亿千百十一二三元人个项以上下不超过到达至—-～，。、“”《》第年\n"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_SOUP, max_size=400))
def test_every_quantity_is_finite_and_ordered_and_its_text_bounded(text):
    import math

    from policydoc.model import Quantity
    from policydoc.targets import MAX_TEXT, extract

    for q in find_quantities(text):
        assert math.isfinite(q.low) and math.isfinite(q.high) and q.low <= q.high
        assert text[q.start : q.end] == q.raw
    for para in text.split("\n"):
        for q in extract([], para, []):
            assert isinstance(q, Quantity) and len(q.text) <= MAX_TEXT and q.raw in q.text
