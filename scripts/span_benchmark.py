#!/usr/bin/env python3
"""Span-level detection benchmark: our detector vs lingua's detect_multiple_languages_of alone.

Two labelled sets are built from real text, deterministically. Phrases: a 2–6-word phrase cut from a
real French or English sentence is inserted at a word boundary of a real Italian sentence
(its character span is the label). A phrase must hold at least two ordinary lowercase
words: a cut made only of names and numbers ("Kim Noel", "12, 1999") has no language.
As many Italian sentences are left untouched to measure false alarms. Precision and
recall are counted over the characters (spaces excluded) of the foreign spans. Clauses:
the last comma-separated clause of an Italian sentence replaced by the last clause of a
French or English one; counted are clauses found and spans starting exactly at the clause.

    python scripts/span_benchmark.py                          # data from tests/data/lingua
    python scripts/span_benchmark.py --data ../shared/eval/lingua-testdata/sentences -n 1000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Case:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # gold foreign spans (start, end, lang)


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines() if len(line.split()) >= 6]


def build_cases(data: Path, n: int, seed: int = 13) -> list[Case]:
    rng = random.Random(seed)
    it = _lines(data / "it.txt")
    foreign = {lang: _lines(data / f"{lang}.txt") for lang in ("fr", "en")}
    rng.shuffle(it)
    cases: list[Case] = []
    for i, host in enumerate(it[: 2 * n]):
        if i % 2:  # every other sentence stays pure Italian
            cases.append(Case(host, ()))
            continue
        lang = "fr" if (i // 2) % 2 else "en"
        while True:  # a phrase with language in it: at least two ordinary lowercase words
            donor = rng.choice(foreign[lang]).rstrip(".!?…").split()
            k = rng.randint(2, min(6, len(donor)))
            at = rng.randint(0, len(donor) - k)
            phrase = " ".join(donor[at : at + k]).strip(',;:«»"“”()')
            if sum(w.isalpha() and w.islower() for w in phrase.split()) >= 2:
                break
        words = host.split(" ")
        pos = rng.randint(1, len(words) - 1)  # inside the sentence, after a word
        before = " ".join(words[:pos])
        start = len(before) + 1
        text = f"{before} {phrase} {' '.join(words[pos:])}"
        cases.append(Case(text, ((start, start + len(phrase), lang),)))
    return cases


def build_clause_cases(data: Path, n: int, seed: int = 13) -> list[Case]:
    """The other shape of stray text: an Italian sentence whose last comma-separated clause
    is replaced by the last clause of a real French or English sentence (three words or more)."""
    rng = random.Random(seed)
    hosts = [s for s in _lines(data / "it.txt") if "," in s]
    donors = {lang: [s for s in _lines(data / f"{lang}.txt") if "," in s] for lang in ("fr", "en")}
    rng.shuffle(hosts)
    cases: list[Case] = []
    for i, host in enumerate(hosts):
        if len(cases) >= n:
            break
        lang = "fr" if i % 2 else "en"
        clause = rng.choice(donors[lang]).rsplit(",", 1)[1].strip().rstrip(".!?…")
        if sum(w.isalpha() and w.islower() for w in clause.split()) < 3:
            continue
        head = host.rsplit(",", 1)[0]
        text = f"{head}, {clause}."
        start = len(head) + 2
        cases.append(Case(text, ((start, start + len(clause), lang),)))
    return cases


def clause_edges(cases: list[Case], predict) -> dict[str, float]:
    """Share of clauses found (a span or the whole sentence in their language), and of those
    whose span starts exactly at the clause (give or take a character)."""
    found = exact = 0
    for c in cases:
        start, _, lang = c.spans[0]
        spans = [s for s in predict(c.text) if s[2] == lang]
        found += bool(spans)
        exact += any(abs(s[0] - start) <= 1 for s in spans)
    return {"found": found / max(1, len(cases)), "start_exact": exact / max(1, len(cases))}


def _chars(text: str, spans) -> set[int]:
    return {i for s, e, *_ in spans for i in range(s, e) if not text[i].isspace()}


def score(cases: list[Case], predict) -> dict[str, float]:
    tp = fp = fn = 0
    pure = flagged = 0
    t = time.perf_counter()
    for c in cases:
        pred = predict(c.text)
        gold_c, pred_c = _chars(c.text, c.spans), _chars(c.text, pred)
        tp += len(gold_c & pred_c)
        fp += len(pred_c - gold_c)
        fn += len(gold_c - pred_c)
        if not c.spans:
            pure += 1
            flagged += bool(pred)
    elapsed = time.perf_counter() - t
    return {
        "precision": tp / max(1, tp + fp),
        "recall": tp / max(1, tp + fn),
        "pure_flagged": flagged / max(1, pure),
        "sentences_per_s": len(cases) / elapsed,
    }


def ours():
    """Detection alone: every foreign span found that detection does not keep itself."""
    from cleantext.detection import Detector

    d = Detector()

    def predict(text: str):
        return [(s.start, s.end, s.language) for s in d.detect(text).spans]

    return predict


def judged():
    """Detection, then the leftover judgement with each sentence as a document of its own
    (no other sign of machine output to lean on: the hardest case for recall)."""
    from cleantext import leftover
    from cleantext.detection import Detector
    from cleantext.freq import zipf

    d = Detector()

    def predict(text: str):
        (det,) = leftover.judge([(text, d.detect(text))], zipf)
        return [(s.start, s.end, s.language) for s in det.spans]

    return predict


def lingua_alone():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_iso_codes_639_1(
        IsoCode639_1.IT, IsoCode639_1.FR, IsoCode639_1.EN
    ).build()

    def predict(text: str):
        return [
            (r.start_index, r.end_index, r.language.iso_code_639_1.name.lower())
            for r in det.detect_multiple_languages_of(text)
            if r.language.iso_code_639_1 != IsoCode639_1.IT
        ]

    return predict


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "lingua" / "sentences")
    ap.add_argument("-n", type=int, default=500, help="sentences with an inserted span (as many stay pure)")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    cases = build_cases(args.data, args.n, args.seed)
    print(f"{len(cases)} sentences ({sum(bool(c.spans) for c in cases)} with a foreign span)")
    print(f"{'detector':<16}{'precision':>10}{'recall':>10}{'pure flagged':>14}{'sent/s':>10}")
    for name, make in (("lingua alone", lingua_alone), ("cleantext detect", ours), ("+ leftovers", judged)):
        m = score(cases, make())
        print(
            f"{name:<16}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['pure_flagged']:>14.4f}"
            f"{m['sentences_per_s']:>10.0f}"
        )
    clauses = build_clause_cases(args.data, args.n // 2, args.seed)
    print(f"\n{len(clauses)} sentences ending in a foreign clause")
    print(f"{'detector':<16}{'found':>10}{'start exact':>13}")
    for name, make in (("lingua alone", lingua_alone), ("cleantext detect", ours), ("+ leftovers", judged)):
        m = clause_edges(clauses, make())
        print(f"{name:<16}{m['found']:>10.3f}{m['start_exact']:>13.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
