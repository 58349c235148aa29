"""Leftover or choice: tests/cases/leftovers.json through detection and the judgement, and
the trust a translation needs to replace its source (with a fake engine)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleantext import leftover, split
from cleantext.detection import Detection, Detector, Span
from cleantext.freq import zipf
from cleantext.pipeline import Pipeline
from cleantext.settings import Settings
from cleantext.tokens import paired_quotes
from cleantext.translation.route import Router

CASES = json.loads((Path(__file__).parent / "cases" / "leftovers.json").read_text("utf-8"))["cases"]


def _judged(detector: Detector, text: str) -> list[tuple[str, Detection]]:
    sentences = [
        text[a:b]
        for p0, p1 in split.paragraphs(text)
        for a, b in ((p0 + s, p0 + e) for s, e in split.sentences(text[p0:p1]))
    ]
    dets = leftover.judge([(s, detector.detect(s)) for s in sentences], zipf)
    return list(zip(sentences, dets, strict=True))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['class']}: {c['text'][:30]}" for c in CASES])
def test_cases(case):
    """Each case through the whole pipeline (sentences, boilerplate, the judgement), with a
    fake engine: which spans are kept, and why, and which go to the engine."""
    doc = Pipeline(Settings(), router=Router([_Echo()], "it", ())).run(case["text"])
    segments = [g for s in doc.sentences if not s.dropped for g in s.segments]
    # judged a leftover: it carries the evidence, whether or not its translation was trusted
    translated = {g.text.strip() for g in segments if g.leftover}
    kept = {g.text.strip(): g.kept for g in segments if g.kept and not g.leftover}
    whole = {s.source.strip() for s in doc.sentences if s.language != "it"}
    for phrase, why in case.get("kept", {}).items():
        assert phrase not in translated, (phrase, translated)
        assert kept.get(phrase) == why, (phrase, kept)
    assert not translated or case.get("leftover"), translated  # a document of choices: nothing translated
    for phrase in case.get("leftover", []):
        assert phrase in translated or phrase in whole, (phrase, translated, kept)


def test_a_translated_span_says_why(detector):
    ((_, det),) = _judged(
        detector, "La commissione ha deciso que les nouvelles règles entreront in vigore a gennaio."
    )
    assert det.spans and "Italian does not use: nouvelles, règles, entreront" in det.spans[0].leftover


def test_one_sign_is_a_choice_two_are_a_machine():
    """The same quoted phrase: kept alone, and beside short terms ("short squeeze", ours);
    a leftover beside a long phrase a machine left (samples)."""
    quote = "Il ministro ha detto: “we are not ready” e poi è uscito."
    span = Span(quote.index("we"), quote.index("” e"), "en", 0.9)

    def beside(other: str, phrase: str) -> Detection:
        other_span = Span(other.index(phrase), other.index(phrase) + len(phrase), "en", 0.9)
        units = [(quote, Detection("it", (span,))), (other, Detection("it", (other_span,)))]
        return leftover.judge(units, zipf)[0]

    (alone,) = leftover.judge([(quote, Detection("it", (span,)))], zipf)
    assert alone.kept[0].kept == "quote" and not alone.spans
    terms = beside("I trader temono uno short squeeze e un crollo dei titoli.", "short squeeze")
    assert terms.kept[0].kept == "quote" and not terms.spans
    machine = beside(
        "La cooperazione si basa su una broad commonality of national interests e su una convergenza.",
        "broad commonality of national interests",
    )
    assert machine.spans and "quoted" in machine.spans[0].leftover


def test_a_phrase_the_page_sets_apart_is_kept_and_is_no_sign():
    """A marked phrase stays whatever the document, and does not make the quote beside it a
    machine's: the quote alone is kept, as with no other sign (ours)."""
    quote = "Il ministro ha detto: “we are not ready” e poi è uscito."
    span = Span(quote.index("we"), quote.index("” e"), "en", 0.9)
    other = "La riforma si basa su una broad commonality of national interests e su altro."
    other_span = Span(other.index("broad"), other.index(" e su"), "en", 0.9)
    units = [(quote, Detection("it", (span,))), (other, Detection("it", (other_span,)))]
    first, second = leftover.judge(units, zipf, marked=["una broad   Commonality of national interests"])
    assert second.kept[0].kept == "marked" and not second.spans
    assert first.kept[0].kept == "quote"
    assert leftover.judge(units, zipf)[0].spans  # unmarked, the phrase is a sign: the quote goes too


