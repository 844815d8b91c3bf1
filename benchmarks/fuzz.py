"""Mutation fuzzing of ``policydoc.parse()``: nothing may escape but a PolicyDocError.

    python benchmarks/fuzz.py -n 100000 --jobs 2 --seed 11 -o /tmp/fuzz-out
    python benchmarks/fuzz.py --replay /tmp/fuzz-out/escape-IndexError-pdf.py-239-4711.pdf

Seeds are the repository's samples plus, when present, ``../shared/corpus``, ``../shared/wild``
and ``../shared/fuzz`` (``--seeds DIR`` adds or replaces them). Each input is derived from the
seed (``--seed``) and its index alone, so a run is reproducible and one input can be rebuilt
from its number. Mutations: bit flips, byte edits, truncation, splicing of two files,
re-encodings (UTF-16/32, GB18030, Big5, BOMs), markup and Hexo front-matter mutations,
numbering/quantity soup, and edits of PDF objects (MediaBox, CropBox, Rotate, Tf, stream
lengths and filters, xref) in small generated PDFs and in the seed PDFs.

Every input runs in a worker process under a time limit (``--time-limit``, seconds) and a
memory limit (``--mem-limit``, MB); the worker is killed and replaced on timeout. Outcome of
each input, after ``parse()`` and ``json.dumps(doc.model_dump(mode="json"), allow_nan=False)``:

    ok          a document that serializes
    error       a PolicyDocError (the contract for bad input)
    escape      any other exception out of parse() (a bug)
    serialize   the document does not serialize (NaN/inf, bad types)
    timeout     over the time limit (the worker is killed)
    crash       the worker died (segfault, killed for memory)

Escapes, serialization failures, timeouts and crashes are saved to the output folder (the
first few per distinct signature) with a ``.json`` note; the run prints the figures: inputs,
outcomes, distinct escape signatures, the slowest inputs and the peak worker memory.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing as mp
import random
import resource
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
DEFAULT_SEEDS = [ROOT / "samples", SHARED / "corpus", SHARED / "wild", SHARED / "fuzz"]
SEED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".py"}
MAX_SEED_BYTES = 1024 * 1024
# Long PDFs take pdfplumber longer than any sensible per-input limit before a single mutation
# (a 940 KB handbook: 26 s): mutating them measures page count, not robustness.
MAX_PDF_SEED_BYTES = 350_000


# --- seeds ------------------------------------------------------------------------------------


@dataclass
class Seed:
    name: str
    data: bytes
    is_pdf: bool


def load_seeds(
    dirs: Iterable[Path], max_bytes: int = MAX_SEED_BYTES, max_pdf_bytes: int = MAX_PDF_SEED_BYTES, exclude: tuple = ()
) -> list[Seed]:
    seeds = []
    for d in dirs:
        if not d.exists():
            continue
        files = [d] if d.is_file() else sorted(p for p in d.rglob("*") if p.is_file())
        for p in files:
            if p.suffix.lower() not in SEED_SUFFIXES or p.stat().st_size > max_bytes:
                continue
            if any(part in str(p) for part in exclude):
                continue
            data = p.read_bytes()
            is_pdf = data[:1024].find(b"%PDF-") >= 0
            if is_pdf and len(data) > max_pdf_bytes:
                continue
            seeds.append(Seed(str(p.relative_to(d.parent)), data, is_pdf))
    return seeds


# --- a small PDF to edit (pdfplumber parses it in milliseconds) --------------------------------

PDF_LINES = [b"1. General", b"(1) Scope of 2025", b"2. Tasks", b"Reach 4000 units by 2025.", b"Annex 1"]


def build_pdf(
    mediabox: bytes = b"[0 0 612 792]",
    page_extra: bytes = b"",
    font_size: bytes = b"12",
    lines: list[bytes] = PDF_LINES,
    filter_: bytes = b"",
) -> bytes:
    content = (
        b"BT /F1 " + font_size + b" Tf 72 720 Td 14 TL " + b" ".join(b"(" + t + b") Tj T*" for t in lines) + b" ET"
    )
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox "
        + mediabox
        + page_extra
        + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + filter_ + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


PDF_VALUES = [
    b"[]",
    b"[0 0 612]",
    b"[0 0 612 /x]",
    b"(abc)",
    b"9 0 R",
    b"[[0 0] 612 792]",
    b"[0 0 1e400 792]",
    b"[0 0 0 0]",
    b"[0 0 -612 -792]",
    b"[612 792 0 0]",
    b"[0 0 99999999999999999999 792]",
    b"null",
    b"true",
    b"<< /a 1 >>",
    b"[0 0 612 792 5]",
    b"[0 0 nan 792]",
]
PDF_EXTRAS = [
    b" /Rotate /x",
    b" /Rotate 45",
    b" /Rotate 99999999999999",
    b" /Rotate -90",
    b" /CropBox []",
    b" /CropBox (abc)",
    b" /CropBox [0 0 1 1]",
    b" /UserUnit 0",
    b" /UserUnit -1",
    b" /Annots 9 0 R",
    b" /Resources 7 0 R",
]
PDF_FONT_SIZES = [b"0", b"-12", b"0.0001", b"1e300", b"99999", b"/x", b"()"]
PDF_FILTERS = [b" /Filter /FlateDecode", b" /Filter /LZWDecode", b" /Filter /ASCII85Decode", b" /Filter /Nope"]


def small_pdf(rng: random.Random) -> bytes:
    kwargs: dict = {}
    for key, values in (
        ("mediabox", PDF_VALUES),
        ("page_extra", PDF_EXTRAS),
        ("font_size", PDF_FONT_SIZES),
        ("filter_", PDF_FILTERS),
    ):
        if rng.random() < 0.3:
            kwargs[key] = rng.choice(values)
    if rng.random() < 0.2:
        kwargs["lines"] = [bytes(rng.randrange(32, 127) for _ in range(rng.randrange(0, 40))) for _ in range(5)]
    return build_pdf(**kwargs)


PDF_KEYS = [b"/MediaBox", b"/CropBox", b"/Rotate", b"/Length", b"/Filter", b"/Count", b"/Kids", b"/Font"]


def pdf_edit(rng: random.Random, data: bytes) -> bytes:
    """Replace the value after a dictionary key, a Tf operand, or damage the xref/stream data."""
    choice = rng.random()
    if choice < 0.5:
        key = rng.choice(PDF_KEYS)
        at = data.find(key, rng.randrange(max(1, len(data))) if rng.random() < 0.5 else 0)
        if at < 0:
            at = data.find(key)
        if at >= 0:
            start = at + len(key)
            end = start + 1
            while end < len(data) and data[end : end + 1] not in (b"/", b">", b"\n"):
                end += 1
            return data[:start] + b" " + rng.choice(PDF_VALUES + PDF_FONT_SIZES) + data[end:]
    if choice < 0.65:
        at = data.find(b" Tf", rng.randrange(max(1, len(data))))
        if at > 0:
            begin = data.rfind(b" ", 0, at)
            return data[: begin + 1] + rng.choice(PDF_FONT_SIZES) + data[at:]
    if choice < 0.8:
        at = data.rfind(b"startxref")
        if at > 0:
            return data[:at] + b"startxref\n" + str(rng.randrange(0, len(data) + 10)).encode() + b"\n%%EOF\n"
    at = data.find(b"stream", rng.randrange(max(1, len(data))))
    if at > 0:  # damage the start of a (maybe compressed) stream
        k = at + 8 + rng.randrange(64)
        return data[:k] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16))) + data[k + 8 :]
    return flip_bits(rng, data)


# --- byte and text mutations ------------------------------------------------------------------

INTERESTING = [
    b"\x00",
    b"\xff",
    b"\xfe",
    b"\xef\xbb\xbf",
    b"<",
    b">",
    b"\n",
    b"\r",
    b"\t",
    b"\xe3\x80\x80",
    b"&",
    b"\x1b",
]


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    buf = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 8, 32])):
        i = rng.randrange(len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf)


def byte_edits(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.choice([1, 2, 3, 8])):
        i = rng.randrange(len(buf) + 1)
        op = rng.random()
        token = rng.choice(INTERESTING) if rng.random() < 0.6 else bytes([rng.randrange(256)])
        if op < 0.4:
            buf[i:i] = token
        elif op < 0.7:
            del buf[i : i + rng.randrange(1, 16)]
        else:
            buf[i : i + len(token)] = token
    return bytes(buf)


def truncate(rng: random.Random, data: bytes) -> bytes:
    if len(data) < 2:
        return data
    cut = rng.randrange(1, len(data))
    return data[:cut] if rng.random() < 0.8 else data[cut:]


def splice(rng: random.Random, data: bytes, other: bytes) -> bytes:
    a = rng.randrange(len(data) + 1)
    b = rng.randrange(len(other) + 1)
    return data[:a] + other[b:] if rng.random() < 0.7 else data[:a] + other[b : b + 4096] + data[a:]


ENCODINGS = [
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
    "gb18030",
    "big5",
    "utf-8-sig",
    "cp1252",
    "shift_jis",
    "latin-1",
]


def reencode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    out = text.encode(rng.choice(ENCODINGS), errors="replace")
    return truncate(rng, out) if rng.random() < 0.2 else out


MARKUP = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<br/>" * 50,
    "<table><tr><td>",
    "</td></tr></table>",
    "<td>1.</td>",
    "<h1>一、总则</h1>",
    "<p>（一）</p>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<style>",
    "<![CDATA[",
    "&nbsp;" * 20,
    "&#xD800;",
    "&#0;",
    "&#99999999;",
    "<meta charset=big5>",
    "<meta charset=utf-16>",
    "<meta charset=nope>",
    "<html><body>",
    "<span style='x'>",
    "<p align=center>",
    "<font size=9999999999>",
    "<a href='",
    "<?xml ?>",
]


def markup(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    choice = rng.random()
    if choice < 0.15:  # deep nesting
        depth = rng.choice([100, 1000, 5000])
        tag = rng.choice(["div", "p", "span", "table", "td", "b"])
        at = rng.randrange(len(text) + 1)
        text = text[:at] + f"<{tag}>" * depth + text[at:] + f"</{tag}>" * rng.randrange(depth + 1)
    elif choice < 0.25:  # tags removed or broken
        text = text.replace(">", "") if rng.random() < 0.5 else text.replace("<", "")
    else:
        for _ in range(rng.choice([1, 3, 10])):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(MARKUP) + text[at:]
    return text.encode("utf-8", errors="surrogatepass")


FRONT_SHAPES = [
    "title: {t}",
    "title:\n - {t}\n - 另一个",
    "title: [{t}, x]",
    "title:",
    "title: '{t}",
    'title: "{t}"',
    "date: 2022-01-01",
    "date:\n - 2022-01-01",
    "date: [2022, 1]",
    "date: 9999-99-99",
    "date: ''",
    "categories: 金融",
    "categories:\n - 金融\n - - 嵌套",
    "categories: [金融, 政策]",
    "categories:\n  key: value",
    "author: []",
    "tags: {{a: 1}}",
    "- orphan item",
    ":",
    "title: |\n  多行\n  标题",
    "\ttitle: tab",
]


def front_matter(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    body = text.split("\n---", 2)[-1] if text.startswith("---") else text
    if "<" not in body[:4000]:
        body = "<div><p>" + body.replace("\n", "</p><p>") + "</p></div>"
    lines = [rng.choice(FRONT_SHAPES).format(t="某某关于印发某方案的通知") for _ in range(rng.randrange(0, 6))]
    close = rng.choice(["---", "---", "--", "---   ", "..."])
    return f"---\n{chr(10).join(lines)}\n{close}\n{body}".encode()


NUMBERING = [
    "一、",
    "（一）",
    "1.",
    "（1）",
    "①",
    "第一章 ",
    "第一条 ",
    "第十万条 ",
    "第一节 ",
    "附件",
    "附件1",
    "——",
    "十四五",
    "到2025年，",
    "不少于",
    "%",
    "万人",
    "亿元",
    "个百分点",
    "以上",
    "左右",
    "〔2021〕48号",
    "国办发",
]


def text_soup(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    choice = rng.random()
    if choice < 0.2:
        text = text.replace("\n", "" if rng.random() < 0.5 else " ")  # one huge line
    elif choice < 0.35:
        lines = text.split("\n")
        rng.shuffle(lines)
        text = "\n".join(lines)
    elif choice < 0.5:  # a quantity-dense sentence
        n = rng.choice([10, 100, 400])
        soup = "，".join(f"{rng.randrange(10 ** rng.randrange(1, 30))}{rng.choice(NUMBERING)}" for _ in range(n))
        at = rng.randrange(len(text) + 1)
        text = text[:at] + soup + "。" + text[at:]
    else:
        for _ in range(rng.choice([1, 5, 30])):
            at = rng.randrange(len(text) + 1)
            token = rng.choice(NUMBERING)
            text = text[:at] + ("\n" + token if rng.random() < 0.6 else token) + text[at:]
    return text.encode("utf-8", errors="surrogatepass")


# --- input generation -------------------------------------------------------------------------

TEXT_MUTATORS: list[tuple[str, float]] = [
    ("flip", 3),
    ("bytes", 3),
    ("truncate", 2),
    ("splice", 2),
    ("reencode", 2),
    ("markup", 2),
    ("front", 1.5),
    ("soup", 2),
    ("stack", 2),
]
PDF_MUTATORS: list[tuple[str, float]] = [("small-pdf", 3), ("pdf-edit", 4), ("flip", 1), ("truncate", 1), ("stack", 1)]


@dataclass
class FuzzInput:
    index: int
    seed: str
    mutation: str
    data: bytes
    as_str: bool = False  # given to parse() as a str (content), not bytes


def _pick(rng: random.Random, table: list[tuple[str, float]]) -> str:
    return rng.choices([n for n, _ in table], weights=[w for _, w in table])[0]


def _mutate(rng: random.Random, name: str, seed: Seed, seeds: list[Seed]) -> bytes:
    data = seed.data
    if name == "flip":
        return flip_bits(rng, data)
    if name == "bytes":
        return byte_edits(rng, data)
    if name == "truncate":
        return truncate(rng, data)
    if name == "splice":
        return splice(rng, data, rng.choice(seeds).data)
    if name == "reencode":
        return reencode(rng, data)
    if name == "markup":
        return markup(rng, data)
    if name == "front":
        return front_matter(rng, data)
    if name == "soup":
        return text_soup(rng, data)
    if name == "small-pdf":
        return small_pdf(rng)
    if name == "pdf-edit":
        return pdf_edit(rng, data if rng.random() < 0.3 else small_pdf(rng))
    raise ValueError(name)


def make_input(seeds: list[Seed], seed: int, index: int) -> FuzzInput:
    """Input number ``index`` of run ``seed``: the same on every machine and in every worker."""
    rng = random.Random(f"{seed}:{index}")
    # PDFs cost far more to parse than text: pick them less often.
    pdfs = [s for s in seeds if s.is_pdf]
    texts = [s for s in seeds if not s.is_pdf] or seeds
    base = rng.choice(pdfs) if pdfs and rng.random() < 0.2 else rng.choice(texts)
    table = PDF_MUTATORS if base.is_pdf else TEXT_MUTATORS
    name = _pick(rng, table)
    if name == "stack":
        names = [_pick(rng, [t for t in table if t[0] != "stack"]) for _ in range(rng.randrange(2, 4))]
        data = base.data
        for n in names:
            data = _mutate(rng, n, Seed(base.name, data, base.is_pdf), seeds)
        name = "+".join(names)
    else:
        data = _mutate(rng, name, base, seeds)
    as_str = not base.is_pdf and rng.random() < 0.1
    if as_str and rng.random() < 0.3:  # one line: the path-or-content question
        data = data.replace(b"\n", b"").replace(b"<", b"")[: rng.choice([200, 300, 1000, 5000])]
    return FuzzInput(index, base.name, name, data, as_str)


# --- running one input ------------------------------------------------------------------------


@dataclass
class Result:
    index: int
    outcome: str
    seconds: float = 0.0
    error: str = ""  # exception type
    message: str = ""
    site: str = ""  # innermost frame: file:line
    policydoc_site: str = ""  # innermost frame inside policydoc
    rss_mb: float = 0.0

    @property
    def signature(self) -> str:
        return f"{self.outcome}:{self.error}:{self.site}"


def run_one(item: FuzzInput) -> Result:
    import policydoc

    start = time.perf_counter()
    source: bytes | str = item.data
    if item.as_str:
        source = item.data.decode("utf-8", errors="replace")
    try:
        doc = policydoc.parse(source)
    except policydoc.PolicyDocError as exc:
        return Result(item.index, "error", time.perf_counter() - start, type(exc).__name__, str(exc)[:200])
    except Exception as exc:  # the bug class this harness exists for
        return _failure(item, "escape", exc, start)
    try:
        json.dumps(doc.model_dump(mode="json"), allow_nan=False)
    except Exception as exc:
        return _failure(item, "serialize", exc, start)
    return Result(item.index, "ok", time.perf_counter() - start)


def _failure(item: FuzzInput, outcome: str, exc: BaseException, start: float) -> Result:
    frames = traceback.extract_tb(exc.__traceback__)
    site = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    ours = [f for f in frames if "policydoc" in f.filename]
    own = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else ""
    return Result(item.index, outcome, time.perf_counter() - start, type(exc).__name__, str(exc)[:300], site, own)


def _worker(conn: Connection, seeds: list[Seed], seed: int, mem_limit_mb: int) -> None:
    if mem_limit_mb:
        limit = mem_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    logging.disable(logging.CRITICAL)  # pdfminer's complaints about damaged PDFs, once per input
    import policydoc  # noqa: F401  (import once, not inside the timed call)

    while True:
        index = conn.recv()
        if index is None:
            return
        item = make_input(seeds, seed, index)
        try:
            result = run_one(item)
        except MemoryError:
            result = Result(index, "crash", 0.0, "MemoryError", "worker ran out of memory")
        result.rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(result)


# --- the campaign -----------------------------------------------------------------------------


@dataclass
class Campaign:
    seeds: int = 0
    inputs: int = 0
    outcomes: Counter = field(default_factory=Counter)
    signatures: dict[str, dict] = field(default_factory=dict)
    slowest: list[tuple[float, int, str]] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    seconds: float = 0.0
    saved: list[str] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)


class _Slot:
    def __init__(self, ctx: mp.context.BaseContext, args: tuple) -> None:
        self.ctx, self.args = ctx, args
        self.start()

    def start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, *self.args), daemon=True)
        self.proc.start()
        child.close()
        self.index: int | None = None
        self.started = 0.0

    def send(self, index: int) -> None:
        self.index, self.started = index, time.monotonic()
        self.conn.send(index)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def run(
    count: int,
    *,
    seed: int = 11,
    jobs: int = 2,
    time_limit: float = 5.0,
    mem_limit_mb: int = 2048,
    seed_dirs: list[Path] | None = None,
    max_seed_bytes: int = MAX_SEED_BYTES,
    max_pdf_bytes: int = MAX_PDF_SEED_BYTES,
    exclude: tuple[str, ...] = (),
    out: Path | None = None,
    keep_per_signature: int = 3,
    start: int = 0,
    progress: Callable[[Campaign], None] | None = None,
    keep_results: bool = False,
) -> Campaign:
    seeds = load_seeds(seed_dirs or DEFAULT_SEEDS, max_seed_bytes, max_pdf_bytes, exclude)
    # A PDF seed that parses in milliseconds, so PDF mutations run even without the corpus.
    seeds.append(Seed("generated/small.pdf", build_pdf(), True))
    if not seeds:
        raise SystemExit("no seed files found")
    import policydoc  # noqa: F401  (imported once here: a replaced worker starts at once)

    ctx = mp.get_context("fork")  # the workers inherit the seeds and the imported modules
    slots = [_Slot(ctx, (seeds, seed, mem_limit_mb)) for _ in range(jobs)]
    todo = iter(range(start, start + count))
    campaign = Campaign(seeds=len(seeds))
    began = time.monotonic()
    if out:
        out.mkdir(parents=True, exist_ok=True)

    def record(result: Result) -> None:
        campaign.inputs += 1
        campaign.outcomes[result.outcome] += 1
        campaign.peak_rss_mb = max(campaign.peak_rss_mb, result.rss_mb)
        campaign.slowest = sorted([*campaign.slowest, (result.seconds, result.index, result.outcome)], reverse=True)[:5]
        if keep_results:
            campaign.results.append(result)
        if result.outcome in ("ok", "error"):
            return
        if result.outcome in ("timeout", "crash"):  # no traceback: group by the seed file instead
            result.site = make_input(seeds, seed, result.index).seed
        entry = campaign.signatures.setdefault(
            result.signature,
            {"count": 0, "first": result.index, "message": result.message, "in": result.policydoc_site, "files": []},
        )
        entry["count"] += 1
        if out and len(entry["files"]) < keep_per_signature:
            entry["files"].append(str(_save(out, seeds, seed, result)))

    try:
        for slot in slots:
            nxt = next(todo, None)
            if nxt is not None:
                slot.send(nxt)
        while any(s.index is not None for s in slots):
            busy = [s for s in slots if s.index is not None]
            now = time.monotonic()
            wait_for = max(0.0, min(s.started + time_limit - now for s in busy))
            ready = wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=wait_for)
            for slot in busy:
                if slot.conn in ready:
                    try:
                        result = slot.conn.recv()
                    except EOFError:
                        result = Result(slot.index, "crash", time.monotonic() - slot.started, "WorkerDied")
                        slot.kill()
                        slot.start()
                elif slot.proc.sentinel in ready or time.monotonic() - slot.started >= time_limit:
                    died = not slot.proc.is_alive()
                    elapsed = time.monotonic() - slot.started
                    result = Result(slot.index, "crash" if died else "timeout", elapsed, "WorkerDied" if died else "")
                    result.rss_mb = 0.0
                    slot.kill()
                    slot.start()
                else:
                    continue
                record(result)
                slot.index = None
                nxt = next(todo, None)
                if nxt is not None:
                    slot.send(nxt)
            if progress and campaign.inputs and campaign.inputs % 1000 == 0:
                progress(campaign)
    finally:
        for slot in slots:
            if slot.proc.is_alive():
                try:
                    slot.conn.send(None)
                except (BrokenPipeError, OSError):
                    pass
                slot.proc.join(timeout=2)
                if slot.proc.is_alive():
                    slot.kill()
    campaign.seconds = time.monotonic() - began
    return campaign


def _save(out: Path, seeds: list[Seed], seed: int, result: Result) -> Path:
    item = make_input(seeds, seed, result.index)
    ext = ".pdf" if item.data[:1024].find(b"%PDF-") >= 0 else ".txt"
    site = _file_safe(result.site) or "none"
    path = out / f"{result.outcome}-{result.error or 'none'}-{site}-{result.index}{ext}"
    path.write_bytes(item.data)
    note = {
        **asdict(result),
        "seed_file": item.seed,
        "mutation": item.mutation,
        "as_str": item.as_str,
        "run_seed": seed,
    }
    path.with_suffix(path.suffix + ".json").write_text(json.dumps(note, ensure_ascii=False, indent=1), "utf-8")
    return path


def _file_safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in ".-_" else "-" for c in text)[-60:]


def report(c: Campaign) -> str:
    rate = c.inputs / c.seconds if c.seconds else 0.0
    lines = [
        f"inputs {c.inputs} from {c.seeds} seed files in {c.seconds:.0f} s ({rate:.1f}/s)",
        "outcomes "
        + ", ".join(f"{k} {c.outcomes.get(k, 0)}" for k in ("ok", "error", "escape", "serialize", "timeout", "crash")),
        "slowest " + ", ".join(f"#{i} {s:.2f}s ({o})" for s, i, o in c.slowest),
        f"peak worker RSS {c.peak_rss_mb:.0f} MB",
    ]
    for sig, entry in sorted(c.signatures.items(), key=lambda kv: -kv[1]["count"]):
        where = f" (policydoc {entry['in']})" if entry.get("in") else ""
        lines.append(f"  {entry['count']:6d}  {sig}{where}  first #{entry['first']}: {entry['message'][:100]}")
        lines += [f"          {f}" for f in entry["files"]]
    return "\n".join(lines)


def replay(path: Path) -> None:
    """Run one saved reproducer in this process, with the full traceback."""
    import policydoc

    note_path = path.with_suffix(path.suffix + ".json")
    as_str = note_path.exists() and json.loads(note_path.read_text("utf-8")).get("as_str")
    data = path.read_bytes()
    start = time.perf_counter()
    doc = policydoc.parse(data.decode("utf-8", errors="replace") if as_str else data)
    json.dumps(doc.model_dump(mode="json"), allow_nan=False)
    print(f"ok in {time.perf_counter() - start:.2f}s: {doc.source.format}, {len(doc.sections)} sections")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("-n", "--count", type=int, default=1000, help="number of inputs")
    ap.add_argument("--seed", type=int, default=11, help="run seed: same seed, same inputs")
    ap.add_argument("--start", type=int, default=0, help="first input index (to resume or split a run)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes")
    ap.add_argument("--time-limit", type=float, default=5.0, help="seconds per input before the worker is killed")
    ap.add_argument("--mem-limit", type=int, default=2048, help="MB of address space per worker (0: none)")
    ap.add_argument("--seeds", type=Path, action="append", help="seed folder or file (repeatable)")
    ap.add_argument("--max-seed-bytes", type=int, default=MAX_SEED_BYTES)
    ap.add_argument("--max-pdf-bytes", type=int, default=MAX_PDF_SEED_BYTES, help="skip longer seed PDFs")
    ap.add_argument("--exclude", action="append", default=[], help="skip seed files whose path contains this")
    ap.add_argument("-o", "--out", type=Path, default=Path("fuzz-out"), help="folder for reproducers")
    ap.add_argument("--replay", type=Path, help="run one saved reproducer with a traceback")
    args = ap.parse_args(argv)
    if args.replay:
        replay(args.replay)
        return 0

    def progress(c: Campaign) -> None:
        print(
            f"[{c.inputs}] " + ", ".join(f"{k} {v}" for k, v in sorted(c.outcomes.items())), file=sys.stderr, flush=True
        )

    campaign = run(
        args.count,
        seed=args.seed,
        jobs=args.jobs,
        time_limit=args.time_limit,
        mem_limit_mb=args.mem_limit,
        seed_dirs=args.seeds,
        max_seed_bytes=args.max_seed_bytes,
        max_pdf_bytes=args.max_pdf_bytes,
        exclude=tuple(args.exclude),
        out=args.out,
        start=args.start,
        progress=progress,
    )
    text = report(campaign)
    print(text)
    summary = {
        "inputs": campaign.inputs,
        "seconds": round(campaign.seconds, 1),
        "outcomes": dict(campaign.outcomes),
        "slowest": campaign.slowest,
        "peak_rss_mb": round(campaign.peak_rss_mb),
        "signatures": campaign.signatures,
        "seed": args.seed,
        "seed_files": campaign.seeds,
        "exclude": args.exclude,
        "start": args.start,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), "utf-8")
    bad = sum(campaign.outcomes.get(k, 0) for k in ("escape", "serialize", "timeout", "crash"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
