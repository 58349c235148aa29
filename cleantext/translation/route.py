"""Engine order, caching and the after-translation check.

The pipeline hands over (text, source language) pairs and gets back, for each, a
translation with the engine that made it — or None with the reason it was kept as is.
What to do to a translation before it is checked (post-editing into Italian) is the
caller's: the router knows no stage.
The first engine that serves the pair wins (Argos if a package serves it, else
Apertium); identical spans are translated once per process; a translation must be of
plausible length and read as Italian, otherwise the source is kept and the reason noted.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from cleantext.translation.base import Translator

log = logging.getLogger(__name__)

CACHE_SIZE = 100_000  # translations kept per process (most recently used)


@dataclass(frozen=True, slots=True)
class Outcome:
    translation: str | None
    engine: str | None
    note: str | None = None


Check = Callable[[str, str], str | None]  # (source, translation) → reason to reject, or None
Post = Callable[[str, str, str], str]  # (translation, source, language) → the translation edited


def plausible_length(source: str, translation: str) -> str | None:
    if not translation.strip():
        return "empty translation"
    if len(source) >= 20 and not 0.4 <= len(translation) / len(source) <= 2.5:
        return f"implausible length ({len(translation)} chars for {len(source)})"
    return None


R = TypeVar("R")


def _each_language(todo: dict[str, list[str]], run: Callable[[str, list[str]], R]) -> list[R]:
    """`run(lang, texts)` for each language, side by side when there are several (each
    language has its own engine process)."""
    if len(todo) <= 1:
        return [run(lang, texts) for lang, texts in todo.items()]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(todo)) as pool:
        return list(pool.map(lambda kv: run(*kv), todo.items()))


class Router:
    """Engines in order of preference, a bounded cache, and the checks.

    The cache keeps the `cache_size` most recently used translations, so a run over
    millions of documents holds bounded memory while repeated spans stay cheap."""

    def __init__(
        self,
        engines: Sequence[Translator],
        target: str = "it",
        checks: Sequence[Check] = (plausible_length,),
        cache_size: int = CACHE_SIZE,
        post: Post | None = None,
    ) -> None:
        self.engines = list(engines)
        self.target = target
        self.checks = list(checks)
        self.post = post  # the caller's post-edit stage, run before the checks
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple[str, str], Outcome] = OrderedDict()
        self._warned: set[str] = set()
        self.counts: dict[str, int] = {}

    def prestart(self, sources: Sequence[str]) -> None:
        """Let the engine that will serve each source language start its processes now (an
        engine without a `prestart` starts on its first text, as before)."""
        for lang in sources:
            engine = next((e for e in self.engines if e.supports(lang, self.target)), None)
            if engine is not None and (start := getattr(engine, "prestart", None)):
                start(lang, self.target)

    def translate(self, items: Sequence[tuple[str, str]]) -> list[Outcome]:
        """Translate (text, source language) pairs into the target language."""
        known: dict[tuple[str, str], Outcome] = {}
        todo: dict[str, list[str]] = {}
        for text, lang in items:
            key = (text, lang)
            if key in known or text in todo.get(lang, ()):
                continue
            if (hit := self._cache.get(key)) is not None:
                self._cache.move_to_end(key)
                known[key] = hit
            else:
                todo.setdefault(lang, []).append(text)
        results = _each_language(todo, self._run)
        for (lang, texts), outcomes in zip(todo.items(), results, strict=True):
            for text, outcome in zip(texts, outcomes, strict=True):
                known[(text, lang)] = outcome
                self._cache[(text, lang)] = outcome
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        out = [known[(t, lang)] for t, lang in items]
        for o in out:
            if o.translation is not None and o.engine:
                self.counts[o.engine] = self.counts.get(o.engine, 0) + 1
        return out

    def back(self, items: Sequence[tuple[str, str]]) -> list[str | None]:
        """Translate (text in the target language, source language) pairs back into their
        source language, raw (no post-edit, checks, cache or counts): evidence for the
        quality estimate. None where no engine serves the way back or it failed."""
        todo: dict[str, list[str]] = {}
        for lang in dict.fromkeys(lang for _, lang in items):
            todo[lang] = list(dict.fromkeys(text for text, lg in items if lg == lang))

        def run(lang: str, texts: list[str]) -> dict[str, str | None]:
            for engine in self.engines:
                if engine.supports(self.target, lang):
                    try:
                        return dict(zip(texts, engine.translate(texts, self.target, lang), strict=True))
                    except Exception as e:  # noqa: BLE001 - evidence only: the run goes on
                        log.warning("%s failed translating back into %s: %s", engine.name, lang, e)
            return dict.fromkeys(texts)

        done = dict(zip(todo, _each_language(todo, run), strict=True))
        return [done[lang][text] for text, lang in items]

    def _run(self, lang: str, texts: list[str]) -> list[Outcome]:
        """The first engine that serves the pair translates; one that fails (a model that
        does not load, a chain that died) hands the texts to the next one."""
        failed = []
        for engine in self.engines:
            if not engine.supports(lang, self.target):
                continue
            try:
                results = engine.translate(texts, lang, self.target)
            except Exception as e:  # noqa: BLE001 - an engine failure must not fail the run
                log.warning("%s failed on %d %s texts: %s", engine.name, len(texts), lang, e)
                failed.append(f"{engine.name} failed: {e}")
                continue
            return [self._checked(engine.name, t, r, lang) for t, r in zip(texts, results, strict=True)]
        if failed:
            return [Outcome(None, None, "; ".join(failed))] * len(texts)
        note = f"no engine for {lang}→{self.target}"
        if note not in self._warned:
            self._warned.add(note)
            reasons = "; ".join(r for e in self.engines if (r := e.why_unavailable()))
            log.warning("%s: spans kept untranslated. %s", note, reasons)
        return [Outcome(None, None, note)] * len(texts)

    def _checked(self, engine: str, text: str, translation: str, lang: str) -> Outcome:
        if self.post is not None:
            translation = self.post(translation, text, lang)
        reason = next((why for check in self.checks if (why := check(text, translation))), None)
        return Outcome(None, engine, f"rejected: {reason}") if reason else Outcome(translation, engine)

    def close(self) -> None:
        for e in self.engines:
            e.close()
