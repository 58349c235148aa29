"""English forms eng-cat reads badly, put in forms it reads (Apertium's own business: the
pipeline never sees them). Each is a `Rule` with its reason and examples, like the repair
and post-edit rules."""

from __future__ import annotations

import regex

from cleantext.rules import Example, Rewrite
from cleantext.vocab import MONTH_ABBREVIATIONS, MONTHS

_MONTH_EN = "|".join(MONTHS["en"])


# after a subject "too" means "also"; eng-cat gave "questo troppo"
pronoun_too = Rewrite(
    "pronoun_too",
    "'this too required' is 'this also required': eng-cat reads 'too' as 'troppo'",
    regex.compile(r"\b(this|that|these|those|it|he|she|they|we|I|you) too\b(?=\s+\p{L})", regex.IGNORECASE),
    r"\1 also",
    examples=(
        Example("but this too required a tie break", "but this also required a tie break", "dev:doc0049"),
        Example(
            "They too were tired, and it was too big, too.",
            "They also were tired, and it was too big, too.",
            "own",
        ),
    ),
)

# "Jan" → "January", "Sept" → "September" (vocab's abbreviations, capitalised as written)
_MONTH_SHORT = {
    a.capitalize(): next(m for m in MONTHS["en"] if m.lower().startswith(a))
    for a in MONTH_ABBREVIATIONS["en"]
}

# eng-cat reads "Jan." as an abbreviation it does not know ("gene. 5, 2024"): the month in full,
# which `day_first` then puts in the order eng-cat reads as a date
month_abbreviation = Rewrite(
    "month_abbreviation",
    "'Jan. 5, 2024' → 'January 5, 2024', a month eng-cat knows",
    regex.compile(
        rf"\b({'|'.join(sorted(_MONTH_SHORT, key=len, reverse=True))})\.? (?=\d{{1,2}}\b|\d{{4}}\b)"
    ),
    lambda m: _MONTH_SHORT[m[1]] + " ",
    examples=(
        Example("on Jan. 5, 2024 and Sept 3", "on January 5, 2024 and September 3", "own"),
        Example("Mar 3, Dec. 2023 and Dec", "March 3, December 2023 and Dec", "own"),
    ),
)

# "in March", "in May" read as verbs ("dentro Desfilar", "dentro Potere"); "in the month of
# March" is read as the month ("nel mese di marzo")
ambiguous_month = Rewrite(
    "ambiguous_month",
    "'in March' → 'in the month of March': eng-cat reads a lone 'March' or 'May' as a verb",
    regex.compile(r"\b([Ii]n) (March|May)\b(?! \d{1,2}\b)"),
    r"\1 the month of \2",
    examples=(
        Example(
            "It rose in March and in May 2020.",
            "It rose in the month of March and in the month of May 2020.",
            "own",
        ),
        Example("in May 5 and may go", "in May 5 and may go", "own"),
    ),
)

# eng-cat reads the day-first form as a date ("il 12 marzo 2024"), the other as a noun and
# a number ("Marcia 12, 2024")
day_first = Rewrite(
    "day_first",
    "'March 12, 2024' → '12 March 2024', the order eng-cat reads as a date",
    regex.compile(rf"\b({_MONTH_EN}) (\d{{1,2}})(?:st|nd|rd|th)?\b(,? (\d{{4}}))?(?![\d:])"),
    lambda m: f"{m[2]} {m[1]}" + (f" {m[4]}" if m[4] else ""),
    examples=(
        Example("On March 12, 2024, by May 5th", "On 12 March 2024, by 5 May", "own"),
        Example("in May 2020, at 10:30", "in May 2020, at 10:30", "own"),
    ),
)

# eng-cat glued "53-year-old" into "homede53anys"
years_old = Rewrite(
    "years_old",
    "'53-year-old' → '53 years old', which eng-cat translates",
    regex.compile(r"\b(\d{1,3})-years?-old\b"),
    r"\1 years old",
    examples=(Example("A 53-year-old was held", "A 53 years old was held", "own"),),
)


def _24h(m: regex.Match[str]) -> str:
    hour = int(m[1]) % 12 + (12 if m[3].lower() == "p" else 0)
    if int(m[1]) > 12:
        return m[0]
    rest = m.string[m.end() :].lstrip()
    stop = "." if m[0].endswith(".") and (not rest or rest[0].isupper()) else ""  # "p.m." ended the sentence
    return f"{hour}:{m[2] or '00'}{stop}"


twelve_hour = Rewrite(
    "twelve_hour",
    "'3 p.m.' → '15:00': Italian news writes the 24-hour clock",
    regex.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m\b\.?", regex.IGNORECASE),
    _24h,
    examples=(
        Example("held at 3 p.m. Police said", "held at 15:00. Police said", "own"),
        Example("at 10:30 a.m. on Monday, at 12 am", "at 10:30 on Monday, at 0:00", "own"),
    ),
)

# news abbreviates amounts ("£4.5m", "$3bn"); eng-cat glued the letter on ("4,5 sterlinem")
_AMOUNT_WORDS = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}
money_abbreviation = Rewrite(
    "money_abbreviation",
    "'£4.5m', '$3bn' → '£4.5 million', '$3 billion', which eng-cat translates",
    regex.compile(r"([$€£]\s?\d[\d.,]*)\s?(k|m|mn|bn|tn)\b", regex.IGNORECASE),
    lambda m: f"{m[1]} {_AMOUNT_WORDS[m[2].lower()]}",
    examples=(
        Example("will cost £4.5m and $3bn", "will cost £4.5 million and $3 billion", "own"),
        Example("the M4 motorway, 5 m away", "the M4 motorway, 5 m away", "own"),
    ),
)

# eng-cat knows "towards" but not the American "toward" ("**toward la costa")
toward = Rewrite(
    "toward",
    "'toward' → 'towards', the form eng-cat knows",
    regex.compile(r"\b([Tt])oward\b"),
    r"\1owards",
    examples=(Example("moved toward the coast", "moved towards the coast", "own"),),
)

RULES: tuple[Rewrite, ...] = (
    pronoun_too,
    month_abbreviation,
    day_first,
    ambiguous_month,
    years_old,
    twelve_hour,
    money_abbreviation,
    toward,
)


def english_pre_edit(text: str) -> str:
    """Every English pre-edit, in order."""
    for rule in RULES:
        text = rule.fix(text)
    return text
