"""catalan_perfect.py: Catalan's periphrastic past into the perfect, with Apertium's generator."""

import subprocess
import sys

import pytest

from cleantext.translate.apertium import CATALAN_PERFECT, MODES_DIR, _catalan_perfect
from cleantext.translate.catalan_perfect import Participles, rewrite

GENERATOR = "/usr/share/apertium/apertium-eng-cat/eng-cat.autogen.bin"


@pytest.fixture(scope="module")
def participles():
    p = Participles(GENERATOR)
    yield p
    p.close()


@pytest.mark.parametrize(
    ("catalan", "perfect"),
    [
        ("Va decidir acabar la seva campanya.", "Ha decidit acabar la seva campanya."),
        ("Goma va ser destruïda per la lava.", "Goma ha estat destruïda per la lava."),
        ("Els aliats van desembarcar al sud.", "Els aliats han desembarcat al sud."),
        (
            "La ciutat es va convertir en capital i el van veure.",
            "La ciutat s'ha convertit en capital i l'han vist.",
        ),
        ("Li ho va dir i no va poder venir.", "Li ho ha dit i no ha pogut venir."),
        ("Vaig anar a casa.", "He anat a casa."),
    ],
)
def test_the_narrative_past_becomes_the_perfect(participles, catalan, perfect):
    assert rewrite(catalan, participles) == perfect


@pytest.mark.parametrize(
    "catalan",
    [
        "Va dir-li la veritat.",  # an enclitic: left alone rather than reordered
        "Va a casa cada dia.",  # "va" = goes
        "El tren va plenar.",  # not an infinitive the generator knows
        "Ha decidit acabar.",
    ],
)
def test_other_text_is_left_alone(participles, catalan):
    assert rewrite(catalan, participles) == catalan


def test_the_stage_keeps_units_and_their_nuls():
    units = [b"Va decidir acabar.", b"", b"Res a dir.", "Van anar a París.".encode()]
    out = subprocess.run(
        [sys.executable, "-S", str(CATALAN_PERFECT), GENERATOR],
        input=b"".join(u + b"\0" for u in units),
        capture_output=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.split(b"\0") == [b"Ha decidit acabar.", b"", b"Res a dir.", "Han anat a París.".encode(), b""]


def test_the_stage_sits_between_eng_cat_and_cat_ita_only():
    stages = subprocess.run(
        ["apertium-wblank-mode", "-z", str(MODES_DIR / "eng-cat.mode")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(" | ")
    assert GENERATOR in _catalan_perfect(stages)[0]
    assert _catalan_perfect(["lt-proc -z -w 'x.automorf.bin'"]) == []
