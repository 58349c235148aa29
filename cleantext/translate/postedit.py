"""Named fixes applied to engine output only (never to the user's own Italian).

Rule-based engines and pivots leave systematic slips that Italian grammar settles; each
fix is a `Rule` with a reason and examples, like the repair rules.
"""

from __future__ import annotations

import regex

from cleantext.repair.base import Rule

_YEAR = r"(1\d{3}|20\d{2})"

# "In 2002 Goma…", "…di Asunción in 1537, il Paraguay…": an English or Catalan "in/en +
# year" comes out as "in 2002"; Italian takes the article: "nel 2002". Only where the
# number is plainly a year: followed by punctuation, the end, or a capitalised word.
year_article = Rule(
    "year_article",
    "Italian puts the article before a year: 'nel 2002', not 'in 2002'",
    regex.compile(r"\b([Ii])n " + _YEAR + r"(?=[,.;:!?)]|\s+\p{Lu}|\s*$)"),
    lambda m: ("N" if m[1] == "I" else "n") + "el " + m[2],
    examples=(
        ("In 2002 Goma fu distrutta", "Nel 2002 Goma fu distrutta"),
        ("la fondazione di Asunción in 1537, il Paraguay", "la fondazione di Asunción nel 1537, il Paraguay"),
        ("in 1500 metri", "in 1500 metri"),
    ),
)

# French "En 1956, …" goes through Catalan as "L'any 1956, …" and comes out "L'anno 1956, …".
year_opening = Rule(
    "year_opening",
    "a year opening the sentence reads 'Nel 1956,' in Italian, not 'L'anno 1956,'",
    regex.compile(r"^L['’]anno " + _YEAR + r"(?=,)"),
    r"Nel \1",
    examples=(("L'anno 1956, Słania si è installato", "Nel 1956, Słania si è installato"),),
)

_PREP = {"di": "de", "a": "a", "da": "da", "in": "ne", "su": "su"}
_ART = {"il": "l", "lo": "llo", "la": "lla", "i": "i", "gli": "gli", "le": "lle", "l'": "ll'", "l’": "ll’"}


def _contract(m: regex.Match[str]) -> str:
    prep, art = m[1], m[2]
    stem = _PREP[prep.lower()]
    if stem in ("de", "ne") and art.lower() in ("il", "i"):
        out = stem[0] + ("el" if art.lower() == "il" else "ei")  # del, dei, nel, nei
    else:
        out = stem + _ART[art.lower()]
    return out[0].upper() + out[1:] if prep[0].isupper() else out


# Pivots hand over "de l'equip" → "di lo squadra", "di l'Oyapock": Italian never leaves a
# preposition and a definite article apart.
articulated_preposition = Rule(
    "articulated_preposition",
    "Italian joins di/a/da/in/su with the article: 'della', 'nel', 'dall’', never 'di la'",
    regex.compile(r"\b(di|a|da|in|su|Di|A|Da|In|Su) (il|lo|la|i|gli|le|l['’])(?=(?<=['’])\p{L}|\s)"),
    _contract,
    examples=(
        ("del fallimento di lo squadra", "del fallimento dello squadra"),
        ("Sant-Jordi di l'Oyapock", "Sant-Jordi dell'Oyapock"),
        ("In il 2002 e a i tempi", "Nel 2002 e ai tempi"),
        ("su la strada di i nonni", "sulla strada dei nonni"),
        ("con il potenziale di là dal mare", "con il potenziale di là dal mare"),
    ),
)

RULES: tuple[Rule, ...] = (year_opening, year_article, articulated_preposition)
