#!/usr/bin/env python3
"""Worst-case lines through the whole pipeline: each must stay near-linear.

A scraped "paragraph" can be 100,000 characters of one thing repeated (read.py cuts
longer ones). Rules that look around each match (a URL guard, a quotation check) went
quadratic on such lines: 95 s for "ilIl." repeated, 83 s for "citta.", 7.7 s for
apostrophes, 54 s for 75,000 characters of lost letters. This times each line (repair
alone, then the whole pipeline without translation) and exits 1 if one takes more than
--limit seconds.

    python scripts/bench_pathological.py [--limit 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

N = 96_000
LINES = {
    "glued words": "ilIl.",
    "dropped accents": "citta.",
    "apostrophe accents": "il prezzo e' piu' alto, 'dice lui' e cosi' via. ",
    "one long word": "a",
    "addresses": "www.example.it/a_b ",
    "quotes and spaces": '" ciao " , ',
    "mojibake": "perchÃ© ",
    "entities": "&egrave; &amp; ",
    "lost letters": "perch\ufffd l\ufffdidea \ufffd ",  # 54 s for 75,000 characters before CONTEXT
    "question marks": "un?idea pi? ?pratica? Cosa? ",
}


def main() -> int:
    from cleantext.pipeline import Pipeline, Settings
    from cleantext.repair import repair_paragraph

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=float, default=5.0, help="seconds allowed per line and step")
    args = ap.parse_args()
    pipeline = Pipeline(Settings(translate=False))
    pipeline.warm_up()
    slow = 0
    for name, unit in LINES.items():
        line = (unit * (N // len(unit) + 1))[:N]
        t = time.perf_counter()
        repair_paragraph(line)
        repair_s = time.perf_counter() - t
        t = time.perf_counter()
        pipeline.run(line)
        whole_s = time.perf_counter() - t
        flag = "  SLOW" if max(repair_s, whole_s) > args.limit else ""
        slow += bool(flag)
        print(f"{name:<20} repair {repair_s:6.2f} s   whole pipeline {whole_s:6.2f} s{flag}")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