def test_a_span_across_two_marked_phrases_is_kept():
    """Detection reads two code elements and the colon between them as one span; each part
    is set apart, so the span is (a Debian manual's shape, our sentence). Words outside any
    marked phrase keep it a candidate."""
    text = "Se non si usa un altro strumento, basta scrivere da root: apt-get install aptitude e aspettare."
    span = Span(text.index("root"), text.index(" e aspettare"), "en", 0.9)
    units = [(text, Detection("it", (span,)))]
    (marked,) = leftover.judge(units, zipf, marked=["root", "apt-get install aptitude"])
    assert marked.kept[0].kept == "marked" and not marked.spans
    (half,) = leftover.judge(units, zipf, marked=["apt-get install aptitude"])
    assert not any(k.kept == "marked" for k in half.kept)
    # joined by an Italian conjunction: "<code>package</code> o <code>source-package</code>"
    # (aptitude's Italian manual; our sentence)
    text = "Si può impostare il valore a none, package o source-package per scegliere."
    span = Span(text.index("none"), text.index(" per"), "en", 0.9)
    units = [(text, Detection("it", (span,)))]
    (joined,) = leftover.judge(units, zipf, marked=["none", "package", "source-package"])
    assert joined.kept[0].kept == "marked" and not joined.spans


def test_italian_forms_are_not_lone_words(detector):
    """Rare Italian inflections that are English or French words too (own examples)."""
    for text in ("Come saranno allocate le risorse del fondo?", "Esistono bordure di diversi tipi."):
        assert not detector.detect(text).spans, text


class _Echo:
    """A fake engine: English → Italian by a small dictionary, back by its inverse; a word it
    does not know comes back as it was (as Apertium leaves unknown words)."""

    name = "echo"
    words = {"runs": "corre", "boats": "barche", "the government is not ready": "il governo non è pronto"}

    def supports(self, source: str, target: str) -> bool:
        return {source, target} in ({"en", "it"}, {"fr", "it"})

    def why_unavailable(self) -> str | None:
        return None

    def translate(self, texts, source, target):
        table = self.words if source == "en" else {v: k for k, v in self.words.items()}
        table = table | ({"corre": "it races"} if source == "it" else {})
        return [table.get(t.strip().rstrip(".").lower(), t) for t in texts]

    def close(self) -> None:
        pass


MACHINE = (
    "La squadra ha perso molte boats e ha segnato solo 36 runs nella gara di ieri. "
    "Il capitano ha detto che la stagione sarà lunga, the government is not ready."
)


def _run(settings: Settings):
    p = Pipeline(settings, router=Router([_Echo()], "it", ()))
    return p.run(MACHINE)


def test_a_single_word_replaces_its_source_only_when_it_comes_back():
    doc = _run(Settings())
    segs = {g.text: g for s in doc.sentences for g in s.segments}
    assert "barche" in doc.text and "il governo non è pronto" in doc.text
    assert "runs" in doc.text and "corre" not in doc.text  # "corre" comes back as "it races"
    assert segs["runs"].weak == "kept" and "not trusted" in segs["runs"].note
    # a word not trusted to be replaced is kept as the judgement keeps what it doubts, its
    # evidence of a leftover still in the record
    assert segs["runs"].kept == "uncertain" and segs["runs"].leftover


class _Pivot(_Echo):
    """A pivot that leaves its own language in: "boats" comes out Spanish, and back."""

    words = {**_Echo.words, "boats": "barcos"}


def test_a_rejected_translation_of_a_word_keeps_it_as_uncertain():
    """A word's translation the router's checks reject: the source stays, kept as
    `uncertain` like one not trusted; a whole stray sentence stays a leftover, found."""

    def reject(text: str, translation: str) -> str:
        return "does not read as it"

    doc = Pipeline(Settings(), router=Router([_Echo()], "it", (reject,))).run(MACHINE)
    segs = {g.text: g for s in doc.sentences for g in s.segments}
    assert segs["boats"].kept == "uncertain" and segs["boats"].note.startswith("rejected")
    assert not segs["the government is not ready"].kept and segs["the government is not ready"].leftover


def test_a_translation_that_is_not_italian_keeps_its_source():
    p = Pipeline(Settings(), router=Router([_Pivot()], "it", ()))
    doc = p.run(MACHINE)
    segs = {g.text: g for s in doc.sentences for g in s.segments}
    assert "boats" in doc.text and "barcos" not in doc.text  # it comes back, but is no Italian
    assert segs["boats"].weak == "kept" and "not Italian" in segs["boats"].note
    assert "il governo non è pronto" in doc.text


class _Leak(_Echo):
    """A pivot that leaves a word of its own in a term ("mailing-list" → "publitramesa-lista",
    Apertium through Catalan, a Debian manual)."""

    words = {**_Echo.words, "weather conditions": "condizioni meteorologiques"}


def test_a_term_whose_translation_holds_a_word_of_neither_language_keeps_its_source():
    text = MACHINE + " Le weather conditions hanno fermato la gara per due ore."
    doc = Pipeline(Settings(), router=Router([_Leak()], "it", ())).run(text)
    segs = {g.text: g for s in doc.sentences for g in s.segments}
    assert "Le weather conditions hanno" in doc.text and "meteorologiques" not in doc.text
    assert segs["weather conditions"].weak == "kept" and "neither language" in segs["weather conditions"].note
    assert "il governo non è pronto" in doc.text  # a clause: the rest of it counts more


class _SentenceLeak(_Echo):
    """The leak in a short whole sentence ("accordingly" → "consegüentment", Apertium through
    Catalan, a social network's disclaimer in a feed, held out)."""

    words = {**_Echo.words, "the crew left the boats": "l'equipaggio abandonà le barche"}


