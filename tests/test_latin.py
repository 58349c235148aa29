"""cleantext.latin: a pattern run by `re` on Latin text finds what `regex` finds."""

import random
import re
import unicodedata
from pathlib import Path

import pytest
import regex

from cleantext import latin, tokens
from cleantext.detection import shape
from cleantext.repair import accents, spacing
from cleantext.rules import Rewrite
from cleantext.scrape import context, layout, lines

LINGUA = Path(__file__).parent / "data" / "lingua" / "sentences"
# every pattern the package runs through a twin: found, not listed
TWINS = [
    twin
    for module in (tokens, context, lines, layout, shape, accents, spacing)
    for value in vars(module).values()
    for twin in ([value.needs] if isinstance(value, Rewrite) else [value])
    if isinstance(twin, latin.LatinPattern)
]
ODD = [  # ours: where the two engines' tables or readings could part
    "Perché l'ONU—e l’UE—dicono «no»?",
    "Il 2² e il ½ di ¾, 10.000,50 € e l'11 settembre",
    "naïve cœur Æsop ŒUVRE Straße ĳssel ǅemal ȘTEFAN ș ț",
    "µs e μs, Ω e Ω",  # micro sign (Latin-1) and Greek mu; ohm sign and omega
    unicodedata.normalize("NFD", "città perché così"),  # combining accents: not covered
    "Αθήνα e Москва e 東京 e 🙂 e ﬁne",
    "x-ray, Mohenjo-daro, rock'n'roll, dell'", "n. 2, J. Smith, U.S.A.",
    "ǂ ʼ ˆ ǀ", "tab\there\x1cand\x85next", "",
]  # fmt: skip


def _twins_of(text: str) -> None:
    for twin in TWINS:
        slow = regex.compile(twin.pattern)
        assert twin.findall(text) == slow.findall(text), (twin, text)
        assert [m.span() for m in twin.finditer(text)] == [m.span() for m in slow.finditer(text)]
        for ask in ("match", "search"):
            got, want = getattr(twin, ask)(text), getattr(slow, ask)(text)
            assert (got and got.span()) == (want and want.span()), (twin, ask, text)


@pytest.mark.parametrize("prop", latin.PROPERTIES)
def test_each_property_holds_the_same_characters_on_every_covered_code_point(prop):
    fast = re.compile(latin.translate(rf"[\p{{{prop}}}x]"))  # (a class: M holds none of them)
    ascii = re.compile(latin.translate(rf"[\p{{{prop}}}x]", ascii=True))
    slow = regex.compile(rf"[\p{{{prop}}}x]")
    for a, b in latin.COVERED:
        for code in range(a, b + 1):
            c = chr(code)
            assert bool(fast.fullmatch(c)) == bool(slow.fullmatch(c)), (prop, hex(code))
            if code < 0x80:
                assert bool(ascii.fullmatch(c)) == bool(slow.fullmatch(c)), (prop, hex(code))


def test_the_twins_agree_on_real_sentences_and_odd_text():
    for path in sorted(LINGUA.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            _twins_of(line)
    for text in ODD:
        _twins_of(text)


def test_the_twins_agree_on_random_text_from_covered_and_other_characters():
    rng = random.Random(7)
    pool = [chr(c) for a, b in latin.COVERED for c in range(a, b + 1)]
    common = list("aeiouàèéìòù AEIOU bcdlmnrstz.,;:'’-«»\"()0123456789²")
    others = list("αβΩЖж東\u0301\u0300🙂ﬁ")
    for k in range(4000):
        n = rng.randint(1, 40)
        chars = [rng.choice(common) if rng.random() < 0.7 else rng.choice(pool) for _ in range(n)]
        if k % 4 == 0:  # text the twin hands to `regex`
            chars.insert(rng.randrange(n + 1), rng.choice(others))
        elif k % 4 == 1:  # ASCII text
            chars = [c if c.isascii() else "a" for c in chars]
        _twins_of("".join(chars))


def test_latin_text_goes_to_re_and_any_other_to_regex():
    assert len(TWINS) >= 7
    twin = tokens.LINE_WORD
    assert twin.engine("Perché l’ONU dice «no» — 2²") is twin.fast
    assert twin.engine("Perche l'ONU dice no - 2") is twin.ascii
    for text in ("Αθήνα", unicodedata.normalize("NFD", "città"), "ok 🙂"):
        assert twin.engine(text) is twin.slow
        assert latin.covered(text) is False
    plain = latin.LatinPattern(r" [,;:!?.]")  # no property: read alike on any text
    assert plain.engine("Αθήνα .") is plain.fast


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+",
        r"\s",
        r"\bx",
        r"\d+",
        r"(?i)abc",
        r"(?P<x>a)",
        r"(?<x>a)",
        r"[[a]b]",
        r"\p{Greek}",
        r"\P{L}",
        r"\p{M}",
    ],
)
def test_what_the_engines_read_differently_is_refused(pattern):
    with pytest.raises(ValueError):
        latin.translate(pattern)


def test_what_both_engines_read_alike_is_kept():
    assert (
        latin.translate(r"(?:a|b)(?=c)(?!d)(?<=e)(?<!f)[^\]x]\.") == r"(?:a|b)(?=c)(?!d)(?<=e)(?<!f)[^\]x]\."
    )
    assert latin.translate(r"\p{N}+") == "[0-9²-³¹¼-¾]+"
