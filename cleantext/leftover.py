"""Leftover or choice: which foreign spans a translation machine left behind.

Detection finds foreign words; Italian writers put many there on purpose (anglicisms,
titles, quoted lyrics and speech, a term glossed in brackets), and translating those makes
the text worse. A machine's leftovers look different: words Italian does not use
("commonality", "levee"), plain lowercase phrases in the run of a sentence, and they come
in numbers, so a document with one leftover usually has others; a long document of fluent
Italian whose foreign phrases are all short is a writer's. No one sign is enough, so each
span is judged on its own shape and on its document's.

`judge` takes the detections of one document and moves the spans it does not trust to be
leftovers into `kept`, with the reason (see `KEPT_HERE`); the spans it leaves to translate
carry the evidence that made them leftovers (`Span.leftover`).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace

import regex

from cleantext import split
from cleantext.code import code_shaped
from cleantext.detection import Detection, Span
from cleantext.detection.shape import italian_form, named, open_headed
from cleantext.freq import GRAMMAR_ZIPF, grammar_of
from cleantext.scrape.context import VERSE_MAX_WORDS, ends_sentence
from cleantext.scrape.lines import PHOTO_WORDS
from cleantext.tokens import WORD, folded, link_key, paired_quotes
from cleantext.vocab import fold, open_ended

# The reasons a span is kept here (detection.KEPT has the ones detection gives itself).
KEPT_HERE = {
    "marked": (
        "the page sets it apart: in italics, <cite>, <q>, a <blockquote>, as code or in its own "
        "language; or an embedded post ('… — Name (@handle)') or a photo's caption with its credit "
        "('… ANSA/NAME SURNAME')"
    ),
    "quote": (
        "inside quotation marks, speech after a colon, or the lines an Italian sentence's colon "
        "announces, unless the document's other signs of machine translation include a whole "
        "sentence or a longer phrase"
    ),
    "code": (
        "shaped as program text or a formula: two kinds of code signs (a call 'f(x)', an "
        "assignment, a backslash command, brackets joined to words, a Scheme value, an inner capital)"
    ),
    "gloss": (
        "in brackets beside the Italian it glosses, or beside the Italian that translates it (the "
        "writer's own translation before or after it: 'never give up, non arrendersi mai')"
    ),
    "title": (
        "a capitalised phrase inside the sentence, as Italian writes titles ('Illusions perdues'), a "
        "headline's topic before a comma or colon ('Cost of living: la protesta…'), title "
        "case ('Back to the Future'), or a phrase the sentence names, sings or gives its language "
        "('il cosiddetto levelling up', 'ha cantato', 'come dicono gli inglesi,'), or a capitalised "
        "phrase after the noun for a work ('la canzone Let it be')"
    ),
    "heading": (
        "a line of its own of up to ten words, not ended as a sentence, over a paragraph of prose, or "
        "one an HTML page sets as a heading: a heading names what follows in the writer's words (a "
        "song's, a slogan's)"
    ),
    "document": (
        "the whole document is written in that language (its Italian sentences hold less than "
        "a tenth of its words): a page of another language, not Italian text with leftovers"
    ),
    "loanword": "words Italian text uses (Italian word frequency), no foreign grammar words",
    "term": (
        "a lone word its document uses again and again: the subject's term, as the writer names "
        "it; or a word or phrase of up to three words that several documents of a folder run use "
        "(its writers' usage, where a machine's leftovers are its own)"
    ),
    "uncertain": (
        "a candidate without a sign of a leftover, a lone word in a document with no other sign, a "
        "short phrase in a long Italian document whose signs are all short, or a word or short "
        "phrase whose translation is not trusted (the pipeline's trust; `leftover` then says why "
        "it was a candidate)"
    ),
}

_ARTICLES = frozenset("the a an le la les l un une".split())
_OPEN = '“«"‘'
_CLOSE = '”»"’'
# who speaks, before a quotation: a name of up to three capitalised words ("Prof.", "Lui",
# "Romano Prodi"), a colon or a dash after it; not a clause ("He said:")
_SPEAKER = regex.compile(
    r"^(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*(?::|\s[–—-])\s*(?=[" + _OPEN + "])"
)
# where and when it was said, bracketed after the quotation ("… “I am stupid” (Baku 2019)")
_OCCASION = regex.compile(r"\s*\([^()" + _OPEN + _CLOSE + r"]{1,40}\)$")


@dataclass(frozen=True, slots=True)
class Policy:
    """The thresholds of the judgement, on wordfreq's Zipf scale (0–8: 3 is once per
    million words)."""

    unused_below: float = 2.5  # a word Italian text uses less than this is not Italian usage ...
    foreign_from: float = 2.5  # ... when its own language uses it at least this much
    foreign_margin: float = 2.0  # or, below used_from, when its language uses it this much more
    used_from: float = 3.0  # a word Italian text uses this much is Italian usage (a loanword)
    function_from: float = 5.5  # a word this frequent in its language is a grammar word
    long_phrase: int = 4  # a phrase this long, all lowercase but one word, is a sign by itself
    grammar_margin: float = 1.5  # ... and used this much more than in Italian: a foreign grammar word
    machine_signs: int = 2  # distinct signs in a document that make it machine output
    term_uses: int = 3  # a lone foreign word its document uses this often is the subject's term
    phrase_uses: int = 2  # and a phrase of up to max_loan_words words, this often
    short_sentence: int = 5  # a whole foreign sentence this short (a slogan, an exclamation, a
    # catchphrase) is what writers quote as readily as a machine leaves it: no sign by itself
    max_loan_words: int = 3  # a loan phrase is short
    max_title_words: int = 6  # and so is a title in sentence case
    fluent_sentences: int = 4  # a document with this many Italian sentences free of foreign
    # words, and clean_per_sign for each distinct sign, is a writer's unless a whole foreign
    # sentence or a longer phrase says otherwise (a lone phrase of max_title_words inside a
    # sentence does not): its short foreign phrases (max_loan_words) are ones they chose ("il
    # fenomeno del quiet quitting", "il suo motto, never give up,"; ours)
    clean_per_sign: int = 3
    gloss_words: int = 2  # a translation the Italian beside it repeats in at least this many words
    gloss_share: float = 0.5  # ... and more than this share of its content words is a gloss
    gloss_reach: int = 4  # how many words beyond the translation's length the gloss may run
    pair_share: float = 0.3  # the share when the gloss is one whole sentence of the same length
    pair_length: float = 0.25  # ... within this share of the translation's words
    pairs_in_document: int = 2  # paragraphs given in two languages, each beside its translation,
    # that make a page of quotations or lyrics
    single_pair_words: int = 8  # one pair alone: a translation of this many content words ...
    single_pair_share: float = 0.6  # ... this share of them in the Italian beside it
    paired_length: float = 0.4  # ... a translation's length within this share of the longer
    twice_lines: int = 3  # a page written twice: this many foreign paragraphs with their Italian
    # versions in another part of the page, in order
    topic_lines: int = 3  # a word in this many of a page's Italian paragraphs is its topic
    title_uses: int = 2  # a capitalised phrase a document writes this often is its own title
    main_share: float = 0.1  # a document of foreign_sentences or more whose Italian sentences
    # hold less of its words than this is written in another language (a French site's page in
    # an Italian crawl): none of its sentences is a leftover in Italian text. A lone foreign
    # sentence is not a page (one row of a dataset of sentences may be a stray one)
    foreign_sentences: int = 2


Zipf = Callable[[str, str], float]


def judge(
    units: Sequence[tuple[str, Detection]],
    zipf: Zipf,
    main: str = "it",
    policy: Policy | None = None,
    marked: Collection[str] = (),
    quoted: Collection[int] = (),
    headed: Collection[int] = (),
    tails: Mapping[int, tuple[int, int]] | None = None,
    used_terms: Callable[[str], bool] | None = None,
) -> list[Detection]:
    """The detections of one document's sentences, each span to translate kept as written
    unless the evidence says a machine left it (same order, same offsets).

    `marked`: the phrases an HTML page sets apart (`html.set_apart`) and any page's embedded
    posts and credited captions (`signed`); a span inside one is the writer's choice, and no
    sign of machine output. `quoted`: the units a lead-in announces (`announced`), quotations.
    `headed`: the units that are headings (`headings`), kept when nothing else keeps them.
    `tails`: each unit's part inside a quotation that runs over sentences (`quote_tails`);
    a span that is (nearly) all of it is quoted. `used_terms`: does the run's corpus say
    that several documents use this term (`corpus.CorpusLines.used_term`)?"""
    tails = tails or {}
    p = policy or Policy()
    units = [_quotes_paired(text, det) for text, det in units]
    if _foreign_document(units, main, p):
        return [all_kept(det, "document") for _, det in units]
    apart = [f" {' '.join(folded(m))} " for m in marked]
    italian = [w for text, det in units if det.language == main for w in folded(text)]
    uses, prose = Counter(italian), f" {' '.join(italian)} "
    # the spans kept whatever the document, found once, each no sign of machine output: what
    # the page sets apart ("marked"), program text and formulas ("code": the computer's
    # words), and the terms the document's Italian keeps using ("term": "unstable" in a page
    # on Debian's suites, "mise en place" twice in a page on restaurants' tables)
    given: dict[tuple[int, int], str] = {}
    titles = own_titles(units, zipf, main, p)

    def used(w: str) -> bool:
        return zipf(w, main) >= p.unused_below

    for k, (text, det) in enumerate(units):
        shaped = bool(det.spans) and code_shaped(text)  # every span of such a sentence is code
        for span in det.spans:
            if _set_apart(text, span, apart, lambda w: zipf(w, main) >= _GRAMMAR):
                given[k, span.start] = "marked"
            elif _names_listed(text[span.start : span.end]) or _opens_item(text, span):
                given[k, span.start] = "name"
            elif titles and (
                _of_titles(text[span.start : span.end], titles)
                or _like_a_title(text, span, det, zipf, main, p)
            ):
                given[k, span.start] = "title"
            elif shaped or code_shaped(_joined(text, span)):
                given[k, span.start] = "code"
            elif _term(core := _core(folded(text[span.start : span.end])), uses, prose, used, p) or (
                used_terms is not None and 0 < len(core) <= p.max_loan_words and used_terms(" ".join(core))
            ):
                given[k, span.start] = "term"
            elif _cut_short(text, span):
                given[k, span.start] = "uncertain"
    # the spans inside a quotation: a lead-in's lines, or all of a sentence's part of one
    # that runs over sentences
    in_quote = {
        (k, span.start)
        for k, (text, det) in enumerate(units)
        for span in det.spans
        if k in quoted or _in_quote(text, span, tails.get(k))
    }
    signs: dict[str, str] = {}  # each distinct sign of machine output in the document, with its kind
    # the signs from a whole sentence or a phrase longer than a term: is each a phrase inside
    # its sentence, as short as a title?
    long_inner: list[bool] = []
    for k, (text, det) in enumerate(units):
        for span in det.spans:
            if (k, span.start) in given or k in headed:  # a heading is the writer's: no sign
                continue
            if (k, span.start) not in in_quote and (sign := _sign(text, span, det, zipf, main, p)):
                signs.setdefault(_key(text, span), sign)
                if det.language != main or not short_terms(
                    text[span.start : span.end], span.language, zipf, main, p
                ):
                    long_inner.append(_inner_phrase(text, span, det, main, p))
    long_sign, inner = bool(long_inner), all(long_inner)
    # a long Italian document whose only signs are short phrases and lone words is a writer's,
    # and so is one whose one sign is a phrase inside a sentence ("la filosofia del buy now pay
    # later", "il principio del too big to fail"; ours): a machine's leftovers come in numbers
    clean = sum(det.language == main and not det.spans for _, det in units)
    settled = (not long_sign or (inner and len(signs) == 1)) and clean >= max(
        p.fluent_sentences, p.clean_per_sign * len(signs)
    )
    out = []
    for k, (text, det) in enumerate(units):
        spans, kept = [], list(det.kept)
        for span in det.spans:
            key = _key(text, span)
            others = len(signs) - (key in signs)
            if (k, span.start) in given:
                why, reason = given[k, span.start], ""
            else:
                why, reason = _decide(
                    text,
                    span,
                    det,
                    zipf,
                    main,
                    p,
                    signs.get(key),
                    others,
                    settled,
                    (k, span.start) in in_quote,
                    long_sign,
                )
                if not why and k in headed:
                    why = "heading"
            if why:
                kept.append(replace(span, kept=why))
            else:
                spans.append(replace(span, leftover=reason))
        # a whole foreign sentence kept as written reads as the main language
        language = main if not spans else det.language
        out.append(Detection(language, tuple(spans), tuple(sorted(kept, key=lambda s: s.start))))
    return out


_LIST_ITEM = regex.compile(r"^\W*(?:\p{N}+\s+)?(?:\p{Ll}{1,3}\s|[ld][’']\s?)?\p{Lu}")
_LIST_ITEMS = 3
_COMMA_ITEMS = 4  # a comma parts a sentence's clauses too: one item more
_ITEM_WORDS = 8  # each item as long as a song's or a book's title
_LABEL = regex.compile(r"^\W*\p{L}+(?:\s\p{L}+)?:\s")


def _semicolon_items(text: str) -> list[str]:
    return [item for item in text.split(";") if item.strip()]


def _opens_item(text: str, span: Span) -> bool:
    """The span opens one item of the sentence's list between semicolons, each item opening
    with a capital: the item's name, foreign among Italian ones ("…premi: Premio per la
    migliore interpretazione maschile a …; Prix du jury ex aequo a “Memoria” …; Premio per
    la migliore regia a …", a festival's prizes, held out). Italian goes on after a
    semicolon in lowercase; capitals there open names."""
    items = _semicolon_items(text)
    return (
        len(items) >= _LIST_ITEMS
        and text[: span.start].rstrip().endswith(";")
        and all(_LIST_ITEM.match(item) for item in items[1:])  # the first may follow a lead-in
    )


def _names_listed(phrase: str) -> bool:
    """A list of names the writer gives in their own language: `_LIST_ITEMS` items or more
    between semicolons, each opening with a capital ("Foie gras de canard poêlé, servi avec
    son consommé au yuzu; Noisette de chevreuil rotie au cassis…", a food blog's tasting menu;
    "l'Hostellerie Jérôme a La Turbie, chef Bruno Cirino; l'Auberge du Père Bise, chef Jean
    Sulpice; …", a food magazine's starred restaurants; held out). A sentence goes on after
    its semicolons in lowercase, a machine's left as much as a writer's. Or `_COMMA_ITEMS`
    items or more between commas, each capitalised and as short as a title, after a label
    maybe ("Highlights: Somewhere only we know, This is the last time, Bend and break, …",
    the songs a record review singles out, held out): English capitalises the words after a
    comma only where names begin."""
    items = _semicolon_items(phrase)
    if len(items) >= _LIST_ITEMS and all(_LIST_ITEM.match(item) for item in items):
        return True
    label = _LABEL.match(phrase)
    items = [item for item in phrase[label.end() if label else 0 :].split(",") if item.strip()]
    if len(items) < _COMMA_ITEMS or not all(
        _LIST_ITEM.match(item) and len(WORD.findall(item)) <= _ITEM_WORDS for item in items
    ):
        return False
    # without a label, the first item is a name too, not a sentence's start naming the rest
    # ("It can be set to Input, Output, Bidirectional, Tri-state, or Passive", KiCad's help,
    # held out)
    first = WORD.findall(items[0])
    return label is not None or sum(w[0].islower() for w in first) * 3 <= len(first)


_CUT_END = regex.compile(r"(?:\.\.\.|…)[\W\d]*$")  # an ellipsis, then nothing but marks
CUT_WORDS = 2  # a span this short, its last word cut, is a feed's cut, not a language's words


def _cut_short(text: str, span: Span) -> bool:
    """The span ends the sentence on a word an ellipsis cuts short ("nell'ambito del
    Dipartimento per le par...", "è sulla gestion...": summaries a feed cut to fit, held
    out): a word's first letters say nothing of its language, and "le par" read as French."""
    end = span.end
    return (
        end > 0
        and text[end - 1].isalpha()
        and _CUT_END.match(text, end) is not None
        and len(WORD.findall(text[span.start : end])) <= CUT_WORDS
    )


def all_kept(det: Detection, why: str) -> Detection:
    """`det` with every span to translate kept as written, for `why`."""
    kept = (*det.kept, *(replace(span, kept=why) for span in det.spans))
    return Detection(det.language, (), tuple(sorted(kept, key=lambda span: span.start)))


def _foreign_document(units: Sequence[tuple[str, Detection]], main: str, p: Policy) -> bool:
    """The document is written in another language: `Policy.foreign_sentences` foreign
    sentences or more, its Italian ones holding less than `Policy.main_share` of its words (a
    headline or a date line read as Italian on a French page is no Italian text)."""
    here = there = sentences = 0
    for text, det in units:
        if det.language == main:
            here += len(WORD.findall(text))
        elif det.spans:
            there += len(WORD.findall(text))
            sentences += 1
    return sentences >= p.foreign_sentences and here < p.main_share * (here + there)


def own_titles(units: Sequence[tuple[str, Detection]], zipf: Zipf, main: str, p: Policy) -> set[str]:
    """The titles a document gives as written: a phrase of its foreign spans that it writes
    `Policy.title_uses` times or more, its first word capitalised every time and once at
    least right after an Italian word, a content word in it ("Girl who got away", five times
    on a page about an album, in its heading, in quotes, in the tracklist; "Keep rock'n roll
    alive" three times in a review, unquoted; music pages, held out). A machine repeats its
    leftover in the sentence's lowercase ("broad commonality", seed 004). Keys as
    `_title_key` gives them."""
    texts = [text for text, _ in units]
    seen: set[str] = set()
    titles: set[str] = set()
    for text, det in units:
        for span in det.spans:
            for piece in _pieces(text[span.start : span.end]):
                words = _core(WORD.findall(piece))
                key = _title_key(words)
                if key in seen or not 2 <= len(words) <= p.max_title_words:
                    continue
                seen.add(key)
                if not words[0][0].isupper() or words[0].isupper():
                    continue
                if all(zipf(w.lower(), span.language) >= p.function_from for w in words):
                    continue  # "In the": a sentence's opening, not a title
                writes = regex.compile(
                    r"(?<![\p{L}\p{M}])" + r"\W+".join(map(regex.escape, words)) + r"(?![\p{L}\p{M}])",
                    regex.IGNORECASE,
                )
                hits = [(t, m.start()) for t in texts for m in writes.finditer(t)]
                if (
                    len(hits) >= p.title_uses
                    and all(t[a].isupper() for t, a in hits)
                    and any(_in_italian(t, a, zipf, main, span.language, p) for t, a in hits)
                ):
                    titles.add(key)
    return titles


def _pieces(phrase: str) -> list[str]:
    """A phrase cut where punctuation joins its parts: a heading's band and album ("The Rocker,
    Keep rock'n roll alive")."""
    return [piece for piece in _JOINS.split(phrase) if WORD.search(piece)]


def _title_key(words: list[str]) -> str:
    return " ".join(folded(" ".join(words)))


def _in_italian(text: str, at: int, zipf: Zipf, main: str, lang: str, p: Policy) -> bool:
    """Right after an Italian word, an opening quote between maybe: the Italian sentence names it
    ("questo Keep rock'n roll alive", "intitolato “Girl who got away”"). A capital after a
    foreign word or a code's quotes opens a clause a manual left untranslated ("D chord diagram
    Syntax rules for definition-string:", LilyPond's help; '"=cu_index" Displays the contents
    of', Debian's manual pages)."""
    before = regex.search(r"(?:^|\s)([\p{L}'’]+)$", text[:at].rstrip(" " + _OPEN))
    if before is None or not before.group(1)[0].islower():
        return False
    word = before.group(1).lower()
    return zipf(word, main) >= p.used_from and zipf(word, main) > zipf(word, lang)


def _of_titles(phrase: str, titles: set[str]) -> bool:
    """The span is one of the document's own titles, or a line naming one beside names
    ("The Rocker, Keep rock'n roll alive"; "Girl who got away - Dido")."""
    found = False
    for piece in _pieces(phrase):
        words = _core(WORD.findall(piece))
        if _title_key(words) in titles:
            found = True
        elif not all(w[0].isupper() for w in words):
            return False
    return found


def _like_a_title(text: str, span: Span, det: Detection, zipf: Zipf, main: str, p: Policy) -> bool:
    """On a page that gives its own titles, a phrase of their shape is one more: only its
    first word capitalised, as short as a title, the Italian sentence going on after it, a
    comma between maybe ("Let the music take control lo racconta", "o Under the low lights
    riferisce", in the review of "Keep rock'n roll alive"; held out), not where a manual's
    untranslated sentence ends or meets its code ("This defines a function named fname.",
    Debian's manual pages)."""
    words = WORD.findall(text[span.start : span.end])
    after = WORD.match(text[span.end :].lstrip(" ,"))
    return (
        det.language == main
        and after is not None  # the Italian sentence goes on after it
        and zipf(after.group().lower(), main) > max(p.used_from, zipf(after.group().lower(), span.language))
        and 0 < len(words) <= p.max_title_words
        and words[0][0].isupper()
        and not words[0].isupper()
        and all(w.islower() for w in words[1:])
        and not regex.search(r"[,;:]", text[span.start : span.end])
    )


# an embedded post printed as text: its words, then "— Name (@handle)" and maybe its date
# ("… see you next summer! — Coldplay (@coldplay) July 2, 2024"; ours), on the post's last
# line or on a line of its own after it, as a page embeds it ("— Name (@handle) 25 ottobre
# 2018"; a national daily's page, held out)
_SIGNER = r"[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)"  # "— Name (@handle)"
_POST_SHAPE = _SIGNER + r"[\s\p{L}\p{N},.]{0,30}$"
_POST_SIGNATURE = regex.compile(_POST_SHAPE)
_LONE_POST = regex.compile(r"^\s*" + _POST_SHAPE)
# or a short line naming its author and handle, as other sites sign an embedded post ("Un post
# condiviso da Name (@handle)", "A post shared by Name (@handle) on Jun 5, 2024 at 10:12am
# PDT"; ours, after entertainment news)
_HANDLE = regex.compile(r"\(@\w{1,30}\)")
_SIGNATURE_WORDS = 16  # such a line, its date and hour too; a sentence naming a handle is longer
# a post's picture, linked where the post's text ends ("*Crowd laughs* pic.twitter.com/ac4S84h37r";
# a news agency's page, held out): the lines before it, up to a signature, are the same post's,
# as many as one post holds (X's limit, in characters)
_POST_PICTURE = regex.compile(r"\bpic\.(?:twitter|x)\.com/\w+\W*$")
_POST_CHARACTERS = 280
# a post printed inside a paragraph, the paragraph going on after its signature and its date (a
# feed joins a page's lines: "… see you all next summer! — Band (@band) July 2, 2024 Il tour
# riprenderà …"; ours, after a news feed, held out)
_INLINE_POST = regex.compile(
    _SIGNER + r"\s+(?:\p{L}{3,9}\.?\s+\d{1,2},?|\d{1,2}\s+\p{L}{3,9})\s+(?:19|20)\d\d(?=\s+\p{Lu})"
)


# a photo's credit, agency and photographer, where a caption ends ("… Roma, 31 marzo 2025.
# ANSA/NOME COGNOME", "(AP Photo/Name Surname)", "REUTERS/Name Surname", and a wire's
# "+++ EDITORIAL USE ONLY +++" after it; ours, after Italian dailies' pages)
_CREDIT_SHAPE = r"\p{Lu}{2,}(?: Photo)?/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}\)?[\s+\p{Lu},./]*$"
_CREDIT = regex.compile(r"(?:^|(?<=[.!?»”\"’\]]\s{1,3})|(?<=\())" + _CREDIT_SHAPE)
_LONE_CREDIT = regex.compile(r"^\(?" + _CREDIT_SHAPE)
# or as picture agencies write it in brackets, the photographer's name after "Photo by" ("…
# in Spielberg, Austria. (Photo by Name Surname/Getty Images)", the page printing the name
# again after it; an English caption on a monthly's page, held out)
_PHOTO_BY = regex.compile(
    r"\((?:photo|foto|ph)\.?\s+(?:by|di)\s+[^()/\n]{2,60}/[^()\n]{2,60}\)[\p{L}\s.'’-]{0,40}$",
    regex.IGNORECASE,
)


# a photo's credit line after its caption: "foto via Reuters.com (François Mori/Pool)" (a
# blog's page, held out), "Foto Ansa", "Ph: Mario Rossi"
_PHOTO_WORD = regex.compile(rf"^\W*(?:{PHOTO_WORDS})\b", regex.IGNORECASE)
_PHOTO_LINE_WORDS = 8


def _photo_line(line: str) -> bool:
    return _PHOTO_WORD.match(line) is not None and len(WORD.findall(line)) <= _PHOTO_LINE_WORDS


def signature_line(line: str) -> bool:
    """A line that only signs the post or the photo before it ("— Name (@handle) date", "Un
    post condiviso da Name (@handle)", "ANSA/NAME SURNAME"): part of what it signs, so never
    a repetition of an earlier post's."""
    return (
        _LONE_POST.match(line) is not None
        or (_HANDLE.search(line) is not None and len(WORD.findall(line)) <= _SIGNATURE_WORDS)
        or _LONE_CREDIT.match(line.strip()) is not None
        or _PHOTO_BY.match(line.strip()) is not None
    )


_HEADING_WORDS = 10
_SENTENCE_END = regex.compile(r"[.!?…;:,]\W*$")  # a line ending on a colon introduces what follows
_BULLET = regex.compile(r"^\s*[-–•*·]\s")


def headings(paragraphs: Sequence[str], set_as: Collection[str] = ()) -> list[bool]:
    """For each paragraph: is it a heading, a line of its own up to `_HEADING_WORDS` words,
    not ended as a sentence is, over a paragraph of prose? A heading names what follows in
    the writer's words, a song's or a slogan's as often as not ("London calling, yes, I was
    there, too" over a blog's guide to London, held out); a machine leaves words and
    sentences inside the prose it translates. A line over another line is verse or a list,
    a song's line over its Italian one (`paired`), and not a heading, unless the page sets
    it as one: `set_as`, an HTML page's headings (`tokens.link_key`; an album's tracks as
    headings over their videos, "Into the West", held out)."""
    prose = [_SENTENCE_END.search(text) is not None for text in paragraphs]
    return [
        0 < len(WORD.findall(text)) <= _HEADING_WORDS
        and "\n" not in text.strip()
        and (
            link_key(text) in set_as
            or (
                k + 1 < len(paragraphs)
                and prose[k + 1]
                and not prose[k]
                and _BULLET.match(text) is None  # a list's item, its prose ("- Top toolbars (file …)")
            )
        )
        for k, text in enumerate(paragraphs)
    ]


def signed(paragraphs: Sequence[str], credits: Sequence[bool] = ()) -> list[bool]:
    """For each paragraph: does it end on its author's signature? A social post the page
    embeds (a tweet's text with its author's handle) and a photo's caption with its credit
    (on its last line, or alone after it: "ANSA/NAME SURNAME", or a line `credits` marks,
    the boilerplate's credit lines: "(Foto Ansa)") are shown as their authors wrote them, in
    whatever language: a news agency captions its photos in English. A post's lines the page
    printed around its signature end where its picture is linked (`_POST_PICTURE`)."""
    out = []
    for k, text in enumerate(paragraphs):
        after = paragraphs[k + 1].strip() if k + 1 < len(paragraphs) else ""
        out.append(
            _POST_SIGNATURE.search(text) is not None
            or signature_line(text)
            or _CREDIT.search(text) is not None
            or _PHOTO_BY.search(text) is not None
            or (bool(after) and (signature_line(after) or _photo_line(after)))
            or (k + 1 < len(credits) and credits[k + 1])
        )
        if _POST_PICTURE.search(text):
            out[k] = True
            size, j = len(text), k - 1
            while (
                j >= 0 and not signature_line(paragraphs[j]) and size + len(paragraphs[j]) <= _POST_CHARACTERS
            ):
                out[j] = True
                size, j = size + len(paragraphs[j]), j - 1
    return out


def inline_posts(paragraph: str) -> list[str]:
    """The posts a paragraph prints inside it, each signed and dated, the paragraph's own text
    going on after it (`_INLINE_POST`): each as much as a post holds before its signature
    (`_POST_CHARACTERS`), with the signature. A post keeps its author's words, as `signed`."""
    return [
        paragraph[max(0, m.start() - _POST_CHARACTERS) : m.end()] for m in _INLINE_POST.finditer(paragraph)
    ]


# a reference list's entry: its authors and the year first, then the work's title in the
# language and the case the work has ("Zuboff, S. (2019). The age of surveillance
# capitalism…", "Couldry, N., & Mejias, U. A. (2019). The costs of connection…"; ours)
_REFERENCE = regex.compile(
    r"^\W{0,3}\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}.]*[^()]{0,120}\((?:1[5-9]|20)\d\d[a-z]?\)\.?\s"
)


# or as medicine cites (Vancouver): numbered maybe, surnames and initials, the title, the
# journal, then year;volume ("2. Chen R et al. Publication and reporting of clinical trial
# results: … BMJ 2016;352:i637"; a health blog, held out)
_JOURNAL_REFERENCE = regex.compile(
    r"^\W{0,3}(?:\d{1,3}[.)]\s+)?\p{Lu}[\p{L}'’-]+\s\p{Lu}{1,3}(?:,\s\p{Lu}[\p{L}'’-]+\s\p{Lu}{1,3})*"
    r"(?:,?\s+et\s+al)?\.\s.{10,400}\b(?:1[5-9]|20)\d\d(?:\s\p{L}{3,9})?;\s?\d"
)


def cited(paragraphs: Sequence[str]) -> list[bool]:
    """For each paragraph: is it an entry of a reference list? A title there is the work's, not
    a machine's sentence."""
    return [
        _REFERENCE.match(text) is not None or _JOURNAL_REFERENCE.match(text) is not None
        for text in paragraphs
    ]


def announced(paragraphs: Sequence[tuple[str, Sequence[Detection]]], main: str = "it") -> list[bool]:
    """For each paragraph (its text and its sentences' detections): is it one of the foreign
    lines a lead-in announces, as the lines of a song or a poem after "Il ritornello dice:"
    (ours)? An Italian sentence's colon quotes what follows it, line after line, until the
    Italian resumes: lines as short as verse, or a message quoted whole, `QUOTED_PARAGRAPHS`
    foreign paragraphs or more in a row (a short line between two of them, a title and its
    link, read as either language; a blog quoting an English mail, held out). One foreign
    paragraph of prose after a colon may be a machine's; a machine leaves no run of them
    after the sentence that announces them."""
    n = len(paragraphs)
    foreign = [bool(dets) and all(d.language != main for d in dets) for _, dets in paragraphs]
    short = [len(WORD.findall(text)) <= VERSE_MAX_WORDS for text, _ in paragraphs]
    out = [False] * n
    for k, (text, dets) in enumerate(paragraphs):
        if not (dets and dets[-1].language == main and text.rstrip().endswith(":")):
            continue
        j = k + 1
        while j < n and foreign[j] and short[j]:  # lines of verse
            out[j] = True
            j += 1
        run, j = [], k + 1
        while j < n and (foreign[j] or (run and short[j] and j + 1 < n and foreign[j + 1])):
            run.append(j)
            j += 1
        if sum(foreign[x] for x in run) >= QUOTED_PARAGRAPHS:
            for x in run:
                out[x] = True
    return out


QUOTED_PARAGRAPHS = 3  # foreign paragraphs in a row after a lead-in: a message quoted whole


# where a span may join two phrases the page sets apart: punctuation between them
_JOINS = regex.compile(r"[,;:|()\[\]{}«»“”\"]+|\s[-–—]\s")


def _joined(text: str, span: Span) -> str:
    """The span with the characters joined to it on either side, up to a space: the call
    or the assignment a span's words belong to ("AddItem(menuitem"): code, when that is
    shaped as code, as is every span of a sentence shaped as code ("La funzione MsgBox(
    prompt: str, buttons = svc.MB_OK ) apre…", "\\chordmode { c1:2 c:3 }"; ours, after
    LibreOffice's and LilyPond's Italian help)."""
    start, end = span.start, span.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _set_apart(text: str, span: Span, apart: list[str], joiner: Callable[[str], bool]) -> bool:
    """The span's words lie inside one phrase the page sets apart (word for word), or each
    part of it between punctuation or a grammar word of the main language (`joiner`) does:
    detection reads two code elements and what joins them as one span ("<code>root</code>:
    <code>apt-get install aptitude</code>", "<code>package</code> o
    <code>source-package</code>"; Debian's manuals)."""
    if not apart:
        return False
    parts = []
    for part in _JOINS.split(text[span.start : span.end]):
        words: list[str] = []
        for w in [*folded(part), ""]:
            if w and not joiner(w):
                words.append(w)
            elif words:
                parts.append(f" {' '.join(words)} ")
                words = []
    return bool(parts) and all(any(phrase in m for m in apart) for phrase in parts)


def _decide(
    text: str,
    span: Span,
    det: Detection,
    zipf: Zipf,
    main: str,
    p: Policy,
    sign: str | None,
    others: int,
    settled: bool = False,
    announced: bool = False,
    long_sign: bool = True,
) -> tuple[str | None, str]:
    """(why kept, or None) and, for a leftover, the evidence that made it one. `settled`: the
    document is long Italian, its signs all short (see `Policy.fluent_sentences`);
    `long_sign`: one of its signs is a whole foreign sentence or a longer phrase."""
    # this document holds other signs of machine output, and they count
    machine = others >= p.machine_signs - 1 and not settled
    # what the writer set off (quotation marks, brackets) or kept as short as a slogan is
    # theirs unless the document shows a machine leaving whole sentences or long phrases:
    # a page with two terms of its own ("short squeeze", "always on") quotes "c'est la vie"
    set_off_machine = machine and long_sign
    n = others + (sign is not None)
    signs = f"{n} sign{'s' if n != 1 else ''}"
    doc = f"{signs} {_MACHINE_DOCUMENT}" if long_sign else f"{signs} in the document, all short"
    whole = det.language != main
    if not whole and named(text, span.start, span.end):
        # the sentence gives it as written ("dall'inglese chronic wasting disease", "il termine
        # inglese"): the writer's, quoted or bracketed, whatever else the document holds
        return "title", ""
    if announced or (_whole_quote(text) if whole else _speech(text, span)):
        return (None, f"quoted, in {doc}") if set_off_machine else ("quote", "")
    if _bracketed(text, span.start, span.end):
        return (None, f"bracketed, in {doc}") if set_off_machine else ("gloss", "")
    if not whole and _glossed_after(text, span, zipf, main, p):
        return "gloss", ""
    if whole:
        if _title_case(text, span.language, zipf, p):
            return "title", ""
        if not _short(text, p):
            return None, f"a whole {span.language} sentence"
        return (None, f"a short {span.language} sentence, in {doc}") if set_off_machine else ("uncertain", "")
    words = WORD.findall(text[span.start : span.end])
    if (
        _titled(text, span, words, zipf, p)
        or _topic(text, span, zipf, p)
        or _opens_title(text, span, words, p)
        or _work_cited(text, span, words)
    ):
        return "title", ""
    terms = _terms(words, span.language, zipf, main)
    if terms and all(_loan(term, span.language, zipf, main, p) for term in terms):
        return "loanword", ""
    if settled and len(words) <= p.max_title_words and not _closing_clause(text, span):
        return "uncertain", ""  # a term or a saying in a long Italian document
    if len(words) == 1:  # detection's lone words, Italian does not use them: a writer's choice
        # too, when the document shows no other sign of machine output ("throughput")
        return (None, f"{sign}, in {doc}") if sign and machine else ("uncertain", "")
    if sign:
        return None, sign if not machine else f"{sign}, in {doc}"
    # no sign of its own: a leftover only beside a machine's whole sentence or longer phrase;
    # beside lone words it is one more term of a writer who uses them ("seed ed early stage"
    # beside "founder"; a page on start-ups, held out)
    return (None, doc) if set_off_machine else ("uncertain", "")


def _sign(text: str, span: Span, det: Detection, zipf: Zipf, main: str, p: Policy) -> str | None:
    """What marks this span as machine output, if anything: a whole foreign sentence that is
    not a quotation, words Italian does not use, or a long plain lowercase phrase. A span
    the writer's own marks explain (quotation marks, brackets) is no evidence of a machine:
    it is translated only where other spans give that evidence."""
    if det.language != main:
        if _whole_quote(text) or _short(text, p) or _title_case(text, span.language, zipf, p):
            return None
        return f"a whole {span.language} sentence"
    words = WORD.findall(text[span.start : span.end])
    if (
        _speech(text, span)
        or _bracketed(text, span.start, span.end)
        or _glossed_after(text, span, zipf, main, p)
        or _named(text, span, zipf, p)
        or _opens_title(text, span, words, p)
        or _work_cited(text, span, words)
    ):
        return None
    unused = [w for w in words if w.islower() and _unused(w, span.language, zipf, main, p)]
    if unused:
        return "words Italian does not use: " + ", ".join(dict.fromkeys(unused))
    grammar = [w for w in words if _grammar(w, span.language, zipf, main, p)]
    if len(grammar) >= 2:  # writers borrow nouns and names, not another language's syntax
        return f"{span.language} grammar words: " + ", ".join(dict.fromkeys(grammar))
    longest = max(_terms(words, span.language, zipf, main), key=len, default=[])
    if len(longest) >= p.long_phrase and sum(w.islower() for w in longest) >= p.long_phrase - 1:
        return f"a plain {span.language} phrase of {len(longest)} words"
    # (not on a grammar word of Italian too: the Italian after it may be what it needs, as
    # "le" in "vicine le une le altre", LibreOffice's Italian help, read as French "le une le")
    if (
        len(words) >= 2
        and words[-1].islower()
        and open_ended(words, span.language)
        and zipf(words[-1].lower(), main) < _GRAMMAR
    ):
        return f"an {span.language} phrase cut before its end: {words[-1]}"
    if len(words) >= 2 and open_headed(words, span.language):
        return f"an {span.language} phrase opened by its own article or conjunction: {words[0]}"
    return None


_MACHINE_DOCUMENT = "of machine translation in the document"

_STEM = 5  # letters that make a word's stem, enough to match 'accogliervi' and 'accogliere'
_GRAMMAR = GRAMMAR_ZIPF  # an Italian word this frequent says nothing of the content ("questo", "della")


def glossed(
    translation: str, before: str, after: str, zipf: Zipf, main: str = "it", policy: Policy | None = None
) -> bool:
    """Does the Italian right before or right after a foreign span already say what the
    span's translation says? Then the writer gave both, the words and their translation
    ("Nous sommes très heureux de vous accueillir. Siamo molto felici di accogliervi,
    ha aggiunto"; "never give up, non arrendersi mai"; ours), and the span is theirs. A
    machine leaves words instead of translating them, not beside their translation.
    `before` and `after` are the Italian around the span, up to the nearest other foreign
    text; the gloss must lie within the translation's length (and `gloss_reach` words)."""
    p = policy or Policy()
    return _gist_beside(translation, before, after, zipf, main, p) or _version_beside(
        translation, before, after, p
    )


def _gist_beside(translation: str, before: str, after: str, zipf: Zipf, main: str, p: Policy) -> bool:
    """`glossed` by content words: enough of the translation's (`gloss_words`, and more than
    `gloss_share` of them) among the words right before or right after the span."""
    gist = _gist(translation, zipf, main)
    if len(gist) < p.gloss_words:
        return False
    n = len(WORD.findall(translation))
    reach = n + p.gloss_reach
    # a pair only when the span and its gloss are all the text around them
    pairs = (_pair(before, n, p) and not WORD.search(after), _pair(after, n, p) and not WORD.search(before))
    near = (WORD.findall(before)[-reach:], WORD.findall(after)[:reach])
    for words, whole in zip(near, pairs, strict=True):
        same = len(gist & _gist(" ".join(words), zipf, main))
        share = p.pair_share if whole else p.gloss_share
        if same >= p.gloss_words and same > share * len(gist):
            return True
    return False


_VERSION_MARK = "–—-:"  # what sets a title's Italian version beside it


def _version_beside(translation: str, before: str, after: str, p: Policy) -> bool:
    """A short title or term and its Italian version side by side, a dash or a colon between
    ("Beyond the river – Oltre il fiume, il film di…"; ours, after a feed's film titles):
    every word of four letters or more of the translation among as many words there. A short
    title has one content word ("oltre" is a grammar word), so these count all its longer
    words; an article the pivot got wrong ("lo fiume") is too short to count."""
    stems = _stems(translation)
    if len(stems) < p.gloss_words:
        return False
    n = len(WORD.findall(translation)) + 1
    after, before = after.lstrip(), before.rstrip()
    sides = []
    if after[:1] and after[0] in _VERSION_MARK:
        sides.append(WORD.findall(after[1:])[:n])
    if before[-1:] and before[-1] in _VERSION_MARK:
        sides.append(WORD.findall(before[:-1])[-n:])
    return any(stems <= {fold(w)[:_STEM] for w in folded(" ".join(side))} for side in sides)


def paired(
    lines: Sequence[tuple[str | None, str | None]], zipf: Zipf, main: str = "it", policy: Policy | None = None
) -> list[bool]:
    """For each paragraph of a document, as (its translation if it is all foreign, its text
    if it is all Italian): is it a line given in two languages, its Italian translation the
    paragraph right before or after it? Where a document sets two such pairs or more, as
    pages of quotations and song lyrics do ("Courage is going from failure to failure…",
    then "Coraggio è passare di fallimento in fallimento…"; a page of Churchill's sayings,
    held out); a machine leaves a foreign paragraph beside Italian on its topic now and
    then, not as the page's layout. On such a page a line of verse beside an Italian one is
    given in two languages too, however little of it the translation matches ("I am, I said
    |", then "“Io sono”, l'ho detto |"; a page of lyrics, held out). One pair alone counts
    when the Italian repeats the translation nearly word for word (`_close`)."""
    p = policy or Policy()
    n = len(lines)
    # the words the page's Italian keeps using say its topic, not what one line says ("campo",
    # "gruppo" in a manual's options): a translation is matched on the others
    topic = _page_topic(lines, zipf, main, p)
    said = {
        (k, j)
        for k, (translation, _) in enumerate(lines)
        if translation is not None
        for j in (k - 1, k + 1)
        if 0 <= j < n
        and lines[j][1] is not None
        and _says(translation, lines[j][1] or "", zipf, main, p, topic)
    }
    # a translation says one thing: an Italian paragraph that says what both its foreign
    # neighbours say shares their topic, not their words (a manual's untranslated option
    # beside translated ones: "If this field is empty…", "Se questo campo è numerico…";
    # Debian's manual pages, held out), and so does a foreign one matching both its sides
    out, verse = [], []
    for k, (translation, _) in enumerate(lines):
        sides = [lines[j][1] for j in (k - 1, k + 1) if 0 <= j < n]
        mine = [j for j in (k - 1, k + 1) if (k, j) in said]
        out.append(len(mine) == 1 and sum((f, mine[0]) in said for f in (mine[0] - 1, mine[0] + 1)) == 1)
        verse.append(
            translation is not None
            and len(WORD.findall(translation)) <= VERSE_MAX_WORDS
            and any(side is not None for side in sides)
        )
    if sum(out) < p.pairs_in_document:
        # one pair alone: a long paragraph its neighbour says nearly word for word (a page of
        # quotations gives a speaker's French after its Italian, held out); a machine's stray
        # paragraph shares its neighbour's topic, half its content words at most (dev-flores)
        return [
            ok
            and any(
                _close(lines[k][0] or "", lines[j][1] or "", zipf, main, p, topic)
                for j in (k - 1, k + 1)
                if (k, j) in said
            )
            for k, ok in enumerate(out)
        ]
    return [a or b for a, b in zip(out, verse, strict=True)]


def given_twice(
    lines: Sequence[tuple[str | None, str | None]], zipf: Zipf, main: str = "it", policy: Policy | None = None
) -> list[bool]:
    """For each paragraph of a document, as `paired` takes them: is it part of the foreign
    version of a page written twice, its Italian version elsewhere on the page, the
    versions in the same order (an English section, then "Italiano" and the same post again;
    a blog's bilingual post, held out)? `Policy.twice_lines` such paragraphs or more, each
    part of the page in one language, make the page's layout: a machine leaves a paragraph
    untranslated here and there, never a second copy of the page in order; and a manual
    translated in part mixes its untranslated paragraphs with the others, sharing their
    topic. Each Italian paragraph is one paragraph's version at most."""
    p = policy or Policy()
    out = [False] * len(lines)
    foreign = [k for k, (translation, _) in enumerate(lines) if translation is not None]
    italian = [j for j, (_, text) in enumerate(lines) if text is not None]
    if len(foreign) < p.twice_lines or len(italian) < p.twice_lines:
        return out
    topic = _page_topic(lines, zipf, main, p)
    size = [len(WORD.findall(translation or text or "")) for translation, text in lines]
    gists = [_gist(translation or text or "", zipf, main) - topic for translation, text in lines]
    # (k, j): foreign paragraph k says what Italian paragraph j says (`_says`)
    said = [
        (k, j)
        for k in foreign
        for j in italian
        if _agree(size[k], size[j], len(gists[k]), len(gists[k] & gists[j]), p)
    ]
    chain = _in_order(said)
    if len(chain) < p.twice_lines:
        return out
    # the two versions are two parts of the page, one after the other; every foreign paragraph
    # of the foreign part belongs to that version, matched or not (its own introduction, a
    # line the Italian put otherwise), and so does any paragraph between its matched ones (one
    # that opens with an Italian-read "Yep!" before its English)
    first, last = chain[0][1], chain[-1][1]  # the Italian version's ends
    if chain[-1][0] < first:
        return [k < first and (tr is not None or k <= chain[-1][0]) for k, (tr, _) in enumerate(lines)]
    if chain[0][0] > last:
        return [k > last and (tr is not None or k >= chain[0][0]) for k, (tr, _) in enumerate(lines)]
    return out


def _page_topic(lines: Sequence[tuple[str | None, str | None]], zipf: Zipf, main: str, p: Policy) -> set[str]:
    """The stems of the page's topic: those `Policy.topic_lines` of its Italian paragraphs or
    more use, which say what the page is about, not what one line says."""
    uses = Counter(stem for _, text in lines if text is not None for stem in _gist(text, zipf, main))
    return {stem for stem, count in uses.items() if count >= p.topic_lines}


def _in_order(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (k, j) matches, given in order of k, whose k and j both rise:
    each j after the last (patience sorting; a k's own matches taken from the highest j
    down, so no chain holds two of them)."""
    ordered = sorted(matches, key=lambda m: (m[0], -m[1]))
    tails: list[int] = []  # tails[n]: the lowest j that ends a chain of n + 1 matches
    ends: list[int] = []  # ... and the index of that match
    before: list[int] = []  # each match's predecessor in its chain (-1: none)
    for i, (_, j) in enumerate(ordered):
        n = bisect.bisect_left(tails, j)
        before.append(ends[n - 1] if n else -1)
        if n == len(tails):
            tails.append(j)
            ends.append(i)
        else:
            tails[n], ends[n] = j, i
    chain, i = [], ends[-1] if ends else -1
    while i >= 0:
        chain.append(ordered[i])
        i = before[i]
    return chain[::-1]


def _says(translation: str, side: str, zipf: Zipf, main: str, p: Policy, topic: Collection[str] = ()) -> bool:
    """The Italian says what the translation says: about as long (a pivot's translation is
    terser than a writer's), and a share of its content words, the page's `topic` aside."""
    n, m = len(WORD.findall(translation)), len(WORD.findall(side))
    return _agree(n, m, *_shared_gist(translation, side, zipf, main, topic), p)


def _agree(n: int, m: int, gist: int, same: int, p: Policy) -> bool:
    """`_says`, counted: `n` and `m` words, `same` of the translation's `gist` content words
    in the Italian."""
    near = abs(n - m) <= max(2, p.paired_length * max(n, m))
    return near and same >= p.gloss_words and same > p.pair_share * gist


def _close(
    translation: str, side: str, zipf: Zipf, main: str, p: Policy, topic: Collection[str] = ()
) -> bool:
    """The Italian repeats most content words of a long translation (`single_pair_words`,
    `single_pair_share`): its own version of the paragraph, not one on its topic."""
    gist, same = _shared_gist(translation, side, zipf, main, topic)
    return gist >= p.single_pair_words and same >= p.single_pair_share * gist


def _shared_gist(
    translation: str, side: str, zipf: Zipf, main: str, topic: Collection[str] = ()
) -> tuple[int, int]:
    """How many content words the translation has, the page's `topic` aside, and how many
    of them the Italian beside it has too."""
    gist = _gist(translation, zipf, main) - set(topic)
    return len(gist), len(gist & _gist(side, zipf, main))


def _pair(side: str, n: int, p: Policy) -> bool:
    """The Italian beside is one whole sentence of the translation's length: with the span, a
    line given in two languages ("Moments that take our breath away. Momenti che ci tolgono il
    respiro."; a game site quoting a trailer, held out), where a looser match says the same
    thing."""
    side = side.strip()
    words = WORD.findall(side)
    return (
        bool(words)
        and side[:1].isupper()
        and ends_sentence(side)
        and len(split.sentences(side)) == 1
        and as_long(n, len(words), p)
    )


def as_long(n: int, m: int, policy: Policy | None = None) -> bool:
    """A gloss of `m` words is about as long as the `n` words it translates."""
    return abs(m - n) <= max(2, (policy or Policy()).pair_length * n)


def _gist(text: str, zipf: Zipf, main: str) -> set[str]:
    """The stems of a text's content words: four letters or more, not grammar words."""
    return _stems(text, lambda w: zipf(w, main) < _GRAMMAR)


def _stems(text: str, keep: Callable[[str], bool] = lambda w: True) -> set[str]:
    """The stems of a text's words of four letters or more (after an elision: "dell'acqua"
    → "acqua") that `keep` keeps."""
    return {fold(w)[:_STEM] for w in folded(text) for w in [w.rsplit("'", 1)[-1]] if len(w) >= 4 and keep(w)}


def in_machine_document(reason: str | None) -> bool:
    """A leftover's evidence (`Span.leftover`) counts its document's other signs of machine
    output, one of them a whole sentence or a longer phrase: the strongest evidence there
    is, beside which a short phrase's translation needs only half its words to come back.
    Signs all as short as a writer's terms ("short squeeze", "cost cutting"; ours) are not
    that strong."""
    return reason is not None and _MACHINE_DOCUMENT in reason


def short_terms(phrase: str, language: str, zipf: Zipf, main: str = "it", p: Policy | None = None) -> bool:
    """Each term of the phrase as short as a writer's borrowing (max_loan_words): a span an
    Italian article or conjunction runs through is the terms the writer lists ("il quiet
    quitting, il quiet hiring e il quiet firing"; a bookshop's page, held out), not one
    long phrase."""
    terms = _terms(WORD.findall(phrase), language, zipf, main)
    return all(len(term) <= (p or Policy()).max_loan_words for term in terms)


def _inner_phrase(text: str, span: Span, det: Detection, main: str, p: Policy) -> bool:
    """A phrase of a few words (max_title_words) inside an Italian sentence, Italian words
    before and after it, or opening it set off by a comma before an Italian clause ("Last
    but not least, è il tipo naturale per…"; a blog, held out): where writers put a saying,
    not where a machine leaves the clause that opens or closes a sentence ("These are common
    features described in Sezione 8.1.1"; GIMP's Italian manual)."""
    rest = text[span.end :]
    return (
        det.language == main
        and len(WORD.findall(text[span.start : span.end])) <= p.max_title_words
        and (
            bool(WORD.search(text, 0, span.start))
            or (rest.lstrip().startswith(",") and len(WORD.findall(rest)) >= _CLAUSE_WORDS)
        )
        and not _closing_clause(text, span)
    )


_CLAUSE_WORDS = 4  # an Italian clause after a sentence's opening phrase and its comma


def _closing_clause(text: str, span: Span) -> bool:
    """The span is the sentence's last clause, after a comma, however short (", the ADT
    Corporation."): where a machine leaves the rest of a sentence, not where a term stands.
    A last word detection left out is the clause's too (", a site focused on talk radio.")."""
    before = text[: span.start].rstrip()
    return before.endswith((",", ";")) and len(WORD.findall(text[span.end :])) <= 1


def _short(text: str, p: Policy) -> bool:
    """A whole sentence of a few words ("Game over.", "Thank you all!"; ours)."""
    return len(WORD.findall(text)) <= p.short_sentence


def _unused(word: str, lang: str, zipf: Zipf, main: str, p: Policy) -> bool:
    """A word of `lang` that Italian text does not use: rare in Italian ("commonality"), or
    short of Italian usage and a hundred times more frequent in its own language
    ("questions": Zipf 2.9 in Italian, 5.2 in English; "cycle", 2.9 against 4.6, is not)."""
    own, here = zipf(word, lang), zipf(word, main)
    return own >= p.foreign_from and (
        here < p.unused_below or (here < p.used_from and own - here >= p.foreign_margin)
    )


def _key(text: str, span: Span) -> str:
    """One sign per phrase, however its edges were cut ("la mise en place", "mise en place")."""
    return " ".join(_core(folded(text[span.start : span.end]))) or text[span.start : span.end].strip().lower()


def _core(words: list[str]) -> list[str]:
    """A phrase's words without the articles at its edges: "la mise en place" is the term
    "mise en place"."""
    while words and words[0].lower() in _EDGE_ARTICLES:
        words = words[1:]
    while words and words[-1].lower() in _EDGE_ARTICLES:
        words = words[:-1]
    return words


_EDGE_ARTICLES = _ARTICLES | frozenset("il lo i gli la le l un uno una".split())


def _term(words: list[str], uses: Counter[str], prose: str, used: Callable[[str], bool], p: Policy) -> bool:
    """The document's Italian keeps using this word (`Policy.term_uses`) or this phrase of a
    few words Italian text uses (`Policy.phrase_uses`): the subject's term, as the writer
    names it. A machine repeats its leftover too, but in words Italian does not use ("broad
    commonality", three times in our case after the seeds)."""
    if len(words) == 1:
        return uses[words[0]] >= p.term_uses
    return (
        2 <= len(words) <= p.max_loan_words
        and all(used(w) for w in words)
        and prose.count(f" {' '.join(words)} ") >= p.phrase_uses
    )


def _terms(words: list[str], lang: str, zipf: Zipf, main: str) -> list[list[str]]:
    """The span's words split where an Italian conjunction or preposition joins them: terms
    the writer lists in Italian ("seed ed early stage", "machine learning e natural language
    processing"; pages on start-ups and chatbots, held out) are terms, each judged alone,
    where a machine that had left a phrase would have left its "and" too."""
    out: list[list[str]] = [[]]
    for w in words:
        if grammar_of(w.lower(), main, lang, frequency=zipf):
            out.append([])
        else:
            out[-1].append(w)
    return [t for t in out if t]


def _loan(words: list[str], lang: str, zipf: Zipf, main: str, p: Policy) -> bool:
    """A loan phrase: short, no grammar words of its language, every word one Italian uses."""
    grammar = [w for w in words if zipf(w.lower(), lang) >= p.function_from]
    content = [w for w in words if w not in grammar]
    return (
        bool(content)
        and not grammar
        and len(words) <= p.max_loan_words
        and all(zipf(w.lower(), main) >= p.used_from for w in content)
    )


def _grammar(word: str, lang: str, zipf: Zipf, main: str, p: Policy) -> bool:
    """A grammar word of `lang` that Italian text does not use as much ("the", "que", "sont")."""
    w = word.lower()
    z = zipf(w, lang)
    return z >= p.function_from and z - zipf(w, main) >= p.grammar_margin


# a headline's label: up to three words and a colon, quoted maybe ('"Nuove serie": ', "Da vedere: ")
_LABEL_HEAD = regex.compile(r"^\W*\p{L}+(?:\s\p{L}+){0,2}[”\"»’]?:\s+")


def _title_case(text: str, lang: str, zipf: Zipf, p: Policy) -> bool:
    """A whole sentence in title case: a reference's author and title ("- Elaine Gould,
    Behind Bars: the Definitive Guide to Music Notation.", LilyPond's Italian manual), a
    heading, an institution: a machine leaves sentences in sentence case. Three capitalised
    words at least, the last one too; the others short grammar words (articles, prepositions,
    conjunctions: four letters at most), never three in a row, as an instruction naming
    buttons has them ("Switch on one or both of Automatically Delete …", GNOME's help). A
    headline's label before a colon may be in the sentence's language (`_LABEL_HEAD`): what
    follows it counts."""
    words = WORD.findall(text)
    caps = sum(w[0].isupper() and not w.isupper() for w in words)
    if caps < 3 or not words[-1][0].isupper():
        return False
    if (label := _LABEL_HEAD.match(text)) and _title_case(text[label.end() :], lang, zipf, p):
        return True
    run = 0
    for w in words:
        if w[0].isupper():
            run = 0
            continue
        run += 1
        if run >= 3 or len(w) > 4 or zipf(w.lower(), lang) < p.function_from:
            return False
    return True


def _titled(text: str, span: Span, words: list[str], zipf: Zipf, p: Policy) -> bool:
    """A short phrase opening with a capitalised common word inside the sentence, the way
    Italian writes titles in sentence case ("i personaggi di Illusions perdues"): not after
    a sentence's or a quotation's start, no comma or colon inside, the first word an
    ordinary word of its language rather than a name ("Jon took me") or a grammar word. An
    article before it is the sentence's, as before a name written in the French way, only its
    first word capitalised ("secondo la Cour de cassation", "l'Autorité des marchés
    financiers"; ours), but not in a sentence's closing clause, where a machine leaves the rest
    of a sentence (", the Church could hold 180 worshippers."; lingua)."""
    if not _closing_clause(text, span):
        if len(words) > 1 and words[0] in _ARTICLES:
            words = words[1:]
        elif words and regex.match(r"[ld][’']\p{Lu}", words[0]):
            words = [words[0][2:], *words[1:]]
    if not words or len(words) > p.max_title_words or not words[0][:1].isupper() or words[0].isupper():
        return False
    if open_ended(words, span.language):  # a cut, not a title ("Reading in the")
        return False
    before = text[: span.start].rstrip()
    if (
        not before
        or before[-1] in ".!?:;" + _OPEN + _CLOSE
        or regex.search(r"[,;:]", text[span.start : span.end])
    ):
        return False
    return p.used_from <= zipf(words[0].lower(), span.language) < p.function_from


def _opens_title(text: str, span: Span, words: list[str], p: Policy) -> bool:
    """A title its own capitalised article opens right after its author's name, inside the
    Italian sentence ("l'inedito del maestro Orson Welles The other side of the wind", "dei
    fratelli Coen The Ballad of Buster Scruggs"; a page on a film festival, held out): English
    and French capitalise an article inside a sentence only where a title or a name begins,
    and a machine leaves a sentence's words in their own case. The name is what tells a title
    from a sentence's opening words dropped into another one ("modifiche An act of the highest
    importance", the phrase benchmark's cut). The title as short as one, not cut before its
    end, nothing set off inside it."""
    for k, word in enumerate(words):
        if not word[0].isupper():
            return False
        if word.lower() in _ARTICLES:
            title = words[k:]
            break
    else:
        return False
    before = text[: span.start].rstrip()
    if k == 0 and not before[-1:].isalpha():
        return False  # the name right before it, nothing between
    lead = [*WORD.findall(before), *words[:k]]
    name = 0  # the capitalised words right before the article
    while name < len(lead) and lead[-1 - name][0].isupper():
        name += 1
    return (
        0 < name < len(lead)  # a name, after the sentence's own words
        and len(title) <= p.max_title_words
        and not open_ended(title, span.language)
        and not regex.search(r"[,;:()\[\]]", text[span.start : span.end])
    )


_CITED_YEAR = regex.compile(r"\s*[,(]\s*(?:1[5-9]|20)\d\d\b")


def _work_cited(text: str, span: Span, words: list[str]) -> bool:
    """A capitalised phrase a year follows, after a comma or in brackets: a work cited in the
    sentence, its title and maybe its publisher ("Thomas S Kuhn più di vent'anni fa (The
    structure of scientific revolutions, The University of Chicago Press, 1962, tradotto in
    italiano per Einaudi…)", VIT, held out; "Hannah Arendt, The origins of totalitarianism,
    1951, che…", ours). The span ends on a word: "on May 4, 2019" is a date."""
    return (
        bool(words)
        and words[0][0].isupper()
        and text[span.end - 1 : span.end].isalpha()
        and _CITED_YEAR.match(text, span.end) is not None
    )


def _named(text: str, span: Span, zipf: Zipf, p: Policy) -> bool:
    """The sentence names the span as written: a headline's topic, or after a naming word or
    the noun for a work (`shape.named`)."""
    return _topic(text, span, zipf, p) or named(text, span.start, span.end)


def _topic(text: str, span: Span, zipf: Zipf, p: Policy) -> bool:
    """A short phrase that opens the sentence and a comma or colon sets off, the Italian
    going on after it: the topic a headline or a lead names first, as Italian news writes
    them ("Quiet quitting, il fenomeno che spaventa le aziende"; "Cost of living: la
    protesta arriva a Milano"; ours). A topic is named by a noun, after its article maybe
    ("The show must go on, negli anni, …"; lingua), not opened by another grammar word as
    an adverbial clause is ("In the meantime, …")."""
    if text[: span.start].strip(" " + _OPEN + "-–—"):
        return False
    after = text[span.end :].lstrip()
    words = WORD.findall(text[span.start : span.end])
    return (
        after[:1] in (",", ":")
        and 0 < len(words) <= p.max_title_words
        and (words[0].lower() in _ARTICLES or zipf(words[0].lower(), span.language) < p.function_from)
        and len(WORD.findall(after)) >= p.max_loan_words
    )


def _speech(text: str, span: Span) -> bool:
    """The span is (nearly) all of a quotation, or opens one with a capital (`_opens_quote`),
    or is speech the sentence gives after a colon without quotation marks, up to its end or a
    comma ("ha ribadito: nous ne lâcherons rien, prima di uscire"; ours)."""
    if _quoted(text, span.start, span.end) or _opens_quote(text, span):
        return True
    if not text[: span.start].rstrip().endswith(":"):
        return False
    after = text[span.end :].lstrip()
    return not after or after[0] in ",;" or not any(c.isalpha() for c in after)


def _opens_quote(text: str, span: Span) -> bool:
    """The span opens a quotation with a capital, the quotation closing after it: a title
    quoted as its writers wrote it, half in English ("al convegno ‘Skills shortage e nuove
    competenze: cosa cambia per le imprese’", "(«Over the moon - Canzoni d'autore dal
    vivo»)"; ours, after a feed's conference and show titles)."""
    before = text[: span.start].rstrip()
    # (a straight '"' that pairing left as it was may close a quotation as well as open one)
    if (
        not before
        or before[-1] not in _OPEN.replace('"', "")
        or not text[span.start : span.start + 1].isupper()
    ):
        return False
    # the quotation closes after the span, not inside it ("gli 'Aperitifs' contrôle des travaux")
    end = next((k for k in range(span.start, len(text)) if _closes(text, k)), None)
    return end is not None and end >= span.end


def _quoted(text: str, start: int, end: int) -> bool:
    """text[start:end] is (nearly) all of one quotation: an opening mark before it and a
    closing mark after it, no mark between, at most two words more inside (a straight "'"
    and a "’" before a letter are apostrophes). A word inside a longer quotation of Italian
    is not quoted by itself."""
    left = max(text.rfind(q, 0, start) for q in _OPEN)
    if left < 0 or any(_closes(text, k) for k in range(left + 1, start)):
        return False
    # (a closing "’" a word's span took in, as it takes in "po’", still closes)
    for k in range(end - 1 if 0 < end and text[end - 1] == "’" else end, len(text)):
        if _closes(text, k):
            inner = len(WORD.findall(text[left + 1 : k]))
            return inner <= len(WORD.findall(text[start:end])) + 2
        if text[k] in _OPEN and text[k] not in _CLOSE:
            return False
    return False


_PARTNER = {"“": '”"', "«": "»", '"': '"', "‘": "’"}


def _quotes_paired(text: str, det: Detection) -> tuple[str, Detection]:
    """The sentence with its quotation marks paired (`paired_quotes`), and its spans without
    a closing mark a word took in ("fault'" in "'I love beauty, it's not my fault'")."""
    paired = paired_quotes(text)
    if paired is text or not det.spans:
        return paired, det

    def closed(g: Span) -> bool:  # its last character is a closing mark that was a "'"
        return g.end - g.start > 1 and paired[g.end - 1] == "’" != text[g.end - 1]

    spans = tuple(replace(g, end=g.end - 1) if closed(g) else g for g in det.spans)
    return paired, replace(det, spans=spans)


def quote_tails(paragraph: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """For each sentence of a paragraph (its bounds, in order): its part inside a quotation
    that runs over into another sentence, as (start, end) in the sentence, or None. A
    speaker's words run over sentences, the later ones without a mark of their own
    ("«Abbiamo vinto. We did it!», ha detto"; "…estremi rimedi. God bless you legitimate
    President Donald J. Trump!”, ha commentato", a reader's post a news site quotes, held
    out); each closes on its opening mark's partner (an apostrophe is no closing "’")."""
    out: list[tuple[int, int] | None] = []
    mark, pos = "", 0
    paragraph = paired_quotes(paragraph)
    for a, b in sentences:
        for k in range(pos, a):
            mark = _quote_step(paragraph, k, mark)
        carried, closed, opened = bool(mark), None, None
        for k in range(a, b):
            was, mark = mark, _quote_step(paragraph, k, mark)
            if carried and was and not mark and closed is None:
                closed = k - a
            if mark and not was:
                opened = k + 1 - a
        if carried:
            out.append((0, b - a if closed is None else closed))
        else:
            out.append((opened, b - a) if mark and opened is not None else None)
        pos = b
    return out


def _in_quote(text: str, span: Span, part: tuple[int, int] | None) -> bool:
    """The span is (nearly) all of its sentence's `part` of a quotation that runs over
    sentences (`quote_tails`): two lowercase words more at most (a capitalised one is a
    name), its closing mark and the sentence's stop maybe with it."""
    if part is None:
        return False
    lo, hi = part
    if span.start < lo or any(c.isalnum() for c in text[hi : span.end]):
        return False
    rest = text[lo : span.start] + " " + text[span.end : max(hi, span.end)]
    return sum(w[0].islower() for w in WORD.findall(rest)) <= 2


def _quote_step(text: str, k: int, mark: str) -> str:
    """The quotation mark open after text[k], given the one open before it ("" for none)."""
    if mark:
        return "" if _closing(text, k, mark) else mark
    return text[k] if text[k] in _PARTNER else ""


def _closing(text: str, k: int, mark: str) -> bool:
    return text[k] in _PARTNER[mark] and _closes(text, k)


def _closes(text: str, k: int) -> bool:
    c = text[k]
    if c == "’":
        return not (k + 1 < len(text) and text[k + 1].isalpha())
    return c in _CLOSE


def _whole_quote(text: str) -> bool:
    """The sentence is one quotation ("« Je ne regrette rien »."), or one after the name of
    who said it, as news headlines and dialogue give it ('Trump: “We will win”.'; ours),
    maybe with where and when ('Charles Leclerc – “I am stupid” (Baku 2019)'; a page of
    famous team radios, held out)."""
    t = _SPEAKER.sub("", text.strip(), count=1).rstrip(".!?…;,")
    t = _OCCASION.sub("", t).rstrip(".!?…;,")
    if len(t) < 3 or t[0] not in _OPEN or not _closes(t, len(t) - 1):
        return False
    return not any(_closes(t, k) for k in range(1, len(t) - 1))


_DASH_BEFORE = regex.compile(r"(?:^|\s)[–—-]\s+$")
_DASH_AFTER = regex.compile(r"\s+[–—-](?:\s|$)")


_ASIDE_AFTER = regex.compile(r"\s*\(([^()]{1,200})\)")
_GLOSSED_WORDS = 4  # a term, its article maybe


def _glossed_after(text: str, span: Span, zipf: Zipf, main: str, p: Policy) -> bool:
    """A term of a few words, an aside in Italian right after it that says what it is:
    the writer gives the term and explains it ("Il Prix du scénario (premio per la miglior
    sceneggiatura) è andato a…", a page on a film festival's prizes, held out; "per abuse
    of dominant position (l'abuso di posizione dominante)", ours); or a longer phrase and an
    aside as long as it, its translation (a manual's labels and commands as the program
    shows them: "digita go ahead and launch the rocket (vai avanti e lancia il missile)";
    Microsoft's Italian docs, held out). A machine leaves words untranslated, not beside an
    explanation in the language it writes; the phrase benchmark's injections before an
    Italian aside are longer than it or cut ("…nécessaires lors des passages obligatoires
    d'un (seconda prova)"). The aside two Italian words or more, most of its words Italian's
    rather than the term's language's."""
    m = _ASIDE_AFTER.match(text, span.end)
    term = WORD.findall(text[span.start : span.end])
    if (
        m is None
        or open_ended(term, span.language)  # a cut, not a term: "…passages obligatoires d'un"
        or regex.search(r"[,;:]", text[span.start : span.end])
    ):
        return False
    words = [w.lower() for w in WORD.findall(m.group(1))]
    # (an Italian word, or a form of one: an imperative the aside translates a label with,
    # "Review endpoint utterances (Rivedi espressioni endpoint)", Microsoft's docs, held out)
    italian = [
        w
        for w in words
        if zipf(w, main) > zipf(w, span.language)
        and (zipf(w, main) >= p.used_from or italian_form(w, zipf, main))
    ]
    if not (len(italian) >= 2 and len(italian) > len(words) / 2):
        return False
    return len(term) <= _GLOSSED_WORDS or as_long(len(term), len(words), p)


def _bracketed(text: str, start: int, end: int) -> bool:
    """text[start:end] is (nearly) all of a bracketed aside, or a term of up to three words
    and all of the aside after it, that glosses it ("un clone hi-tech (powered by High
    Technology)", MarkIT); or all of an aside between two spaced dashes, as Italian sets
    off a gloss too ("le emissioni di gas a effetto serra (GES) – greenhouse gas (GHG)
    emissions – in atmosfera", a page on carbon accounting, held out)."""
    if _DASH_BEFORE.search(text[:start]) and _DASH_AFTER.match(text, end):
        return True
    opens = text.find("(", start, end)
    if opens >= 0 and len(WORD.findall(text[start:opens])) <= 3:
        start = opens + 1
    left = text.rfind("(", 0, start + 1)
    right = text.find(")", end - 1)
    if left < 0 or right < 0 or ")" in text[left:start] or "(" in text[end:right]:
        return False
    inner = text[left + 1 : right]
    return len(WORD.findall(inner)) <= len(WORD.findall(text[start:end])) + 1
