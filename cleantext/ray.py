"""Run cleantext on Ray: the same batch run across a cluster (optional extra `[ray]`).

The runner's Ray executor, and a callable class for your own `Dataset.map_batches`, each
building the pipeline (detector, engines) once per actor:

- `CleanBatch` — for your own Ray pipelines. Rows carry `path` and, optionally, `bytes`
  (as `ray.data.read_binary_files(..., include_paths=True)` gives them); it returns the
  clean text and the JSONL records per file, and the error for a file that cannot be read:

      import ray
      from cleantext.ray import CleanBatch

      ds = ray.data.read_binary_files("corpus/", include_paths=True)
      ds = ds.map_batches(CleanBatch, compute=ray.data.ActorPoolStrategy(size=4), batch_size=64)
      # leave CPUs for the read tasks: actors holding every CPU starve them
      ds.select_columns(["path", "text"]).write_parquet("clean/")

- `RayExecutor` — what `cleantext clean --executor ray` runs (`cleantext.runner.run` with
  it): plain Ray actors (no Ray Data: its own actors and scheduler cost seconds per run)
  are handed chunks of planned jobs, and each runs the same `Task` a local worker runs, so
  it writes the outputs itself, exactly as a local run writes them (same paths, same
  bytes, atomically); OUT must be on a file system every node sees. The driver gets one
  `Result` per job as actors finish, so progress, the resume log and the summary work as
  in local runs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleantext.jobs import Job
from cleantext.model import Document
from cleantext.read import read_file
from cleantext.resume import Options
from cleantext.runner import Result, Task, chunks_for
from cleantext.settings import Settings
from cleantext.summary import Summary
from cleantext.write import to_jsonl, to_txt


def _require_ray():  # noqa: ANN202
    try:
        import ray  # the executor needs Ray core only (CleanBatch runs in the user's Ray Data)
    except ImportError:
        raise RuntimeError(
            "the Ray executor needs Ray: pip install 'cleantext-it[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


class MemoryTask(Task):
    """The runner's task with outputs kept in memory: the clean text and the records."""

    streams = False

    def read(self, job: Job) -> bytes:
        return job.data if job.data is not None else read_file(job.source)

    def write(self, ready: list[tuple[Job, Document]]) -> list[tuple[str | None, dict[str, str] | None]]:
        return [(None, {"text": to_txt(doc), "records": to_jsonl(doc)}) for _, doc in ready]


class CleanBatch:
    """Clean a batch of files in memory: columns `path` (+ optional `bytes`) in; `path`,
    `text`, `records` (JSONL), `sentences`, `spans`, `translated` and `error` out."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.task = MemoryTask(Options(settings or Settings()))
        self.task.setup()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        paths = [str(p) for p in batch["path"]]
        datas = batch.get("bytes")
        jobs = [
            Job(Path(p), p, Path(p), bytes(datas[i]) if datas is not None else None)
            for i, p in enumerate(paths)
        ]
        columns = ("path", "text", "records", "sentences", "spans", "translated", "error")
        out: dict[str, list] = {k: [] for k in columns}
        main = self.task.opts.settings.main
        for r in self.task.process(jobs):
            s, kept = r.summary, r.outputs or {}
            out["path"].append(str(r.job.source))
            out["text"].append(kept.get("text", ""))
            out["records"].append(kept.get("records", ""))
            out["sentences"].append(r.sentences)
            out["spans"].append(sum(n for lang, n in s.spans.items() if lang != main))
            out["translated"].append(sum(s.translated.values()))
            out["error"].append(s.errors[0][1] if s.errors else "")
        return out


class _Actor:
    """A Ray actor running the runner's task on chunks of planned jobs; each Result goes
    back pickled for the driver (the same object a local worker returns)."""

    def __init__(self, task: bytes) -> None:
        self.task = pickle.loads(task)  # noqa: S301 - from our own driver
        self.task.setup()

    def run(self, jobs: list[Job]) -> list[bytes]:
        return [pickle.dumps(r) for r in self.task.process(jobs)]


def seen_here(result: Result, outputs: list[Path]) -> Result:
    """A result whose outputs this machine cannot see (OUT not shared with the node that
    wrote them) is an error for that file, not a file done: the resume log stays honest."""
    if result.digest is None or all(p.is_file() for p in outputs):
        return result
    src = str(result.job.source)
    error = f"{src}: its outputs were written on another node; OUT must be on a file system every node mounts"
    return Result(result.job, 0, Summary(errors=[(src, error)]))


def _check_reachable(address: str, timeout: float = 10.0) -> None:
    """Fail in seconds, not after Ray's long retries, when HOST:PORT does not answer."""
    hostport = address.removeprefix("ray://")
    if hostport == "auto" or ":" not in hostport:
        return  # Ray finds a local cluster itself, and says so at once when there is none
    host, _, port = hostport.rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except (OSError, ValueError) as e:
        raise RuntimeError(
            f"cannot reach the Ray cluster at {address} ({e}); is `ray start --head` running there?"
        ) from None