def test_a_short_sentence_whose_translation_holds_a_word_of_neither_language_keeps_its_source():
    """One word of five wrong: the source reads better (ours)."""
    text = MACHINE + " The crew left the boats."
    doc = Pipeline(Settings(), router=Router([_SentenceLeak()], "it", ())).run(text)
    segs = {g.text: g for s in doc.sentences for g in s.segments}
    assert "The crew left the boats." in doc.text and "abandonà" not in doc.text
    assert segs["The crew left the boats."].weak == "kept"
    assert "neither language" in segs["The crew left the boats."].note
    assert "il governo non è pronto" in doc.text


class _ListLeak(_Echo):
    """The same leak in the terms a writer lists, one span an Italian article runs through."""

    words = {
        **_Echo.words,
        "quiet quitting, il quiet hiring": "dimissioni silenciosas, il assunzioni silenciosas",
    }


def test_listed_terms_whose_translation_holds_a_word_of_neither_language_keep_their_source():
    """Five words, but terms of two words each (`leftover.short_terms`): a term's measure, in
    the leak check as in the judgement (ours)."""
    text = (
        MACHINE
        + " L'autrice racconta il quiet quitting, il quiet hiring e altri fenomeni del lavoro di oggi."
    )
    doc = Pipeline(Settings(), router=Router([_ListLeak()], "it", ())).run(text)
    segs = {g.text: g for s in doc.sentences for g in s.segments}
    assert "il quiet quitting, il quiet hiring e" in doc.text and "silenciosas" not in doc.text
    assert "neither language" in segs["quiet quitting, il quiet hiring"].note


def test_leftovers_all_translates_every_span():
    doc = _run(Settings(leftovers="all"))
    assert "corre" in doc.text and "barche" in doc.text


def test_settings_refuse_an_unknown_policy():
    with pytest.raises(ValueError, match="leftovers"):
        Settings(leftovers="some")
    with pytest.raises(ValueError, match="trust"):
        Settings(trust=2.0)


class _Terms(_Echo):
    """Two phrases word for word: one comes back as it was, the other does not."""

    words = {
        **_Echo.words,
        "quiet quitting": "taciuto lasciare",
        "broad commonality": "ampia comunanza",
        "quiet quitting, il quiet hiring": "taciuto lasciare, il taciuto contrattare",
        "bug tracking system": "l'insetto che segue sistema",
    }

    def translate(self, texts, source, target):
        if source == "it":
            back = {
                "taciuto lasciare": "quiet let",
                "ampia comunanza": "broad commonality",
                "taciuto lasciare, il taciuto contrattare": "quiet let, the quiet contract",
                "l'insetto che segue sistema": "the insect that tracks system",
            }
            return [back.get(t.strip(), t) for t in texts]
        return super().translate(texts, source, target)


def test_a_short_phrase_replaces_its_source_only_when_it_comes_back():
    """A term is not the sum of its words (ours): a short phrase inside an Italian sentence,
    the only sign in its document or beside other short ones, must come back when
    translated back, more than half of its words; in a machine's document (a whole foreign
    sentence), half of them is enough, and fewer keep the source (a Debian manual's
    "bug tracking system" came out "l'insetto che segue sistema")."""

    def run(text: str):
        doc = Pipeline(Settings(), router=Router([_Terms()], "it", ())).run(text)
        return doc, {g.text: g for s in doc.sentences for g in s.segments}

    doc, segs = run("Il fenomeno del quiet quitting cresce tra i più giovani.")
    assert "quiet quitting" in doc.text and "taciuto" not in doc.text
    assert segs["quiet quitting"].weak == "kept" and "quiet let" in segs["quiet quitting"].note
    doc, segs = run("La riforma si basa su una broad commonality di interessi.")
    assert "ampia comunanza" in doc.text
    doc, segs = run("Il fenomeno del quiet quitting cresce. Si basa su una broad commonality di interessi.")
    assert "quiet quitting" in doc.text and "ampia comunanza" in doc.text  # two short signs: both checked
    doc, segs = run("Il fenomeno del quiet quitting cresce, the government is not ready.")
    assert "taciuto lasciare" in doc.text and "il governo non è pronto" in doc.text
    doc, segs = run("Segnalatelo nel bug tracking system del progetto, the government is not ready.")
    assert "bug tracking system" in doc.text and "il governo non è pronto" in doc.text
    assert (
        segs["bug tracking system"].kept == "uncertain" and "the insect" in segs["bug tracking system"].note
    )
    # terms an Italian article lists are short terms, each checked (a bookshop's page, held out)
    doc, segs = run("Il libro racconta fenomeni come il quiet quitting, il quiet hiring e altri.")
    assert "il quiet quitting, il quiet hiring" in doc.text and "taciuto" not in doc.text


class _Speech(_Echo):
    """A minister's sentence in English, and its Italian (ours)."""

    words = {
        **_Echo.words,
        "we will not leave anyone behind during this crisis": (
            "non lasceremo indietro nessuno durante questa crisi"
        ),
    }


LEAD = "Il ministro ha letto il comunicato in inglese. We will not leave anyone behind during this crisis. "


