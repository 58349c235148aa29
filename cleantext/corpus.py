"""Cross-document evidence: lines and line templates a corpus repeats (boilerplate), and the
foreign terms its documents use (loans of its writers, not one machine's leftovers).

A site prints the same lines on every page ("Prosegui la lettura dopo l'annuncio") and
the same templates with another story in them ("Potrebbe piacerti anche: <headline>",
"Ultime notizie | Economia | <title>"). No rule that reads one document can know that; a
folder run can. Like the line filters of web-corpus builders (C4, datatrove), a first pass
counts, per document, normalised lines and line prefixes (up to ':', '|', '>', '›', '»',
' - '); the cleaning pass then drops what many documents share, whatever its words.

A feed's footer closes every item with the item in the middle ("The post <title> first
appeared on il manifesto.", "L'articolo <title> proviene da Il Fatto Quotidiano."): the pass
counts how documents end, their last words and how their last sentences open, and the
cleaning pass drops a closing many documents share with a different middle, and a short
last sentence many documents end their text with ("…ci sono sei feriti. Continua a leggere").

A site signs its titles with its name ("Perché … è illegale - Il Post"): the pass counts
what follows a spaced dash or bar at the end of documents' first lines, and the cleaning pass
cuts a name many documents' titles end with (never one that as often opens a title: a match's
"Inter - Milan").

The same pass counts, per document, each run of up to three lowercase words with one that
Italian text does not use ("quiet quitting", "friend-shoring"): a foreign term several
documents of the run use is their writers' usage (`leftover.judge` keeps it as a `term`).

Shape guards what a count alone would not: a long sentence that several articles share
(a quotation, a syndicated paragraph), a paragraph after a dateline ("ROMA - Il
governo …", "(Adnkronos) - …") and a title naming two sides of a dash ("Serie A, Inter -
Milan 2-1") stay; short lines and short sentences standing alone ("Questo sito usa i
cookie.") go.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from cleantext import split
from cleantext.caches import memo
from cleantext.freq import zipf
from cleantext.repair import repair_paragraph
from cleantext.repeats import dedup_key
from cleantext.rules import LineTest, Rule
from cleantext.scrape import ends_sentence, words
from cleantext.scrape.context import aside, prose
from cleantext.settings import DEFAULT_STRAY
from cleantext.tokens import WORD, folded, opens_lowercase

# What a line needs to count as shared by the corpus (the thresholds a user may change).
MIN_DOCS = 3  # never fewer documents than this
MIN_SHARE = 0.01  # and at least this share of the corpus (1%: one site of a hundred)
SENTENCE_SHARE = 0.5  # a long sentence (a syndicated paragraph) goes only when half the corpus has it
SHORT_SENTENCE_WORDS = 12  # up to this, a sentence repeated as a line of its own is a site's
MAX_PREFIX_WORDS = 5  # a template's fixed part: "Potrebbe piacerti anche", "Ultime notizie"
MAX_TAIL_WORDS = 30  # its other part is a headline, a name or a label: longer, it is prose
RUN_ON_WORDS = 12  # a lowercase tail longer than a headline, not a list of short items, is a
# sentence going on (a headline's kicker has lowercase after it: "Covid: i contagi salgono")
MAX_COUNT_BYTES = 4 << 20  # larger files are cleaned block by block and not counted
COPY_WORDS = 8  # a line this long is the document's own text (a site's lines are shorter) ...
COPY_SHARE = 0.8  # ... and a document with this share of them in one earlier document is its copy
CLOSING_WORDS = 4  # a closing template's fixed end ("first appeared on il manifesto") ...
CLOSING_MIN_DOCS = 10  # ... that this many documents end with at least (and `min_docs`), in
# two different sentences or more; a writer's sign-off ("Alla prossima!") is a repeated line
CLOSING_HEAD_WORDS = 2  # and its fixed opening, this long or one word ("The post", "L'articolo"): ...
CLOSING_HEAD_SHARE = 0.5  # ... the opening this share of those documents' closings have; an
# end alone is no template's whole (a page's embed code "[[ge:…:45853825]]" closes sentences
# of the article, and a site's name its headlines: "<headline> | Libero Quotidiano")
CLOSING_SENTENCES = 3  # the last sentences a closing may run over (a title may hold a "!")
CLOSING_GRAMMAR_ZIPF = 6.0  # an opening of words this frequent only ("o", "e", "ma", "il") opens
# any text's sentences: a manual's "o facendo clic … nella finestra di dialogo dei livelli."
# under each command of GIMP's (held out) is its own text, no template
CLOSING_REASON = "repeated closing"
SITE_NAME_WORDS = 6  # a site's name after its headlines ("<title> - Il Post", "<title> |
# Libero Quotidiano.it - Libero Quotidiano") is this short, after a spaced dash or bar ...
SITE_NAME_MIN_DOCS = 10  # ... and this many documents' first lines end with it (and `min_docs`)
SITE_NAME_OPENS = 0.1  # a name that also opens this share as many first lines before a dash
# is one the news names on either side ("Inter - Milan", "Milan - Inter"): no site's
SITE_NAME_REASON = "site name"
TERM_WORDS = 3  # a foreign term counted across documents is this short (a loan phrase)
TERM_BELOW = 3.0  # and holds a word Italian text uses less than this (Zipf: not Italian usage)
TERM_DOCUMENT_SHARE = 0.3  # a document with more of its words foreign is not Italian prose
# (a foreign page, a listing of code): its words are no Italian writer's usage

_SEPARATOR = regex.compile(r"\s+[-–—|·]\s+")  # between a title and its site's name
_TEMPLATE = regex.compile(r"^(?P<head>[^:|>›»]{1,80}?)\s*(?::|\||>|›|»|\s[-–—]\s)\s*(?P<tail>\S.*)$")
_DIGITS = regex.compile(r"\d+")
# a side of a pairing (a team, a town): a name of up to three capitalised words, a score after it
_PAIRED = regex.compile(
    r"(?<![\p{L}'’])\p{Lu}[\p{L}'’.]*(?:\s+\p{Lu}[\p{L}'’.]*){0,2}(?:\s+\d+\s*[-–:]\s*\d+)?$"
)
# a dateline before a dash opens an article's text, not a template's: a place in capitals, a
# wire service in brackets or both ("ROMA -", "(Adnkronos) -", "MILANO (ANSA) -")
_DATELINE_HEAD = regex.compile(r"(?:\p{Lu}[\p{Lu}\d\s'’.,/]*\p{Lu}|\p{Lu}+)?\s*(?:\(\p{L}[^()]{0,30}\))?")


def line_key(line: str) -> str:
    """A line folded for counting: case, accents, punctuation and digits ignored."""
    return _DIGITS.sub("0", dedup_key(line))


def template_head(line: str) -> str | None:
    """The fixed part of a templated line ("Potrebbe piacerti anche" in "Potrebbe piacerti
    anche: Il governo…"), folded, or None when the line has no short head."""
    m = _TEMPLATE.match(line.strip())
    if not m:
        return None
    head = line_key(m["head"])
    return head if head and len(head.split()) <= MAX_PREFIX_WORDS else None


def _is_sentence(line: str, after_label: bool = False) -> bool:
    """A line written as prose: capitalised, several words, sentence punctuation at its end.
    After a label's colon Italian goes on in lowercase too ("PS: il 3D non serve a niente!";
    a blog's postscripts, held out): there the capital is not needed."""
    s = line.strip().rstrip('”»"’)')
    return len(words(s)) >= 4 and (after_label or s[:1].isupper()) and s.endswith((".", "!", "?", "…"))


def _is_speech(line: str) -> bool:
    """Words said, after the speaker's name in a dialogue or an interview ('Lei: «Arrivo
    subito».', "Lui: - Va bene."; ours): opened by a quotation mark or a dash and ended as a
    sentence ends. A site's label or linked headline is neither."""
    s = line.strip()
    return s[:1] in '"“«‘-–—' and ends_sentence(s)


@dataclass(slots=True)
class CorpusLines:
    """Per-document counts of lines, template heads and foreign terms, kept only where they
    are frequent.

    Build it with `count_documents`; `reason` answers for one paragraph of any document of
    the corpus, `used_term` for one foreign term. It is small (only frequent keys survive
    the count) and pickles to worker processes and Ray actors."""

    documents: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    heads: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, str] = field(default_factory=dict)  # a copy's name -> the first one's
    terms: dict[str, int] = field(default_factory=dict)  # foreign terms (`tokens.folded`) -> documents
    closings: dict[str, str] = field(default_factory=dict)  # a closing's end -> its opening
    endings: frozenset[str] = frozenset()  # short last sentences many documents' texts end with
    site_names: frozenset[str] = frozenset()  # what many documents' titles end with (`dedup_key`)

    @property
    def min_docs(self) -> int:
        return max(MIN_DOCS, int(self.documents * MIN_SHARE + 0.999))

    def used_term(self, key: str) -> bool:
        """Do enough documents of the run (`min_docs`) use this foreign term (its words as
        `tokens.folded` gives them, joined by a space)?"""
        return self.terms.get(key, 0) >= self.min_docs

    def reason(self, paragraph: str, before: str = "", after: str = "", heading: bool = False) -> str | None:
        """'repeated across documents' or 'repeated template', or None. `before` and `after`
        are the paragraphs around it in its document (`aside`); `heading`: an HTML page sets
        it as a heading, which over a paragraph of prose is the article's own section
        ("Conclusioni", "Premessa" in many posts of one blog, held out), however many
        documents have it."""
        if self.documents < MIN_DOCS or aside(paragraph, before, after) or (heading and prose(after)):
            return None
        return next((rule.reason for rule in RULES if rule.fires(paragraph, self)), None)

    def closing(self, paragraph: str) -> int | None:
        """Where a closing template begins in a document's last paragraph (an offset), or
        None: its last sentence ends as many documents end, and it runs back to the
        sentence that opens as their closings open."""
        bounds = split.sentences(paragraph)
        if len(bounds) >= 2 and line_key(paragraph[slice(*bounds[-1])]) in self.endings:
            return bounds[-1][0]
        end = _closing_end(paragraph[slice(*bounds[-1])]) if bounds else None
        if end is None or end not in self.closings:
            return None
        head = self.closings[end]
        size = len(head.split())
        back = bounds[: -CLOSING_SENTENCES - 1 : -1]
        return next((a for a, b in back if _opening(paragraph[a:b], size) == head), None)

    def site_name(self, title: str) -> int | None:
        """Where a site's name many documents' titles end with begins in a document's first
        paragraph (the offset of the space before its dash or bar), or None."""
        return next((at for at, key in _title_tails(title) if key in self.site_names), None)

    def digest(self) -> str:
        """Identifies the evidence: part of the resume key (other evidence, other outputs)."""
        h = hashlib.sha256(str(self.documents).encode())
        counted = (("l", self.lines), ("h", self.heads), ("t", self.terms), ("c", self.closings))
        for tag, values in counted:
            for k in sorted(values):
                h.update(f"{tag}{k}\t{values[k]}\n".encode())
        for tag, keys in (("e", self.endings), ("s", self.site_names)):
            for k in sorted(keys):
                h.update(f"{tag}{k}\n".encode())
        for k in sorted(self.duplicates):  # file names: a name's undecodable bytes as they are
            h.update(f"d{k}\t{self.duplicates[k]}\n".encode("utf-8", "surrogateescape"))
        return h.hexdigest()[:16]


