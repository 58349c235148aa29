"""The Ray executor: same outputs as a local run, resume, per-file errors, the batch API."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEV, SAMPLE_FILES, SAMPLES, run_cli

from cleantext.jobs import UsageError, count_corpus, plan
from cleantext.resume import Options
from cleantext.runner import run

ray = pytest.importorskip("ray", reason="the [ray] extra is not installed")
# one Ray at a time on this machine: the test command runs a module in one worker
# (-n auto --dist loadscope), so these tests never run side by side

FORMATS = "txt,jsonl,tsv,tmx"
N = SAMPLE_FILES + 6  # the samples and 6 dev documents (and a broken file)


def cli(*args: str) -> subprocess.CompletedProcess:
    return run_cli("clean", *args, timeout=600)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds plus 6 dev-benchmark documents, in two folders, and one file that is no text."""
    root = tmp_path_factory.mktemp("in")
    shutil.copytree(SAMPLES, root / "seeds")
    (root / "dev").mkdir()
    for f in sorted((DEV / "docs").glob("*.txt"))[:6]:
        shutil.copy(f, root / "dev" / f.name)
    (root / "dev" / "broken.txt").write_bytes(b"\x00\x01PNG\x00" * 200)
    return root


@pytest.fixture(scope="module")
def ray_run(corpus, tmp_path_factory):
    """The corpus through `--executor ray` on a Ray the CLI starts and stops itself (no
    cluster given), two actors, once for the module (each Ray start costs seconds). One
    actor is SIGKILLed midway, as the out-of-memory killer would: its batch runs again on
    a fresh actor, and the outputs must still be a local run's, byte for byte."""
    import signal
    import time

    out = tmp_path_factory.mktemp("ray")
    args = [str(corpus), "-o", str(out), "--format", FORMATS, "--tmx-sentences", "--executor", "ray"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleantext", "clean", *args, "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    state = out / ".cleantext-state.jsonl"
    deadline = time.time() + 300
    while time.time() < deadline and (not state.exists() or len(state.read_text().splitlines()) < 3):
        time.sleep(0.05)
    actors = [p for p in _pids() if _cmdline(p).startswith("ray::_Actor")]
    assert actors, "the run should have actors by now"
    os.kill(actors[0], signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=600)
    return out, subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def test_ray_outputs_match_a_local_run_byte_for_byte(corpus, ray_run, tmp_path, pipeline):
    distributed, r = ray_run
    local = tmp_path / "local"
    jobs = plan([corpus], local)
    corpus_lines = count_corpus(jobs, pipeline.settings)  # the counting pass, as the CLI runs it
    opts = Options(pipeline.settings, tuple(FORMATS.split(",")), tmx_sentences=True, corpus=corpus_lines)
    summary = run(jobs, local, opts, pipeline=pipeline)
    assert summary.files == N and len(summary.errors) == 1

    assert r.returncode == 1, r.stderr[-3000:]  # the broken file fails alone
    assert "broken.txt" in r.stderr and "binary" in r.stderr
    assert f"{N} cleaned" in r.stderr and "apertium" in r.stderr  # the summary table
    got, want = tree(distributed), tree(local)
    assert got.keys() == want.keys() and len(got) == N * 4 + 1  # + the state log
    # (a Ray rerun resumes: test_joining_an_existing_cluster_leaves_it_running)
    assert got == want, _first_difference(got, want) + "\n" + _warnings(r.stderr)


def _first_difference(got: dict[str, bytes], want: dict[str, bytes]) -> str:
    """The first file that differs and its first differing lines, Ray's then the local run's."""
    for name in sorted(want):
        if got[name] != want[name]:
            pairs = zip(got[name].splitlines(), want[name].splitlines(), strict=False)
            line = next((f"ray:   {a!r}\nlocal: {b!r}" for a, b in pairs if a != b), "(lengths differ)")
            return f"{name}:\n{line[:3000]}"
    return ""


def _warnings(stderr: str) -> str:
    """What the Ray run warned of (a chain restarted or given up would explain a difference)."""
    return "\n".join(line for line in stderr.splitlines() if "warning" in line.lower() or "given up" in line)


def test_unknown_executor_and_missing_ray_are_clear(tmp_path, monkeypatch):
    with pytest.raises(UsageError, match="unknown executor 'spark'"):
        run(plan([SAMPLES], tmp_path / "o"), tmp_path / "o", executor="spark")
    r = cli(str(SAMPLES), "-o", str(tmp_path / "o"), "--executor", "spark")
    assert r.returncode == 2 and "'spark' is not one of 'local', 'ray'" in r.stderr
    for args, env in (
        (["--address", "127.0.0.1:1"], {}),  # nothing listens there: seconds, not Ray's long retries
        ([], {"RAY_ADDRESS": "127.0.0.1:1"}),
    ):
        r = subprocess.run(
            [sys.executable, "-m", "cleantext", "clean", str(SAMPLES), "-o", str(tmp_path / "o")]
            + ["--executor", "ray", *args],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, **env},
        )
        assert r.returncode == 2 and "cannot reach the Ray cluster at 127.0.0.1:1" in r.stderr, r.stderr[
            -2000:
        ]
    import cleantext.ray

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(RuntimeError, match=r"pip install 'cleantext-it\[ray\]'"):
        cleantext.ray._require_ray()


