#!/usr/bin/env python3
"""Dataset runs against folder runs: throughput on the same documents, and peak memory as
the dataset grows.

    python scripts/bench_datasets.py                 # 1,000 documents, and a file ten times longer
    python scripts/bench_datasets.py --docs 300 --translate

Writes the dev documents (tests/data/dev-flores, each a little changed so none is a copy)
as a folder of .txt files and as one corpus.jsonl.gz, cleans both with `cleantext clean`,
checks that the rows hold the folder's texts, and prints documents per second and each
run's peak memory; then the same for a file ten times longer (memory should barely grow).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEASURE = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); sys.exit(r.returncode)"
)


def run(src: Path, out: Path, translate: bool) -> tuple[float, int]:
    """(seconds, peak MB) of one `cleantext clean` run, measured by a parent of its own."""
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-q"]
    if not translate:
        cmd.append("--no-translate")
    start = time.time()
    r = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, cwd=ROOT)
    if r.returncode not in (0, 3):
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr[-2000:]}")
    return time.time() - start, int(r.stdout.split()[-1])


def documents(n: int) -> list[str]:
    sources = []
    for p in sorted((ROOT / "tests" / "data" / "dev-flores" / "docs").glob("*.txt")):
        try:
            sources.append(p.read_text("utf-8"))
        except UnicodeDecodeError:
            continue
    return [f"Notizia numero {i}.\n\n" + sources[i % len(sources)] for i in range(n)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--translate", action="store_true", help="translate foreign spans too (Apertium)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        texts = documents(args.docs)
        folder, data = base / "folder", base / "data"
        folder.mkdir()
        data.mkdir()
        for i, t in enumerate(texts):
            (folder / f"d{i:05d}.txt").write_text(t, encoding="utf-8")
        with gzip.open(data / "corpus.jsonl.gz", "wt", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"d{i:05d}", "text": t}, ensure_ascii=False) + "\n")
        t_folder, m_folder = run(folder, base / "out-folder", args.translate)
        t_data, m_data = run(data, base / "out-data", args.translate)
        with gzip.open(base / "out-data" / "corpus.jsonl.gz", "rt", encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        same = sum(r["text"] == (base / "out-folder" / f"{r['id']}.txt").read_text("utf-8") for r in rows)
        print(f"{args.docs} documents: folder {args.docs / t_folder:,.0f} docs/s, {m_folder} MB peak")
        print(f"{'':>{len(str(args.docs)) + 11}}jsonl.gz {args.docs / t_data:,.0f} docs/s, {m_data} MB peak")
        print(f"rows holding the folder's text: {same} of {len(rows)}")
        big = base / "big"
        big.mkdir()
        with gzip.open(big / "corpus.jsonl.gz", "wt", encoding="utf-8") as f:
            for copy in range(10):
                for i, t in enumerate(texts):
                    f.write(json.dumps({"id": f"{copy}-{i}", "text": f"Copia {copy}.\n\n" + t}) + "\n")
        t_big, m_big = run(big, base / "out-big", args.translate)
        print(
            f"ten times longer: {10 * args.docs / t_big:,.0f} docs/s, {m_big} MB peak ({m_big / m_data:.2f}x)"
        )
        return 0 if same == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
