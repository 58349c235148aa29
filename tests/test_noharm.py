"""Real Italian comes out as it went in: the harm classes of issue 14, through the whole
pipeline (repair, scrape-clean, split, detect, translate). The cases are our own sentences
(tests/cases/unchanged.txt, one per line)."""

import json
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
UNCHANGED = [
    line
    for line in (CASES / "unchanged.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
]
# our own article around each case
TITLE = "Maltempo, scuole chiuse in tre regioni"
BEFORE = (
    "Le scuole resteranno chiuse domani in Liguria, Toscana e Campania per l'allerta rossa diramata "
    "dalla protezione civile nella serata di ieri."
)
AFTER = (
    "I sindaci hanno chiesto ai cittadini di limitare gli spostamenti e di seguire gli aggiornamenti "
    "sui canali ufficiali dei comuni."
)


def _harm(doc, line: str) -> list[str]:
    """What happened to `line`: nothing, or the drops, segments and fixes that touched it."""
    out = []
    mine = [s for s in doc.sentences if s.source.strip() and s.source.strip() in line]
    for s in mine:
        if s.dropped:
            out.append(f"dropped: {s.dropped}")
        out += [f"{g.language} segment {g.text!r}" for g in s.foreign]
        out += [f"fix {f.rule}" for f in s.fixes]
    if line not in doc.text:
        out.append("not in the output verbatim")
    return out


@pytest.mark.parametrize("line", UNCHANGED)
def test_a_line_between_paragraphs_comes_out_verbatim(pipeline, line):
    doc = pipeline.run("\n\n".join([TITLE, BEFORE, line, AFTER]))
    assert _harm(doc, line) == []


def test_all_cases_as_one_document_come_out_identical(pipeline):
    """Consecutive near-repeats (provisions that differ in one word) all stay."""
    text = "\n\n".join(UNCHANGED)
    doc = pipeline.run(text)
    assert doc.text == text
    assert not [s.source for s in doc.sentences if s.dropped]


@pytest.mark.parametrize(
    "title",
    [
        "Crollo in borsa",  # short
        "Il Papa a Lampedusa: «Vergogna»",  # shares no word with the body
        "Ucraina, la notte più lunga",
    ],
)
def test_a_documents_first_line_is_its_title(pipeline, title):
    doc = pipeline.run("\n\n".join([title, BEFORE, AFTER]))
    assert doc.text.startswith(title)


def test_deliberate_foreign_words_are_listed_with_a_reason(pipeline):
    doc = pipeline.run("La Bank of England e la Competition and Markets Authority non hanno commentato.")
    kept = [(g.text, g.kept) for s in doc.sentences for g in s.segments]
    assert ("Competition and Markets Authority", "name") in kept
    assert doc.sentences[0].text == doc.sentences[0].source


KNOWN = json.loads((CASES / "known_failures.json").read_text("utf-8"))


@pytest.mark.parametrize("case", KNOWN, ids=[c["why"][:40] for c in KNOWN])
@pytest.mark.xfail(
    strict=True, reason="a known failure (tests/cases/known_failures.json): fixing it fails here"
)
def test_known_failures_still_fail(pipeline, case):
    """As ftfy keeps its known failures: each case says what we get wrong and where it came
    from; when a change fixes one, this test fails so the case moves to unchanged.txt."""
    assert pipeline.run(case["text"]).text == case["expected"], case["why"]


DOCUMENTS = sorted((CASES / "unchanged_documents").glob("*.txt"))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_whole_documents_come_out_unchanged(pipeline, path):
    text = path.read_text("utf-8").strip()
    doc = pipeline.run(text)
    assert not [(s.source, s.dropped) for s in doc.sentences if s.dropped]
    assert doc.text == text
