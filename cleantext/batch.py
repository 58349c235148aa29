"""Folder and file runs: discovery, sharding, worker processes, resume, per-file errors.

- Inputs are never modified; OUT may not lie inside an input folder; links that point out
  of an input folder are not followed.
- Each output is written atomically; then a line (content hash + the settings that matter)
  is appended to the run's state log, so a rerun skips exactly the files whose outputs are
  complete and up to date, and a run killed midway is finished by the next one.
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

from cleantext.corpus import CorpusLines
from cleantext.model import Document
from cleantext.pipeline import Pipeline, Settings
from cleantext.read import ReadError
from cleantext.write import DEFAULT_FORMATS, DocumentWriter, atomic_write, output_paths, write_document

STATE_LOG = ".cleantext-state.jsonl"
CHUNK = 128  # documents per translation batch (one engine round trip per language)
STREAM_BYTES = 4 << 20  # larger files are cleaned block by block (bounded memory)
EXECUTORS = ("local", "ray")  # this machine's processes, or Ray actors (cleantext.ray)


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
    kept: Counter[str] = field(default_factory=Counter)  # foreign spans left as written, by reason
    translated: Counter[str] = field(default_factory=Counter)  # by engine
    untranslated: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def add(self, doc: Document, part: bool = False) -> None:
        """Count one document (or, with part=True, a further part of a streamed one)."""
        self.files += 0 if part else 1
        self.sentences += len(doc.sentences)
        self.fixes.update(f.rule for f in doc.fixes)
        for s in doc.sentences:
            self.fixes.update(f.rule for f in s.fixes)
            if s.dropped:
                self.dropped[s.dropped] += 1
            for seg in s.segments:
                if s.dropped:
                    continue
                if seg.kept:
                    self.kept[seg.kept] += 1
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
        self.kept.update(other.kept)
        self.translated.update(other.translated)
        self.untranslated += other.untranslated
        self.errors.extend(other.errors)


@dataclass(frozen=True, slots=True)
class Options:
    """What decides the bytes of the outputs (besides the input): part of the resume key."""

    settings: Settings = Settings()
    formats: tuple[str, ...] = DEFAULT_FORMATS
    tmx_sentences: bool = False
    corpus: CorpusLines | None = None  # the counting pass's evidence (cleantext.corpus)

    def key(self) -> str:
        settings = asdict(self.settings)
        settings.pop("threads")  # how fast, not what: a rerun with other threads skips done files
        evidence = self.corpus.digest() if self.corpus is not None else None
        data = json.dumps([settings, self.formats, self.tmx_sentences, _version(), evidence], sort_keys=True)
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
        parent = j.output_base.parent
        while not parent.exists() and parent != out:
            parent = parent.parent
        if parent.exists() and not _inside(parent, out_r):
            raise UsageError(
                f"{parent} is a link out of the output folder {out}; remove it or choose another -o"
            )
        if j.output_base in seen:
            raise UsageError(
                f"{j.source} and {seen[j.output_base]} would write the same outputs; run them apart"
            )
        seen[j.output_base] = j.source
        for o in output_paths(j.output_base, ("txt",)):
            if o.resolve() == j.source.resolve():
                raise UsageError(f"{j.source}: output would overwrite the input; choose another -o")
    return select_shard(jobs, shard)


def select_shard(jobs: list[Job], shard: tuple[int, int] | None) -> list[Job]:
    """Shard I of N: the same files on every machine (by a hash of the relative path)."""
    if not shard:
        return jobs
    i, n = shard
    return [j for j in jobs if int(hashlib.sha1(j.rel.encode()).hexdigest(), 16) % n == i - 1]


def count_corpus(jobs: list[Job], settings: Settings) -> CorpusLines | None:
    """The counting pass of a folder run (cleantext.corpus), or None when it does not apply:
    boilerplate kept, or too few documents to call anything repeated."""
    from cleantext.corpus import MIN_DOCS, count

    if settings.keep_boilerplate or len(jobs) < MIN_DOCS:
        return None
    return count(j.source for j in jobs)


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


class StateLog:
    """OUT/.cleantext-state.jsonl: one line per finished input, appended as files complete.

    Appending costs far less than a state file per input; a line cut short by a kill is
    ignored, and `compact` rewrites the log with the latest line per input at the end.
    """

    def __init__(self, out: Path) -> None:
        self.path = out / STATE_LOG
        self.done: dict[str, tuple[str, str]] = {}
        try:
            lines = self.path.read_text("utf-8").splitlines()
        except OSError:
            lines = []
        for line in lines:
            try:
                rec = json.loads(line)
                self.done[rec["rel"]] = (rec["input"], rec["key"])
            except (ValueError, KeyError, TypeError):
                continue
        self._fh = None

    def add(self, rel: str, digest: str, key: str) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - kept open for the run
        self._fh.write(json.dumps({"rel": rel, "input": digest, "key": key}) + "\n")
        self._fh.flush()
        self.done[rel] = (digest, key)

    def compact(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            lines = [json.dumps({"rel": r, "input": i, "key": k}) for r, (i, k) in sorted(self.done.items())]
            atomic_write(self.path, "".join(line + "\n" for line in lines))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- running ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Result:
    job: Job
    sentences: int
    summary: Summary
    digest: str | None = None  # set when outputs were written: the state log records it


def process(
    jobs: list[Job], pipeline: Pipeline, opts: Options, done: dict[str, tuple[str, str]], force: bool = False
) -> Iterator[Result]:
    """Clean `jobs` with one pipeline, translating each chunk of documents in one batch.

    `done` maps finished inputs to (digest, key), as read from the state log."""
    key = opts.key()
    for start in range(0, len(jobs), CHUNK):
        chunk = jobs[start : start + CHUNK]
        prepared, ready = [], []
        for job in chunk:
            s = Summary()
            try:
                if job.source.stat().st_size > STREAM_BYTES:
                    yield _stream_one(job, pipeline, opts, done, key, force)
                    continue
                data = job.source.read_bytes()
                digest = _digest(data)
                if not force and _up_to_date(job, opts, done, key, digest):
                    s.skipped += 1
                    yield Result(job, 0, s)
                    continue
                prepared.append(pipeline.prepare(data, str(job.source), opts.corpus))
                ready.append((job, digest))
            except ReadError as e:
                s.errors.append((str(job.source), str(e)))
                yield Result(job, 0, s)
            except OSError as e:
                s.errors.append((str(job.source), cannot_read(job.source, e)))
                yield Result(job, 0, s)
        docs = pipeline.finish(prepared) if prepared else []
        for (job, digest), doc in zip(ready, docs, strict=True):
            s = Summary()
            try:
                write_document(doc, job.output_base, opts.formats, opts.tmx_sentences)
                s.add(doc)
            except OSError as e:
                s.errors.append((str(job.source), f"{job.source}: cannot write {job.output_base}.* ({e})"))
                digest = None
            yield Result(job, len(doc.sentences), s, digest)


def cannot_read(path: Path | str, e: OSError) -> str:
    """The error line for an input the OS would not hand over."""
    return f"{path}: cannot read ({e.strerror or e})"


def _up_to_date(job: Job, opts: Options, done: dict[str, tuple[str, str]], key: str, digest: str) -> bool:
    """Same input, same settings, and every output still there."""
    return done.get(job.rel) == (digest, key) and all(
        p.is_file() for p in output_paths(job.output_base, opts.formats)
    )


def _stream_one(
    job: Job, pipeline: Pipeline, opts: Options, done: dict[str, tuple[str, str]], key: str, force: bool
) -> Result:
    """A large file, block by block: bounded memory, outputs appended then put in place."""
    s = Summary()
    h = hashlib.sha256()
    with open(job.source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()
    if not force and _up_to_date(job, opts, done, key, digest):
        s.skipped += 1
        return Result(job, 0, s)
    writer = DocumentWriter(job.output_base, opts.formats, opts.tmx_sentences)
    sentences = 0
    try:
        for i, part in enumerate(pipeline.stream(job.source, corpus=opts.corpus)):
            writer.add(part)
            s.add(part, part=i > 0)
            sentences += len(part.sentences)
        writer.commit()
    except ReadError as e:
        writer.abort()
        return Result(job, 0, Summary(errors=[(str(job.source), str(e))]))
    except OSError as e:
        writer.abort()
        return Result(job, 0, Summary(errors=[(str(job.source), f"{job.source}: {e.strerror or e}")]))
    except BaseException:
        writer.abort()
        raise
    return Result(job, sentences, s, digest)


_worker_pipeline: Pipeline | None = None


def _worker_init(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(settings)


def _worker_run(args: tuple[list[Job], Options, dict[str, tuple[str, str]], bool]) -> list[Result]:
    jobs, opts, done, force = args
    assert _worker_pipeline is not None
    return list(process(jobs, _worker_pipeline, opts, done, force))


def run(
    jobs: list[Job],
    out: Path,
    opts: Options | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[Result], None] | None = None,
    executor: str = "local",
    address: str | None = None,
) -> Summary:
    """Run every job; return the merged summary (errors included, never raised).

    `executor` "local" runs in this process (or a pool of `workers` processes); "ray" runs
    `workers` actors on Ray (a local instance, or the cluster at `address`; 0: one actor
    per CPU of the cluster)."""
    if executor not in EXECUTORS:
        raise UsageError(f"unknown executor {executor!r}; choose from {', '.join(EXECUTORS)}")
    opts = opts or Options()
    summary = Summary()
    _remove_stale_parts(jobs)
    state = StateLog(out)
    key = opts.key()

    def collect(r: Result) -> None:
        summary.merge(r.summary)
        if r.digest is not None:
            state.add(r.job.rel, r.digest, key)
        if progress:
            progress(r)

    done = {j.rel: state.done[j.rel] for j in jobs if j.rel in state.done}  # what workers need
    try:
        if executor == "ray":
            from cleantext.ray import run_jobs

            for r in run_jobs(jobs, opts, done, force, max(0, workers), address):
                collect(r)
        elif workers <= 1 or len(jobs) <= 1:
            own = pipeline is None
            pipeline = pipeline or Pipeline(opts.settings)
            try:
                for r in process(jobs, pipeline, opts, done, force):
                    collect(r)
            finally:
                if own:
                    pipeline.close()
        else:
            size = max(1, min(CHUNK, len(jobs) // (workers * 4)))  # keep every worker busy
            chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
            with ProcessPoolExecutor(
                workers, mp_context=_mp_context(), initializer=_worker_init, initargs=(opts.settings,)
            ) as pool:
                for results in pool.map(_worker_run, [(c, opts, done, force) for c in chunks]):
                    for r in results:
                        collect(r)
    finally:
        state.compact()
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