def test_a_sentence_the_writer_translates_beside_it_is_a_gloss():
    """The Italian right after the English says what its translation says: the writer gave
    both, and the English stays; the same sentence without its Italian is a leftover."""
    p = Pipeline(Settings(), router=Router([_Speech()], "it", ()))
    glossed = LEAD + "Non lasceremo indietro nessuno durante questa crisi, ha poi ripetuto in italiano."
    doc = p.run(glossed)
    (seg,) = [g for s in doc.sentences for g in s.segments]
    assert seg.kept == "gloss" and doc.text == glossed
    alone = LEAD + "Poi ha risposto alle domande dei giornalisti sulla manovra di bilancio."
    doc = p.run(alone)
    assert "non lasceremo indietro nessuno" in doc.text.lower() and "We will" not in doc.text
    # --leftovers all translates whatever is foreign
    doc = Pipeline(Settings(leftovers="all"), router=Router([_Speech()], "it", ())).run(glossed)
    assert "We will" not in doc.text


@pytest.mark.parametrize(
    "translation, before, after, gloss",
    [
        # ours: the writer's Italian after the span, and before it
        (
            "Siamo molto felici d'accogliervi nella nostra città.",
            "Il sindaco ha parlato in francese. ",
            " Siamo molto felici di accogliervi nella nostra città, ha aggiunto.",
            True,
        ),
        (
            "il prezzo del silenzio",
            "L'inchiesta si intitola Il prezzo del silenzio, ovvero ",
            ", ed è uscita ieri.",
            True,
        ),
        # the same topic further off is no gloss: the words must be right beside the span
        (
            "il prezzo del petrolio sale ancora",
            "Il prezzo del petrolio è sceso ieri a Londra; gli analisti "
            "tuttavia avvertono che nei prossimi mesi della prossima stagione, ",
            ".",
            False,
        ),
        # one word of the translation beside it is a coincidence, and so is a word of one
        ("un argine molto alto", "Il fiume ha superato un argine ", " costruito nel 1950.", False),
        ("argine", "Il fiume ha superato l'argine e il ", " nord.", False),
        # a line given in two languages, alone in its paragraph: a looser match (ours, after a
        # game site); the same words inside a longer paragraph are the topic's
        ("Giorni che portano la nostra mente lontano.", "", " Giorni che ci portano via la testa.", True),
        (
            "Giorni che portano la nostra mente lontano.",
            "Il trailer mostra molte scene. ",
            " Giorni che ci portano via la testa.",
            False,
        ),
        # a short title and its Italian version, a dash or a colon between, the pivot's article
        # wrong (ours, after a feed's film titles); without the mark, or with other words, none
        ("Dopo lo pioggia", "Esce domani nelle sale ", " – Dopo la pioggia, il nuovo film.", True),
        ("Dopo lo pioggia", "Il nuovo lavoro del regista: ", "", False),
        ("Dopo lo pioggia", "Esce domani nelle sale ", " dopo la pioggia di ieri.", False),
        ("Dopo la guerra fredda", "", ": dopo la crisi di ieri, il governo.", False),
        ("Fiume", "Esce domani nelle sale ", " – Fiume, il nuovo lavoro del regista.", False),
    ],
)
def test_glossed(translation, before, after, gloss):
    assert leftover.glossed(translation, before, after, zipf) is gloss


def test_a_french_greeting_and_its_italian_with_apertium(pipeline):
    """The real engine's translation is not the writer's, but near enough (ours)."""
    text = (
        "Il sindaco ha accolto gli ospiti con poche parole nella loro lingua. Nous sommes très "
        "heureux de vous accueillir dans notre ville. Siamo molto felici di accogliervi nella "
        "nostra città, ha aggiunto."
    )
    doc = pipeline.run(text)
    (seg,) = [g for s in doc.sentences for g in s.segments]
    assert seg.kept == "gloss" and doc.text == text


def test_lines_given_in_two_languages_one_after_the_other_with_apertium(pipeline):
    """A page of sayings, each in English and then in Italian: the English lines are the
    writer's (ours, after pages of sayings and of lyrics, held out); the same lines with no
    Italian beside them are what a machine left."""
    pairs = [
        (
            "Hard work beats talent when talent does not work hard.",
            "Il duro lavoro batte il talento quando il talento non lavora duro.",
        ),
        (
            "The best teams play for each other, not for themselves.",
            "Le squadre migliori giocano l'una per l'altra, non per sé stesse.",
        ),
        ("Never give up.", "Non arrenderti mai."),
    ]
    head = "Le frasi più belle di un grande allenatore, in inglese e in italiano.\n\n"
    text = head + "\n\n".join(f"{en}\n\n{it}" for en, it in pairs)
    doc = pipeline.run(text)
    assert doc.text.strip() == text
    assert {g.text: g.kept for s in doc.sentences for g in s.segments} == {en: "gloss" for en, _ in pairs}
    alone = head + "\n\n".join(en for en, _ in pairs[:2])
    assert "Hard work" not in pipeline.run(alone).text


