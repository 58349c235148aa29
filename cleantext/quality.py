"""How far a translation can be trusted: a score between 0 and 1, with its evidence.

Offline rule-based translation is uneven: some spans come out as Italian, others with
words the engine could not translate left in ("una all'estero commonality di interessi",
Catalan words of the pivot: "lluitadors", "governació"). What corpus builders do
(OpusFilter, Bicleaner) is score each pair and filter. The score here needs no model,
only the pair and word frequencies:

- `foreign_words`: words of the translation that do not read as Italian (unknown to
  Italian, or more common in the source language); names inside the text are not judged;
- `rare_words`: words Italian knows but rarely uses (Zipf below RARE_ZIPF), half as
  suspicious (a misread word often lands on a rare one);
- `length`: the translation's length against the source's (outside 0.6–1.8 it decays);
- `repeats`: no word doubled in a row ("di di").

quality = PER_WORD ** (foreign_words + rare_words / 2) × length × repeats. How it ranks
the dev set's stray translations against their chrF to the gold is measured by
`scripts/quality_calibration.py` (the README has the figures: it finds leftovers, not
clumsy Italian).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from cleantext.freq import zipf

_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
PER_WORD = 0.75  # each word left untranslated takes a quarter of the trust away
RARE_ZIPF = 3.0  # Italian words rarer than this (per billion: 1,000) count half
MIN_RATIO, MAX_RATIO = 0.6, 1.8  # translation/source length outside this decays the score


@dataclass(frozen=True, slots=True)
class Estimate:
    quality: float
    evidence: dict[str, float] = field(default_factory=dict)


def estimate(source: str, translation: str, source_lang: str, target: str = "it") -> Estimate:
    """The quality of `translation` (in `target`) of `source` (in `source_lang`)."""
    words = _WORD.findall(translation)
    if not words or not _WORD.search(source):
        return Estimate(0.0, {"foreign_words": 0, "rare_words": 0, "length": 0.0, "repeats": 1.0})
    foreign = rare = 0
    for i, w in enumerate(words):
        if any(c.isupper() for c in w[1:]) or (i > 0 and w[:1].isupper()):
            continue  # acronyms and names
        lw = w.lower().replace("’", "'")
        z = min(zipf(part, target) for part in (lw.split("'") if "'" in lw.strip("'") else [lw]) if part)
        if z == 0 or z < zipf(lw, source_lang) - 0.5:
            foreign += 1
        elif z < RARE_ZIPF:
            rare += 1
    ratio = len(translation) / max(1, len(source))
    length = 1.0 if MIN_RATIO <= ratio <= MAX_RATIO else min(ratio / MIN_RATIO, MAX_RATIO / ratio)
    doubled = sum(a.lower() == b.lower() for a, b in zip(words, words[1:], strict=False))
    repeats = 1.0 - doubled / max(1, len(words) - 1)
    quality = PER_WORD ** (foreign + rare / 2) * length * repeats
    evidence = {
        "foreign_words": foreign,
        "rare_words": rare,
        "length": round(length, 3),
        "repeats": round(repeats, 3),
    }
    return Estimate(round(quality, 3), evidence)