def count_documents(named_texts: Iterable[tuple[str, str]]) -> CorpusLines:
    """The first pass over a corpus, its documents given as (name, text) pairs (files, or
    the rows of datasets, as `jobs.count_corpus` reads them): each line and template head
    counted once per document, and each foreign term (`_foreign_terms`).

    A head counts only with different tails (one line repeated is counted as a line).
    Copies of a document (scraped news repeats whole articles) count once, and are named in
    `duplicates`: a copy is not evidence of a site's template, and three copies of one
    article would otherwise lose every line."""
    lines: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    tails: dict[str, set[str]] = {}
    first: dict[str, str] = {}  # a long line -> the document it was first seen in
    whole: dict[frozenset[str], str] = {}  # a document's lines -> its name
    duplicates: dict[str, str] = {}
    terms: Counter[str] = Counter()
    closes = _Closings()
    titles = _Titles()
    documents = 0
    for name, text in named_texts:
        mine, my_heads, my_tails = set(), set(), []
        my_terms: set[str] = set()
        n_words = n_foreign = 0  # the document's words, and those that read as foreign
        title = last = ""
        for a, b in split.paragraphs(text):
            para = repair_paragraph(text[a:b]).text  # as the cleaning pass will see it
            if not para:
                continue
            title, last = title or para, para
            n, k = _foreign_terms(para, my_terms)
            n_words, n_foreign = n_words + n, n_foreign + k
            key = line_key(para)
            if key:
                mine.add(key)
            head = template_head(para)
            if head:
                my_heads.add(head)
                my_tails.append((head, key))
        if original := _copy_of(mine, first, whole):
            duplicates[name] = original
            continue
        documents += 1
        whole.setdefault(frozenset(mine), name)
        for key in mine:
            if len(key.split()) >= COPY_WORDS:
                first.setdefault(key, name)
        for head, key in my_tails:
            seen = tails.setdefault(head, set())
            if len(seen) < 2:  # two different tails are all a template needs
                seen.add(key)
        closes.add([last[a:b] for a, b in split.sentences(last)])
        titles.add(title)
        lines.update(mine)
        heads.update(my_heads)
        if n_foreign <= TERM_DOCUMENT_SHARE * n_words:
            terms.update(my_terms)
    stats = CorpusLines(documents, duplicates=duplicates)
    need = stats.min_docs
    stats.lines = {k: n for k, n in lines.items() if n >= need}
    stats.terms = {k: n for k, n in terms.items() if n >= need}
    stats.heads = {k: n for k, n in heads.items() if n >= need and len(tails.get(k, ())) >= 2}
    stats.closings, stats.endings = closes.shared(max(need, CLOSING_MIN_DOCS))
    stats.site_names = titles.shared(max(need, SITE_NAME_MIN_DOCS))
    return stats


