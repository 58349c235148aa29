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
from cleantext.rules import Example, Rewrite, holding


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

# A word a line break cut with a hyphen, the line joined back with a space ("pro- prio").
_BROKEN = regex.compile(r"(?<![\p{L}\p{N}-])(\p{Ll}{2,})- (\p{Ll}{2,})(?![\p{L}\p{N}-])")
WORD_FROM = 3.0  # Zipf: the joined word is a common Italian word ("proprio", "preparazioni") ...
FRAGMENT_BELOW = 2.5  # ... and the piece after the hyphen no word of its own ("prio"; "zioni", 2.2)


def _mend(m: regex.Match[str]) -> str:
    left, right = m.group(1), m.group(2)
    joined = left + right
    if (
        zipf(joined, "it") >= WORD_FROM
        and zipf(right, "it") < FRAGMENT_BELOW
        and not _in_address(m.string, m.start(), m.end())
    ):
        return joined
    return m.group()


hyphen_break = Rewrite(
    "hyphen_break",
    "a word a line break cut with a hyphen, its line joined back ('pro- prio' → 'proprio'); "
    "a hyphen before a word stays ('socio- economico', 'pre- e post-partum')",
    _BROKEN,
    _mend,
    needs=holding("- "),
    examples=(
        # ours, after a magazine's page read from its PDF (held out)
        Example("è pro- prio uno dei dettagli", "è proprio uno dei dettagli", "own"),
        Example(
            "le cure pre- e post-partum, socio- economico",
            "le cure pre- e post-partum, socio- economico",
            "own",
        ),
    ),
)

_ONE_LETTER = "aeièo"  # the one-letter words of Italian ("a", "e", "è", "i", "o")
# A magazine's drop cap read from its PDF: the paragraph's first letter spaced off its word.
_DROP_CAP = regex.compile(r"^(\p{Lu}) (\p{Ll}+)(?![\p{L}\p{N}'’])")


def _drop_cap(m: regex.Match[str]) -> str:
    cap, rest = m.group(1), m.group(2)
    # the rest no word of its own ("lcuni"), or a lone consonant after a capital that is no
    # one-letter word ("U n": "n" and "u" are frequent as wordfreq's stray letters; "C è" is
    # a formula's variable and a verb, LibreOffice's help)
    apart = zipf(rest, "it") < FRAGMENT_BELOW or (
        len(rest) == 1 and rest not in _ONE_LETTER and cap not in _ONE_LETTER.upper()
    )
    return cap + rest if apart and zipf((cap + rest).lower(), "it") >= WORD_FROM else m.group()


drop_cap = Rewrite(
    "drop_cap",
    "a paragraph's first letter spaced off its word, a drop cap read from a PDF ('U n "
    "ristoratore' → 'Un ristoratore'); 'E poi', 'A casa' stay",
    _DROP_CAP,
    _drop_cap,
    needs=regex.compile(r"^\p{Lu} \p{Ll}"),
    examples=(
        # ours, after a magazine's page read from its PDF (held out)
        Example("U n ristoratore che opera", "Un ristoratore che opera", "own"),
        Example("A lcuni ristoratori", "Alcuni ristoratori", "own"),
        Example("E poi è arrivato", "E poi è arrivato", "own"),
        Example("A casa nostra", "A casa nostra", "own"),
        Example("C è un valore logico", "C è un valore logico", "own"),
    ),
)

RULES = (doubled_prefix, glued_at_accent, hyphen_break, drop_cap)
