"""Run cleantext on Ray: the same batch run across a cluster (optional extra `[ray]`).

Two callable classes for `Dataset.map_batches`, each building the pipeline (detector,
engines) once per actor:

- `CleanBatch` — for your own Ray pipelines. Rows carry `path` and, optionally, `bytes`
  (as `ray.data.read_binary_files(..., include_paths=True)` gives them); it returns the
  clean text and the JSONL records per file, and the error for a file that cannot be read:

      import ray
      from cleantext.ray import CleanBatch

      ds = ray.data.read_binary_files("corpus/", include_paths=True)
      ds = ds.map_batches(CleanBatch, compute=ray.data.ActorPoolStrategy(size=4), batch_size=64)
      # leave CPUs for the read tasks: actors holding every CPU starve them
      ds.select_columns(["path", "text"]).write_parquet("clean/")

- `WriteBatch` — what `cleantext clean --executor ray` runs: rows are planned jobs, and
  each actor writes the outputs itself, exactly as a local run writes them (same paths,
  same bytes, atomically), so OUT must be on a file system every node sees.

`run_jobs` is the driver side: it yields one `Result` per job as actors finish, so
progress, the resume log and the summary work as in local runs.
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleantext.batch import CHUNK, Job, Options, Result, Summary, cannot_read, process
from cleantext.pipeline import Pipeline, Settings
from cleantext.read import ReadError
from cleantext.write import output_paths, to_jsonl, to_txt


def _require_ray():  # noqa: ANN202
    try:
        import ray
        import ray.data
    except ImportError:
        raise RuntimeError(
            "the Ray executor needs Ray: pip install 'cleantext-it[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


class CleanBatch:
    """Clean a batch of files in memory: columns `path` (+ optional `bytes`) in; `path`,
    `text`, `records` (JSONL), `sentences`, `spans`, `translated` and `error` out."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.pipeline = Pipeline(settings or Settings())

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        paths = [str(p) for p in batch["path"]]
        datas = batch.get("bytes")
        columns = ("path", "text", "records", "sentences", "spans", "translated", "error")
        out: dict[str, list] = {k: [] for k in columns}
        prepared, ready = [], []
        errors: dict[int, str] = {}
        for i, path in enumerate(paths):
            try:
                data = bytes(datas[i]) if datas is not None else Path(path).read_bytes()
                prepared.append(self.pipeline.prepare(data, path))
                ready.append(i)
            except ReadError as e:
                errors[i] = str(e)
            except OSError as e:
                errors[i] = cannot_read(path, e)
        docs = dict(zip(ready, self.pipeline.finish(prepared), strict=True)) if prepared else {}
        for i, path in enumerate(paths):
            doc = docs.get(i)
            s = Summary()
            if doc is not None:
                s.add(doc)
            out["path"].append(path)
            out["text"].append(to_txt(doc) if doc is not None else "")
            out["records"].append(to_jsonl(doc) if doc is not None else "")
            out["sentences"].append(len(doc.sentences) if doc is not None else 0)
            out["spans"].append(sum(n for lang, n in s.spans.items() if lang != self.pipeline.settings.main))
            out["translated"].append(sum(s.translated.values()))
            out["error"].append(errors.get(i, ""))
        return out


class WriteBatch:
    """Clean planned jobs and write their outputs; one row per job back, with its `Result`
    pickled for the driver (the same object a local worker returns)."""

    def __init__(self, options: Options, force: bool = False) -> None:
        self.options, self.force = options, force
        self.pipeline = Pipeline(options.settings)

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
        results = list(process(jobs, self.pipeline, self.options, done, self.force))
        return {"rel": [r.job.rel for r in results], "result": [pickle.dumps(r) for r in results]}


def seen_here(result: Result, formats: tuple[str, ...]) -> Result:
    """A result whose outputs this machine cannot see (OUT not shared with the node that
    wrote them) is an error for that file, not a file done: the resume log stays honest."""
    if result.digest is None or all(p.is_file() for p in output_paths(result.job.output_base, formats)):
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


def run_jobs(
    jobs: list[Job],
    opts: Options,
    done: dict[str, tuple[str, str]],
    force: bool = False,
    workers: int = 0,
    address: str | None = None,
) -> Iterator[Result]:
    """Run `jobs` on Ray with `workers` actors; yield each job's Result as it completes.

    Connects to the cluster at `address` (or $RAY_ADDRESS), or starts a local Ray with
    `workers` CPUs; a Ray this call started is shut down at the end. `workers` 0: one
    actor per CPU of the cluster."""
    ray = _require_ray()
    started = False
    if not ray.is_initialized():
        target = address or os.environ.get("RAY_ADDRESS")
        if target:
            _check_reachable(target)
        kwargs: dict[str, Any] = {"address": address} if address else {"num_cpus": workers or None}
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
        if workers <= 0:
            workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # the CLI shows its own, per file
        ctx.execution_options.preserve_order = False
        size = max(1, min(CHUNK, len(jobs) // (workers * 4)))  # keep every actor busy
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
        ds = ds.map_batches(
            WriteBatch,
            fn_constructor_kwargs={"options": opts, "force": force},
            compute=ray.data.ActorPoolStrategy(size=workers),
            batch_size=size,
            num_cpus=1,
            batch_format="numpy",
        )
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for blob in batch["result"]:
                yield seen_here(pickle.loads(blob), opts.formats)  # noqa: S301 - from our own actors
    finally:
        if started:
            ray.shutdown()
