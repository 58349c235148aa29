"""Word frequencies on the Zipf scale, as wordfreq gives them, read from its table directly.

`wordfreq.zipf_frequency` normalises and tokenises its argument on every call (about
40 µs); detection asks for tens of thousands of words per corpus, most of them plain
lowercase words that are their own token. For those, the value is read from wordfreq's
frequency table (loaded once per language) and put on the Zipf scale with wordfreq's own
rounding; anything else (apostrophes, digits, capitals, "ß", decomposed accents, other
scripts) goes to wordfreq itself. Both paths give the same number
(tests/test_freq.py checks it word by word).
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

# lowercase Latin letters in composed form (NFC), without "ß" (it casefolds to "ss"):
# for the languages cleantext reads, wordfreq's tokeniser returns such a word unchanged
PLAIN = re.compile(r"[a-zà-öø-ÿœæ]+")
LANGUAGES = frozenset({"it", "fr", "en", "es", "pt", "de", "ca"})  # regex tokeniser, NFC, no marks


@cache
def _table(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang, "best")  # as word_frequency asks: one shared copy


@lru_cache(maxsize=4096)
def _zipf_of(freq: float) -> float:
    """wordfreq's word_frequency rounding (three significant digits), then its Zipf one."""
    rounded = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


@lru_cache(maxsize=500_000)
def zipf(word: str, lang: str) -> float:
    """wordfreq.zipf_frequency(word, lang), fast for plain lowercase words."""
    if lang in LANGUAGES and PLAIN.fullmatch(word):
        freq = _table(lang).get(word)
        return 0.0 if freq is None else _zipf_of(freq)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)
