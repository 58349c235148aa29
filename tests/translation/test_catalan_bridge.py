"""catalan_bridge.py: the Catalan between two Apertium stages, rewritten with Apertium's generator."""

import subprocess
import sys

import pytest

from cleantext.translation.apertium import CATALAN_BRIDGE, MODES_DIR, _catalan_bridge
from cleantext.translation.catalan_bridge import Verbs, perfect, purpose

GENERATOR = "/usr/share/apertium/apertium-eng-cat/eng-cat.autogen.bin"


@pytest.fixture(scope="module")
def verbs():
    v = Verbs(GENERATOR)
    yield v
    v.close()


@pytest.mark.parametrize(
    ("catalan", "expected"),
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
def test_the_narrative_past_becomes_the_perfect(verbs, catalan, expected):
    assert perfect(catalan, verbs) == expected


@pytest.mark.parametrize(
    "catalan",
    [
        "Va dir-li la veritat.",  # an enclitic: left alone rather than reordered
        "Va a casa cada dia.",  # "va" = goes
        "El tren va plenar.",  # not an infinitive the generator knows
        "Ha decidit acabar.",
    ],
)
def test_other_text_is_left_alone(verbs, catalan):
    assert perfect(catalan, verbs) == catalan
    assert purpose(catalan, verbs) == catalan


def test_the_stage_keeps_units_and_their_nuls():
    units = [b"Va decidir acabar.", b"", b"Res a dir.", "Van anar a París.".encode()]
    out = subprocess.run(
        [sys.executable, "-S", str(CATALAN_BRIDGE), GENERATOR, "--perfect"],
        input=b"".join(u + b"\0" for u in units),
        capture_output=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.split(b"\0") == [b"Ha decidit acabar.", b"", b"Res a dir.", "Han anat a París.".encode(), b""]


def test_the_stage_finds_the_catalan_generator():
    def stages(mode):
        out = subprocess.run(
            ["apertium-wblank-mode", "-z", str(MODES_DIR / f"{mode}.mode")],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.split(" | ")

    stage = _catalan_bridge(stages("eng-cat"), stages("cat-ita"), perfect=True)[0]
    assert GENERATOR in stage and "--perfect" in stage and "cat-ita.automorf.bin" in stage
    assert "--analyser" not in _catalan_bridge(stages("fra-cat"), stages("cat-ita"), perfect=False)[0]
    assert _catalan_bridge(["lt-proc -z -w 'x.automorf.bin'"], [], perfect=False) == []


@pytest.mark.parametrize(
    ("catalan", "expected"),
    [
        (
            "El programa ha estat escrit per simular les observacions.",
            "El programa ha estat escrit per a simular les observacions.",
        ),
        ("Per fer-ho, va marxar.", "Per fer-ho, va marxar."),  # an enclitic: left alone
        ("Per altre costat, per sobre i per a menjar.", "Per altre costat, per sobre i per a menjar."),
    ],
)
def test_purpose_takes_its_a(verbs, catalan, expected):
    assert purpose(catalan, verbs) == expected


def test_french_and_english_purpose_comes_out_per(apertium):
    fr = apertium.translate(["le programme a été écrit pour simuler les observations."], "fr", "it")[0]
    en = apertium.translate(["The program was written to simulate the observations."], "en", "it")[0]
    assert "scritto per simulare" in fr and "scritto per simulare" in en, (fr, en)


ANALYSER = "/usr/share/apertium/apertium-cat-ita/cat-ita.automorf.bin"


@pytest.mark.parametrize(
    ("catalan", "expected"),
    [
        ("Després vencent el conjunt, va plorar.", "Després d'haver vençut el conjunt, va plorar."),
        ("un tie break després d'assolir 6-6.", "un tie break després d'haver assolit 6-6."),
        ("Després de la guerra, va marxar.", "Després de la guerra, va marxar."),  # not a verb
    ],
)
def test_after_a_verb_takes_the_compound_infinitive(catalan, expected):
    from cleantext.translation.catalan_bridge import after_gerund

    verbs = Verbs(GENERATOR, ANALYSER)
    try:
        assert after_gerund(catalan, verbs) == expected
    finally:
        verbs.close()


def test_closing_the_verb_tools_leaves_no_pipe_open():
    from cleantext.translation.catalan_bridge import after_gerund

    verbs = Verbs(GENERATOR, ANALYSER)
    after_gerund("Després vencent el conjunt, va plorar.", verbs)
    procs = [p for p in (verbs.proc, verbs.analyser) if p is not None]
    verbs.close()
    assert procs and all(p.stdin.closed and p.stdout.closed and p.poll() is not None for p in procs)


def test_english_after_ing_comes_out_dopo_aver(apertium):
    from cleantext.translation.postedit import tidy
    from cleantext.translation.route import Router

    router = Router([apertium], "it", post=tidy)
    won, arrived = router.translate(
        [("After winning the set, he cried.", "en"), ("He left after arriving in Rome.", "en")]
    )
    assert won.translation.startswith("Dopo aver vinto"), won
    assert "dopo essere arrivato" in arrived.translation, arrived
