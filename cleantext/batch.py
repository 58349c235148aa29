"""Folder and file runs: discovery, output paths, per-file errors, a summary.

Inputs are never modified and OUT may not lie inside an input folder (outputs would be
read back as inputs on the next run). One bad file fails alone: its error is reported
with the file name and the batch goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cleantext.model import Document
from cleantext.pipeline import Pipeline
from cleantext.read import ReadError
from cleantext.write import write_document


class UsageError(ValueError):
    """A problem with the command line itself (paths), reported before any work."""


@dataclass(slots=True)
class Job:
    source: Path
    output_base: Path  # OUT/sub/name (suffix replaced by .txt/.jsonl)


@dataclass(slots=True)
class Summary:
    files: int = 0
    sentences: int = 0
    fixes: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    spans: Counter[str] = field(default_factory=Counter)  # by language
    translated: Counter[str] = field(default_factory=Counter)  # by engine
    untranslated: int = 0
    errors: list[tuple[Path, str]] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        self.files += 1
        self.sentences += len(doc.sentences)
        for f in doc.fixes:
            self.fixes[f.rule] += 1
        for s in doc.sentences:
            self.fixes.update(f.rule for f in s.fixes)
            if s.dropped:
                self.dropped[s.dropped] += 1
            for seg in s.segments:
                self.spans[seg.language] += 1
                if seg.translation is not None and seg.engine:
                    self.translated[seg.engine] += 1
                else:
                    self.untranslated += 1


def plan(inputs: Iterable[Path], out: Path, pattern: str = "*.txt") -> list[Job]:
    """Map each input file to its output base, mirroring folders under OUT."""
    out_r = out.resolve()
    jobs: list[Job] = []
    for inp in inputs:
        if not inp.exists():
            raise UsageError(f"{inp}: no such file or folder")
        if inp.is_dir():
            root = inp.resolve()
            if out_r == root or root in out_r.parents:
                raise UsageError(f"output folder {out} is inside the input folder {inp}; choose another -o")
            for f in sorted(inp.rglob(pattern)):
                if not f.is_file() or (f.is_symlink() and not _inside(f, root)):
                    continue  # a link out of the input folder is not followed
                jobs.append(Job(f, out / f.relative_to(inp).with_suffix("")))
        else:
            jobs.append(Job(inp, out / inp.with_suffix("").name))
    for j in jobs:
        if j.output_base.with_suffix(".txt").resolve() == j.source.resolve():
            raise UsageError(f"{j.source}: output would overwrite the input; choose another -o")
    return jobs


def _inside(link: Path, root: Path) -> bool:
    try:
        link.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def run(
    jobs: list[Job],
    pipeline: Pipeline,
    progress: Callable[[Job], None] | None = None,
) -> Summary:
    summary = Summary()
    for job in jobs:
        try:
            data = job.source.read_bytes()
            doc = pipeline.run(data, str(job.source))
            write_document(doc, job.output_base)
            summary.add(doc)
        except ReadError as e:
            summary.errors.append((job.source, str(e)))
        except OSError as e:
            summary.errors.append((job.source, f"{job.source}: {e.strerror or e}"))
        if progress:
            progress(job)
    return summary