class _Titles:
    """How the documents of a corpus open: what their first lines end with after a spaced
    dash or bar, and what they open with before one."""

    def __init__(self) -> None:
        self.ends: Counter[str] = Counter()  # `_title_tails` keys -> documents
        self.opens: Counter[str] = Counter()  # a first line's part before its first dash -> documents

    def add(self, first: str) -> None:
        tails = _title_tails(first)
        if not tails:
            return
        self.ends.update({key for _, key in tails})
        head = dedup_key(first[: _SEPARATOR.search(first).start()])  # type: ignore[union-attr]
        if head and len(head.split()) <= SITE_NAME_WORDS:
            self.opens[head] += 1

    def shared(self, need: int) -> frozenset[str]:
        return frozenset(
            k for k, n in self.ends.items() if n >= need and self.opens.get(k, 0) < SITE_NAME_OPENS * n
        )


def _title_tails(title: str) -> list[tuple[int, str]]:
    """(where the space before the dash or bar is, what follows it folded) for each spaced
    dash or bar of a document's first paragraph that a short capitalised name follows to
    its end, the earliest first."""
    out = []
    for m in _SEPARATOR.finditer(title):
        rest = title[m.end() :].rstrip()
        if rest[:1].isupper() or rest[:1].isdigit():
            key = dedup_key(rest)
            if key and len(key.split()) <= SITE_NAME_WORDS:
                out.append((m.start(), key))
    return out


