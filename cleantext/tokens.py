"""The word tokenisers, one per purpose, each declared once.

- `LETTERS`: runs of letters (a paragraph's content stems; respelling word by word).
- `LINE_WORD` (`line_words`): a line's words for the boilerplate rules and the repeat
  check: letters and digits, hyphenated words and elisions whole ("e-mail", "l'articolo",
  "2024"); by `re` on Latin text.
- `WORD` (`words`): the words of a phrase in any language: letters and combining marks,
  hyphenated words and elisions whole; what a foreign span is measured in.
- `PLAIN_WORD`: the words of a translation as its quality counts them: letters, elisions
  whole.

Capitals inside a sentence mark names; one pattern says where that is:

- `INSIDE`: after a word, a number or a clause mark (not at a sentence's or a line's start);
- `NAME_WORD`: a capitalised word there (a repeat's names, `cleantext.repeats`); the
  Apertium engine keeps runs of such words as names (`translation.apertium.keep_names`).

Straight single quotes are read one way: `paired_quotes` makes them quotation marks where
they pair, apostrophes elsewhere (the boilerplate rules' `unquoted`, the leftover judge).

Detection reads tokens of its own, numbers included (`cleantext.detection.shape.TOKEN`),
and takes two capitalised words or more in a row as a name (`Detector._protect_names`).
"""

from __future__ import annotations

import regex

from cleantext.caches import memo
from cleantext.latin import LatinPattern

LETTERS = regex.compile(r"\p{L}+")
LINE_WORD = LatinPattern(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")
PLAIN_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
INSIDE = r"(?<=[\p{L}\p{N},;:)]\s+)"
NAME_WORD = regex.compile(INSIDE + r"\p{Lu}[\p{L}'’-]*")


def line_words(text: str) -> tuple[str, ...]:
    """A line's words (`LINE_WORD`), found once per line: every boilerplate rule reads them
    (a tuple, shared). Lines longer than a paragraph are not kept (8,192 of them would hold
    gigabytes)."""
    return _line_words(text) if len(text) <= CACHED_LINE_CHARS else tuple(LINE_WORD.findall(text))


CACHED_LINE_CHARS = 5000


@memo(8192)
def _line_words(text: str) -> tuple[str, ...]:
    return tuple(LINE_WORD.findall(text))


def words(text: str) -> list[str]:
    """The words of `text` (`WORD`: hyphenated words and elisions whole)."""
    return WORD.findall(text)


def folded(text: str) -> list[str]:
    """`text`'s words as phrases are compared: lowercase, one apostrophe ("L’Aia" → "l'aia")."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def opens_lowercase(text: str) -> bool:
    """Is `text`'s first letter lowercase? (A headline, a name or a section opens with a
    capital; a sentence going on after a colon or a slash does not.)"""
    first = LETTERS.search(text)
    return first is not None and first.group()[0].islower()


def link_key(text: str) -> str:
    """A link's text, or a line, as the two are compared: its words, lowercase."""
    return " ".join(w.lower() for w in line_words(text))


_QUOTE_OPENS = frozenset(" \t\n([{«“—–-/")  # what a straight "'" opening a quotation follows


def paired_quotes(text: str) -> str:
    """The text with its straight single quotation marks as typographic ones, one character
    for one, so that "'" reads as a quotation's mark only where it is one: it opens after a
    space or a bracket and before a word, and closes on the next one after a word and before
    no letter ("dice 'I love beauty, it's not my fault'." — "it's" and "l'uso" are words, and
    "un po' di" closes nothing it did not open; a news feed's quotations, held out)."""
    if "'" not in text:
        return text
    out = list(text)
    k, n = 0, len(text)
    while (k := text.find("'", k)) >= 0:
        if (k == 0 or text[k - 1] in _QUOTE_OPENS) and k + 1 < n and text[k + 1].isalnum():
            j = k + 1
            while (j := text.find("'", j)) >= 0:
                if not text[j - 1].isspace() and not (j + 1 < n and text[j + 1].isalnum()):
                    out[k], out[j] = "‘", "’"
                    break
                j += 1
            if j < 0:
                break
            k = j
        k += 1
    return "".join(out)
