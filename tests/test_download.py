"""Downloads from an Argos package index in the published format, served from files and
from a local HTTP server (tiny packages built here)."""

import hashlib
import http.server
import json
import os
import threading

import pytest
from conftest import run_cli
from translation.tiny_argos import build, metadata

from cleantext import download
from cleantext.store import ModelStore, StoreError


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    d = tmp_path_factory.mktemp("made")
    return {
        ("fr", "en"): build(d, "fr", "en", "1.9"),
        ("en", "it"): build(d, "en", "it", "1.0", layout="old"),
    }


def _index(tmp_path, made, links=None):
    """The public index's shape: no fr→it entry, fr→en and en→it with links (an ipfs://
    link too, as some entries have), and pairs cleantext does not need."""
    entries = []
    for (s, t), archive in made.items():
        entry = metadata(s, t, "1.9" if s == "fr" else "1.0", archive.as_uri())
        entry["links"] = (links or {}).get((s, t), entry["links"]) + ["ipfs://QmNotFetched"]
        entries.append(entry)
    entries.append(metadata("de", "en", "1.0"))
    path = tmp_path / "index.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def test_download_fr_it_installs_the_route_through_english_and_translates(tmp_path, made):
    index = _index(tmp_path, made)
    env = dict(os.environ, CLEANTEXT_ARGOS_INDEX=index.as_uri(), CLEANTEXT_MODELS=str(tmp_path / "store"))

    def cli(*args):
        return run_cli(*args, env=env)

    r = cli("models", "download", "fr", "it")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "no fr→it package: installing fr→en and en→it" in r.stdout
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == [
        "translate-en_it-1_0",
        "translate-fr_en-1_9",
    ]
    again = cli("models", "download", "fr", "it")  # nothing fetched twice
    assert again.returncode == 0 and again.stdout.count("is installed") == 2
    text = tmp_path / "a.txt"
    text.write_text("Le véhicule lui-même a été enlevé du lieu de l'accident vers midi le même jour.\n")
    r = cli("clean", str(text), "-o", str(tmp_path / "out"), "--engine", "argos")
    assert r.returncode == 0, r.stderr[-2000:]
    records = [json.loads(x) for x in (tmp_path / "out" / "a.jsonl").read_text().splitlines()]
    assert [g["engine"] for rec in records for g in rec["segments"] if g["language"] == "fr"] == ["argos"]
    r = cli("models", "download", "pt", "it")
    assert r.returncode == 1 and "no pt→it package and no route through English" in r.stderr


def test_a_dead_link_moves_on_to_the_next_and_checks_hold(tmp_path, made):
    store = ModelStore(tmp_path / "store")
    good = made[("fr", "en")].as_uri()
    entry = metadata("fr", "en", "1.9")
    entry["links"] = ["ipfs://QmX", (tmp_path / "gone.argosmodel").as_uri(), good]
    path, link = download.fetch(entry, tmp_path / "got.argosmodel")
    assert link == good and path.read_bytes() == made[("fr", "en")].read_bytes()
    entry["sha256"] = hashlib.sha256(b"something else").hexdigest()
    with pytest.raises(StoreError, match="checksum"):
        download.fetch(entry, tmp_path / "got2.argosmodel")
    del entry["sha256"]
    entry["size"] = 10
    with pytest.raises(StoreError, match="the index says 10"):
        download.fetch(entry, tmp_path / "got3.argosmodel")
    entry["links"] = ["ipfs://QmX"]
    with pytest.raises(StoreError, match="without a link cleantext can download"):
        download.fetch(entry, tmp_path / "got4.argosmodel")
    assert store.packages() == []


def test_an_interrupted_download_leaves_nothing_behind(tmp_path, made, monkeypatch):
    monkeypatch.setenv("CLEANTEXT_ARGOS_INDEX", _index(tmp_path, made).as_uri())
    monkeypatch.setattr(download, "CHUNK", 1024)
    store = ModelStore(tmp_path / "store")

    def interrupt(what, done, total):
        if done > 2048:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        download.install(store, "fr", "it", progress=interrupt)
    assert list(store.root.iterdir()) == []


