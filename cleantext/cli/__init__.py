"""The `cleantext` command line: the commands (`commands`), their options (`options`), the
folder run `clean` and `translate` share (`folder`) and the model store (`models`)."""

from __future__ import annotations

import inspect
import sys

import typer

from cleantext.cli.commands import app
from cleantext.cli.models import models_app

__all__ = ["app", "main"]


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
