"""Vocabularies that several stages read, loaded once: named data, not code.

Month and weekday names (Italian and English, with the abbreviations and unaccented forms
sites print) are listed here once: the date-line rule, the post-edit rules and the
English pre-edits read them.

`cleantext/data/loanwords.txt` lists the foreign words and phrases ordinary Italian news
uses; the detector counts them as Italian, and the Apertium engine keeps the multi-word
ones as written inside a translated span.

Two word forms are shared too: `fold` (accents dropped, for comparisons: repeats, stems,
respelling) and `recase` (a word looked up in lower case put back in the case it had).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

import regex

_MARKS = regex.compile(r"\p{M}+")


def fold(text: str) -> str:
    """Accents dropped ('città' → 'citta'), for comparisons only."""
    if text.isascii():  # nothing to decompose (a third of Italian sentences)
        return text
    return _MARKS.sub("", unicodedata.normalize("NFD", text))


def recase(form: str, like: str) -> str:
    """`form` (lower case) in the case of `like`: 'perché' like 'PERCHE'' → 'PERCHÉ'."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


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
