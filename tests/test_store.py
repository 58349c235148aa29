"""The model store and the Argos engine, through the real code, with a tiny package."""

import json
import os
import stat
import subprocess
import sys
import zipfile

import pytest
from conftest import SAMPLES, run_cli
from translation.tiny_argos import build

from cleantext.store import ModelStore, StoreError
from cleantext.translation.argos import ArgosEngine


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    d = tmp_path_factory.mktemp("argos")
    return {
        ("fr", "it"): build(d, "fr", "it"),
        ("fr", "en"): build(d, "fr", "en"),
        ("en", "it"): build(d, "en", "it"),
    }


def _snapshot(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


def test_install_list_translate_remove(tmp_path, packages):
    store = ModelStore(tmp_path / "store")
    pkg = store.install(packages[("fr", "it")])
    assert (pkg.source, pkg.target) == ("fr", "it")
    assert [p.name for p in store.packages()] == [pkg.name]
    engine = ArgosEngine(store.root)
    assert engine.supports("fr", "it") and not engine.supports("de", "it")
    out = engine.translate(["la maison est grande", "", "le chat"], "fr", "it")
    assert len(out) == 3 and out[1] == "" and isinstance(out[0], str)
    store.remove(pkg.name)
    assert store.packages() == []
    assert not [p for p in store.root.iterdir() if p.name.startswith(".")]


def test_pivot_through_english(tmp_path, packages):
    store = ModelStore(tmp_path / "store")
    store.install(packages[("fr", "en")])
    store.install(packages[("en", "it")])
    engine = ArgosEngine(store.root)
    assert [p.target for p in engine.route("fr", "it")] == ["en", "it"]
    assert len(engine.translate(["la maison"], "fr", "it")) == 1


def test_installed_twice_needs_replace(tmp_path, packages):
    store = ModelStore(tmp_path / "store")
    store.install(packages[("fr", "it")])
    with pytest.raises(StoreError, match="already installed"):
        store.install(packages[("fr", "it")])
    store.install(packages[("fr", "it")], replace=True)
    assert len(store.packages()) == 1


def _evil(tmp_path, kind):
    path = tmp_path / f"{kind}.argosmodel"
    with zipfile.ZipFile(path, "w") as zf:
        meta = json.dumps({"from_code": "fr", "to_code": "it"})
        if kind == "escape":
            zf.writestr("pkg/metadata.json", meta)
            zf.writestr("pkg/../../evil.txt", "x")
        elif kind == "absolute":
            zf.writestr("/etc/evil.txt", "x")
            zf.writestr("metadata.json", meta)
        elif kind == "symlink":
            zf.writestr("pkg/metadata.json", meta)
            info = zipfile.ZipInfo("pkg/model")
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc")
        elif kind == "no-metadata":
            zf.writestr("pkg/model/model.bin", "x")
        elif kind == "bad-metadata":
            zf.writestr("pkg/metadata.json", "{not json")
        elif kind == "no-model":
            zf.writestr("pkg/metadata.json", meta)
        elif kind == "bomb":  # 64 MB of zeros in a few tens of KB
            zf.writestr("pkg/metadata.json", meta)
            zf.writestr("pkg/model/model.bin", b"\0" * (64 << 20), compress_type=zipfile.ZIP_DEFLATED)
        elif kind == "big-metadata":
            zf.writestr("pkg/metadata.json", meta[:-1] + ', "x": "' + " " * (2 << 20) + '"}')
        elif kind == "list-metadata":
            zf.writestr("pkg/metadata.json", "[1, 2]")
        elif kind == "file-and-folder":  # issue 32, item 12
            zf.writestr("pkg/metadata.json", meta)
            zf.writestr("pkg/model", "x")
            zf.writestr("pkg/model/model.bin", "x")
        elif kind == "long-name":
            zf.writestr("pkg/metadata.json", meta)
            zf.writestr("pkg/" + "m" * 300, "x")
    if kind == "bad-crc":  # a valid package whose compressed bytes were damaged
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("pkg/metadata.json", json.dumps({"from_code": "fr", "to_code": "it"}))
            zf.writestr("pkg/model/model.bin", b"weights " * 4000, compress_type=zipfile.ZIP_DEFLATED)
        data = bytearray(path.read_bytes())
        at = data.find(b"model.bin") + 200  # inside the deflated data of model.bin
        data[at] ^= 0xFF
        path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("escape", "escapes"),
        ("absolute", "absolute"),
        ("symlink", "symbolic link"),
        ("no-metadata", "no metadata.json"),
        ("bad-metadata", "invalid"),
        ("no-model", "no CTranslate2 model"),
        ("bomb", "zip bomb"),  # issue 17, item 5
        ("big-metadata", "metadata.json is over"),
        ("list-metadata", "not a JSON object"),
        ("bad-crc", "damaged or unsupported"),
        ("file-and-folder", "both a file and a folder"),
        ("long-name", "too long"),
    ],
)
def test_malicious_or_broken_packages_are_refused(tmp_path, packages, kind, message):
    store = ModelStore(tmp_path / "store")
    store.install(packages[("fr", "it")])
    before = _snapshot(store.root)
    with pytest.raises(StoreError, match=message):
        store.install(_evil(tmp_path, kind))
    assert _snapshot(store.root) == before
    assert not (tmp_path / "evil.txt").exists()


