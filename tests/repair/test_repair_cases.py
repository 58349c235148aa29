"""Repair rules on damaged → expected cases and on text that must not change."""

import json
from pathlib import Path

import pytest

from cleantext.repair import repair_paragraph, repair_text

CASES = Path(__file__).parents[1] / "cases"
DAMAGED = json.loads((CASES / "repair.json").read_text("utf-8"))
UNCHANGED = [
    line
    for line in (CASES / "unchanged.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize(("damaged", "expected"), DAMAGED)
def test_damaged_text_is_repaired(damaged, expected):
    assert repair_text(damaged) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_good_italian_is_left_alone(text):
    assert repair_text(text) == text


def test_offsets_point_back_into_the_raw_text():
    raw = "ilIl presidente ha detto  che “ caro amico ” è perchÃ© ."
    t = repair_paragraph(raw)
    assert t.text == "Il presidente ha detto che “caro amico” è perché."
    i = t.text.index("presidente")
    a, b = t.span_origin(i, i + len("presidente"))
    assert raw[a:b] == "presidente"
    j = t.text.index("perché")
    a, b = t.span_origin(j, j + len("perché"))
    assert raw[a:b].startswith("perch")
    assert {r.name for r, _ in t.applied} >= {"doubled_prefix", "doubled_spaces", "quote_spacing", "mojibake"}


@pytest.mark.parametrize(
    "text",
    [
        "iaIa()  0",  # code: an identifier and its spacing stay (scripts/fuzz.py)
        "bÃ¨hd()",  # mojibake that reads as code until it is mended (scripts/fuzz.py)
        "ilIl presidente ha detto  che “ caro amico ” è perchÃ© .",
    ],
)
def test_repair_reaches_its_fixed_point_at_once(text):
    """A second repair changes nothing, and a paragraph repairs as a line does: the rules
    for code are asked of the text as each round leaves it."""
    once = repair_text(text)
    assert repair_text(once) == once
    assert repair_paragraph(text).text == once
