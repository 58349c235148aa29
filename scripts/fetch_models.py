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
import json
import os
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAIRS = [("fr", "it"), ("en", "it"), ("fr", "en"), ("it", "en")]


def main() -> int:
    from cleantext.store import INDEX_ENV, ModelStore, StoreError, _argos_index_url

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("argos-packages"))
    ap.add_argument("--install", action="store_true", help="install into the model store")
    ap.add_argument("--models", type=Path, help="model store (with --install)")
    args = ap.parse_args()
    try:
        url = os.environ.get(INDEX_ENV) or _argos_index_url()
        with urllib.request.urlopen(url, timeout=30) as r:
            index = json.load(r)
    except (StoreError, OSError, ValueError) as e:
        print(f"error: cannot read the Argos package index: {e}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for src, tgt in PAIRS:
        entry = next((p for p in index if p.get("from_code") == src and p.get("to_code") == tgt), None)
        if not entry or not entry.get("links"):
            print(f"{src}→{tgt}: not in the index")
            continue
        dest = (
            args.out
            / f"translate-{src}_{tgt}-{str(entry.get('package_version', '0')).replace('.', '_')}.argosmodel"
        )
        print(f"{src}→{tgt}: {entry['links'][0]} → {dest}")
        try:
            urllib.request.urlretrieve(entry["links"][0], dest)
            if args.install:
                ModelStore(args.models).install(dest, replace=True)
        except (OSError, StoreError) as e:
            print(f"  failed: {e}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
