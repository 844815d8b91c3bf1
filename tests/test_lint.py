"""The code base stays `ruff check` clean (ruff is in the test extras)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT


def test_ruff_check_is_clean():
    pytest.importorskip("ruff")
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_m_policydoc_runs():
    result = subprocess.run([sys.executable, "-m", "policydoc", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "convert" in result.stdout
