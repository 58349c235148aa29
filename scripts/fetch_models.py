#!/usr/bin/env python3
"""Fetch the Argos packages cleantext uses (fr→it, en→it, fr→en, en→it pivot) on a machine
with internet, into a folder you can copy to an offline machine:

    python scripts/fetch_models.py --out argos-packages/
    # on the offline machine, for each file:
    cleantext models install argos-packages/translate-fr_it-*.argosmodel

With --install the packages go straight into the model store instead.
"""

from __future__ import annotations

import argparse
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAIRS = [("fr", "it"), ("en", "it"), ("fr", "en"), ("it", "en")]


def main() -> int:
    from cleantext.store import ModelStore, StoreError, index_link, read_index

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("argos-packages"))
    ap.add_argument("--install", action="store_true", help="install into the model store")
    ap.add_argument("--models", type=Path, help="model store (with --install)")
    args = ap.parse_args()
    try:
        index = read_index()
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for src, tgt in PAIRS:
        try:
            link, version = index_link(index, src, tgt)
        except StoreError as e:
            print(f"{src}→{tgt}: {e}")
            continue
        dest = args.out / f"translate-{src}_{tgt}-{version.replace('.', '_')}.argosmodel"
        print(f"{src}→{tgt}: {link} → {dest}")
        try:
            urllib.request.urlretrieve(link, dest)
            if args.install:
                ModelStore(args.models).install(dest, replace=True)
        except (OSError, StoreError) as e:
            print(f"  failed: {e}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
