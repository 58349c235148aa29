"""Vocabularies that several stages read, loaded once: named data, not code.

`cleantext/data/loanwords.txt` lists the foreign words and phrases ordinary Italian news
uses; the detector counts them as Italian, and the Apertium engine keeps the multi-word
ones as written inside a translated span.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def loan_phrases() -> frozenset[str]:
    """Foreign words and phrases in ordinary Italian use (cleantext/data/loanwords.txt)."""
    text = resources.files("cleantext.data").joinpath("loanwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
