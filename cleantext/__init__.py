"""cleantext — repair scraped Italian news, find stray French/English, translate it offline.

    >>> from cleantext import clean_text
    >>> clean_text("ilIl presidente ha detto .")
    'Il presidente ha detto.'

The public names are loaded on first use so that `import cleantext` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Document",
    "Fix",
    "Pipeline",
    "Segment",
    "Sentence",
    "Settings",
    "TranslationError",
    "clean_text",
    "detect",
    "translate",
]

if TYPE_CHECKING:
    from cleantext.model import Document, Fix, Segment, Sentence
    from cleantext.pipeline import Pipeline, Settings

_LAZY = {
    "Document": "cleantext.model",
    "Fix": "cleantext.model",
    "Segment": "cleantext.model",
    "Sentence": "cleantext.model",
    "Pipeline": "cleantext.pipeline",
    "Settings": "cleantext.pipeline",
}

_default_pipeline = None
_pipelines: dict[Any, Any] = {}  # detect's pipelines and translate's routers, one per settings


class TranslationError(RuntimeError):
    """No engine could translate the text (not installed, no pair, or the output failed the checks)."""


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cleantext' has no attribute {name!r}")


def clean_text(text: str, translate: bool = True, **settings: Any) -> str:
    """Clean one Italian text and return it (paragraphs separated by a blank line).

    Any field of `Settings` may be given by name, as ftfy's `fix_text(text, **config)`
    takes its options: `clean_text(text, stray_sentences="drop", min_quality=0.4)`. The
    pipeline is built once per distinct settings and kept for the next call."""
    global _default_pipeline
    from cleantext.pipeline import Pipeline, Settings

    wanted = Settings(translate=translate, **settings)
    if _default_pipeline is None or _default_pipeline.settings != wanted:
        if _default_pipeline is not None:
            _default_pipeline.close()
        _default_pipeline = Pipeline(wanted)
    return _default_pipeline.run(text).text


def detect(text: str, **settings: Any) -> list[Sentence]:
    """The sentences of `text` with their language and foreign spans, nothing translated.

    Each `Sentence` has `language` (the sentence's main language) and `segments`: the
    foreign spans, with offsets into `Sentence.source`, a language, a confidence and
    `kept` (why a span is left as written) or `leftover` (why it would be translated).
    Settings by name, as `clean_text` takes them: `detect(text, stray=("fr", "en", "es"))`."""
    from cleantext.pipeline import Pipeline, Settings

    wanted = Settings(translate=False, **settings)
    if (pipeline := _pipelines.get(("detect", wanted))) is None:
        pipeline = _pipelines[("detect", wanted)] = Pipeline(wanted)
    return [s for s in pipeline.run(text).sentences if not s.dropped]


def translate(text: str, source: str, target: str = "it", **settings: Any) -> str:
    """`text` in language `source` translated into `target`, offline, by the first engine
    that serves the pair (`engine="auto"`: an installed Argos package, else Apertium).

    Raises TranslationError when no engine serves the pair or the output fails the checks
    (empty, implausible length). Settings by name: `translate(t, "en", engine="apertium")`."""
    from cleantext.pipeline import Settings
    from cleantext.translation.engines import build_engines
    from cleantext.translation.route import Router, plausible_length

    if source == target:
        return text
    wanted = Settings(**settings)
    key = ("translate", wanted, target)
    if (router := _pipelines.get(key)) is None:
        from cleantext.translation.postedit import tidy

        # into Italian, the post-edits a clean run applies ("4,5 miliardi di dollari", "nel 2002")
        post = tidy if target == "it" else None
        router = _pipelines[key] = Router(build_engines(wanted), target, (plausible_length,), post=post)
    (outcome,) = router.translate([(text, source)])
    if outcome.translation is None:
        why = "; ".join(r for e in router.engines if (r := e.why_unavailable()))
        raise TranslationError(
            f"{outcome.note}" + (f" ({why})" if why and "no engine" in outcome.note else "")
        )
    return outcome.translation
