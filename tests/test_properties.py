"""Properties that hold for any text (hypothesis), and for every pure Italian dev document."""

import json

from conftest import DEV
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext.pipeline import Pipeline, Settings

ITALIAN = st.sampled_from(
    [
        "ilIl",
        "perchÃ©",
        "città",
        "«",
        "»",
        "“",
        "”",
        '"',
        " ",
        "  ",
        ".",
        " .",
        ",",
        "\n",
        "\n\n",
        "&amp;",
        "&egrave;",
        "\u200b",
        "\xa0",
        "Sig.",
        "1.400",
        "22:08",
        "the",
        "house",
        "la",
        "maison",
        "Home",
        "Leggi anche:",
        "LEAVE A REPLY",
        "Il presidente",
        "ha detto",
        "(",
        ")",
        "…",
        "’",
        "e",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(ITALIAN, max_size=60).map("".join))


def _pipe(detector):
    return Pipeline(Settings(translate=False), detector=detector)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
@example(text="\x08\x85")  # found by hypothesis: "\x85" is whitespace to Python, "…" once repaired
def test_any_text_cleans_without_error_with_valid_offsets(detector, text):
    doc = _pipe(detector).run(text)
    doc.text.encode("utf-8")  # never invalid UTF-8 (no lone surrogates)
    for s in doc.sentences:
        assert s.source and s.source in text  # every record points at text that was read
        for g in s.segments:
            assert 0 <= g.start <= g.end <= len(s.source)
            assert s.source[g.start : g.end] == g.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
@example(text="0.0.A.\r0\r0\r0")  # issue 17: it became "0.0.A." and then ""
@example(text="HOME\rANCHE:0")  # scripts/fuzz.py: "HOME" read as a work's card beside "ANCHE:0"
@example(text="E''I ANCHE:0\rE''I ANCHE:0")  # ... and a line and its copy read as a card's two labels
@example(text=":E''I ANCHE:0\rE''I ANCHE:0")  # ... two lines the repeat check reads as one
@example(text=":LEGGI ANCHE:00\rLEGGI ANCHE:0")  # ... a link to another story beside a card's line
@example(text="0:0:0:B:REPLY\r0:0:0:0:0\r0:0:0:0:0")  # ... lines of numbers read as a verse's lines
@example(text="0:0:0:0:0:0:0:0:0:0.\r0A\r:\r0B\r00A")  # ... a lone ":" broke a menu's run, then went
@example(text="i:ANCHE:A:A:A\rA:A:A:A:A\rA:A:A:A:REPLY")  # ... tokens a colon joins read as a verse
@example(
    text="Il testo .\n\n```\nx  =  1\n  y = 2\n```\n\nE poi basta ."
)  # a Markdown fence: code, as written
def test_cleaning_is_idempotent(detector, text):
    once = _pipe(detector).run(text).text
    assert _pipe(detector).run(once).text == once


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_any_bytes_either_clean_or_fail_with_a_read_error(detector, data):
    from cleantext.read import ReadError

    try:
        _pipe(detector).run(data, "x.txt")
    except ReadError as e:
        assert "x.txt" in str(e)


def test_pure_italian_dev_documents_come_out_unchanged(detector):
    anns = [json.loads(x) for x in (DEV / "annotations.jsonl").read_text().splitlines()]
    pure = sorted({a["doc"] for a in anns if a["kind"] == "pure"})
    p = Pipeline(detector=detector)
    for d in pure:
        gold = (DEV / "gold" / f"{d}.txt").read_text(encoding="utf-8").strip()
        assert p.run((DEV / "docs" / f"{d}.txt").read_bytes()).text == gold, d
