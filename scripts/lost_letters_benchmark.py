#!/usr/bin/env python3
"""Letters lost to U+FFFD, put back: measured on Italian text damaged the way scrapers
damage it (Windows-1252 bytes read as UTF-8 with replacement).

    python scripts/lost_letters_benchmark.py [FILE ...]

Default text: lingua's Italian sentences (tests/data/lingua) and, when ../shared is beside
the checkout, the dev-flores gold documents and the noharm-isdt sentences. Half the
sentences get typographic apostrophes first (’, as news sites print them). Prints the share
of damaged words restored exactly, the damaged words left, the damaged words restored
wrongly, and the words that were right but changed (should be 0).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORD = regex.compile(r"\S+")


def texts(paths: list[Path]) -> list[str]:
    if paths:
        return [line for p in paths for line in p.read_text("utf-8").splitlines() if line.strip()]
    out = (ROOT / "tests" / "data" / "lingua" / "sentences" / "it.txt").read_text("utf-8").splitlines()
    shared = ROOT.parent / "shared" / "eval"
    for gold in sorted((shared / "dev-flores" / "gold").glob("*.txt")):
        out += gold.read_text("utf-8").splitlines()
    isdt = shared / "noharm-isdt" / "sentences.jsonl"
    if isdt.is_file():
        out += [json.loads(line)["sentence"] for line in isdt.read_text("utf-8").splitlines()]
    return [line for line in out if line.strip()]


def damage(text: str) -> str:
    return text.encode("cp1252", errors="ignore").decode("utf-8", errors="replace")


def main() -> int:
    from cleantext.repair import repair_text

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="text files, one sentence or paragraph a line")
    lines = texts(ap.parse_args().files)
    n = restored = left = wrong = harmed = 0
    examples: list[tuple[str, str]] = []
    for k, line in enumerate(lines):
        if k % 2:
            line = regex.sub(r"(?<=\p{L})'(?=\p{L})", "’", line)
        broken = damage(line)
        if "\ufffd" not in broken:
            continue
        fixed = repair_text(broken)
        original, damaged, repaired = WORD.findall(line), WORD.findall(broken), WORD.findall(fixed)
        reference = WORD.findall(repair_text(line))
        if not (len(original) == len(damaged) == len(repaired) == len(reference)):
            continue  # a rule joined or split words here: not comparable word by word
        for o, d, r, ref in zip(original, damaged, repaired, reference, strict=True):
            if "\ufffd" not in d:  # undamaged: as repair leaves it in the undamaged sentence
                harmed += d == o and r != ref
                continue
            n += 1
            if r in (o, ref):  # ref: as repair leaves the undamaged word ("c’e'" → "c’è")
                restored += 1
            elif "\ufffd" in r:
                left += 1
            else:
                wrong += 1
                if len(examples) < 15:
                    examples.append((o, r))
    print(f"damaged words {n}: restored {restored / max(1, n):.3f}, left {left}, wrong {wrong}")
    print(f"words that were right, changed: {harmed}")
    for o, r in examples:
        print(f"  {o!r} -> {r!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
