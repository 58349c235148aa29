"""The `cleantext` command: a thin layer over the library."""

from __future__ import annotations

import inspect
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Literal

import typer

from cleantext import settings as settings_

app = typer.Typer(
    help="Repair scraped Italian news: fix encoding and spacing, drop boilerplate and repeats, "
    "find stray French/English and translate it offline.",
    no_args_is_help=True,
    add_completion=True,
)


def _version(value: bool) -> None:
    if value:
        from cleantext import __version__

        typer.echo(f"cleantext {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Repair scraped Italian news: fix encoding and spacing, drop boilerplate and repeats,
    find stray French/English and translate it offline."""


Beam = Annotated[int, typer.Option(help="Argos: beam size (1 is greedy and fastest).", min=1)]
Threads = Annotated[int, typer.Option(help="Argos: CPU threads per worker (0: all cores).", min=0)]
FileTimeout = Annotated[
    float,
    typer.Option(
        help="Seconds one file may take to read and prepare (a large text file: each block of it) "
        "before it fails alone with a message and the others go on; 0: no limit.",
        min=0,
    ),
]
ApertiumChain = Annotated[
    list[str] | None,
    typer.Option(
        "--apertium-chain",
        help="Apertium: a chain of installed modes to try first, e.g. 'fr=fr-es|spa-ita' "
        "(into Italian) or 'it-en=ita-cat|cat-eng'; repeat for several.",
    ),
]

Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary; errors only.")]
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also say what became of each file (log level info).")
]
LogLevel = Annotated[
    str | None,
    typer.Option(
        "--log-level",
        metavar="LEVEL",
        help="debug, info, warning or error; overrides -q and -v.  [default: warning]",
        show_default=False,
    ),
]
LOG_LEVELS = ("debug", "info", "warning", "error")


def _logging(quiet: bool, verbose: bool, log_level: str | None) -> None:
    """cleantext's own messages at the level asked; other libraries' at warning (error with -q)."""
    level = (log_level or ("error" if quiet else "info" if verbose else "warning")).lower()
    if level not in LOG_LEVELS:
        raise typer.BadParameter(f"--log-level {log_level!r}: choose from {', '.join(LOG_LEVELS)}")
    value = getattr(logging, level.upper())
    logging.basicConfig(level=max(value, logging.WARNING), format="cleantext: %(message)s")
    logging.getLogger("cleantext").setLevel(value)


Engine = Annotated[
    settings_.Engine,
    typer.Option(
        help="Translation engine: auto (Argos package if one serves the pair, else Apertium), "
        "argos, apertium or none."
    ),
]


# a Settings field whose flag is not the field's name with dashes
_FLAGS = {"main": "--lang", "apertium": "--apertium-chain", "models_dir": "--models"}


def _settings(**kw):  # noqa: ANN202
    """The run's Settings from the flags; a value Settings refuses is named by its flag."""
    from cleantext.settings import Settings
    from cleantext.translation.engines import check_chains

    models = kw.get("models_dir")
    if models and not Path(models).is_dir():
        raise typer.BadParameter(f"--models {models}: no such folder (the Argos model store)")
    try:
        settings = Settings(**kw)
    except ValueError as e:
        field, _, rest = str(e).partition(" ")
        flag = _FLAGS.get(field, "--" + field.replace("_", "-")) if field in kw else field
        raise typer.BadParameter(f"{flag} {rest}") from None
    try:
        check_chains(settings)  # a chain naming a mode Apertium lacks fails here, before any work
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    return settings


def _langs(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


@app.command()
def clean(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (*.txt and *.html pages, recursive); '-' reads stdin."),
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output folder (mirrors the input tree).")
    ] = None,
    translate: Annotated[
        bool, typer.Option("--translate/--no-translate", help="Translate foreign spans.")
    ] = True,
    engine: Engine = "auto",
    beam: Beam = 2,
    threads: Threads = 0,
    file_timeout: FileTimeout = 900.0,
    text_field: Annotated[
        str, typer.Option(help="Datasets (JSONL, Parquet): the field holding each row's text.")
    ] = "text",
    id_field: Annotated[
        str,
        typer.Option(
            help="Datasets: the field naming each row in errors and duplicate_of (else its number)."
        ),
    ] = "id",
    apertium_chain: ApertiumChain = None,
    keep_boilerplate: Annotated[
        bool, typer.Option(help="Keep boilerplate lines (turn scrape-clean off).")
    ] = False,
    lang: Annotated[str, typer.Option(help="Main language of the texts.")] = "it",
    stray: Annotated[str, typer.Option(help="Stray languages to find, comma-separated.")] = "fr,en",
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            help="Outputs, comma-separated: txt, jsonl, tsv (source<TAB>text), tmx; extracted "
            "(NAME.extracted.txt: the text as read, an HTML page's main text) and meta "
            "(NAME.meta.json: an HTML page's title, url, date, site).",
        ),
    ] = "txt,jsonl",
    min_quality: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Translations whose quality (0-1, in each record) is below this are weak: --weak "
            "says what they become; TSV and TMX then hold only sentences above it.",
        ),
    ] = None,
    weak: Annotated[
        settings_.Weak,
        typer.Option(
            help="Weak translations: translate (keep them), keep (the source text stays), drop "
            "(a whole foreign sentence goes; a clause keeps its source), mark (kept, marked weak "
            "in the records)."
        ),
    ] = "translate",
    stray_sentences: Annotated[
        settings_.StraySentences,
        typer.Option(
            help="Whole foreign sentences: translate, drop (lose them rather than keep machine "
            "translation) or keep (as written)."
        ),
    ] = "translate",
    leftovers: Annotated[
        settings_.Leftovers,
        typer.Option(
            help="judge: translate only the foreign spans a machine left behind (words Italian "
            "does not use, plain foreign phrases, documents with several of them); quoted, "
            "bracketed, capitalised and loan phrases stay as written, with the reason in the "
            "records. all: translate every foreign span (text known to be machine output).",
        ),
    ] = "judge",
    trust: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="With --leftovers judge: a translation whose quality is below this leaves its "
            "source in the text (the record keeps it, weak: kept).",
        ),
    ] = 0.3,
    round_trip: Annotated[
        bool | None,
        typer.Option(
            "--round-trip/--no-round-trip",
            help="Translate each translation back and let its likeness to the source join its "
            "quality (ranks translations better; costs a second translation of every span). "
            "Default: on with --min-quality, else off.",
        ),
    ] = None,
    input_format: Annotated[
        settings_.InputFormat,
        typer.Option(
            help="auto: HTML pages by extension (.html, .htm) or first bytes, other files as text; "
            "or force text or html (also for stdin)."
        ),
    ] = "auto",
    html_tables: Annotated[bool, typer.Option(help="HTML: keep the page's tables.")] = False,
    html_comments: Annotated[bool, typer.Option(help="HTML: keep the page's comment section.")] = False,
    tmx_sentences: Annotated[
        bool, typer.Option(help="TMX: also one unit per changed sentence (original → clean).")
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            "--workers",
            help="Worker processes (default: one), or with --executor ray actors (default: one per "
            "CPU of the cluster); models load once per worker.",
            min=0,
            show_default=False,
        ),
    ] = 0,
    executor: Annotated[
        Literal["local", "ray"],
        typer.Option(
            help="local: this machine's processes; ray: Ray actors (pip install 'cleantext-it\\[ray]')."
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            help="With --executor ray: the cluster to join (default $RAY_ADDRESS, else a local Ray)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Redo files whose outputs are already complete and up to date.")
    ] = False,
    shard: Annotated[
        str | None,
        typer.Option(
            help="Process only shard I of N (e.g. 2/4), stable across machines; lines shared "
            "across documents are still counted over every file, so shards write what a whole run would."
        ),
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="Also write a self-contained HTML report of the run here.")
    ] = None,
    stats: Annotated[
        Path | None,
        typer.Option(help="Also write the run's figures here as JSON (what the summary table shows)."),
    ] = None,
    models: Annotated[
        Path | None, typer.Option(help="Argos model store (default: $CLEANTEXT_MODELS or language_models/).")
    ] = None,
    pattern: Annotated[
        str,
        typer.Option(
            help="Which files of a folder to take (globs, comma-separated, recursive); others are ignored."
        ),
    ] = settings_.DEFAULT_PATTERN,
    quiet: Quiet = False,
    verbose: Verbose = False,
    log_level: LogLevel = None,
) -> None:
    """Clean files into OUT: NAME.txt (clean Italian) and NAME.jsonl (one record per sentence).

    Reruns skip files whose outputs are complete and up to date: same input, options and
    versions of cleantext, of the libraries and of the Apertium packages that decide the
    output (--force redoes them). A file that cannot be read is reported and the others go
    on (exit code 1 at the end).

    Exit code 3: every file was written, but some foreign spans had no working engine;
    those files are not marked done, so a rerun once an engine works translates them.
    Exit code 130: interrupted (Ctrl-C, SIGTERM, SIGHUP); the files finished are recorded.

    An Apertium chain silent for CLEANTEXT_APERTIUM_TIMEOUT seconds (60) is restarted once,
    then given up with a warning; its processes run CLEANTEXT_APERTIUM_NICE (10, 0 to 19)
    nice levels below cleantext, so preparing the next batch keeps its core. Word
    frequencies are read from copies of wordfreq's tables kept in CLEANTEXT_CACHE (default
    ~/.cache/cleantext), written on first use.
    """
    from cleantext.jobs import (
        STATE_LOG,
        Options,
        UsageError,
        count_corpus,
        job_outputs,
        parse_shard,
        plan,
        refuse_overwrites,
        refuse_report,
        select_shard,
    )
    from cleantext.pipeline import Pipeline
    from cleantext.read import ReadError
    from cleantext.runner import Task, local
    from cleantext.write import FORMATS

    _logging(quiet, verbose, log_level)
    settings = _settings(
        main=lang,
        stray=_langs(stray),
        translate=translate,
        engine=engine,
        keep_boilerplate=keep_boilerplate,
        models_dir=str(models) if models else None,
        beam=beam,
        threads=threads,
        file_timeout=file_timeout,
        text_field=text_field,
        id_field=id_field,
        apertium=tuple(apertium_chain or ()),
        input_format=input_format,
        html_tables=html_tables,
        html_comments=html_comments,
        min_quality=min_quality,
        weak=weak,
        stray_sentences=stray_sentences,
        leftovers=leftovers,
        trust=trust,
        round_trip=min_quality is not None if round_trip is None else round_trip,
    )
    fmts = tuple(dict.fromkeys(_langs(formats)))  # "txt,txt" asks for txt once
    if not fmts or any(f not in FORMATS for f in fmts):
        raise typer.BadParameter(f"--format {formats!r}: choose from {', '.join(FORMATS)}")
    names = [str(p) for p in inputs]
    if "-" in names and (len(names) > 1 or output is not None):
        raise typer.BadParameter(
            "'-' (stdin) stands alone: `cleantext clean -` writes the clean text to stdout; "
            "give files or folders with -o OUT instead"
        )
    if report is not None and report.is_dir():
        raise typer.BadParameter(f"--report {report}: is a folder; give a file name such as run.html")
    if names == ["-"]:
        # block by block, as large files are: memory stays bounded however much comes in
        # (`zcat corpus.txt.gz | cleantext clean -`); nothing in, nothing out
        # --format jsonl alone: the sentence records on stdout, as NAME.jsonl holds them
        from cleantext.summary import Summary
        from cleantext.write import to_jsonl

        records = fmts == ("jsonl",)
        pipeline = Pipeline(settings)
        summary = Summary()
        first = True
        try:
            stdin = sys.stdin.buffer
            head = stdin.peek(4096)[:4096] if hasattr(stdin, "peek") else b""
            # an HTML page is read whole and extracted; text streams block by block
            parts = (
                [pipeline.run(stdin.read(), "<stdin>")] if pipeline.is_html(head) else pipeline.stream(stdin)
            )
            for i, part in enumerate(parts):
                summary.add(part, part=i > 0)
                if records:
                    sys.stdout.write(to_jsonl(part))
                elif text := part.text:
                    sys.stdout.write(("" if first else "\n\n") + text)
                    first = False
        except ReadError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(1) from None
        finally:
            pipeline.close()
        if not first:
            sys.stdout.write("\n")
        sys.stdout.flush()
        _exit_for(summary)  # 3 when spans had no working engine, as for files
        return
    if output is None:
        raise typer.BadParameter("give an output folder with -o OUT (or '-' to clean stdin to stdout)")
    unreadable: list[tuple[str, str]] = []  # subfolders that cannot be read: errors at the end
    try:
        every = plan(inputs, output, pattern=pattern, problems=unreadable)
        todo = select_shard(every, parse_shard(shard))
        _check_writable(output)
        # no output (any format, the report, the resume log) may be an input
        extra = [output / STATE_LOG, *(p for p in (report, stats) if p is not None)]
        refuse_overwrites(every, [*extra, *(p for j in todo for p in job_outputs(j, fmts))])
        for flag, path in (("--report", report), ("--stats", stats)):
            if path is not None:
                refuse_report(path, every, output, flag)
    except UsageError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if not every:
        typer.echo(f"error: no files matching {pattern} in the inputs", err=True)
        raise typer.Exit(2)
    if not todo:  # a shard may hold none of a few files: nothing to do is not an error
        typer.echo(f"shard {shard}: none of the {len(every)} files falls in it", err=True)
        return

    from rich.console import Console

    console = Console(stderr=True, quiet=quiet)
    # the counting pass reads every file of the inputs (all shards: each machine sees the
    # same evidence, so a sharded run writes what an unsharded one would)
    with console.status(f"counting lines shared by {len(every)} files"):
        corpus = count_corpus(every, settings)
    opts = Options(settings, fmts, tmx_sentences, corpus)
    task = Task(opts, keep_records=report is not None)
    shown: list[tuple[str, list[dict]]] = []  # the report's documents, as the workers hand them back
    if executor == "ray":
        from cleantext.ray import RayExecutor

        runner_executor = RayExecutor(jobs, address)
    else:
        runner_executor = local(jobs if len(todo) > 1 else 1)
    try:
        summary = _run(console, "cleaning", todo, output, task, runner_executor, force, shown)
    except RuntimeError as e:
        if executor != "ray":
            raise
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if report is not None:
        from cleantext.report import write_report

        write_report(report, sorted(shown), summary)
        console.print(f"report: {report}")
    summary.errors.extend(unreadable)
    if stats is not None:
        from cleantext.write import atomic_write

        atomic_write(stats, json.dumps(summary.figures(), ensure_ascii=False, indent=1) + "\n")
    _print_summary(console, summary, output)
    _exit_for(summary)