class _Closings:
    """How the documents of a corpus end (their last paragraph's sentences): the ends of their
    last sentences, in which sentences, and how their last sentences open; and the short last
    sentences glued to a text."""

    def __init__(self) -> None:
        self.ends: Counter[str] = Counter()  # `_closing_end` -> documents
        self.ended: dict[str, set[str]] = {}  # ... in which last sentences (two are all it needs)
        self.openings: Counter[tuple[str, str]] = Counter()  # (end, an opening of the last sentences)
        self.endings: Counter[str] = Counter()  # short last sentences after a text's own

    def add(self, sentences: list[str]) -> None:
        if len(sentences) >= 2 and len((key := line_key(sentences[-1])).split()) <= SHORT_SENTENCE_WORDS:
            self.endings[key] += 1
        if not sentences or not (end := _closing_end(sentences[-1])):
            return
        self.ends[end] += 1
        if len(seen := self.ended.setdefault(end, set())) < 2:
            seen.add(line_key(sentences[-1]))
        last = sentences[-CLOSING_SENTENCES:]
        self.openings.update({(end, _opening(one, size)) for one in last for size in (1, CLOSING_HEAD_WORDS)})

    def shared(self, need: int) -> tuple[dict[str, str], frozenset[str]]:
        """(each closing's end -> its opening, the short last sentences) `need` documents share."""
        closings: dict[str, str] = {}
        for end, n in self.ends.items():
            if n < need or len(self.ended[end]) < 2:
                continue
            # its opening: the longest that enough of its documents' closings have
            shared = [
                o
                for (e, o), k in self.openings.items()
                if e == end and k >= CLOSING_HEAD_SHARE * n and not _grammar_only(o)
            ]
            if shared:
                closings[end] = max(shared, key=lambda o: (len(o.split()), self.openings[end, o]))
        return closings, frozenset(k for k, n in self.endings.items() if k and n >= need)


