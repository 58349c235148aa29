"""Quality floors: regression floors on the tuning set, and floors on text the rules were
not written from.

- dev-flores (copied into tests/data, CC BY-SA 4.0) is the set the rules were tuned on:
  its floors sit a little under the measured figures (README) so that a regression fails
  the build. They say nothing about other text; raise them when the pipeline improves.
- lingua's 1,000 Italian test sentences (tests/data/lingua, Apache-2.0), grouped ten to a
  document as the no-harm benchmark groups its sentences, were never used to write a rule:
  real Italian that must come out unchanged (issue 14's measure, `kept`).
"""

import sys

import pytest
from conftest import DEV, ROOT

sys.path.insert(0, str(ROOT / "scripts"))

FLOORS = {
    "chrf_doc": 94.0,
    "stray-sentence_detected": 0.98,
    "stray-clause_detected": 0.9,
    "stray-sentence_chrf": 47.2,
    "stray-clause_chrf": 74.5,
    "pure_identical_doc": 0.97,
    "untouched_kept": 0.998,
    "boilerplate_removed": 0.97,
    "repeated-title_removed": 0.95,
    "repeated-paragraph_removed": 0.95,
    "spacing_fixed": 0.97,
    "doubled-prefix_fixed": 0.9,
    # damaged documents with the gold Italian in place of our translations of stray units:
    # repair and scrape-clean alone must bring them to the gold
    "doc-mojibake_chrf_stray_gold": 99.0,
    "doc-entities_chrf_stray_gold": 99.0,
    "doc-cp1252_chrf_stray_gold": 99.0,
}
CEILINGS = {"pure_flagged": 0.002}


@pytest.fixture(scope="module")
def metrics(tmp_path_factory, pipeline):
    from evaluate import evaluate

    from cleantext.jobs import plan
    from cleantext.runner import run

    out = tmp_path_factory.mktemp("dev-out")
    summary = run(plan([DEV / "docs"], out), out, pipeline=pipeline)
    assert not summary.errors
    return evaluate(DEV, out)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(metrics, name):
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]:.3f} fell below {FLOORS[name]}"


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_ceiling(metrics, name):
    assert metrics[name] <= CEILINGS[name], f"{name} = {metrics[name]:.3f} rose above {CEILINGS[name]}"


def test_beats_the_input(metrics):
    assert metrics["chrf_doc"] > metrics["chrf_doc_input"] + 3


def test_real_italian_the_rules_were_not_written_from_comes_out_unchanged(tmp_path, pipeline):
    """The no-harm measure on lingua's Italian sentences: each found unchanged in the output,
    up to spaces next to punctuation and accents put back (0.998 measured; a song title
    opening a sentence, "The show must go on", is translated)."""
    from evaluate import loose

    from cleantext.jobs import plan
    from cleantext.runner import run

    sentences = [
        x for x in (ROOT / "tests/data/lingua/sentences/it.txt").read_text("utf-8").splitlines() if x
    ]
    docs = tmp_path / "docs"
    docs.mkdir()
    for d in range(0, len(sentences), 10):
        (docs / f"doc{d // 10:03d}.txt").write_text(
            "\n\n".join(sentences[d : d + 10]) + "\n", encoding="utf-8"
        )
    out = tmp_path / "out"
    run(plan([docs], out), out, pipeline=pipeline)
    from cleantext.repair.accents import RULES as ACCENTS

    def restored(x: str) -> str:  # lingua's web sentences type some accents ("piu'", "gia'")
        for rule in ACCENTS:
            x = rule.fix(x)
        return x

    kept = accents = 0
    for d in range(0, len(sentences), 10):
        text = loose((out / f"doc{d // 10:03d}.txt").read_text("utf-8"))
        kept += sum(loose(x) in text or loose(restored(x)) in text for x in sentences[d : d + 10])
        accents += sum(restored(x) != x and loose(restored(x)) in text for x in sentences[d : d + 10])
    assert kept / len(sentences) >= 0.995, kept
    assert accents >= 10  # 16 of these sentences have an accent put back, and nothing else changed
