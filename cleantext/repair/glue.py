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
    if cap.lower() != low or _in_address(m.string, m.start(), m.end()):
        return m.group()
    return cap


def _in_address(text: str, start: int, end: int) -> bool:
    """Inside a URL, an e-mail address, a path or a hashtag ("youtube.com/watch?v=abcAbc"):
    letters there are not words and are never touched."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    token = text[a:b]
    return any(mark in token for mark in ("/", "@", "#", "=", "www.", "_"))


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
        Example("il video youtube.com/watch?v=abcAbc", "il video youtube.com/watch?v=abcAbc", "own"),
    ),
)

RULES = (doubled_prefix,)
