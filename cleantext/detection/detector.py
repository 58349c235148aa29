"""The detector: word evidence from frequencies, a Viterbi pass over it, and lingua to
confirm whole sentences and re-score candidate spans."""

from __future__ import annotations

import bisect
import math
import threading
from collections.abc import Callable

import regex

from cleantext.caches import memo
from cleantext.detection import shape
from cleantext.detection.spans import Detection, Span
from cleantext.freq import zipf, zipfs
from cleantext.settings import DEFAULT_STRAY
from cleantext.vocab import loan_phrases

_LINGUA_LOCK = threading.Lock()


class Detector:
    """Built once per process (lingua models load lazily) and reused for every sentence."""

    def __init__(
        self,
        main: str = "it",
        stray: tuple[str, ...] = DEFAULT_STRAY,
        switch_penalty: float = 1.5,
        min_span_evidence: float = 3.0,
        lone_below: float = 2.5,
        lone_from: float = 2.5,
        lone_evidence: float = 1.2,
    ) -> None:
        """`lone_*`: a single lowercase word is a candidate span when Italian text uses it
        less than Zipf `lone_below`, a stray language at least `lone_from`, and the stray
        one by `lone_evidence` more ("levee", "wickets"); too weak for the sequence model,
        which needs a run to pay for two switches. Whether it is translated is decided
        with its document's evidence (`cleantext.leftover`)."""
        self.main = main
        self.stray = tuple(s for s in stray if s != main)
        self.switch_penalty = switch_penalty
        self.min_span_evidence = min_span_evidence
        self.lone_below, self.lone_from, self.lone_evidence = lone_below, lone_from, lone_evidence
        self._lingua = None
        self._zipf = zipf  # wordfreq's Zipf values, cached (cleantext.freq)
        # per-detector caches keyed by the word alone (a cached method keys on (self, word))
        self._evidence = memo(500_000)(self._evidence_uncached)  # type: ignore[method-assign]
        self._least = memo(500_000)(self._least_uncached)
        self._half = memo(100_000)(self._half_uncached)
        self._lone = memo(500_000)(self._lone_uncached)
        self._loans = loan_phrases()
        self._max_loan_words = max((len(p.split()) for p in self._loans), default=1)
        self._loan_heads = frozenset(p.split()[0] for p in self._loans)
        self._zero = dict.fromkeys(self.stray, 0.0)
        self._langs = (self.main, *self.stray)

    # --- word evidence -------------------------------------------------------------

    def _evidence_uncached(self, word: str) -> dict[str, float]:
        """Evidence per stray language for one word (callers must not mutate the dict)."""
        w = word.lower().replace("’", "'")
        zs = zipfs(w, self._langs)  # (main, *stray): indexed, not unpacked, for every new word
        if not any(zs):  # (no Zipf value is negative)
            if "'" in w.strip("'"):
                # an elision unknown as a whole ("dell'Eurasia"): judge by its parts
                head, _, tail = w.partition("'")
                return {
                    lang: (a + b) / 2
                    for lang, a, b in zip(
                        self.stray,
                        self._evidence(head + "'").values(),
                        self._evidence(tail).values(),
                        strict=True,
                    )
                }
            return dict.fromkeys(self.stray, 0.0)  # unknown everywhere: a name or a typo
        # log-frequency ratio, each side floored at Zipf 1, clamped to ±4 (conditional
        # expressions rather than max/min, and no zip: asked for every new word)
        z_main = zs[0]
        base = z_main if z_main > 1.0 else 1.0
        out = {}
        i = 1
        for lang in self.stray:
            z = zs[i]
            i += 1
            d = (z if z > 1.0 else 1.0) - base
            out[lang] = 4.0 if d > 4.0 else -4.0 if d < -4.0 else d
        return out

    def tokens(self, text: str) -> list[shape.Tok]:
        """The sentence's words, each with its evidence (the inner loop of detection: every
        token of every sentence passes here, hence the locals)."""
        toks: list[shape.Tok] = []
        guarded = shape.guarded(text)
        guard_starts = [a for a, _ in guarded]
        zero, evidence, half = self._zero, self._evidence, self._half
        prev_end = -1
        for m in shape.TOKEN.finditer(text):
            start, end = m.span()
            word = m.group()
            if prev_end < 0:
                initial = True
            else:  # after sentence or quote punctuation (the gap holds no letter or digit)
                gap = text[prev_end:start].rstrip()
                initial = bool(gap) and gap[-1] in shape.INITIAL_AFTER
            prev_end = end
            if guarded:
                k = bisect.bisect_right(guard_starts, start) - 1  # spans are sorted, apart
                if k >= 0 and start < guarded[k][1]:
                    toks.append(shape.Tok(start, end, word, zero, None, True))
                    continue
            if shape.says_nothing(word) or shape.abbreviation(text, word, end):
                ev = zero
            elif word[0].isupper() and not initial:
                # probably a name; a common foreign word in title case ("Health") still counts half
                ev = half(word)
            else:
                ev = evidence(word)
            toks.append(shape.Tok(start, end, word, ev))
        self._protect_loans(toks)
        self._protect_names(text, toks)
        return toks

    def _function_word(self, word: str) -> bool:
        """'He', 'The', 'In': a capitalised word this common opens a sentence, not a name."""
        w = word.lower()
        return max(self._zipf(w, lang) for lang in (self.main, *self.stray)) >= 6.0

    def _protect_names(self, text: str, toks: list[shape.Tok]) -> None:
        """Multi-word proper names ("the Competition and Markets Authority", "Port of Spain",
        "Global Monitoring for Security (GMOSS)") carry no evidence: two or more capitalised
        words, with at most two lowercase joiners between them. A lowercase article before
        the name is not part of it ("the ADT Corporation" in an Italian sentence is a
        leftover: "l'ADT Corporation")."""
        if sum(1 for t in toks if t.text[0].isupper()) < 2:
            return  # a name of two capitalised words needs two
        i, n = 0, len(toks)
        while i < n:
            if not shape.capital(toks[i]) or toks[i].barrier or self._function_word(toks[i].text):
                i += 1
                continue
            j, caps, k = i + 1, 1, i + 1
            while k < n:
                if shape.capital(toks[k]) and text[toks[k - 1].end : toks[k].start].strip() in ("", "-"):
                    caps += 1
                    k += 1
                    j = k
                    continue
                gap = k
                while gap < n and gap - k < 2 and toks[gap].text.lower() in shape.NAME_JOINERS:
                    gap += 1
                if (
                    gap > k
                    and gap < n
                    and shape.capital(toks[gap])
                    and shape.only_words(text, toks[k - 1], toks[gap])
                ):
                    k = gap
                    continue
                break
            italian = all(sum(t.ev[lang] for t in toks[i:j]) < 0 for lang in self.stray)
            if caps >= 2 and not italian:  # an Italian-looking name keeps its evidence
                for t in toks[i:j]:
                    if t.raw is None:
                        t.raw = t.ev
                    t.ev, t.name = self._zero, True
            i = max(j, i + 1)

    def _half_uncached(self, word: str) -> dict[str, float]:
        return {k: v / 2 for k, v in self._evidence(word).items()}

    def _protect_loans(self, toks: list[shape.Tok]) -> None:
        """Known loan phrases ("smart working", "déjà vu") count as Italian."""
        lows = [t.text.lower().replace("’", "'") for t in toks]
        for i in range(len(toks)):
            if lows[i] not in self._loan_heads:
                continue
            for n in range(min(self._max_loan_words, len(toks) - i), 0, -1):
                if " ".join(lows[i : i + n]) in self._loans:
                    for t in toks[i : i + n]:
                        t.raw, t.ev = t.ev, {k: min(v, 0.0) for k, v in t.ev.items()}
                    break

    # --- sequence model ------------------------------------------------------------

    def _no_foreign_run(self, toks: list[shape.Tok]) -> bool:
        """No stretch of words pays for a switch: for each stray language, the evidence of
        every run of consecutive tokens sums to less than half the switch penalty (the
        least a foreign run costs: entering it at the start). Every path through a foreign
        state then scores below the all-main path, so Viterbi would find that one; this
        says it in one pass (Kadane's maximum run sum) for most Italian sentences."""
        return self._no_run_reaches([t.ev for t in toks], self.switch_penalty / 2)

    def _no_run_reaches(self, evs: list[dict[str, float]], limit: float) -> bool:
        """For each stray language, every run of consecutive evidence sums to less than
        `limit` (Kadane's maximum run sum, with a margin for the order of float sums)."""
        reach = limit - 1e-9
        if reach <= 0:
            return False
        for lang in self.stray:
            run = 0.0
            for ev in evs:
                run += ev[lang]
                if run <= 0.0:
                    run = 0.0
                elif run >= reach:
                    return False
        return True

    def _surely_main(self, text: str) -> bool:
        """`detect` would find no foreign span and keep none, told in one pass over the words.

        Each word counts with at least the evidence `tokens` would give it after names and
        loan phrases are protected (`_least_uncached`). When no run of those sums to half the
        switch penalty (nor to a span's evidence, if less), `_no_foreign_run` holds for the
        real tokens and no protected run can hold the evidence a kept span needs (`_kept_runs`).
        Text where PROTECTED guards something (a URL, a path, a handle) takes the full way:
        guarding zeroes its words' evidence, a negative one too. A number such as "1.500" or
        "U.S." only looks like one (`shape.MAYBE_PROTECTED`), and stays on this pass."""
        if shape.guarded(text):
            return False
        evs = [ev for ev in map(self._least, shape.EVIDENT_TOKEN.findall(text)) if ev is not None]
        return self._no_run_reaches(evs, min(self.switch_penalty / 2, self.min_span_evidence))

    def _least_uncached(self, word: str) -> dict[str, float] | None:
        """The least evidence `tokens` can leave `word` with wherever it stands (None: none,
        and a run goes on unchanged): numbers and acronyms have none; a capitalised word
        (halved inside a sentence) or a joiner a name may take in ("of") is floored at zero,
        since protecting names and loan phrases only zeroes evidence or caps it at zero;
        any other word has its own."""
        if shape.says_nothing(word):
            return None
        ev = self._evidence(word)
        if word[0].isupper() or word.lower() in shape.NAME_JOINERS:
            return {k: v if v > 0.0 else 0.0 for k, v in ev.items()}
        return ev

    def _viterbi(self, toks: list[shape.Tok], penalty: float | None = None) -> list[str]:
        """Most likely language per token: emissions are the evidence, switching costs `penalty`."""
        states = self._langs
        p = self.switch_penalty if penalty is None else penalty
        n = len(states)
        strays = range(1, n)
        score = [0.0] + [-p / 2] * (n - 1)
        back: list[list[int]] = []
        for t in toks:
            ev = t.ev
            best = max(score)
            best_prev = score.index(best)  # the first of the best, as max(range(n), key=…)
            top = best - p
            new, ptr = score[:], list(range(n))  # staying, unless switching from the best is better
            for k in range(n):
                if new[k] < top:
                    new[k], ptr[k] = top, best_prev
            for k in strays:
                new[k] += ev[states[k]]
            score = new
            back.append(ptr)
        state = score.index(max(score))  # ending foreign costs nothing more
        path = [state]
        for ptr in reversed(back[1:]):
            state = ptr[state]
            path.append(state)
        return [states[k] for k in reversed(path)]

    # --- lingua --------------------------------------------------------------------

    @property
    def lingua(self):  # noqa: ANN201 - lingua is imported lazily
        if self._lingua is None:
            with _LINGUA_LOCK:
                if self._lingua is None:
                    self._lingua = self._build_lingua()
        return self._lingua

    def _build_lingua(self):  # noqa: ANN202
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        codes = [getattr(IsoCode639_1, c.upper()) for c in (self.main, *self.stray)]
        return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def warm_up(self) -> None:
        """Load now what the first document would wait for: the frequency tables of the
        languages read on every word, and lingua's models (loaded on its first call)."""
        from cleantext.freq import load

        for lang in (self.main, *self.stray, *self._OTHER):
            load(lang)
        self.lingua.compute_language_confidence_values("warm up, s'il vous plaît, per favore")

    def lingua_scores(self, text: str) -> dict[str, float]:
        return {
            cv.language.iso_code_639_1.name.lower(): cv.value
            for cv in self.lingua.compute_language_confidence_values(text)
        }

    # --- public --------------------------------------------------------------------

    def detect(self, text: str, heads_up: Callable[[str], None] | None = None) -> Detection:
        """Main language of `text`, its foreign spans and the single foreign words of an
        Italian sentence that are candidates too (see `lone_words`)."""
        det = self._detect(text, heads_up)
        if det.language != self.main:
            return det
        lone = self.lone_words(text, det)
        if not lone:
            return det
        return Detection(det.language, tuple(sorted((*det.spans, *lone), key=lambda s: s.start)), det.kept)

    def lone_words(self, text: str, det: Detection) -> tuple[Span, ...]:
        """Single lowercase words Italian does not use and a stray language does, outside
        every span already found and outside URLs, paths and code."""
        found = [
            (m, lang)
            for m in shape.EVIDENT_TOKEN.finditer(text)
            if m.group()[0].islower() and (lang := self._lone(m.group())) is not None
        ]
        if not found:  # nearly every sentence: nothing more to look at
            return ()
        taken = [(s.start, s.end) for s in (*det.spans, *det.kept)]
        guarded = shape.guarded(text)
        out = []
        for m, lang in found:
            a, b = m.span()
            if any(x < b and a < y for x, y in taken) or any(x <= a < y for x, y in guarded):
                continue
            ev = self._evidence(m.group())[lang]
            out.append(Span(a, b, lang, round(1 / (1 + math.exp(-ev)), 3)))
        return tuple(out)

    def _lone_uncached(self, word: str) -> str | None:
        w = word.lower()
        if len(w) < 3 or not w.isalpha():
            return None
        z_main = self._zipf(w, self.main)
        if z_main >= self.lone_below or w in self._loans or shape.italian_form(w, self._zipf, self.main):
            return None
        zs = sorted(((self._zipf(w, lang), lang) for lang in self.stray), reverse=True)
        z, lang = zs[0]
        if len(zs) > 1 and z - zs[1][0] < 0.5:
            return None  # a word of two stray languages ("fours"): which one is unclear
        if z >= self.lone_from and z - max(z_main, 1.0) >= self.lone_evidence:
            return lang
        return None

    def _detect(self, text: str, heads_up: Callable[[str], None] | None = None) -> Detection:
        """Main language of `text` and its foreign spans (offsets into `text`).

        `heads_up(lang)` is called before lingua is asked to confirm a possible `lang`
        sentence or span: lingua's models take half a second to load the first time, and
        a caller may start meanwhile what it will need for `lang` (the pipeline, its engine)."""
        if self._surely_main(text):  # most Italian sentences: no tokens built
            return Detection(self.main, ())
        toks = self.tokens(text)
        if not toks:
            return Detection(self.main, ())
        kept = self._kept_runs(toks)
        if self._no_foreign_run(toks):  # most Italian sentences
            return Detection(self.main, (), kept)
        path = self._viterbi(toks)
        runs = shape.within_quotes(text, toks, shape.runs(path, self.main, toks))
        if not runs:
            return Detection(self.main, (), kept)
        informative = [
            i for i, t in enumerate(toks) if not t.barrier and max(abs(v) for v in t.ev.values()) > 0.3
        ]
        longest_main = max(
            (
                sum(1 for k in range(i, j) if k in informative)
                for _, i, j in shape.runs(path, "")
                if path[i] == self.main
            ),
            default=0,
        )
        if shape.edge_clause(text, toks, path, self.main, informative) or shape.italian_around_quote(
            text, toks, path, self.main, informative
        ):
            spans, more = self._spans(text, toks, runs, heads_up)
            return Detection(self.main, spans, _outside(kept, spans + more) + more)
        for lang in self.stray:
            share = sum(1 for i in informative if path[i] == lang) / max(1, len(informative))
            if not self._enough(toks, informative, lang):
                continue  # "Feb 26, 2014.", "[1350 n. 2, 2643 n. 2]": too little to call a sentence foreign
            conf = None
            if share >= 0.85:  # the words leave no doubt: lingua is not asked
                conf = round(share, 3)
            elif share >= 0.6 and longest_main < 3 and not self._main_word(toks, informative, path, lang):
                if heads_up:
                    heads_up(lang)
                scores = self.lingua_scores(text)
                if max(scores, key=scores.get) == lang:
                    conf = round(max(scores.get(lang, 0.0), share), 3)
            if conf is not None:
                if other := self._other_language(toks, 0, len(toks), lang):
                    return Detection(self.main, (), (Span(0, len(text), other, conf, "other language"),))
                return Detection(lang, shape.around_barriers(text, toks, lang, conf))
        spans, more = self._spans(text, toks, runs, heads_up)
        return Detection(self.main, spans, _outside(kept, spans + more) + more)

    # a word this much likelier Italian than the stray language (log10: a thousand times)
    _SURE_MAIN = 3.0

    def _main_word(self, toks: list[shape.Tok], informative: list[int], path: list[str], lang: str) -> bool:
        """A lowercase word of the sentence that only the main language has, as its verb: the
        sentence is Italian with foreign terms, whatever lingua makes of its letters ("GPT in
        ChatGPT significa generative pre-trained transformer."; a page on chatbots, held out)."""
        return any(
            path[i] == self.main and toks[i].text[0].islower() and -toks[i].ev[lang] >= self._SURE_MAIN
            for i in informative
        )

    def _enough(self, toks: list[shape.Tok], informative: list[int], lang: str) -> bool:
        """A foreign sentence needs two different words of two letters or more, and as much
        evidence as a span needs."""
        mine = [toks[i] for i in informative if toks[i].ev[lang] > 0]
        distinct = {t.text.lower() for t in mine if len(t.text) >= 2}
        return len(distinct) >= 2 and sum(t.ev[lang] for t in mine) >= self.min_span_evidence

    def _kept_runs(self, toks: list[shape.Tok]) -> tuple[Span, ...]:
        """Names and loan phrases whose words, before they were protected, read as foreign."""
        out = []
        i = 0
        while i < len(toks):
            if toks[i].raw is None:
                i += 1
                continue
            j = i
            while j < len(toks) and toks[j].raw is not None:
                j += 1
            kind = "loanword" if all(t.text[0].islower() for t in toks[i:j]) else "name"
            for lang in self.stray:
                evidence = sum((t.raw or {}).get(lang, 0.0) for t in toks[i:j])
                if evidence >= self.min_span_evidence and j - i >= 2:
                    out.append(Span(toks[i].start, toks[j - 1].end, lang, 1.0, kind))
                    break
            i = j
        return tuple(out)

    _OTHER = ("es", "pt", "de")

    def _other_language(self, toks: list[shape.Tok], i: int, j: int, lang: str) -> str | None:
        """Spanish, Portuguese or German, when the words are better explained by it than by
        `lang` ("Cien años de soledad" is not French): each language's words scored alike."""
        ws = [t.text.lower() for t in toks[i:j] if not t.barrier and not t.text[0].isdigit()]
        if len(ws) < 2:
            return None

        def fit(code: str) -> float:
            return sum(max(self._zipf(w, code), 1.0) for w in ws) / len(ws)

        mine, main = fit(lang), fit(self.main)
        score = {code: fit(code) for code in self._OTHER}  # each once (fit(best) was asked thrice)
        best = max(score, key=score.__getitem__)
        return best if score[best] > mine + 0.5 and score[best] > main + 0.5 else None

    def _spans(
        self,
        text: str,
        toks: list[shape.Tok],
        runs: list[tuple[str, int, int]],
        heads_up: Callable[[str], None] | None = None,
    ) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
        """Candidate runs → spans to translate, and spans kept as written (names, titles,
        quoted titles, other languages): trimmed, with enough evidence, lingua not against."""
        spans, kept = [], []
        for lang, i, j in (part for run in runs for part in self._apart(text, toks, *run)):
            i, j = shape.trim(text, toks, i, j, lang)
            if i >= j:
                continue
            evidence = sum(toks[k].ev[lang] for k in range(i, j))
            # a final clause after a comma ("…, the ADT Corporation.") needs less evidence
            clause = j == len(toks) and text[: toks[i].start].rstrip().endswith((",", ";", ":"))
            needed = self.min_span_evidence * (0.6 if clause else 1.0)
            if evidence < needed or (j - i < 2 and not clause):
                continue
            start, end = shape.past_elision(text, toks[i].start, lang), toks[j - 1].end
            conf = 1 / (1 + math.exp(-(evidence - self.min_span_evidence)))
            why = self._why_kept(text, toks, i, j, lang)
            if why:
                kept.append(Span(start, end, lang, round(conf, 3), why))
                continue
            if evidence < 2 * self.min_span_evidence:  # not overwhelming: lingua may veto
                if heads_up:
                    heads_up(lang)
                scores = self.lingua_scores(text[start:end])
                if scores.get(self.main, 0.0) > 0.8:
                    continue
                conf = 0.5 * conf + 0.5 * scores.get(lang, 0.0)
            spans.append(Span(start, end, lang, round(conf, 3)))
        return tuple(spans), tuple(kept)

    # Italian uses a word at least this often (Zipf) that the run's language has never written
    _ONLY_MAIN = 2.0

    def _apart(
        self, text: str, toks: list[shape.Tok], lang: str, i: int, j: int
    ) -> list[tuple[str, int, int]]:
        """A run cut at each lowercase word its language has never written and Italian uses: the
        sequence model lets one weak Italian word pass inside a foreign run, but a writer of
        `lang` would not have put it there ("i Pieux Établissements de la France à Rome
        inaugurano bocal", an art news page, held out: the name, the Italian verb, the lab's
        name). Cut too at a spaced dash, where a list's item gives its heading and goes on
        ("Riduzione del time to hire - Un time to hire elevato comporta…", a page on hiring,
        held out) or an aside opens: two parts of the text, each judged on its own evidence."""
        parts, a = [], i
        for k in range(i, j):
            if k > a and _DASH.search(text, toks[k - 1].end, toks[k].start):
                parts.append((lang, a, k))
                a = k
            w = toks[k].text
            if (
                w[0].islower()
                and not toks[k].name
                and w.isalpha()
                and self._zipf(w, lang) == 0.0
                and self._zipf(w, self.main) >= self._ONLY_MAIN
            ):
                if k > a:
                    parts.append((lang, a, k))
                a = k + 1
        if a < j:
            parts.append((lang, a, j))
        return parts

    def _why_kept(self, text: str, toks: list[shape.Tok], i: int, j: int, lang: str) -> str | None:
        """Why a foreign run is left as written, or None to translate it."""
        # a title or a name ("Financial Times", "de Les Parents Pauvres"): capitalised words,
        # maybe after a short word of the sentence; protected names next to foreign words
        # ("of the Supreme Court") go to the engine with them, which keeps them as written
        rest = [k for k in range(i, j) if not toks[k].name]
        if not rest:
            return "name"
        core = rest[0]
        while (
            core < rest[-1]
            and toks[core].text[0].islower()
            and len(toks[core].text) <= 3
            and toks[core].text not in shape.STRAY_ARTICLES
        ):
            core += 1
        words = [toks[k].text for k in rest if k >= core]
        if words[0][0].isupper() and shape.title_share(" ".join(words)) >= 0.6 and len(words) <= 12:
            return "title"
        # title case with its small words lowercase ("Back to the Future", "Gone with the
        # Wind"; ours): capitalised at both ends, every lowercase word a function word, two
        # capitalised words at least that are not acronyms
        if (
            3 <= len(words) <= 12
            and words[0][0].isupper()
            and words[-1][0].isupper()
            and all(w[0].isupper() or self._function_word(w) for w in words)
            and sum(w[0].isupper() and not w.isupper() for w in words) >= 2
        ):
            return "title"
        # a quoted title or expression ("Wonders of the African World", "melodic death metal
        # band"): a short quotation that is part of the Italian sentence, not a quoted
        # statement introduced by a colon or standing as a clause of its own
        end = toks[j - 1].end - (toks[j - 1].text[-1] in "'’")  # "age'" closes a quote
        found = shape.enclosing_quote(text, toks[i].start, end)
        if found is not None:
            opener, quote = found
            n = len(quote.split())
            before = text[:opener].rstrip()
            if n <= 2 or shape.title_share(quote) >= 0.6:
                return "title"
            # a short quoted name or term the sentence uses as a noun ("la spazzola "Brosse pour
            # le sein"", "una semplice "melodic death metal band""): capitalised, or a compound
            # without function words; a quoted phrase ("una "broad commonality of national
            # interests"") is a leftover of the translation and is translated
            inner = shape.TOKEN.findall(quote)
            compound = not any(self._function_word(w) for w in inner)
            if n <= 6 and before and before[-1].isalpha() and (quote.strip()[:1].isupper() or compound):
                return "title"
        return "other language" if self._other_language(toks, i, j, lang) else None


_DASH = regex.compile(r"\s[-–—]\s")


def _outside(kept: tuple[Span, ...], spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The kept names and loan phrases no span takes in (nor a title kept around them): a name
    inside a span goes to the engine with it, which keeps it as written, and a record's
    segments never overlap ("and Information for Maintainers of GNU Software" and the name
    inside it; a Debian manual)."""
    return tuple(k for k in kept if not any(s.start < k.end and k.start < s.end for s in spans))
