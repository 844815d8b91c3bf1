"""`validate` on real documents read from ../shared (skipped when it is absent)."""

from __future__ import annotations

import pytest

from policydoc.validate import check_document

from .conftest import SHARED, SICHUAN_PDF, needs_shared, parsed

CORPUS = SHARED / "corpus"
WILD = SHARED / "wild"

pytestmark = needs_shared


def diagnostics(path, *codes: str):
    if not path.exists():
        pytest.skip(f"{path} is absent")
    found = check_document(parsed(path))
    return [d for d in found if not codes or d.code in codes]


def test_a_pdf_diagnostic_carries_page_and_line():
    found = diagnostics(CORPUS / "pdf" / "hdu-xinxi-gongcheng-xueyuan-xuesheng-shouce-2025.pdf", "PD201", "PD203")
    assert found and all(d.page and d.line and d.element is None for d in found)


def test_an_html_diagnostic_carries_its_element():
    found = diagnostics(CORPUS / "govhtml" / "govcn-guobanfa-2019-4-sanji-gongli-yiyuan-jixiao.html", "PD501")
    assert found and all(d.element is not None and d.page is None and d.line is None for d in found)


def test_a_text_diagnostic_carries_its_line():
    found = diagnostics(WILD / "pbcweixin" / "银行卡发卡业务风险管理指引.md", "PD201")
    assert found and all(d.line and d.page is None for d in found)


def test_half_width_colon_after_the_addressees_of_a_pdf():
    [d] = diagnostics(SICHUAN_PDF, "PD111")
    assert d.message.endswith("(half-width colon)")


def test_document_number_printed_with_other_brackets():
    [d] = diagnostics(WILD / "pbcweixin" / "银行卡发卡业务风险管理指引.md", "PD104")
    assert "[2024]" in d.message


def test_chinese_numeral_date_of_2004_is_not_a_drafting_defect():
    path = CORPUS / "regulation" / "govcn-guofa-2004-18-guowuyuan-gongzuo-guize.html"
    assert diagnostics(path) == []
    assert parsed(path).metadata.date_text.startswith("二〇〇四")


def test_annexes_a_web_page_links_are_warnings():
    path = WILD / "aipolicy" / "miit" / "010_工业和信息化部关于印发《产业技术基础公共服务平台管理办法》的通知.txt"
    found = diagnostics(path, "PD301")
    assert len(found) == 2 and {d.severity for d in found} == {"warning"}


def test_a_table_that_restarts_the_numbering_does_not_cascade():
    # an annex table of regions (一、…十一、) in the text of 四、: once flagged one per row after it
    assert diagnostics(WILD / "jxcrawler" / "html" / "art_4969_1499515.html", "PD201", "PD202") == []


def test_annexes_a_page_only_links_to_are_one_warning_each():
    # The page lists its files as download links (附件3 某某计划.xlsx): no annex, no mislabelled
    # annex (once PD141); the one its 附件说明 announces is absent, a warning for a web page.
    found = diagnostics(WILD / "zhengcetong" / "02_积分入学指引_2026.html", "PD141", "PD301", "PD302")
    assert [(d.code, d.severity) for d in found] == [("PD301", "warning")]


def test_an_input_that_is_an_annex_is_not_checked_against_a_note():
    for path in (
        CORPUS / "pdf" / "jiangxi-rongque-shenpi-fujian1-qingdan-2020.pdf",
        WILD / "pbcweixin" / "中国人民银行执法证据收集与使用规范.md",
    ):
        assert not diagnostics(path, "PD301", "PD302", "PD141", "PD142")


CLEAN_HEADS = [
    CORPUS / "govhtml" / "govcn-guobanfa-2018-126-zhichi-chuangxin-gaige-juchuo.html",
    CORPUS / "govhtml" / "gz-weijian-jiating-yisheng-qianyue-2023.html",
    CORPUS / "pdf" / "hangzhou-hangzhengbanhan-2025-16-zuqiu-zhongdian-chengshi.pdf",
    CORPUS / "regulation" / "govcn-guoling-706-zhuanli-daili-tiaoli.html",
]


@pytest.mark.parametrize("path", CLEAN_HEADS, ids=lambda p: p.name[:40])
def test_drafting_checks_are_silent_on_well_drafted_heads(path):
    assert [d.code for d in diagnostics(path) if "PD104" <= d.code <= "PD151"] == []
