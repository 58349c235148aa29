#!/usr/bin/env python3
"""Folder-run throughput: 1 and N local worker processes, and N Ray actors.

    python scripts/bench_jobs.py                    # 2,000 copies of the dev documents
    python scripts/bench_jobs.py --copies 500 --jobs 2 --no-translate
    python scripts/bench_jobs.py --ray              # also --executor ray (needs the [ray] extra)

Builds the folder in a temporary directory, runs `cleantext clean DIR -o OUT --jobs J
[--executor ray]` for each configuration (fresh OUT each time), prints wall time and
documents/s, and checks that every configuration wrote the same bytes.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=ROOT / "tests" / "data" / "dev-flores" / "docs")
    ap.add_argument("--copies", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-translate", action="store_true")
    ap.add_argument("--ray", action="store_true", help="also run --executor ray with --jobs actors")
    args = ap.parse_args()
    sources = sorted(args.docs.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        for i in range(args.copies):
            d = src / f"{i // 500:02d}"
            d.mkdir(parents=True, exist_ok=True)
            shutil.copy(sources[i % len(sources)], d / f"doc{i:05d}.txt")
        print(f"{args.copies} documents")
        configs = [("local", j) for j in sorted({1, args.jobs})]
        if args.ray:
            configs.append(("ray", args.jobs))
        times, outs = {}, []
        for executor, jobs in configs:
            out = Path(tmp) / f"out-{executor}{jobs}"
            cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-q"]
            cmd += ["--jobs", str(jobs), "--executor", executor]
            if args.no_translate:
                cmd.append("--no-translate")
            t = time.perf_counter()
            r = subprocess.run(cmd, capture_output=True, text=True)
            times[executor, jobs] = time.perf_counter() - t
            if r.returncode:
                print(r.stderr, file=sys.stderr)
                return 1
            secs = times[executor, jobs]
            print(f"--executor {executor} --jobs {jobs}: {secs:.1f} s, {args.copies / secs:.0f} documents/s")
            outs.append(out)
        base = times["local", 1]
        for (executor, jobs), secs in times.items():
            if (executor, jobs) != ("local", 1):
                print(f"speed-up of --executor {executor} --jobs {jobs} over --jobs 1: {base / secs:.2f}x")
        for other in outs[1:]:
            if not _same_tree(outs[0], other):
                print(f"outputs differ between {outs[0].name} and {other.name}", file=sys.stderr)
                return 1
        print("outputs identical across configurations")
    return 0


def _same_tree(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    if files != sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()):
        print("the two runs wrote different files", file=sys.stderr)
        return False
    differ = [f for f in files if not filecmp.cmp(a / f, b / f, shallow=False)]
    for f in differ[:3]:
        x, y = (a / f).read_text("utf-8").splitlines(), (b / f).read_text("utf-8").splitlines()
        for i, (lx, ly) in enumerate(zip(x, y, strict=False)):
            if lx != ly:
                print(f"{f}:{i + 1}\n  {lx[:400]}\n  {ly[:400]}", file=sys.stderr)
                break
    return not differ


if __name__ == "__main__":
    raise SystemExit(main())
