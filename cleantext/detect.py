"""Stage 5 — detect: the language of each sentence and foreign spans inside Italian ones.

Character n-grams (lingua) are weak on two-word spans and flag Italian phrases such as
"summit online" or "Putin ha". So the first pass is word-level: each word gets evidence
log10 f_L(w) − log10 f_it(w) from wordfreq's frequency lists (Italian usage already
counts loanwords like "leader" and "online", so they score near zero), and a Viterbi
pass with a language-switch penalty finds the runs where a foreign language explains the
words much better. Names (capitalised words inside a sentence), numbers and known loan
phrases carry no evidence. lingua, in high-accuracy mode, then confirms whole sentences
and re-scores candidate spans. Sentences with no foreign evidence never reach lingua.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

DEFAULT_STRAY = ("fr", "en")
_LINGUA_LOCK = threading.Lock()
_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*['’]?|\p{N}+(?:[.,:]\p{N}+)*")
_INITIAL_AFTER = frozenset('.!?:“«"”(‘-–')


@dataclass(frozen=True, slots=True)
class Span:
    """A foreign span found in a sentence: [start, end) offsets into the detected text."""

    start: int
    end: int
    language: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Detection:
    language: str  # the sentence's main language
    spans: tuple[Span, ...]


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    ev: dict[str, float]  # evidence for each stray language vs the main one (log10 units)


@lru_cache(maxsize=1)
def loan_phrases() -> frozenset[str]:
    """Foreign words and phrases in ordinary Italian use (cleantext/data/loanwords.txt)."""
    text = resources.files("cleantext.data").joinpath("loanwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


class Detector:
    """Built once per process (lingua models load lazily) and reused for every sentence."""

    def __init__(
        self,
        main: str = "it",
        stray: tuple[str, ...] = DEFAULT_STRAY,
        switch_penalty: float = 1.5,
        min_span_evidence: float = 3.0,
    ) -> None:
        self.main = main
        self.stray = tuple(s for s in stray if s != main)
        self.switch_penalty = switch_penalty
        self.min_span_evidence = min_span_evidence
        self._lingua = None
        self._zipf = lru_cache(maxsize=500_000)(self._zipf_uncached)
        self._evidence = lru_cache(maxsize=500_000)(self._evidence_uncached)  # type: ignore[method-assign]
        self._loans = loan_phrases()
        self._max_loan_words = max((len(p.split()) for p in self._loans), default=1)
        self._loan_heads = frozenset(p.split()[0] for p in self._loans)
        self._zero = dict.fromkeys(self.stray, 0.0)

    # --- word evidence -------------------------------------------------------------

    @staticmethod
    def _zipf_uncached(word: str, lang: str) -> float:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang)

    def _evidence_uncached(self, word: str) -> dict[str, float]:
        """Evidence per stray language for one word (callers must not mutate the dict)."""
        w = word.lower().replace("’", "'")
        z_main = self._zipf(w, self.main)
        zs = {lang: self._zipf(w, lang) for lang in self.stray}
        if z_main == 0 and not any(zs.values()) and "'" in w.strip("'"):
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
        if z_main == 0 and not any(zs.values()):
            return dict.fromkeys(self.stray, 0.0)  # unknown everywhere: a name or a typo
        floor = 1.0
        return {lang: max(-4.0, min(4.0, max(z, floor) - max(z_main, floor))) for lang, z in zs.items()}

    def tokens(self, text: str) -> list[_Tok]:
        toks: list[_Tok] = []
        matches = list(_TOKEN.finditer(text))
        for i, m in enumerate(matches):
            word = m.group()
            k = m.start() - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            initial = i == 0 or text[k] in _INITIAL_AFTER
            if word[0].isdigit() or (word.isupper() and len(word) > 1):
                ev = self._zero  # numbers and acronyms say nothing
            elif word[0].isupper() and not initial:
                # probably a name; a common foreign word in title case ("Health") still counts half
                ev = self._half(word)
            else:
                ev = self._evidence(word)
            toks.append(_Tok(m.start(), m.end(), word, ev))
        self._protect_loans(toks)
        return toks

    @lru_cache(maxsize=100_000)  # noqa: B019 - one detector per process, bounded
    def _half(self, word: str) -> dict[str, float]:
        return {k: v / 2 for k, v in self._evidence(word).items()}

    def _protect_loans(self, toks: list[_Tok]) -> None:
        """Known loan phrases ("smart working", "déjà vu") count as Italian."""
        lows = [t.text.lower().replace("’", "'") for t in toks]
        for i in range(len(toks)):
            if lows[i] not in self._loan_heads:
                continue
            for n in range(min(self._max_loan_words, len(toks) - i), 0, -1):
                if " ".join(lows[i : i + n]) in self._loans:
                    for t in toks[i : i + n]:
                        t.ev = {k: min(v, 0.0) for k, v in t.ev.items()}
                    break

    # --- sequence model ------------------------------------------------------------

    def _viterbi(self, toks: list[_Tok], penalty: float | None = None) -> list[str]:
        """Most likely language per token: emissions are the evidence, switching costs `penalty`."""
        states = (self.main, *self.stray)
        p = self.switch_penalty if penalty is None else penalty
        score = [0.0] + [-p / 2] * len(self.stray)
        n = len(states)
        back: list[list[int]] = []
        for t in toks:
            best_prev = max(range(n), key=score.__getitem__)
            top = score[best_prev] - p
            new, ptr = [0.0] * n, [0] * n
            for k in range(n):
                stay = score[k]
                if stay >= top:
                    new[k], ptr[k] = stay, k
                else:
                    new[k], ptr[k] = top, best_prev
                if k:
                    new[k] += t.ev[states[k]]
            score = new
            back.append(ptr)
        state = max(range(n), key=score.__getitem__)  # ending foreign costs nothing more
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

    def lingua_scores(self, text: str) -> dict[str, float]:
        return {
            cv.language.iso_code_639_1.name.lower(): cv.value
            for cv in self.lingua.compute_language_confidence_values(text)
        }

    # --- public --------------------------------------------------------------------

    def detect(self, text: str) -> Detection:
        """Main language of `text` and its foreign spans (offsets into `text`)."""
        toks = self.tokens(text)
        if not toks:
            return Detection(self.main, ())
        path = self._viterbi(toks)
        runs = _runs(path, self.main)
        if not runs:
            return Detection(self.main, ())
        informative = [i for i, t in enumerate(toks) if max(abs(v) for v in t.ev.values()) > 0.3]
        longest_main = max(
            (
                sum(1 for k in range(i, j) if k in informative)
                for _, i, j in _runs(path, "")
                if path[i] == self.main
            ),
            default=0,
        )
        if _edge_clause(text, toks, path, self.main, informative):
            return Detection(self.main, tuple(self._spans(text, toks, runs)))
        for lang in self.stray:
            share = sum(1 for i in informative if path[i] == lang) / max(1, len(informative))
            if share >= 0.85:  # the words leave no doubt: lingua is not asked
                return Detection(lang, (Span(0, len(text), lang, round(share, 3)),))
            if share >= 0.6 and longest_main < 3:
                scores = self.lingua_scores(text)
                if max(scores, key=scores.get) == lang:
                    conf = round(max(scores.get(lang, 0.0), share), 3)
                    return Detection(lang, (Span(0, len(text), lang, conf),))
        return Detection(self.main, tuple(self._spans(text, toks, runs)))

    def _spans(self, text: str, toks: list[_Tok], runs: list[tuple[str, int, int]]) -> list[Span]:
        """Candidate runs → spans: trimmed, with enough evidence, not a title, lingua not against."""
        spans = []
        for lang, i, j in runs:
            i, j = _trim(text, toks, i, j, lang)
            if i >= j:
                continue
            evidence = sum(toks[k].ev[lang] for k in range(i, j))
            # a final clause after a comma ("…, the ADT Corporation.") needs less evidence
            clause = j == len(toks) and text[: toks[i].start].rstrip().endswith((",", ";", ":"))
            needed = self.min_span_evidence * (0.6 if clause else 1.0)
            if evidence < needed or (j - i < 2 and not clause):
                continue
            span_text = text[toks[i].start : toks[j - 1].end]
            if span_text[0].isupper() and _title_share(span_text) >= 0.6 and j - i <= 12:
                continue  # a title or a name ("Financial Times", "Park Conservation and Heritage")
            quote = _enclosing_quote(text, toks[i].start, toks[j - 1].end)
            if quote is not None and (len(quote.split()) <= 2 or _title_share(quote) >= 0.6):
                continue  # a quoted title or expression ("Wonders of the African World", "bien élevé")
            start, end = toks[i].start, toks[j - 1].end
            conf = 1 / (1 + math.exp(-(evidence - self.min_span_evidence)))
            if evidence < 2 * self.min_span_evidence:  # not overwhelming: lingua may veto
                scores = self.lingua_scores(text[start:end])
                if scores.get(self.main, 0.0) > 0.8:
                    continue
                conf = 0.5 * conf + 0.5 * scores.get(lang, 0.0)
            conf = round(conf, 3)
            spans.append(Span(start, end, lang, conf))
        return spans


def missing_breaks(text: str, detection: Detection, min_words: int = 4) -> list[int]:
    """Offsets where a sentence break was lost at a change of language.

    Scraped text drops a final period now and then ("…a rodent called a dormouse Un'altra
    differenza…"); the splitter cannot see that break, but the language change shows it: a
    foreign span ends (or starts) with no punctuation, right next to a capitalised word that
    is an ordinary word of the sentence, not a name ("Un'altra", "The"), and each side holds
    at least `min_words` words. Cutting there keeps one sentence per record, each in one language."""
    cuts = []
    for span in detection.spans:
        for at in (span.start, span.end):
            before, after = text[:at].rstrip(), text[at:].lstrip()
            if not before or not after or before[-1] in ".!?…:;,–—-(\"“”«»'’":
                continue
            nxt = _TOKEN.match(after)
            if nxt is None or not nxt.group()[0].isupper() or _is_name(nxt.group()):
                continue
            if len(_TOKEN.findall(before)) >= min_words and len(_TOKEN.findall(after)) >= min_words:
                cuts.append(at)
    return sorted(set(cuts))


def _is_name(word: str) -> bool:
    """A capitalised word that is rarely written in lower case in any of the languages."""
    from wordfreq import zipf_frequency

    head = regex.split(r"['’]", word.lower())[0] or word.lower()
    return max(zipf_frequency(head, lang) for lang in ("it", "fr", "en")) < 4.0


def _edge_clause(text: str, toks: list[_Tok], path: list[str], main: str, informative: list[int]) -> bool:
    """An opening or closing clause in the main language ("Alla fine, le chef est…"): the
    sentence is mixed, so only the foreign part is a span, not the whole sentence."""
    info = set(informative)
    for edge in (range(len(toks)), range(len(toks) - 1, -1, -1)):
        run = []
        for k in edge:
            if path[k] != main:
                break
            run.append(k)
        if not run or len(run) == len(toks) or sum(k in info for k in run) < 2:
            continue
        a, b = sorted((run[-1], run[-1] + (1 if edge.step == 1 else -1)))
        if text[toks[a].end : toks[b].start].strip() in {",", ";", ":", "–", "—", "-"}:
            return True
    return False


def _runs(path: list[str], main: str) -> list[tuple[str, int, int]]:
    """(language, start, end) of each maximal run of tokens not in `main`."""
    runs, i = [], 0
    while i < len(path):
        if path[i] == main:
            i += 1
            continue
        j = i
        while j < len(path) and path[j] == path[i]:
            j += 1
        runs.append((path[i], i, j))
        i = j
    return runs


def _trim(text: str, toks: list[_Tok], i: int, j: int, lang: str) -> tuple[int, int]:
    """Span edges: drop weak edge words, then take in adjacent names and numbers.

    Function words shared with Italian ("la", "a") at the edges carry too little evidence
    to claim, unless they are the article of a clearly foreign word; names right next to a
    foreign phrase ("Kevin Kilner vient") belong to it, as long as only a space separates them.
    """
    while i < j and toks[i].ev[lang] <= (0.0 if i + 1 < j and toks[i + 1].ev[lang] >= 1 else 0.35):
        i += 1  # a weak word is kept only as the article of a clearly foreign word ("a beautiful")
    while j > i and toks[j - 1].ev[lang] < 0.35:
        j -= 1
    if i >= j:
        return i, j
    weak = toks[i].ev[lang] < (0.7 if toks[i].text.islower() else 1.0)  # a name says little either way
    if j - i > 2 and weak and _opens_clause(text, toks, i + 1):
        # "…da altre parti, et possèdent…", "…per Sambi, nous disposons…": a weak word or a
        # name closing the main-language clause stays with it; the foreign clause starts
        # after the comma
        i += 1
    elif i > 0 and _opens_clause(text, toks, i - 1) and toks[i - 1].text.islower() and toks[i].text.islower():
        # ", il ne faut pas…": a word both languages use ("il", "un", "se") that opens the
        # clause belongs to the foreign clause it opens
        word = toks[i - 1]
        if len(word.text) <= 3 and word.ev[lang] > -1.0 and max(t.ev[lang] for t in toks[i : i + 2]) >= 1:
            i -= 1
    while i > 0 and _neutral_name(toks[i - 1], lang) and text[toks[i - 1].end : toks[i].start].isspace():
        i -= 1
    while j < len(toks) and _neutral_name(toks[j], lang) and text[toks[j - 1].end : toks[j].start].isspace():
        j += 1
    return i, j


def _opens_clause(text: str, toks: list[_Tok], k: int) -> bool:
    """Token k starts the text or follows clause punctuation."""
    before = text[: toks[k].start].rstrip()
    return not before or before[-1] in ",;:(–—"


def _neutral_name(t: _Tok, lang: str) -> bool:
    return t.text[0].isupper() and abs(t.ev[lang]) < 0.5


_OPEN_Q = "“«\"‘'”"
_CLOSE_Q = "”»\"’'“"


def _enclosing_quote(text: str, start: int, end: int) -> str | None:
    """The quotation around text[start:end], if the span lies inside one."""
    left = max(text.rfind(q, 0, start) for q in _OPEN_Q)
    if left < 0:
        return None
    rights = [r for q in _CLOSE_Q if (r := text.find(q, end)) >= 0]
    if not rights:
        return None
    right = min(rights)
    inner = text[left + 1 : right]
    if any(q in inner for q in _OPEN_Q + _CLOSE_Q):
        return None
    return inner


def _title_share(text: str) -> float:
    """Share of capitalised words; an elided article does not hide a name ("l'Oyapock")."""
    ws = [w for w in _TOKEN.findall(text) if not w[0].isdigit()]
    return sum(regex.split(r"['’]", w)[-1][:1].isupper() for w in ws) / max(1, len(ws))
