#!/usr/bin/env python3
"""Outputs before and after a change that should not change them (a restructuring).

    python scripts/output_diff.py snapshot /tmp/before      # on the old commit
    python scripts/output_diff.py snapshot /tmp/after       # on the new one
    python scripts/output_diff.py compare /tmp/before /tmp/after

`snapshot` cleans every input set (samples/, and with ../shared beside the checkout
dev-flores, noharm-isdt, noharm-foreign and lingua's Italian, French and English
sentences) in every output format, once with translation and once without, into
OUT/<set>/<mode>/. `compare` lists the files only one tree holds and the files whose
bytes differ, with the first line that differs, and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FORMATS = "txt,jsonl,tsv,tmx,extracted,meta"
MODES = {"translated": "--translate", "untranslated": "--no-translate"}


def input_sets() -> dict[str, list[Path]]:
    """The inputs each set cleans (sets whose files are missing are left out)."""
    sets = {
        "samples": [ROOT / "samples"],
        "dev-flores": [EVAL / "dev-flores" / "docs"],
        "noharm-isdt": [EVAL / "noharm-isdt" / "docs"],
        "noharm-foreign": [EVAL / "noharm-foreign" / "docs"],
        "lingua": [EVAL / "lingua-testdata" / "sentences" / f"{lang}.txt" for lang in ("it", "fr", "en")],
    }
    return {name: paths for name, paths in sets.items() if all(p.exists() for p in paths)}


def snapshot(out: Path, sets: list[str] | None) -> int:
    cli = [sys.executable, "-m", "cleantext.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    available = input_sets()
    missing = sorted(set(sets or ()) - set(available))
    if missing:
        print(f"error: no such input set here: {', '.join(missing)}", file=sys.stderr)
        return 2
    for name, paths in available.items():
        if sets and name not in sets:
            continue
        for mode, flag in MODES.items():
            target = out / name / mode
            cmd = [*cli, "clean", *map(str, paths), "-o", str(target), "--format", FORMATS, flag]
            print(f"{name} {mode}", file=sys.stderr)
            done = subprocess.run([*cmd, "--force", "-q"], env=env, check=False)
            if done.returncode not in (0, 3):  # 3: spans no engine could translate
                print(f"error: {' '.join(cmd)} exited {done.returncode}", file=sys.stderr)
                return done.returncode
    return 0


def _files(tree: Path) -> set[Path]:
    # the resume log records when files were done: not an output
    return {
        p.relative_to(tree) for p in tree.rglob("*") if p.is_file() and p.name != ".cleantext-state.jsonl"
    }


def _first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb, strict=False), 1):
        if x != y:
            return f"line {i}: {x[:120]!r} != {y[:120]!r}"
    return f"{len(la)} lines != {len(lb)} lines"


def compare(a: Path, b: Path) -> int:
    fa, fb = _files(a), _files(b)
    problems = [f"only in {a}: {p}" for p in sorted(fa - fb)] + [f"only in {b}: {p}" for p in sorted(fb - fa)]
    same = 0
    for p in sorted(fa & fb):
        x, y = (a / p).read_bytes(), (b / p).read_bytes()
        if x == y:
            same += 1
        else:
            problems.append(f"differs: {p} ({_first_difference(x, y)})")
    for line in problems:
        print(line)
    print(f"{same} identical, {len(problems)} differences", file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("snapshot", help="clean every input set into OUT")
    s.add_argument("out", type=Path)
    s.add_argument("--sets", help=f"comma-separated, of: {', '.join(input_sets())} (default: all)")
    c = sub.add_parser("compare", help="diff two snapshots")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.command == "snapshot":
        return snapshot(args.out, args.sets.split(",") if args.sets else None)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