def _closing_end(sentence: str) -> str | None:
    """A sentence's last `CLOSING_WORDS` words, folded, when it has more."""
    key = line_key(sentence).split()
    return " ".join(key[-CLOSING_WORDS:]) if len(key) > CLOSING_WORDS else None


def _grammar_only(opening: str) -> bool:
    return all(max(zipf(w, "it"), zipf(w, "en")) >= CLOSING_GRAMMAR_ZIPF for w in opening.split())


def _opening(sentence: str, size: int) -> str:
    return " ".join(line_key(sentence).split()[:size])


def _foreign_terms(paragraph: str, into: set[str]) -> tuple[int, int]:
    """Add to `into` the paragraph's runs of up to `TERM_WORDS` lowercase words that read
    more as a stray language than as Italian, one of them a word Italian text does not use
    (`TERM_BELOW`); return how many words the paragraph has, and how many read as foreign."""
    n = n_foreign = 0
    for piece in _BETWEEN_WORDS.split(paragraph):  # words side by side, only spaces between
        found = WORD.findall(piece)
        flags = [_foreign_word(w) for w in found]
        n += len(found)
        n_foreign += sum(f for f, _ in flags)
        for i in range(len(found)):
            for j in range(i, min(i + TERM_WORDS, len(found))):
                if not flags[j][0]:
                    break
                if any(r for _, r in flags[i : j + 1]):  # (the form spans are compared in)
                    into.add(" ".join(folded(" ".join(found[i : j + 1]))))
    return n, n_foreign


_BETWEEN_WORDS = regex.compile(r"[^\p{L}\p{M}\s'’\-]+")  # what parts two words of one term


