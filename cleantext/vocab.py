"""Vocabularies that several stages read, loaded once: named data, not code.

Month and weekday names (Italian and English, with the abbreviations and unaccented forms
sites print) are listed here once: the date-line rule, the post-edit rules and the
English pre-edits read them.

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


MONTHS = {
    "it": tuple(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre".split()
    ),
    "en": tuple(
        "January February March April May June July August September October November December".split()
    ),
}
MONTH_ABBREVIATIONS = {
    "it": tuple("gen feb mar apr mag giu lug ago set ott nov dic".split()),
    "en": tuple("jan feb mar apr may jun jul aug sep sept oct nov dec".split()),
}
WEEKDAYS = {
    "it": tuple("lunedì martedì mercoledì giovedì venerdì sabato domenica".split()),
    "en": tuple("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()),
}
WEEKDAYS_UNACCENTED_IT = tuple("lunedi martedi mercoledi giovedi venerdi".split())
WEEKDAY_ABBREVIATIONS = {
    "it": tuple("lun mar mer gio ven sab dom".split()),
    "en": tuple("mon tue wed thu fri sat sun".split()),
}
