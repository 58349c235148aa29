"""Program text and formulas inside prose (cleantext.code)."""

import pytest

from cleantext.code import code_shaped

CODE_SHAPED = [  # ours, after LibreOffice's and LilyPond's Italian help, where they were translated
    "Execute(optional returnid: bool = True): any",  # a call, an assignment
    "AddItem(menuitem: str, optional name: str): int",  # a call, an inner capital
    "f(t) = integral from 0 to 1 left[g(t) + sum from i=1 to N h(t) right]",
    "\\once \\override Glissando.bound-details.left.Y = #3",  # a command, an assignment
    "\\markup \\woodwind-diagram #'oboe #'()",  # a command, a Scheme value
]
NOT_CODE_SHAPED = [  # ours; then lingua's (tests/data/lingua)
    "Il nuovo iPhone (presentato ieri) costa mille euro, ha detto il portavoce.",
    "YouTube e WhatsApp [due piattaforme] restano le più usate dai ragazzi.",
    "Il rapporto deficit/Pil = 3% resta il tetto, come prevede l'art. 5(2).",
    "Rezirkulation und StrahlungswärmeabgabeEin Teil der Abgase wird wegen der speziellen "
    "geometrischen Form von heizCeram erneut der Brennerflamme zugeführt (= Rezirkulation).",
]


@pytest.mark.parametrize("text", CODE_SHAPED)
def test_code_and_formulas_are_code_shaped(text):
    assert code_shaped(text)


@pytest.mark.parametrize("text", NOT_CODE_SHAPED)
def test_prose_with_one_kind_of_code_sign_is_not_code_shaped(text):
    assert not code_shaped(text)


def test_two_words_joined_by_a_slash_are_words_a_path_is_not():
    from cleantext.code import word_pair

    assert all(map(word_pair, ["e/o", "input/output", "km/h", "entrata/uscita", "and/or"]))
    assert not any(map(word_pair, ["debian/rules", "usr/bin", "etc/passwd", "a/b/c", "debian"]))
