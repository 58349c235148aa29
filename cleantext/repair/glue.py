"""Words glued by scrapers.

Some CMS templates print a drop-cap or teaser word before the real first word, and the
scraper glues them: "ilIl presidente", "domenicaDomenica". A lowercase word immediately
followed by the same word capitalised is never Italian, so the pair is safe to collapse.
A space lost after a word's final accent ("dimetteràimmediatamente") leaves an accent no
Italian word has inside it: the two words it parts are put back apart.
"""

from __future__ import annotations

import bisect

import regex

from cleantext.caches import memo
from cleantext.freq import zipf
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

# An Italian word carries its accent on its last vowel; inside a word it is another
# language's ("réunion", "década") or two words whose space was lost.
_AT_ACCENT = regex.compile(r"\b(\p{Ll}+[àèéìòù])(\p{Ll}{2,})\b")
UNKNOWN_BELOW = 1.0  # Zipf: the glued form is no word, of Italian nor of French, Spanish, Portuguese
LEFT_FROM = 2.0  # the word ending on the accent is Italian ("dimetterà", Zipf 2.6)
RIGHT_FROM = 3.0  # and so, commonly, is the word after it ("immediatamente", 4.8)
_ACCENTED_INSIDE = ("fr", "es", "pt")  # the languages whose words have such accents inside


def _part(m: regex.Match[str]) -> str:
    word, left, right = m.group(), m.group(1), m.group(2)
    if (
        zipf(left, "it") >= LEFT_FROM
        and zipf(right, "it") >= RIGHT_FROM
        and zipf(word, "it") < UNKNOWN_BELOW
        and not _in_address(m.string, m.start(), m.end())
        and all(zipf(word, lang) < UNKNOWN_BELOW for lang in _ACCENTED_INSIDE)
    ):
        return f"{left} {right}"
    return word


glued_at_accent = Rewrite(
    "glued_at_accent",
    "two words whose space was lost after the first one's final accent ('dimetteràimmediatamente')",
    _AT_ACCENT,
    _part,
    needs=regex.compile(r"[àèéìòù]\p{Ll}"),
    examples=(
        # ours, after a finance site's page (held out)
        Example("il governo si dimetteràimmediatamente e", "il governo si dimetterà immediatamente e", "own"),
        Example("Le Sénat a décidé une réunion", "Le Sénat a décidé une réunion", "own"),
        Example("una década después", "una década después", "own"),
    ),
)

RULES = (doubled_prefix, glued_at_accent)
