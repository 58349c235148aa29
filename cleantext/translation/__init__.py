"""Stage 6 — translate: offline engines behind one protocol, and the router that picks one."""

from cleantext.translation.base import EngineUnavailable, Translator

__all__ = ["EngineUnavailable", "Translator"]
