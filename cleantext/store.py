"""The offline model store: install, list, remove and download Argos `.argosmodel` packages.

A package is a zip holding one folder with `metadata.json` (from_code, to_code), a
CTranslate2 model in `model/` and a sentencepiece model. Installing validates the zip
before anything is written — no absolute paths, no `..`, no links, no oversized members,
no archive that inflates more than MAX_RATIO times its size, metadata present and small —
then extracts, counting the bytes it really writes, into a temporary folder inside the
store that is renamed into place, so a failed or interrupted install leaves the store
unchanged. A bad CRC or an unknown compression method ends in a one-line error.

Packages a user installed with argos-translate are read too, after the store and never
written to (`argos_package_dirs`). Of several versions of one pair the newest runnable
one is used, compared as versions (1.10 > 1.9).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cleantext.proc import alive

MAX_MEMBER_BYTES = 2 * 1024**3  # 2 GiB: the largest Argos models are a few hundred MB
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_RATIO = 20  # uncompressed / compressed: model weights barely compress; a bomb does
MAX_METADATA_BYTES = 1 << 20  # metadata.json is read by every later run: keep it small
OWN = "cleantext"
ARGOS = "argos-translate"  # packages of argos-translate's own folders: read, never written


class StoreError(RuntimeError):
    """A model-store operation failed; the message names the file and what to do."""


def version_key(version: str) -> tuple[int, ...]:
    """'1.10' > '1.9' > '1.0': the numbers of a package_version, compared as numbers."""
    return tuple(int(n) for n in re.findall(r"\d+", version)) or (0,)


@dataclass(frozen=True, slots=True)
class Package:
    path: Path
    source: str
    target: str
    name: str
    version: str
    origin: str = OWN
    target_prefix: str = ""

    @property
    def sp_model(self) -> Path:
        for name in ("sentencepiece.model", "spm.model"):
            if (self.path / name).is_file():
                return self.path / name
        raise StoreError(f"{self.path}: no sentencepiece model in the package")

    @property
    def problem(self) -> str | None:
        """Why cleantext cannot run this package (None: it can). argos-translate also runs
        packages with a BPE tokenizer (bpe.model, through sacremoses); cleantext runs
        sentencepiece packages only, and says so rather than failing on every span."""
        has_sp = any((self.path / n).is_file() for n in ("sentencepiece.model", "spm.model"))
        if not (self.path / "model" / "model.bin").is_file():
            return "no CTranslate2 model (model/model.bin)"
        if not has_sp and (self.path / "bpe.model").is_file():
            return "BPE tokenizer (bpe.model): cleantext runs sentencepiece packages only"
        if not has_sp:
            return "no sentencepiece model"
        return None


def argos_package_dirs() -> list[Path]:
    """Where argos-translate keeps its packages, as it decides: $ARGOS_PACKAGES_DIR, else
    that key of its settings.json ($XDG_CONFIG_HOME/argos-translate, ~/.config by
    default), else $XDG_DATA_HOME/argos-translate/packages (~/.local/share by default)."""
    home = Path.home()
    chosen = os.environ.get("ARGOS_PACKAGES_DIR")
    if not chosen:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        try:
            settings = json.loads((config / "argos-translate" / "settings.json").read_text("utf-8"))
            chosen = settings.get("ARGOS_PACKAGES_DIR") if isinstance(settings, dict) else None
        except (OSError, ValueError):
            chosen = None
    if not chosen:
        data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        chosen = str(data / "argos-translate" / "packages")
    return [Path(chosen).expanduser()]


def default_store(package: Path | None = None) -> Path:
    """$CLEANTEXT_MODELS; else language_models/ of the project checkout cleantext runs from
    (where scripts/setup.sh works); else, for an installed package, the user's data folder
    (platformdirs: ~/.local/share/cleantext/language_models on Linux), which a reinstall
    leaves alone (site-packages would not)."""
    env = os.environ.get("CLEANTEXT_MODELS")
    if env:
        return Path(env)
    checkout = (package or Path(__file__).resolve().parent).parent
    if (checkout / "pyproject.toml").is_file():
        return checkout / "language_models"
    from platformdirs import user_data_path

    return user_data_path("cleantext") / "language_models"


class ModelStore:
    """cleantext's own store (`root`, read and written) and argos-translate's package
    folders (`argos_dirs`, read only; None: where argos-translate keeps them)."""

    def __init__(self, root: Path | str | None = None, argos_dirs: Sequence[Path] | None = None) -> None:
        self.root = Path(root) if root else default_store()
        dirs = argos_package_dirs() if argos_dirs is None else [Path(d) for d in argos_dirs]
        own = _resolved(self.root)
        self.argos_dirs = [d for d in dirs if _resolved(d) != own]

    # --- reading -------------------------------------------------------------------

    def packages(self) -> list[Package]:
        """Every package found, cleantext's own first (broken folders: see `problems`)."""
        return [p for p in (self._read(d, origin) for d, origin in self._dirs()) if isinstance(p, Package)]

    def problems(self) -> list[str]:
        return [p for p in (self._read(d, origin) for d, origin in self._dirs()) if isinstance(p, str)]

    def chosen(self) -> dict[tuple[str, str], Package]:
        """The package each pair runs with: the newest runnable version (on a tie, the
        store's own before argos-translate's)."""
        best: dict[tuple[str, str], Package] = {}
        for p in self.packages():
            pair = (p.source, p.target)
            if p.problem is None and (
                pair not in best or version_key(p.version) > version_key(best[pair].version)
            ):
                best[pair] = p
        return best

    def _dirs(self) -> list[tuple[Path, str]]:
        found = []
        for root, origin in [(self.root, OWN)] + [(d, ARGOS) for d in self.argos_dirs]:
            try:
                found += sorted(
                    (d, origin) for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")
                )
            except OSError:  # no such folder (yet), or unreadable: nothing installed there
                continue
        return found

    @staticmethod
    def _read(d: Path, origin: str = OWN, label: str | None = None) -> Package | str:
        try:
            meta = json.loads((d / "metadata.json").read_text("utf-8"))
            if not isinstance(meta, dict):
                raise ValueError("metadata.json is not a JSON object")
            return Package(
                d,
                str(meta["from_code"]),
                str(meta["to_code"]),
                d.name,
                str(meta.get("package_version", "")),
                origin,
                str(meta.get("target_prefix") or ""),
            )
        except (OSError, ValueError, KeyError) as e:
            return f"{label or d}: not a valid package ({e.__class__.__name__}: {e})"

    # --- install / remove ----------------------------------------------------------

    def install(self, archive: Path | str, replace: bool = False, label: str | None = None) -> Package:
        """Validate and install one .argosmodel file; atomic. Errors name `label` (the
        archive, or the link it was downloaded from). Older versions of the same pair in
        the store are removed once the new one is in place."""
        archive = Path(archive)
        label = label or str(archive)
        try:
            zf = zipfile.ZipFile(archive)
        except (OSError, zipfile.BadZipFile) as e:
            raise StoreError(f"{label}: not a readable .argosmodel zip ({e})") from None
        with zf:
            top, meta = _validate(zf, label, archive.stat().st_size)
            name = _package_name(meta)
            dest = self.root / name
            self.root.mkdir(parents=True, exist_ok=True)
            with self._locked():  # one install at a time: a second one then finds this one's
                self._remove_stale()
                return self._install(zf, top, name, dest, replace, label)

    def _install(
        self, zf: zipfile.ZipFile, top: str | None, name: str, dest: Path, replace: bool, label: str
    ) -> Package:
        """Extract into a temporary folder beside `dest`, check it loads, put it in place."""
        if dest.exists() and not replace:
            raise StoreError(f"{label}: package {name} is already installed (remove it, or use --replace)")
        tmp = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIXES[0]}{os.getpid()}-", dir=self.root))
        try:
            try:
                _extract(zf, top, tmp, label)
            except _BROKEN_ZIP as e:
                raise StoreError(f"{label}: a damaged or unsupported zip member ({e})") from None
            except OSError as e:
                raise StoreError(
                    f"{label}: a member cannot be written ({e.strerror or e}); refusing"
                ) from None
            _share(tmp)
            pkg = self._read(tmp, OWN, label)
            if isinstance(pkg, str):
                raise StoreError(pkg)
            if pkg.problem:
                raise StoreError(f"{label}: cannot be run by cleantext: {pkg.problem}")
            _check_loads(pkg, label)
            if dest.exists():
                old = dest.with_name(f"{TEMP_PREFIXES[2]}{os.getpid()}-{name}")
                os.replace(dest, old)
                os.replace(tmp, dest)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, dest)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        result = self._read(dest)
        assert isinstance(result, Package)
        for older in self.packages():
            if (
                older.origin == OWN
                and older.path != dest
                and (older.source, older.target) == (result.source, result.target)
                and version_key(older.version) < version_key(result.version)
            ):
                self.remove(older.name)
        return result

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive lock on the store's folder (concurrent installs of one package
        failed with tracebacks)."""
        import fcntl

        fd = os.open(self.root, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _remove_stale(self) -> None:
        """Temporary folders of installs, downloads and removals whose process is gone (a
        kill -9 mid-install left them for good)."""
        for entry in self.root.iterdir():
            m = _TEMP.match(entry.name)
            if m and entry.is_dir() and not entry.is_symlink() and not alive(int(m[1])):
                shutil.rmtree(entry, ignore_errors=True)

    def remove(self, name: str) -> None:
        target = self.root / name
        if not name.strip() or "/" in name or name.startswith(".") or not target.is_dir():
            theirs = [p for p in self.packages() if p.name == name and p.origin == ARGOS]
            if theirs:
                raise StoreError(
                    f"{name} is argos-translate's package in {theirs[0].path.parent}; cleantext "
                    f"does not remove it (argospm remove, or delete the folder yourself)"
                )
            known = ", ".join(p.name for p in self.packages() if p.origin == OWN) or "none installed"
            raise StoreError(f"no package named {name!r} in {self.root} ({known})")
        trash = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIXES[3]}{os.getpid()}-", dir=self.root))
        try:
            os.replace(target, trash / name)
        finally:
            shutil.rmtree(trash, ignore_errors=True)


# temporary folders in the store, each named PREFIX + the pid of the process that made it
TEMP_PREFIXES = (".install-", ".download-", ".old-", ".remove-")
_TEMP = re.compile("(?:" + "|".join(map(re.escape, TEMP_PREFIXES)) + r")(\d+)-")


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _check_loads(pkg: Package, label: str) -> None:
    """A package whose model or tokenizer does not load is refused at install, not met
    later as a failure on every span (skipped when ctranslate2 is not installed)."""
    try:
        import ctranslate2
        import sentencepiece
    except ImportError:
        return
    try:
        sentencepiece.SentencePieceProcessor(model_file=str(pkg.sp_model))
        ctranslate2.Translator(str(pkg.path / "model"), device="cpu", intra_threads=1)
    except Exception as e:  # noqa: BLE001 - any load failure makes the package unusable
        raise StoreError(f"{label}: the package's model does not load ({e})") from None


_BROKEN_ZIP = (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error)


def _extract(zf: zipfile.ZipFile, top: str | None, dest: Path, archive: str) -> None:
    """Extract every member, counting what is really written (a member may inflate past
    what the zip declares): over a member's declared size, MAX_MEMBER_BYTES or
    MAX_TOTAL_BYTES, the install stops."""
    total = 0
    for info in zf.infolist():
        rel = PurePosixPath(info.filename)
        if top:
            rel = PurePosixPath(*rel.parts[1:])
        if not rel.parts:
            continue
        target = dest.joinpath(*rel.parts)
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with zf.open(info) as src, open(target, "wb") as out:
            while chunk := src.read(1 << 20):
                written += len(chunk)
                total += len(chunk)
                if written > info.file_size or written > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                    raise StoreError(f"{archive}: member {info.filename!r} inflates past its size; refusing")
                out.write(chunk)


def _share(root: Path) -> None:
    """Installed packages are readable by the store's other users (mkdtemp made it 0700)."""
    umask = os.umask(0)
    os.umask(umask)
    for d, _dirs, files in os.walk(root):
        os.chmod(d, 0o777 & ~umask | 0o700)
        for f in files:
            os.chmod(os.path.join(d, f), 0o666 & ~umask | 0o600)


