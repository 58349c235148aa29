"""The word tokenisers, one per purpose, each declared once.

- `LETTERS`: runs of letters (a paragraph's content stems; respelling word by word).
- `LINE_WORD`: a line's words for the boilerplate rules: letters and digits, hyphenated
  words and elisions whole ("e-mail", "l'articolo", "2024"); by `re` on Latin text.
- `WORD` (`words`): the words of a phrase in any language: letters and combining marks,
  hyphenated words and elisions whole; what a foreign span is measured in.
- `PLAIN_WORD`: the words of a translation as its quality counts them: letters, elisions
  whole.

Detection reads tokens of its own, numbers included (`cleantext.detection.shape.TOKEN`).
"""

from __future__ import annotations

import regex

from cleantext.latin import LatinPattern

LETTERS = regex.compile(r"\p{L}+")
LINE_WORD = LatinPattern(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")
PLAIN_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")


def words(text: str) -> list[str]:
    """The words of `text` (`WORD`: hyphenated words and elisions whole)."""
    return WORD.findall(text)


def folded(text: str) -> list[str]:
    """`text`'s words as phrases are compared: lowercase, one apostrophe ("L’Aia" → "l'aia")."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]
