"""Stray words respelled before translation: accents put back, typos mended (cleantext.respell)."""

import regex
from conftest import SAMPLES

from cleantext.freq import zipf
from cleantext.respell import respell

# samples/000_*: the French sentence as scraped (accents lost, letters doubled or swapped)
SAMPLE = (
    "Confrontee à de laourdes sanctions occidentales à cause de son offensive contre l’Ucraina, "
    "il russo cherche ces derniers mois à renforcer ses liens avec l’Asie, en particulier avec la "
    "Chine, which s’est guardee cepenendant de soutenir l’attaque russe contre vicino."
)


def test_the_samples_french_sentence_is_respelled_and_its_italian_words_left_alone():
    text, fixes = respell(SAMPLE, "fr")
    for word in ("Confrontée", "lourdes", "gardée", "cependant"):
        assert word in text, word
    for word in ("Ucraina", "il russo", "vicino", "which", "Asie"):
        assert word in text, word  # Italian, English and names are not made French
    assert fixes == ["restore_accents", "spelling"]


def test_names_short_words_and_known_words_stay():
    for text, lang in (
        ("Il a dit que Gaziantep est loin.", "fr"),  # a name
        ("La réunion de l'OTAN a eu lieu.", "fr"),  # known words, an acronym
        ("The goverment anounced new mesures.", "en"),  # a missing letter is not a deleted one
        ("Le président a été élu.", "fr"),
    ):
        assert respell(text, lang) == (text, []), text
    assert respell("Le president a ete elu en fevrier.", "fr")[0] == "Le président a été élu en février."
    assert respell("Ciao", "de") == ("Ciao", [])  # languages without a list are left alone


def test_the_pipeline_translates_the_respelled_sentence_and_says_so(seeds):
    doc = seeds["000"]
    s = next(s for s in doc.sentences if s.source.startswith("Confrontee"))
    assert {"restore_accents", "spelling", "translate"} <= {f.rule for f in s.fixes}
    assert s.source.startswith("Confrontee à de laourdes")  # the record keeps it as read
    french = [
        w for w in regex.findall(r"\p{L}+", s.text) if zipf(w.lower(), "fr") > zipf(w.lower(), "it") + 0.5
    ]
    assert not french, french  # no French word left in the Italian
    assert next(SAMPLES.glob("000_*.txt")).read_text("utf-8").count("Confrontee") == 1
