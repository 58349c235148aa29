#!/usr/bin/env python3
"""Lost accents, built from a benchmark with gold (dev-flores' layout), and put back.

    python scripts/accent_benchmark.py ../shared/eval/dev-flores

Italian: from the gold documents, (1) every final accent typed as an apostrophe ("città"
→ "citta'", "è" → "e'"), (2) every final accent dropped ("città" → "citta"); each line
goes through cleantext's repair and the damaged words are checked against the gold. The
gold itself must come out unchanged. French: the French stray sentences of the
annotations, with every accent stripped, translated by Apertium (fr→it) as written,
stripped, and stripped then respelled (`cleantext.respell`), each scored by chrF against
the gold Italian.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# a final accent, after an elision too ("dell'università"): folding strips them all
FINAL = regex.compile(r"(?<![\p{L}\p{N}])(\p{L}*)([àèéìòùÀÈÉÌÒÙ])(?![\p{L}\p{N}'’])")
BASE = {"à": "a", "è": "e", "é": "e", "ì": "i", "ò": "o", "ù": "u"}


def base(c: str) -> str:
    low = BASE[c.lower()]
    return low.upper() if c.isupper() else low


def damage(line: str, mark: str) -> tuple[str, list[tuple[str, str]]]:
    """The line with final accents replaced by `mark` + (word as damaged, gold word)."""
    pairs = []

    def sub(m: regex.Match[str]) -> str:
        bad = m.group(1) + base(m.group(2)) + mark
        pairs.append((bad, m.group()))
        return bad

    return FINAL.sub(sub, line), pairs


def _sentences(path: Path) -> list[str]:
    """One sentence per line of a .txt, or the 'sentence' (or 'text') of each .jsonl row."""
    text = path.read_text("utf-8")
    if path.suffix == ".jsonl":
        rows = [json.loads(x) for x in text.splitlines() if x.strip()]
        return [r.get("sentence") or r.get("text") or "" for r in rows]
    return [x for x in text.splitlines() if x.strip()]


def _words(text: str) -> list[str]:
    return regex.findall(r"\p{L}+['’]?", text)


def _aligned(*texts: str) -> list[tuple[str, ...]]:
    """The words of several versions of one line, side by side where the versions keep the
    same words (repair may split a glued word or join an elision: those are left out)."""
    versions = [_words(t) for t in texts]
    if len({len(v) for v in versions}) == 1:
        return list(zip(*versions, strict=True))
    return []  # a line whose words repair split or joined: no word can be paired safely


def _restoration(lines: list[str], mark: str, label: str) -> str:
    """Every final accent of `lines` replaced by `mark`, put back by repair: the share of
    damaged words restored exactly, and the undamaged words changed."""
    from cleantext.freq import zipf
    from cleantext.repair import repair_text

    total = restored = wrong = unambiguous = unambiguous_restored = 0
    initial_e = 0
    for line in lines:
        bad, _ = damage(line, mark)
        fixed = repair_text(bad)
        own = repair_text(line)  # what repair does to the gold itself ("piu'" typed by its writer)
        for b, g, o, r in _aligned(bad, line, fixed, own):
            if b == g:  # not damaged: a change is a wrong restoration, unless the gold's own
                wrong += o != g and o != r
                continue
            total += 1
            restored += o == g
            if g == "È" and mark:
                initial_e += 1
            if not mark:
                if zipf(g.lower(), "it") >= zipf(b.lower(), "it") + 1:
                    unambiguous += 1
                    unambiguous_restored += o == g
            elif o != g and o not in (b, b.rstrip("'")):
                wrong += 1
    out = f"{label:<11} damaged words {total}, restored {restored / max(1, total):.3f}"
    if mark:
        rest = total - initial_e
        out += f' ({(restored) / max(1, rest):.3f} without the {initial_e} sentence-initial "E\'")'
    else:
        out += (
            f"; unambiguous (the bare form 10x rarer in Italian) {unambiguous}, restored "
            f"{unambiguous_restored / max(1, unambiguous):.3f}"
        )
    return out + f"; wrong restorations {wrong}"


def main() -> int:
    from sacrebleu.metrics import CHRF

    from cleantext.repair import repair_text
    from cleantext.respell import respell
    from cleantext.translation.apertium import ApertiumEngine
    from cleantext.vocab import fold

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", type=Path)
    ap.add_argument(
        "--other",
        type=Path,
        action="append",
        default=[],
        help="more Italian to fold the same way, text the rules were not written from: a .txt of "
        "one sentence per line, or a .jsonl whose rows hold 'sentence' or 'text' "
        "(noharm-isdt/sentences.jsonl, lingua-testdata/sentences/it.txt)",
    )
    args = ap.parse_args()
    lines = [
        x for f in sorted((args.bench / "gold").glob("*.txt")) for x in f.read_text("utf-8").splitlines() if x
    ]

    changed = sum(repair_text(x) != x for x in lines)
    print(f"gold lines changed by repair: {changed} of {len(lines)}")
    for mark, label in (("'", "apostrophe"), ("", "dropped")):
        print(_restoration(lines, mark, label))
    for path in args.other:
        other = _sentences(path)
        print(f"{path} ({len(other)} lines): " + _restoration(other, "", "dropped"))

    anns = [json.loads(x) for x in (args.bench / "annotations.jsonl").read_text("utf-8").splitlines() if x]
    french = [a for a in anns if a["kind"] == "stray-sentence" and a["lang"] == "fr"]
    engine = ApertiumEngine()
    chrf = CHRF()
    try:
        variants = {
            "as written": [a["dirty"] for a in french],
            "accents stripped": [fold(a["dirty"]) for a in french],
            "stripped, then respelled": [respell(fold(a["dirty"]), "fr")[0] for a in french],
        }
        for name, texts in variants.items():
            outs = engine.translate(texts, "fr", "it")
            score = chrf.corpus_score(outs, [[a["gold"] for a in french]]).score
            print(f"French strays ({len(french)}) {name:<26} chrF {score:.2f}")
    finally:
        engine.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
