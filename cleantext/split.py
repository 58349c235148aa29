"""Stage 4 — split: paragraphs and Italian sentences.

A paragraph is a non-empty line (scraped articles put one paragraph per line, with or
without blank lines between), except in prose wrapped at a width (a page's hard line
breaks, a text file, a PDF's text): there a line a sentence goes on from is one paragraph
with the next (`wrapped`). Sentences end at . ! ? … (plus closing quotes/brackets)
followed by a space and a capital letter or an opening quote — except after an
abbreviation ("Sig.", "dott.", "p.es.", "S.p.A.") or an initial ("J. K. Rowling").
Offsets are returned, not strings, so records can point back into the text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import regex

from cleantext.vocab import open_ended

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


WRAPPED_CUTS = 2  # lines of a block cut after a word no sentence ends on: prose wrapped at a width
MAX_JOINED = 10_000  # characters; wrapped lines joined make a paragraph at most this long
BROKEN_PROSE_WORDS = 12  # words of a line cut mid-phrase that is prose, not a heading or a verse
_WORDS = regex.compile(r"\p{L}+")

_ENDS_SENTENCE = regex.compile(r"[.!?…;][”»\"’)\]]*$")
_LAST_WORD = regex.compile(r"(?<![\p{L}\p{N}_\-'’.])\p{L}+(?=\s*$)")  # a word, not "a1" nor "dell’"


# a Markdown code fence: three backticks or tildes or more, an info string maybe ("```bash")
_FENCE = regex.compile(r"[ ]{0,3}(`{3,}|~{3,})[^`\n\r]*")


def fence_opens(line: str) -> str | None:
    """The fence ("```", "~~~~") a line of Markdown opens a code block with, or None."""
    if "``" not in line and "~~" not in line:
        return None
    m = _FENCE.fullmatch(line.rstrip("\r\n"))
    return m.group(1) if m else None


def fence_closes(mark: str, line: str) -> bool:
    """The line closes the block `mark` opened: the same character, as many times or more,
    after up to three spaces (a tab indents code: no fence)."""
    body = line.rstrip(" \t\r\n")
    bare = body.lstrip(" ")
    return len(body) - len(bare) <= 3 and len(bare) >= len(mark) and bare == mark[0] * len(bare)


def fences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced block of Markdown in `text`, its fence lines included:
    program text a page exported as Markdown carries, to keep line by line as written. A
    fence never closed is no block (prose may open a line with three backticks)."""
    if "```" not in text and "~~~" not in text:
        return []
    found: list[tuple[int, int]] = []
    mark: str | None = None  # the fence of the block open, read line by line
    start = pos = 0
    for m in (*_LINE_END.finditer(text), None):
        end = m.start() if m else len(text)
        if mark is None:
            if (mark := fence_opens(text[pos:end])) is not None:
                start = pos
        elif fence_closes(mark, text[pos:end]):
            found.append((start, end))
            mark = None
        pos = m.end() if m else end
    return found


# two fences on one line, the program text between them (at least one character that is no
# fence's, so "``````" holds none)
_INLINE_FENCED = regex.compile(r"(`{3,}|~{3,})(?!`|~)(.+?)\1")


def inline_fenced(text: str) -> list[str]:
    """The program text between two fences inside one paragraph: a page whose Markdown the
    renderer left as text in a list's item ("…il codice seguente: ``` FROM ubuntu:xenial RUN
    apt-get update … ```"; Microsoft's docs, held out) runs its block into one line, but the
    fences still say where the program is."""
    if "```" not in text and "~~~" not in text:
        return []
    return [m.group(2).strip() for m in _INLINE_FENCED.finditer(text) if m.group(2).strip()]


def within(blocks: list[tuple[int, int]], at: int) -> bool:
    """`at` lies inside one of the (start, end) `blocks` (`fences`)."""
    return any(a <= at < b for a, b in blocks)


def paragraphs(text: str, unwrap: bool = True, main: str = "it") -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph of `text`: each non-empty line, or with `unwrap`, in
    prose wrapped at a width (`wrapped`), the lines a sentence runs on through as one. A
    Markdown fence's lines (`fences`) are each a paragraph of its own."""
    code = fences(text)

    blocks: list[list[tuple[int, int]]] = [[]]
    pos = 0
    for m in (*_LINE_END.finditer(text), None):
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            blocks[-1].append((pos, end))
        elif blocks[-1]:
            blocks.append([])  # a blank line ends a block
        pos = m.end() if m else end
    pairs = ((text[a:b], text[c:d]) for block in blocks for (a, b), (c, d) in itertools.pairwise(block))
    joins = unwrap and wrapped(pairs, main)
    for block in blocks:
        if not block:
            continue
        start, end = block[0]
        for (c, d), (a, b) in itertools.pairwise(block):
            line, following = text[c:d], text[a:b]
            if (
                (joins or (unwrap and _broken_prose(line, following)))
                and runs_on(line, following)
                and b - start <= MAX_JOINED
                and not (code and (within(code, c) or within(code, a)))
            ):
                end = b
            else:
                yield start, end
                start, end = a, b
        yield start, end


def _broken_prose(line: str, following: str) -> bool:
    """A paragraph of prose a stray line break cut mid-phrase, in any text: a line opening a
    sentence, as long as prose (BROKEN_PROSE_WORDS) and ending on a word, the next going on
    in lowercase and ending a sentence ("Quando la differenza … si aggiorna e si uniforma" |
    "alle mode del momento. … del 1989)."; a daily's motoring page, held out). A list's items
    end on no sentence ("punto (.) - consentito … ultimo carattere" | "spazio vuoto () - …",
    LibreOffice's help)."""
    line, following = line.strip(), following.strip()
    return (
        line[:1].isupper()
        and line[-1:].isalpha()
        and following[:1].islower()
        and _ENDS_SENTENCE.search(following) is not None
        and len(_WORDS.findall(line)) >= BROKEN_PROSE_WORDS
    )


def runs_on(line: str, following: str) -> bool:
    """The sentence of `line` goes on in `following`: the line ends on no sentence's end and
    the next one goes on in lowercase, or after a comma."""
    line, following = line.rstrip(), following.lstrip()
    if not following or _ENDS_SENTENCE.search(line):
        return False
    return following[0].islower() or (line.endswith(",") and following[0].isalnum())


def wrapped(pairs: Iterable[tuple[str, str]], main: str = "it") -> bool:
    """A text's consecutive lines (`pairs`) are prose wrapped at a width, not a paragraph
    each: at least WRAPPED_CUTS of them end on a word no sentence ends on (an article, a
    preposition, a conjunction: `vocab.OPEN_ENDED`), the next going on in lowercase ("… La" |
    "guerra non cambia …", "… nucleare su" | "scala mondiale …"; a game site's review, held
    out). Verses and list items end where a phrase ends."""
    cuts = 0
    for line, following in pairs:
        if (
            following.lstrip()[:1].islower()
            and runs_on(line, following)
            and (last := _LAST_WORD.search(line))
        ):
            cuts += open_ended([last[0]], main)
            if cuts >= WRAPPED_CUTS:
                return True
    return False


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
