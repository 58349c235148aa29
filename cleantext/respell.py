"""Stray French and English words put back in their spelling before the engine reads them.

Scraped strays lose accents too ("Confrontee", "gardee") and carry typos ("laourdes",
"cepenendant"); Apertium passes a word it does not know through untranslated. Before a
span is translated, each word unknown to the span's language (and to Italian: an Italian
word inside a French span is not "corrected" into French) is looked up:

- `restore_accents`: the most frequent word of that language with the same letters once
  accents are ignored (wordfreq's list, folded once per language), when it is far more
  frequent than the word as written ("Confrontee" → "Confrontée");
- `spelling`: words one or two deleted letters away ("laourdes" → "lourdes",
  "cepenendant" → "cependant", "guardee" → "gardée"), only when one candidate is far more
  frequent than any other, the word is long enough to say so, and it is not a name.

The record keeps the span as read; the sentence's fixes say what was respelled.
"""

from __future__ import annotations

from cleantext.freq import accented as accented_form
from cleantext.freq import zipf
from cleantext.tokens import LETTERS
from cleantext.vocab import fold, recase

LANGUAGES = ("fr", "en")
MARGIN = 0.5  # the respelled word is three times as frequent as the word as written
MIN_ZIPF = 3.0  # and a common word of the language itself
SPELLING_MIN_LETTERS = 5  # shorter words have too many neighbours to choose from
SPELLING_MIN_ZIPF = 3.0
SPELLING_LEAD = 1.0  # the chosen neighbour is 10x as frequent as the next one
ITALIAN_ZIPF = 2.5  # a word this common in Italian is not respelled


def _deletions(word: str, depth: int = 2) -> set[str]:
    found, frontier = set(), {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _one(word: str, lang: str, first: bool) -> tuple[str, str] | None:
    """(new word, fix name), or None to leave the word as written."""
    low = word.lower()
    if (word[:1].isupper() and not first) or any(c.isupper() for c in word[1:]):
        return None  # names and acronyms
    written = zipf(low, lang)
    italian = zipf(low, "it")
    accented = accented_form(fold(low), lang)
    if accented and accented != low and len(low) >= 3 and low == fold(low):  # written without accents
        z = zipf(accented, lang)
        # an Italian word inside the span ("il russo") is not made French: the accented
        # word must be more common in its language than the word as written is in Italian
        if z >= max(written + MARGIN, MIN_ZIPF) and z > italian:
            return recase(accented, word), "restore_accents"
    if written > 0 or italian >= ITALIAN_ZIPF or len(low) < SPELLING_MIN_LETTERS:
        return None
    for depth in (1, 2):  # one deleted letter before two
        scored: dict[str, float] = {}
        for cand in _deletions(low, depth) - (_deletions(low, depth - 1) if depth > 1 else set()):
            accented = accented_form(fold(cand), lang) or ""
            form = max((cand, accented), key=lambda f: zipf(f, lang) if f else -1.0)  # one per candidate
            if len(form) >= SPELLING_MIN_LETTERS - 1 and (z := zipf(form, lang)) > 0:
                scored[form] = max(z, scored.get(form, 0.0))
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= SPELLING_MIN_ZIPF:
            break
    if not ranked or ranked[0][1] < SPELLING_MIN_ZIPF:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < SPELLING_LEAD:
        return None
    return recase(ranked[0][0], word), "spelling"


def respell(text: str, lang: str) -> tuple[str, list[str]]:
    """`text` (a span in `lang`) with its words respelled, and the fixes that applied."""
    if lang not in LANGUAGES:
        return text, []
    out, fixes, last = [], [], 0
    for i, m in enumerate(LETTERS.finditer(text)):
        found = _one(m.group(), lang, first=i == 0)
        if found is not None:
            out.append(text[last : m.start()] + found[0])
            last = m.end()
            if found[1] not in fixes:
                fixes.append(found[1])
    return "".join(out) + text[last:], fixes
