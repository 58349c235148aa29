"""A folder run as `clean` and `translate` both do it: plan the jobs and refuse what would
lose data before any work, count the lines the documents share, run the task under a
progress bar, and end with the summary and the exit code."""

from __future__ import annotations

import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cleantext import settings as settings_
from cleantext.cli.options import echo_error

if TYPE_CHECKING:
    from cleantext.jobs import Job

log = logging.getLogger(__name__)
PROGRESS_EVERY = 30.0  # seconds between progress lines when stderr is not a terminal
INCOMPLETE = 3  # exit code: every file written, but spans no engine could translate


def plan_run(
    inputs: list[Path],
    output: Path,
    outputs: Callable[[Job], list[Path]],
    extra: Iterable[Path] = (),
    pattern: str = settings_.DEFAULT_PATTERN,
    shard: str | None = None,
    check: Callable[[list[Job]], None] | None = None,
    input_format: str = "auto",
) -> tuple[list[Job], list[Job], list[tuple[str, str]]]:
    """(every job of the inputs, the jobs of this shard, folders that could not be read),
    after every check that can fail before any work: OUT writable, no output an input
    (`extra`: the reports' paths beside the resume log and the jobs' `outputs`), and
    `check(every job)`.
    A problem is an error naming it, exit code 2."""
    from cleantext.jobs import UsageError, parse_shard, plan, refuse_overwrites, select_shard
    from cleantext.resume import STATE_LOG

    unreadable: list[tuple[str, str]] = []  # subfolders that cannot be read: errors at the end
    left: Counter[str] = Counter()  # files no pattern takes, by ending: told, never skipped unsaid
    try:
        every = plan(
            inputs, output, pattern=pattern, problems=unreadable, input_format=input_format, left=left
        )
        todo = select_shard(every, parse_shard(shard))
        check_writable(output)
        if check is not None:
            check(every)
        written = [output / STATE_LOG, *extra, *(p for j in todo for p in outputs(j))]
        refuse_overwrites(every, written)
    except UsageError as e:
        echo_error(str(e))
        raise typer.Exit(2) from None
    default = pattern == settings_.DEFAULT_PATTERN
    named = "text, HTML or dataset files" if default else f"files matching {pattern}"
    if left:
        log.warning("%s not taken: not %s by name (--pattern takes others)", not_taken(left), named)
    if not every:
        echo_error(f"no {named} in the inputs")
        raise typer.Exit(2)
    return every, todo, unreadable


def not_taken(endings: Counter[str], most: int = 4) -> str:
    """Files a run leaves, told by their endings, most frequent first: "3 files (.pdf 2, .docx 1)"."""
    ranked = sorted(endings.items(), key=lambda x: (-x[1], x[0]))
    shown = ", ".join(f"{end} {n}" for end, n in ranked[:most])
    more = ", …" if len(ranked) > most else ""
    n = sum(endings.values())
    return f"{n} file{'s' if n != 1 else ''} ({shown}{more})"


def count(console, jobs, settings):  # noqa: ANN001, ANN201
    """The counting pass over every file of the inputs (all shards: each machine sees the
    same evidence, so a sharded run writes what an unsharded one would)."""
    from cleantext.jobs import count_corpus

    with console.status(f"counting lines shared by {len(jobs)} files"):
        return count_corpus(jobs, settings)


SHOWN_ERRORS = 20  # error lines printed per file; a dataset's other bad rows are counted


def exit_for(summary) -> None:  # noqa: ANN001
    """1 when a file failed; 3 when every file was written but some spans had no working
    engine (those files are not marked done, so a rerun with an engine redoes them)."""
    if summary.unserved:
        typer.echo(
            f"warning: translation incomplete: {summary.unserved} spans in {summary.unserved_files} files "
            "had no working engine; they are kept as written and those files are not marked done "
            "(install one, see `cleantext models list`, and run again)",
            err=True,
        )
    if summary.errors:
        shown: Counter[str] = Counter()
        for path, err in summary.errors:
            shown[path] += 1
            if shown[path] <= SHOWN_ERRORS:
                echo_error(str(err))
        for path in shown.keys() | summary.untold.keys():
            more = max(0, shown[path] - SHOWN_ERRORS) + summary.untold[path]
            if more:  # a dataset's bad rows, each named in its own output row
                echo_error(f"{path}: {more} more bad rows (each row's cleantext.error says why)")
        raise typer.Exit(1)
    if summary.unserved:
        raise typer.Exit(INCOMPLETE)


