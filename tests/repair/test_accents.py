"""accents: the shortcut that skips words whose accented forms are all rare."""

from pathlib import Path

import regex

from cleantext.freq import frequent
from cleantext.repair import accents

ROOT = Path(__file__).parents[2]
OURS = ["citta", "liberta", "perche", "piu", "cosi", "pero", "gia", "parlo", "ando", "lunedi", "caffe"]


def test_a_word_without_a_common_accented_form_is_never_changed(monkeypatch):
    """`_may_lack_accent` says no without a look-up for most words; wherever it does, the
    rule's full decision leaves the word as written too. Checked on every lowercase word
    ending in a vowel of the samples and lingua's sentences, and on our own bare forms."""
    paths = [
        *(ROOT / "samples").glob("*.txt"),
        *(ROOT / "tests" / "data" / "lingua" / "sentences").glob("*.txt"),
    ]
    text = " ".join(p.read_text("utf-8") for p in paths)
    words = set(regex.findall(r"\p{Ll}{3,}(?<=[aeiou])\b", text)) | set(OURS)
    maybe = {w for w in words if accents._may_lack_accent(w)}
    assert len(maybe) < 0.2 * len(words) and len(words) > 2000
    common = frequent("it", accents.MIN_ZIPF + 0.5)  # the shortcut's set, as its definition says
    for w in words | set(accents._bare_forms(accents.MIN_ZIPF + 0.5)) | {"Citta", "PERCHE", "e"}:
        low = w.lower()
        assert accents._may_lack_accent(w) == any(
            low[:-1] + v in common for v in accents.FINAL.get(low[-1], "")
        ), w
    monkeypatch.setattr(accents, "_may_lack_accent", lambda word: True)
    full = accents._with_dropped_accent.__wrapped__  # the decision, not its cache
    changed = {w for w in words if full(w) is not None}
    assert changed <= maybe  # every word the rule changes passes the shortcut
    assert {"citta", "liberta", "perche", "piu", "cosi"} <= changed
