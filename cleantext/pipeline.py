"""The whole pipeline in one place: read → repair → scrape → split → detect → translate.

`Pipeline` holds the heavy, reusable parts (the language detector, the translation
engines), built once; `Pipeline.run` is a pure function of the input text and settings.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import regex

from cleantext import html, leftover, quality, split
from cleantext.corpus import CLOSING_REASON, SITE_NAME_REASON, CorpusLines
from cleantext.detection import Detection, Detector, missing_breaks
from cleantext.freq import zipf
from cleantext.html import read_input
from cleantext.model import Document, Fix, Segment, Sentence
from cleantext.read import BLOCK_CHARS, read_blocks
from cleantext.repair import Tracked, repair_paragraph, rules_for
from cleantext.repeats import RepeatFinder
from cleantext.respell import respell
from cleantext.scrape import find_boilerplate, lead_in
from cleantext.scrape import layout as scrape_layout
from cleantext.scrape import lines as scrape_lines
from cleantext.scrape.context import VERSE_MAX_WORDS, aside
from cleantext.settings import Settings
from cleantext.tokens import link_key, words
from cleantext.translation import postedit
from cleantext.translation.route import Outcome, Router, plausible_length

log = logging.getLogger(__name__)
_POLICY = leftover.Policy()  # the judgement's thresholds, as the trust checks read them too

_CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}\p{N}'’\-]*")


@dataclass(slots=True)
class _DocState:
    """What a document carries from one block to the next."""

    next_id: int = 0
    next_paragraph: int = 0
    paragraphs: RepeatFinder = field(default_factory=RepeatFinder)
    sentences: RepeatFinder = field(default_factory=RepeatFinder)


@dataclass(slots=True)
class _Draft:
    """A sentence while the pipeline works on it: its place in the repaired paragraph."""

    sentence: Sentence
    para: Tracked
    start: int  # offset of the sentence in para.text
    src_start: int  # offset of the sentence's source in para.raw
    detection: Detection
    spans: list[tuple[int, int, Segment]] = field(default_factory=list)  # text offsets


class Pipeline:
    """The stages for one set of `Settings`: read, repair, scrape-clean, split, detect,
    judge, translate, score. Build it once and run it on many documents: the detector's
    tables and the engines' processes are loaded on first need and kept.

        with Pipeline(Settings(stray_sentences="drop")) as pipeline:
            doc = pipeline.run(open("article.html", "rb").read(), "article.html")
            print(doc.text)

    `run` cleans one document; `prepare` and `finish` split it so that a caller can batch
    translation across documents; `stream` cleans a file of any size block by block. The
    engines' processes end with `close` (or the `with` block)."""

    def __init__(
        self,
        settings: Settings | None = None,
        detector: Detector | None = None,
        router: Router | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._detector = detector
        self._router = router
        self._started: set[str] = set()  # stray languages whose engines were told to start

    @property
    def detector(self) -> Detector:
        if self._detector is None:
            self._detector = Detector(self.settings.main, self.settings.stray)
        return self._detector

    @property
    def router(self) -> Router:
        if self._router is None:
            from cleantext.translation.engines import build_engines

            engines = build_engines(self.settings)
            post = postedit.tidy if self.settings.main == "it" else None  # Italian rules for Italian only
            self._router = Router(
                engines, self.settings.main, (plausible_length, self._reads_as_main), post=post
            )
        return self._router

    def _reads_as_main(self, source: str, translation: str) -> str | None:
        """The translation must read as the main language; names it kept from the source
        ("la ADT Corporation") are not held against it."""
        kept = {w for w in _CAPITALISED.findall(source)}
        rest = " ".join(w for w in translation.split() if w.strip(".,;:!?()«»“”\"'’") not in kept)
        if len(rest.split()) < 2 or self.detector.detect(rest).language == self.settings.main:
            return None
        return f"translation does not read as {self.settings.main}"

    def warm_up(self) -> None:
        """Load the detector's tables and models before the first document needs them."""
        self.detector.warm_up()

    def start_engines(self, languages: Sequence[str] | None = None) -> None:
        """Start the translation engines of `languages` (default: every stray language) in
        the background. A run does not call it up front: a language's engine starts when
        the detector is about to ask lingua about a text in it, or when `prepare` first
        finds a span of it to translate (`_start_engine`), so a corpus without French never
        loads the French chain (about a second of CPU per chain)."""
        if not self.settings.translates:
            return
        wanted = self.settings.stray if languages is None else languages
        new = [lang for lang in wanted if lang not in self._started]
        if new:
            self._started.update(new)
            self.router.prestart(new)

    def close(self) -> None:
        """End the engines' processes (the pipeline can still run: they restart on need)."""
        if self._router is not None:
            self._router.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the stages ----------------------------------------------------------------

    def run(self, data: str | bytes, path: str | None = None, corpus: CorpusLines | None = None) -> Document:
        """Clean one document (bytes are decoded first)."""
        return self.finish([self.prepare(data, path, corpus)])[0]

    def prepare(
        self,
        data: str | bytes,
        path: str | None = None,
        corpus: CorpusLines | None = None,
        html: bool | None = None,
    ) -> tuple[Document, list[_Draft]]:
        """Every stage but translation (which `finish` batches across documents).

        `corpus` is the evidence of a folder run's counting pass (lines and templates many
        documents share); a single text goes without it. `html`: whether `data` is an HTML
        page; None, as `is_html(data, path)` says, `path` a file's name. A dataset's row is
        named by its id, which may be a page's address ("….html") over a text: its caller
        decides by its content."""
        s = self.settings
        fmt = s.page_format if html is None else "html" if html else "text"
        page = read_input(data, path or "<input>", fmt, s.html_tables, s.html_comments)
        text, encoding = page.text, page.encoding
        doc = Document(path, encoding)
        if encoding not in ("utf-8", "str"):
            doc.fixes.append(Fix("decode", f"read as {encoding}"))
        doc.extracted = text  # the text as read (`--format extracted`)
        if page.html:
            doc.fixes.append(Fix("extract", "the main text of an HTML page (trafilatura)"))
            doc.meta = page.meta
        if corpus is not None and (original := corpus.duplicates.get(path or "")):
            doc.meta = {**doc.meta, "duplicate_of": original}  # cleaned as usual, and named
        return doc, self._prepare_block(text, doc, _DocState(), corpus, page)

    def is_html(self, data: str | bytes, path: str | None = None) -> bool:
        """Is this input an HTML page: --input-format, else its file name's extension (`path`)
        or its first bytes."""
        return html.is_page(data, path, self.settings.page_format)

    def stream(
        self, path: Path | BinaryIO, block_chars: int = BLOCK_CHARS, corpus: CorpusLines | None = None
    ) -> Iterator[Document]:
        """Clean a file of any size block by block: each Document holds the next sentences.

        Memory stays bounded; repeats are still found across blocks (within a window),
        ids and paragraph numbers continue, and the last part carries the file's encoding.
        """
        state = _DocState()
        for text, encoding in read_blocks(path, block_chars):
            part = Document(str(path) if isinstance(path, (str, Path)) else "<stdin>", encoding)
            part.extracted = text
            page = html.text_page(text, encoding)  # (a fence a block boundary cuts is no block)
            # (its closing is not known to be one: the next block may go on)
            yield self.finish([(part, self._prepare_block(text, part, state, corpus, page, closes=False))])[0]

    def _prepare_block(
        self,
        text: str,
        doc: Document,
        state: _DocState,
        corpus: CorpusLines | None = None,
        page: html.Page | None = None,
        closes: bool = True,
    ) -> list[_Draft]:
        # what an HTML page says of its text (`html.Page`): phrases it sets apart, its code,
        # its links and headings (None: text, where they are not known)
        marked, code = (page.marked, page.code) if page else ((), frozenset[str]())
        links, headings = (page.links, page.headings) if page else (None, None)
        # (a page's code keeps its lines: a program's line may end on "a" or "in"; a text's
        # Markdown fences keep theirs in `split.paragraphs`, its prose still unwrapped)
        unwrap = not (code and page is not None and page.html)
        raw_paras = [text[a:b] for a, b in split.paragraphs(text, unwrap=unwrap, main=self.settings.main)]
        # a page's code is its content as written, however short or repeated ("fi", "$ cd ..",
        # "a  |  b"): not repaired, never boilerplate nor a duplicate
        is_code = [bool(code) and html.collapse(raw) in code for raw in raw_paras]
        rules = rules_for(text)  # (a document that kept its typed accents lost none)
        paras = [
            Tracked(p) if c else repair_paragraph(p, rules) for p, c in zip(raw_paras, is_code, strict=True)
        ]
        s = self.settings
        reasons = (
            [None] * len(paras)
            if s.keep_boilerplate
            else find_boilerplate([p.text for p in paras], links=links)
        )
        if corpus is not None and not s.keep_boilerplate:
            for i, p in enumerate(paras):
                if reasons[i] is not None or is_code[i]:
                    continue
                heading = headings is not None and link_key(p.text) in headings
                if why := corpus.reason(p.text, *_around(paras, i), heading):
                    reasons[i] = f"boilerplate: {why}"
        reasons = [None if c else r for r, c in zip(reasons, is_code, strict=True)]
        if s.dedup:
            # an entry's field repeats by design ("Predefinito: false" under each option), and
            # a writer's aside between sentences as often as they like ("Ora.", "Lo dico:")
            given = scrape_layout.fields([p.text for p in paras])
            for i, p in enumerate(paras):
                if (
                    reasons[i] is None
                    and not is_code[i]
                    and not given[i]
                    and not lead_in(p.text)
                    and not leftover.signature_line(p.text)
                    and not aside(p.text, *_around(paras, i))
                    and state.paragraphs.seen(p.text)
                ):
                    reasons[i] = "duplicate"

        found = [
            self._code(p.text) if c else self._sentences(p.text) for p, c in zip(paras, is_code, strict=True)
        ]
        # a feed's footer many documents close with, the item in its middle: never judged nor kept
        closing: int | None = None  # where it begins in the last paragraph
        if closes and corpus is not None and not s.keep_boilerplate and paras and reasons[-1] is None:
            closing = corpus.closing(paras[-1].text)
        # a site's name after the document's title ("… - Il Post"): a unit of its own, cut off
        site: int | None = None  # where it begins in the first paragraph
        if state.next_paragraph == 0 and corpus is not None and not s.keep_boilerplate and paras:
            if reasons[0] is None and not is_code[0]:
                site = corpus.site_name(paras[0].text)
            if site is not None:
                found[0] = self._cut(paras[0].text, found[0], site)
        kept_found = list(found)
        if closing is not None:
            kept_found[-1] = [x for x in kept_found[-1] if x[0] < closing]
        if site is not None:
            kept_found[0] = [x for x in kept_found[0] if x[0] < site]
        if s.leftovers == "judge":  # a document's own evidence: which spans a machine left
            live = [(para, f) for para, r, f in zip(paras, reasons, kept_found, strict=True) if r is None]
            # lines a lead-in announces ("Il ritornello dice:") are quotations; posts and captions, set apart
            heard = leftover.announced([(para.text, [det for *_, det in f]) for para, f in live], s.main)
            # a heading is read over the paragraph that follows it on the page as it comes out
            heads = leftover.headings([para.text for para, _ in live], headings or ())
            units: list[tuple[str, Detection]] = []
            quoted: set[int] = set()
            headed: set[int] = set()
            tails: dict[int, tuple[int, int]] = {}  # a quotation that runs over sentences
            for (para, f), announced, head in zip(live, heard, heads, strict=True):
                for (a, b, det), tail in zip(
                    f, leftover.quote_tails(para.text, [(a, b) for a, b, _ in f]), strict=True
                ):
                    if announced:
                        quoted.add(len(units))
                    if head:
                        headed.add(len(units))
                    if tail is not None:
                        tails[len(units)] = tail
                    units.append((para.text[a:b], det))
            # (a caption's credit line may be dropped as boilerplate: it still signs the caption)
            credit = f"boilerplate: {scrape_lines.credit_line.reason}"
            texts = [p.text for p in paras]
            # posts and captions signed by their authors, and a reference list's entries
            by = [
                a or b
                for a, b in zip(
                    leftover.signed(texts, [r == credit for r in reasons]), leftover.cited(texts), strict=True
                )
            ]
            posts = tuple(p.text for p, r, b in zip(paras, reasons, by, strict=True) if r is None and b)
            # ... and the parts of a paragraph set apart inside it: a post printed within it,
            # program text between two fences on one line
            posts += tuple(
                part
                for p, r in zip(paras, reasons, strict=True)
                if r is None
                for part in (*leftover.inline_posts(p.text), *split.inline_fenced(p.text))
            )
            judged = iter(
                leftover.judge(
                    units,
                    zipf,
                    s.main,
                    marked=(*marked, *posts),
                    quoted=quoted,
                    headed=headed,
                    tails=tails,
                    used_terms=corpus.used_term if corpus is not None else None,
                )
            )
            found = [
                f if r is not None else [(a, b, next(judged)) for a, b, _ in k] + f[len(k) :]
                for r, f, k in zip(reasons, found, kept_found, strict=True)
            ]
        # whatever the policy, a program's words stay as written (`--leftovers all` translated
        # the comments of a page's code)
        found = [
            [(a, b, leftover.all_kept(det, "marked")) for a, b, det in f] if c else f
            for f, c in zip(found, is_code, strict=True)
        ]
        drafts: list[_Draft] = []
        last = len(paras) - 1
        for i, (para, reason, sentences, in_code) in enumerate(
            zip(paras, reasons, found, is_code, strict=True)
        ):
            pi = state.next_paragraph
            state.next_paragraph += 1
            for start, end, detection in sentences:
                src_s, src_e = para.origin[start], para.origin[end]
                # (a sentence whose raw text is all "whitespace" to Python, such as a cp1252
                # "\x85" that repair reads as "…", keeps it: a record always points at text read)
                source = para.raw[src_s:src_e].rstrip() or para.raw[src_s:src_e]
                sent = Sentence(
                    state.next_id, pi, source, para.text[start:end], s.main, dropped=reason, code=in_code
                )
                state.next_id += 1
                sent.fixes = _fixes_in(para, src_s, src_s + len(source))
                if closing is not None and i == last and start >= closing:
                    sent.dropped = f"boilerplate: {CLOSING_REASON}"
                elif site is not None and i == 0 and start >= site:
                    sent.dropped = f"boilerplate: {SITE_NAME_REASON}"
                elif (
                    reason is None
                    and s.dedup
                    and not in_code
                    and not lead_in(sent.text)
                    and state.sentences.seen(sent.text, min_words=8)
                ):
                    sent.dropped = "duplicate sentence"
                drafts.append(_Draft(sent, para, start, src_s, detection))
                doc.sentences.append(sent)
            if (
                site is not None
                and i == 0
                and s.dedup
                and (titled := [a for a, _, _ in sentences if a < site])
            ):
                # the title as printed, its site's name too: a summary repeating it so is a repeat
                state.sentences.remember(para.text[max(titled) :])

        for d in drafts:
            if d.sentence.dropped and d.sentence.dropped.startswith("duplicate"):
                continue
            det = d.detection
            d.sentence.language = det.language
            for span in sorted((*det.spans, *det.kept), key=lambda g: g.start):
                a = d.para.origin[d.start + span.start] - d.src_start
                b = d.para.origin[d.start + span.end] - d.src_start
                b = min(max(b, a), len(d.sentence.source))
                src = d.sentence.source[a:b]
                seg = Segment(
                    a, b, span.language, span.confidence, src, kept=span.kept, leftover=span.leftover
                )
                d.sentence.segments.append(seg)
                if not d.sentence.dropped and not span.kept:  # dropped lines are never translated
                    d.spans.append((span.start, span.end, seg))
                    if not self._untranslated(d):
                        self._start_engine(seg.language)  # it loads while we go on
        return drafts

    def _cut(
        self, text: str, sentences: list[tuple[int, int, Detection]], at: int
    ) -> list[tuple[int, int, Detection]]:
        """A paragraph's sentences with what follows `at` (a title's site name) a unit of its
        own, from its dash or bar on: the title keeps its words and its language."""
        mark = at + len(text[at:]) - len(text[at:].lstrip())
        out = []
        for a, b, det in sentences:
            if a < at < b:
                out.append((a, at, self.detector.detect(text[a:at])))
                out.append((mark, b, self.detector.detect(text[mark:b])))
            else:
                out.append((a, b, det))
        return out

    def _code(self, line: str) -> list[tuple[int, int, Detection]]:
        """A line of program text: one unit, its indentation kept (a program's lines are
        no sentences, and Python's indentation is its grammar)."""
        end = len(line.rstrip())
        return [(0, end, self.detector.detect(line[:end]))] if end else []

    def _sentences(self, text: str) -> list[tuple[int, int, Detection]]:
        """The paragraph's sentences with their languages; a sentence whose final period was
        lost before a change of language ("…a dormouse Un'altra differenza…") is cut there."""
        out = []
        heads_up = self._start_engine if self.settings.translates else None
        for start, end in split.sentences(text):
            detection = self.detector.detect(text[start:end], heads_up)
            cuts = missing_breaks(text[start:end], detection, main=self.settings.main)
            if not cuts:
                out.append((start, end, detection))
                continue
            edges = [start, *(start + c for c in cuts), end]
            for a, b in zip(edges, edges[1:], strict=False):
                if bounds := split.trim(text, a, b):
                    s, e = bounds
                    out.append((s, e, self.detector.detect(text[s:e], heads_up)))
        return out

    def finish(self, prepared: list[tuple[Document, list[_Draft]]]) -> list[Document]:
        """Translate the foreign spans of several documents in one batch (thread-safe with
        `prepare` running on other documents)."""
        todo = []
        for _, drafts in prepared:
            for d in drafts:
                if d.spans and d.sentence.language != self.settings.main and self._stray_policy(d):
                    continue  # a whole foreign sentence dropped or kept as written: not translated
                todo.extend((d, a, b, seg) for a, b, seg in d.spans)
        if todo and self.settings.translates:
            ends = [_final_stop(d.sentence.text, b) for d, a, b, seg in todo]
            items = []
            for (d, a, b, seg), end in zip(todo, ends, strict=True):
                # accents and typos of the stray put back, so the engine can read its words
                text, fixes = respell(d.sentence.text[a:b] + end, seg.language)
                d.sentence.fixes.extend(Fix(f, _RESPELL[f]) for f in fixes)
                items.append((text, seg.language))
            outcomes = self.router.translate(items)
            for i, (out, end) in enumerate(zip(outcomes, ends, strict=True)):
                if end and out.translation and out.translation.endswith(end):
                    outcomes[i] = Outcome(out.translation[: -len(end)].rstrip(), out.engine, out.note)
            backs: list[str | None] = [None] * len(todo)
            # each translation back into its language (evidence); a word out of context always,
            # a short phrase on its own evidence: trusted only when it comes back (`_trusted`)
            lone = self.settings.leftovers == "judge"
            checked = [lone and self._checked_back(d, seg) for d, _, _, seg in todo]
            asked = [
                i
                for i, out in enumerate(outcomes)
                if out.translation is not None and (self.settings.round_trip or checked[i])
            ]
            if asked:
                got = self.router.back([(outcomes[i].translation, todo[i][3].language) for i in asked])
                for i, back in zip(asked, got, strict=True):
                    backs[i] = back
            by_draft: dict[int, list[tuple[int, int, Segment, Outcome]]] = {}
            beside = _Beside(prepared) if lone else None
            pairs = _pairs(prepared, todo, outcomes, self.settings.main) if lone else {}
            for (d, a, b, seg), out, back, check in zip(todo, outcomes, backs, checked, strict=True):
                seg.translation, seg.engine, seg.note = out.translation, out.engine, out.note
                if (
                    beside
                    and out.translation
                    and (id(seg) in pairs or beside.glossed(d, a, b, out.translation, self.settings.main))
                ):
                    seg.kept = "gloss"
                    seg.note = pairs.get(id(seg), _BESIDE)
                    if d.sentence.language != self.settings.main and len(d.spans) == 1:
                        d.sentence.language = self.settings.main  # as the judgement reads a sentence it keeps
                elif out.translation is not None:
                    est = quality.estimate(
                        d.sentence.text[a:b],
                        out.translation,
                        seg.language,
                        self.settings.main,
                        back if self.settings.round_trip else None,
                    )
                    seg.quality, seg.evidence = est.quality, est.evidence
                    inside = d.sentence.language == self.settings.main
                    if self._trusted(seg, back, check, inside) and self._weak_policy(d, seg):
                        by_draft.setdefault(id(d), []).append((a, b, seg, out))
                elif check and out.engine:  # (`check` only under the judgement)
                    seg.kept = "uncertain"  # the engine's translation was rejected: as one not trusted
            if lone:
                for d, seg in _like_the_pairs(prepared, self.settings.main):
                    seg.kept, seg.note = "gloss", "a line given in two languages, as the page gives others"
                    d.sentence.language = self.settings.main
                    by_draft.pop(id(d), None)
            for _, drafts in prepared:
                for d in drafts:
                    if id(d) in by_draft:
                        _apply_translations(d, by_draft[id(d)])
        return [doc for doc, _ in prepared]

    def _start_engine(self, lang: str) -> None:
        """`lang`'s engine, once: when the detector is about to ask lingua about a possible
        `lang` text (the first time, lingua's models load for half a second) or when a span
        of it is found."""
        if lang not in self._started:
            self.start_engines([lang])

    def _untranslated(self, d: _Draft) -> bool:
        """A whole foreign sentence that --stray-sentences drops or keeps as written."""
        return d.sentence.language != self.settings.main and self.settings.stray_sentences != "translate"

    def _stray_policy(self, d: _Draft) -> bool:
        """--stray-sentences drop|keep: a whole foreign sentence is dropped, or kept as
        written, instead of translated (True: it is not translated)."""
        policy = self.settings.stray_sentences
        if policy == "translate":
            return False
        lang = d.sentence.language
        if policy == "drop":
            d.sentence.dropped = f"stray sentence ({lang})"
        for _, _, seg in d.spans:
            seg.weak = f"stray {'dropped' if policy == 'drop' else 'kept'}"
            seg.note = f"--stray-sentences {policy}: a whole {lang} sentence is not translated"
        return True

    def _checked_back(self, d: _Draft, seg: Segment) -> bool:
        """Is this translation trusted only if it comes back? A single word always, and a
        short phrase inside an Italian sentence: a term translated out of context takes the
        wrong sense of its words ("stable, testing, unstable" → "stalla, assaggiando,
        instabile"; "bug tracking system" → "l'insetto che segue sistema"; Debian's
        manuals), whatever else its document holds (`_trusted` says how much must come back)."""
        if _single(seg.text):
            return True
        return d.sentence.language == self.settings.main and leftover.short_terms(
            seg.text, seg.language, zipf, self.settings.main
        )

    def _trusted(self, seg: Segment, back: str | None, checked: bool = False, inside: bool = False) -> bool:
        """With `leftovers="judge"`, a translation replaces its source only when it can be
        trusted: quality at least `trust`, most of the translation's words Italian, the
        engine translated most of the words Italian does not use (an unknown word comes
        back as it was: "levee" → "levee"), and (`checked`, see `_checked_back`) a word or a
        short phrase translated out of context comes back when translated back, and a short
        phrase inside an Italian sentence (`inside`), or a short sentence, has no word of
        neither language in it.
        Otherwise the source stays (`weak: "kept"`) and the note says why; a word or a short
        phrase (`checked`) is then also kept as `uncertain`, as the judgement keeps those it
        doubts, while a longer span stays a leftover whose translation was too weak."""
        s = self.settings
        if s.leftovers != "judge" or seg.translation is None:
            return True
        why = None
        if seg.quality is not None and seg.quality < s.trust:
            why = f"quality {seg.quality:.2f} < {s.trust:g}"
        elif checked and _single(seg.text) and (back or "").strip().lower() != seg.text.strip().lower():
            # a word has many senses ("runs" → "corre", "innings" → "possibilità"): the one
            # chosen out of context must lead back to the word
            why = f"a single word that comes back as {back!r}"
        elif (
            checked
            and not _single(seg.text)
            and not _comes_back(seg.text, back or "", half=leftover.in_machine_document(seg.leftover))
        ):
            # a term is not the sum of its words ("quiet quitting" → "taciuto lasciare" →
            # "quiet let"; ours): most of them must come back, or half of them in a
            # machine's document, whose evidence is stronger than a lone phrase's ("broad
            # commonality" → "ampio commonality" → "wide commonality"; the seeds)
            why = f"a short phrase that comes back as {back!r}"
        else:
            used = _POLICY.used_from  # below it, a word is not Italian usage
            foreign = [w for w in words(seg.text) if zipf(w.lower(), s.main) < used]
            same = set(words(seg.translation))
            if foreign and sum(w in same for w in foreign) > len(foreign) / 2:
                why = "the engine left most of its words as they were"
            elif 2 * (seg.evidence or {}).get("foreign_words", 0) > len(same):
                # what came out is mostly no Italian: a pivot's word ("assembler" → "ensamblar")
                why = "most of the translation's words are not Italian"
            elif (
                leftover.short_terms(seg.text, seg.language, zipf, s.main)
                if inside
                else len(words(seg.text)) <= _POLICY.short_sentence
            ) and (leaked := _neither(seg.text, seg.translation, seg.language, s.main)):
                # a pivot's word the last pair did not know, in a term inside an Italian
                # sentence or in a short sentence: the source reads better ("mailing-list" →
                # "publitramesa-lista", a Debian manual; "All rights attributed accordingly."
                # → "… consegüentment.", a feed). In a longer clause the rest counts more
                why = f"{leaked!r} is a word of neither language"
        if why is None:
            return True
        seg.weak, seg.note = "kept", f"translation not trusted ({why}): the source is kept"
        if checked:  # a word or a short term: as likely a writer's as a machine's, and kept so
            seg.kept = "uncertain"
        return False

    def _weak_policy(self, d: _Draft, seg: Segment) -> bool:
        """--min-quality Q with --weak: what a translation below Q becomes (True: it goes
        into the text). A foreign clause inside an Italian sentence is never dropped: it
        keeps its source instead."""
        q, s = seg.quality, self.settings
        if s.min_quality is None or q is None or q >= s.min_quality:
            return True
        why = f"weak translation (quality {q:.2f} < {s.min_quality:g})"
        whole = d.sentence.language != s.main
        if s.weak in ("translate", "mark"):
            seg.weak = "translated" if s.weak == "translate" else "marked"
            return True
        if s.weak == "drop" and whole:
            seg.weak, d.sentence.dropped = "dropped", why
            return False
        seg.weak = "kept"
        seg.note = f"{why}: the source is kept" + (
            "" if whole or s.weak == "keep" else " (a clause is never dropped)"
        )
        return False


_RESPELL = {
    "restore_accents": "accents of a foreign word put back before translating it",
    "spelling": "a misspelled foreign word respelled before translating it",
}


def _around(paras: list[Tracked], i: int) -> tuple[str, str]:
    """The texts of the paragraphs before and after paragraph i ("" at the document's edges)."""
    return (paras[i - 1].text if i else "", paras[i + 1].text if i + 1 < len(paras) else "")


def _single(text: str) -> bool:
    return len(words(text)) == 1


def _comes_back(source: str, back: str, half: bool = False) -> bool:
    """More than half of the source's words (`half`: at least half) are in its
    translation's translation back."""
    mine = [w.lower() for w in words(source)]
    theirs = {w.lower() for w in words(back)}
    came = sum(w in theirs for w in mine)
    return 2 * came >= len(mine) if half else 2 * came > len(mine)


def _final_stop(text: str, end: int) -> str:
    """The sentence's final '.', '!' or '?' when a span stops right before it: the engine gets
    it too, so its tagger sees where the sentence ends ("…pour leurs proies." is translated
    "…le loro prede", without the stop "…le loro prese"); it is taken off the translation."""
    rest = text[end:].strip()
    return rest if rest in (".", "!", "?") else ""


def _fixes_in(para: Tracked, start: int, end: int) -> list[Fix]:
    """The rules whose changes touched raw[start:end] of this paragraph, each with where
    (offsets from `start`)."""
    out = []
    for rule, touched in para.applied:
        if rule.name == "trim":
            continue
        spans = tuple(
            (max(a, start) - start, min(b, end) - start) for a, b in touched if a <= end and b >= start
        )
        if spans:
            out.append(Fix(rule.name, rule.reason, spans))
    return out


_BESIDE = "the Italian beside it translates it: the writer gave both"


def _pairs(
    prepared: list[tuple[Document, list[_Draft]]],
    todo: list[tuple[_Draft, int, int, Segment]],
    outcomes: list[Outcome],
    main: str,
) -> dict[int, str]:
    """The segments (by id, with the note that says why) of the foreign paragraphs each given
    beside its Italian translation, on pages that set two such pairs or more
    (`leftover.paired`), and of the pages written twice, once in each language
    (`leftover.given_twice`)."""
    said = {id(seg): out.translation for (_, _, _, seg), out in zip(todo, outcomes, strict=True)}
    found: dict[int, str] = {}
    for _, drafts in prepared:
        paras = _live_paragraphs(drafts)
        # two short paragraphs of one kind in a row are one block: a line of verse broken in two
        blocks: list[tuple[str, list[_Draft]]] = []
        short = [len(words(ds[0].para.text)) <= VERSE_MAX_WORDS for ds in paras]
        merged = False
        for k, ds in enumerate(paras):
            segs = [seg for d in ds for _, _, seg in d.spans]
            if segs and all(d.sentence.language != main for d in ds) and all(said.get(id(s)) for s in segs):
                kind = "foreign"
            elif all(d.sentence.language == main and not d.spans for d in ds):
                kind = "italian"
            else:
                kind = "other"
            if blocks and blocks[-1][0] == kind != "other" and short[k] and short[k - 1] and not merged:
                blocks[-1][1].extend(ds)
                merged = True
            else:
                blocks.append((kind, list(ds)))
                merged = False
        lines = [
            (
                " ".join(said[id(seg)] for d in ds for _, _, seg in d.spans) if kind == "foreign" else None,
                " ".join(d.sentence.text for d in ds) if kind == "italian" else None,
            )
            for kind, ds in blocks
        ]
        beside, twice = leftover.paired(lines, zipf, main), leftover.given_twice(lines, zipf, main)
        for (_, ds), is_pair, again in zip(blocks, beside, twice, strict=True):
            if is_pair:
                found.update((id(seg), _BESIDE) for d in ds for _, _, seg in d.spans)
            elif again:  # the foreign sentences of the page's foreign version
                note = "the page gives it in Italian too: the writer gave both"
                found.update(
                    (id(seg), note) for d in ds if d.sentence.language != main for _, _, seg in d.spans
                )
    return found


def _live_paragraphs(drafts: list[_Draft]) -> list[list[_Draft]]:
    """A document's sentences not dropped, paragraph by paragraph (a paragraph's are in a row)."""
    paras: list[list[_Draft]] = []
    for d in drafts:
        if d.sentence.dropped:
            continue
        if paras and paras[-1][0].para is d.para:
            paras[-1].append(d)
        else:
            paras.append([d])
    return paras


def _like_the_pairs(prepared: list[tuple[Document, list[_Draft]]], main: str) -> list[tuple[_Draft, Segment]]:
    """Paragraphs that give a line in two languages, a foreign sentence and an Italian one of
    its length, on pages where two such paragraphs or more were found glossed: the others of
    that shape are the writer's too, however little of them the translation matches
    ("Characters that stay with us. Personaggi che restano con noi."; a game site quoting a
    trailer, held out)."""
    policy = _POLICY
    out = []
    for _, drafts in prepared:
        shaped, glossed = [], 0
        for ds in _live_paragraphs(drafts):
            foreign = [d for d in ds if d.sentence.language != main and len(d.sentence.segments) == 1]
            italian = [d for d in ds if d.sentence.language == main and not d.sentence.segments]
            if len(ds) != 2 or len(foreign) != 1 or len(italian) != 1:
                if len(ds) == 2 and sum(g.kept == "gloss" for d in ds for g in d.sentence.segments) == 1:
                    glossed += 1  # (a glossed line reads as Italian already)
                continue
            if leftover.as_long(
                len(words(foreign[0].sentence.text)), len(words(italian[0].sentence.text)), policy
            ):
                shaped.append(foreign[0])
        if glossed >= policy.pairs_in_document:
            out.extend((d, d.sentence.segments[0]) for d in shaped if d.sentence.segments[0].kept is None)
    return out


class _Beside:
    """The Italian around each foreign span of the documents in a batch: the paragraph's
    text on either side of the span, up to the nearest other span (foreign words are no
    gloss of each other)."""

    def __init__(self, prepared: list[tuple[Document, list[_Draft]]]) -> None:
        spans: dict[int, list[tuple[int, int]]] = {}
        for _, drafts in prepared:
            for d in drafts:
                spans.setdefault(id(d.para), []).extend((d.start + a, d.start + b) for a, b, _ in d.spans)
        # a paragraph's spans do not overlap: their starts and their ends, each in order
        self._edges = {k: ([s for s, _ in sorted(v)], sorted(e for _, e in v)) for k, v in spans.items()}

    def glossed(self, d: _Draft, a: int, b: int, translation: str, main: str) -> bool:
        start, end = d.start + a, d.start + b
        starts, ends = self._edges.get(id(d.para), ([], []))
        k = bisect.bisect_right(ends, start)
        left = ends[k - 1] if k else 0
        k = bisect.bisect_left(starts, end)
        right = starts[k] if k < len(starts) else len(d.para.text)
        return leftover.glossed(translation, d.para.text[left:start], d.para.text[end:right], zipf, main)


def _apply_translations(d: _Draft, items: list[tuple[int, int, Segment, Outcome]]) -> None:
    text = d.sentence.text
    for a, b, seg, out in sorted(items, key=lambda x: -x[0]):
        new = out.translation or ""
        if text[a].isupper():  # keep the case the span started with
            new = new[:1].upper() + new[1:]
        elif new[:1].isupper() and not new.split()[0].isupper():
            new = new[:1].lower() + new[1:]
        seg.translation = new  # as it stands in the sentence
        text = text[:a] + new + text[b:]
    d.sentence.text = text
    spans = tuple(sorted((seg.start, seg.end) for _, _, seg, _ in items))  # offsets into the source
    d.sentence.fixes.append(Fix("translate", "foreign span translated into Italian", spans))


def _neither(source: str, translation: str, lang: str, main: str) -> str | None:
    """A lowercase word of `translation` that neither `main` nor `lang` writes (Zipf 0 in
    both) and that is not in `source`: a word of the pivot language."""
    kept = {w.lower() for w in words(source)}
    for w in words(translation):
        low = w.lower()
        if w.islower() and low not in kept and zipf(low, main) == 0 and zipf(low, lang) == 0:
            return w
    return None