def test_a_line_shaped_like_the_pages_pairs_is_one_with_apertium(pipeline):
    """Lines each given in English and then in Italian in one paragraph: two are matched by
    their translations, the third ("Stories that stay with us.", whose translation reads
    "Narrazioni quello soggiorno…") is one too (ours, after a game site quoting a trailer,
    held out)."""
    lines = [
        "Stories that stay with us. Storie che restano con noi.",
        "Friends who fight by our side. Amici che combattono al nostro fianco.",
        "Cities we will never forget. Città che non dimenticheremo mai.",
    ]
    head = "Il nuovo trailer racconta i giochi in uscita con poche frasi in due lingue."
    text = "\n\n".join([head, *lines])
    doc = pipeline.run(text)
    assert doc.text.strip() == text
    assert [g.kept for s in doc.sentences for g in s.segments] == ["gloss"] * 3


# (English, as a pivot translates it, as the writer put it in Italian); ours
_TWICE = [
    (
        "Why did I start keeping a reading diary?",
        "Perché ho cominciato a tenere un diario di lettura?",
        "Perché ho iniziato a tenere un diario di lettura?",
    ),
    (
        "Mostly because I wanted to keep track of the books I read each month and what I thought of them.",
        "Maggioritariamente perché ho voluto pista dei libri ho letto ogni mese e che ho pensato di loro.",
        "Soprattutto perché volevo tenere traccia dei libri che leggo ogni mese e di cosa ne pensavo.",
    ),
    (
        "Which tools do you use to publish it?",
        "Quali utensili solere pubblicarlo?",
        "Quali strumenti usi per pubblicarlo?",
    ),
    (
        "A small static site, a text editor and a lot of patience with the hosting service.",
        "Un luogo statico piccolo, un editore di testo e molta pazienza con il servizio di ospitalità.",
        "Un piccolo sito statico, un editor di testo e tanta pazienza con il servizio di hosting.",
    ),
]


def test_a_page_written_twice_keeps_its_foreign_version():
    """A post given in English, then again in Italian, in the same order: each English
    paragraph is the writer's, matched or not (a greeting of its own), while the same
    English in a partly translated page, mixed with the Italian, is not (ours, after a blog's
    bilingual post, held out). As `paired` takes them, translations stand for the English."""
    english = [(tr, None) for _, tr, _ in _TWICE]
    italian = [(None, it) for *_, it in _TWICE]
    intro = ("Grazie per passare di qua!", None)  # ("Thanks for stopping by!"), no Italian version
    lines = [intro, *english, (None, "Versione italiana"), *italian]
    assert leftover.given_twice(lines, zipf) == [True] * 5 + [False] * 5
    assert leftover.given_twice([*italian, *english], zipf) == [False] * 4 + [True] * 4
    # the versions out of order, or fewer than three matched, are no page written twice
    assert not any(leftover.given_twice([*english, *italian[::-1]], zipf))
    assert not any(leftover.given_twice([*english[:2], *italian[:2]], zipf))
    # mixed with the Italian, each next to another paragraph, they are no second version
    mixed = [line for pair in zip(english, italian[1:] + italian[:1], strict=True) for line in pair]
    assert not any(leftover.given_twice(mixed, zipf))
    # a paragraph between the matched ones is the foreign version's, whatever it holds ("Yep!
    # Centuries ago I was on…": an Italian-read line, then English; a blog's bilingual post)
    both = (None, None)
    lines = [intro, *english[:2], both, *english[2:], (None, "Versione italiana"), both, *italian]
    assert leftover.given_twice(lines, zipf) == [True] * 6 + [False] * 6


def test_a_page_written_twice_keeps_its_english_with_apertium(pipeline):
    """The whole pipeline, translations by Apertium: the English section stays as written,
    kept `gloss`; without its Italian version it is translated (ours)."""
    english = "\n\n".join(en for en, *_ in _TWICE)
    italian = "\n\n".join(it for *_, it in _TWICE)
    text = f"Il mio diario di lettura, in due lingue.\n\n{english}\n\nItaliano\n\n{italian}"
    doc = pipeline.run(text)
    assert doc.text.strip() == text
    assert {g.kept for s in doc.sentences for g in s.segments} == {"gloss"}
    # a paragraph of the English version that opens with an Italian-read line stays too
    mine = "Eeeh! It is hard to choose, but I am very fond of the one about my grandfather's library."
    text = text.replace(_TWICE[1][0], f"{_TWICE[1][0]}\n\n{mine}")
    doc = pipeline.run(text)
    assert doc.text.strip() == text
    assert {g.kept for s in doc.sentences for g in s.segments} == {"gloss"}
    alone = pipeline.run(f"Il mio diario di lettura, in due lingue.\n\n{english}")
    assert "Mostly because" not in alone.text


def test_every_span_of_a_sentence_shaped_as_code_is_code():
    """LilyPond's music between braces reads as a French phrase ("c1:2 c:3 c:4"), no code
    sign of its own; the sentence around it is code (a command, braces; ours)."""
    text = "\\chordmode { c1:2 c:3 c:4 c:5 c1:6 c:7 c:8 }"
    span = Span(text.index("c1:2"), text.index(" }"), "fr", 0.9)
    (judged,) = leftover.judge([(text, Detection("it", (span,)))], zipf)
    assert judged.kept[0].kept == "code" and not judged.spans


