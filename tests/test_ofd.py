"""OFD (GB/T 33190): text objects go through the same layout as PDF characters."""

from __future__ import annotations

import zipfile

import pytest

import policydoc
from policydoc.readers.ofd import deltas, looks_like_ofd

from .conftest import SAMPLES
from .outline import outline
from .render_ofd import render

# A synthetic notice in the usual shape (not a real document).
NOTICE = [
    ("title", "某某市人民政府办公室关于印发"),
    ("title", "《某某市促进青年就业创业若干措施》的通知"),
    ("title", "某政办发〔2026〕3号"),
    ("para", "各区、县（市）人民政府，市政府各部门、各直属单位："),
    ("para", "《某某市促进青年就业创业若干措施》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。"),
    ("right", "某某市人民政府办公室"),
    ("right", "2026年3月1日"),
    ("title", "某某市促进青年就业创业若干措施"),
    ("para", "为进一步做好青年就业创业工作，稳定和扩大就业岗位，结合本市实际，制定以下措施。"),
    ("para", "一、拓宽就业渠道"),
    (
        "para",
        "（一）扩大企业吸纳就业。对当年新招用高校毕业生并签订一年以上劳动合同的中小微企业，"
        "按每人1500元的标准给予一次性扩岗补助，所需资金从就业补助资金中列支。",
    ),
    (
        "para",
        "（二）稳定公共部门岗位。各级机关事业单位空缺岗位优先用于招聘高校毕业生，国有企业新增岗位招聘比例不低于50%。",
    ),
    ("para", "二、支持自主创业"),
    (
        "para",
        "（三）加大创业担保贷款支持。个人创业担保贷款最高额度提高至30万元，小微企业最高额度提高至400万元，"
        "贷款期限最长不超过3年，按规定给予贴息。",
    ),
    (
        "para",
        "（四）强化创业场地保障。各区县至少建设1个青年创业孵化基地，入驻青年创业企业的场地租金三年内减半收取，"
        "孵化期满后符合条件的继续给予支持。",
    ),
    ("para", "三、强化服务保障"),
    (
        "para",
        "（五）健全就业服务体系。推进基层公共就业服务平台建设，每年组织招聘活动不少于100场，"
        "为未就业高校毕业生提供实名制帮扶，确保有就业意愿的毕业生年底前实现就业。",
    ),
    ("para", "（六）加强组织实施。各地各部门要加强统筹协调，细化工作措施，确保各项政策落地见效。"),
    ("para", "本措施自印发之日起施行，有效期至2028年12月31日。"),
]


@pytest.fixture(scope="module")
def ofd(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("ofd") / "notice.ofd"
    pages = render(NOTICE, path)
    return path, pages


@pytest.fixture(scope="module")
def as_text():
    return policydoc.parse("\n".join(text for _, text in NOTICE) + "\n", format="text")


def test_ofd_is_detected_and_read(ofd):
    path, pages = ofd
    assert looks_like_ofd(path.read_bytes())
    doc = policydoc.parse(path)
    assert doc.source.format == "ofd"
    assert doc.source.pages == pages >= 2  # a page break falls inside the body


def test_ofd_gives_the_same_tree_as_the_text(ofd, as_text):
    doc = policydoc.parse(ofd[0])
    assert outline(doc) == outline(as_text)
    assert [s.marker for s in doc.sections] == ["一、", "二、", "三、"]
    assert [c.ordinal for s in doc.sections for c in s.children] == list(range(1, 7))


def test_ofd_metadata_and_targets(ofd, as_text):
    doc = policydoc.parse(ofd[0])
    assert doc.metadata.doc_number == "某政办发〔2026〕3号"
    assert str(doc.metadata.date) == "2026-03-01"
    assert doc.metadata == as_text.metadata
    assert [(t.text, t.low, t.high, t.unit) for t in doc.targets] == [
        (t.text, t.low, t.high, t.unit) for t in as_text.targets
    ]


def test_ofd_page_numbers_are_dropped_and_lines_rejoined(ofd):
    doc = policydoc.parse(ofd[0])
    everything = doc.model_dump_json()
    assert "— 1 —" not in everything and "—1—" not in everything
    assert "按每人1500元的标准给予一次性扩岗补助" in everything


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("5.57 5.57", [5.57, 5.57]),
        ("g 3 5", [5.0, 5.0, 5.0]),
        ("1 g 2 5.5 2", [1.0, 5.5, 5.5, 2.0]),
    ],
)
def test_delta_shorthand(text, expected):
    assert deltas(text) == expected


def test_broken_ofd_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.ofd"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'><ofd:DocBody/></ofd:OFD>")
    with pytest.raises(policydoc.UnsupportedFormatError, match="DocRoot"):
        policydoc.parse(path)


@pytest.mark.parametrize("name", ["001_ddd44863a8d9c8fd-rendered.ofd", "001_ddd44863a8d9c8fd-autonumbered.docx"])
def test_a_zip_of_a_version_zipfile_does_not_know_is_an_error_that_names_it(name):
    # Regression: detect_format opened every zip to look for OFD.xml and let zipfile's
    # NotImplementedError ("zip file version 6.4") escape from parse().
    data = bytearray((SAMPLES / name).read_bytes())
    header = data.find(b"PK\x01\x02")  # the central directory: "version needed to extract" at +6
    data[header + 6] = 64
    with pytest.raises(policydoc.PolicyDocError, match="<input>"):
        policydoc.parse(bytes(data))
