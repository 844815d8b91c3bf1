"""GB/T 9704 metadata: dates, document numbers, addressees, and what the corpus states."""

from __future__ import annotations

import datetime as dt

import pytest

import policydoc
from policydoc.metadata import normalize_doc_number, parse_date, split_list

from .test_corpus import doc, needs_shared


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2021年6月30日", dt.date(2021, 6, 30)),
        ("二〇二一年六月三十日", dt.date(2021, 6, 30)),
        ("二○○四年六月十六日", dt.date(2004, 6, 16)),
        ("2025 年 4 月 30 日", dt.date(2025, 4, 30)),
        ("（2022年1月4日）", dt.date(2022, 1, 4)),
        ("2020-02-28", dt.date(2020, 2, 28)),
        ("2021年2月30日", None),
        ("", None),
    ],
)
def test_parse_date(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("人社部发〔2021〕48 号", "人社部发〔2021〕48号"),
        ("（医保办函〔2025〕40 号）", "医保办函〔2025〕40号"),
        ("国办发[2019]4号", "国办发〔2019〕4号"),
        ("穗人社规字（2019）6号", "穗人社规字〔2019〕6号"),
        ("国令第706号", "国令第706号"),
        ("广州市人民政府令第179号", "广州市人民政府令第179号"),
    ],
)
def test_normalize_doc_number(raw, number):
    assert normalize_doc_number(raw) == number


def test_addressees_split_at_commas_and_semicolons_never_at_enumeration_commas():
    assert split_list("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：") == [
        "各省、自治区、直辖市人民政府",
        "国务院各部委、各直属机构",
    ]
    assert split_list("河北省人民政府、国家发展改革委：") == ["河北省人民政府、国家发展改革委"]


def test_versions_and_closing_from_a_crafted_notice():
    d = policydoc.parse(
        "\n".join(
            [
                "ZJAC00-2024-0001",
                "某某市人民政府办公厅文件",
                "某政办发〔2024〕3号",
                "某某市人民政府办公厅关于印发某方案的通知",
                "各区人民政府，市政府各部门：",
                "现将《某方案》印发给你们，请认真组织实施。",
                "某某市人民政府办公厅",
                "2024年3月1日",
                "某方案",
                "一、总体要求",
                "做好工作。",
                "抄送：市委各部门，市人大常委会办公厅。",
                "某某市人民政府办公厅 2024年3月2日印发",
            ]
        ),
        format="text",
    )
    meta = d.metadata
    assert meta.doc_code == "ZJAC00-2024-0001"
    assert meta.issuer == ["某某市人民政府办公厅"]
    assert meta.cc == ["市委各部门", "市人大常委会办公厅"]
    assert (meta.printed_by, str(meta.printed_date)) == ("某某市人民政府办公厅", "2024-03-02")


@needs_shared
def test_title_split_over_two_centred_paragraphs_and_addressees():
    d = doc("guobanfa-2022-30-yingshang-huanjing-jiaoyi-chengben.md")
    assert d.metadata.title == "国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见"
    assert d.metadata.doc_number == "国办发〔2022〕30号"
    assert d.metadata.addressees == ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]
    assert str(d.metadata.date) == "2022-09-07" and d.metadata.issuer == ["国务院办公厅"]
    assert "（此件公开发布）" in d.metadata.notes


@needs_shared
def test_joint_issuers_from_the_signature():
    d = doc("gz-weijian-jiating-yisheng-qianyue-2023.html")
    assert d.metadata.issuer == [
        "广州市卫生健康委员会",
        "广州市财政局",
        "广州市人力资源和社会保障局",
        "广州市医疗保障局",
    ]
    assert d.metadata.doc_number == "穗卫函〔2023〕1930号"


@needs_shared
def test_metadata_from_the_body_beats_the_reposting_site():
    d = doc("gz-laonianren-zhucan-peican-banfa-2024.html")
    assert d.metadata.doc_number == "穗民规字〔2024〕3号"
    assert d.metadata.issuer == ["广州市民政局", "广州市财政局", "广州市市场监督管理局"]


