#!/usr/bin/env python3
"""Fetch the Argos packages cleantext uses into Italian, on a machine with internet, into a
folder you can copy to an offline machine:

    python scripts/fetch_models.py --out argos-packages/
    # on the offline machine:
    for f in argos-packages/*.argosmodel; do cleantext models install "$f"; done

The Argos index has no fr→it package: French goes through English, so this fetches
fr→en and en→it (what `cleantext models download fr it` installs). With --install the
packages go straight into the model store instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROUTES = [("fr", "it"), ("en", "it")]


def main() -> int:
    from cleantext import download
    from cleantext.store import ModelStore, StoreError

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("argos-packages"))
    ap.add_argument("--install", action="store_true", help="install into the model store")
    ap.add_argument("--models", type=Path, help="model store (with --install)")
    args = ap.parse_args()
    try:
        index = download.read_index()
        entries = {e.get("code") or id(e): e for s, t in ROUTES for e in download.entries_for(index, s, t)}
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for e in entries.values():
        version = str(e.get("package_version", "0")).replace(".", "_")
        dest = args.out / f"translate-{e['from_code']}_{e['to_code']}-{version}.argosmodel"
        print(f"{e['from_code']}→{e['to_code']} {e.get('package_version')} → {dest}")
        part = dest.with_name(dest.name + ".part")
        try:
            _, link = download.fetch(e, part, lambda what, done, total: print(f"\r  {done >> 20} MB", end=""))
            part.replace(dest)
            print(f"\r  done, from {link}")
            if args.install:
                ModelStore(args.models).install(dest, replace=True)
        except (OSError, StoreError) as err:
            print(f"\n  failed: {err}", file=sys.stderr)
            failed += 1
        finally:
            part.unlink(missing_ok=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
