"""Stage 6 — translate: offline engines behind one protocol, the router that picks one, and
the rules that edit what goes in (English pre-edits) and what comes out (Italian post-edit)."""

from cleantext.translation.base import EngineUnavailable, Translator

__all__ = ["EngineUnavailable", "Translator"]
