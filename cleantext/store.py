"""The offline model store: install, list, remove and download Argos `.argosmodel` packages.

A package is a zip holding one folder with `metadata.json` (from_code, to_code), a
CTranslate2 model in `model/` and a sentencepiece model. Installing validates the zip
before anything is written — no absolute paths, no `..`, no links, no oversized members,
no archive that inflates more than MAX_RATIO times its size, metadata present and small —
then extracts, counting the bytes it really writes, into a temporary folder inside the
store that is renamed into place, so a failed or interrupted install leaves the store
unchanged. A bad CRC or an unknown compression method ends in a one-line error.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_MEMBER_BYTES = 2 * 1024**3  # 2 GiB: the largest Argos models are a few hundred MB
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_RATIO = 20  # uncompressed / compressed: model weights barely compress; a bomb does
MAX_METADATA_BYTES = 1 << 20  # metadata.json is read by every later run: keep it small
INDEX_ENV = "CLEANTEXT_ARGOS_INDEX"


class StoreError(RuntimeError):
    """A model-store operation failed; the message names the file and what to do."""


@dataclass(frozen=True, slots=True)
class Package:
    path: Path
    source: str
    target: str
    name: str
    version: str

    @property
    def sp_model(self) -> Path:
        for name in ("sentencepiece.model", "spm.model"):
            if (self.path / name).is_file():
                return self.path / name
        raise StoreError(f"{self.path}: no sentencepiece model in the package")


def default_store() -> Path:
    """$CLEANTEXT_MODELS, else language_models/ in the project checkout."""
    env = os.environ.get("CLEANTEXT_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1] / "language_models"


class ModelStore:
    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root else default_store()

    # --- reading -------------------------------------------------------------------

    def packages(self) -> list[Package]:
        """Installed packages (broken ones are skipped; see `problems`)."""
        return [p for p in (self._read(d) for d in self._dirs()) if isinstance(p, Package)]

    def problems(self) -> list[str]:
        return [p for p in (self._read(d) for d in self._dirs()) if isinstance(p, str)]

    def _dirs(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(d for d in self.root.iterdir() if d.is_dir() and not d.name.startswith("."))

    @staticmethod
    def _read(d: Path) -> Package | str:
        try:
            meta = json.loads((d / "metadata.json").read_text("utf-8"))
            return Package(
                d, meta["from_code"], meta["to_code"], d.name, str(meta.get("package_version", ""))
            )
        except (OSError, ValueError, KeyError) as e:
            return f"{d}: not a valid package ({e.__class__.__name__}: {e})"

    # --- install / remove ----------------------------------------------------------

    def install(self, archive: Path | str, replace: bool = False) -> Package:
        """Validate and install one .argosmodel file; atomic."""
        archive = Path(archive)
        try:
            zf = zipfile.ZipFile(archive)
        except (OSError, zipfile.BadZipFile) as e:
            raise StoreError(f"{archive}: not a readable .argosmodel zip ({e})") from None
        with zf:
            top, meta = _validate(zf, archive)
            name = _package_name(meta)
            dest = self.root / name
            if dest.exists() and not replace:
                raise StoreError(
                    f"{archive}: package {name} is already installed (remove it, or use --replace)"
                )
            self.root.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".install-", dir=self.root))
            try:
                try:
                    _extract(zf, top, tmp, archive)
                except _BROKEN_ZIP as e:
                    raise StoreError(f"{archive}: a damaged or unsupported zip member ({e})") from None
                _share(tmp)
                pkg = self._read(tmp)
                if isinstance(pkg, str):
                    raise StoreError(f"{archive}: {pkg}")
                if not (tmp / "model" / "model.bin").is_file():
                    raise StoreError(f"{archive}: no CTranslate2 model (model/model.bin) in the package")
                pkg.sp_model  # noqa: B018 - raises if missing
                if dest.exists():
                    old = dest.with_name(f".old-{name}")
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
        return result

    def remove(self, name: str) -> None:
        target = self.root / name
        if not name.strip() or "/" in name or name.startswith(".") or not target.is_dir():
            known = ", ".join(p.name for p in self.packages()) or "none installed"
            raise StoreError(f"no package named {name!r} in {self.root} ({known})")
        trash = Path(tempfile.mkdtemp(prefix=".remove-", dir=self.root))
        try:
            os.replace(target, trash / name)
        finally:
            shutil.rmtree(trash, ignore_errors=True)

    # --- download ------------------------------------------------------------------

    def download(self, source: str, target: str) -> Package:
        """Fetch the package for source→target from the Argos package index and install it."""
        import urllib.error
        import urllib.request

        link, _ = index_link(read_index(), source, target)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{source}_{target}.argosmodel"
            try:
                urllib.request.urlretrieve(link, path)
            except (urllib.error.URLError, OSError) as e:
                raise StoreError(f"download of {link} failed: {e}") from None
            return self.install(path, replace=True)


def read_index() -> list[dict]:
    """The Argos package index ($CLEANTEXT_ARGOS_INDEX, else argostranslate's)."""
    import urllib.error
    import urllib.request

    index_url = os.environ.get(INDEX_ENV) or _argos_index_url()
    try:
        with urllib.request.urlopen(index_url, timeout=30) as r:
            return json.load(r)
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise StoreError(
            f"cannot reach the Argos package index ({e}). Offline? Download the .argosmodel "
            f"on a machine with internet (scripts/fetch_models.py) and run "
            f"`cleantext models install FILE.argosmodel`"
        ) from None


def index_link(index: list[dict], source: str, target: str) -> tuple[str, str]:
    """(download link, package version) of source→target in the index."""
    entry = next((p for p in index if p.get("from_code") == source and p.get("to_code") == target), None)
    if entry is None:
        raise StoreError(f"the Argos index has no {source}→{target} package")
    links = entry.get("links") or []
    if not links:
        raise StoreError(f"the Argos index lists {source}→{target} without a download link")
    return links[0], str(entry.get("package_version", "0"))


# argostranslate's own default index (its settings.remote_package_index)
ARGOS_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"


def _argos_index_url() -> str:
    """The index argostranslate uses: its settings when installed, else its default."""
    try:
        from argostranslate import settings  # type: ignore[import-not-found]

        return str(settings.remote_package_index)
    except Exception:  # noqa: BLE001 - optional dependency, any failure means "not there"
        base = os.environ.get("ARGOS_PACKAGE_INDEX")
        return base.rstrip("/") + "/index.json" if base else ARGOS_INDEX


_BROKEN_ZIP = (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error)


def _extract(zf: zipfile.ZipFile, top: str | None, dest: Path, archive: Path) -> None:
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


def _validate(zf: zipfile.ZipFile, archive: Path) -> tuple[str | None, dict]:
    """Check every member; return the single top folder (or None) and the metadata."""
    total = 0
    tops = set()
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
        total += info.file_size
        tops.add(p.parts[0])
    if total > MAX_TOTAL_BYTES:
        raise StoreError(f"{archive}: {total} bytes uncompressed, over the {MAX_TOTAL_BYTES} limit")
    size = max(1, archive.stat().st_size)
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
