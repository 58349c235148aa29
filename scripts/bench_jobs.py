#!/usr/bin/env python3
"""Folder-run throughput with 1 and with N worker processes.

    python scripts/bench_jobs.py                    # 2,000 copies of the dev documents
    python scripts/bench_jobs.py --copies 500 --jobs 2 --no-translate

Builds the folder in a temporary directory, runs `cleantext clean DIR -o OUT --jobs J`
for each J (fresh OUT each time) and prints wall time and documents/s.
"""

from __future__ import annotations

import argparse
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
    args = ap.parse_args()
    sources = sorted(args.docs.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        for i in range(args.copies):
            d = src / f"{i // 500:02d}"
            d.mkdir(parents=True, exist_ok=True)
            shutil.copy(sources[i % len(sources)], d / f"doc{i:05d}.txt")
        print(f"{args.copies} documents")
        times = {}
        for jobs in sorted({1, args.jobs}):
            out = Path(tmp) / f"out{jobs}"
            cmd = [
                sys.executable,
                "-m",
                "cleantext",
                "clean",
                str(src),
                "-o",
                str(out),
                "-q",
                "--jobs",
                str(jobs),
            ]
            if args.no_translate:
                cmd.append("--no-translate")
            t = time.perf_counter()
            r = subprocess.run(cmd, capture_output=True, text=True)
            times[jobs] = time.perf_counter() - t
            if r.returncode:
                print(r.stderr, file=sys.stderr)
                return 1
            print(f"--jobs {jobs}: {times[jobs]:.1f} s, {args.copies / times[jobs]:.0f} documents/s")
        if len(times) == 2:
            print(f"speed-up with --jobs {args.jobs}: {times[1] / times[args.jobs]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
