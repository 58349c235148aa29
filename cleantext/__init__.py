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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cleantext' has no attribute {name!r}")


def clean_text(text: str, translate: bool = True) -> str:
    """Clean one Italian text and return it (paragraphs separated by a blank line)."""
    global _default_pipeline
    from cleantext.pipeline import Pipeline, Settings

    if _default_pipeline is None or _default_pipeline.settings.translate != translate:
        _default_pipeline = Pipeline(Settings(translate=translate))
    return _default_pipeline.run(text).text
