"""Folder and file runs: discovery, sharding, worker processes, resume, per-file errors.

- Inputs are never modified; OUT may not lie inside an input folder; links that point out
  of an input folder are not followed.
- Each output is written atomically; a small state record per input (content hash + the
  settings that matter) is written last, so a rerun skips exactly the files whose outputs
  are complete and up to date, and a run killed midway is finished by the next one.
- One bad file fails alone: its error names the file, and the batch goes on.
- With `jobs > 1`, worker processes each build the pipeline (detector, engines) once.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cleantext.model import Document
from cleantext.pipeline import Pipeline, Settings
from cleantext.read import ReadError
from cleantext.write import DEFAULT_FORMATS, atomic_write, output_paths, write_document

STATE_DIR = ".cleantext-state"
CHUNK = 8  # documents per translation batch in a worker


class UsageError(ValueError):
    """A problem with the command line itself (paths, shard), reported before any work."""


@dataclass(frozen=True, slots=True)
class Job:
    source: Path
    rel: str  # path relative to its input root, without .txt: names outputs and state
    output_base: Path  # OUT/sub/name; outputs are OUT/sub/name.<fmt>


@dataclass(slots=True)
class Summary:
    files: int = 0
    skipped: int = 0
    sentences: int = 0
    fixes: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    spans: Counter[str] = field(default_factory=Counter)  # by language
    translated: Counter[str] = field(default_factory=Counter)  # by engine
    untranslated: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        self.files += 1
        self.sentences += len(doc.sentences)
        self.fixes.update(f.rule for f in doc.fixes)
        for s in doc.sentences:
            self.fixes.update(f.rule for f in s.fixes)
            if s.dropped:
                self.dropped[s.dropped] += 1
            for seg in s.segments:
                if s.dropped:
                    continue
                self.spans[seg.language] += 1
                if seg.translation is not None and seg.engine:
                    self.translated[seg.engine] += 1
                else:
                    self.untranslated += 1

    def merge(self, other: Summary) -> None:
        self.files += other.files
        self.skipped += other.skipped
        self.sentences += other.sentences
        self.fixes.update(other.fixes)
        self.dropped.update(other.dropped)
        self.spans.update(other.spans)
        self.translated.update(other.translated)
        self.untranslated += other.untranslated
        self.errors.extend(other.errors)


@dataclass(frozen=True, slots=True)
class Options:
    """What decides the bytes of the outputs (besides the input): part of the resume key."""

    settings: Settings = Settings()
    formats: tuple[str, ...] = DEFAULT_FORMATS
    tmx_sentences: bool = False

    def key(self) -> str:
        data = json.dumps(
            [asdict(self.settings), self.formats, self.tmx_sentences, _version()], sort_keys=True
        )
        return hashlib.sha256(data.encode()).hexdigest()[:16]


def _version() -> str:
    from cleantext import __version__

    return __version__


# --- planning --------------------------------------------------------------------------


def plan(
    inputs: Iterable[Path], out: Path, pattern: str = "*.txt", shard: tuple[int, int] | None = None
) -> list[Job]:
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
                if not f.is_file() or not _inside(f, root):
                    continue  # a link out of the input folder is not followed
                rel = f.relative_to(inp)
                if any(part.startswith(".") for part in rel.parts):
                    continue  # hidden files and folders (editor backups, .git) are not articles
                rel_s = rel.with_suffix("").as_posix()
                jobs.append(Job(f, rel_s, out / rel.with_suffix("")))
        else:
            jobs.append(Job(inp, inp.with_suffix("").name, out / inp.with_suffix("").name))
    seen: dict[Path, Path] = {}
    for j in jobs:
        if j.output_base in seen:
            raise UsageError(
                f"{j.source} and {seen[j.output_base]} would write the same outputs; run them apart"
            )
        seen[j.output_base] = j.source
        for o in output_paths(j.output_base, ("txt",)):
            if o.resolve() == j.source.resolve():
                raise UsageError(f"{j.source}: output would overwrite the input; choose another -o")
    if shard:
        i, n = shard
        jobs = [j for j in jobs if int(hashlib.sha1(j.rel.encode()).hexdigest(), 16) % n == i - 1]
    return jobs


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


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


# --- resume state ----------------------------------------------------------------------


def _state_path(out: Path, job: Job) -> Path:
    return out / STATE_DIR / f"{job.rel}.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_done(out: Path, job: Job, key: str, formats: tuple[str, ...], data: bytes | None = None) -> bool:
    try:
        state = json.loads(_state_path(out, job).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if state.get("key") != key or not all(p.is_file() for p in output_paths(job.output_base, formats)):
        return False
    if data is None:
        try:
            data = job.source.read_bytes()
        except OSError:
            return False
    return state.get("input") == _digest(data)


def _mark_done(out: Path, job: Job, key: str, data: bytes) -> None:
    atomic_write(_state_path(out, job), json.dumps({"input": _digest(data), "key": key}) + "\n")


# --- running ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    job: Job
    sentences: int
    summary: Summary


def process(
    jobs: list[Job], pipeline: Pipeline, out: Path, opts: Options, force: bool = False
) -> Iterator[Result]:
    """Clean `jobs` with one pipeline, translating each chunk of documents in one batch."""
    key = opts.key()
    for start in range(0, len(jobs), CHUNK):
        chunk = jobs[start : start + CHUNK]
        prepared, ready = [], []
        for job in chunk:
            s = Summary()
            try:
                data = job.source.read_bytes()
                if not force and is_done(out, job, key, opts.formats, data):
                    s.skipped += 1
                    yield Result(job, 0, s)
                    continue
                prepared.append(pipeline.prepare(data, str(job.source)))
                ready.append((job, data))
            except ReadError as e:
                s.errors.append((str(job.source), str(e)))
                yield Result(job, 0, s)
            except OSError as e:
                s.errors.append((str(job.source), f"{job.source}: cannot read ({e.strerror or e})"))
                yield Result(job, 0, s)
        docs = pipeline.finish(prepared) if prepared else []
        for (job, data), doc in zip(ready, docs, strict=True):
            s = Summary()
            try:
                write_document(doc, job.output_base, opts.formats, opts.tmx_sentences)
                _mark_done(out, job, key, data)
                s.add(doc)
            except OSError as e:
                s.errors.append((str(job.source), f"{job.source}: cannot write {job.output_base}.* ({e})"))
            yield Result(job, len(doc.sentences), s)


_worker_pipeline: Pipeline | None = None


def _worker_init(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(settings)


def _worker_run(args: tuple[list[Job], Path, Options, bool]) -> list[Result]:
    jobs, out, opts, force = args
    assert _worker_pipeline is not None
    return list(process(jobs, _worker_pipeline, out, opts, force))


def run(
    jobs: list[Job],
    out: Path,
    opts: Options | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[Result], None] | None = None,
) -> Summary:
    """Run every job; return the merged summary (errors included, never raised)."""
    opts = opts or Options()
    summary = Summary()
    _remove_stale_parts(jobs)
    if workers <= 1 or len(jobs) <= 1:
        own = pipeline is None
        pipeline = pipeline or Pipeline(opts.settings)
        try:
            for r in process(jobs, pipeline, out, opts, force):
                summary.merge(r.summary)
                if progress:
                    progress(r)
        finally:
            if own:
                pipeline.close()
        return summary
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    ctx = _mp_context()
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_worker_init, initargs=(opts.settings,)
    ) as pool:
        for results in pool.map(_worker_run, [(c, out, opts, force) for c in chunks]):
            for r in results:
                summary.merge(r.summary)
                if progress:
                    progress(r)
    return summary


def _remove_stale_parts(jobs: list[Job]) -> None:
    """Temporary files left by a run that was killed mid-write (never complete outputs)."""
    for d in {j.output_base.parent for j in jobs}:
        if d.is_dir():
            for part in d.glob(".*.part"):
                part.unlink(missing_ok=True)


def _mp_context():  # noqa: ANN202
    import multiprocessing

    # forkserver: workers start clean (no threads of the parent, e.g. the progress bar)
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
