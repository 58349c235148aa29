"""Hot word patterns run by the standard library's `re` on Latin text, as `regex` runs them.

Every pattern in cleantext is written for `regex` (Unicode properties such as \\p{L}; its
tables are newer than Python's own, and the same text must give the same words on every
Python). `re` finds the same matches one and a half to two times faster, but only where
the two agree on what a property holds. On text whose every character lies in COVERED
(ASCII, Latin-1, Latin Extended-A and -B, General Punctuation: 542 of noharm-isdt's 544
paragraphs, 909 of dev-flores's 940) a property is a fixed set of characters; spelled
out as a class, read from `regex` itself on those characters, a pattern gives `re` the
same matches. Text with any other character (Greek, Cyrillic, CJK, a combining accent,
an emoji) goes to `regex`. ASCII text (told at no cost: Python records it) gets the
classes spelled on ASCII alone, which `re` tests faster still.

Only what both engines read alike is accepted: classes, groups, quantifiers, lookarounds
of fixed width and the properties in PROPERTIES; `\\w`, `\\s`, `\\b`, `\\d` (and their
negations) and flags differ between the engines on some characters and are refused.
"""

from __future__ import annotations

import re

import regex

COVERED = ((0x0000, 0x024F), (0x2000, 0x206F))
PROPERTIES = ("L", "Ll", "Lu", "M", "N")
_OUTSIDE = re.compile("[^" + "".join(f"{chr(a)}-{chr(b)}" for a, b in COVERED).replace("\x00", "\\x00") + "]")
_REFUSED = frozenset("wWsSbBdDXRGAZzKpPN")  # escapes `re` reads otherwise, or not at all
_GROUPS = ("?:", "?=", "?!", "?<=", "?<!")  # plain groups and lookarounds only


def covered(text: str) -> bool:
    """Every character of `text` is one whose properties `re` gets spelled out here."""
    return _OUTSIDE.search(text) is None


def _spelled(prop: str, ranges: tuple[tuple[int, int], ...] = COVERED) -> str:
    """The class body of `\\p{prop}` on the characters of `ranges`, as `regex` reads it, in
    ranges."""
    chars = "".join(chr(c) for a, b in ranges for c in range(a, b + 1))
    codes = [ord(c) for c in regex.findall(rf"\p{{{prop}}}", chars)]
    out, start = [], None
    for i, c in enumerate(codes):
        if start is None:
            start = c
        if i + 1 == len(codes) or codes[i + 1] != c + 1:
            a, b = re.escape(chr(start)), re.escape(chr(c))
            out.append(a if start == c else f"{a}-{b}")
            start = None
    return "".join(out)


def translate(pattern: str, ascii: bool = False) -> str:
    """`pattern` for `re` on covered text (on ASCII text, with `ascii`): each \\p{X} of
    PROPERTIES as its characters (a class of its own outside brackets, its ranges inside);
    anything the engines read differently raises ValueError."""
    spelled = _SPELLED_ASCII if ascii else _SPELLED
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if m := regex.match(r"\\p\{(\w+)\}", pattern[i:]):
                if m[1] not in PROPERTIES:
                    raise ValueError(f"{pattern!r}: \\p{{{m[1]}}} is not one of {PROPERTIES}")
                body = spelled[m[1]]
                if not in_class and not body:
                    raise ValueError(f"{pattern!r}: \\p{{{m[1]}}} holds no covered character")
                out.append(body if in_class else f"[{body}]")
                i += len(m[0])
                continue
            if nxt in _REFUSED:
                raise ValueError(f"{pattern!r}: \\{nxt} differs between regex and re")
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # a literal "]" first in a class
                out.append("\\]")
                i += 1
        elif c == "[":
            raise ValueError(f"{pattern!r}: a set inside a set is regex's own")
        elif c == "]" and in_class:
            in_class = False
            out.append(c)
        elif c == "(" and pattern[i + 1 : i + 2] == "?" and not pattern[i + 1 : i + 4].startswith(_GROUPS):
            raise ValueError(f"{pattern!r}: flags and named groups are read differently")
        else:
            out.append(c)
        i += 1
    return "".join(out)


_SPELLED = {prop: _spelled(prop) for prop in PROPERTIES}
_SPELLED_ASCII = {prop: _spelled(prop, ((0, 0x7F),)) for prop in PROPERTIES}


class LatinPattern:
    """A `regex` pattern with a `re` twin for covered text: its methods give the same
    matches as `regex` on any text, faster on Latin text. A pattern without properties
    (" [,;:!?.]") reads alike on any text and always goes to `re`."""

    __slots__ = ("ascii", "fast", "pattern", "slow")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.fast = re.compile(spelled := translate(pattern))
        self.slow = self.fast if spelled == pattern else regex.compile(pattern)
        try:
            self.ascii = re.compile(translate(pattern, ascii=True))
        except ValueError:  # a property with no ASCII character, outside brackets
            self.ascii = self.fast

    def engine(self, text: str) -> re.Pattern[str] | regex.Pattern[str]:
        if text.isascii():
            return self.ascii
        return self.fast if self.slow is self.fast or _OUTSIDE.search(text) is None else self.slow

    def search(self, text: str):  # noqa: ANN201 - either engine's match
        return self.engine(text).search(text)

    def match(self, text: str):  # noqa: ANN201 - either engine's match
        return self.engine(text).match(text)

    def findall(self, text: str) -> list:
        return self.engine(text).findall(text)

    def finditer(self, text: str):  # noqa: ANN201 - an iterator of either engine's matches
        return self.engine(text).finditer(text)

    def __repr__(self) -> str:
        return f"LatinPattern({self.pattern!r})"