class _Host(http.server.BaseHTTPRequestHandler):
    """A package host that refuses requests without a User-Agent (as the real one has)
    and fails the first request for each path with 503."""

    archive = b""
    seen: list = []

    def do_GET(self):  # noqa: N802
        agent = self.headers.get("User-Agent", "")
        self.seen.append((self.path, agent))
        if not agent.startswith("cleantext/"):
            self.send_error(403)
        elif sum(p == self.path for p, _ in self.seen) == 1:
            self.send_error(503)
        elif self.path == "/missing.argosmodel":
            self.send_error(404)
        else:
            self.send_response(200)
            self.send_header("Content-Length", str(len(self.archive)))
            self.end_headers()
            self.wfile.write(self.archive)

    def log_message(self, *args):
        pass


def test_http_download_sends_a_user_agent_retries_and_skips_a_missing_link(tmp_path, made, monkeypatch):
    monkeypatch.setattr(download, "RETRY_WAIT", 0.01)
    _Host.archive = made[("fr", "en")].read_bytes()
    _Host.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        entry = metadata("fr", "en", "1.9")
        entry["links"] = [f"{base}/missing.argosmodel", f"{base}/translate-fr_en-1_9.argosmodel"]
        seen = []
        path, link = download.fetch(entry, tmp_path / "p.argosmodel", lambda w, d, t: seen.append((d, t)))
        assert link.endswith("translate-fr_en-1_9.argosmodel")
        assert path.read_bytes() == _Host.archive
        assert seen[-1] == (len(_Host.archive), len(_Host.archive))  # progress knows the total
        paths = [p for p, _ in _Host.seen]
        assert paths.count("/missing.argosmodel") == 2  # 503, then 404: not tried a third time
        assert paths.count("/translate-fr_en-1_9.argosmodel") == 2  # 503, then the package
        store = ModelStore(tmp_path / "store")
        pkg = store.install(path, label=link)
        assert pkg.name == "translate-fr_en-1_9"
    finally:
        server.shutdown()


def test_an_unreachable_index_says_what_to_do_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANTEXT_ARGOS_INDEX", "http://127.0.0.1:9/index.json")
    with pytest.raises(StoreError, match="models install"):
        download.install(ModelStore(tmp_path / "store"), "fr", "it")


def test_an_index_or_a_package_without_bounds_is_refused_with_a_message(tmp_path, made, monkeypatch):
    """Issue 32, item 11: an index at file:///dev/zero grew memory until MemoryError; a
    package link with no size wrote without limit; odd fields gave tracebacks."""
    monkeypatch.setenv("CLEANTEXT_ARGOS_INDEX", "file:///dev/zero")
    monkeypatch.setattr(download, "MAX_INDEX_BYTES", 1 << 20)
    with pytest.raises(StoreError, match="larger than"):
        download.read_index()
    monkeypatch.setattr(download, "MAX_PACKAGE_BYTES", 1 << 20)
    entry = metadata("fr", "en", "1.9", "file:///dev/zero")
    entry.pop("size", None)
    with pytest.raises(StoreError, match="not an Argos package"):
        download.fetch(entry, tmp_path / "zero.argosmodel")
    odd = [
        {**metadata("fr", "en", "1.9", made[("fr", "en")].as_uri()), "to_code": ["x"]},
        {**metadata("fr", "en", "1.9", made[("fr", "en")].as_uri()), "size": "abc"},
        {**metadata("fr", "en", "1.9", made[("fr", "en")].as_uri()), "links": "not a list"},
        "not an entry",
        metadata("en", "it", "1.0", made[("en", "it")].as_uri()),
    ]
    index = tmp_path / "odd.json"
    index.write_text(json.dumps(odd), encoding="utf-8")
    monkeypatch.setenv("CLEANTEXT_ARGOS_INDEX", index.as_uri())
    assert [(e["from_code"], e["to_code"]) for e in download.read_index()] == [("en", "it")]
    r = run_cli("models", "download", "fr", "en", env={**os.environ, "CLEANTEXT_MODELS": str(tmp_path / "s")})
    assert r.returncode == 1 and "Traceback" not in r.stderr and "no fr→en package" in r.stderr, r.stderr