def test_joining_an_existing_cluster_leaves_it_running(corpus, ray_run, tmp_path, seeds):
    """One cluster (`ray start --head`): a CLI rerun of the byte test's output finds every
    file done without joining it; a user's own Ray session joins it, runs the executor
    (which leaves the session up) and CleanBatch in a Ray Dataset; none stops it."""
    ray_cli = Path(sys.executable).with_name("ray")
    start = subprocess.run(
        [
            str(ray_cli),
            "start",
            "--head",
            "--num-cpus",
            "2",
            "--include-dashboard=false",
            "--disable-usage-stats",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert start.returncode == 0, start.stderr[-2000:]
    try:
        # the byte test's output, resumed by a run that joins the cluster (its first run, on
        # a Ray the CLI started itself, wrote every file)
        out = ray_run[0]
        args = ["--format", FORMATS, "--tmx-sentences", "--executor", "ray", "--address", "auto"]
        again = cli(str(corpus), "-o", str(out), *args)  # nothing to do: Ray is not even joined
        assert f"0 cleaned, {N} already up to date" in again.stderr, again.stderr[-3000:]
        # the cluster was not ours to stop: a user's own pipeline joins it next
        _clean_batch_in_a_users_own_ray_pipeline(tmp_path, seeds)
    finally:  # `ray stop` takes seconds: it finishes in the background while other tests run
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        subprocess.Popen([str(ray_cli), "stop", "--force"], **quiet)


def test_outputs_this_machine_cannot_see_are_an_error_not_a_file_done(tmp_path):
    from cleantext.jobs import Job
    from cleantext.ray import seen_here
    from cleantext.runner import Result
    from cleantext.summary import Summary

    job = Job(tmp_path / "a.txt", "a", tmp_path / "out" / "a")
    written_elsewhere = Result(job, 12, Summary(files=1), digest="abc")
    outputs = [tmp_path / "out" / "a.txt", tmp_path / "out" / "a.jsonl"]
    r = seen_here(written_elsewhere, outputs)
    assert r.digest is None and r.summary.files == 0
    assert "written on another node" in r.summary.errors[0][1]
    (tmp_path / "out").mkdir()
    for ext in ("txt", "jsonl"):
        (tmp_path / "out" / f"a.{ext}").write_text("x")
    assert seen_here(written_elsewhere, outputs) is written_elsewhere


def _clean_batch_in_a_users_own_ray_pipeline(tmp_path, seeds):
    """CleanBatch in a Ray Dataset of the user's: bytes in, clean text and records out."""
    import ray.data

    from cleantext.ray import CleanBatch

    ray.init(address="auto", log_to_driver=False)
    try:
        _the_executor_leaves_a_users_ray_session_alone(tmp_path)
        (tmp_path / "bad.txt").write_bytes(b"\x00\x01PNG\x00" * 200)
        ds = ray.data.read_binary_files([str(p) for p in sorted(SAMPLES.glob("*.txt"))], include_paths=True)
        ds = ds.union(
            ray.data.from_items([{"path": str(tmp_path / "bad.txt")}, {"path": "/nonexistent.txt"}])
        )
        rows = ds.map_batches(CleanBatch, compute=ray.data.ActorPoolStrategy(size=1), batch_size=2).take_all()
    finally:
        ray.shutdown()
    by_name = {Path(r["path"]).name[:3]: r for r in rows}
    for prefix, doc in seeds.items():
        row = by_name[prefix]
        assert row["error"] == "" and row["text"] == doc.text + "\n"
        assert row["sentences"] == len(doc.sentences) and row["records"].count("\n") == len(doc.sentences)
    assert by_name["000"]["translated"] >= 1  # the French sentence of the first seed
    assert "nonexistent.txt" in by_name["non"]["error"] and by_name["non"]["text"] == ""
    assert by_name["bad"]["error"].startswith(str(tmp_path / "bad.txt"))


def _the_executor_leaves_a_users_ray_session_alone(tmp_path):
    """`run(..., executor=RayExecutor())` inside a user's Ray session (here joined to the
    cluster): its actors do the work there, and the session is still up afterwards."""
    from cleantext.pipeline import Settings
    from cleantext.ray import RayExecutor

    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(next((DEV / "docs").glob("*.txt")), one)
    out = tmp_path / "one-out"
    opts = Options(Settings(translate=False))
    summary = run(plan([one], out), out, opts, executor=RayExecutor(1))
    assert summary.files == 1 and not summary.errors and list(out.glob("*.txt"))
    assert ray.is_initialized()  # not ours to shut down


def _pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