def _validate(zf: zipfile.ZipFile, archive: str, size: int) -> tuple[str | None, dict]:
    """Check every member; return the single top folder (or None) and the metadata."""
    total = 0
    tops = set()
    files: set[str] = set()
    folders: set[str] = set()
    for info in zf.infolist():
        name = info.filename
        p = PurePosixPath(name)
        if name.startswith(("/", "\\")) or p.is_absolute() or ":" in p.parts[0] or "\\" in name:
            raise StoreError(f"{archive}: member {name!r} has an absolute path; refusing to install")
        if ".." in p.parts:
            raise StoreError(f"{archive}: member {name!r} escapes the package folder; refusing to install")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise StoreError(f"{archive}: member {name!r} is a symbolic link; refusing to install")
        if info.file_size > MAX_MEMBER_BYTES:
            raise StoreError(f"{archive}: member {name!r} is {info.file_size} bytes, over the limit")
        if any(len(os.fsencode(part)) > 255 for part in p.parts):
            raise StoreError(f"{archive}: member {name[:80]!r}… has a name too long for a file; refusing")
        total += info.file_size
        tops.add(p.parts[0])
        folders.update(str(PurePosixPath(*p.parts[:k])) for k in range(1, len(p.parts)))
        if not info.is_dir():
            files.add(str(p))
    if both := sorted(files & folders):
        raise StoreError(f"{archive}: member {both[0]!r} is both a file and a folder; refusing to install")
    if total > MAX_TOTAL_BYTES:
        raise StoreError(f"{archive}: {total} bytes uncompressed, over the {MAX_TOTAL_BYTES} limit")
    size = max(1, size)
    if total > MAX_RATIO * size and total > 1 << 20:
        raise StoreError(
            f"{archive}: inflates to {total} bytes, {total // size} times its size (a zip bomb?); refusing"
        )
    top = (
        next(iter(tops)) if len(tops) == 1 and f"{next(iter(tops))}/metadata.json" in zf.namelist() else None
    )
    meta_name = f"{top}/metadata.json" if top else "metadata.json"
    if meta_name not in zf.namelist():
        raise StoreError(f"{archive}: no metadata.json; not an Argos package")
    if zf.getinfo(meta_name).file_size > MAX_METADATA_BYTES:
        raise StoreError(f"{archive}: metadata.json is over {MAX_METADATA_BYTES} bytes; refusing")
    try:
        with zf.open(meta_name) as fh:
            raw = fh.read(MAX_METADATA_BYTES + 1)
        if len(raw) > MAX_METADATA_BYTES:
            raise ValueError("larger than it says")
        meta = json.loads(raw.decode("utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not a JSON object")
        meta["from_code"], meta["to_code"]  # noqa: B018
    except (
        ValueError,
        KeyError,
        UnicodeDecodeError,
        zipfile.BadZipFile,
        NotImplementedError,
        zlib.error,
    ) as e:
        raise StoreError(f"{archive}: metadata.json is invalid ({e}); needs from_code and to_code") from None
    return top, meta


def _package_name(meta: dict) -> str:
    version = str(meta.get("package_version", "0")).replace(".", "_")
    name = f"translate-{meta['from_code']}_{meta['to_code']}-{version}"
    if not all(c.isalnum() or c in "-_" for c in name):
        raise StoreError(f"metadata.json gives an unusable package name {name!r}")
    return name
