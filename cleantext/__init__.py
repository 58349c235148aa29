"""cleantext — repair scraped Italian news, find stray French/English, translate it offline.

    >>> from cleantext import clean_text
    >>> clean_text("ilIl presidente ha detto .")
    'Il presidente ha detto.'

The public names are loaded on first use so that `import cleantext` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "Fix", "Pipeline", "Segment", "Sentence", "Settings", "clean_text"]

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
