from __future__ import annotations

import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEED_HTML = SAMPLES / "000_825415eff566e735.txt"
SEED_TEXT = SAMPLES / "001_ddd44863a8d9c8fd.txt"
SEED_PDF = SAMPLES / "001_ddd44863a8d9c8fd-rendered.pdf"  # made by tests/make_samples.py
# Real PDFs of other people's repositories are read from ../shared, never copied here.
SICHUAN_PDF = SHARED / "corpus" / "pdf" / "sichuan-chuanbangui-2025-6-chuangye-daidong-jiuye.pdf"
HANGZHOU_PDF = SHARED / "corpus" / "pdf" / "hangzhou-hangzhengbanhan-2025-16-zuqiu-zhongdian-chengshi.pdf"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the repository")


@functools.cache
def parsed(path: Path):
    """Each real document is parsed once per test session (the 176-page PDF takes seconds)."""
    import policydoc

    return policydoc.parse(path)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.json from the current output (on purpose only; review the diff)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_html():
    import policydoc

    return policydoc.parse(SEED_HTML)


@pytest.fixture(scope="session")
def seed_text():
    import policydoc

    return policydoc.parse(SEED_TEXT)
