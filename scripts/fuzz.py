#!/usr/bin/env python3
"""Fuzz the repair and split stages (and the whole pipeline without translation) for a while.

    python scripts/fuzz.py --minutes 3

Hypothesis generates random and Italian-like texts; a failure prints the smallest input
that breaks a property: never raise, offsets point back into the input, idempotent
repair, sentences cover the paragraph in order.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from hypothesis import HealthCheck, given, settings

    from cleantext import split
    from cleantext.pipeline import Pipeline, Settings
    from cleantext.repair import repair_paragraph, repair_text

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--minutes", type=float, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from test_properties import TEXTS as texts  # the same random and Italian-like texts as the tests

    pipeline = Pipeline(Settings(translate=False))
    # rounds of 200 examples until the time is up (no exception as a stop signal: hypothesis
    # would print a "reproduce this failure" line for it)
    common = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), database=None)

    @common
    @given(texts)
    def repair_props(text: str) -> None:
        for line in text.split("\n"):
            t = repair_paragraph(line)
            assert len(t.origin) == len(t.text) + 1
            assert all(0 <= o <= len(line) for o in t.origin)
            assert list(t.origin) == sorted(t.origin)
            once = repair_text(line)
            assert repair_text(once) == once, (line, once)
            spans = split.sentences(t.text)
            assert all(a < b and t.text[a:b].strip() for a, b in spans)
            assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))

    @common
    @given(texts)
    def pipeline_props(text: str) -> None:
        doc = pipeline.run(text)
        for s in doc.sentences:
            assert s.source in text
            for g in s.segments:
                assert s.source[g.start : g.end] == g.text
        assert pipeline.run(doc.text).text == doc.text

    for prop in (repair_props, pipeline_props):
        deadline, rounds = time.time() + 30 * args.minutes, 0
        while time.time() < deadline:
            prop()  # a failure raises, with hypothesis' smallest example
            rounds += 1
        print(f"{prop.__name__}: no failure in {args.minutes / 2:.1f} minutes ({rounds * 200} examples)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
