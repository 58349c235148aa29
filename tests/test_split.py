import pytest

from cleantext import split
from cleantext.split import paragraphs, sentences, wrapped


def _split(text):
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lo ha detto il Sig. Rossi. Poi è andato.", ["Lo ha detto il Sig. Rossi.", "Poi è andato."]),
        (
            "La S.p.A. Fiat ha chiuso. Il dott. Bianchi ha firmato.",
            ["La S.p.A. Fiat ha chiuso.", "Il dott. Bianchi ha firmato."],
        ),
        ("Lo ha scritto J. K. Rowling nel 1997. Fine.", ["Lo ha scritto J. K. Rowling nel 1997.", "Fine."]),
        ("Sono 1.400 persone, alle 22.08. Tutte salve!", ["Sono 1.400 persone, alle 22.08.", "Tutte salve!"]),
        (
            "Superano le alleanze della Guerra Fredda… Sono molto stabili",
            ["Superano le alleanze della Guerra Fredda…", "Sono molto stabili"],
        ),
        (
            "Ha detto: “Basta. Ora si cambia.” Poi è uscito.",
            ["Ha detto: “Basta.", "Ora si cambia.”", "Poi è uscito."],
        ),
        (
            "Vertice virtuale Putin-Xi: di cosa hanno discusso?",
            ["Vertice virtuale Putin-Xi: di cosa hanno discusso?"],
        ),
        ("Ecc. e altro, ecc. Il resto.", ["Ecc. e altro, ecc. Il resto."]),
        # a cited page or verse (ours): the number after "p." goes on the sentence
        (
            "Come osserva Rossi (2019, p. 8), il dato è nuovo. Si vedano le pp. 12-15.",
            ["Come osserva Rossi (2019, p. 8), il dato è nuovo.", "Si vedano le pp. 12-15."],
        ),
    ],
)
def test_italian_sentences(text, expected):
    assert _split(text) == expected


def test_paragraphs_are_non_empty_lines():
    text = "Titolo\n\nPrimo paragrafo.\n   \nSecondo.\nTerzo."
    assert [text[s:e] for s, e in paragraphs(text)] == ["Titolo", "Primo paragrafo.", "Secondo.", "Terzo."]


def _paragraphs(text, **kw):
    return [text[s:e] for s, e in paragraphs(text, **kw)]


# prose wrapped at a width (ours, after a game site's review printed with hard line breaks)
WRAPPED = (
    "Il festival si apre domani con un concerto nella\n"
    "piazza del paese, dove la banda suonerà fino a\n"
    "mezzanotte. Gli organizzatori hanno chiesto ai residenti di\n"
    "lasciare libere le strade.\n"
    "Il programma completo è sul sito del comune,\n"
    "Biglietti in vendita da lunedì.\n"
    "\n"
    "Ingresso libero per i bambini sotto i dieci anni e per\n"
    "gli over 65."
)


def test_wrapped_prose_is_joined_where_a_sentence_runs_on():
    assert _paragraphs(WRAPPED) == [
        "Il festival si apre domani con un concerto nella\npiazza del paese, dove la banda suonerà fino a\n"
        "mezzanotte. Gli organizzatori hanno chiesto ai residenti di\nlasciare libere le strade.",
        "Il programma completo è sul sito del comune,\nBiglietti in vendita da lunedì.",
        # a blank line still ends a paragraph; the document's wrapping joins this one too
        "Ingresso libero per i bambini sotto i dieci anni e per\ngli over 65.",
    ]
    assert _paragraphs(WRAPPED, unwrap=False) == [line for line in WRAPPED.split("\n") if line]


@pytest.mark.parametrize(
    "text",
    [
        # verses end where a phrase ends, whatever case the next one starts in (ours)
        "Nel cielo azzurro vola\nuna rondine sola\ne il vento la porta\nlontano dal mare",
        # a flattened table of commands and their keys: "a1" ends on no word (a manual's page, held out)
        "Tasti speciali:\na1\na3\nb2\nbackspace\nbacktab",
        # one paragraph per line, the way scraped articles come (ours)
        "Il sindaco ha parlato alla\n\nstampa. Poi se ne è andato di\nCorsa verso il municipio.",
    ],
)
def test_lines_not_wrapped_stay_paragraphs(text):
    assert _paragraphs(text) == [line for line in text.split("\n") if line]


def test_wrapping_needs_two_cuts_after_a_word_no_sentence_ends_on():
    assert wrapped([("il concerto nella", "piazza"), ("fino a", "mezzanotte")])
    assert not wrapped([("il concerto nella", "piazza"), ("fino a", "Mezzanotte")])
    assert not wrapped([("il concerto nella", "piazza"), ("tasti a1", "a3")])