@pytest.mark.parametrize(
    ("paragraphs", "signed"),
    [
        (["Men walk in Rome, 14 March 2025. EPA/JOHN SMITH"], [True]),
        (["A man walks past the stand (AP Photo/Jane Doe)"], [True]),
        # a picture agency's credit in brackets, the page printing the name again after it
        # (ours, after a monthly's page, held out)
        (
            [
                "LONDON, ENGLAND - MAY 12: Fans cheer before the final match on May 12, 2024 in London, "
                "England. (Photo by Jane Doe/Getty Images)Jane Doe"
            ],
            [True],
        ),
        (["Fans cheer before the final match.", "(Photo by JOHN SMITH / AFP)"], [True, True]),
        (
            ["La foto (foto di Mario Rossi/Ansa) ha fatto il giro del web, commentata da tanti."],
            [False],
        ),
        (["Protesters march in Milan.", "ANSA/MARIO ROSSI"], [True, True]),
        (["Protesters march in Milan.", "foto via Reuters.com (Mario Rossi/Pool)"], [True, False]),
        (["Protesters march in Milan.", "Nel pomeriggio il corteo è arrivato in piazza."], [False, False]),
        (["Thank you Milano! — Band (@band) July 2, 2024"], [True]),
        # the signature on a line of its own, the date as an Italian page prints it (ours,
        # after a national daily's page, held out)
        (["See you all next summer!", "— Band (@band) 2 luglio 2024"], [True, True]),
        # other sites sign an embedded post with its author and handle on a short line (ours)
        (["So excited to share this!", "Un post condiviso da Jane Singer (@janesinger)"], [True, True]),
        (
            ["Another year older.", "A post shared by John Actor (@johnactor) on Jun 5, 2024 at 10:12am PDT"],
            [True, True],
        ),
        (
            [
                "The tour starts in March.",
                "Il ministro, che su X si firma (@ministro), ha annunciato ieri sera in un lungo messaggio "
                "ai cittadini le nuove misure per il trasporto pubblico.",
            ],
            [False, False],
        ),
        # a post's lines printed on both sides of its signature, the last one linking its picture
        # (ours, after a news agency's page, held out); an Italian paragraph before a post whose
        # lines it would take past a post's length is the page's own
        (
            [
                "Questo il video pubblicato online.",
                "Reporter: “Can I ask one more question?”",
                "— Jane Doe (@janedoe) May 3, 2025",
                "Host: “Of course, go ahead.”",
                "*Audience claps* pic.twitter.com/AbC123xyz",
            ],
            [False, True, True, True, True],
        ),
        (
            [
                "Il presidente ha poi risposto alle domande dei giornalisti per più di un'ora, tornando "
                "più volte sui temi dell'immigrazione, dei dazi e della politica estera, senza però "
                "annunciare nuove misure e senza rispondere alle domande sulla sua salute, che da "
                "settimane agitano i commentatori.",
                "Great game tonight! pic.twitter.com/XyZ987abc",
            ],
            [False, True],
        ),
        # a slash between names or words is no credit (ours; the second, lingua's licence text)
        (["I treni sulla linea Roma/Milano"], [False]),
        (["COPYRIGHT AND/OR OTHER APPLICABLE LAW. ANY USE OF THE WORK"], [False]),
        (["Fonti: ANSA/AGI"], [False]),
    ],
)
def test_signed(paragraphs, signed):
    """Embedded posts and credited captions: what their authors wrote, as they wrote it."""
    assert leftover.signed(paragraphs) == signed


def test_inline_posts():
    """A post inside a paragraph: up to a post's length before its signature (ours); a
    signature that ends the paragraph is `signed`'s, and a handle in prose signs nothing."""
    post = "See you all next summer! — Band (@band) July 2, 2024"
    assert leftover.inline_posts(f"Il gruppo ha salutato. {post} Il tour riprenderà a settembre.") == [
        f"Il gruppo ha salutato. {post}"
    ]
    long = "Il gruppo ha salutato i fan con un lungo messaggio. " * 8
    (inside,) = leftover.inline_posts(f"{long}{post} Il tour riprenderà.")
    assert inside.endswith(post) and len(inside) == 280 + len(post) - post.index("—")
    assert leftover.inline_posts(f"Il gruppo ha salutato. {post}") == []
    assert leftover.inline_posts("Il ministro (@ministro) ha scritto il 2 luglio 2024 Alle otto.") == []


