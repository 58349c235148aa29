"""The caches of words and texts a run fills, in one registry.

A run remembers what it has met (a word's frequencies, a line's words, a paragraph's
quotation marks) in bounded caches. `memo` makes one and registers it, so that `clear`
can forget them all: a benchmark then meets its corpus as new (scripts/bench.py), while
tables and models, cached elsewhere, stay loaded.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: weakref.WeakSet[Any] = weakref.WeakSet()  # a detector's caches go with it


def memo(maxsize: int) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, registered for `clear`."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _REGISTRY.add(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear() -> None:
    """Forget every word and text met so far, in every registered cache."""
    for cached in list(_REGISTRY):
        cached.cache_clear()