PROGRESS_EVERY = 30.0  # seconds between progress lines when stderr is not a terminal
INCOMPLETE = 3  # exit code: every file written, but spans no engine could translate


def _exit_for(summary) -> None:  # noqa: ANN001
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
        for _path, err in summary.errors:
            typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    if summary.unserved:
        raise typer.Exit(INCOMPLETE)


def _run(console, label: str, todo, output: Path, task, executor, force: bool, shown=None):  # noqa: ANN001, ANN202
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
        done = {"sentences": 0, "files": 0, "seen": 0}
        # no terminal (nohup, CI, a scheduler's log): a line now and then instead of the bar
        lines = not console.is_terminal and not console.quiet
        last = [time.monotonic()]

        def tick(r):  # noqa: ANN001, ANN202
            done["sentences"] += r.sentences
            done["files"] += r.digest is not None
            done["seen"] += 1
            if shown is not None and len(shown) < MAX_DOCS:
                if r.outputs and "records" in r.outputs:
                    shown.append((r.job.rel, _records(r.outputs["records"])))
                elif r.summary.skipped and (kept := _records_written(task, r.job)) is not None:
                    shown.append((r.job.rel, kept))  # up to date: the report shows what OUT holds
            elapsed = bar.tasks[bar_task].elapsed or 0.0
            rate = f"{done['sentences'] / elapsed:,.0f} sentences/s" if elapsed > 0.5 else ""
            bar.update(bar_task, advance=1, rate=rate)
            now = time.monotonic()
            if lines and (now - last[0] >= PROGRESS_EVERY or done["seen"] == len(todo)):
                last[0] = now
                typer.echo(
                    f"{label}: {done['seen']}/{len(todo)} files, {elapsed:.0f} s, {rate or '-'}", err=True
                )

        try:
            return run(todo, output, force=force, progress=tick, executor=executor, task=task)
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
    from cleantext import dataset
    from cleantext.write import output_path

    if "jsonl" not in task.opts.formats or dataset.kind(job.source):
        return None
    try:
        return _records(output_path(job.output_base, "jsonl").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _check_target(settings, to: str) -> None:  # noqa: ANN001
    """Before any work: some engine must translate the main language into `to`."""
    from cleantext.jobs import UsageError
    from cleantext.translation.engines import build_engines

    if to == settings.main or settings.engine == "none":
        return
    engines = build_engines(settings)
    try:
        if not any(e.supports(settings.main, to) for e in engines):
            why = "; ".join(r for e in engines if (r := e.why_unavailable()))
            raise UsageError(
                f"--to {to}: no engine translates {settings.main}→{to}"
                + (f" ({why})" if why else "")
                + f"; `cleantext models download {settings.main} {to}` fetches an Argos package for it"
            )
    finally:
        for e in engines:
            e.close()


def _check_writable(output: Path) -> None:
    """Fail at the start, not after an hour, when OUT cannot be written."""
    from cleantext.jobs import STATE_LOG, UsageError

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


def _print_summary(console, summary, output: Path) -> None:  # noqa: ANN001
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
    t.add_row("sentences", str(summary.sentences))
    t.add_row("fixes", counts(summary.fixes))
    t.add_row("dropped", counts(summary.dropped))
    t.add_row("foreign spans", counts(summary.spans))
    t.add_row("kept as written", counts(summary.kept))
    t.add_row("translated", counts(summary.translated) + f" (untranslated {summary.untranslated})")
    if summary.weak:
        t.add_row("quality policy", counts(summary.weak))
    t.add_row("errors", str(len(summary.errors)))
    console.print(t)


@app.command("translate")
def translate_cmd(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (*.txt, recursive); '-' reads stdin and writes to stdout."),
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output folder.")] = None,
    to: Annotated[
        str, typer.Option("--to", help="Target language: en, fr, … or it (pairs with the text as read).")
    ] = "en",
    engine: Engine = "auto",
    beam: Beam = 2,
    threads: Threads = 0,
    file_timeout: FileTimeout = 900.0,
    apertium_chain: ApertiumChain = None,
    models: Annotated[Path | None, typer.Option(help="Argos model store.")] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (each loads the models once).")
    ] = 1,
    force: Annotated[
        bool, typer.Option(help="Redo files whose outputs are already complete and up to date.")
    ] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    log_level: LogLevel = None,
) -> None:
    """Clean whole documents, then translate them: line-aligned NAME.it.txt / NAME.<to>.txt.

    Reruns skip files whose outputs are complete and up to date (--force redoes them); a
    file that cannot be read or translated is reported and the others go on (exit code 1).
    `cleantext translate - --to en` reads stdin and writes one line per kept sentence to
    stdout: the clean Italian, a tab, its translation.
    """
    from rich.console import Console

    from cleantext.bitext import BitextTask
    from cleantext.jobs import STATE_LOG, Options, UsageError, count_corpus, plan, refuse_overwrites
    from cleantext.runner import local

    _logging(quiet, verbose, log_level)
    settings = _settings(
        engine=engine,
        models_dir=str(models) if models else None,
        beam=beam,
        threads=threads,
        file_timeout=file_timeout,
        apertium=tuple(apertium_chain or ()),
    )
    if [str(p) for p in inputs] == ["-"] and output is None:
        _translate_stdin(settings, to)
        return
    if "-" in [str(p) for p in inputs] or output is None:
        raise typer.BadParameter(
            "give files or folders with -o OUT, or '-' alone (stdin, to stdout) without -o"
        )
    try:
        todo = plan(inputs, output)
        _check_writable(output)
        _check_target(settings, to)
        # no output may be an input (the outputs' names do not depend on the counted evidence)
        names = BitextTask(Options(settings, target=to))
        refuse_overwrites(todo, [output / STATE_LOG, *(p for j in todo for p in names.outputs(j))])
    except UsageError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    console = Console(stderr=True, quiet=quiet)
    with console.status(f"counting lines shared by {len(todo)} files"):
        corpus = count_corpus(todo, settings)  # lines many documents share are boilerplate
    task = BitextTask(Options(settings, corpus=corpus, target=to))
    executor = local(jobs if len(todo) > 1 else 1)
    summary = _run(console, "translating", todo, output, task, executor, force)
    if not quiet:
        done = f"{summary.files} files ({summary.skipped} already up to date)"
        typer.echo(f"{done}, {summary.sentences} sentences → {output}", err=True)
    _exit_for(summary)


