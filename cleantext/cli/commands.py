"""The commands: `clean`, `translate`, `detect` and `models` (a thin layer over the library)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cleantext import settings as settings_
from cleantext.cli import folder
from cleantext.cli.models import models_app
from cleantext.cli.options import (
    Address,
    ApertiumChain,
    Beam,
    Engine,
    Executor,
    FileTimeout,
    Force,
    Formats,
    HtmlComments,
    HtmlTables,
    IdField,
    InputFormat,
    Jobs,
    KeepBoilerplate,
    Leftovers,
    LogLevel,
    Main,
    MinQuality,
    Models,
    Output,
    Pattern,
    Quiet,
    Report,
    RoundTrip,
    Shard,
    Stats,
    Stray,
    StraySentences,
    TextField,
    Threads,
    TmxSentences,
    Translate,
    Trust,
    Verbose,
    Weak,
    echo_error,
    formats_from,
    settings_from,
    setup_logging,
)

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


@app.command()
def clean(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders (*.txt, *.html pages and datasets: JSONL, Parquet, Arrow, WARC, CSV, "
            "TSV; plain or compressed; recursive; a .json dataset by name or --pattern); '-' reads stdin."
        ),
    ],
    output: Output = None,
    translate: Translate = True,
    engine: Engine = "auto",
    beam: Beam = 2,
    threads: Threads = 0,
    file_timeout: FileTimeout = 900.0,
    text_field: TextField = "text",
    id_field: IdField = "id",
    apertium: ApertiumChain = None,
    keep_boilerplate: KeepBoilerplate = False,
    main: Main = "it",
    stray: Stray = "fr,en",
    formats: Formats = "txt,jsonl",
    min_quality: MinQuality = None,
    weak: Weak = "translate",
    stray_sentences: StraySentences = "translate",
    leftovers: Leftovers = "judge",
    trust: Trust = 0.3,
    round_trip: RoundTrip = None,
    input_format: InputFormat = "auto",
    html_tables: HtmlTables = False,
    html_comments: HtmlComments = False,
    tmx_sentences: TmxSentences = False,
    jobs: Jobs = 0,
    executor: Executor = "local",
    address: Address = None,
    force: Force = False,
    shard: Shard = None,
    report: Report = None,
    stats: Stats = None,
    models_dir: Models = None,
    pattern: Pattern = settings_.DEFAULT_PATTERN,
    quiet: Quiet = False,
    verbose: Verbose = False,
    log_level: LogLevel = None,
) -> None:
    """Clean files into OUT: NAME.txt (clean Italian) and NAME.jsonl (one record per sentence).
    A dataset (JSONL, JSON, Parquet, Arrow, CSV, TSV; a WARC's pages) comes back as OUT/NAME in
    its format, row for row, with its sentence records in OUT/NAME.sentences.jsonl.gz.

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
    setup_logging(quiet, verbose, log_level)
    settings = settings_from(locals())
    fmts = formats_from(formats)
    names = [str(p) for p in inputs]
    if "-" in names and (len(names) > 1 or output is not None):
        raise typer.BadParameter(
            "'-' (stdin) stands alone: `cleantext clean -` writes the clean text to stdout; "
            "give files or folders with -o OUT instead"
        )
    if report is not None and report.is_dir():
        raise typer.BadParameter(f"--report {report}: is a folder; give a file name such as run.html")
    if names == ["-"]:
        _clean_stdin(settings, fmts)
    elif output is None:
        raise typer.BadParameter("give an output folder with -o OUT (or '-' to clean stdin to stdout)")
    else:
        _clean_files(inputs, output, settings, fmts, tmx_sentences=tmx_sentences, pattern=pattern,
                     shard=shard, report=report, stats=stats, executor=executor, jobs=jobs,
                     address=address, force=force, quiet=quiet)  # fmt: skip


def _clean_stdin(settings, fmts: tuple[str, ...]) -> None:  # noqa: ANN001
    """stdin to stdout block by block, as large files are: memory stays bounded however
    much comes in (`zcat corpus.txt.gz | cleantext clean -`); nothing in, nothing out.
    `--format jsonl` alone: the sentence records, as NAME.jsonl holds them."""
    from cleantext.pipeline import Pipeline
    from cleantext.read import ReadError
    from cleantext.summary import Summary
    from cleantext.write import to_jsonl

    if settings.page_format != settings.input_format:
        raise typer.BadParameter(
            f"--input-format {settings.input_format}: datasets are read from files, not stdin"
        )
    records = fmts == ("jsonl",)
    pipeline = Pipeline(settings)
    summary = Summary()
    first = True
    try:
        stdin = sys.stdin.buffer
        head = stdin.peek(4096)[:4096] if hasattr(stdin, "peek") else b""
        # an HTML page is read whole and extracted; text streams block by block
        parts = [pipeline.run(stdin.read(), "<stdin>")] if pipeline.is_html(head) else pipeline.stream(stdin)
        for i, part in enumerate(parts):
            summary.add(part, part=i > 0)
            if records:
                sys.stdout.write(to_jsonl(part))
            elif text := part.text:
                sys.stdout.write(("" if first else "\n\n") + text)
                first = False
    except ReadError as e:
        echo_error(str(e))
        raise typer.Exit(1) from None
    finally:
        pipeline.close()
    if not first:
        sys.stdout.write("\n")
    sys.stdout.flush()
    folder.exit_for(summary)  # 3 when spans had no working engine, as for files


def _clean_files(
    inputs: list[Path], output: Path, settings, fmts: tuple[str, ...], *, tmx_sentences: bool,  # noqa: ANN001
    pattern: str, shard: str | None, report: Path | None, stats: Path | None,
    executor: str, jobs: int, address: str | None, force: bool, quiet: bool,
) -> None:  # fmt: skip
    """The files and folders cleaned into OUT, with the report and figures asked for."""
    from rich.console import Console

    from cleantext.jobs import job_outputs, refuse_report
    from cleantext.resume import Options
    from cleantext.runner import Task, local

    def reports_not_outputs(every: list) -> None:
        for flag, path in (("--report", report), ("--stats", stats)):
            if path is not None:
                refuse_report(path, every, output, flag)

    every, todo, unreadable = folder.plan_run(
        inputs, output, lambda job: job_outputs(job, fmts), [p for p in (report, stats) if p is not None],
        pattern, shard, reports_not_outputs, settings.input_format,
    )  # fmt: skip
    if not todo:  # a shard may hold none of a few files: nothing to do is not an error
        typer.echo(f"shard {shard}: none of the {len(every)} files falls in it", err=True)
        return
    console = Console(stderr=True, quiet=quiet)
    corpus = folder.count(console, every, settings)
    task = Task(Options(settings, fmts, tmx_sentences, corpus), keep_records=report is not None)
    shown: list[tuple[str, list[dict]]] = []  # the report's documents, as the workers hand them back
    if executor == "ray":
        from cleantext.ray import RayExecutor

        runner_executor = RayExecutor(jobs, address)
    else:
        runner_executor = local(jobs if len(todo) > 1 else 1)
    try:
        summary = folder.run(console, "cleaning", todo, output, task, runner_executor, force, shown)
    except RuntimeError as e:
        if executor != "ray":
            raise
        echo_error(str(e))
        raise typer.Exit(2) from None
    if report is not None:
        from cleantext.report import write_report

        write_report(report, sorted(shown), summary)
        console.print(f"report: {report}")
    for path, message in unreadable:
        summary.fail(path, message)
    if stats is not None:
        from cleantext.write import atomic_write

        atomic_write(stats, json.dumps(summary.figures(), ensure_ascii=False, indent=1) + "\n")
    folder.print_summary(console, summary, output)
    folder.exit_for(summary)


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
    apertium: ApertiumChain = None,
    models_dir: Models = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (each loads the models once).")
    ] = 1,
    force: Force = False,
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
    from cleantext.resume import Options
    from cleantext.runner import local

    setup_logging(quiet, verbose, log_level)
    settings = settings_from(locals())
    if [str(p) for p in inputs] == ["-"] and output is None:
        _translate_stdin(settings, to)
        return
    if "-" in [str(p) for p in inputs] or output is None:
        raise typer.BadParameter(
            "give files or folders with -o OUT, or '-' alone (stdin, to stdout) without -o"
        )
    names = BitextTask(Options(settings, target=to))  # the outputs' names need no counted evidence
    every, todo, unreadable = folder.plan_run(
        inputs, output, names.outputs, check=lambda _: _check_target(settings, to)
    )
    console = Console(stderr=True, quiet=quiet)
    corpus = folder.count(console, every, settings)  # lines many documents share are boilerplate
    task = BitextTask(Options(settings, corpus=corpus, target=to))
    summary = folder.run(
        console, "translating", todo, output, task, local(jobs if len(todo) > 1 else 1), force
    )
    for path, message in unreadable:
        summary.fail(path, message)
    if not quiet:
        done = f"{summary.files} files ({summary.skipped} already up to date)"
        typer.echo(f"{done}, {summary.sentences} sentences → {output}", err=True)
    folder.exit_for(summary)


