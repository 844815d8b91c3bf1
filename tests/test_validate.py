"""`validate` finds each problem in small crafted notices and stays silent on the seeds."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policydoc
from policydoc.schema import schema_text
from policydoc.validate import check_document

from .conftest import ROOT, SAMPLES

HEAD = ["某部关于某事的通知", "某发〔2024〕1号", "各省人民政府："]
TAIL = ["某部", "2024年5月6日"]


def notice(*body: str, head=HEAD, tail=TAIL) -> policydoc.PolicyDocument:
    return policydoc.parse("\n".join([*head, *body, *tail]) + "\n", format="text")


def codes(doc) -> list[str]:
    return [d.code for d in check_document(doc, today=dt.date(2025, 1, 1))]


GOOD = ["一、甲", "做好工作。", "二、乙", "抓好落实。"]


def test_a_clean_notice_has_no_diagnostics():
    assert codes(notice(*GOOD)) == []


CASES = [
    ("PD101", notice(*GOOD, head=["某部关于某事的通知", "各省人民政府："])),
    ("PD102", notice(*GOOD, head=["某部关于某事的通知", "某发〔2024〕1", "各省人民政府："])),
    ("PD103", notice(*GOOD, head=["某发〔2024〕1号", "各省人民政府："])),
    ("PD104", notice(*GOOD, head=["某部关于某事的通知", "某发[2024]1号", "各省人民政府："])),
    ("PD105", notice(*GOOD, head=["某部关于某事的通知", "某发〔2024〕第1号", "各省人民政府："])),
    ("PD106", notice(*GOOD, head=["某部关于某事的通知", "某发〔24〕1号", "各省人民政府："])),
    ("PD107", notice(*GOOD, head=["某部关于某事的通知", "某发〔2024〕01号", "各省人民政府："])),
    ("PD111", notice(*GOOD, head=["某部关于某事的通知", "某发〔2024〕1号", "各省人民政府:"])),
    ("PD121", notice(*GOOD, tail=["某部", "二〇二四年五月六日"])),
    ("PD131", notice(*GOOD, "附件:某清单", tail=[*TAIL, "附件", "某清单", "一、甲", "列明事项。"])),
    (
        "PD141",
        notice(*GOOD, "附件：1.某清单", "2.某名单", tail=[*TAIL, "附件1", "某名单", "附件2", "某清单"]),
    ),
    ("PD142", notice(*GOOD, "附件：某清单", tail=[*TAIL, "附件", "某名录", "一、甲", "列明事项。"])),
    ("PD151", notice(*GOOD, head=["某部关于某事", "某发〔2024〕1号", "各省人民政府："])),
    ("PD201", notice("一、甲", "做好工作。", "二、乙", "抓好落实。", "四、丁", "完成。")),
    ("PD202", notice("一、甲", "（一）子。", "（二）子。", "（三）子。", "（三）子又。")),
    ("PD203", notice("一、甲", "（1）子项。", "（2）子项。")),
    ("PD301", notice("附件：1.某清单", "2.某名单", *GOOD, tail=[*TAIL, "附件1", "某清单", "一、甲。"])),
    (
        "PD302",
        notice("附件：某清单", *GOOD, tail=[*TAIL, "附件1", "某清单", "一、甲。", "附件2", "某名单", "一、乙。"]),
    ),
    ("PD401", notice(*GOOD, tail=["某部", "2024年2月30日"])),
    ("PD402", notice(*GOOD, tail=["某部", "2031年5月6日"])),
    ("PD501", notice("第一章 总则", "第二章 附则", "第一条 本办法自印发之日起施行。", tail=TAIL)),
    ("PD502", notice("请认真贯彻执行。")),
]


@pytest.mark.parametrize(("code", "doc"), CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_found(code, doc):
    assert code in codes(doc)


def test_every_notice_code_has_a_case_and_an_example():
    from policydoc.validate import CODES

    tested = {code for code, _ in CASES}
    assert {c for c in CODES if c.startswith("PD")} == tested
    assert all(c.example for c in CODES.values())


@pytest.mark.parametrize("sample", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_silent_on_the_samples(sample):
    # The rendered PDF's font is not embedded, so PDFium leaves text out and pdfplumber reads
    # it (info W004, a reading repair): nothing is wrong with the notice itself.
    found = check_document(policydoc.parse(sample))
    assert [d for d in found if d.severity != "info"] == []
    assert {d.code for d in found} <= {"W004"}


def test_committed_schema_is_current():
    committed = (ROOT / "schemas" / "policydoc.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "schema is stale: run `policydoc schema -o schemas/policydoc.schema.json`"


def test_diagnostics_carry_code_severity_location_message():
    [d] = [d for d in check_document(dict(CASES)["PD201"]) if d.code == "PD201"]
    assert d.severity == "error" and d.location == "四、" and "follows 二、" in d.message
    assert json.loads(json.dumps(d.as_dict()))["code"] == "PD201"


def test_a_diagnostic_in_text_carries_its_line():
    # head 3 lines, then 一、 甲 做好工作。 二、 乙 抓好落实。 四、: the seventh line of the body block
    [d] = [d for d in check_document(dict(CASES)["PD201"]) if d.code == "PD201"]
    assert (d.page, d.line, d.element) == (None, 8, None)
    assert {"page", "line", "element"} <= set(d.as_dict())


def test_a_rejected_heading_is_located_at_its_section():
    [d] = [d for d in check_document(dict(CASES)["PD202"]) if d.code == "PD202"]
    assert d.location == "一、 > （三）" and d.line == 7


# --- one wrong ordinal, one diagnostic -------------------------------------------------------------

ONE_WRONG_ORDINAL = [
    # a repeated 二、 in the text: the 三、 after it is in sequence with it
    ("PD202", ["一、甲", "做好。", "二、乙", "落实。", "二、乙又", "完成。", "三、丙", "完成。"]),
    # a list that repeats the open level's numbering inside the text (a table of regions)
    ("PD202", ["一、甲", "做好。", "二、乙", "落实。", "一、某市", "二、某县", "二、某县又", "三、某区", "四、某镇"]),
    ("PD201", ["一、甲", "（一）子。", "（二）子。", "（四）子。", "（五）子。"]),
    ("PD201", ["第一条 甲。", "第二条 乙。", "第四条 丁。", "第五条 戊。"]),
]


@pytest.mark.parametrize(("code", "body"), ONE_WRONG_ORDINAL, ids=[" ".join(b[:3]) for _, b in ONE_WRONG_ORDINAL])
def test_one_wrong_ordinal_gives_one_diagnostic(code, body):
    assert [c for c in codes(notice(*body)) if c in ("PD201", "PD202")] == [code]


# --- annexes of web pages and inputs that are annexes ----------------------------------------------

ANNOUNCED = ["附件：1.某清单", "2.某名单"]


def test_a_missing_annex_is_an_error_in_a_pdf_and_a_warning_on_a_web_page():
    text = "\n".join([*HEAD, *GOOD, *ANNOUNCED, *TAIL, "附件1", "某清单", "一、甲", "列明。"]) + "\n"
    web = policydoc.parse(text, format="text")
    [d] = [d for d in check_document(web) if d.code == "PD301"]
    assert d.severity == "warning"
    printed = web.model_copy(update={"source": web.source.model_copy(update={"format": "pdf"})})
    [d] = [d for d in check_document(printed) if d.code == "PD301"]
    assert d.severity == "error"


def test_an_input_that_is_an_annex_is_not_reported_as_missing():
    doc = notice("一、甲", "列明事项。", "附件：1.某表", "二、乙", "抓好落实。", head=["附件1", "某清单"], tail=[])
    assert doc.annexes and not {"PD301", "PD302", "PD131", "PD141", "PD142"} & set(codes(doc))


# --- drafting checks read the printed forms --------------------------------------------------------

NUMBER_FORMS = [
    ("某发〔2024〕1号", []),
    ("某发[2024]1号", ["PD104"]),
    ("某发［2024］1号", ["PD104"]),
    ("某发（2024）1号", ["PD104"]),
    ("某发【2024】1号", ["PD104"]),
    ("某发〔2024〕第48号", ["PD105"]),
    ("某发〔24〕48号", ["PD106"]),
    ("某发〔2024〕048号", ["PD107"]),
    ("某发[24]第048号", ["PD104", "PD105", "PD106", "PD107"]),
    ("（某发〔2024〕1号）", []),
]


@pytest.mark.parametrize(("printed", "expected"), NUMBER_FORMS, ids=[p for p, _ in NUMBER_FORMS])
def test_document_number_forms(printed, expected):
    found = codes(notice(*GOOD, head=["某部关于某事的通知", printed, "各省人民政府："]))
    assert [c for c in found if c.startswith("PD10")] == expected


def test_an_order_number_may_carry_its_serial_with_di():
    doc = notice(*GOOD, head=["某部令", "某部令〔2024〕第3号", "某部关于某事的规定"])
    assert not {"PD104", "PD105", "PD102"} & set(codes(doc))


def test_chinese_numeral_dates_before_the_2012_edition_pass():
    assert "PD121" not in codes(notice(*GOOD, tail=["某部", "二〇〇四年六月二十六日"]))


ATTACHMENT_NOTES = [
    (["附件：某清单"], []),
    (["附件：1.某清单", "2.某名单"], []),
    (["附件:某清单"], ["PD131"]),
    (["附件：某清单。"], ["PD131"]),
    (["附件：1、某清单", "2、某名单"], ["PD131"]),
    (["附件：1.某清单"], ["PD131"]),
]


@pytest.mark.parametrize(("lines", "expected"), ATTACHMENT_NOTES, ids=["|".join(x) for x, _ in ATTACHMENT_NOTES])
def test_attachment_note_forms(lines, expected):
    assert [c for c in codes(notice(*GOOD, *lines)) if c == "PD131"] == expected


TITLES = [
    ("某部关于某事的通知", []),
    ("某部关于印发某办法的通知", []),
    ("某部关于某事的实施意见（试行）", []),
    ("某市某事管理办法（2024年修订）", []),
    ("某部关于某事", ["PD151"]),
    ("某部关于某事的通知的", ["PD151"]),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t for t, _ in TITLES])
def test_title_ends_with_document_type(title, expected):
    found = codes(notice(*GOOD, head=[title, "某发〔2024〕1号", "各省人民政府："]))
    assert [c for c in found if c == "PD151"] == expected


def test_output_reference_doc_is_current():
    from policydoc.export.reference import reference_markdown

    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert committed == reference_markdown(), "run: python -m policydoc.export.reference > docs/reference.md"


def test_validate_json_output_has_page_line_and_element(tmp_path):
    from typer.testing import CliRunner

    from policydoc.cli import app

    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join([*HEAD, "一、甲", "做好工作。", "三、丙", "抓好落实。", *TAIL]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(draft), "--format", "json"])
    [d] = json.loads(result.stdout)[str(draft)]
    assert d["code"] == "PD201" and d["line"] == 6 and "page" in d and d["element"] is None


def test_an_annex_label_diagnostic_carries_the_annex_line():
    [d] = [d for d in check_document(dict(CASES)["PD142"]) if d.code == "PD142"]
    assert d.location == "附件" and d.line == 11  # 3 head lines, 4 body lines, the note, signature, date


# --- properties of the document-number checks ------------------------------------------------------

ORG = st.text(alphabet="国办发函字人社部财教科", min_size=1, max_size=6)
YEAR = st.integers(1990, 2030)
SERIAL = st.integers(1, 9999)
WRONG_BRACKETS = st.sampled_from(["[]", "［］", "（）", "()", "【】", "﹝﹞"])


def number_codes(printed: str) -> list[str]:
    found = codes(notice(*GOOD, head=["某部关于某事的通知", printed, "各省人民政府："]))
    return [c for c in found if c.startswith("PD10")]


@settings(max_examples=40, deadline=None)
@given(ORG, YEAR, SERIAL)
def test_any_well_formed_number_passes(org, year, serial):
    assert number_codes(f"{org}〔{year}〕{serial}号") == []


@settings(max_examples=40, deadline=None)
@given(ORG, YEAR, SERIAL, WRONG_BRACKETS)
def test_any_other_bracket_is_exactly_pd104(org, year, serial, brackets):
    assert number_codes(f"{org}{brackets[0]}{year}{brackets[1]}{serial}号") == ["PD104"]


def test_an_extra_unnumbered_annex_is_pd302_only():
    extra = ["附件", "某清单", "一、甲", "列明。", "附件", "某名单", "一、乙", "列明。"]
    found = codes(notice(*GOOD, "附件：某清单", tail=[*TAIL, *extra]))
    assert "PD141" not in found and "PD142" not in found


def test_head_and_closing_diagnostics_carry_the_line_they_are_about():
    """GB/T 9704 elements of the head and the closing are located like sections: page/line or element."""
    text = "\n".join(
        [
            "某部关于某事的通知",
            "某发[2021]第48号",
            "各省人民政府:",
            "一、甲",
            "做好工作。",
            "二、乙",
            "做好工作。",
            "某部",
            "二〇二一年六月三十日",
        ]
    )
    found = {d.code: d.line for d in check_document(policydoc.parse(text))}
    assert found["PD104"] == found["PD105"] == 2  # the 发文字号 line
    assert found["PD111"] == 3  # the 主送机关
    assert found["PD121"] == 9  # the 成文日期 in the closing


def test_a_missing_element_is_located_at_the_head_of_the_page(tmp_path):
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><body><div><p>某部关于某事的通知</p><p>各省人民政府：</p><p>一、甲</p><p>做好工作。</p>"
        "<p>二、乙</p><p>做好工作。</p></div></body></html>",
        encoding="utf-8",
    )
    [missing] = [d for d in check_document(policydoc.parse(page)) if d.code == "PD101"]
    assert missing.element is not None


def test_a_mislabelled_annex_is_one_diagnostic():
    """Two annexes holding each other's titles are two PD141, not also absent (PD301) and
    unannounced (PD302) annexes."""
    found = [c for c in codes(dict(CASES)["PD141"]) if c in ("PD141", "PD301", "PD302")]
    assert found == ["PD141", "PD141"]
