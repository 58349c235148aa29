#!/usr/bin/env python3
"""How well `quality` ranks translations: on a benchmark with gold (dev-flores' layout),
each stray sentence and clause is cleaned, its translated segments' lowest `quality` is
set against the sentence chrF of its record's text to the gold Italian.

    python scripts/quality_calibration.py ../shared/eval/dev-flores [--round-trip]

Prints the Spearman correlation, and the mean chrF of the 20% lowest-quality units
against the rest (with a permutation test's p: how often a random split of the same
scores is as far apart), per kind and over all; with --round-trip, `quality` includes the
round trip (each translation translated back, its chrF to the source).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def ranks(values: list[float]) -> list[float]:
    """Average ranks (ties share theirs)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2
        i = j + 1
    return out


def spearman(x: list[float], y: list[float]) -> float:
    rx, ry = ranks(x), ranks(y)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var if var else 0.0


def permutation_p(low: list[float], rest: list[float], rounds: int = 20_000) -> float:
    """How often a random split of the same chrF values puts the low group as far below
    the rest (one-sided; a fixed seed, so the figure repeats)."""
    import random

    observed = statistics.fmean(rest) - statistics.fmean(low)
    values, n, rng, hits = low + rest, len(low), random.Random(0), 0
    for _ in range(rounds):
        rng.shuffle(values)
        hits += statistics.fmean(values[n:]) - statistics.fmean(values[:n]) >= observed
    return hits / rounds


def main() -> int:
    from evaluate import best_record, load_outputs, run_pipeline
    from sacrebleu.metrics import CHRF

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", type=Path)
    ap.add_argument("--round-trip", action="store_true", help="quality with the round trip, as --round-trip")
    args = ap.parse_args()
    anns = [json.loads(x) for x in (args.bench / "annotations.jsonl").read_text("utf-8").splitlines() if x]
    chrf = CHRF()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        run_pipeline(args.bench, out, translate=True, engine="auto", round_trip=args.round_trip)
        units = []
        for a in anns:
            if a["kind"] not in ("stray-sentence", "stray-clause"):
                continue
            rec = best_record(load_outputs(out, a["doc"])[1], a["dirty"], window=3)
            scored = [g["quality"] for g in (rec or {}).get("segments", []) if g.get("quality") is not None]
            if rec and scored:
                units.append((a["kind"], min(scored), chrf.sentence_score(rec["text"], [a["gold"]]).score))
    print(f"{len(units)} translated stray units")
    for kind in ("stray-sentence", "stray-clause", None):
        mine = [u for u in units if kind is None or u[0] == kind]
        if len(mine) < 5:
            continue
        q, c = [u[1] for u in mine], [u[2] for u in mine]
        cut = sorted(q)[max(0, len(q) // 5 - 1)]
        low = [b for a, b in zip(q, c, strict=True) if a <= cut]
        rest = [b for a, b in zip(q, c, strict=True) if a > cut]
        print(
            f"{kind or 'all':<15} n={len(mine):<4} spearman={spearman(q, c):.3f}  "
            f"chrF lowest 20% (quality <= {cut:.2f}, n={len(low)}) {statistics.fmean(low):.1f}  "
            f"rest {statistics.fmean(rest) if rest else float('nan'):.1f}"
            + (f"  (permutation p={permutation_p(low, rest):.3f})" if rest else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
