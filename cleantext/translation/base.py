"""The one interface every translation engine implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


class EngineUnavailable(RuntimeError):
    """The engine cannot run here; the message says what to install."""


@runtime_checkable
class Translator(Protocol):
    """Batch translation between ISO 639-1 languages.

    `translate` returns exactly one output per input, in order. `available` is cheap and
    never raises; `why_unavailable` says what to install when it is False.
    """

    name: str

    def supports(self, source: str, target: str) -> bool: ...

    def available(self) -> bool: ...

    def why_unavailable(self) -> str: ...

    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...

    def close(self) -> None: ...
