"""Glued words ("ilIl presidente"), and where a word is an address that is never touched."""

import random

from cleantext.repair.glue import _ADDRESS_MARKS, _TOKEN, _in_address, _tokens, doubled_prefix


def test_a_token_is_an_address_when_it_holds_a_mark():
    """`_tokens` finds the marks with plain searches: the same answer as looking for every
    mark in every whitespace-delimited token, on random text of marks, letters and spaces
    of every kind (ours)."""
    rng = random.Random(3)
    pieces = ["a", "b", "/", "@", "#", "=", "_", "w", "ww", "www.", ".", " ", "  ", "\u00a0", "\u2009", "\n"]
    texts = [
        "",
        " ",
        "www.",
        "vedi www.example.com e a@b.it, #tag",
        *("".join(rng.choices(pieces, k=30)) for _ in range(5000)),
    ]
    for text in texts:
        _tokens.cache_clear()
        tokens = list(_TOKEN.finditer(text))
        marked = [any(mark in m.group() for mark in _ADDRESS_MARKS) for m in tokens]
        assert _tokens(text) == ([m.start() for m in tokens], marked), repr(text)


def test_letters_inside_an_address_are_left_alone():
    text = "ilIl video su youtube.com/watch?v=abcAbc e su www.sitoSito.it"
    assert doubled_prefix.fix(text) == "Il video su youtube.com/watch?v=abcAbc e su www.sitoSito.it"
    assert _in_address(text, text.index("abcAbc")) and not _in_address(text, 0)
