"""The mojibake rule's shortcut: ftfy's badness test, searched only near non-ASCII
characters, must say what ftfy's own test says on any text."""

import json
import re._parser as sre_parse  # the pattern's structure, read the way `re` compiles it
from pathlib import Path

import pytest
from ftfy import fix_encoding
from ftfy.badness import BADNESS_RE, is_bad

from cleantext.repair import mojibake
from cleantext.repair.encoding import REACH, invisible, looks_bad, odd_spaces

ROOT = Path(__file__).parents[2]
LINGUA = ROOT / "tests" / "data" / "lingua" / "sentences"
SAMPLES = ROOT / "samples"


def _branches():
    ((op, av),) = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data
    assert op is sre_parse.BRANCH
    return av[1]


def _only_non_ascii(op, av) -> bool:
    if op is sre_parse.LITERAL:
        return av > 127
    if op is sre_parse.IN:
        return all(
            (o is sre_parse.LITERAL and a > 127) or (o is sre_parse.RANGE and a[0] > 127) for o, a in av
        )
    return False


def test_every_match_of_ftfys_pattern_is_short_and_holds_a_non_ascii_character():
    """What the shortcut rests on, checked on the installed ftfy's pattern."""
    assert sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1] < REACH
    for branch in _branches():
        assert any(_only_non_ascii(op, av) for op, av in branch.data), branch


def _texts() -> list[str]:
    lines = [line for p in sorted(LINGUA.glob("*.txt")) for line in p.read_text("utf-8").splitlines()]
    lines += [line for p in sorted(SAMPLES.glob("*.txt")) for line in p.read_text("utf-8").splitlines()]
    cases = json.loads((ROOT / "tests" / "cases" / "repair.json").read_text("utf-8"))
    lines += [damaged for damaged, _ in cases]
    # mojibake made here: UTF-8 read as Windows-1252 or Latin-1, at the start, middle and end
    broken = []
    for line in lines[::25]:
        for enc in ("cp1252", "latin-1"):
            bad = line.encode("utf-8").decode(enc, errors="ignore")
            broken += [bad, "Ã " + line, line + " Ã©", line[:40] + "â€™" + line[40:]]
    return lines + broken


@pytest.fixture(scope="module")
def texts():
    return _texts()


def test_the_shortcut_says_what_ftfy_says(texts):
    bad = [t for t in texts if is_bad(t)]
    assert len(bad) > 100 and len(texts) - len(bad) > 1000  # both kinds are there
    assert [looks_bad(t) for t in texts] == [is_bad(t) for t in texts]


def _ftfy_to_a_fixed_point(text: str) -> str:
    for _ in range(4):
        fixed = fix_encoding(text)
        if fixed == text:
            break
        text = fixed
    return text


def test_the_rule_fixes_what_ftfy_fixes(texts):
    changed = 0
    for t in texts:
        fixed = mojibake.fix(t)
        assert fixed == _ftfy_to_a_fixed_point(t), t
        changed += fixed != t
    assert changed > 100
    assert mojibake.fix("perchÃ© Ã¨ cosÃ¬") == "perché è così"


@pytest.mark.parametrize("rule", [invisible, odd_spaces], ids=lambda r: r.name)
def test_every_character_the_rule_rewrites_is_one_isprintable_refuses(rule):
    """Both rules skip text that str.isprintable() accepts (their `needs`): every code point
    their pattern matches must be one it refuses (regex and Python each have their own
    Unicode tables)."""
    import sys

    matched = [chr(c) for c in range(sys.maxunicode + 1) if rule.pattern.match(chr(c))]
    assert matched
    assert not [c for c in matched if c.isprintable()]
