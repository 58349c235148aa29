"""What makes a run's outputs, and which files a rerun may skip.

`Options` is everything that decides the bytes of the outputs besides the input: its
`key()` (settings, formats, versions of cleantext, of the libraries and of the Apertium
packages, the counting pass's evidence) is the resume key. Each finished input gets a line
in OUT's state log (`StateLog`: content hash, key, output sizes), so a rerun skips exactly
the files whose outputs are complete and up to date.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from cleantext.corpus import CorpusLines
from cleantext.settings import LATER_DEFAULTS, Settings
from cleantext.write import DEFAULT_FORMATS, atomic_write, write_all

STATE_LOG = ".cleantext-state.jsonl"


@dataclass(frozen=True, slots=True)
class Options:
    """What decides the bytes of the outputs (besides the input): part of the resume key."""

    settings: Settings = Settings()
    formats: tuple[str, ...] = DEFAULT_FORMATS
    tmx_sentences: bool = False
    corpus: CorpusLines | None = None  # the counting pass's evidence (cleantext.corpus)
    target: str | None = None  # bitext runs: the language translated into (cleantext.bitext)

    def key(self) -> str:
        settings = asdict(self.settings)
        settings.pop("threads")  # how fast, not what: a rerun with other threads skips done files
        settings.pop("file_timeout")
        for name, default in LATER_DEFAULTS.items():
            if settings[name] == default:
                settings.pop(name)
        evidence = self.corpus.digest() if self.corpus is not None else None
        what = [settings, self.formats, self.tmx_sentences, _version(), evidence, _libraries()]
        if self.target is not None:  # a bitext run writes other files than a clean run
            what.append(self.target)
        if models := _argos_packages(self.settings):  # a package installed since: translated anew
            what.append(models)
        if self.settings.translate and self.settings.engine in ("auto", "apertium"):
            what.append(_apertium_packages())  # an upgraded Apertium pair translates anew
        data = json.dumps(what, sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:16]


def _argos_packages(settings: Settings) -> list[str]:
    """The Argos packages a run translates with (name and version of each pair's choice)."""
    if settings.engine not in ("auto", "argos"):
        return []
    from cleantext.store import ModelStore

    return sorted(f"{p.name}={p.version}" for p in ModelStore(settings.models_dir).chosen().values())


# The libraries whose data or rules decide what a file becomes (frequencies, mojibake
# rules, language models, Unicode tables, HTML extraction): upgrading one redoes the files.
OUTPUT_LIBRARIES = ("ftfy", "wordfreq", "lingua-language-detector", "regex", "trafilatura")


@cache
def _libraries() -> dict[str, str]:
    """Asked once per process (reading the installed metadata costs milliseconds, at every
    run of a library caller; the modules a process runs with are those it loaded). Callers
    must not mutate the answer."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in OUTPUT_LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:  # trafilatura comes with the [html] extra only
            continue
    return out


@cache
def _apertium_packages() -> list[str]:
    """The installed Apertium packages and their versions (Debian's), or [] if not known;
    asked once per process (dpkg-query takes about 10 ms; callers must not mutate)."""
    import shutil
    import subprocess

    if shutil.which("dpkg-query") is None:
        return []
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Package}=${Version}\n", "apertium*", "lttoolbox", "cg3"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(line for line in out.splitlines() if line.split("=", 1)[-1])


def _version() -> str:
    from cleantext import __version__

    return __version__


# --- planning --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finished:
    """One input's line in the resume log."""

    digest: str  # of the input's bytes
    key: str  # of the options that decide the outputs
    sizes: dict[str, int] | None = None  # each output's bytes when written (older logs: none)

    def line(self, rel: str) -> str:
        rec: dict = {"rel": rel, "input": self.digest, "key": self.key}
        if self.sizes is not None:
            rec["sizes"] = self.sizes
        return json.dumps(rec)


class StateLog:
    """OUT/.cleantext-state.jsonl: one line per finished input, appended as files complete.

    Appending costs far less than a state file per input; a line cut short by a kill is
    ignored, and `compact` rewrites the log with the latest line per input at the end.
    Several runs may write into one OUT at once (two shards, two machines on a shared
    disk): each line is appended under a lock, and `compact` re-reads the log under the
    same lock, so no run's entries are lost to another's view.
    """

    def __init__(self, out: Path) -> None:
        self.path = out / STATE_LOG
        self.done: dict[str, Finished] = self._read()
        self._added = False

    def _read(self) -> dict[str, Finished]:
        done: dict[str, Finished] = {}
        try:
            lines = self.path.read_text("utf-8").splitlines()
        except OSError:
            lines = []
        for line in lines:
            try:
                rec = json.loads(line)
                done[rec["rel"]] = Finished(rec["input"], rec["key"], rec.get("sizes"))
            except (ValueError, KeyError, TypeError):
                continue
        return done

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive lock on OUT itself (a directory can be locked: no file is added)."""
        import fcntl

        try:
            fd = os.open(self.path.parent, os.O_RDONLY)
        except FileNotFoundError:  # (made only when missing: this runs for every file)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def add(self, rel: str, digest: str, key: str, sizes: dict[str, int] | None = None) -> None:
        """Record a finished input; `sizes` (output file name → bytes) lets a rerun tell a
        complete output from one cut short or emptied since."""
        done = Finished(digest, key, sizes)
        line = done.line(rel) + "\n"
        with self._locked():  # one write of the whole line (a file object cost three calls more)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o666)
            try:
                write_all(fd, line)
            finally:
                os.close(fd)
        self.done[rel] = done
        self._added = True

    def compact(self) -> None:
        if not self._added:
            return
        with self._locked():
            done = self._read()  # every run's lines, this one's among them
            lines = [f.line(r) for r, f in sorted(done.items())]
            atomic_write(self.path, "".join(line + "\n" for line in lines))
        self._added = False
