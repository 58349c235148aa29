"""Real Italian no rule was written from, as Debian ships it: what a run translates and drops.

Sets built from installed packages (`apt-get install fortunes-it fortunes-it-off
debian-faq-it debian-reference-it developers-reference-it gimp-help-it`; none of their
text enters this repository); a set whose package is missing is skipped:

- `fortunes`: Italian fortune cookies (quips, dialogue, song parodies, quotes), ten to a
  plain-text document, the attribution lines left out;
- `pages`: the HTML pages of the Debian FAQ, the Debian Reference and the Developer's
  Reference in Italian: technical prose with commands, code and deliberate English (the
  Developer's Reference is partly untranslated: whole English paragraphs, real leftovers);
- `fortunes-off`, `gimp`: the same kinds, kept unread while the first two were read to find
  faults (the "offensive" fortune cookies; the GIMP manual's Italian HTML pages);
- `manpages`: the Italian manual pages (`apt-get install manpages-it man-db`), rendered by
  `man` as text: partly untranslated, full of commands, options, paths and code.

Both are human-written Italian full of foreign words chosen on purpose, so every translated
span and every dropped line is worth reading (`--show`).

    python scripts/heldout_debian.py OUT [--show translated|dropped]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import regex

FORTUNES = Path("/usr/share/games/fortunes/it")
FORTUNES_OFF = Path("/usr/share/games/fortunes/off/it")
GIMP = Path("/usr/share/gimp/2.0/help/it")
PAGES = {
    "faq": (Path("/usr/share/doc/debian/FAQ/it"), "*.html"),
    "ref": (Path("/usr/share/debian-reference"), "*.it.html"),
    "dev": (Path("/usr/share/developers-reference/it"), "*.html"),
}
PER_DOCUMENT = 10


def build_fortunes(into: Path, folder: Path = FORTUNES) -> int:
    """Each fortune a paragraph (its wrapped lines joined), ten to a document."""
    into.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in sorted(folder.iterdir()):
        if f.suffix or f.is_symlink() or not f.is_file():
            continue
        items = [x for x in f.read_bytes().decode("utf-8", "replace").split("\n%\n") if x.strip()]
        paras = [
            " ".join(
                line.strip()
                for line in item.splitlines()
                if line.strip() and not line.strip().startswith("--")
            )
            for item in items
        ]
        for i in range(0, len(paras), PER_DOCUMENT):
            (into / f"{f.name}-{i // PER_DOCUMENT:04d}.txt").write_text(
                "\n\n".join(paras[i : i + PER_DOCUMENT]) + "\n", encoding="utf-8"
            )
            n += 1
    return n


def build_pages(into: Path, pages: dict[str, tuple[Path, str]] = PAGES) -> int:
    into.mkdir(parents=True, exist_ok=True)
    n = 0
    for prefix, (folder, pattern) in pages.items():
        for page in sorted(folder.glob(pattern)):
            shutil.copyfile(page, into / f"{prefix}-{page.name}")
            n += 1
    return n


MANPAGES = Path("/usr/share/man/it")


def build_manpages(into: Path, folder: Path = MANPAGES) -> int:
    """Each Italian manual page rendered by `man` as plain text, one document each, its
    wrapped lines joined into paragraphs (manpages-it: partly untranslated, full of
    commands, options, paths and code)."""
    into.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "MANWIDTH": "2000"}
    n = 0
    for page in sorted(folder.rglob("*.gz")):
        shown = subprocess.run(["man", "-l", str(page)], capture_output=True, env=env, check=False)
        plain = regex.sub(r".\x08", "", shown.stdout.decode("utf-8", "replace"))
        paras = [" ".join(x.split()) for x in regex.split(r"\n\s*\n", plain) if x.strip()]
        (into / f"{page.name.removesuffix('.gz')}.txt").write_text(
            "\n\n".join(paras) + "\n", encoding="utf-8"
        )
        n += 1
    return n


SETS = {  # name: (the folder its package installs, how to build it)
    "fortunes": (FORTUNES, build_fortunes),
    "pages": (PAGES["faq"][0], build_pages),
    "fortunes-off": (FORTUNES_OFF, lambda into: build_fortunes(into, FORTUNES_OFF)),
    "gimp": (GIMP, lambda into: build_pages(into, {"gimp": (GIMP, "*.html")})),
    "manpages": (MANPAGES, build_manpages),
}


def report(out: Path, show: str | None) -> dict[str, object]:
    """Documents with a translated span, spans translated and kept by reason, lines dropped."""
    docs, spans, kept, dropped = set(), 0, Counter(), Counter()
    for f in sorted(p for p in out.rglob("*.jsonl") if not p.name.startswith(".")):
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            if r["dropped"]:
                dropped[r["dropped"]] += 1
                if show == "dropped":
                    print(f"{f.stem}\t{r['dropped']}\t{r['source'][:160]}")
                continue
            for s in r["segments"]:
                if s.get("kept") or s.get("weak") == "kept" or s.get("translation") is None:
                    kept[s.get("kept") or "translation not trusted"] += 1
                    continue
                docs.add(f.stem)
                spans += 1
                if show == "translated":
                    said = (s["translation"] or "")[:80]
                    print(f"{f.stem}\t{s['text'][:100]!r}\t{said!r}\t{s.get('leftover')}")
    return {
        "documents_translated": len(docs),
        "spans_translated": spans,
        "kept": dict(kept.most_common()),
        "dropped": dict(dropped.most_common()),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="a folder for the inputs and the outputs")
    ap.add_argument("--show", choices=("translated", "dropped"))
    ap.add_argument("--sets", nargs="+", choices=tuple(SETS), default=list(SETS), help="which sets to run")
    args = ap.parse_args()
    sets = {name: build for name, (folder, build) in SETS.items() if name in args.sets and folder.is_dir()}
    if not sets:
        sys.exit("none of the packages is installed: apt-get install fortunes-it debian-faq-it ...")
    for name, build in sets.items():
        inputs, outputs = args.out / name / "in", args.out / name / "out"
        shutil.rmtree(args.out / name, ignore_errors=True)
        n = build(inputs)
        cmd = [sys.executable, "-m", "cleantext", "clean", str(inputs), "-o", str(outputs), "-q"]
        subprocess.run(cmd, check=False)
        print(f"== {name}: {n} documents", flush=True)
        print(json.dumps(report(outputs, args.show), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
