"""parse() time per input format against an earlier revision, measured side by side.

    python benchmarks/versus.py 7c68c9c             # every text input of ../shared/corpus and ../shared/wild
    python benchmarks/versus.py 7c68c9c --repeat 5  # best of 5 per file instead of 3

The revision's ``src/`` is exported with ``git archive`` into a temporary directory. Two
worker processes, one per version, parse the same file one after the other, file by
file, so that the load of this shared machine falls on both alike; each reports the
best CPU time of ``--repeat`` parses. Printed per format (as the current code detects
it): files, seconds for each version and the ratio current ÷ revision, with the files
whose ratio is worst; then the Sina seed with the marker caches emptied before each
parse, as ``bench.py`` measures it.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "samples" / "000_825415eff566e735.txt"
BINARY = {".pdf", ".docx", ".doc", ".ofd", ".wps", ".rtf", ".tsv"}

WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import policydoc, policydoc.numbering as numbering, policydoc.docparts as docparts
cached = [f for f in (getattr(numbering, "match_candidate", None), getattr(numbering, "match_marker", None),
          docparts.kind_of) if hasattr(f, "cache_clear")]
repeat = int(sys.argv[2])
for line in sys.stdin:
    path, fresh = line.rstrip("\n").split("\t")
    best = None
    for _ in range(repeat):
        if fresh == "1":
            for f in cached:
                f.cache_clear()
        start = time.process_time()
        try:
            policydoc.parse(path)
        except policydoc.PolicyDocError:
            pass
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    print(json.dumps(best), flush=True)
"""


def export(rev: str, into: Path) -> Path:
    """The revision's src/ tree, unpacked under ``into``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def inputs() -> dict[str, list[Path]]:
    sys.path.insert(0, str(ROOT / "src"))
    import policydoc

    groups: dict[str, list[Path]] = {}
    for base in (SHARED / "corpus", SHARED / "wild"):
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix.lower() not in BINARY:
                try:
                    fmt = policydoc.detect_format(path.read_bytes(), str(path))
                except policydoc.PolicyDocError:
                    continue
                groups.setdefault(fmt, []).append(path)
    return groups


class Worker:
    def __init__(self, src: Path, repeat: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(src), str(repeat)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def time(self, path: Path, fresh: bool = False) -> float:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{path}\t{int(fresh)}\n")
        self.proc.stdin.flush()
        return float(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the revision to compare with (commit, tag or branch)")
    ap.add_argument("--repeat", type=int, default=3, help="parses per file; the best CPU time counts")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent: nothing to measure")
    groups = inputs()
    with tempfile.TemporaryDirectory() as tmp:
        old = Worker(export(args.rev, Path(tmp)), args.repeat)
        new = Worker(ROOT / "src", args.repeat)
        started = time.perf_counter()
        print(f"parse() CPU seconds, best of {args.repeat} per file: current tree vs {args.rev}")
        for fmt, paths in sorted(groups.items()):
            pairs = [(new.time(p), old.time(p), p) for p in paths]
            ours, theirs = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
            print(f"  {fmt:9s} {len(paths):4d} files  {ours:7.3f} s vs {theirs:7.3f} s  ratio {ours / theirs:5.2f}")
            for a, b, path in sorted(pairs, key=lambda p: p[0] / max(p[1], 1e-4))[-3:]:
                print(f"      {a * 1000:7.1f} ms vs {b * 1000:7.1f} ms  {path.relative_to(SHARED)}")
        seed = [(new.time(SEED, fresh=True), old.time(SEED, fresh=True)) for _ in range(20)]
        ours, theirs = min(s[0] for s in seed), min(s[1] for s in seed)
        print(f"  Sina seed (caches emptied) {ours * 1000:.2f} ms vs {theirs * 1000:.2f} ms  ratio {ours / theirs:.2f}")
        print(f"({time.perf_counter() - started:.0f} s)")
        old.close()
        new.close()


if __name__ == "__main__":
    main()
