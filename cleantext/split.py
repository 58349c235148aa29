"""Stage 4 — split: paragraphs and Italian sentences.

A paragraph is a non-empty line (scraped articles put one paragraph per line, with or
without blank lines between). Sentences end at . ! ? … (plus closing quotes/brackets)
followed by a space and a capital letter or an opening quote — except after an
abbreviation ("Sig.", "dott.", "p.es.", "S.p.A.") or an initial ("J. K. Rowling").
Offsets are returned, not strings, so records can point back into the text.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

# Italian (and a few English/Latin) abbreviations that are followed by a capitalised word
# without ending the sentence. Lowercased, without the final period.
ABBREVIATIONS = frozenset(
    """
    sig sigg sig.ra sig.na dott dott.ssa prof prof.ssa on avv ing arch geom rag mons
    gen col magg ten cap serg sen dep pres ecc p.es es ca cfr vd pag pagg art artt n nn
    vol voll fig tab cit op ed id ibid s.p.a s.r.l s.a.s spa srl st mr mrs ms dr jr sr
    vs etc no nr tel fax c.a rif all lett cod dl d.lgs d.l d.p.r l reg e.g i.e ph.d
    """.split()
)

_BOUNDARY = regex.compile(r"[.!?…]+[”»\"’)\]]*(?=\s+[\p{Lu}\p{N}“«\"‘(¿¡])")
# the word before a period, matched from the end of the text (a forward search tried every
# word of the sentence before it; the match is the same: the longest run before the period)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$", regex.REVERSE)
_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}")


# What ends a line: newlines, the Unicode line and paragraph separators and a form feed
# (a page break). Not str.splitlines' others: a vertical tab is a word processor's soft
# break inside a paragraph (odd_spaces makes it a space), \x85 in a text read as Latin-1 is
# cp1252's "…" (repair puts it back), and \x1c-\x1e are control noise (repair removes them).
_LINE_END = regex.compile(r"\r\n|[\n\r\u2028\u2029\x0c]")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line of `text`."""
    pos = 0
    for m in _LINE_END.finditer(text):
        if text[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:].strip():
        yield pos, len(text)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, surrounding spaces excluded.

    >>> p = "Lo ha detto il Sig. Rossi alle 22.08. Poi è andato via! “Bene.” Fine"
    >>> [p[s:e] for s, e in sentences(p)]
    ['Lo ha detto il Sig. Rossi alle 22.08.', 'Poi è andato via!', '“Bene.”', 'Fine']
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group()[0] == "." and _is_abbreviation(text[start : m.start() + 1], text[end:].lstrip()[:1]):
            continue
        _add(text, start, end, out)
        start = end
    _add(text, start, len(text), out)
    return out


# a page, a verse, a paragraph cited by number ("(2019, p. 8)", "pp. 12-15", "vv. 3-5"; ours)
_CITED = frozenset("p pp v vv s ss c cc".split())


def _is_abbreviation(before: str, following: str = "") -> bool:
    """The period ending `before` ends an abbreviation; `following` is the first character
    after the space (a cited page's number)."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. K. Rowling"
    if word in _CITED and following.isdigit():
        return True
    return word.lower().rstrip(".") in ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) without the spaces at either edge; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    if bounds := trim(text, start, end):
        out.append(bounds)
