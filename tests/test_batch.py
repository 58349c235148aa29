"""Batch runs: output formats, resume, kills, workers, shards, the HTML report."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import DEV, SAMPLE_FILES, SAMPLES, FakeEngine, run_cli

from cleantext.jobs import UsageError, parse_shard, plan
from cleantext.pipeline import Settings
from cleantext.resume import Options
from cleantext.runner import InProcess, run

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory, pipeline):
    out = tmp_path_factory.mktemp("out")
    opts = Options(pipeline.settings, ("txt", "jsonl", "tsv", "tmx"), tmx_sentences=True)
    summary = run(plan([SAMPLES], out), out, opts, pipeline=pipeline)
    assert not summary.errors and summary.files == SAMPLE_FILES
    return out


def test_tsv_is_line_aligned_source_and_text(seed_outputs):
    rows = [line.split("\t") for line in (seed_outputs / "004_2f9d6d6e3bb87fa9.tsv").read_text().splitlines()]
    assert all(len(r) == 2 for r in rows)
    recs = [json.loads(x) for x in (seed_outputs / "004_2f9d6d6e3bb87fa9.jsonl").read_text().splitlines()]
    kept = [r for r in recs if r["dropped"] is None]
    assert rows == [[r["source"], r["text"]] for r in kept]


def test_tmx_parses_back_with_span_and_sentence_units(seed_outputs):
    root = ET.parse(seed_outputs / "000_044d616776e3b60f.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang")
    units = root.findall("body/tu")
    phrases = [u for u in units if u.get("segtype") == "phrase"]
    sentences = [u for u in units if u.get("segtype") == "sentence"]
    assert phrases and sentences
    langs = {tuple(t.get(XML_LANG) for t in u.findall("tuv")) for u in phrases}
    assert ("fr", "it") in langs
    fr = next(u for u in phrases if u.findall("tuv")[0].get(XML_LANG) == "fr")
    assert fr.findall("tuv")[0].find("seg").text.startswith("Confrontee")
    assert "sanzioni" in fr.findall("tuv")[1].find("seg").text


def test_resume_skips_complete_outputs_and_redoes_changed_inputs(tmp_path, pipeline):
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src)
    out = tmp_path / "out"
    jobs = plan([src], out)
    assert run(jobs, out, pipeline=pipeline).files == SAMPLE_FILES
    again = run(jobs, out, pipeline=pipeline)
    assert (again.files, again.skipped) == (0, SAMPLE_FILES)
    (src / "000_044d616776e3b60f.txt").write_text("Un testo nuovo .", encoding="utf-8")
    (out / "001_b8ea717ec7a7f5de.txt").unlink()  # an output went missing
    third = run(jobs, out, pipeline=pipeline)
    assert (third.files, third.skipped) == (2, SAMPLE_FILES - 2)
    assert (out / "000_044d616776e3b60f.txt").read_text() == "Un testo nuovo.\n"
    assert run(jobs, out, pipeline=pipeline, force=True).files == SAMPLE_FILES
    other = run(jobs, out, Options(Settings(translate=False)), pipeline=pipeline)
    assert other.files == SAMPLE_FILES  # other settings, other outputs


class _Spy:
    """An executor that records the jobs it is handed and runs them in this process."""

    workers = 2

    def __init__(self, pipeline) -> None:
        self.handed: list[list[str]] = []
        self.pipeline = pipeline

    def map(self, task, chunks):
        self.handed.append([j.rel for c in chunks for j in c])
        task.pipeline = self.pipeline
        for chunk in chunks:
            yield from task.process(chunk)


def test_a_rerun_hands_only_unfinished_files_to_the_executor(tmp_path, pipeline):
    """Files already done are found before any worker starts: a rerun with nothing to do
    starts no pool, engine or Ray cluster, and one with a changed file hands over that file."""
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src)
    out = tmp_path / "out"
    jobs = plan([src], out)
    spy = _Spy(pipeline)
    assert run(jobs, out, executor=spy).files == SAMPLE_FILES
    assert run(jobs, out, executor=spy).skipped == SAMPLE_FILES
    changed = jobs[1]
    changed.source.write_text("Un testo cambiato .", encoding="utf-8")
    third = run(jobs, out, executor=spy)
    assert (third.files, third.skipped) == (1, SAMPLE_FILES - 1)
    assert spy.handed == [[j.rel for j in jobs], [changed.rel]]  # the second run: not called
    assert run(jobs, out, executor=spy, force=True).files == SAMPLE_FILES
    assert spy.handed[-1] == [j.rel for j in jobs]


def test_a_killed_run_leaves_no_partial_output_and_the_rerun_finishes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    docs = sorted((DEV / "docs").glob("*.txt"))  # enough that the kill lands mid-run
    for d in docs:
        shutil.copy(d, src / d.name)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-q", "--no-translate"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = out / ".cleantext-state.jsonl"

    def finished_count():
        return len(state.read_text().splitlines()) if state.exists() else 0

    deadline = time.time() + 60
    while time.time() < deadline and finished_count() < 10:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = finished_count()
    assert 10 <= finished < len(docs), "the run should have been killed midway"
    for txt in out.glob("*.txt"):  # every output present is complete (valid JSONL beside it)
        for line in txt.with_suffix(".jsonl").read_text().splitlines():
            json.loads(line)
    logged = [json.loads(line)["rel"] for line in state.read_text().splitlines()]
    stamps = {rel: (out / f"{rel}.txt").stat().st_mtime_ns for rel in logged}
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert len(list(out.glob("*.txt"))) == len(docs)
    assert all((out / f"{rel}.txt").stat().st_mtime_ns == t for rel, t in stamps.items())  # not redone
    assert not list(out.rglob("*.part"))


def test_two_workers_write_the_same_bytes_as_one(tmp_path, pipeline):
    docs = sorted((DEV / "docs").glob("*.txt"))[:24]
    src = tmp_path / "in"
    src.mkdir()
    for d in docs:
        shutil.copy(d, src / d.name)
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        # one worker: this process, with the suite's pipeline (default settings, as the pool's)
        shared = pipeline if workers == 1 else None
        s = run(plan([src], out), out, Options(Settings()), pipeline=shared, workers=workers)
        assert s.files == len(docs) and not s.errors
        outs.append(out)
    files = sorted(f for f in outs[0].glob("*.*") if f.is_file() and not f.name.startswith("."))
    assert len(files) == 2 * len(docs)
    for f in files:
        assert f.read_bytes() == (outs[1] / f.name).read_bytes(), f.name


def test_shards_partition_the_inputs(tmp_path):
    jobs = plan([DEV / "docs"], tmp_path / "out")
    parts = [plan([DEV / "docs"], tmp_path / "out", shard=(i, 3)) for i in (1, 2, 3)]
    names = [j.rel for p in parts for j in p]
    assert sorted(names) == sorted(j.rel for j in jobs)
    assert all(parts)
    with pytest.raises(UsageError):
        parse_shard("4/3")


def test_report_renders_in_headless_chromium(tmp_path, seed_outputs):
    from cleantext.report import write_report

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is installed by scripts/setup.sh --dev"
    page = tmp_path / "report.html"
    docs = [
        (f.stem, [json.loads(x) for x in f.read_text("utf-8").splitlines()])
        for f in sorted(seed_outputs.glob("[!.]*.jsonl"))
    ]
    write_report(page, docs, None, "seeds")
    html = page.read_text()
    assert "<del" in html and "boilerplate: comment form" in html and "<mark class='fr'" in html

    def headless(*args, profile):
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ]
        return subprocess.run(
            [chromium, *flags, f"--user-data-dir={tmp_path / profile}", *args, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
        )

    shot = tmp_path / "shot.png"
    r = headless("--window-size=1000,2000", f"--screenshot={shot}", profile="p1")
    assert shot.is_file() and shot.stat().st_size > 10_000, r.stderr[-2000:]
    dom = headless("--dump-dom", profile="p2").stdout
    assert "LEAVE A REPLY" in dom and "Confrontee" in dom


def test_cli_formats_and_bad_format(tmp_path):
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "cleantext",
            "clean",
            str(SAMPLES),
            "-o",
            str(tmp_path / "o"),
            "--format",
            "pdf",
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2 and "pdf" in r.stderr


def test_unwritable_output_fails_at_the_start(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    targets = [blocker / "out"]
    if os.geteuid() != 0:  # root writes through permissions; a file in the way stops everyone
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        targets.append(ro / "out")
    for target in targets:
        r = subprocess.run(
            [sys.executable, "-m", "cleantext", "clean", str(SAMPLES), "-o", str(target)],
            capture_output=True,
            text=True,
        )
        assert r.returncode == 2 and "not writable" in r.stderr


def _clean_help() -> str:
    """`cleantext clean --help` on a wide terminal."""
    r = subprocess.run(
        [sys.executable, "-m", "cleantext", "clean", "--help"],
        capture_output=True,
        text=True,
        env=dict(os.environ, COLUMNS="250"),
    )
    assert r.returncode == 0
    return r.stdout


def test_clean_help_explains_the_executors():
    shown = _clean_help()
    for text in ("--executor", "--address", "--workers", "pip install 'cleantext-it[ray]'", "--beam"):
        assert text in shown, text


def test_help_paragraphs_are_wrapped_to_the_terminal_not_to_the_source():
    """--help wraps each paragraph of a command's help to the terminal's width (a docstring's
    own line breaks, kept by rich, left every other line short at 80 columns)."""
    shown = _clean_help()
    assert "same input, options and versions of cleantext, of the libraries" in shown
    assert "Exit code 130: interrupted" in shown


def test_cli_report_shows_this_runs_documents_without_forcing_jsonl(tmp_path):
    out, page = tmp_path / "out", tmp_path / "run.html"
    cmd = [sys.executable, "-m", "cleantext", "clean", str(SAMPLES), "-o", str(out), "-q", "--no-translate"]
    r = subprocess.run(
        [*cmd, "--format", "txt", "--report", str(page), "-j", "2"], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr[-2000:]
    html = page.read_text("utf-8")
    assert html.count("<h2>") == SAMPLE_FILES and "boilerplate: comment form" in html
    assert not list(out.glob("[!.]*.jsonl"))  # only what --format asked for


def test_an_up_to_date_rerun_reports_what_out_holds_with_an_index(tmp_path):
    """Issue 35: a rerun where every file was up to date wrote an empty report, and 200
    documents made one long page with no index or filter (200 dev documents; the index is
    read back from headless Chromium's DOM)."""
    src = tmp_path / "in"
    src.mkdir()
    for d in sorted((DEV / "docs").glob("*.txt"))[:200]:
        shutil.copy(d, src / d.name)
    out, page = tmp_path / "out", tmp_path / "run.html"
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-q", "--no-translate"]
    assert subprocess.run(cmd, capture_output=True, text=True).returncode == 0
    r = subprocess.run([*cmd, "--report", str(page)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    html = page.read_text("utf-8")
    assert html.count("<section id=") == 200 and html.count("<tr><td><a href='#d") == 200
    assert "id='only-translated'" in html and "class='changed" in html
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is installed by scripts/setup.sh --dev"
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    assert dom.count('href="#d') == 200 and "200 documents" in dom


def test_two_shards_into_one_out_at_once_lose_nothing(tmp_path):
    """Issue 17, item 2: each run removed every temporary file in OUT (another run's work in
    progress) and rewrote the resume log from its own view. Now a run removes only leftovers
    of dead processes of this machine, and the log is appended and compacted under a lock."""
    src = tmp_path / "in"
    src.mkdir()
    docs = sorted((DEV / "docs").glob("*.txt"))[:120]
    for d in docs:
        shutil.copy(d, src / d.name)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".doc0000.txt.~elsewhere-1~abc.part").write_text("another machine's work in progress")
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-q", "--no-translate"]
    procs = [
        subprocess.Popen(
            [*cmd, "--shard", f"{i}/2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        for i in (1, 2)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
    state = [json.loads(x)["rel"] for x in (out / ".cleantext-state.jsonl").read_text().splitlines()]
    assert sorted(state) == sorted(d.stem for d in docs)  # both runs' entries, once each
    assert (out / ".doc0000.txt.~elsewhere-1~abc.part").exists()  # not ours to remove
    again = subprocess.run(cmd, capture_output=True, text=True)
    assert again.returncode == 0 and not [p for p in out.glob("*.part") if "elsewhere" not in p.name]
    assert len(list(out.glob("[!.]*.txt"))) == len(docs)


def _descendants(pid: int, depth: int = 99) -> set[int]:
    """Every process below `pid`, `depth` levels down (own sessions included: the ppid chain
    still links them)."""
    rows = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout.split("\n")
    children: dict[int, list[int]] = {}
    for row in rows:
        if row.strip():
            p, pp = (int(x) for x in row.split())
            children.setdefault(pp, []).append(p)
    out, level = set(), [pid]
    for _ in range(depth):
        level = [c for p in level for c in children.get(p, [])]
        out.update(level)
    return out


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"  # a zombie has ended
    except OSError:
        return False


def _cmd(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        return "?"


def _jobs_2_run(tmp_path: Path, logged: int) -> tuple[subprocess.Popen, Path, Path, list[Path]]:
    """`clean -j 2` on 40 dev documents (enough that a signal lands mid-run), returned once
    `logged` of them are in the resume log: (process, OUT, the log, the documents)."""
    src = tmp_path / "in"
    src.mkdir()
    docs = sorted((DEV / "docs").glob("*.txt"))[:40]
    for d in docs:
        shutil.copy(d, src / d.name)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-j", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    state = out / ".cleantext-state.jsonl"
    deadline = time.time() + 120
    while time.time() < deadline and (not state.exists() or len(state.read_text().splitlines()) < logged):
        time.sleep(0.05)
    return proc, out, state, docs


def _left_running(pids: set[int], seconds: float) -> dict[int, str]:
    """Those of `pids` still running after up to `seconds` (their command lines)."""
    deadline = time.time() + seconds
    while (alive := {p: _cmd(p) for p in pids if _running(p)}) and time.time() < deadline:
        time.sleep(0.05)
    return alive


def test_sigterm_to_a_jobs_2_run_stops_workers_and_engines_and_keeps_what_finished(tmp_path):
    """Issue 17, item 6: `kill PID` left the workers, the forkserver and their Apertium
    chains running, and files finished after the signal out of the resume log."""
    proc, out, state, docs = _jobs_2_run(tmp_path, logged=10)
    below = _descendants(proc.pid)
    assert below, "the run should have workers by now"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err, err[-2000:]
    alive = _left_running(below, 5)  # the last of them may still be on its way out
    assert not alive, f"left running: {alive}"
    logged = [json.loads(x)["rel"] for x in state.read_text().splitlines()]
    assert 10 <= len(logged) < len(docs)
    for rel in logged:  # complete outputs (a rerun resumes from them: the SIGKILL test above)
        assert (out / f"{rel}.txt").is_file()
        assert all(json.loads(x) for x in (out / f"{rel}.jsonl").read_text().splitlines())


def test_sigkill_to_the_parent_of_a_jobs_2_run_ends_its_workers_and_engines(tmp_path):
    """Issue 32, item 1: kill -9 of the parent (the OOM killer, a scheduler) left the pool's
    workers and their Apertium chains running, writing outputs no resume log records."""
    proc, _, _, _ = _jobs_2_run(tmp_path, logged=5)
    below = _descendants(proc.pid)
    assert below, "the run should have workers by now"
    proc.kill()
    proc.wait()
    proc.stderr.close()
    alive = _left_running(below, 15)
    assert not alive, f"left running: {alive}"


def test_a_worker_killed_by_the_oom_killer_does_not_end_the_run(tmp_path):
    """Issue 17, item 6: a worker killed mid-run (SIGKILL, as the OOM killer sends) aborted
    the run with a BrokenProcessPool traceback. Its batches run again in a fresh pool."""
    src = tmp_path / "in"
    src.mkdir()
    for d in sorted((DEV / "docs").glob("*.txt")):  # 231, in chunks of 28: most still to run at the kill
        shutil.copy(d, src / d.name)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-j", "2", "--no-translate"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    state = out / ".cleantext-state.jsonl"
    deadline = time.time() + 120
    while time.time() < deadline and (not state.exists() or len(state.read_text().splitlines()) < 10):
        time.sleep(0.05)
    forkserver = next(p for p in _descendants(proc.pid, depth=1) if "forkserver" in _cmd(p))
    workers = [p for p in _descendants(forkserver, depth=1) if _running(p)]
    os.kill(max(workers), signal.SIGKILL)  # a worker (not its Apertium chains)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "Traceback" not in err, err[-3000:]
    assert len(list(out.rglob("[!.]*.txt"))) == 231


class _KilledMidWrite:
    """An executor whose first worker was killed while writing a document: its temporary
    file stays behind, and the batch runs again in this process."""

    workers = 1

    def __init__(self, out: Path) -> None:
        self.out = out

    def map(self, task, chunks):
        dead = subprocess.Popen(["true"])
        dead.wait()
        part = self.out / f".doc0000.txt.~{socket.gethostname()}-{dead.pid}~0123456789.part"
        part.write_text("half a docum")
        return InProcess().map(task, chunks)


def test_a_worker_killed_mid_write_leaves_no_temporary_file(tmp_path, pipeline):
    """The OOM killer ends a worker (a Ray actor, a pool process) between writing a part and
    renaming it: its batch runs again, and the run removes what the dead worker left (a Ray
    run left four hidden '.doc0004.*.part' files beside the complete outputs)."""
    src = tmp_path / "in"
    src.mkdir()
    for d in sorted((DEV / "docs").glob("*.txt"))[:3]:
        shutil.copy(d, src / d.name)
    out = tmp_path / "out"
    out.mkdir()
    mine = out / ".doc0001.txt.~elsewhere-1~abc.part"  # another machine's work in progress
    mine.write_text("…")
    opts = Options(pipeline.settings, ("txt",))
    summary = run(plan([src], out), out, opts, pipeline=pipeline, executor=_KilledMidWrite(out))
    assert not summary.errors and summary.files == 3
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".cleantext-state.jsonl", mine.name, "doc0000.txt", "doc0001.txt", "doc0002.txt"]
    )


def _documents(src: Path, n: int) -> Path:
    """`n` short documents, each with an English sentence (own text)."""
    src.mkdir()
    for k in range(n):
        (src / f"d{k:03d}.txt").write_text(
            f"Il documento numero {k} parla di politica. The government has announced new measures today.\n",
            encoding="utf-8",
        )
    return src


class _Waits(FakeEngine):
    """Translates into upper case, but only once the last document (in the second batch) is being
    prepared (or after 10 s): the translation must run beside the preparation."""

    def __init__(self) -> None:
        self.next_batch = threading.Event()
        self.overlapped: list[bool] = []
        self.threads: set[str] = set()

    def translate(self, texts, source, target):
        self.threads.add(threading.current_thread().name)
        if not self.overlapped:
            self.overlapped.append(self.next_batch.wait(10))
        return [t.upper() for t in texts]


def test_a_batch_is_translated_while_the_next_one_is_prepared(tmp_path, detector):
    """Translation runs in a thread, batch by batch: the first batch's spans wait in the
    engine until the second batch is being read and prepared; every document is written,
    its spans translated."""
    from cleantext import runner
    from cleantext.pipeline import Pipeline
    from cleantext.translation.route import Router

    n = runner.BATCH + 3
    src = _documents(tmp_path / "in", n)
    engine = _Waits()
    pipeline = Pipeline(Settings(), detector=detector, router=Router([engine], "it", ()))
    prepare = pipeline.prepare
    seen = []

    def spy(data, path=None, corpus=None):
        seen.append(path)
        if len(seen) == n:  # two batches: the last document is in the second
            engine.next_batch.set()
        return prepare(data, path, corpus)

    pipeline.prepare = spy
    out = tmp_path / "out"
    summary = run(plan([src], out), out, pipeline=pipeline)
    assert summary.files == n and not summary.errors
    assert engine.overlapped == [True]
    assert engine.threads and threading.current_thread().name not in engine.threads
    texts = [p.read_text("utf-8") for p in sorted(out.glob("*.txt"))]
    assert len(texts) == n and all("THE GOVERNMENT HAS ANNOUNCED" in t for t in texts)


def test_a_failure_while_translating_a_batch_is_not_lost(tmp_path, detector):
    from cleantext import runner
    from cleantext.pipeline import Pipeline

    src = _documents(tmp_path / "in", runner.BATCH + 3)  # the first batch goes to the thread
    pipeline = Pipeline(Settings(), detector=detector)

    def broken(prepared):
        raise RuntimeError("the batch could not be finished")

    pipeline.finish = broken
    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="could not be finished"):
        run(plan([src], out), out, pipeline=pipeline)
    assert not list(out.glob("*.txt"))


def test_upgrading_a_library_that_decides_the_output_redoes_the_files(monkeypatch):
    """The resume key holds the versions of the libraries whose data decide what a file
    becomes (wordfreq's frequencies, ftfy's rules, lingua's models…) and, when Apertium
    translates, of its installed pairs: after an upgrade, a rerun does the files again."""
    import importlib.metadata

    from cleantext import resume

    settings = Settings()
    key = Options(settings).key()
    real = importlib.metadata.version
    asked = []
    monkeypatch.setattr(importlib.metadata, "version", lambda name: asked.append(name) or real(name))
    assert Options(settings).key() == key  # the same installation, the same key
    assert not asked  # read once per process: the versions of the modules it runs with

    def newer_wordfreq(name):
        return "99.0" if name == "wordfreq" else real(name)

    monkeypatch.setattr(importlib.metadata, "version", newer_wordfreq)
    resume._libraries.cache_clear()  # as a new process after the upgrade
    assert Options(settings).key() != key
    monkeypatch.setattr(importlib.metadata, "version", real)
    resume._libraries.cache_clear()
    monkeypatch.setattr(resume, "_apertium_packages", lambda: ["apertium-fr-es=9.9"])
    assert Options(settings).key() != key
    assert Options(Settings(translate=False)).key() == Options(Settings(translate=False)).key()


def test_version_is_printed_as_cli_tools_do():
    """Issue 35: `cleantext --version` said "No such option"."""
    from cleantext import __version__

    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"cleantext {__version__}"


def test_verbose_says_what_became_of_each_file_and_errors_come_in_one_style(tmp_path):
    """Issue 35: only -q existed (no -v, no --log-level); usage errors came boxed, others as
    `error:` lines; shell completion was turned off."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Il governo ha parlato ieri sera.\n\nHome | Politica | Esteri\n", "utf-8")
    r = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--no-translate", "-v")
    assert r.returncode == 0 and "cleantext: " + str(src / "a.txt") + ": 2 sentences, 1 dropped" in r.stderr
    again = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--no-translate", "--log-level", "INFO")
    assert str(src / "a.txt") + ": up to date" in again.stderr
    assert "up to date" not in run_cli("clean", str(src), "-o", str(tmp_path / "out"), "-q").stderr
    for args in (
        ["clean", str(src)],
        ["clean", str(src), "-o", "x", "--bogus"],
        ["clean", "--log-level", "x"],
    ):
        bad = run_cli(*args)
        assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "╭" not in bad.stderr, args
    assert "--install-completion" in run_cli("--help").stdout


def test_progress_comes_as_lines_when_stderr_is_not_a_terminal(tmp_path):
    """Issue 35: under nohup, CI or a scheduler (stderr not a terminal) a long batch printed
    nothing until the end. A line comes every 30 s and at the last file; -q keeps quiet."""
    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):
        (src / f"d{k}.txt").write_text(f"Il governo numero {k} ha parlato ieri sera.\n", encoding="utf-8")
    r = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--no-translate")
    assert r.returncode == 0 and "cleaning: 3/3 files" in r.stderr, r.stderr[-800:]
    quiet = run_cli("clean", str(src), "-o", str(tmp_path / "out2"), "--no-translate", "-q")
    assert "files," not in quiet.stderr


def test_stats_are_written_as_json_and_may_not_replace_an_output(tmp_path):
    """Issue 35: no machine-readable summary (datatrove writes stats; here only the table)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("ilIl governo ha detto .\n\nSeguici su Facebook\n", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate", "--stats", str(tmp_path / "stats.json"))
    assert r.returncode == 1
    stats = json.loads((tmp_path / "stats.json").read_text("utf-8"))
    assert stats["files"] == 1 and stats["sentences"] >= 1 and stats["fixes"]["doubled_prefix"] == 1
    assert [e["file"] for e in stats["errors"]] == [str(src / "bad.txt")]
    refused = run_cli("clean", str(src), "-o", str(out), "--stats", str(out / "a.jsonl"))
    assert refused.returncode == 2 and "--stats" in refused.stderr
