#!/usr/bin/env python3
"""HTML pages through cleantext, scored with trafilatura's own real-world test assertions.

trafilatura's repository keeps about a hundred saved pages (tests/cache/, mostly German
and English) and, in tests/realworld_tests.py, snippets that its extraction must keep
(`assert "…" in result`) or drop (`assert "…" not in result`). This script runs each page
through cleantext (`Pipeline.run` on the page's bytes, no translation: HTML extraction,
repair and scrape-clean are the subject) and counts the snippets kept and dropped, next to
trafilatura alone. Nothing of those pages is copied into the project: point the script at
a checkout of trafilatura.

    python scripts/html_benchmark.py PATH/TO/trafilatura [--comments]

`--comments` keeps comment sections (trafilatura's default; cleantext's is off), since
some of its "must keep" snippets are comments.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def assertions(repo: Path) -> list[tuple[str, str, bool]]:
    """(page file, snippet, must keep) from test_extract in realworld_tests.py."""
    src = (repo / "tests" / "realworld_tests.py").read_text("utf-8")
    pages = dict(re.findall(r'"(https?://[^"]+)":\s*"([^"]+\.html)"', src))
    body = src[src.index("def test_extract") :]
    body = body[: body.index("\ndef ", 10)]
    found, page = [], None
    pattern = r'do_load_page\(\s*"([^"]+)"|assert ("(?:[^"\\]|\\.)+") (not in|in) result'
    for m in re.finditer(pattern, body):
        if m.group(1):
            page = pages.get(m.group(1))
        elif page:
            found.append((page, ast.literal_eval(m.group(2)), m.group(3) == "in"))
    return found


def main() -> int:
    import trafilatura

    from cleantext.pipeline import Pipeline, Settings
    from cleantext.read import ReadError

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("repo", type=Path, help="a checkout of trafilatura (its tests/ folder is read)")
    ap.add_argument("--comments", action="store_true", help="keep comment sections")
    ap.add_argument("--show", action="store_true", help="print each miss")
    args = ap.parse_args()
    pipeline = Pipeline(Settings(translate=False, html_comments=args.comments))
    cache: dict[str, tuple[str, str]] = {}
    score = {"ours": [0, 0, 0, 0], "trafilatura": [0, 0, 0, 0]}  # keep ok, keep n, drop ok, drop n
    for page, snippet, keep in assertions(args.repo):
        path = args.repo / "tests" / "cache" / page
        if not path.is_file():
            continue
        if page not in cache:
            data = path.read_bytes()
            try:
                ours = pipeline.run(data, page).text
            except ReadError:
                ours = ""
            theirs = trafilatura.extract(data, include_comments=args.comments, include_tables=False) or ""
            cache[page] = (" ".join(ours.split()), " ".join(theirs.split()))
        snippet = " ".join(snippet.split())
        for who, text in zip(("ours", "trafilatura"), cache[page], strict=True):
            ok = (snippet in text) == keep
            s = score[who]
            s[0 if keep else 2] += ok
            s[1 if keep else 3] += 1
            if args.show and who == "ours" and not ok:
                print(f"{'kept' if not keep else 'lost'}: {page}: {snippet[:70]}")
    print(f"{len(cache)} pages")
    for who, (k, kn, d, dn) in score.items():
        print(f"{who:<12} article snippets kept {k}/{kn} ({k / max(1, kn):.3f}), "
              f"boilerplate snippets dropped {d}/{dn} ({d / max(1, dn):.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