@needs_shared
def test_number_and_date_only_in_a_publication_note():
    d = doc("scjgj-gz-shichang-zhuti-dengji-tiaoli-ling746.html")
    assert d.metadata.title == "中华人民共和国市场主体登记管理条例"
    assert d.metadata.doc_number == "中华人民共和国国务院令第746号"
    assert str(d.metadata.date) == "2021-07-27"


@needs_shared
def test_grid_inside_the_article_container_is_metadata_not_title():
    d = doc("jiangxi-liutong-shangye-xiaofei-2020.html")
    assert d.metadata.title == "江西省人民政府办公厅关于加快发展流通促进商业消费的实施意见"
    assert d.metadata.doc_number == "赣府厅发〔2020〕7号"
    assert d.metadata.index_number == "014500815/2020-02974"
    assert str(d.metadata.date) == "2020-02-28"


@needs_shared
def test_order_number_on_two_lines():
    d = doc("jiangxi-liudong-renkou-banfa-xiugai-jueding-ling223.html")
    assert d.metadata.doc_number == "江西省人民政府令第223号"
    assert d.metadata.title == "江西省人民政府关于修改《江西省流动人口服务和管理办法》的决定"


@needs_shared
def test_news_report_names_the_document_and_its_issuers():
    d = doc("zhongban-guoban-keji-lunli-zhili-2022.md")
    assert d.metadata.title == "关于加强科技伦理治理的意见"
    assert d.metadata.issuer == ["中共中央办公厅", "国务院办公厅"]
    assert d.news.summary and d.news.summary[0].startswith("新华社北京3月20日电")


@needs_shared
def test_dateline_and_repeated_title_line():
    d = doc("zhongyang-yihao-wenjian-xiangcun-zhenxing-2022.md")
    assert d.metadata.title == "中共中央 国务院关于做好2022年全面推进乡村振兴重点工作的意见"
    assert str(d.metadata.date) == "2022-01-04"


@needs_shared
def test_absent_fields_stay_empty_in_a_fragment():
    d = doc("cq-gaokao-zhaosheng-banfa-2020-fragment.html")
    assert d.metadata.issuer == [] and d.metadata.doc_number is None and d.metadata.date is None


@needs_shared
def test_joint_order_names_its_bodies_and_number():
    d = doc("cac-genai-measures-2023.html")
    assert d.metadata.doc_number == "国家互联网信息办公室等七部门令第15号"
    assert len(d.metadata.issuer) == 7 and d.metadata.issuer[-1] == "国家广播电视总局"
    assert d.title == "生成式人工智能服务管理暂行办法"


def test_a_stated_value_that_is_not_text_is_left_out_not_an_error():
    # Metadata is now built in one validated call: a reader that stated a number or a list
    # for a text field would have raised pydantic's ValidationError from parse().
    from policydoc.front import read_front
    from policydoc.metadata import extract

    front = read_front(["关于做好就业工作的通知", "各区人民政府："])
    meta = extract(
        front, [], {"index_number": 5, "subject": ["就业"], "published_at": None, "title": "关于做好就业工作的通知"}
    )
    assert meta.index_number is None and meta.subject is None
    assert meta.title == "关于做好就业工作的通知"


@pytest.mark.parametrize(
    ("stated", "iso"),
    [
        ("2025-12-10", "2025-12-10"),
        ("2025年07月01日", "2025-07-01"),
        ("2025-08-25 16:54:40", "2025-08-25T16:54:40"),
        ("2024/1/2 9:05", "2024-01-02T09:05"),
        ("2025-08-25T16:54:40+08:00", "2025-08-25T16:54:40"),
        ("2025.10.31", "2025-10-31"),
        ("二〇二五年三月一日", "2025-03-01"),
        # a page's controls run on after the value where the grid was one line: the date is read
        ("2020-02-13 22:22浏览次数：字体：[大中小]", "2020-02-13T22:22"),
        ("近日", "近日"),  # no date: as stated
        ("2025-13-45", "2025-13-45"),
    ],
)
def test_a_pages_publish_date_is_iso_whatever_the_page_wrote(stated, iso):
    from policydoc.metadata import published_iso

    assert published_iso(stated) == iso