class RayExecutor:
    """The runner's executor on Ray: `workers` actors (0: one per CPU of the cluster) on the
    cluster at `address` (or $RAY_ADDRESS), or on a local Ray this executor starts and
    stops."""

    def __init__(self, workers: int = 0, address: str | None = None) -> None:
        self.workers = max(0, workers)
        self.address = address

    def map(self, task: Task, chunks: list[list[Job]]) -> Iterator[Result]:
        ray = _require_ray()
        started = False
        if not ray.is_initialized():
            target = self.address or os.environ.get("RAY_ADDRESS")
            if target:
                _check_reachable(target)
            kwargs: dict[str, Any] = (
                {"address": self.address} if self.address else {"num_cpus": self.workers or None}
            )
            try:
                ray.init(
                    **kwargs,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.ERROR,
                    configure_logging=True,
                )
            except (ConnectionError, TimeoutError, ValueError) as e:
                where = f"the Ray cluster at {target}" if target else "a local Ray"
                raise RuntimeError(f"cannot start or join {where}: {e}") from None
            started = True
        try:
            logging.getLogger("ray").setLevel(logging.ERROR)
            workers = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            jobs = [j for c in chunks for j in c]
            if jobs:
                yield from self._pool(ray, task, chunks_for(jobs, workers), workers)
        finally:
            if started:
                ray.shutdown()

    @staticmethod
    def _pool(ray: Any, task: Task, chunks: list[list[Job]], workers: int) -> Iterator[Result]:
        """`workers` actors, each given the next chunk as it finishes one. A chunk whose
        actor died (the out-of-memory killer, a lost node) runs once more on a fresh actor,
        then its files are reported as failed; the run goes on."""
        remote = ray.remote(num_cpus=1, max_restarts=0)(_Actor)
        blob = pickle.dumps(task)
        queue = [(c, 0) for c in reversed(chunks)]  # (chunk, tries so far), next one last
        running: dict[Any, tuple[Any, list[Job], int]] = {}
        idle = [remote.remote(blob) for _ in range(min(workers, len(chunks)))]
        try:
            while queue or running:
                while idle and queue:
                    actor, (chunk, tries) = idle.pop(), queue.pop()
                    running[actor.run.remote(chunk)] = (actor, chunk, tries)
                (ref,), _ = ray.wait(list(running), num_returns=1)
                actor, chunk, tries = running.pop(ref)
                try:
                    blobs = ray.get(ref)
                except ray.exceptions.RayActorError:
                    ray.kill(actor)
                    if tries == 0:
                        queue.append((chunk, 1))
                    else:
                        for job in chunk:
                            why = f"{job.source}: a Ray worker died twice on its batch (out of memory?)"
                            yield Result(job, 0, Summary(errors=[(str(job.source), why)]))
                    if queue:
                        idle.append(remote.remote(blob))  # a fresh actor in its place
                    continue
                idle.append(actor)
                for b in blobs:
                    r = pickle.loads(b)  # noqa: S301 - from our own actors
                    yield seen_here(r, task.outputs(r.job))
        finally:
            for actor in idle + [a for a, _, _ in running.values()]:
                with contextlib.suppress(Exception):
                    ray.kill(actor)
