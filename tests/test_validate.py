"""`validate` finds each problem in small crafted notices and stays silent on the seeds."""

from __future__ import annotations

import datetime as dt
import json

import pytest

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
    ("PD102", notice(*GOOD, head=["某部关于某事的通知", "某发〔24〕1号", "各省人民政府："])),
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
    [d] = [d for d in check_document(CASES[2][1]) if d.code == "PD201"]
    assert d.severity == "error" and d.location == "四、" and "follows 二、" in d.message
    assert json.loads(json.dumps(d.as_dict()))["code"] == "PD201"


def test_output_reference_doc_is_current():
    from policydoc.export.reference import reference_markdown

    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert committed == reference_markdown(), "run: python -m policydoc.export.reference > docs/reference.md"
