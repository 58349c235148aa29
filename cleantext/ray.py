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
  it): rows are planned jobs, and each actor runs the same `Task` a local worker runs, so
  it writes the outputs itself, exactly as a local run writes them (same paths, same
  bytes, atomically); OUT must be on a file system every node sees. The driver gets one
  `Result` per job as actors finish, so progress, the resume log and the summary work as
  in local runs.
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleantext.jobs import Job, Options
from cleantext.model import Document
from cleantext.runner import Done, Result, Task, chunks_for
from cleantext.settings import Settings
from cleantext.summary import Summary
from cleantext.write import to_jsonl, to_txt


def _require_ray():  # noqa: ANN202
    try:
        import ray
        import ray.data
    except ImportError:
        raise RuntimeError(
            "the Ray executor needs Ray: pip install 'cleantext-it[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


class MemoryTask(Task):
    """The runner's task with outputs kept in memory: the clean text and the records."""

    streams = False

    def read(self, job: Job) -> bytes:
        return job.data if job.data is not None else job.source.read_bytes()

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
        for r in self.task.process(jobs, {}, force=True):
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
    """A Ray actor running the runner's task on batches of planned jobs; each Result goes
    back pickled for the driver (the same object a local worker returns)."""

    def __init__(self, task: bytes, force: bool = False) -> None:
        self.task, self.force = pickle.loads(task), force  # noqa: S301 - from our own driver
        self.task.setup()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        jobs = [
            Job(Path(src), str(rel), Path(base))
            for src, rel, base in zip(batch["source"], batch["rel"], batch["output_base"], strict=True)
        ]
        done = {
            str(rel): (str(d), str(k))
            for rel, d, k in zip(batch["rel"], batch["done_input"], batch["done_key"], strict=True)
            if d
        }
        results = list(self.task.process(jobs, done, self.force))
        return {"rel": [r.job.rel for r in results], "result": [pickle.dumps(r) for r in results]}


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

    def map(self, task: Task, chunks: list[list[Job]], done: Done, force: bool) -> Iterator[Result]:
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
            logging.getLogger("ray.data").setLevel(logging.ERROR)
            workers = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            jobs = [j for c in chunks for j in c]
            if not jobs:
                return
            ctx = ray.data.DataContext.get_current()
            ctx.enable_progress_bars = False  # the CLI shows its own, per file
            ctx.execution_options.preserve_order = False
            size = len(chunks_for(jobs, workers)[0])  # the runner's chunk size for this many actors
            rows = [
                {
                    "source": str(j.source),
                    "rel": j.rel,
                    "output_base": str(j.output_base),
                    "done_input": done.get(j.rel, ("", ""))[0],
                    "done_key": done.get(j.rel, ("", ""))[1],
                }
                for j in jobs
            ]
            ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // size)))
            with warnings.catch_warnings():
                # no actor restarts: with them, Ray logged an error line on every run (constructor
                # arguments in the object store); a dead actor's rows fail and are reported
                warnings.filterwarnings("ignore", message=".*ray_remote_args.*")
                ds = ds.map_batches(
                    _Actor,
                    fn_constructor_kwargs={"task": pickle.dumps(task), "force": force},
                    compute=ray.data.ActorPoolStrategy(size=workers),
                    batch_size=size,
                    num_cpus=1,
                    max_restarts=0,
                    batch_format="numpy",
                )
            for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
                for blob in batch["result"]:
                    r = pickle.loads(blob)  # noqa: S301 - from our own actors
                    yield seen_here(r, task.outputs(r.job))
        finally:
            if started:
                ray.shutdown()