def test_the_word_before_a_period_is_found_from_the_end_as_from_the_start():
    """`_WORD_BEFORE` searches backwards (it ran over every word of the sentence before):
    the same word on lingua's sentences cut at each period, and on odd cases."""
    import regex
    from conftest import ROOT

    from cleantext.split import _WORD_BEFORE

    forward = regex.compile(_WORD_BEFORE.pattern)
    data = ROOT / "tests" / "data" / "lingua" / "sentences"
    texts = [
        line[: i + 1]
        for lang in ("it", "fr", "en")
        for line in (data / f"{lang}.txt").read_text("utf-8").splitlines()
        for i, ch in enumerate(line)
        if ch == "."
    ]
    texts += ["a.b.c.", ".", "..", "abc", "x.", " .", "Sig..", "É.", "S.p.A.", "il dott.", "n. 2."]
    assert len(texts) > 1000
    for text in texts:
        a, b = forward.search(text), _WORD_BEFORE.search(text)
        assert (a and a.group(1)) == (b and b.group(1)), text


def test_a_vertical_tab_is_a_soft_break_not_a_paragraph():
    """Issue 35: "\\x0b" (a word processor's line break) split a sentence into two
    paragraphs, and the first half went as a short line (ours)."""
    text = "Il primo\x0bparagrafo continua qui.\u2028Secondo.\x0cTerzo.\r\nQuarto.\x85 e oltre"
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "Il primo\x0bparagrafo continua qui.",
        "Secondo.",
        "Terzo.",
        "Quarto.\x85 e oltre",
    ]
    from cleantext import clean_text

    assert (
        clean_text("Il primo\x0bparagrafo continua qui.", translate=False)
        == "Il primo paragrafo continua qui."
    )


def test_a_line_of_prose_a_stray_break_cuts_goes_on_in_the_next():
    # ours, after a daily's motoring page: one break in a paragraph, no wrapping elsewhere
    first = "Il consiglio comunale ha discusso a lungo la proposta di bilancio presentata dalla giunta"
    text = f"{first}\nche alla fine è stata approvata con due voti di scarto.\nLa seduta è stata poi sospesa."
    assert _paragraphs(text) == [
        f"{first}\nche alla fine è stata approvata con due voti di scarto.",
        "La seduta è stata poi sospesa.",
    ]
    assert len(_paragraphs(text, unwrap=False)) == 3
    # a list's items end on no sentence (ours, after LibreOffice's help)
    items = (
        "Punto (.) - consentito all'interno di un nome ma non come primo o ultimo carattere del nome\n"
        "spazio vuoto () - consentito all'interno di un nome ma non per un'area di celle"
    )
    assert len(_paragraphs(items)) == 2


def test_markdown_fences_are_found_and_their_lines_kept_apart():
    """A text exported as Markdown holds program text between fences ("```bash" … "```",
    "~~~"): each line is a paragraph of its own, never joined to the next as a wrapped
    sentence's are; a fence never closed is no block (ours)."""
    prose = (
        "Per installare il pacchetto sul vostro computer eseguite questi comandi nel terminale del\n"
        "sistema, uno dopo l'altro."
    )
    code = "```bash\nsudo apt-get install \\\n  cleantext\n```"
    text = f"{prose}\n\n{code}\n\n~~~\nx = 1\n~~~\n"
    blocks = split.fences(text)
    assert [text[a:b] for a, b in blocks] == [code, "~~~\nx = 1\n~~~"]
    got = [text[a:b] for a, b in split.paragraphs(text)]
    assert got[0] == prose  # the prose around is still unwrapped
    assert got[1:] == ["```bash", "sudo apt-get install \\", "  cleantext", "```", "~~~", "x = 1", "~~~"]
    assert split.fences("Tre apici inversi, ```, aprono un blocco.\n```python\nx = 1\n") == []


def test_inline_fenced():
    """Program text between two fences on one line: a list item whose Markdown a renderer
    left as text (ours, after Microsoft's docs); no pair of fences, no program."""
    line = "Sostituire il contenuto con: ``` FROM debian:stable RUN apt-get update ``` e salvare."
    assert split.inline_fenced(line) == ["FROM debian:stable RUN apt-get update"]
    two = "Due blocchi: ~~~ make ~~~ e ``` make install ```."
    assert split.inline_fenced(two) == ["make", "make install"]
    assert split.inline_fenced("Un solo ``` aperto e mai chiuso.") == []
    assert split.inline_fenced("``````") == []
