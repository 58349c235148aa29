"""The command line's options: their types and help, and the run's Settings made from them.

A command's parameters that are Settings fields carry the field's name (the flag may differ:
`main` is `--lang`), so `settings_from` builds the Settings from the parameters alone and a
value Settings refuses is reported under the flag the user typed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from cleantext import settings as settings_

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
Engine = Annotated[
    settings_.Engine,
    typer.Option(
        help="Translation engine: auto (Argos package if one serves the pair, else Apertium), "
        "argos, apertium or none."
    ),
]
Force = Annotated[bool, typer.Option(help="Redo files whose outputs are already complete and up to date.")]

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

# `cleantext clean`'s own options
Output = Annotated[
    Path | None, typer.Option("-o", "--output", help="Output folder (mirrors the input tree).")
]
Translate = Annotated[bool, typer.Option("--translate/--no-translate", help="Translate foreign spans.")]
TextField = Annotated[
    str,
    typer.Option(
        help="Datasets (JSONL, JSON, Parquet, Arrow, CSV, TSV): the field or column holding each row's text."
    ),
]
IdField = Annotated[
    str,
    typer.Option(help="Datasets: the field naming each row in errors and duplicate_of (else its number)."),
]
KeepBoilerplate = Annotated[bool, typer.Option(help="Keep boilerplate lines (turn scrape-clean off).")]
Main = Annotated[str, typer.Option("--lang", help="Main language of the texts.")]
Stray = Annotated[str, typer.Option(help="Stray languages to find, comma-separated.")]
Formats = Annotated[
    str,
    typer.Option(
        "--format",
        help="Outputs, comma-separated: txt, jsonl, tsv (source<TAB>text), tmx; extracted "
        "(NAME.extracted.txt: the text as read, an HTML page's main text) and meta "
        "(NAME.meta.json: an HTML page's title, url, date, site).",
    ),
]
MinQuality = Annotated[
    float | None,
    typer.Option(
        min=0.0,
        max=1.0,
        help="Translations whose quality (0-1, in each record) is below this are weak: --weak "
        "says what they become; TSV and TMX then hold only sentences above it.",
    ),
]
Weak = Annotated[
    settings_.Weak,
    typer.Option(
        help="Weak translations: translate (keep them), keep (the source text stays), drop "
        "(a whole foreign sentence goes; a clause keeps its source), mark (kept, marked weak "
        "in the records)."
    ),
]
StraySentences = Annotated[
    settings_.StraySentences,
    typer.Option(
        help="Whole foreign sentences: translate, drop (lose them rather than keep machine "
        "translation) or keep (as written)."
    ),
]
Leftovers = Annotated[
    settings_.Leftovers,
    typer.Option(
        help="judge: translate only the foreign spans a machine left behind (words Italian "
        "does not use, plain foreign phrases, documents with several of them); quoted, "
        "bracketed, capitalised and loan phrases stay as written, with the reason in the "
        "records. all: translate every foreign span (text known to be machine output).",
    ),
]
Trust = Annotated[
    float,
    typer.Option(
        min=0.0,
        max=1.0,
        help="With --leftovers judge: a translation whose quality is below this leaves its "
        "source in the text (the record keeps it, weak: kept).",
    ),
]
RoundTrip = Annotated[
    bool | None,
    typer.Option(
        "--round-trip/--no-round-trip",
        help="Translate each translation back and let its likeness to the source join its "
        "quality (ranks translations better; costs a second translation of every span). "
        "Default: on with --min-quality, else off.",
    ),
]
InputFormat = Annotated[
    settings_.InputFormat,
    typer.Option(
        help="auto: datasets by extension (.jsonl, .ndjson, .csv, .tsv, each also compressed: .gz, "
        ".bz2, .xz, .zst; dolma's .json.gz and .json.zst; .json (an array or objects, taken from "
        "folders by --pattern only); .parquet, .arrow, .feather, .warc[.gz], .wet[.gz]), "
        "HTML pages by extension (.html, .htm) or first bytes, other files as text; or force text or "
        "html (also for stdin), or jsonl, json, parquet, arrow, warc or csv (every file taken is a dataset "
        "of that format)."
    ),
]
HtmlTables = Annotated[bool, typer.Option(help="HTML: keep the page's tables.")]
HtmlComments = Annotated[bool, typer.Option(help="HTML: keep the page's comment section.")]
TmxSentences = Annotated[
    bool, typer.Option(help="TMX: also one unit per changed sentence (original → clean).")
]
Jobs = Annotated[
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
]
Executor = Annotated[
    Literal["local", "ray"],
    typer.Option(
        help="local: this machine's processes; ray: Ray actors (pip install 'cleantext-it\\[ray]')."
    ),
]
Address = Annotated[
    str | None,
    typer.Option(help="With --executor ray: the cluster to join (default $RAY_ADDRESS, else a local Ray)."),
]
Shard = Annotated[
    str | None,
    typer.Option(
        help="Process only shard I of N (e.g. 2/4), stable across machines; lines shared "
        "across documents are still counted over every file, so shards write what a whole run would."
    ),
]
Report = Annotated[Path | None, typer.Option(help="Also write a self-contained HTML report of the run here.")]
Stats = Annotated[
    Path | None,
    typer.Option(help="Also write the run's figures here as JSON (what the summary table shows)."),
]
Models = Annotated[
    Path | None,
    typer.Option(
        "--models",
        help="Argos model store (default: $CLEANTEXT_MODELS, else language_models/ in a checkout, "
        "else the user's data folder).",
    ),
]
Pattern = Annotated[
    str,
    typer.Option(
        help="Which files of a folder to take (globs, comma-separated, recursive); others are "
        "counted and left. Default: text files, HTML pages and datasets (see --input-format), "
        "plain or compressed (.gz, .bz2, .xz, .zst).",
        show_default=False,
    ),
]


_CONTROL = str.maketrans({c: f"\\x{c:02x}" for c in (*range(32), 127)} | {10: "\\n", 13: "\\r", 9: "\\t"})


def one_line(message: str) -> str:
    """A message as one line of the log: a file name may hold a line break or a terminal's
    control codes, which would split the line, forge another or move the cursor."""
    return message.translate(_CONTROL)


def echo_error(message: str) -> None:
    """An error line on stderr, one line whatever the file names in it."""
    typer.echo(f"error: {one_line(message)}", err=True)


class _OneLine(logging.Formatter):
    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return one_line(super().formatMessage(record))


def setup_logging(quiet: bool, verbose: bool, log_level: str | None) -> None:
    """cleantext's own messages at the level asked; other libraries' at warning (error with -q)."""
    level = (log_level or ("error" if quiet else "info" if verbose else "warning")).lower()
    if level not in LOG_LEVELS:
        raise typer.BadParameter(f"--log-level {log_level!r}: choose from {', '.join(LOG_LEVELS)}")
    value = getattr(logging, level.upper())
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine("cleantext: %(message)s"))
    logging.basicConfig(level=max(value, logging.WARNING), handlers=[handler])
    logging.getLogger("cleantext").setLevel(value)


# a Settings field whose flag is not the field's name with dashes
_FLAGS = {"main": "--lang", "apertium": "--apertium-chain", "models_dir": "--models"}


def settings_from(params: dict[str, Any]) -> settings_.Settings:
    """The run's Settings from a command's parameters (those named as Settings fields; a
    comma-separated `stray`, a repeated `apertium`, a `models_dir` folder and an unset
    `round_trip`, which is on with `min_quality`, are read here). A value Settings refuses
    is named by its flag."""
    from dataclasses import fields

    from cleantext.translation.engines import check_chains

    kw = {f.name: params[f.name] for f in fields(settings_.Settings) if f.name in params}
    if isinstance(kw.get("stray"), str):
        kw["stray"] = split_list(kw["stray"])
    if "apertium" in kw:
        kw["apertium"] = tuple(kw["apertium"] or ())
    if (models := kw.get("models_dir")) is not None:
        if not Path(models).is_dir():
            raise typer.BadParameter(f"--models {models}: no such folder (the Argos model store)")
        kw["models_dir"] = str(models)
    if "round_trip" in kw and kw["round_trip"] is None:
        kw["round_trip"] = kw.get("min_quality") is not None
    try:
        settings = settings_.Settings(**kw)
    except ValueError as e:
        field, _, rest = str(e).partition(" ")
        flag = _FLAGS.get(field, "--" + field.replace("_", "-")) if field in kw else field
        raise typer.BadParameter(f"{flag} {rest}") from None
    try:
        check_chains(settings)  # a chain naming a mode Apertium lacks fails here, before any work
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    return settings


def formats_from(value: str) -> tuple[str, ...]:
    """The output formats `--format` asks for, each once ("txt,txt" asks for txt once)."""
    from cleantext.write import FORMATS

    fmts = tuple(dict.fromkeys(split_list(value)))
    if not fmts or any(f not in FORMATS for f in fmts):
        raise typer.BadParameter(f"--format {value!r}: choose from {', '.join(FORMATS)}")
    return fmts


def split_list(value: str) -> tuple[str, ...]:
    """A comma-separated option's values ("fr, en" → ("fr", "en"))."""
    return tuple(v.strip() for v in value.split(",") if v.strip())
