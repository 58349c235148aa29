"""Rewrite rules that remember where every character came from.

Each repair is a `Rule` (`cleantext.rules`: a name, a reason, a regex substitution, a
whole-text function or a per-character edit, and examples with their source).
`Rule.fix(text)` is the plain function users call. `Tracked` applies rules to a
paragraph while keeping, for every output character, the offset of the input character it
came from, so sentences and foreign spans found later can point back into the text as read.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from cleantext.rules import Rewrite

__all__ = ["Tracked"]


@dataclass(slots=True)
class Tracked:
    """Text plus, for each character, its offset in the original (`origin[len] == len(raw)`)."""

    raw: str
    text: str = ""
    origin: Sequence[int] = field(default_factory=list)
    applied: list[tuple[Rewrite, list[tuple[int, int]]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.raw
        self.origin = range(len(self.raw) + 1)  # (a list once a rule changes the text)

    def apply(self, rule: Rewrite) -> bool:
        """Apply `rule`; record it with the original ranges it touched. True if it changed."""
        if rule.skips(self.text):
            return False
        if rule.func is not None:
            return self._apply_func(rule)
        if rule.charwise is not None:
            return self._apply_charwise(rule)
        assert rule.pattern is not None
        pieces: list[str] = []
        origin: list[int] = []
        touched: list[tuple[int, int]] = []
        last = 0
        text, old = self.text, self.origin
        for m in rule.pattern.finditer(text):
            new = m.expand(rule.repl) if isinstance(rule.repl, str) else rule.repl(m)
            s, e = m.span()
            if new == text[s:e]:
                continue
            pieces.append(text[last:s])
            origin.extend(old[last:s])
            pieces.append(new)
            origin.extend(_spread(old, s, e, len(new)))
            touched.append((old[s], old[e] if e < len(old) else old[-1]))
            last = e
        if not touched:
            return False
        pieces.append(text[last:])
        origin.extend(old[last:])
        self.text = "".join(pieces)
        self.origin = origin
        self.applied.append((rule, touched))
        return True

    def _apply_charwise(self, rule: Rewrite) -> bool:
        assert rule.charwise is not None
        out = rule.charwise(self.text)
        if out is None or "".join(out) == self.text:
            return False
        old, text = self.origin, self.text
        origin: list[int] = []
        touched: list[tuple[int, int]] = []
        for i, rep in enumerate(out):
            origin.extend([old[i]] * len(rep))
            if rep != text[i]:
                touched.append((old[i], old[i + 1]))
        origin.append(old[-1])
        self.text, self.origin = "".join(out), origin
        self.applied.append((rule, touched))
        return True

    def _apply_func(self, rule: Rewrite) -> bool:
        assert rule.func is not None
        new = rule.func(self.text)
        if new == self.text:
            return False
        old_text, old = self.text, self.origin
        origin: list[int] = []
        touched: list[tuple[int, int]] = []
        for op, i1, i2, j1, j2 in _opcodes(old_text, new):
            if op == "equal":
                origin.extend(old[i1:i2])
            else:
                origin.extend(_spread(old, i1, i2, j2 - j1))
                touched.append((old[i1], old[i2]))
        origin.append(old[-1])
        self.text, self.origin = new, origin
        self.applied.append((rule, touched))
        return True

    def span_origin(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the output range [start, end)."""
        return self.origin[start], self.origin[end]


_PIECES = regex.compile(r"\s+|\S+")


def _opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """Edit opcodes from a to b; cheap when whitespace is unchanged (token by token)."""
    pa, pb = _PIECES.findall(a), _PIECES.findall(b)
    if len(pa) == len(pb) and all(x.isspace() == y.isspace() for x, y in zip(pa, pb, strict=True)):
        ops, i, j = [], 0, 0
        for x, y in zip(pa, pb, strict=True):
            ops.append(("equal" if x == y else "replace", i, i + len(x), j, j + len(y)))
            i, j = i + len(x), j + len(y)
        return ops
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _spread(old: Sequence[int], s: int, e: int, n: int) -> list[int]:
    """Origins for `n` new characters replacing old[s:e] (inserted text takes the left edge)."""
    if e > s:
        return [old[s + min(i, e - s - 1)] for i in range(n)]
    return [old[s]] * n
