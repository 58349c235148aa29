"""Words glued by scrapers.

Some CMS templates print a drop-cap or teaser word before the real first word, and the
scraper glues them: "ilIl presidente", "domenicaDomenica". A lowercase word immediately
followed by the same word capitalised is never Italian, so the pair is safe to collapse.
"""

from __future__ import annotations

import regex

from cleantext.rules import Example, Rule


def _collapse(m: regex.Match[str]) -> str:
    low, cap = m.group(1), m.group(2)
    return cap if cap.lower() == low else m.group()


doubled_prefix = Rule(
    "doubled_prefix",
    "a word glued to its own capitalised copy by the scraper ('ilIl' → 'Il')",
    regex.compile(r"\b(\p{Ll}+)(\p{Lu}\p{Ll}*)\b"),
    _collapse,
    examples=(
        Example(
            "ilIl presidente e domenicaDomenica, ma non iPhone",
            "Il presidente e Domenica, ma non iPhone",
            "own",
        ),
    ),
)

RULES = (doubled_prefix,)
