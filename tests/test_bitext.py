"""`cleantext translate`: aligned files through the one runner (resume, errors per file,
--jobs), with a fake engine where the engine is not the subject."""

import subprocess
import sys

from conftest import SAMPLE_FILES, SAMPLES, FakeEngine

from cleantext.bitext import BitextTask
from cleantext.jobs import plan
from cleantext.resume import Options
from cleantext.runner import run
from cleantext.settings import Settings
from cleantext.translation.route import Router


class Upper(FakeEngine):
    """A fake it→en engine: upper case."""

    name = "upper"
    pairs = {("it", "en")}

    def translate(self, texts, source, target):
        return [t.upper() for t in texts]


def _task(pipeline, target="en"):
    task = BitextTask(Options(pipeline.settings, target=target), pipeline=pipeline)
    if target != pipeline.settings.main:
        task.router = Router([Upper()], target, ())
    return task


def test_each_clean_sentence_gets_its_translation_on_the_same_line(tmp_path, pipeline):
    out = tmp_path / "out"
    jobs = plan([SAMPLES], out)
    summary = run(jobs, out, task=_task(pipeline))
    assert summary.files == SAMPLE_FILES and not summary.errors
    for job in jobs:
        it = (out / f"{job.rel}.it.txt").read_text("utf-8").splitlines()
        en = (out / f"{job.rel}.en.txt").read_text("utf-8").splitlines()
        assert len(it) == len(en) > 0 and en == [line.upper() for line in it]
    again = run(jobs, out, task=_task(pipeline))
    assert again.skipped == SAMPLE_FILES and again.files == 0  # resume: nothing to redo


def test_to_the_main_language_pairs_the_text_as_read_with_the_clean_one(tmp_path, pipeline):
    out = tmp_path / "out"
    jobs = plan([SAMPLES], out)
    run(jobs, out, task=_task(pipeline, "it"))
    src = (out / f"{jobs[4].rel}.src.txt").read_text("utf-8").splitlines()
    it = (out / f"{jobs[4].rel}.it.txt").read_text("utf-8").splitlines()
    assert len(src) == len(it) and any(a != b for a, b in zip(src, it, strict=True))


def test_a_file_without_an_engine_fails_alone_and_the_cli_takes_jobs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    (src / "b.txt").write_bytes(b"\x00\x01PNG\x00" * 50)
    out = tmp_path / "out"
    r = subprocess.run(
        [sys.executable, "-m", "cleantext", "translate", str(src), "-o", str(out), "--to", "it", "-j", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1 and "b.txt" in r.stderr
    assert (out / "a.it.txt").read_text("utf-8") == "Il governo ha approvato la riforma.\n"
    settings = Settings(engine="none")
    summary = run(
        plan([src], tmp_path / "o2"), tmp_path / "o2", task=BitextTask(Options(settings, target="en"))
    )
    assert {e.split(":")[0] for _, e in summary.errors} == {str(src / "a.txt"), str(src / "b.txt")}
    assert "not translated into en" in " ".join(e for _, e in summary.errors)


def test_stdin_to_stdout_one_sentence_and_its_translation_per_line():
    """Issue 35: `translate -` said "no such file or folder" (our sentences; Apertium)."""
    r = subprocess.run(
        [sys.executable, "-m", "cleantext", "translate", "-", "--to", "en"],
        input="ilIl governo ha approvato la riforma .\n\nIl ministro è soddisfatto.\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-800:]
    lines = [line.split("\t") for line in r.stdout.splitlines()]
    assert [a for a, _ in lines] == ["Il governo ha approvato la riforma.", "Il ministro è soddisfatto."]
    assert "minister" in lines[1][1].lower()
