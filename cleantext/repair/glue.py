"""Words glued by scrapers.

Some CMS templates print a drop-cap or teaser word before the real first word, and the
scraper glues them: "ilIl presidente", "domenicaDomenica". A lowercase word immediately
followed by the same word capitalised is never Italian, so the pair is safe to collapse.
"""

from __future__ import annotations

import bisect

import regex

from cleantext.caches import memo
from cleantext.rules import Example, Rewrite


def _collapse(m: regex.Match[str]) -> str:
    low, cap = m.group(1), m.group(2)
    if cap.lower() != low or _in_address(m.string, m.start(), m.end()) or low in _schemes(m.string):
        return m.group()
    return cap


_GLUED = regex.compile(r"\b(\p{Ll}+)(\p{Lu}\p{Ll}*)\b")


@memo(8)
def _schemes(text: str) -> frozenset[str]:
    """The lowercase words `text` joins to two capitalised words or more: a scheme of names
    ("dashHat, dashPlus, dashDash" in LilyPond's Italian manual), not one word doubled."""
    after: dict[str, set[str]] = {}
    for m in _GLUED.finditer(text):
        after.setdefault(m.group(1), set()).add(m.group(2))
    return frozenset(low for low, caps in after.items() if len(caps) > 1)


_TOKEN = regex.compile(r"\S+")
_ADDRESS_MARKS = ("/", "@", "#", "=", "www.", "_")


@memo(8)
def _tokens(text: str) -> tuple[list[int], list[bool]]:
    """Where each whitespace-delimited token of `text` starts, and whether it is a URL, an
    e-mail address, a path, a hashtag or code: found once per text, so a long paragraph
    costs one pass however many matches ask."""
    starts = [m.start() for m in _TOKEN.finditer(text)]
    address = [False] * len(starts)
    for mark in _ADDRESS_MARKS:  # each place a mark stands is inside a token (it has no space)
        at = text.find(mark)
        while at >= 0:
            address[bisect.bisect_right(starts, at) - 1] = True
            at = text.find(mark, at + 1)
    return starts, address


def _in_address(text: str, start: int, end: int | None = None) -> bool:
    """Inside a URL, an e-mail address, a path or a hashtag ("youtube.com/watch?v=abcAbc"):
    letters there are not words and are never touched."""
    starts, address = _tokens(text)
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and address[i]


doubled_prefix = Rewrite(
    "doubled_prefix",
    "a word glued to its own capitalised copy by the scraper ('ilIl' → 'Il')",
    _GLUED,
    _collapse,
    needs=regex.compile(r"\p{Ll}\p{Lu}"),
    examples=(
        Example(
            "ilIl presidente e domenicaDomenica, ma non iPhone",
            "Il presidente e Domenica, ma non iPhone",
            "own",
        ),
        Example("il video youtube.com/watch?v=abcAbc", "il video youtube.com/watch?v=abcAbc", "own"),
        Example(
            "le variabili dashHat, dashDash e dashBang", "le variabili dashHat, dashDash e dashBang", "own"
        ),
    ),
)

RULES = (doubled_prefix,)
