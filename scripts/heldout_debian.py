"""Real Italian no rule was written from, as Debian ships it: what a run translates and drops.

Two sets, built from installed packages (`apt-get install fortunes-it debian-faq-it
debian-reference-it developers-reference-it`; none of their text enters this repository):

- `fortunes`: Italian fortune cookies (quips, dialogue, song parodies, quotes), ten to a
  plain-text document, the attribution lines left out;
- `pages`: the HTML pages of the Debian FAQ, the Debian Reference and the Developer's
  Reference in Italian: technical prose with commands, code and deliberate English (the
  Developer's Reference is partly untranslated: whole English paragraphs, real leftovers).

Both are human-written Italian full of foreign words chosen on purpose, so every translated
span and every dropped line is worth reading (`--show`).

    python scripts/heldout_debian.py OUT [--show translated|dropped]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

FORTUNES = Path("/usr/share/games/fortunes/it")
PAGES = {
    "faq": (Path("/usr/share/doc/debian/FAQ/it"), "*.html"),
    "ref": (Path("/usr/share/debian-reference"), "*.it.html"),
    "dev": (Path("/usr/share/developers-reference/it"), "*.html"),
}
PER_DOCUMENT = 10


def build_fortunes(into: Path) -> int:
    """Each fortune a paragraph (its wrapped lines joined), ten to a document."""
    into.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in sorted(FORTUNES.iterdir()):
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


def build_pages(into: Path) -> int:
    into.mkdir(parents=True, exist_ok=True)
    n = 0
    for prefix, (folder, pattern) in PAGES.items():
        for page in sorted(folder.glob(pattern)):
            shutil.copyfile(page, into / f"{prefix}-{page.name}")
            n += 1
    return n


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
    args = ap.parse_args()
    if not FORTUNES.is_dir():
        sys.exit(
            "fortunes-it is not installed: apt-get install fortunes-it debian-faq-it debian-reference-it ..."
        )
    sets = {"fortunes": build_fortunes, "pages": build_pages}
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
