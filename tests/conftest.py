import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# argos-translate's own package folder is read by every run: the tests see an empty one
# (tests of that folder set their own), never the packages of whoever runs them
os.environ["ARGOS_PACKAGES_DIR"] = tempfile.mkdtemp(prefix="no-argos-packages-")
# one per test process; removed when it ends, so runs leave nothing in the temp folder
atexit.register(shutil.rmtree, os.environ["ARGOS_PACKAGES_DIR"], ignore_errors=True)
# the frequency tables' copies (cleantext.freq): this machine's, also for tests that give
# a subprocess a home of its own (they would otherwise write the copies again there)
from cleantext.freq import cache_dir  # noqa: E402

os.environ["CLEANTEXT_CACHE"] = str(cache_dir())

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DEV = ROOT / "tests" / "data" / "dev-flores"
# the five seed articles and one HTML page made from seed 002
SAMPLE_FILES = len([p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")])


def refuse_to_read(monkeypatch, folder_name: str) -> None:
    """A folder without read permission, as an unprivileged user meets it (the tests run as
    root, who reads everything): the walk's os.scandir refuses `folder_name`."""
    import os

    real = os.scandir

    def scandir(path="."):
        if str(path).endswith(folder_name):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """`python -m cleantext ARGS` in a process of its own, output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args], capture_output=True, text=True, **kwargs
    )


class FakeEngine:
    """A translation engine for tests where the engine is not the subject: it serves
    `pairs` (None: every pair); subclasses say how they translate."""

    name = "fake"
    pairs: set[tuple[str, str]] | None = None

    def supports(self, source, target):
        return self.pairs is None or (source, target) in self.pairs

    def available(self):
        return True

    def why_unavailable(self):
        return ""

    def translate(self, texts, source, target):
        raise NotImplementedError

    def close(self):
        pass


def seed(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def detector():
    from cleantext.detection import Detector

    return Detector()


@pytest.fixture(scope="session")
def pipeline(detector):
    from cleantext.pipeline import Pipeline

    p = Pipeline(detector=detector)
    yield p
    p.close()


@pytest.fixture(scope="session")
def apertium(pipeline):
    """The suite's Apertium engine (the pipeline's own): its chains start once per session.
    Tests of starting, restarting or closing chains build their own."""
    from cleantext.translation.apertium import ApertiumEngine

    engine = next(e for e in pipeline.router.engines if isinstance(e, ApertiumEngine))
    assert engine.available(), engine.why_unavailable()
    return engine


@pytest.fixture(scope="session")
def seeds(pipeline):
    """Each seed article run through the full pipeline once: prefix → Document."""
    return {p.name[:3]: pipeline.run(p.read_bytes(), str(p)) for p in sorted(SAMPLES.glob("*.txt"))}