@memo(200_000)
def _foreign_word(word: str) -> tuple[bool, bool]:
    """(reads more as a stray language than as Italian, and is not Italian usage) for a
    lowercase word; a capitalised one is neither (a name)."""
    if not word[0].islower():
        return False, False
    low = word.lower()
    z = zipf(low, "it")
    foreign = z < max(zipf(low, lang) for lang in DEFAULT_STRAY)
    return foreign, foreign and z < TERM_BELOW


def _copy_of(mine: set[str], first: dict[str, str], whole: dict[frozenset[str], str]) -> str | None:
    """The earlier document this one copies: the same lines, or most of its long lines
    first seen in that one document."""
    if not mine:
        return None
    if (same := whole.get(frozenset(mine))) is not None:
        return same
    own = [k for k in mine if len(k.split()) >= COPY_WORDS]
    if not own:
        return None
    seen_in = Counter(first[k] for k in own if k in first)
    if not seen_in:
        return None
    name, n = seen_in.most_common(1)[0]
    return name if n >= COPY_SHARE * len(own) else None


def _repeated_line(paragraph: str, corpus: CorpusLines, rule: Rule) -> bool:
    n = corpus.lines.get(line_key(paragraph), 0)
    if n < corpus.min_docs:
        return False
    long_sentence = _is_sentence(paragraph) and len(words(paragraph)) > rule.limit("short_sentence_words")
    return not long_sentence or n >= max(corpus.min_docs, corpus.documents * rule.limit("sentence_share"))


def _repeated_template(paragraph: str, corpus: CorpusLines, rule: Rule) -> bool:
    head = template_head(paragraph)
    if not head or corpus.heads.get(head, 0) < corpus.min_docs:
        return False
    m = _TEMPLATE.match(paragraph.strip())
    tail = m["tail"]  # type: ignore[index]
    # a headline or a label, not a dateline's sentence, what a speaker says or a paragraph
    # (longer, or more than one sentence: a dialogue's lines after "Lei:")
    if len(words(tail)) > rule.limit("max_tail_words") or len(split.sentences(tail)) > 1:
        return False
    if m.group(0)[m.end("head") :].lstrip()[:1] in "-–—":  # type: ignore[index]
        if _DATELINE_HEAD.fullmatch(m["head"]):  # type: ignore[index]
            return False  # the article's text, however its feed cut it
        if _PAIRED.search(m["head"]) and _PAIRED.fullmatch(tail):  # type: ignore[index]
            return False  # two sides named, a match or a route: "Serie A, Inter - Milan 2-1"
    return not (_is_sentence(tail, after_label=True) or _is_speech(tail) or _runs_on(tail, rule))


_PIECES = regex.compile(r"[,;]")


def _runs_on(tail: str, rule: Rule) -> bool:
    """A sentence going on in lowercase after its label, unended or ended on a colon ("PS:
    spero che il discorso sia comprensibile, ho mangiato troppo e bevuto troppo", a blog's
    postscripts, held out): after a template's head comes a name, a label's value, short or
    a list of short items ("Tag: politica, governo, legge di bilancio"), or a headline,
    capitalised or, after a kicker, shorter than this."""
    if not opens_lowercase(tail) or len(words(tail)) < rule.limit("run_on_words"):
        return False
    return max(len(words(piece)) for piece in _PIECES.split(tail)) > rule.limit("list_item_words")


repeated_line = LineTest(
    "repeated_line",
    "repeated across documents",
    test=_repeated_line,
    thresholds=(("short_sentence_words", SHORT_SENTENCE_WORDS), ("sentence_share", SENTENCE_SHARE)),
    examples=(),  # it needs a corpus: tests/test_corpus.py
)
repeated_template = LineTest(
    "repeated_template",
    "repeated template",
    test=_repeated_template,
    thresholds=(("max_tail_words", MAX_TAIL_WORDS), ("run_on_words", RUN_ON_WORDS), ("list_item_words", 3)),
    examples=(),  # it needs a corpus: tests/test_corpus.py
)
RULES = (repeated_line, repeated_template)