def _translate_stdin(settings, to: str) -> None:  # noqa: ANN001
    """stdin cleaned as one document, each kept sentence beside its translation on stdout."""
    from cleantext.bitext import pair_lines, target_router
    from cleantext.jobs import UsageError
    from cleantext.pipeline import Pipeline
    from cleantext.read import ReadError

    try:
        _check_target(settings, to)
    except UsageError as e:
        echo_error(str(e))
        raise typer.Exit(2) from None
    router = target_router(settings, to)
    try:
        with Pipeline(settings) as pipeline:
            doc = pipeline.run(sys.stdin.buffer.read(), "<stdin>")
        ((left, right, error),) = pair_lines([doc], router, settings.main, to)
    except ReadError as e:
        echo_error(str(e))
        raise typer.Exit(1) from None
    finally:
        if router is not None:
            router.close()
    if error:
        echo_error(f"<stdin>: {error}")
        raise typer.Exit(1)
    sys.stdout.write("".join(f"{a}\t{b}\n" for a, b in zip(left, right, strict=True)))
    sys.stdout.flush()


@app.command()
def detect(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Text files or HTML pages (plain or compressed), folders of them, or '-' for stdin."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per sentence.")] = False,
    main: Annotated[str, typer.Option("--lang", help="Main language.")] = "it",
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
            from cleantext.compression import NAMES
            from cleantext.jobs import Resolver, _listed

            pages = ["*.txt", "*.html", "*.htm"]
            files += _listed(inp, [*pages, *(p + end for p in pages for end in NAMES)], Resolver())
        else:
            files.append(inp)
    pipeline = Pipeline(settings_from({**locals(), "translate": False}))
    console = Console()
    failed = False
    for file in files:
        try:
            data = sys.stdin.buffer.read() if str(file) == "-" else _read(file)
            doc = pipeline.run(data, str(file))
        except (ReadError, typer.Exit) as e:
            if isinstance(e, ReadError):
                echo_error(str(e))
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


def _read(file: Path) -> bytes:
    """The file's bytes, decompressed when its name says it is compressed."""
    from cleantext.read import read_file

    try:
        return read_file(file)
    except OSError as e:
        echo_error(f"{file}: {e.strerror or e}")
        raise typer.Exit(1) from None


app.add_typer(models_app, name="models")
