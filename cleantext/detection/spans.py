"""What detection finds: foreign spans in a sentence, and those it keeps as written."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A foreign span found in a sentence: [start, end) offsets into the detected text.

    `kept` says why a span is foreign but left as written (see `KEPT`)."""

    start: int
    end: int
    language: str
    confidence: float
    kept: str | None = None
    leftover: str | None = None  # what made it a machine's leftover (cleantext.leftover)


# Why foreign words are left as written: Italian news keeps them on purpose.
KEPT = {
    "name": "a multi-word proper name ('Bank of England', 'Port of Spain')",
    "title": "a title in title case or in quotes ('Les Parents Pauvres', 'melodic death metal band')",
    "loanword": "a foreign phrase of ordinary Italian use ('smart working', 'first lady')",
    "other language": "the words are better explained by another language ('Cien años de soledad')",
}


@dataclass(frozen=True, slots=True)
class Detection:
    language: str  # the sentence's main language
    spans: tuple[Span, ...]  # foreign spans to translate
    kept: tuple[Span, ...] = ()  # foreign spans left as written, each with its reason