@pytest.mark.parametrize(
    ("paragraph", "entry"),
    [
        ("Zuboff, S. (2019). The age of surveillance capitalism. New York: PublicAffairs.", True),
        ("Couldry, N., & Mejias, U. A. (2019). The costs of connection. Stanford: SUP.", True),
        ("- Rossi, Mario (2021). Il mondo nella rete. Roma: Laterza.", True),
        # as medicine cites (ours, after a health blog, held out)
        ("2. Smith J et al. Reporting of trial results across medical centers. BMJ 2016;352:i637", True),
        ("Rossi M, Bianchi L. Sleep and memory in older adults. Lancet Neurol 2019 Mar;18(3):2-9.", True),
        ("3. Lo studio di Rossi M. sui pazienti del 2019; i risultati sono attesi.", False),
        # ours: a sentence naming a person and a year in brackets is no reference
        ("Secondo Rossi, il sindaco (2019) aveva torto.", False),
        ("Rossi, il sindaco, ha parlato ieri (in serata) ai cittadini riuniti in piazza nel 2019.", False),
    ],
)
def test_cited(paragraph, entry):
    """A reference list's entry opens with its authors and year: its title is the work's."""
    assert leftover.cited([paragraph]) == [entry]


@pytest.mark.parametrize(
    ("paragraphs", "heads"),
    [
        # ours: a heading over prose; the document's title over its subtitle is no heading
        (
            ["Dublino in tre giorni", "It's a long way, but worth it", "Siamo arrivati di venerdì sera."],
            [False, True, False],
        ),
        # a song's line over its Italian line is verse, not a heading (ours, after a lyrics page, held out)
        (
            ["The sun shines most the time", "Il sole splende quasi sempre", "Il brano è del 1971."],
            [False, True, False],
        ),
        # a list's item, a line the colon ends, a line longer than a heading (ours)
        (["- Top toolbars", "Le barre in alto contengono i comandi."], [False, False]),
        (["Ecco cosa serve:", "Un cavo e un adattatore."], [False, False]),
        (
            ["Did you ever read about a frog who dreamed of being a king", "Il brano è del 1971."],
            [False, False],
        ),
        (["Power saving settings", "Per risparmiare energia, riduci la luminosità."], [True, False]),
    ],
)
def test_headings(paragraphs, heads):
    """A line of its own over prose is a heading, in the writer's words."""
    assert leftover.headings(paragraphs) == heads


def test_a_line_the_page_sets_as_a_heading_is_one_whatever_follows_it():
    """An album's tracks as a page's headings, each over its video, none over prose (a blog,
    held out: "Into the West" came out "A quello Dell'ovest"). Ours."""
    tracks = ["Into the West", "Duel and Cloudscapes", "Il finale è il pezzo più lungo."]
    assert leftover.headings(tracks) == [False, True, False]
    set_as = {"into the west", "duel and cloudscapes"}
    assert leftover.headings(tracks, set_as) == [True, True, False]


def test_a_quotation_goes_on_over_sentences():
    """A speaker's words run over sentences: the part of each inside the quotation, the later
    ones carrying no mark of their own; a closing mark's partner ends it, not an apostrophe
    (ours)."""
    para = "Ha detto: «Abbiamo vinto un po’ tutti. We did it!», e poi è uscito. Poi ha taciuto."
    one, two = para.index(" We"), para.index(" Poi")
    bounds = [(0, one), (one + 1, two), (two + 1, len(para))]
    assert leftover.quote_tails(para, bounds) == [(11, one), (0, len("We did it!")), None]
    straight = 'Il cartello diceva "Chiuso per ferie. Back in September". Nessuno ci ha creduto.'
    cut = straight.index(" Back")
    tails = leftover.quote_tails(straight, [(0, cut), (cut + 1, len(straight))])
    assert tails[1] == (0, len("Back in September"))
    # a quotation inside one sentence is that sentence's own (`_quoted`)
    assert leftover.quote_tails("Ha detto «basta». Poi è uscito.", [(0, 17), (18, 31)]) == [None, None]


def test_a_credit_line_dropped_as_boilerplate_still_signs_its_caption():
    assert leftover.signed(["Protesters march in Milan.", "(Foto Ansa)"], [False, True]) == [True, False]


@pytest.mark.parametrize(
    ("text", "phrase", "closing"),
    [
        (
            "Il programma andava in onda su una radio locale, a station focused on talk radio.",
            "a station focused on talk",
            True,
        ),
        (
            "Il programma andava in onda su una radio locale, the ADT Corporation.",
            "the ADT Corporation",
            True,
        ),
        ("Il ministro ha parlato, off the record, con i giornalisti presenti.", "off the record", False),
    ],
)
def test_a_closing_clause_may_leave_its_last_word_out(text, phrase, closing):
    """A machine leaves the rest of a sentence; detection may leave its last word to Italian
    ("radio"), and the clause is still the sentence's last (ours, after dev:doc0035)."""
    start = text.index(phrase)
    assert leftover._closing_clause(text, Span(start, start + len(phrase), "en", 0.9)) is closing


def _lines(*pairs: tuple[str | None, str | None]) -> list[tuple[str | None, str | None]]:
    return list(pairs)