def _translate_stdin(settings, to: str) -> None:  # noqa: ANN001
    """stdin cleaned as one document, each kept sentence beside its translation on stdout."""
    from cleantext.bitext import pair_lines, target_router
    from cleantext.jobs import UsageError
    from cleantext.pipeline import Pipeline
    from cleantext.read import ReadError

    try:
        _check_target(settings, to)
    except UsageError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    router = target_router(settings, to)
    try:
        with Pipeline(settings) as pipeline:
            doc = pipeline.run(sys.stdin.buffer.read(), "<stdin>")
        ((left, right, error),) = pair_lines([doc], router, settings.main, to)
    except ReadError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    finally:
        if router is not None:
            router.close()
    if error:
        typer.echo(f"error: <stdin>: {error}", err=True)
        raise typer.Exit(1)
    sys.stdout.write("".join(f"{a}\t{b}\n" for a, b in zip(left, right, strict=True)))
    sys.stdout.flush()


@app.command()
def detect(
    inputs: Annotated[
        list[Path], typer.Argument(help="Text files or HTML pages, folders of them, or '-' for stdin.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per sentence.")] = False,
    lang: Annotated[str, typer.Option(help="Main language.")] = "it",
    stray: Annotated[str, typer.Option(help="Stray languages, comma-separated.")] = "fr,en",
) -> None:
    """Show each sentence with its foreign spans highlighted, and a summary (a folder: each
    of its text files and pages in turn)."""
    from rich.console import Console

    from cleantext.pipeline import Pipeline
    from cleantext.read import ReadError

    files: list[Path] = []
    for inp in inputs:
        if inp.is_dir():
            from cleantext.jobs import Resolver, _listed

            files += _listed(inp, ["*.txt", "*.html", "*.htm"], Resolver())
        else:
            files.append(inp)
    pipeline = Pipeline(_settings(main=lang, stray=_langs(stray), translate=False))
    console = Console()
    failed = False
    for file in files:
        try:
            data = sys.stdin.buffer.read() if str(file) == "-" else _read(file)
            doc = pipeline.run(data, str(file))
        except (ReadError, typer.Exit) as e:
            if isinstance(e, ReadError):
                typer.echo(f"error: {e}", err=True)
            failed = True
            continue
        if as_json:
            for s in doc.sentences:
                rec = {"file": str(file), **s.record()} if len(files) > 1 else s.record()
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            continue
        if len(files) > 1:
            console.print(f"\n== {file}", style="bold")
        _show_detection(console, doc)
    if failed:
        raise typer.Exit(1)


