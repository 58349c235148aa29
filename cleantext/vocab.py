"""Vocabularies that several stages read, loaded once: named data, not code.

Month and weekday names (Italian and English, with the abbreviations and unaccented forms
sites print) are listed here once: the date-line rule, the post-edit rules and the
English pre-edits read them.

`cleantext/data/loanwords.txt` lists the foreign words and phrases ordinary Italian news
uses; the detector counts them as Italian, and the Apertium engine keeps the multi-word
ones as written inside a translated span.

`OPEN_ENDED` lists the French and English words a phrase cannot end on (`open_ended` asks
it): detection takes such a phrase for a cut, the Apertium engine sends it without a
sentence end.

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


# Words that open what follows them and cannot close a phrase: articles, determiners,
# conjunctions and the prepositions that are never a particle (English "on", "up", "out",
# "by" close phrasal verbs and titles: "always on", "Stand by me"; so do pronouns). A
# foreign phrase ending on one was cut out of a longer one ("Reading in the", "au début du").
OPEN_ENDED = {
    "en": frozenset(
        "the a an of and or but nor to with for from at as than that which whose when while because "
        "if whether its their his my your our".split()
    ),
    "fr": frozenset(
        "le la les un une des du de au aux et ou mais à avec pour par dans sur sous chez vers entre "
        "sans que qui dont ce cette ces son sa ses leur leurs mon ma mes ton ta tes notre votre nos "
        "vos".split()
    ),
    # no Italian sentence ends on an article, a preposition or a conjunction ("ha usato in")
    "it": frozenset(
        "il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle "
        "al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle "
        "sul sullo sulla sui sugli sulle e ed o od ma che".split()
    ),
}


def open_ended(words: list[str], lang: str) -> bool:
    """The phrase (its words) ends on a word that needs what follows it (OPEN_ENDED)."""
    return bool(words) and words[-1].lower() in OPEN_ENDED.get(lang, ())