def test_not_a_zip(tmp_path):
    bad = tmp_path / "x.argosmodel"
    bad.write_text("hello")
    with pytest.raises(StoreError, match="not a readable"):
        ModelStore(tmp_path / "store").install(bad)


def test_cli_models(tmp_path, packages):
    env = dict(os.environ, CLEANTEXT_MODELS=str(tmp_path / "store"))

    def cli(*args):
        return run_cli("models", *args, env=env)

    r = cli("install", str(packages[("fr", "it")]))
    assert r.returncode == 0, r.stderr
    assert "fr→it" in cli("list").stdout
    r = cli("install", str(_evil(tmp_path, "escape")))
    assert r.returncode == 1 and "escapes" in r.stderr
    assert cli("remove", "translate-fr_it-0_1").returncode == 0
    r = cli("remove", "nothing")
    assert r.returncode == 1 and "no package named" in r.stderr


def test_pipeline_routes_to_argos_and_checks_its_output(tmp_path, packages, detector):
    from cleantext.pipeline import Pipeline, Settings

    store = ModelStore(tmp_path / "store")
    store.install(packages[("fr", "it")])
    p = Pipeline(Settings(engine="argos", models_dir=str(store.root)), detector=detector)
    doc = p.run("Le véhicule lui-même a été enlevé du lieu de l'accident vers midi le même jour.")
    seg = doc.sentences[0].segments[0]
    assert seg.engine == "argos"
    # the tiny model writes nonsense: the after-translation check keeps the source and says why
    assert seg.translation is None and seg.note.startswith("rejected")
    assert doc.sentences[0].text.startswith("Le véhicule")
    p.close()


