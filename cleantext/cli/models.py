"""`cleantext models`: the offline store of Argos packages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cleantext.cli.options import echo_error

models_app = typer.Typer(
    help="The offline model store of Argos packages (default: $CLEANTEXT_MODELS, else "
    "language_models/ in a checkout, else the user's data folder).",
    no_args_is_help=True,
)
StoreOpt = Annotated[Path | None, typer.Option("--models", help="Model store folder.")]


def _store(models: Path | None):  # noqa: ANN202
    from cleantext.store import ModelStore

    return ModelStore(models)


def _store_call(fn, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
    from cleantext.store import StoreError

    try:
        return fn(*args, **kw)
    except StoreError as e:
        echo_error(str(e))
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
