"""Post-edit rules on engine output: their examples, and Apertium's year slips fixed."""

import pytest
import regex

from cleantext.translation.postedit import RULES, italian_numbers, police_is_polizia, their_is_loro, tidy
from cleantext.translation.route import Router


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_examples_are_idempotent(rule):
    """(tests/test_rules.py runs every rule's examples; here: fixing twice changes nothing)"""
    for ex in rule.examples:
        assert rule.fix(ex.result) == ex.result


@pytest.mark.parametrize(
    "text",
    [
        "Il bilancio prevede in 2024 nuove assunzioni.",  # no capital, no punctuation after the year
        "Ha corso i 1500 metri in 4 minuti.",
        "L'anno 2002 fu difficile.",  # the subject, not an opening "En 2002,"
    ],
)
def test_numbers_that_are_not_year_slips_stay(text):
    for rule in RULES:
        assert rule.fix(text) == text


def test_apertium_years_come_out_in_italian_form(apertium):
    router, back = Router([apertium], "it", post=tidy), Router([apertium], "en")
    fr, en = router.translate(
        [
            ("En 1987, la ville a construit un nouveau pont.", "fr"),  # our own sentences
            ("In 1999 Rome hosted the summit.", "en"),
        ]
    )
    to_en = back.translate([("Nel 2002 Goma fu distrutta.", "it")])[0]
    # the property, not the engine's wording: the year takes its article
    assert regex.match(r"Nel 1987, ", fr.translation) and not regex.search(
        r"(?i)\b(?:in|l'anno) 1987", fr.translation
    )
    assert regex.match(r"Nel 1999 ", en.translation), en
    assert "nel 2002" not in (to_en.translation or "").lower()  # Italian rules stay out of English


@pytest.mark.parametrize(
    ("source", "lang", "translation", "expected"),
    [
        (
            "Ocelots hunt their prey.",
            "en",
            "Gli ocelotti cacciano la sua preda.",
            "Gli ocelotti cacciano la loro preda.",
        ),
        ("Ils ont perdu leurs maisons.", "fr", "Hanno perso le sue case.", "Hanno perso le loro case."),
        # a singular possessive in the source: "suo" may be right, nothing is changed
        ("They met his mother and their son.", "en", "Incontrarono sua madre e il suo figlio.", None),
        ("Il a vendu sa maison et leur voiture.", "fr", "Ha venduto la sua casa e la sua macchina.", None),
        ("Ils leur ont parlé.", "es", "Hanno parlato con il suo.", None),  # no rule for Spanish
    ],
)
def test_their_is_loro_only_when_every_possessive_is_plural(source, lang, translation, expected):
    assert their_is_loro(source, lang, translation) == (expected or translation)


def test_apertium_english_past_comes_out_as_news_italian(apertium):
    """English simple past → passato prossimo (essere/avere and agreement by cat-ita), their →
    loro; the French passé simple keeps its passato remoto."""
    router = Router([apertium], "it", post=tidy)
    en, arrived, fr = router.translate(
        [
            ("The rebels decided to end their campaign.", "en"),
            ("Maria arrived yesterday.", "en"),
            ("Les Alliés débarquèrent dans le sud de la France.", "fr"),
        ]
    )
    assert "hanno deciso" in en.translation and "la loro campagna" in en.translation, en
    assert "è arrivata" in arrived.translation, arrived
    assert "sbarcarono" in fr.translation, fr


@pytest.mark.parametrize(
    ("source", "lang", "translation", "expected"),
    [
        (
            "The company lost 3.5 percent, or 1,200 jobs, and 1,234,567 euros.",
            "en",
            "La ditta ha perso 3.5 per cento, o 1,200 lavori, e 1,234,567 euro.",
            "La ditta ha perso 3,5 per cento, o 1.200 lavori, e 1.234.567 euro.",
        ),
        (
            "La surface est de 19 500 km².",
            "fr",
            "La superficie è di 19 500 km².",
            "La superficie è di 19.500 km².",
        ),
        # not numbers to localise: a version, a list of a year and a count, a number not in the source
        ("The 802.11n standard and version 1.2.3", "en", "Lo standard 802.11n e la versione 1.2.3", None),
        ("En 2019 200 personnes sont venues.", "fr", "Nel 2019 200 persone sono venute.", None),
        ("He left at noon.", "en", "È partito alle 12.00.", None),
        # numbers that name a version or a section, as Italian writes them too (ours)
        (
            "The Web 2.0, iOS 17.2 and version 2.1, see Section 8.1; shares rose 1.5% and 2.5 times.",
            "en",
            "Il Web 2.0, iOS 17.2 e versione 2.1, vedi Sezione 8.1; le azioni sono salite 1.5% e 2.5 volte.",
            "Il Web 2.0, iOS 17.2 e versione 2.1, vedi Sezione 8.1; le azioni sono salite 1,5% e 2,5 volte.",
        ),
        (
            "About 1.5 million came. The FTSE 100 1.2%",
            "en",
            "Circa 1.5 milioni. Il FTSE 100 1.2%",
            "Circa 1,5 milioni. Il FTSE 100 1,2%",
        ),
    ],
)
def test_numbers_take_the_italian_form(source, lang, translation, expected):
    assert italian_numbers(source, lang, translation) == (expected or translation)


def test_dates_and_decades_come_out_in_italian_form(apertium):
    """'March 12, 2024' is put day first for eng-cat; 'di' and 'nel' leave Apertium's dates."""
    from cleantext.translation.preedit import english_pre_edit

    assert english_pre_edit("On March 12, 2024, by May 5th, in May 2020, at 10:30") == (
        "On 12 March 2024, by 5 May, in the month of May 2020, at 10:30"
    )
    assert english_pre_edit("A 53-year-old was held at 3 p.m. Police said") == (
        "A 53 years old was held at 15:00. Police said"
    )
    assert english_pre_edit("at 10:30 a.m. on Monday, at 12 am") == "at 10:30 on Monday, at 0:00"
    assert english_pre_edit("but this too required a tie break; it was too big, too.") == (
        "but this also required a tie break; it was too big, too."
    )
    router = Router([apertium], "it", post=tidy)
    en, decade, fr, money = router.translate(
        [
            ("On May 4, 2021, the mayor opened the bridge.", "en"),  # our own sentences
            ("During the 1980s he worked on shows.", "en"),
            ("Le 3 mars 1921, les ouvriers quittèrent l'usine.", "fr"),
            ("A 53-year-old man paid $4.5 billion at 3 p.m. on Tuesday.", "en"),
        ]
    )
    assert en.translation.startswith("Il 4 maggio 2021,"), en  # day first, no "di", the article
    m = money.translation
    assert "uomo di 53 anni" in m and "4,5 miliardi di dollari" in m and "alle 15:00 martedì." in m, money
    assert "gli anni '80" in decade.translation, decade
    assert fr.translation.startswith("Il 3 marzo 1921,"), fr


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        ("Police said the man was arrested.", "Il poliziotto ha detto che", "La polizia ha detto che"),
        (
            "According to police, it exploded.",
            "Secondo polizia, è esploso.",
            "Secondo la polizia, è esploso.",
        ),
        ("Police officers were injured.", "Gli ufficiali polizieschi", "Gli agenti di polizia"),
        ("The policeman was injured.", "Il poliziotto è stato ferito.", None),  # one officer
    ],
)
def test_police_is_the_force(source, translation, expected):
    assert police_is_polizia(source, "en", translation) == (expected or translation)
