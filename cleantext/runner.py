"""One runner for every executor: plan → read → prepare → translate (batched) → write.

A `Task` is what a worker does with its share of the jobs: it builds the pipeline once
(`setup`), then, chunk by chunk, reads each input, runs every stage but translation,
translates the whole chunk in one batch, and writes each document's outputs atomically.
One bad file fails alone: its error names the file, and the others go on. `CleanTask`
writes the clean text and the records; `cleantext.bitext.BitextTask` writes aligned
translations; `cleantext.ray.CleanBatch` keeps them in memory.

An executor runs a task over chunks of jobs and yields one `Result` per job: `InProcess`,
`ProcessPool` (here), `cleantext.ray.RayExecutor`. `run` owns the rest: the resume log,
the temporary files of a killed run, progress and the merged summary.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from cleantext import dataset, html
from cleantext.jobs import Job, UsageError, job_outputs
from cleantext.model import Document
from cleantext.pipeline import Pipeline
from cleantext.proc import alive, zombie
from cleantext.read import ReadError, larger_than, open_file, read_file
from cleantext.resume import Finished, Options, StateLog
from cleantext.summary import Summary
from cleantext.write import DocumentWriter, part_owner, to_jsonl, write_document

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.queues import Queue

log = logging.getLogger(__name__)

CHUNK = 128  # documents handed to a worker at a time
BATCH = 32  # documents per translation batch (one engine round trip per language)
STREAM_BYTES = 4 << 20  # larger files are cleaned block by block (bounded memory)
EXECUTORS = ("local", "ray")  # this machine's processes, or Ray actors (cleantext.ray)

Done = dict[str, Finished]  # finished inputs by rel


@dataclass(frozen=True, slots=True)
class Result:
    job: Job
    sentences: int
    summary: Summary
    digest: str | None = None  # set when outputs were written: the state log records it
    outputs: dict[str, str] | None = None  # in-memory tasks: what would have been written


def cannot_read(path: Path | str, e: OSError) -> str:
    """The error line for an input the OS would not hand over."""
    return f"{path}: cannot read ({e.strerror or e})"


def internal_error(job: Job, e: Exception) -> str:
    """A failure no check foresaw, for one file: named with the file, the rest go on."""
    return f"{job.source}: could not be cleaned ({type(e).__name__}: {e}); the other files go on"


def cannot_write(job: Job, e: OSError) -> str:
    return f"{job.source}: cannot write {job.output_base}.* ({e.strerror or e})"


# --- tasks -----------------------------------------------------------------------------


class Task:
    """Clean documents and write what `opts` asks for (the base does the reading, the
    batching and the errors; subclasses say what a document's outputs are)."""

    streams = True  # large files go block by block (only tasks that can write in parts)

    def __init__(
        self, opts: Options | None = None, pipeline: Pipeline | None = None, keep_records: bool = False
    ) -> None:
        self.opts = opts or Options()
        self.pipeline = pipeline
        self._own = pipeline is None
        self.keep_records = keep_records  # hand each document's records back too (for a report)
        self._key: str | None = None
        # told each batch of a dataset's rows as it is cleaned (`run`'s `rows`; a pool's
        # workers send theirs back): a dataset file is one job, and a large one is hours of a
        # progress bar at 0
        self.rows_done: Callable[[int], None] | None = None

    def key(self) -> str:
        """The options' resume key, computed once: the driver's, which workers receive with
        the task (it hashes the counting pass's evidence and lists the model store)."""
        if self._key is None:
            self._key = self.opts.key()
        return self._key

    def __getstate__(self) -> dict:
        """Workers get the options, never a live pipeline (they build their own)."""
        state = dict(self.__dict__)
        state["pipeline"], state["_own"], state["rows_done"] = None, True, None
        return state

    def setup(self) -> None:
        if self.pipeline is None:
            self.pipeline = Pipeline(self.opts.settings)  # engines start as their languages appear

    def close(self) -> None:
        if self._own and self.pipeline is not None:
            self.pipeline.close()
            self.pipeline = None

    def outputs(self, job: Job) -> list[Path]:
        """The files a job writes: all there (and the input unchanged) means up to date."""
        return job_outputs(job, self.opts.formats)

    def write(self, ready: list[tuple[Job, Document]]) -> list[tuple[str | None, dict[str, str] | None]]:
        """Write each document's outputs: (error or None, in-memory outputs or None) per job."""
        out: list[tuple[str | None, dict[str, str] | None]] = []
        for job, doc in ready:
            try:
                write_document(
                    doc,
                    job.output_base,
                    self.opts.formats,
                    self.opts.tmx_sentences,
                    self.opts.settings.min_quality,
                )
                out.append((None, {"records": to_jsonl(doc)} if self.keep_records else None))
            except OSError as e:
                out.append((cannot_write(job, e), None))
        return out

    def read(self, job: Job) -> bytes:
        return read_file(job.source)

    def _page(self, job: Job) -> bool:
        """An HTML page is extracted whole, never streamed block by block as text is."""
        with open_file(job.source) as fh:
            return html.is_page(fh.read(html.SNIFF_BYTES), str(job.source), self.opts.settings.page_format)

    def _too_long(self, job: Job) -> str:
        limit = self.opts.settings.file_timeout
        return f"{job.source}: took longer than {limit:g} s to read and prepare; skipped (--file-timeout)"

    def process(self, jobs: list[Job]) -> Iterator[Result]:
        """Run `jobs` in equal batches of at most BATCH documents: each batch's foreign
        spans go to the engines in one round trip per language, in a thread, while the next
        batch is read and prepared (the engines' own processes work on the other cores)."""
        assert self.pipeline is not None, "call setup() first"
        if not jobs:
            return
        translator = (
            ThreadPoolExecutor(1, thread_name_prefix="cleantext-translate")
            if self.opts.settings.translates and len(jobs) > BATCH
            else None
        )
        pending: tuple[Future[list[Document]], list[tuple[Job, str]]] | None = None
        try:
            size = -(-len(jobs) // -(-len(jobs) // BATCH))  # equal batches: a short last one hides less
            for start in range(0, len(jobs), size):
                prepared, ready, failed = [], [], []
                for job in jobs[start : start + size]:
                    try:
                        if job.kind:
                            if not self.streams:  # a task that writes other outputs than clean's
                                why = f"{job.source}: datasets are cleaned by `cleantext clean` locally"
                                failed.append(Result(job, 0, Summary(errors=[(str(job.source), why)])))
                                continue
                            if pending:
                                yield from self._complete(*pending)
                                pending = None
                            yield self._dataset_one(job)
                            continue
                        dataset.refuse_packed(job.source)
                        if self.streams and larger_than(job.source, STREAM_BYTES) and not self._page(job):
                            if pending:  # one translating thread at a time
                                yield from self._complete(*pending)
                                pending = None
                            yield self._stream_one(job)
                            continue
                        with time_limit(self.opts.settings.file_timeout):
                            data = self.read(job)
                            digest = hashlib.sha256(data).hexdigest()
                            prepared.append(self.pipeline.prepare(data, str(job.source), self.opts.corpus))
                        ready.append((job, digest))
                    except ReadError as e:
                        failed.append(Result(job, 0, Summary(errors=[(str(job.source), str(e))])))
                    except OSError as e:
                        failed.append(
                            Result(job, 0, Summary(errors=[(str(job.source), cannot_read(job.source, e))]))
                        )
                    except FileTimeout:
                        failed.append(
                            Result(job, 0, Summary(errors=[(str(job.source), self._too_long(job))]))
                        )
                    except Exception as e:  # noqa: BLE001 -- one file's bug fails that file alone
                        failed.append(
                            Result(job, 0, Summary(errors=[(str(job.source), internal_error(job, e))]))
                        )
                batch = (
                    translator.submit(self.pipeline.finish, prepared)
                    if translator
                    else _done(self.pipeline.finish(prepared))
                )
                if pending:
                    yield from self._complete(*pending)
                yield from failed
                pending = (batch, ready)
            if pending:
                yield from self._complete(*pending)
        finally:
            if translator:  # an interrupt does not wait for the batch in flight
                translator.shutdown(wait=False, cancel_futures=True)

    def _complete(self, batch: Future[list[Document]], ready: list[tuple[Job, str]]) -> Iterator[Result]:
        """Write a translated batch; one result per document."""
        docs = batch.result()
        written = self.write([(job, doc) for (job, _), doc in zip(ready, docs, strict=True)])
        for (job, digest), doc, (error, outputs) in zip(ready, docs, written, strict=True):
            s = Summary()
            if error:
                s.fail(str(job.source), error)
                yield Result(job, len(doc.sentences), s)
                continue
            s.add(doc)
            yield Result(job, len(doc.sentences), s, digest, outputs)

    def up_to_date(self, job: Job, done: Done) -> bool:
        """Same input, same options, and every output still there: decided by the driver
        before any worker starts (a file the resume log has is hashed here; one it does not
        have costs nothing)."""
        finished = done.get(job.rel)
        if finished is None or finished.key != self.key():
            return False
        try:
            digest = file_digest(job.source)
        except OSError:
            return False  # the worker reports it
        return finished.digest == digest and _complete(self.outputs(job), finished.sizes)

    def _dataset_one(self, job: Job) -> Result:
        """A dataset file, rows in batches: each row cleaned as its text would be as a file,
        written in order with every field kept (cleantext.dataset). Every CHECKPOINT_ROWS
        rows the part done is kept, so a killed run resumes after it (`dataset.Checkpoints`)."""
        s = self.opts.settings
        dataset.check(job.source, job.kind, s.text_field)  # before any output is made
        digest = file_digest(job.source)
        fmt = job.kind if job.kind in ("parquet", "arrow", "csv", "json") else "jsonl"  # a WARC's rows: JSONL
        output = dataset.output_path(job.source, job.output_base, job.kind)
        checkpoints = dataset.Checkpoints(output, f"{digest} {self.key()}")
        checkpoints.clear(stale_only=True)
        writer = dataset.Writer(output, fmt, job.source, s.text_field)
        records = (
            dataset.Writer(dataset.sentences_path(job.output_base), "jsonl")
            if "jsonl" in self.opts.formats
            else None
        )
        writers = [w for w in (writer, records) if w is not None]
        summary, sentences, parts = Summary(), 0, 0
        part = dataset.Part()
        keep = True  # parts are kept in order while none holds spans no engine served

        def clean(batch: list[dataset.Row]) -> None:
            part.sentences += self._clean_rows(job, batch, part)
            part.rows += len(batch)
            if self.rows_done and batch:
                self.rows_done(len(batch))

        def close_part(save: bool) -> None:
            nonlocal part, parts, sentences, keep
            for rec in part.outputs:
                writer.add(rec)
            if records is not None:
                for rec in part.records:
                    records.add(rec)
            summary.merge(part.summary)
            sentences += part.sentences
            keep = keep and not part.summary.unserved  # a rerun with an engine redoes those
            if save and keep:
                parts += 1
                checkpoints.save(parts, part)
            part = dataset.Part()

        try:
            skip = 0
            for done in checkpoints.done():  # a resumed run: what the killed one finished
                part, parts, skip = done, parts + 1, skip + done.rows
                close_part(save=False)
            batch: list[dataset.Row] = []
            for row in itertools.islice(
                dataset.rows(job.source, job.kind, s.text_field, s.id_field), skip, None
            ):
                batch.append(row)
                if len(batch) >= dataset.ROWS_PER_BATCH:
                    clean(batch)
                    batch = []
                    if part.rows >= dataset.CHECKPOINT_ROWS:
                        close_part(save=True)
            clean(batch)
            close_part(save=False)
        except ReadError as e:  # a file cut short: the rows before it are written, the file is not done
            clean(batch)
            close_part(save=False)
            summary.fail(str(job.source), str(e))
            digest = None
        except BaseException:
            for w in writers:
                w.abort()
            raise
        try:
            for w in writers:
                w.commit()
        except OSError as e:
            for w in writers:
                w.abort()
            return Result(job, 0, Summary(errors=[(str(job.source), cannot_write(job, e))]))
        checkpoints.clear()
        summary.files = 1
        return Result(job, sentences, summary, digest if not summary.errors else None)

    def _clean_rows(self, job: Job, rows: list[dataset.Row], part: dataset.Part) -> int:
        """`rows` cleaned into `part`: their output rows, sentence records and summary."""
        assert self.pipeline is not None
        s = self.opts.settings
        prepared, places = [], []
        for k, row in enumerate(rows):
            if row.extra.get("no_page"):
                part.summary.no_page += 1
            elif row.error is None:
                try:
                    with time_limit(s.file_timeout):
                        data = row.data
                        name = dataset.row_name(job.source, row)
                        page = row.html or self.pipeline.is_html(data)  # never by the row's id
                        prepared.append(self.pipeline.prepare(data, name, self.opts.corpus, html=page))
                    places.append(k)
                except (ReadError, FileTimeout) as e:
                    row.error = str(e) if isinstance(e, ReadError) else "took longer than --file-timeout"
            if row.error is not None:  # (the file, and the message naming the row)
                part.summary.fail(str(job.source), f"{job.source}: {row.place}: {row.error}")
        docs = dict(zip(places, self.pipeline.finish(prepared), strict=True))
        for k, row in enumerate(rows):
            doc = docs.get(k)
            if doc is not None:
                part.summary.add(doc)
            part.outputs.append(dataset.record(row, doc, s.text_field))
            if "jsonl" in self.opts.formats and doc is not None:
                part.records.extend(dataset.sentence_records(row, doc))
        return sum(len(d.sentences) for d in docs.values())

    def _stream_one(self, job: Job) -> Result:
        """A large file, block by block: bounded memory, outputs appended then put in place."""
        assert self.pipeline is not None
        s = Summary()
        digest = file_digest(job.source)
        writer = DocumentWriter(
            job.output_base, self.opts.formats, self.opts.tmx_sentences, self.opts.settings.min_quality
        )
        sentences = 0
        parts = self.pipeline.stream(job.source, corpus=self.opts.corpus)
        try:
            for i in itertools.count():
                with time_limit(self.opts.settings.file_timeout):  # each block: a file may be any size
                    part = next(parts, None)
                if part is None:
                    break
                writer.add(part)
                s.add(part, part=i > 0)
                sentences += len(part.sentences)
            writer.commit()
        except FileTimeout:
            writer.abort()
            return Result(job, 0, Summary(errors=[(str(job.source), self._too_long(job))]))
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


class FileTimeout(BaseException):
    """One file went past --file-timeout. Not an Exception, as KeyboardInterrupt is not:
    libraries catch Exception around their own work (trafilatura falls back to another
    extractor on any error), and a time limit raised inside them was swallowed there."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise FileTimeout in this block after `seconds` (0: no limit). A timer signal, so
    only in a process's main thread (where workers and the in-process run prepare files);
    elsewhere there is no limit."""
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    # and again each second after, should something still swallow it
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _sizes(paths: list[Path]) -> dict[str, int] | None:
    try:
        return {p.name: p.stat().st_size for p in paths}
    except OSError:
        return None  # an output gone already: the rerun redoes the file


def _complete(paths: list[Path], sizes: dict[str, int] | None) -> bool:
    """Every output there, and as large as when it was written (a log without sizes: there)."""
    try:
        return all(p.stat().st_size == sizes[p.name] if sizes else p.is_file() for p in paths)
    except (OSError, KeyError):
        return False


def _done(docs: list[Document]) -> Future[list[Document]]:
    """A batch finished in this thread, as a future."""
    f: Future[list[Document]] = Future()
    f.set_result(docs)
    return f


def file_digest(path: Path) -> str:
    """An input's content digest, read block by block (the resume log's `input`)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


CleanTask = Task  # the default task: clean text, records and the other formats asked for


# --- executors -------------------------------------------------------------------------


class Executor(Protocol):
    """Runs a task over chunks of jobs somewhere, yielding one Result per job."""

    workers: int

    def map(self, task: Task, chunks: list[list[Job]]) -> Iterator[Result]: ...


class InProcess:
    """This process: the task's pipeline is built once and used for every chunk."""

    workers = 1

    def map(self, task: Task, chunks: list[list[Job]]) -> Iterator[Result]:
        task.setup()
        try:
            for chunk in chunks:
                yield from task.process(chunk)
        finally:
            task.close()


class ProcessPool:
    """`workers` processes of this machine, each building the task's pipeline once.

    A worker that dies (the out-of-memory killer) breaks the pool: the chunks it broke are
    run once more in a fresh pool, then reported as failed, file by file, and the run goes
    on. An interrupt (Ctrl-C, SIGTERM, SIGHUP) stops the workers and their engines at once;
    what finished before it is in the resume log."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, task: Task, chunks: list[list[Job]]) -> Iterator[Result]:
        context = _mp_context()
        # the workers' counts of a dataset's rows, told to the task's `rows_done` here
        rows = _RowCounts(context, task.rows_done) if task.rows_done else None
        try:
            yield from self._map(task, chunks, context, rows)
        finally:
            if rows is not None:
                rows.close()

    def _map(
        self, task: Task, chunks: list[list[Job]], context: BaseContext, rows: _RowCounts | None
    ) -> Iterator[Result]:
        pending = list(chunks)
        counts = rows.queue if rows is not None else None
        for _ in range(2):
            if not pending:
                return
            broken: list[list[Job]] = []
            pool = ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=_worker_init,
                initargs=(task, os.getpid(), counts),
            )
            try:
                futures = {pool.submit(_worker_run, c): c for c in pending}
                for future in as_completed(futures):
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        broken.append(futures[future])
                        continue
                    yield from results
            except BaseException:
                _stop(pool)
                raise
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
            pending = broken
        for chunk in pending:
            for job in chunk:
                why = f"{job.source}: a worker process died twice on this file's batch (out of memory?)"
                yield Result(job, 0, Summary(errors=[(str(job.source), why)]))


class _RowCounts:
    """A queue the workers put their rows' counts in, and a thread here that tells them to
    the callback (the progress line) as they come."""

    def __init__(self, context: BaseContext, told: Callable[[int], None]) -> None:
        self.queue = context.Queue()
        self._told = told
        self._thread = threading.Thread(target=self._drain, daemon=True, name="cleantext-rows")
        self._thread.start()

    def _drain(self) -> None:
        while (n := self.queue.get()) is not None:
            with contextlib.suppress(Exception):  # a progress line's trouble stops no run
                self._told(n)

    def close(self) -> None:
        self.queue.put(None)
        self._thread.join(timeout=5)
        self.queue.close()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End every worker now (each closes its engines on SIGTERM: no Apertium left behind)."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        with contextlib.suppress(OSError):
            proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


_worker_task: Task | None = None


def _worker_init(task: Task, parent: int, rows: Queue | None = None) -> None:
    global _worker_task
    _worker_task = task
    if rows is not None:
        task.rows_done = rows.put
    signal.signal(signal.SIGTERM, _worker_exit)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it ends us with SIGTERM
    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True, name="cleantext-orphan").start()
    task.setup()


def _orphan_watch(parent: int, every: float = 0.5) -> None:
    """End this worker the way the parent would (SIGTERM: engines closed) once the parent is
    gone. A parent killed by SIGKILL (the OOM killer, a scheduler) cannot stop its workers, and
    they would go on writing outputs no resume log records. The parent process is watched, not
    ours: a worker's own parent is the forkserver, which lives as long as its workers do."""
    while alive(parent) and not zombie(parent):
        time.sleep(every)
    os.kill(os.getpid(), signal.SIGTERM)


def _worker_exit(signum: int, frame: object) -> None:
    """Stopped by the parent: close the engines (their process groups), then leave."""
    if _worker_task is not None:
        with contextlib.suppress(Exception):
            _worker_task.close()
    os._exit(128 + signum)


def _worker_run(chunk: list[Job]) -> list[Result]:
    assert _worker_task is not None
    return list(_worker_task.process(chunk))


def _mp_context():  # noqa: ANN202
    import multiprocessing

    # forkserver: workers start clean (no threads of the parent, e.g. the progress bar)
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def local(workers: int = 1) -> Executor:
    """This machine: one process, or a pool of `workers` processes."""
    return InProcess() if workers <= 1 else ProcessPool(workers)


def chunks_for(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Chunks small enough to keep every worker busy, never larger than CHUNK."""
    size = CHUNK if workers <= 1 else max(1, min(CHUNK, len(jobs) // (workers * 4)))
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


# --- the run ---------------------------------------------------------------------------


def run(
    jobs: list[Job],
    out: Path,
    opts: Options | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[Result], None] | None = None,
    executor: Executor | str = "local",
    task: Task | None = None,
    rows: Callable[[int], None] | None = None,
) -> Summary:
    """Run every job; return the merged summary (errors included, never raised).

    `executor` is "local" (this process, or a pool of `workers` processes) or an executor
    object (`cleantext.ray.RayExecutor` for a Ray cluster); `task` defaults to cleaning
    with `opts` (and `pipeline`, when given, in this process). `progress` is told each
    job's result; `rows`, each batch of a dataset's rows cleaned, here or in this machine's
    pool."""
    if isinstance(executor, str):
        if executor not in EXECUTORS:
            raise UsageError(f"unknown executor {executor!r}; choose from {', '.join(EXECUTORS)}")
        if executor == "ray":
            raise UsageError("for Ray, pass executor=cleantext.ray.RayExecutor(workers, address)")
    task = task or Task(opts, pipeline)
    summary = Summary()
    _remove_stale_parts(jobs)
    state = StateLog(out)
    key = task.key()  # before the executor pickles the task: workers use this one
    # files already done are found here, so a rerun with nothing to do starts no worker,
    # engine or cluster; only the rest go to the executor
    todo = jobs if force else [j for j in jobs if not task.up_to_date(j, state.done)]
    pending = {j.rel for j in todo}
    skipped = (Result(j, 0, Summary(skipped=1)) for j in jobs if j.rel not in pending)
    if isinstance(executor, str):
        executor = InProcess() if workers <= 1 or len(todo) <= 1 or pipeline is not None else local(workers)
    task.rows_done = rows if isinstance(executor, InProcess | ProcessPool) else None
    log.info("%d files: %d to do, %d up to date", len(jobs), len(todo), len(jobs) - len(todo))
    results = executor.map(task, chunks_for(todo, executor.workers)) if todo else iter(())
    try:
        for r in itertools.chain(skipped, results):
            summary.merge(r.summary)
            log.info("%s: %s", r.job.source, _told(r.summary))
            # a file whose spans no engine served is not done: a rerun with one redoes it
            if r.digest is not None and not r.summary.unserved:
                try:
                    state.add(r.job.rel, r.digest, key, _sizes(task.outputs(r.job)))
                except OSError as e:  # a full disk: the outputs stand, the file is redone next time
                    summary.fail(str(r.job.source), f"{state.path}: cannot record {r.job.rel} ({e})")
            if progress:
                progress(r)
    finally:
        _remove_stale_parts(jobs)  # a worker killed mid-write left its parts; its batch ran again
        try:
            state.compact()
        except OSError as e:  # the appended log stays valid; only its compaction failed
            summary.fail(str(state.path), f"{state.path}: cannot compact the resume log ({e})")
    return summary


def _told(s: Summary) -> str:
    """One file's outcome in a line (the -v log)."""
    if s.skipped:
        return "up to date"
    if s.errors:
        return "failed"
    parts = [f"{s.sentences} sentences"]
    for what, count in (
        ("dropped", sum(s.dropped.values())),
        ("translated", sum(s.translated.values())),
        ("kept foreign", sum(s.kept.values())),
        ("untranslated", s.untranslated),
    ):
        if count:
            parts.append(f"{count} {what}")
    return ", ".join(parts)


def _gone(pid: int) -> bool:
    """The process has ended (a killed worker its parent has not yet reaped has ended too)."""
    return not alive(pid) or zombie(pid)


STALE_PART_SECONDS = 24 * 3600  # a temporary file this old is a leftover, whoever made it


def _remove_stale_parts(jobs: list[Job]) -> None:
    """Temporary files left by a process killed mid-write (never complete outputs): those of
    a process of this machine that is gone, and any a day old. Run before a run and after
    it (a worker the OOM killer ended leaves its parts; its batch ran again elsewhere).
    Another run's work in progress (two shards into one OUT) is left alone; a Ray worker
    that died on another node leaves its parts until they are a day old."""
    host, now = socket.gethostname(), time.time()
    for d in {j.output_base.parent for j in jobs}:
        if not d.is_dir():
            continue
        for part in d.glob(".*.part"):
            owner = part_owner(part.name)
            try:
                old = now - part.stat().st_mtime > STALE_PART_SECONDS
            except OSError:
                continue
            if old or (owner is not None and owner[0] == host and _gone(owner[1])):
                part.unlink(missing_ok=True)