def test_beam_and_threads_reach_the_argos_engine(tmp_path, packages):
    from cleantext.pipeline import Pipeline, Settings
    from cleantext.resume import Options

    store = ModelStore(tmp_path / "store")
    store.install(packages[("fr", "it")])
    p = Pipeline(Settings(engine="argos", models_dir=str(store.root), beam=4, threads=1))
    engine = p.router.engines[0]
    assert (engine.name, engine.beam_size, engine.threads) == ("argos", 4, 1)
    assert len(engine.translate(["bonjour le monde", "merci"], "fr", "it")) == 2
    p.close()
    # threads change how fast, not what: a rerun with other threads skips finished files
    assert Options(Settings(threads=1)).key() == Options(Settings(threads=2)).key()
    assert Options(Settings(beam=1)).key() != Options(Settings(beam=2)).key()
    with pytest.raises(ValueError, match="beam 0: must be 1 or more"):
        Settings(beam=0)

    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "cleantext",
            "clean",
            str(next(SAMPLES.glob("000_*.txt"))),
            "-o",
            str(tmp_path / "o"),
        ]
        + ["--engine", "argos", "--models", str(store.root), "--beam", "1", "--threads", "1"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    records = [
        json.loads(line) for f in (tmp_path / "o").glob("000_*.jsonl") for line in f.read_text().splitlines()
    ]
    assert [g["engine"] for rec in records for g in rec["segments"] if g["language"] == "fr"] == ["argos"]


def test_installed_packages_are_readable_by_other_users_and_remove_needs_a_name(tmp_path, packages):
    store = ModelStore(tmp_path / "store")
    pkg = store.install(packages[("fr", "it")])
    assert stat.S_IMODE(pkg.path.stat().st_mode) & 0o055 == 0o055  # not 0700
    assert stat.S_IMODE((pkg.path / "metadata.json").stat().st_mode) & 0o044 == 0o044
    for name in ("", " "):
        with pytest.raises(StoreError, match="no package named"):
            store.remove(name)
    assert store.packages() and not list(store.root.glob(".remove-*"))


def test_a_bpe_package_is_refused_at_install_naming_the_archive(tmp_path):
    archive = build(tmp_path, "fr", "it", bpe=True)
    store = ModelStore(tmp_path / "store")
    with pytest.raises(StoreError, match=r"BPE tokenizer") as e:
        store.install(archive)
    assert str(e.value).startswith(str(archive)) and ".install-" not in str(e.value)
    assert _snapshot(store.root) == []


def test_a_package_without_a_tokenizer_is_refused_naming_the_archive_not_a_temporary_folder(tmp_path):
    archive = tmp_path / "no-tokenizer.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("p/metadata.json", json.dumps({"from_code": "fr", "to_code": "it"}))
        zf.writestr("p/model/model.bin", b"x")
    with pytest.raises(StoreError) as e:
        ModelStore(tmp_path / "store").install(archive)
    assert str(e.value).startswith(str(archive)) and "no sentencepiece model" in str(e.value)
    assert ".install-" not in str(e.value)


def _argos_home(tmp_path, *archives):
    """argos-translate's package folder as it leaves it: each .argosmodel unzipped as is."""
    packages = tmp_path / "home" / ".local" / "share" / "argos-translate" / "packages"
    packages.mkdir(parents=True)
    for a in archives:
        with zipfile.ZipFile(a) as zf:
            zf.extractall(packages)
    return packages


def test_argos_translates_own_packages_are_read_newest_first_and_never_removed(tmp_path):
    made = tmp_path / "made"
    made.mkdir()
    theirs = _argos_home(
        tmp_path,
        build(made, "fr", "en", "1.9"),
        build(made, "fr", "en", "1.10"),  # compared as versions: 1.10 is the newer
        build(made, "en", "it", "1.0", layout="old"),
        build(made, "it", "en", "1.0", bpe=True),
    )
    store = ModelStore(tmp_path / "store", argos_dirs=[theirs])
    by_name = {p.name: p for p in store.packages()}
    assert {p.origin for p in by_name.values()} == {"argos-translate"}
    assert "BPE" in (by_name["translate-it_en-1_0"].problem or "")
    chosen = store.chosen()
    assert chosen[("fr", "en")].name == "translate-fr_en-1_10" and chosen[("en", "it")].name == "en_it"
    assert ("it", "en") not in chosen  # cannot run: not used
    engine = ArgosEngine(store.root)
    engine.store = store
    assert [p.name for p in engine.route("fr", "it")] == ["translate-fr_en-1_10", "en_it"]
    with pytest.raises(StoreError, match="argos-translate's package"):
        store.remove("en_it")
    assert (theirs / "en_it").is_dir()
    # a newer version in cleantext's own store wins; installing a newer one replaces the older
    store.install(build(made, "en", "it", "1.1"))
    assert store.chosen()[("en", "it")].origin == "cleantext"
    store.install(build(made, "en", "it", "1.2"))
    own = [p.name for p in store.packages() if p.origin == "cleantext"]
    assert own == ["translate-en_it-1_2"]


def test_argos_translates_folder_is_found_as_argos_translate_finds_it(tmp_path, monkeypatch):
    from cleantext.store import argos_package_dirs

    for var in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert argos_package_dirs() == [tmp_path / ".local" / "share" / "argos-translate" / "packages"]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert argos_package_dirs() == [tmp_path / "data" / "argos-translate" / "packages"]
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert argos_package_dirs() == [tmp_path / "from-settings"]
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    assert argos_package_dirs() == [tmp_path / "from-env"]


def test_a_users_argos_home_is_used_without_models(tmp_path):
    """A fake home with argos-translate's packages: `clean` translates French with them
    (through English), `models list` shows where they are, `models remove` leaves them."""
    made = tmp_path / "made"
    made.mkdir()
    _argos_home(tmp_path, build(made, "fr", "en", "1.9"), build(made, "en", "it", "1.0", layout="old"))
    env = {k: v for k, v in os.environ.items() if k not in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME")}
    env.update(HOME=str(tmp_path / "home"), CLEANTEXT_MODELS=str(tmp_path / "own-store"))

    def cli(*args):
        return run_cli(*args, env=env)

    listed = cli("models", "list").stdout
    assert "argos-translate's packages (read only)" in listed
    assert "argos fr→it: fr→en (translate-fr_en-1_9) then en→it (en_it)" in listed, listed
    r = cli("models", "remove", "en_it")
    assert r.returncode == 1 and "argos-translate's package" in r.stderr
    text = tmp_path / "a.txt"
    text.write_text("Le véhicule lui-même a été enlevé du lieu de l'accident vers midi le même jour.\n")
    r = cli("clean", str(text), "-o", str(tmp_path / "out"), "--engine", "argos")
    assert r.returncode == 0, r.stderr[-2000:]
    records = [json.loads(x) for x in (tmp_path / "out" / "a.jsonl").read_text().splitlines()]
    assert [g["engine"] for rec in records for g in rec["segments"] if g["language"] == "fr"] == ["argos"]


def test_a_package_installed_after_a_run_makes_the_rerun_translate_again(tmp_path, packages):
    """Resume skips files done with the same options: the Argos packages a run would use
    are part of them, so a rerun after `models install` does not keep the old output."""
    from cleantext.pipeline import Settings
    from cleantext.resume import Options

    settings = Settings(models_dir=str(tmp_path / "store"))
    apertium = Settings(models_dir=str(tmp_path / "store"), engine="apertium")
    before, before_apertium = Options(settings).key(), Options(apertium).key()
    ModelStore(tmp_path / "store").install(packages[("fr", "it")])
    assert Options(settings).key() != before
    assert Options(apertium).key() == before_apertium  # a run that does not use Argos: unchanged


def test_concurrent_installs_of_one_package_take_turns(tmp_path, packages):
    """Issue 32, item 12: two installs of one package at once failed with tracebacks (4 of 4;
    with --replace 4 of 6). The store is locked: one installs, the other says it is there."""
    import subprocess
    import sys

    store = tmp_path / "store"
    env = {**os.environ, "CLEANTEXT_MODELS": str(store)}
    archive = str(packages[("fr", "it")])
    for extra in ([], ["--replace"]):
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "cleantext", "models", "install", archive, *extra],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(4)
        ]
        results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
        assert not [err for _, err in results if "Traceback" in err]
        if extra:
            assert all(code == 0 for code, _ in results), results
        else:
            assert all(code == 0 or "already installed" in err for code, err in results), results
    assert [p.name for p in ModelStore(store).packages()] == ["translate-fr_it-0_1"]
    assert not [p for p in store.iterdir() if p.name.startswith(".")]


