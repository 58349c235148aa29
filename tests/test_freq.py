"""cleantext.freq gives wordfreq's own Zipf values, read from its table directly."""

import random
import unicodedata

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from cleantext.freq import PLAIN, zipf

TRICKY = [  # ours: what must go through wordfreq's own tokeniser, or read the table right
    "perché", "città", "l'anno", "dell'italia", "aujourd'hui", "straße", "2024", "covid19",
    "Roma", "ÉTAT", "cœur", "œuvre", "naïve", "pequeño", "são", "über", "qzxv", "",
    unicodedata.normalize("NFD", "perché"), "e", "a", "è", "x-ray", "n.", "ﬁne",
]  # fmt: skip


@pytest.mark.parametrize("lang", ["it", "fr", "en", "es", "pt", "de"])
def test_same_value_as_wordfreq(lang):
    rng = random.Random(lang)
    table = [w for w in get_frequency_dict(lang) if PLAIN.fullmatch(w)]
    words = rng.sample(table, 3000) + table[:300] + TRICKY  # common, rare and odd words
    for w in words:
        assert zipf(w, lang) == zipf_frequency(w, lang), (w, lang)


def test_plain_words_skip_the_tokeniser_and_the_others_do_not():
    assert PLAIN.fullmatch("perché") and PLAIN.fullmatch("cœur")
    for w in ("l'anno", "straße", "Roma", "covid19", unicodedata.normalize("NFD", "perché")):
        assert not PLAIN.fullmatch(w)
