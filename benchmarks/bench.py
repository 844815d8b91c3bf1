"""policydoc's speed and memory, measured side by side with the tools a user would otherwise use.

    python benchmarks/bench.py            # everything (several minutes)
    python benchmarks/bench.py --quick    # fewer repetitions, 60-document batch
    python benchmarks/bench.py --pdf      # only the PDF engines, start-up and memory

Prints docs/s and MB/s per format and the ratios of issues #5 and #12:
  HTML   policydoc.parse(Sina seed)            ÷ BeautifulSoup(html, "lxml").get_text()   target ≤ 2
  PDF    policydoc.parse(every corpus PDF)     ÷ pdfplumber extract_text() on all pages   target ≤ 0.2
  start  python -X importtime: import policydoc ÷ import pdfplumber                        target ≤ 2
  batch  convert --jobs 1 wall time             ÷ convert --jobs 2 wall time                target ≥ 1.7
  memory peak RSS of a whole process that parses a 200-page PDF                            target ≤ 300 MB
         and the 176-page handbook against a 10-page PDF (flat: about the same)
and pages/s per PDF engine (pdfium, pdfplumber) over all corpus PDFs.
Ratios are measured in the same run, so a noisy machine moves both sides alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

import policydoc  # noqa: E402
from policydoc.docparts import kind_of  # noqa: E402
from policydoc.numbering import match_candidate  # noqa: E402

SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SINA = SAMPLES / "000_825415eff566e735.txt"
# A real corpus PDF, read from ../shared (never copied into the repository).
PDF10 = SHARED / "corpus" / "pdf" / "hangzhou-hangzhengbanhan-2025-16-zuqiu-zhongdian-chengshi.pdf"


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fresh_parse(path: Path, **options: str) -> policydoc.PolicyDocument:
    """parse() with the marker caches emptied: a batch sees each paragraph once, not fifty times."""
    match_candidate.cache_clear()  # match_marker reads through it
    kind_of.cache_clear()
    return policydoc.parse(path, **options)


def html_ratio(repeat: int) -> tuple[float, float, float]:
    html = SINA.read_text(encoding="utf-8")
    ours = timed(lambda: fresh_parse(SINA), repeat)
    theirs = timed(lambda: BeautifulSoup(html, "lxml").get_text(), repeat)
    return ours, theirs, ours / theirs


def corpus_pdfs() -> list[Path]:
    pdfs = sorted((SHARED / "corpus").rglob("*.pdf")) if SHARED.is_dir() else []
    return pdfs or sorted(SAMPLES.glob("*.pdf"))


def pdf_engines(repeat: int) -> tuple[int, dict[str, float], float, float]:
    """Over all corpus PDFs: parse time per engine, and pdfplumber extract_text, in one run."""
    pdfs = corpus_pdfs()
    pages = 0
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)

    def extract() -> None:
        for path in pdfs:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()

    def parse_all(engine: str) -> Callable[[], None]:
        return lambda: [fresh_parse(p, engine=engine) for p in pdfs]

    times = {engine: timed(parse_all(engine), repeat) for engine in ("pdfium", "pdfplumber")}
    theirs = timed(extract, repeat)
    ours = times["pdfium"]
    return pages, times, theirs, ours / theirs


def _import_env() -> dict[str, str]:
    """The environment of a fresh interpreter that imports as an installed package does: from
    bytecode. (A machine that sets PYTHONDONTWRITEBYTECODE would make policydoc compile every
    module from source at each start, while pdfplumber's bytecode was written by pip.)"""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for module in ("policydoc", "pdfplumber"):  # writes the bytecode once
        subprocess.run([sys.executable, "-c", f"import {module}"], env=env, check=True)
    return env


def import_times(repeat: int = 7) -> tuple[float, float, float]:
    """Best of ``repeat`` fresh interpreters, as ``python -X importtime`` reports the package."""
    env = _import_env()

    def once(module: str) -> float:
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        last = [ln for ln in run.stderr.splitlines() if ln.rstrip().endswith(f"| {module}")][-1]
        return int(last.split("|")[1]) / 1e6

    # Interleaved, so that a change in the machine's load moves both sides alike.
    runs = [(once("policydoc"), once("pdfplumber")) for _ in range(repeat)]
    ours, theirs = min(r[0] for r in runs), min(r[1] for r in runs)
    return ours, theirs, ours / theirs


def import_cpu(repeat: int = 9) -> tuple[float, float, float]:
    """CPU time of the import in a fresh interpreter: less moved by other jobs than wall time."""
    env = _import_env()

    def once(module: str) -> float:
        code = f"import time; t = time.process_time(); import {module}; print(time.process_time() - t)"
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        return float(run.stdout)

    runs = [(once("policydoc"), once("pdfplumber")) for _ in range(repeat)]
    ours, theirs = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    return ours, theirs, ours / theirs


def per_format(repeat: int) -> dict[str, tuple[int, float, float]]:
    files = [p for p in SAMPLES.iterdir() if p.is_file()]
    if SHARED.is_dir():
        files += [p for p in (SHARED / "corpus").rglob("*") if p.is_file() and p.suffix != ".tsv"]
    groups: dict[str, list[Path]] = {}
    for f in files:
        if "hdu-" in f.name:  # the 176-page handbook would dominate the PDF figure
            continue
        fmt = policydoc.detect_format(f.read_bytes(), str(f))
        fmt = "pdf-text/text" if fmt == "text" else fmt
        groups.setdefault(fmt, []).append(f)
    out = {}
    for fmt, group in sorted(groups.items()):
        total = timed(lambda g=group: [fresh_parse(p) for p in g], max(1, repeat // 3))
        size = sum(p.stat().st_size for p in group) / 1e6
        out[fmt] = (len(group), len(group) / total, size / total)
    return out


def batch_ratio(n_docs: int) -> tuple[float, float, float]:
    pool = [p for p in SAMPLES.iterdir() if p.is_file()]
    if SHARED.is_dir():
        pool += [p for p in (SHARED / "corpus" / "sina").glob("*.md")]
        pool += [p for p in (SHARED / "corpus" / "govhtml").glob("*.html") if p.stat().st_size < 200_000]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for i in range(n_docs):
            f = pool[i % len(pool)]
            shutil.copy(f, src / f"{i:04d}-{f.name}")
        walls = {}
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            cmd = [sys.executable, "-m", "policydoc", "convert", str(src), "-o", str(out), "--jobs", str(jobs), "-q"]
            start = time.perf_counter()
            subprocess.run(cmd, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
            walls[jobs] = time.perf_counter() - start
    return walls[1], walls[2], walls[1] / walls[2]


def memory_200_pages() -> tuple[float, float, float]:
    from tests.render_pdf import render

    from policydoc.readers.text import read_text
    from policydoc.text import normalize

    blocks = [normalize(b.text) for b in read_text(SAMPLES.joinpath("001_ddd44863a8d9c8fd.txt").read_text()).blocks]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.pdf"
        paragraphs = []
        pages = 0
        while pages < 200:
            paragraphs += [("para", b) for b in blocks]
            pages = render(paragraphs, path)
        # VmHWM is the peak of this process image; ru_maxrss would carry over the parent's
        # size across fork and exec.
        probe = (
            "import sys; sys.path.insert(0, %r)\n"
            "def hwm():\n"
            "    for line in open('/proc/self/status'):\n"
            "        if line.startswith('VmHWM'): return int(line.split()[1])\n"
            "import policydoc, pdfplumber\n"
            "base = hwm()\n"
            "%s\n"
            "print(base, hwm())"
        )
        run = subprocess.run(
            [sys.executable, "-c", probe % (str(ROOT / "src"), f"d = policydoc.parse({str(path)!r})")],
            check=True,
            capture_output=True,
            text=True,
        )
        base, peak = (int(x) / 1024 for x in run.stdout.split())
    return float(pages), base, peak


def memory_of(path: Path) -> tuple[float, float]:
    """Peak RSS (MB) of a fresh process after its imports, and after parsing ``path``."""
    probe = (
        "import sys; sys.path.insert(0, %r)\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM'): return int(line.split()[1])\n"
        "import policydoc, pypdfium2\n"
        "base = hwm()\n"
        "d = policydoc.parse(%r)\n"
        "print(base, hwm())"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe % (str(ROOT / "src"), str(path))], check=True, capture_output=True, text=True
    )
    base, peak = (int(x) / 1024 for x in run.stdout.split())
    return base, peak


def report_pdf(repeat: int) -> None:
    pages, times, theirs, ratio = pdf_engines(max(1, repeat // 3))
    n = len(corpus_pdfs())
    print(f"\nPDF engines over {n} corpus PDFs ({pages} pages), policydoc.parse per engine:")
    for engine, seconds in times.items():
        print(f"  {engine:11s} {seconds:6.2f} s  {pages / seconds:6.1f} pages/s")
    print(
        f"PDF   parse (pdfium) {times['pdfium']:.2f} s vs pdfplumber extract_text {theirs:.2f} s "
        f"({pages / theirs:.1f} pages/s): ratio {ratio:.3f} (≤ 0.2)"
    )
    ours, plumber, start = import_times()
    print(
        f"start import policydoc {ours * 1000:.0f} ms vs import pdfplumber {plumber * 1000:.0f} ms "
        f"(-X importtime, best of 7): ratio {start:.2f} (≤ 2)"
    )
    ours, plumber, start = import_cpu()
    print(
        f"      CPU time of the import {ours * 1000:.0f} ms vs {plumber * 1000:.0f} ms (median of 9): ratio {start:.2f}"
    )
    handbook = next((p for p in corpus_pdfs() if "hdu-" in p.name), None)
    if handbook is not None and PDF10.exists():
        base, small = memory_of(PDF10)
        _, large = memory_of(handbook)
        print(
            f"memory: peak RSS after imports {base:.0f} MB; parsing the 10-page PDF {small:.0f} MB, "
            f"the 176-page handbook {large:.0f} MB"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--pdf", action="store_true", help="only the PDF engines, start-up and memory")
    args = ap.parse_args()
    repeat = 5 if args.quick else 15
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    versions = f"pdfplumber {pdfplumber.__version__}, pypdfium2 {pypdfium2.version.PYPDFIUM_INFO}"
    print(f"policydoc {policydoc.__version__}, {versions}")
    if args.pdf:
        report_pdf(repeat)
        return
    print("\nthroughput per format (samples and ../shared/corpus, handbook excluded):")
    for fmt, (n, docs_s, mb_s) in per_format(repeat).items():
        print(f"  {fmt:14s} {n:3d} files  {docs_s:8.1f} docs/s  {mb_s:7.2f} MB/s")
    ours, theirs, ratio = html_ratio(repeat)
    print(
        f"\nHTML  parse {ours * 1000:.1f} ms vs BeautifulSoup get_text {theirs * 1000:.1f} ms: ratio {ratio:.2f} (≤ 2)"
    )
    report_pdf(repeat)
    one, two, speedup = batch_ratio(60 if args.quick else 200)
    print(f"batch convert --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s: speed-up {speedup:.2f}× (≥ 1.7)")
    pages, base, peak = memory_200_pages()
    print(
        f"memory: peak RSS of a process parsing a {pages:.0f}-page PDF {peak:.0f} MB (≤ 300 MB); "
        f"after imports alone {base:.0f} MB"
    )


if __name__ == "__main__":
    main()
