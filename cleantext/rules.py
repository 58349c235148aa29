"""One way to declare every rule of every stage that rewrites or drops text.

A `Rule` has a name, a reason that no other rule gives (so a record says which rule fired),
what it does — a `Rewrite` (`pattern` → `repl`, a whole-text `func`, or a `charwise` edit)
or a `LineTest` (`test(text, context, rule)` → does the rule fire on this line?) — the named
numbers it uses (`thresholds`, read with `rule.limit(name)`), and examples that say where
they came from (`Example.source`: "own", "samples", "lingua", or a benchmark document,
"dev:doc0162"). Repair (`cleantext.repair`), scrape-clean (`cleantext.scrape`), the English
pre-edits (`cleantext.translation.preedit`) and post-edit (`cleantext.translation.postedit`) all declare
their rules this way; the tests run every example. A rewrite may also say what every text
it changes has (`needs`: a pattern, or a test, much cheaper than the rule, checked first):
most paragraphs then skip it, and a test checks on real text that the rule gives the same
result with and without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from cleantext.latin import LatinPattern

Replacement = str | Callable[["regex.Match[str]"], str]
# where an example may come from: our own writing, the seed articles, lingua's test
# sentences, or a document of a benchmark ("dev:doc0162")
SOURCES = ("own", "samples", "lingua")


@dataclass(frozen=True, slots=True)
class Example:
    """`text` and what the rule makes of it: the rewritten text, or True/False for a test
    (fires or not); `source` says where the text came from."""

    text: str
    result: str | bool
    source: str = "own"

    def __post_init__(self) -> None:
        if self.source not in SOURCES and not regex.fullmatch(r"[a-z-]+:\S+", self.source):
            raise ValueError(f"example source {self.source!r}: one of {SOURCES} or 'benchmark:document'")


@dataclass(frozen=True, slots=True)
class Rule:
    """What every rule has: a name, a reason no other rule gives, named thresholds and
    examples with their source. A rule is a `Rewrite` or a `LineTest`."""

    name: str
    reason: str
    thresholds: tuple[tuple[str, float], ...] = field(default=(), kw_only=True)
    examples: tuple[Example, ...] = field(default=(), kw_only=True)

    def limit(self, name: str) -> float:
        """One of the rule's named thresholds."""
        for key, value in self.thresholds:
            if key == name:
                return value
        raise KeyError(f"{self.name} has no threshold {name!r}")


@dataclass(frozen=True, slots=True)
class Rewrite(Rule):
    """A rule that rewrites text: `pattern` → `repl`, a whole-text `func`, or a `charwise`
    edit (repair, pre-edit, post-edit)."""

    pattern: regex.Pattern[str] | None = None
    repl: Replacement = ""
    func: Callable[[str], str] | None = None
    # or: one replacement string per input character (None when nothing changes); the
    # cheapest way to keep exact offsets for rules that edit here and there
    charwise: Callable[[str], list[str] | None] | None = None
    # what every text the rewrite changes has, much cheaper to check than the rule itself:
    # a pattern to search (the rule's lookbehinds run at every position), or a test of the
    # text (a rule that asks about every word: one look-up per word, no rewrite attempted)
    # (a LatinPattern: the same search, by `re` on Latin text)
    needs: regex.Pattern[str] | LatinPattern | Callable[[str], bool] | None = None

    def __post_init__(self) -> None:
        if self.pattern is None and self.func is None and self.charwise is None:
            raise ValueError(f"rewrite {self.name}: give a pattern, a func or a charwise edit")

    def skips(self, text: str) -> bool:
        """The rewrite cannot change `text` (it lacks what the rule `needs`)."""
        needs = self.needs
        if needs is None:
            return False
        if isinstance(needs, (regex.Pattern, LatinPattern)):
            return needs.search(text) is None
        return not needs(text)

    def fix(self, text: str) -> str:
        """The rewrite applied to plain text."""
        if self.skips(text):
            return text
        if self.func is not None:
            return self.func(text)
        if self.charwise is not None:
            out = self.charwise(text)
            return text if out is None else "".join(out)
        return self.pattern.sub(self.repl, text)  # type: ignore[union-attr]  # (checked at creation)


@dataclass(frozen=True, slots=True)
class LineTest(Rule):
    """A rule that judges one line in its context: does it fire (scrape-clean, the counting
    pass)? `test(text, context, rule)`."""

    test: Callable[[str, Any, Rule], bool] | None = None

    def __post_init__(self) -> None:
        if self.test is None:
            raise ValueError(f"line test {self.name}: give its test")

    def fires(self, text: str, context: Any = None) -> bool:
        """Does the rule fire on `text` (a line, in its `context`)?"""
        return bool(self.test(text, context, self))  # type: ignore[misc]  # (checked at creation)


def holding(*pieces: str) -> Callable[[str], bool]:
    """A `needs` test: the text holds one of these strings (a plain search, the cheapest)."""

    def test(text: str) -> bool:
        return any(piece in text for piece in pieces)

    return test


def fixed_point(rules: tuple[Rewrite, ...], text: str, rounds: int = 5) -> str:
    """Apply rewrite rules in their written order until nothing changes (a rule may make
    what a rule before it needs: "In il 15 agosto" → "Nel 15 agosto" → "Il 15 agosto")."""
    for _ in range(rounds):
        before = text
        for rule in rules:
            text = rule.fix(text)
        if text == before:
            break
    return text