def test_a_killed_install_leaves_no_folder_behind_for_long(tmp_path, packages):
    """Issue 32, item 12: kill -9 during an install left a hidden .install-* folder nothing
    removed. The next install removes the folders of processes that are gone."""
    store = ModelStore(tmp_path / "store")
    store.root.mkdir()
    dead = 2**22 + 7  # above the default pid_max: no such process
    for prefix in (".install-", ".download-", ".old-", ".remove-"):
        (store.root / f"{prefix}{dead}-abc").mkdir()
    mine = store.root / f".download-{os.getpid()}-live"  # this process's download in progress
    mine.mkdir()
    store.install(packages[("fr", "it")])
    assert sorted(p.name for p in store.root.iterdir()) == [mine.name, "translate-fr_it-0_1"]


def test_the_store_of_an_installed_package_is_in_the_users_data_folder(tmp_path, monkeypatch):
    """Issue 35: in a wheel install the store was site-packages/language_models, lost on
    reinstall. A checkout keeps its language_models/; $CLEANTEXT_MODELS wins over both."""
    from cleantext.store import default_store

    monkeypatch.delenv("CLEANTEXT_MODELS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    installed = tmp_path / "site-packages" / "cleantext"
    installed.mkdir(parents=True)
    assert default_store(installed) == tmp_path / "data" / "cleantext" / "language_models"
    checkout = tmp_path / "repo"
    (checkout / "cleantext").mkdir(parents=True)
    (checkout / "pyproject.toml").write_text("[project]\n", "utf-8")
    assert default_store(checkout / "cleantext") == checkout / "language_models"
    monkeypatch.setenv("CLEANTEXT_MODELS", str(tmp_path / "mine"))
    assert default_store(installed) == tmp_path / "mine"
