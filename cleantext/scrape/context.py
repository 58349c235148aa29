"""What the boilerplate rules read: a line's words, and the document around a paragraph
(`Context`, with what is computed once per document in `DocFacts`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from cleantext.tokens import LETTERS, link_key, paired_quotes
from cleantext.tokens import line_words as words  # the scrape rules' name for a line's words
from cleantext.vocab import fold

# Shapes every rule reads the same way.
SENTENCE_MIN_WORDS = 7  # a line this long ending with a period is a sentence, not a button
CONTEXT_MIN_WORDS = 12  # paragraphs this long are the article's prose, the context rules compare with
FUNCTION_WORD_ZIPF = 5.0  # Italian or English words this frequent say nothing of a topic


def ends_sentence(text: str) -> bool:
    """The text ends as a sentence ends: a period, "!", "?" or "…", closing quotes after it."""
    return text.rstrip('”»"’) ').endswith((".", "!", "?", "…"))


PROSE_MIN_WORDS = 10  # a paragraph this long ending like a sentence is the article's prose

# what a line quotes: «…», “…”, "…", and '…' where its marks pair (`paired_quotes`: "l'uso"
# and "it's" are words)
_QUOTED = regex.compile(r"«[^»]*»|“[^”]*”|‘[^’]*’|\"[^\"]*\"")


def unquoted(text: str) -> str:
    """The line without what it quotes: a headline quoting a widget ('No comment', "Clicca
    qui") or a speaker in the first person says none of it itself."""
    return _QUOTED.sub(" ", paired_quotes(text))


def prose(text: str) -> bool:
    """A paragraph of the article's prose: `PROSE_MIN_WORDS` words or more, ended as a sentence."""
    return len(words(text)) >= PROSE_MIN_WORDS and ends_sentence(text)


# a label and its value: a capitalised label of up to four words, a colon, the value ("Regia:
# …", "- Titolo originale: Nettle", "Pagine: 320"; a book blog's pages, held out)
_FACT_LINE = regex.compile(r"^\W{0,3}\p{Lu}[\p{L}.'’]*(?: [\p{L}.'’]+){0,3}\s*:\s*\S")


def fact_line(text: str) -> bool:
    """A line of a fact sheet or a work's card: a label and its value (`_FACT_LINE`)."""
    return _FACT_LINE.match(text) is not None


LEAD_IN_WORDS = 4  # a lead-in is a sentence; a label ("Tags:") is shorter


def lead_in(text: str) -> bool:
    """A sentence that opens what follows it ("Ti accorgi di essere in ritardo quando...",
    "Ecco i consigli del giorno:"; ours): ended by an ellipsis or a colon, it is repeated on
    purpose, each time before something new (the items of a list, the lines of a refrain).
    A label ("Tags:", "Type: select") is shorter than a sentence: a repeat (`repeats`), and
    no lead-in to the lines after it (`layout`)."""
    return len(words(text)) >= LEAD_IN_WORDS and text.rstrip().rstrip('"”»’)').endswith(("…", "...", ":"))


ASIDE_WORDS = 3  # a line this short, ended as a sentence or on a colon, between the writer's
# sentences is an aside ("E quindi?", "Bene:", "No."), however its words read elsewhere


def aside(paragraph: str, before: str, after: str) -> bool:
    """A writer's aside inside the prose: up to `ASIDE_WORDS` words ended as a sentence or on
    a colon between the writer's sentences ("E quindi?", "Bene:", "No.", each on a line of
    its own in several posts of one blog, held out). On a colon it announces a paragraph of
    prose; ended as a sentence it answers or opens one, and stands between two sentences, a
    paragraph of prose on one side ("Serve davvero una legge? / No. / Dall'Asia…", a question
    asked, then answered). A site's lines are labels, buttons and prompts ("Related
    Articles", "Condividi su Facebook", "Leggi anche:" before a headline), or stand by the
    page's furniture, not between the sentences of its prose."""
    text = paragraph.strip()
    if not 0 < len(words(text)) <= ASIDE_WORDS or text.endswith(("...", "…")):
        return False
    if text.rstrip('”»"’)').endswith(":"):
        return _said(before) and prose(after)
    return ends_sentence(text) and _said(before) and _said(after) and (prose(before) or prose(after))


def _asks(text: str) -> bool:
    return text.rstrip('”»"’) ').endswith("?")


def _said(text: str) -> bool:
    """A sentence of the writer's, however short: a question, an answer, a lead-in."""
    return len(words(text)) >= LEAD_IN_WORDS and (ends_sentence(text) or lead_in(text))


@dataclass(slots=True)
class DocFacts:
    """What is computed once per document, on first need, for every paragraph's context."""

    stems: list[set[str]] | None = None
    prose: set[str] | None = None
    menus: set[int] | None = None  # paragraphs inside a menu or footer run (see menu_run)
    body: tuple[int | None, int | None] | None = None  # first and last paragraph of prose
    title: int | None = None  # the title's index (-1: none)
    kept: int = 0  # paragraphs kept so far (find_boilerplate counts them)
    previous_dropped: bool = False  # the paragraph before this one was dropped
    verse: list[bool] | None = None  # paragraphs of a verse line's shape (see Context.in_verse)
    announced: list[bool] | None = None  # paragraphs a lead-in announces (see layout.announced)
    links: frozenset[str] | None = None  # an HTML page's links (`link_key`); None: not a page


@dataclass(slots=True)
class Context:
    """What a rule may know about the document around a paragraph.

    `facts` is shared by the contexts of one document: `find_boilerplate` passes one
    `DocFacts` to all of them."""

    paragraphs: Sequence[str]
    index: int
    facts: DocFacts = field(default_factory=DocFacts)

    def linked(self, i: int) -> bool:
        """Paragraph i may be a link printed as text: on an HTML page, it is one of the page's
        links (bullet aside), or what follows its label is ("Leggi anche: <a>…</a>"); in
        text, where links are not known, any line may be."""
        links = self.facts.links
        if links is None:
            return True
        tail = link_key(self.paragraphs[i].partition(":")[2])
        return link_key(self.paragraphs[i]) in links or (bool(tail) and tail in links)

    def in_exchange(self) -> bool:
        """The paragraph is a writer's aside (`aside`) in an exchange with the reader: a
        sentence beside it asks, or opens what follows ("…devo dire che... / non mi piace! /
        …"; a blog's, held out). A site's button or prompt between two paragraphs of prose
        ("Password dimenticata?", "Cerca:"; ours) is in none."""
        i, ps = self.index, self.paragraphs
        before, after = ps[i - 1] if i else "", ps[i + 1] if i + 1 < len(ps) else ""
        return aside(ps[i], before, after) and any(_asks(s) or lead_in(s) for s in (before, after))

    def stems(self, i: int) -> set[str]:
        if self.facts.stems is None:
            self.facts.stems = [content_stems(p) for p in self.paragraphs]
        return self.facts.stems[i]

    def prose_words(self) -> set[str]:
        """Lowercase words of the article's prose (paragraphs of 12 words or more)."""
        if self.facts.prose is None:
            self.facts.prose = {
                w.lower() for p in self.paragraphs if len(ws := words(p)) >= CONTEXT_MIN_WORDS for w in ws
            }
        return self.facts.prose

    def in_verse(self) -> bool:
        """The paragraph is a line of verse: one of three or more lines in a row, each of a
        verse's length (`VERSE_LINE_WORDS`) and none ended by a period. A song's or a poem's
        lines in an article ("dice “Fammi un pezzo in cui commenti questo Festival”", a rap
        quoted by a music site, held out) say what prompts and buttons say ("commenti",
        "share") in a sentence of their own; a form's labels are shorter, or end as sentences."""
        if self.facts.verse is None:
            lo, hi = VERSE_LINE_WORDS
            # (a verse's words have letters and spaces between them: a line of numbers, a
            # date, a score or tokens a colon joins, "A:A:A:REPLY", is no verse)
            self.facts.verse = [
                lo <= sum(bool(LETTERS.search(t)) for t in p.split()) <= hi and not p.rstrip().endswith(".")
                for p in self.paragraphs
            ]
        verse, k = self.facts.verse, self.index
        if not verse[k]:
            return False
        start = end = k
        while start > 0 and verse[start - 1]:
            start -= 1
        while end + 1 < len(verse) and verse[end + 1]:
            end += 1
        return end - start + 1 >= VERSE_RUN


VERSE_MAX_WORDS = 12  # a line of a song, a poem or a slogan; a paragraph of prose is longer
VERSE_LINE_WORDS = (5, VERSE_MAX_WORDS)  # a line of verse among others (a form's labels are shorter)
VERSE_RUN = 3


_STOP = frozenset(
    """della delle dello degli dell nella nelle nello negli alla alle allo agli sulla sulle
    sono come anche questo questa quello quella loro essere stato stata dopo prima perché
    però tutti tutte ogni molto più fino dove quando mentre contro verso senza sopra sotto
    with that this from have which their there what about""".split()
)


def content_stems(text: str) -> set[str]:
    out = set()
    for w in LETTERS.findall(text):
        lw = w.lower()
        if len(lw) >= 4 and lw not in _STOP:
            out.add(fold(lw)[:5])
    return out
