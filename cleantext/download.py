"""The Argos package index and downloads from it.

The index (argospm-index's `index.json`) is a list of entries with `from_code`,
`to_code`, `package_version`, `links` and `code`. It has almost no direct pair into
Italian except from English, so a French → Italian route is two packages: fr→en and
en→it (`entries_for`). A download (`fetch`) sends a User-Agent (the package host has
refused requests without one), has a timeout, retries what may pass on a second try,
moves on to the entry's other links, checks `size` and `sha256` when the entry gives
them (the public index does not; the zip is then validated by the install), and reports
progress. It writes only the path it is given: the caller removes it on failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from cleantext import __version__
from cleantext.store import TEMP_PREFIXES, ModelStore, Package, StoreError, version_key

Progress = Callable[[str, int, "int | None"], None]  # (what, bytes so far, total or None)

INDEX_ENV = "CLEANTEXT_ARGOS_INDEX"
# argostranslate's own default index (its settings.remote_package_index)
ARGOS_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
USER_AGENT = f"cleantext/{__version__} (Argos package download)"
TIMEOUT = 60.0  # seconds without a byte before a connection is given up
ATTEMPTS = 3  # per link, for failures that may pass (timeouts, resets, 5xx, 429)
RETRY_WAIT = 2.0  # seconds before the second attempt, doubled after
SCHEMES = ("https://", "http://", "file://")  # the index also lists ipfs:// links: skipped
CHUNK = 1 << 20
MAX_INDEX_BYTES = 32 << 20  # the public index is about 100 KB
MAX_PACKAGE_BYTES = 2 << 30  # a package (the largest published ones are a few hundred MB)


def index_url() -> str:
    """$CLEANTEXT_ARGOS_INDEX, else the index argos-translate uses ($ARGOS_PACKAGE_INDEX
    is its folder of index.json), else its default."""
    if own := os.environ.get(INDEX_ENV):
        return own
    if base := os.environ.get("ARGOS_PACKAGE_INDEX"):
        return base.rstrip("/") + "/index.json"
    return ARGOS_INDEX


def read_index() -> list[dict]:
    url = index_url()
    try:
        with urllib.request.urlopen(_request(url), timeout=30) as r:
            raw = r.read(MAX_INDEX_BYTES + 1)
        if len(raw) > MAX_INDEX_BYTES:
            raise StoreError(f"{url}: larger than {MAX_INDEX_BYTES >> 20} MB; not an Argos package index")
        index = json.loads(raw)
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise StoreError(
            f"cannot read the Argos package index at {url} ({e}). Offline? Download the "
            f".argosmodel files on a machine with internet (scripts/fetch_models.py) and run "
            f"`cleantext models install FILE.argosmodel`"
        ) from None
    if not isinstance(index, list):
        raise StoreError(f"{url}: not an Argos package index (a JSON list of packages)")
    return [e for e in index if _valid_entry(e)]


def _valid_entry(e: object) -> bool:
    """An index entry cleantext can use: language codes as strings, a size (when given) as a
    whole number, links as a list. Others are skipped, as if the index did not list them."""
    if not isinstance(e, dict):
        return False
    codes = (e.get("from_code"), e.get("to_code"))
    if not all(isinstance(c, str) and c.strip() for c in codes):
        return False
    size = e.get("size")
    if size is not None and not (isinstance(size, int) or (isinstance(size, str) and size.isdigit())):
        return False
    version = e.get("package_version", "0")
    return isinstance(version, (str, int, float)) and isinstance(e.get("links", []), list)


def entry(index: list[dict], source: str, target: str) -> dict | None:
    """The newest entry for source→target, if the index has one."""
    found = [e for e in index if (e["from_code"], e["to_code"]) == (source, target)]
    return max(found, key=lambda e: version_key(str(e.get("package_version", "0"))), default=None)


def entries_for(index: list[dict], source: str, target: str) -> list[dict]:
    """What source→target needs: its own package, else source→en and en→target."""
    if direct := entry(index, source, target):
        return [direct]
    first, second = entry(index, source, "en"), entry(index, "en", target)
    if first and second and "en" not in (source, target):
        return [first, second]
    offered = sorted({e["to_code"] for e in index if e["from_code"] == source})
    raise StoreError(
        f"the Argos index has no {source}→{target} package and no route through English "
        f"({source}→ {', '.join(offered) or 'nothing'})"
    )


def fetch(entry: dict, dest: Path, progress: Progress | None = None) -> tuple[Path, str]:
    """Download the entry's package to `dest`: each link in turn, each tried up to
    ATTEMPTS times when the failure may pass. Returns (dest, the link that worked)."""
    pair = f"{entry['from_code']}→{entry['to_code']}"
    links = [str(u) for u in entry.get("links") or [] if str(u).startswith(SCHEMES)]
    if not links:
        raise StoreError(f"the Argos index lists {pair} without a link cleantext can download")
    failures = []
    for link in links:
        wait = RETRY_WAIT
        for attempt in range(1, ATTEMPTS + 1):
            try:
                _get(link, dest, entry, pair, progress)
                return dest, link
            except _Retry as e:
                failures.append(f"{link}: {e}")
                if attempt < ATTEMPTS:
                    time.sleep(wait)
                    wait *= 2
            except _Fail as e:
                failures.append(f"{link}: {e}")
                break
    raise StoreError(f"download of {pair} failed: " + "; ".join(failures))


class _Retry(Exception):
    """A failure that may pass on another try."""


class _Fail(Exception):
    """A failure another try of the same link will not mend."""


def _request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": USER_AGENT})


def _get(link: str, dest: Path, entry: dict, pair: str, progress: Progress | None) -> None:
    digest = hashlib.sha256()
    done = 0
    try:
        with urllib.request.urlopen(_request(link), timeout=TIMEOUT) as r, open(dest, "wb") as out:
            length = r.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else entry.get("size")
            total = int(total) if total is not None else None
            if total is not None and total > MAX_PACKAGE_BYTES:
                raise _Fail(f"{total} bytes, over the {MAX_PACKAGE_BYTES >> 20} MB a package may have")
            while chunk := r.read(CHUNK):
                if done + len(chunk) > MAX_PACKAGE_BYTES:
                    raise _Fail(f"more than {MAX_PACKAGE_BYTES >> 20} MB; not an Argos package")
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(pair, done, total)
    except urllib.error.HTTPError as e:
        raise (_Retry if e.code >= 500 or e.code == 429 else _Fail)(f"HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        permanent = isinstance(e.reason, FileNotFoundError | PermissionError | IsADirectoryError) or (
            isinstance(e.reason, socket.gaierror) and e.reason.errno != socket.EAI_AGAIN
        )  # no such file, no such host: another try will not find them
        raise (_Fail if permanent else _Retry)(str(e.reason)) from None
    except (TimeoutError, ConnectionError) as e:
        raise _Retry(str(e) or e.__class__.__name__) from None
    except OSError as e:
        raise _Fail(str(e)) from None
    if length and length.isdigit() and done != int(length):
        raise _Retry(f"{done} of {length} bytes arrived")
    if "size" in entry and done != int(entry["size"]):
        raise _Fail(f"{done} bytes, the index says {entry['size']}")
    if "sha256" in entry and digest.hexdigest() != str(entry["sha256"]).lower():
        raise _Fail("the checksum differs from the index's sha256")


def install(
    store: ModelStore,
    source: str,
    target: str,
    say: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> list[Package]:
    """Install from the index what source→target needs (`entries_for`) into the store.
    Packages already installed at the index's version are not fetched again; each
    download goes to a temporary folder inside the store that is removed whatever
    happens, so an interrupted download leaves nothing behind."""
    say = say or (lambda _m: None)
    entries = entries_for(read_index(), source, target)
    if len(entries) > 1:
        route = " and ".join(f"{e['from_code']}→{e['to_code']}" for e in entries)
        say(f"the index has no {source}→{target} package: installing {route} (translated through English)")
    have = store.chosen()
    installed = []
    for e in entries:
        pair = (e["from_code"], e["to_code"])
        if pair in have and version_key(have[pair].version) >= version_key(
            str(e.get("package_version", "0"))
        ):
            say(f"{pair[0]}→{pair[1]}: {have[pair].name} is installed (version {have[pair].version})")
            installed.append(have[pair])
            continue
        store.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIXES[1]}{os.getpid()}-", dir=store.root))
        try:
            path, link = fetch(e, tmp / "package.argosmodel", progress)
            installed.append(store.install(path, replace=True, label=link))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        say(f"{pair[0]}→{pair[1]}: installed {installed[-1].name} from {link}")
    return installed