def test_lines_given_in_two_languages_need_two_pairs():
    """A foreign paragraph beside its Italian translation is the writer's on a page that sets
    two such pairs or more (a page of sayings); one alone beside an Italian paragraph on its
    topic is what a machine leaves (dev-flores' stray sentences). Ours."""
    one = ("Il lavoro duro batte il talento quando il talento non lavora duro.", None)
    two = ("Le squadre migliori giocano l'una per l'altra, non per se stesse.", None)
    lines = _lines(
        one,
        (None, "Il duro lavoro batte il talento quando il talento non lavora sodo."),
        two,
        (None, "Le squadre migliori giocano l'una per l'altra e non per sé stesse."),
        ("Non arrenderti mai.", None),
        (None, "Mai arrendersi."),
    )
    assert leftover.paired(lines, zipf) == [True, False, True, False, True, False]
    assert leftover.paired(lines[:2], zipf) == [False, False]
    # beside an Italian paragraph that does not say it, a long line stays a candidate
    other = (None, "La partita si è giocata ieri sera davanti a diecimila spettatori.")
    long = ("Il club ha annunciato che lo stadio sarà rinnovato entro la fine del prossimo anno.", None)
    assert leftover.paired([*lines[:4], other, long], zipf) == [True, False, True, False, False, False]


def test_one_pair_alone_is_given_in_two_languages_when_the_italian_repeats_it():
    """A long paragraph whose Italian neighbour repeats most of its content words is the
    writer's own version (a page of quotations giving a speaker's French after its Italian,
    held out); a neighbour on its topic, as a machine's stray paragraph has, is not. Ours."""
    said = (
        "Il consiglio comunale ha approvato ieri sera il nuovo piano per i trasporti pubblici, che "
        "prevede autobus elettrici, nuove piste ciclabili e biglietti più economici per gli studenti.",
        None,
    )
    again = (
        None,
        "Ieri sera il consiglio comunale ha approvato il nuovo piano dei trasporti pubblici: autobus "
        "elettrici, nuove piste ciclabili e biglietti meno cari per gli studenti universitari.",
    )
    topic = (
        None,
        "Il consiglio comunale discuterà la prossima settimana il piano dei trasporti pubblici, mentre "
        "gli studenti chiedono da anni autobus più frequenti e biglietti più economici.",
    )
    assert leftover.paired([again, said], zipf) == [False, True]
    assert leftover._says(said[0], topic[1] or "", zipf, "it", leftover.Policy())  # as a pair would
    assert leftover.paired([topic, said], zipf) == [False, False]


def test_a_manuals_untranslated_options_are_no_pairs():
    """A manual translated in part: each untranslated option (here as its translation reads)
    shares words with the translated ones beside it, the page's topic ("campo", "gruppo"),
    not a translation's; one Italian option matching both neighbours is no translation of
    either (ours, after Debian's manual pages, held out)."""
    lines = _lines(
        (None, "Se questo campo è vuoto, il gruppo primario dell'utente sarà creato con il suo nome."),
        (
            "Se questo campo contiene il nome di un gruppo esistente, il gruppo sarà il suo primario.",
            None,
        ),
        (None, "Se questo campo è numerico, il numero sarà usato come identificativo del gruppo primario."),
        (
            "Se questo campo contiene un gruppo che non esiste, il gruppo sarà creato con il numero dato.",
            None,
        ),
        (None, "Se questo campo contiene il nome di un utente, il gruppo sarà quello dell'utente stesso."),
    )
    assert leftover.paired(lines, zipf) == [False] * 5


@pytest.mark.parametrize(
    ("text", "paired"),
    [
        ("era 'I love beauty, it's not my fault'.", "era ‘I love beauty, it's not my fault’."),
        ("('Venus, I'll be your mirror') dell'artista", "(‘Venus, I'll be your mirror’) dell'artista"),
        ("un po' di tempo e l'uso dell'auto", "un po' di tempo e l'uso dell'auto"),  # apostrophes only
        ("disse 'basta e se ne andò", "disse 'basta e se ne andò"),  # nothing closes it
    ],
)
def test_straight_single_quotes_pair_only_as_quotations(text, paired):
    """Italian news quotes with straight single quotes as often as with «»; the same mark is
    the apostrophe of "l'uso" and of "po'" (ours)."""
    assert paired_quotes(text) == paired


def test_a_program_between_fences_inside_a_paragraph_is_not_translated():
    """A paragraph's program text between fences is set apart (`split.inline_fenced`, as the
    pipeline passes it): its lines are the computer's, not a leftover (ours, after
    Microsoft's docs, where "RUN apt-get update" came out "Corso atto-prendere
    l'aggiornamento")."""
    paragraph = (
        "Sostituire il contenuto con il codice seguente: ``` FROM debian:stable WORKDIR /app RUN "
        "apt-get update && apt-get install -y python-pip. RUN pip install --upgrade pip and then "
        "copy the requirements into the image. ``` Poi salvare il file."
    )
    sentence = "RUN pip install --upgrade pip and then copy the requirements into the image."
    det = Detection("en", (Span(0, len(sentence), "en", 1.0),))
    (alone,) = leftover.judge([(sentence, det)], zipf)
    assert alone.spans and not alone.kept
    (judged,) = leftover.judge([(sentence, det)], zipf, marked=split.inline_fenced(paragraph))
    assert judged.kept[0].kept == "marked" and not judged.spans