def _show_detection(console, doc) -> None:  # noqa: ANN001
    from rich.text import Text

    flagged = 0
    for s in doc.sentences:
        if s.dropped:
            continue
        line = Text(s.source)
        for seg in s.segments:
            style = "underline" if seg.kept else "bold red" if seg.language == "en" else "bold blue"
            line.stylize(style, seg.start, seg.end)
        if s.segments:
            flagged += bool(s.foreign)
            line.append(
                "  ["
                + ", ".join(
                    f"{g.language} {g.confidence:.2f}" + (f" kept: {g.kept}" if g.kept else "")
                    for g in s.segments
                )
                + "]",
                style="dim",
            )
        console.print(line)
    kept = sum(1 for s in doc.sentences if not s.dropped)
    console.print(f"\n{kept} sentences, {flagged} with foreign spans", style="bold")


models_app = typer.Typer(
    help="The offline model store of Argos packages (default: $CLEANTEXT_MODELS, else "
    "language_models/ in a checkout, else the user's data folder).",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models")
StoreOpt = Annotated[Path | None, typer.Option("--models", help="Model store folder.")]


def _store(models: Path | None):  # noqa: ANN202
    from cleantext.store import ModelStore

    return ModelStore(models)


def _store_call(fn, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
    from cleantext.store import StoreError

    try:
        return fn(*args, **kw)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None


@models_app.command("list")
def models_list(models: StoreOpt = None) -> None:
    """Packages found (the store's, then argos-translate's own), which one each pair runs
    with, and the routes into Italian."""
    from cleantext.store import ARGOS
    from cleantext.translation.apertium import ApertiumEngine
    from cleantext.translation.argos import ArgosEngine

    store = _store(models)
    pkgs = store.packages()
    chosen = store.chosen()
    typer.echo(f"model store: {store.root}")
    for d in store.argos_dirs:
        typer.echo(f"argos-translate's packages (read only): {d}")
    for p in pkgs:
        pair = (p.source, p.target)
        if p.problem:
            state = f"cannot run: {p.problem}"
        elif chosen.get(pair) == p:
            state = "used"
        else:
            state = f"not used: {chosen[pair].name} is newer"
        where = f"  [{ARGOS}: {p.path.parent}]" if p.origin == ARGOS else ""
        typer.echo(f"  {p.name}  {p.source}→{p.target}  version {p.version or '?'}  {state}{where}")
    if not pkgs:
        typer.echo("  (no Argos packages: cleantext models download fr it, or models install FILE)")
    for problem in store.problems():
        typer.echo(f"  broken: {problem}")
    argos = ArgosEngine(store.root)
    ap = ApertiumEngine()
    for src in ("fr", "en"):
        route = argos.route(src, "it") if argos.available() else None
        typer.echo(
            f"argos {src}→it: "
            + (" then ".join(f"{p.source}→{p.target} ({p.name})" for p in route) if route else "no package")
        )
        chain = ap.chain(src, "it") if ap.available() else None
        typer.echo(
            f"apertium {src}→it: " + (" | ".join(chain) if chain else f"unavailable ({ap.why_unavailable()})")
        )


@models_app.command("install")
def models_install(
    archive: Annotated[Path, typer.Argument(help="An .argosmodel file.")],
    replace: Annotated[bool, typer.Option(help="Replace an installed package of the same name.")] = False,
    models: StoreOpt = None,
) -> None:
    """Validate and install an .argosmodel package (atomic; the store is unchanged on error)."""
    pkg = _store_call(_store(models).install, archive, replace=replace)
    typer.echo(f"installed {pkg.name} ({pkg.source}→{pkg.target}) in {pkg.path.parent}")


@models_app.command("remove")
def models_remove(
    name: Annotated[str, typer.Argument(help="Package name, as `models list` shows it.")],
    models: StoreOpt = None,
) -> None:
    """Remove an installed package."""
    _store_call(_store(models).remove, name)
    typer.echo(f"removed {name}")


@models_app.command("download")
def models_download(
    source: Annotated[str, typer.Argument(help="Source language code, e.g. fr.")],
    target: Annotated[str, typer.Argument(help="Target language code, e.g. it.")],
    models: StoreOpt = None,
) -> None:
    """Download from the Argos package index what SOURCE→TARGET needs and install it
    (needs internet). The index has no fr→it package: `download fr it` installs fr→en and
    en→it, and French is translated through English. The index is $CLEANTEXT_ARGOS_INDEX,
    else argos-translate's."""
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    from cleantext import download

    columns = ("{task.description}", BarColumn(), DownloadColumn(), TransferSpeedColumn())
    with Progress(
        *columns, transient=True, console=Console(stderr=True), redirect_stdout=False, redirect_stderr=False
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(what: str, done: int, total: int | None) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        _store_call(download.install, _store(models), source, target, say=typer.echo, progress=progress)


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as e:
        typer.echo(f"error: {file}: {e.strerror or e}", err=True)
        raise typer.Exit(1) from None


def _unwrapped(doc: str) -> str:
    """A docstring's paragraphs, each on one line, for --help to wrap to the terminal (rich
    keeps a docstring's own line breaks: at 80 columns every other line came out short)."""
    return "\n\n".join(" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n"))


for _command in (*app.registered_commands, *models_app.registered_commands):
    if _command.help is None and _command.callback is not None and _command.callback.__doc__:
        _command.help = _unwrapped(_command.callback.__doc__)


def main() -> None:
    """SIGTERM and SIGHUP stop a run as Ctrl-C does: workers and engines end, what finished
    is in the resume log, and the exit code is 130."""
    import signal

    def interrupt(signum, frame):  # noqa: ANN001, ANN202
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)
    args = sys.argv[1:]
    # an empty OUT would become "." (the current folder) once it is a Path: refuse it first
    pairs = zip(args, args[1:], strict=False)
    if "--output=" in args or any(a in ("-o", "--output") and b == "" for a, b in pairs):
        typer.echo("error: -o '': give an output folder", err=True)
        raise SystemExit(2)
    raise SystemExit(_run_app())


def _run_app() -> int:
    """The app, with every error in one style: `error: what` on stderr (and, for a
    command line click could not take, where to read its help), exit code 2."""
    try:  # typer 0.2x carries its own copy of click
        from typer._click import exceptions as click
    except ImportError:
        from click import exceptions as click

    try:
        code = app(standalone_mode=False)
    except click.NoArgsIsHelpError as e:
        typer.echo(e.format_message(), err=True)  # a bare command: its help
        return 2
    except click.ClickException as e:
        hint = ""
        if isinstance(e, click.UsageError) and e.ctx is not None:
            hint = f" (see: {e.ctx.command_path} --help)"
        typer.echo(f"error: {e.format_message()}{hint}", err=True)
        return e.exit_code
    except typer.Abort:
        typer.echo("error: aborted", err=True)
        return 1
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    main()
