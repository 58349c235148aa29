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

- `round_trip` (when the run asks for it: `--round-trip`, on with `--min-quality`): the
  translation translated back into the source language by the same engines, and its chrF
  to the source (0–1). A translation that lost or garbled the meaning rarely comes back
  as the source; fluent but wrong Italian, which the word checks cannot see, often
  does not. It costs a second translation of every span.

quality = PER_WORD ** (foreign_words + rare_words / 2) × length × repeats (× round_trip).
How it ranks
the dev set's stray translations against their chrF to the gold is measured by
`scripts/quality_calibration.py` (the README has the figures: it finds leftovers, not
clumsy Italian).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cleantext.freq import zipf
from cleantext.tokens import PLAIN_WORD

PER_WORD = 0.75  # each word left untranslated takes a quarter of the trust away
RARE_ZIPF = 3.0  # Italian words rarer than this (per billion: 1,000) count half
MIN_RATIO, MAX_RATIO = 0.6, 1.8  # translation/source length outside this decays the score


@dataclass(frozen=True, slots=True)
class Estimate:
    quality: float
    evidence: dict[str, float] = field(default_factory=dict)


CHRF_ORDER, CHRF_BETA = 6, 2  # character n-grams 1–6, recall weighted twice precision


def chrf(hypothesis: str, reference: str) -> float:
    """chrF (Popović 2015) between 0 and 1, as sacrebleu computes it by default: spaces
    removed, precision and recall averaged over the n-gram orders both sides have."""
    hyp, ref = "".join(hypothesis.split()), "".join(reference.split())
    precisions, recalls = [], []
    for n in range(1, CHRF_ORDER + 1):
        h = Counter(hyp[i : i + n] for i in range(len(hyp) - n + 1))
        r = Counter(ref[i : i + n] for i in range(len(ref) - n + 1))
        if h and r:
            matches = sum((h & r).values())
            precisions.append(matches / h.total())
            recalls.append(matches / r.total())
    if not precisions:
        return 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    b2 = CHRF_BETA**2
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def estimate(
    source: str, translation: str, source_lang: str, target: str = "it", back: str | None = None
) -> Estimate:
    """The quality of `translation` (in `target`) of `source` (in `source_lang`); `back`
    is the translation translated back into `source_lang`, when the run made one."""
    words = PLAIN_WORD.findall(translation)
    if not words or not PLAIN_WORD.search(source):
        empty = {"foreign_words": 0, "rare_words": 0, "length": 0.0, "repeats": 1.0}
        return Estimate(0.0, empty | ({"round_trip": 0.0} if back is not None else {}))
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
    if back is not None:
        round_trip = chrf(back, source)
        evidence["round_trip"] = round(round_trip, 3)
        quality *= round_trip
    return Estimate(round(quality, 3), evidence)