def run(console, label: str, todo, output: Path, task, executor, force: bool, shown=None):  # noqa: ANN001, ANN201
    """The runner under a progress bar (files done, sentences per second, time left); the
    records the task hands back are kept in `shown` (up to the report's limit)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from cleantext.report import MAX_DOCS
    from cleantext.runner import run

    with Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        bar_task = bar.add_task("", total=len(todo), rate="")
        done = {"sentences": 0, "files": 0, "seen": 0, "rows": 0}
        # no terminal (nohup, CI, a scheduler's log): a line now and then instead of the bar
        lines = not console.is_terminal and not console.quiet
        last = [time.monotonic()]

        def show(advance: int, final: bool = False) -> None:
            elapsed = bar.tasks[bar_task].elapsed or 0.0
            rate = (
                f"{done['sentences'] / elapsed:,.0f} sentences/s"
                if elapsed > 0.5 and done["sentences"]
                else ""
            )
            if done["rows"]:  # a dataset's rows, as they are cleaned (its file is one job)
                rate = ", ".join(filter(None, (f"{done['rows']:,} rows", rate)))
            bar.update(bar_task, advance=advance, rate=rate)
            now = time.monotonic()
            if lines and (now - last[0] >= PROGRESS_EVERY or final):
                last[0] = now
                typer.echo(
                    f"{label}: {done['seen']}/{len(todo)} files, {elapsed:.0f} s, {rate or '-'}", err=True
                )

        def tick(r):  # noqa: ANN001, ANN202
            done["sentences"] += r.sentences
            done["files"] += r.digest is not None
            done["seen"] += 1
            if shown is not None and len(shown) < MAX_DOCS:
                if r.outputs and "records" in r.outputs:
                    shown.append((r.job.rel, _records(r.outputs["records"])))
                elif r.summary.skipped and (kept := _records_written(task, r.job)) is not None:
                    shown.append((r.job.rel, kept))  # up to date: the report shows what OUT holds
            show(1, final=done["seen"] == len(todo))

        def rows(n: int) -> None:
            done["rows"] += n
            show(0)

        try:
            return run(todo, output, force=force, progress=tick, executor=executor, task=task, rows=rows)
        except RuntimeError:
            bar.stop()
            raise
        except KeyboardInterrupt:
            bar.stop()
            typer.echo(
                f"interrupted: {done['files']} files finished are recorded in {output}; run again to finish",
                err=True,
            )
            raise typer.Exit(130) from None


def _records(text: str) -> list[dict]:
    """NAME.jsonl's text as its records."""
    return [json.loads(x) for x in text.splitlines() if x]


def _records_written(task, job) -> list[dict] | None:  # noqa: ANN001
    """The sentence records an earlier run wrote for a file `job` (its NAME.jsonl), if it
    wrote them (a dataset's rows are not shown in the report, whether done now or before)."""
    from cleantext.write import output_path

    if "jsonl" not in task.opts.formats or job.kind:
        return None
    try:
        return _records(output_path(job.output_base, "jsonl").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def check_writable(output: Path) -> None:
    """Fail at the start, not after an hour, when OUT cannot be written."""
    from cleantext.jobs import UsageError
    from cleantext.resume import STATE_LOG

    if output.exists() and not output.is_dir():
        raise UsageError(f"output {output} is an existing file; give a folder with -o")
    probe = output
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise UsageError(
            f"output folder {output} is not writable (check its permissions or choose another -o)"
        )
    if (output / STATE_LOG).is_symlink():  # appending would write wherever it points
        raise UsageError(f"{output / STATE_LOG} is a symbolic link; remove it or choose another -o")


def print_summary(console, summary, output: Path) -> None:  # noqa: ANN001
    from rich.table import Table

    def counts(c) -> str:  # noqa: ANN001
        return ", ".join(f"{k} {v}" for k, v in c.most_common()) or "-"

    t = Table(title=f"cleantext → {output}", show_header=False)
    t.add_row("files", f"{summary.files} cleaned, {summary.skipped} already up to date")
    if summary.lost_left:
        t.add_row(
            "lost letters", f"{summary.lost_left} U+FFFD left where no letter was certain (lost_letter)"
        )
    if summary.duplicates:
        t.add_row("copies", f"{summary.duplicates} copy another input (cleaned as usual; meta: duplicate_of)")
    if summary.no_page:
        t.add_row(
            "no page", f"{summary.no_page} WARC responses not HTML or not 2xx (rows with an empty text)"
        )
    t.add_row("sentences", str(summary.sentences))
    t.add_row("fixes", counts(summary.fixes))
    t.add_row("dropped", counts(summary.dropped))
    t.add_row("foreign spans", counts(summary.spans))
    t.add_row("kept as written", counts(summary.kept))
    t.add_row("translated", counts(summary.translated) + f" (untranslated {summary.untranslated})")
    if summary.weak:
        t.add_row("quality policy", counts(summary.weak))
    t.add_row("errors", str(summary.error_count))
    console.print(t)
