"""The small typed document model every stage reads and writes.

A `Document` holds `Sentence`s in reading order. Each sentence keeps the text as read
(`source`), the final Italian (`text`), and a record of everything that happened to it:
the `Fix`es applied, the foreign `Segment`s found, and why it was dropped, if it was.
The JSONL output, the summary and any report are views of this record.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

# json.dumps(x, ensure_ascii=False) without building an encoder for every record
_to_json = json.JSONEncoder(ensure_ascii=False).encode
_string = json.encoder.encode_basestring  # what that encoder writes a string with
PARAGRAPH_BREAK = "\n\n"  # between paragraphs of a clean text; a paragraph's sentences join with a space
CODE_BREAK = "\n"  # between two lines of a program (a <pre>'s, a Markdown fence's), as written


@dataclass(slots=True, frozen=True)
class Fix:
    """One named change, with the reason it was made and where: (start, end) offsets into
    the sentence's `source` of the text the rule changed (empty for a document's fixes)."""

    rule: str
    reason: str = ""
    spans: tuple[tuple[int, int], ...] = ()


# what --weak / --stray-sentences do that leaves a translation out of the text
NOT_IN_TEXT = ("kept", "dropped", "stray kept", "stray dropped")


@dataclass(slots=True)
class Segment:
    """A foreign span of a sentence; `start`/`end` are offsets into `Sentence.source`."""

    start: int
    end: int
    language: str
    confidence: float
    text: str
    translation: str | None = None
    engine: str | None = None
    note: str | None = None  # why a translation was not used, when it was not
    kept: str | None = None  # why the span is left as written: name, title, loanword, other language
    quality: float | None = None  # how far the translation can be trusted, 0–1 (cleantext.quality)
    evidence: dict[str, float] | None = None  # what `quality` was made of
    weak: str | None = None  # what the run's policy did with it: translated, kept, dropped, marked
    leftover: str | None = None  # the evidence that a machine left it (cleantext.leftover)

    @property
    def in_text(self) -> bool:
        """The translation stands in the clean text (no policy left it out)."""
        return bool(self.translation) and not self.kept and self.weak not in NOT_IN_TEXT


_OPTIONAL = ("note", "kept", "quality", "evidence", "weak", "leftover")  # in a record only when set


@dataclass(slots=True)
class Sentence:
    id: int
    paragraph: int
    source: str
    text: str = ""
    language: str = "it"
    segments: list[Segment] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    dropped: str | None = None
    code: bool = False  # a line of a program: one line break from the next one (not recorded)

    @property
    def foreign(self) -> list[Segment]:
        """The segments to translate (not those kept as written on purpose)."""
        return [g for g in self.segments if not g.kept]

    def record(self) -> dict:
        """The JSONL record of this sentence (the output contract)."""
        return {
            "id": self.id,
            "paragraph": self.paragraph,
            "source": self.source,
            "text": "" if self.dropped else self.text,
            "dropped": self.dropped,
            "language": self.language,
            "segments": [
                {k: v for k, v in asdict(s).items() if k not in _OPTIONAL or v is not None}
                for s in self.segments
            ],
            "fixes": [f.rule for f in self.fixes],
        }

    def json_line(self) -> str:
        """`record()` as one JSON line (what NAME.jsonl holds). A sentence with no foreign
        span (nearly all) is written field by field, as the encoder writes them, without
        building the record (tests/test_write.py compares both ways)."""
        if self.segments:
            return _to_json(self.record()) + "\n"
        return (
            f'{{"id": {self.id:d}, "paragraph": {self.paragraph:d}, "source": {_string(self.source)}, '
            f'"text": {_string("" if self.dropped else self.text)}, '
            f'"dropped": {"null" if self.dropped is None else _string(self.dropped)}, '
            f'"language": {"null" if self.language is None else _string(self.language)}, "segments": [], '
            f'"fixes": [{", ".join([_string(f.rule) for f in self.fixes])}]}}\n'
        )


@dataclass(slots=True)
class Document:
    path: str | None
    encoding: str
    sentences: list[Sentence] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)  # document-level changes (decoding)
    meta: dict[str, str] = field(default_factory=dict)  # what an HTML page says of itself
    extracted: str | None = None  # the text taken out of an HTML page, before repair

    @property
    def paragraphs(self) -> list[list[Sentence]]:
        """Kept sentences grouped by paragraph, in order."""
        groups: dict[int, list[Sentence]] = {}
        for s in self.sentences:
            if not s.dropped and s.text:
                groups.setdefault(s.paragraph, []).append(s)
        return list(groups.values())

    @property
    def text(self) -> str:
        """The clean document: paragraphs separated by one blank line, a program's lines by
        one line break."""
        out: list[str] = []
        before: list[Sentence] | None = None
        for para in self.paragraphs:
            if before is not None:
                out.append(paragraph_break(before, para))
            out.append(paragraph_text(para))
            before = para
        return "".join(out)


def paragraph_break(before: list[Sentence], after: list[Sentence]) -> str:
    """What separates two paragraphs of a clean text: a line break between a program's lines
    (a blank line would change the program), else a blank line."""
    return CODE_BREAK if before[-1].code and after[0].code else PARAGRAPH_BREAK


def paragraph_text(sentences: list[Sentence]) -> str:
    """One paragraph of a clean text: its kept sentences, joined by a space."""
    return " ".join(s.text for s in sentences)
