"""What a run did, counted: files, sentences, fixes, drops, foreign spans, translations,
errors. One `Summary` per document, merged by the runner; the CLI table and the HTML report
are two views of it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cleantext.model import NOT_IN_TEXT, Document

KEPT_ERRORS = 1000  # messages kept per file; a dataset's further bad rows are counted only
# (each bad row's output names its own error: a file of a million bad rows holds no million here)


@dataclass(slots=True)
class Summary:
    files: int = 0
    skipped: int = 0
    duplicates: int = 0  # documents that copy an earlier input of the run
    no_page: int = 0  # WARC responses with no page to clean (not HTML, not a 2xx status)
    lost_left: int = 0  # U+FFFD left in the clean text: letters no rule could put back
    sentences: int = 0
    fixes: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    spans: Counter[str] = field(default_factory=Counter)  # by language
    kept: Counter[str] = field(default_factory=Counter)  # foreign spans left as written, by reason
    translated: Counter[str] = field(default_factory=Counter)  # by engine
    weak: Counter[str] = field(default_factory=Counter)  # what --min-quality/--stray-sentences did
    untranslated: int = 0
    unserved: int = 0  # of those, spans no working engine served (none installed, or it failed)
    unserved_files: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, message), `KEPT_ERRORS` a file
    untold: Counter[str] = field(default_factory=Counter)  # a file's errors past those, counted
    listed: Counter[str] = field(default_factory=Counter)  # a file's messages in `errors`

    def __post_init__(self) -> None:
        self.listed.update(path for path, _ in self.errors)

    def fail(self, path: str, message: str) -> None:
        """Record an error of `path` (a file, or one of its rows): kept, or past
        `KEPT_ERRORS` for that file, counted."""
        if self.listed[path] < KEPT_ERRORS:
            self.listed[path] += 1
            self.errors.append((path, message))
        else:
            self.untold[path] += 1

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(self.untold.values())

    def add(self, doc: Document, part: bool = False) -> None:
        """Count one document (or, with part=True, a further part of a streamed one)."""
        self.files += 0 if part else 1
        self.duplicates += not part and "duplicate_of" in doc.meta
        self.lost_left += sum(s.text.count("\ufffd") for s in doc.sentences if not s.dropped)
        self.sentences += len(doc.sentences)
        missing = False  # a span of this document no engine served
        self.fixes.update(f.rule for f in doc.fixes)
        for s in doc.sentences:
            self.fixes.update(f.rule for f in s.fixes)
            if s.dropped:
                self.dropped[s.dropped] += 1
            for seg in s.segments:
                if seg.weak:
                    self.weak[seg.weak] += 1
                if s.dropped:
                    continue
                if seg.kept:
                    self.kept[seg.kept] += 1
                    continue
                self.spans[seg.language] += 1
                if seg.weak in NOT_IN_TEXT:
                    continue  # left in its language on purpose: counted above
                if seg.translation is not None and seg.engine:
                    self.translated[seg.engine] += 1
                else:
                    self.untranslated += 1
                    if unserved(seg.note):
                        self.unserved += 1
                        missing = True
        self.unserved_files += missing and not part

    def figures(self) -> dict:
        """The run's figures as plain JSON values (`--stats`): counts, and each error."""
        return {
            "files": self.files,
            "up_to_date": self.skipped,
            "copies": self.duplicates,
            "no_page": self.no_page,
            "sentences": self.sentences,
            "fixes": dict(self.fixes.most_common()),
            "dropped": dict(self.dropped.most_common()),
            "foreign_spans": dict(self.spans.most_common()),
            "kept": dict(self.kept.most_common()),
            "translated": dict(self.translated.most_common()),
            "weak": dict(self.weak.most_common()),
            "untranslated": self.untranslated,
            "unserved": self.unserved,
            "lost_letters_left": self.lost_left,
            "errors": [{"file": f, "error": e} for f, e in self.errors],
            "errors_not_listed": dict(self.untold),  # per file, past the first KEPT_ERRORS
        }

    def merge(self, other: Summary) -> None:
        self.files += other.files
        self.skipped += other.skipped
        self.duplicates += other.duplicates
        self.no_page += other.no_page
        self.lost_left += other.lost_left
        self.sentences += other.sentences
        self.fixes.update(other.fixes)
        self.dropped.update(other.dropped)
        self.spans.update(other.spans)
        self.kept.update(other.kept)
        self.translated.update(other.translated)
        self.weak.update(other.weak)
        self.untranslated += other.untranslated
        self.unserved += other.unserved
        self.unserved_files += other.unserved_files
        for path, message in other.errors:
            self.fail(path, message)
        self.untold.update(other.untold)


def unserved(note: str | None) -> bool:
    """A span left untranslated because no engine could serve it (none installed for the
    pair, or the engine failed), not because its translation was rejected: a rerun with a
    working engine would translate it."""
    return bool(note) and (note.startswith("no engine") or " failed" in note)
