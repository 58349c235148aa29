"""What a folder run is asked to do: the planned jobs and the counting pass (the options
and the resume log: `cleantext.resume`).

- Inputs are never modified; OUT may not lie inside an input folder; links that point out
  of an input folder are not followed; no output may be written over an input.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cleantext import compression
from cleantext.corpus import CorpusLines
from cleantext.resume import STATE_LOG
from cleantext.settings import DEFAULT_PATTERN, Settings
from cleantext.write import FORMATS, output_paths


class UsageError(ValueError):
    """A problem with the command line itself (paths, shard), reported before any work."""


@dataclass(frozen=True, slots=True)
class Job:
    source: Path
    rel: str  # path relative to its input root, without .txt: names outputs and state
    output_base: Path  # OUT/sub/name; outputs are OUT/sub/name.<fmt>
    data: bytes | None = field(default=None, repr=False, compare=False)  # the input, when held in memory
    kind: str | None = None  # 'jsonl', 'parquet' or 'warc': a file of documents (cleantext.dataset)


def plan(
    inputs: Iterable[Path],
    out: Path,
    pattern: str = DEFAULT_PATTERN,
    shard: tuple[int, int] | None = None,
    problems: list[tuple[str, str]] | None = None,
    input_format: str = "auto",
    left: Counter[str] | None = None,
) -> list[Job]:
    """Map each input file to its output base, mirroring folders under OUT; a dataset file
    (by its extension, or every file when `input_format` names a dataset format) is one job
    of many documents.

    A subfolder that cannot be read is added to `problems` (path, error), to be reported
    like an unreadable file, never skipped in silence; the files of a folder the pattern
    does not take are counted in `left` by their endings (`ending`: a user told of them finds
    a format named otherwise; counted, not listed, for a crawl's million pictures)."""
    from cleantext import dataset

    patterns = [x.strip() for x in pattern.split(",") if x.strip()] or ["*.txt"]
    for one in patterns:
        if Path(one).is_absolute():
            raise UsageError(f"--pattern {one!r}: a file name pattern such as '*.txt', not a path")
    resolve = Resolver()
    out_r = resolve(out)
    jobs: list[Job] = []
    for inp in inputs:
        if not inp.exists():
            raise UsageError(f"{inp}: no such file or folder")
        if inp.is_dir():
            root = inp.resolve()
            if out_r == root or root in out_r.parents:
                raise UsageError(f"output folder {out} is inside the input folder {inp}; choose another -o")
            if problems is not None:
                problems.extend(_unreadable_folders(inp))
            for f in _listed(inp, patterns, resolve, left):
                if not _inside(resolve(f), root):
                    continue  # a link out of the input folder is not followed
                rel = f.relative_to(inp)
                rel_s = _bare(rel).as_posix()
                jobs.append(Job(f, rel_s, out / _bare(rel), kind=dataset.kind(f, input_format)))
        else:
            jobs.append(
                Job(inp, _bare(inp).name, out / _bare(inp).name, kind=dataset.kind(inp, input_format))
            )
    seen: dict[Path, Path] = {}
    folders: set[Path] = set()  # output folders checked (most jobs share theirs)
    for j in jobs:
        parent = j.output_base.parent
        if parent not in folders:
            folders.add(parent)
            while not parent.exists() and parent != out:
                parent = parent.parent
            if parent.exists() and not _inside(resolve(parent), out_r):
                raise UsageError(
                    f"{parent} is a link out of the output folder {out}; remove it or choose another -o"
                )
        if j.output_base in seen:
            raise UsageError(
                f"{j.source} and {seen[j.output_base]} would write the same outputs; run them apart"
            )
        seen[j.output_base] = j.source
    # the text output of every job against every input (the CLI also checks the other
    # formats, the report and the resume log, which it knows)
    refuse_overwrites(jobs, [o for j in jobs for o in job_outputs(j, ("txt",))], resolve)
    return select_shard(jobs, shard)


def _listed(
    folder: Path, patterns: list[str], resolve: Resolver, left: Counter[str] | None = None
) -> list[Path]:
    """The files under `folder` whose name matches one of `patterns`, in the order of
    `sorted(set(folder.rglob(p) for p in patterns))` filtered by `Path.is_file`, but for
    hidden files and files in hidden folders (editor backups, .git: not articles); the
    other files counted in `left` by their endings.

    One walk, each folder listed once, the listing's own answers used (rglob lists each
    folder twice per pattern). Hidden folders are not entered. A pattern with a folder in
    it ("2024/*.txt") goes to rglob, and leaves nothing counted."""
    if any("/" in one or "**" in one for one in patterns):
        found = {f for one in patterns for f in folder.rglob(one)}
        hidden = [f for f in found if any(part.startswith(".") for part in f.relative_to(folder).parts)]
        return sorted(f for f in found.difference(hidden) if f.is_file())
    # as pathlib matches, but A.TXT and B.HTML are text files and pages too
    matches = [re.compile(fnmatch.translate(one), re.I).fullmatch for one in patterns]
    files: list[Path] = []

    def walk(top: str) -> None:
        try:
            with os.scandir(top) as listing:
                entries = list(listing)
        except PermissionError:
            return  # as rglob (plan reports the folder when asked for problems)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if _answer(entry.is_dir, follow_symlinks=False):  # rglob does not enter linked folders
                walk(entry.path)
            elif any(match(name) for match in matches) and _answer(entry.is_file):
                path = Path(entry.path)
                resolve.listed(path, _answer(entry.is_symlink))
                files.append(path)
            elif left is not None and _answer(entry.is_file):
                left[ending(name)] += 1

    walk(str(folder))
    return sorted(files)


def _answer(ask: Callable[..., bool], **kwargs: bool) -> bool:
    """A listing entry's answer, False where pathlib ignores the error (the entry went
    away, a link loops)."""
    try:
        return ask(**kwargs)
    except OSError as e:
        if e.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return False
        raise


def ending(name: str) -> str:
    """A file's ending as a user names its kind: ".pdf", ".parquet.gz" (a compression's with
    the one before it), or the whole name when it has none ("README")."""
    packed = compression.suffix(name)
    stem = compression.bare(name)
    end = Path(stem).suffix if stem and not stem.startswith(".") else ""
    return (end + name[len(stem) :]) if end or packed else name


def _unreadable_folders(root: Path) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def record(e: OSError) -> None:
        found.append(
            (
                str(e.filename),
                f"{e.filename}: cannot read this folder ({e.strerror or e}); its files were not cleaned",
            )
        )

    for _ in os.walk(root, onerror=record):
        pass
    return found


def _bare(path: Path) -> Path:
    """The name outputs are made from: without its extension, and a compression's
    ("a.txt.gz" → "a", "corpus.jsonl.zst" → "corpus")."""
    return path.with_name(compression.bare(path.name) or path.name).with_suffix("")


def job_outputs(job: Job, formats: tuple[str, ...]) -> list[Path]:
    """The files a job writes: a dataset's one file (cleantext.dataset), else one per format."""
    from cleantext import dataset

    if job.kind:
        records = [dataset.sentences_path(job.output_base)] if "jsonl" in formats else []
        return [dataset.output_path(job.source, job.output_base, job.kind), *records]
    return output_paths(job.output_base, formats)


def refuse_overwrites(jobs: list[Job], outputs: Iterable[Path], resolve: Resolver | None = None) -> None:
    """No output may be an input: every format's file, the report and the state log are
    checked against every input before any work (`clean dir/a.jsonl -o dir` would have
    replaced the input with its own records)."""
    resolve = resolve or Resolver()
    inputs = {resolve(j.source): j.source for j in jobs}
    for out in outputs:
        if (hit := inputs.get(resolve(out))) is not None:
            raise UsageError(f"{hit}: {out.name} would be written over this input; choose another -o")


def refuse_report(
    report: Path, jobs: list[Job], out: Path, flag: str = "--report", resolve: Resolver | None = None
) -> None:
    """The report may not replace an output of the run: any format of any input, this run's
    or an earlier one's, nor the resume log (a rerun would call a replaced output up to date)."""
    resolve = resolve or Resolver()
    target = resolve(report)
    for path in (out / STATE_LOG, *(p for j in jobs for p in job_outputs(j, FORMATS))):
        if resolve(path) == target:
            raise UsageError(f"{flag} {report}: is an output of this run ({path.name}); choose another name")


def select_shard(jobs: list[Job], shard: tuple[int, int] | None) -> list[Job]:
    """Shard I of N: the same files on every machine (by a hash of the relative path)."""
    if not shard:
        return jobs
    i, n = shard
    # os.fsencode: a file name that is not UTF-8 (Latin-1 bytes) hashes as its bytes
    return [j for j in jobs if int(hashlib.sha1(os.fsencode(j.rel)).hexdigest(), 16) % n == i - 1]


def count_corpus(jobs: list[Job], settings: Settings) -> CorpusLines | None:
    """The counting pass of a folder run (cleantext.corpus), or None when it does not apply:
    boilerplate kept, or too few documents to call anything repeated."""
    from cleantext import dataset
    from cleantext.corpus import MAX_COUNT_BYTES, MIN_DOCS, count_documents
    from cleantext.html import collapse, read_input
    from cleantext.read import larger_than, read_file

    datasets = [j for j in jobs if j.kind]
    if settings.keep_boilerplate or (len(jobs) < MIN_DOCS and not datasets):
        return None
    s = settings

    def text_of(data: str | bytes, name: str, html: bool = False) -> str:  # as the cleaning pass reads it
        fmt = "html" if html else s.page_format
        page = read_input(data, name, fmt, s.html_tables, s.html_comments)
        if not page.code:
            return page.text
        # a page's code is its content, never a site's line or template: not counted
        return "\n".join(line for line in page.text.split("\n") if collapse(line) not in page.code)

    # The count is evidence, not output: a file or a row it cannot read, for whatever reason,
    # is left out of it, and the cleaning pass reports it (one bad file fails alone: an
    # HTML page lxml could not take once stopped the whole run here)
    def documents() -> Iterator[tuple[str, str]]:  # each file, or each row of a dataset
        for j in jobs:
            try:
                if not j.kind:
                    if not larger_than(j.source, MAX_COUNT_BYTES):
                        yield str(j.source), text_of(read_file(j.source), str(j.source))
                    continue
                for row in dataset.rows(j.source, j.kind, s.text_field, s.id_field):
                    data = row.data
                    if data is None or len(data) > MAX_COUNT_BYTES:
                        continue
                    try:
                        text = text_of(data, str(j.source), row.html)
                    except Exception:  # noqa: BLE001 -- see above: this row alone
                        continue
                    yield dataset.row_name(j.source, row), text
            except Exception:  # noqa: BLE001 -- see above: the rest of this file
                continue

    return count_documents(documents())


def parse_shard(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    try:
        i, n = (int(x) for x in value.split("/"))
    except ValueError:
        raise UsageError(f"--shard {value!r}: write it as I/N, e.g. 1/4") from None
    if not 1 <= i <= n:
        raise UsageError(f"--shard {value!r}: I must be between 1 and N")
    return i, n


def _inside(real: Path, root: Path) -> bool:
    """A resolved path is `root` or under it."""
    try:
        real.relative_to(root)
        return True
    except ValueError:
        return False


class Resolver:
    """`Path.resolve()` for the many files of a few folders: each folder is resolved once
    (the system is asked about every part of a path otherwise: a dozen calls per file, twice
    per input and once per output), a path whose last part is a link, or "..", in full."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}
        self._paths: dict[Path, Path] = {}  # an input is asked about twice: listed, then checked

    def __call__(self, path: Path) -> Path:
        real = self._paths.get(path)
        if real is None:
            real = self._paths[path] = self._resolve(path)
        return real

    def listed(self, path: Path, link: bool) -> None:
        """`path` as a folder listing found it: the listing says whether it is a link."""
        if path not in self._paths:
            self._paths[path] = path.resolve() if link else self._folder(path.parent) / path.name

    def _resolve(self, path: Path) -> Path:
        name = path.name
        try:
            if not name or name == ".." or path.is_symlink():
                return path.resolve()
        except OSError:  # not allowed to look: resolve() says what it can
            return path.resolve()
        return self._folder(path.parent) / name

    def _folder(self, parent: Path) -> Path:
        real = self._folders.get(parent)
        if real is None:
            real = self._folders[parent] = parent.resolve()
        return real


# --- resume state ----------------------------------------------------------------------
