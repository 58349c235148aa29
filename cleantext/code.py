"""Program text and formulas inside prose: signatures, formulas, music and commands that
technical pages print among their sentences ("Execute(opt returnid: bool = True): any").
Their words are the computer's: no translator left them and no spacing rule applies."""

from __future__ import annotations

import regex

# The signs of program text and formulas. Prose may hold one kind ("f(x)", "YouTube", a
# bracket in a quotation); code and formulas hold several.
CODE_SIGNS = {
    "call": regex.compile(r"\p{L}\([^()]*\)"),  # a name called, its arguments closed: "invoke(Array())"
    "assignment": regex.compile(r"[\w)\]]=|=[\w(\[#'\"-]|\s=\s"),  # "i=1", "status: bool = False"
    "command": regex.compile(r"(?<![\p{L}\p{N}])\\\p{L}"),  # a backslash command: "\override"
    "bracket": regex.compile(r"\p{L}[\[{]|[\]}]\p{L}|[{}]"),  # "left[g(t)", "{ c d }"
    "scheme": regex.compile(r"#['(\"]"),  # a Scheme value in LilyPond: "#'oboe", "#(use-modules"
    "inner capital": regex.compile(r"\p{Ll}\p{Lu}"),  # an identifier: "AddItem", "freeBass"
}
CODE_KINDS = 2  # kinds of sign that make a text code


def code_shaped(text: str) -> bool:
    """`text` reads as program text or a formula: it holds CODE_KINDS kinds of CODE_SIGNS
    ("Execute(opt returnid: bool = True): any" in LibreOffice's Italian help: a call and an
    assignment). Its words are the computer's, not a translator's leftover."""
    if not _MAYBE_CODE.search(text):
        return False  # most paragraphs: no sign but an inner capital, and one kind is not enough
    return sum(sign.search(text) is not None for sign in CODE_SIGNS.values()) >= CODE_KINDS


_MAYBE_CODE = regex.compile(r"[(=\\\[\]{}#]")  # a character every sign but an inner capital needs


WORD_ZIPF = 3.5  # a word Italian or English text writes, on wordfreq's scale
_TWO_WORDS = regex.compile(r"(\p{L}+)/(\p{L}+)")


def word_pair(token: str) -> bool:
    """Two words joined by a slash ("e/o", "input/output", "km/h"), each one Italian or
    English text writes (Zipf WORD_ZIPF or more), rather than a path ("debian/rules",
    "usr/bin": a part no text writes as a word)."""
    from cleantext.freq import zipf

    m = _TWO_WORDS.fullmatch(token)
    return m is not None and all(
        max(zipf(w.lower(), "it"), zipf(w.lower(), "en")) >= WORD_ZIPF for w in m.groups()
    )
