"""Stray-language detection on real sentences: what must be found and what must not."""

import pytest


def spans(detector, text):
    det = detector.detect(text)
    return det.language, [(text[s.start : s.end], s.language) for s in det.spans]


@pytest.mark.parametrize(
    ("text", "span", "lang"),
    [
        (
            "Putin ha affermato che la cooperazione tra Mosca e Pechino si basa su una broad commonality "
            "di interessi nazionali.",
            "broad commonality",
            "en",
        ),
        (
            "Putin ha dichiarato: “Advocating for a more just multi-polar world order” e ha evidenziato che "
            "Russia e Cina stanno lavorando.",
            "Advocating for a more just multi-polar world order",
            "en",
        ),
        (
            "L'attività svolta è stata per lo più teorica, mais le programme a été écrit pour simuler les "
            "observations faites de la galaxie du Sagittaire.",
            "mais le programme a été écrit pour simuler les observations faites de la galaxie du Sagittaire",
            "fr",
        ),
        (
            "Ring ha inoltre raggiunto un accordo con la società concorrente di servizi di sicurezza, "
            "the ADT Corporation.",
            "the ADT Corporation",
            "en",
        ),
        (  # the Italian elided preposition glued to the first word is the sentence's (ours)
            "La nuova legge elettorale riporta il paese all'ancien régime, secondo l'opposizione.",
            "ancien régime",
            "fr",
        ),
    ],
)
def test_foreign_spans_inside_italian(detector, text, span, lang):
    main, found = spans(detector, text)
    assert main == "it"
    assert (span, lang) in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Previously, Ring's CEO, Jamie Siminoff, remarked the company started when his doorbell wasn't "
            "audible from his shop in his garage.",
            "en",
        ),
        ("Le véhicule lui-même a été enlevé du lieu de l'accident vers 12 h 00 GMT le même jour.", "fr"),
    ],
)
def test_whole_foreign_sentences(detector, text, lang):
    main, found = spans(detector, text)
    assert main == lang
    assert found == [(text, lang)]


@pytest.mark.parametrize(
    ("text", "span", "lang"),
    [
        (
            "Alla fine, le chef est responsable en dernier ressort du succès et de l’échec de l’équipe.",
            "le chef est responsable en dernier ressort du succès et de l’échec de l’équipe",
            "fr",
        ),
        (
            "Le chef est responsable en dernier ressort du succès, come ha detto il ministro.",
            "Le chef est responsable en dernier ressort du succès",
            "fr",
        ),
        (  # a name inside the Italian clause is the clause's (ours)
            "Secondo il Financial Times, the Italian government has lost control of the public debt.",
            "the Italian government has lost control of the public debt",
            "en",
        ),
    ],
)
def test_an_italian_opening_or_closing_clause_stays_out_of_the_span(detector, text, span, lang):
    """Mostly foreign, but not whole: the Italian clause is not sent to the engine."""
    assert spans(detector, text) == ("it", [(span, lang)])


@pytest.mark.parametrize(
    ("text", "span", "lang"),
    [  # ours, shaped after a news feed's (held out): "prima i giovani, i part time o chi…"
        ("Si chiede chi mandare a casa prima, i giovani, i part time o chi non ha figli.", "part time", "en"),
        (
            "Il ministro ha parlato a lungo, il ne faut pas oublier les victimes.",
            "il ne faut pas oublier les victimes",
            "fr",
        ),
    ],
)
def test_the_italian_article_a_loan_takes_is_the_sentences(detector, text, span, lang):
    """Italian gives a borrowed phrase its own article: "i" of "i part time" is no English
    word to translate; a French clause's "il" (its pronoun) stays with it."""
    assert spans(detector, text) == ("it", [(span, lang)])


@pytest.mark.parametrize(
    "text",
    [
        "Leggi anche: Biden-Putin: atteso oggi il summit online",
        "Il leader cinese ha parlato con il premier e i partner sui social media.",
        "Lo smart working è ormai un déjà vu, secondo il Financial Times e Le Monde.",
        "Putin ha detto che Xi Jinping è un caro amico e ha lodato la partnership.",
        'Nel 1989 ha partecipato alla creazione di "The Simpsons" ("I Simpsons") insieme a Brooks.',
        'Il magnifico "Great Deeds by Swedish Kings" di David Klöcker Ehrenstrahl è nel Guinness.',
        'Il modo migliore è comportarsi come una persona "bien élevé".',
        "Il sito www.ansa.it e l'hashtag #StopWar sono stati citati dal New York Times.",
        "Il ponte congiunge Oiapoque, in Brasile, a Saint-Georges de l'Oyapock, nella Guyana Francese.",
        "La nave ha fatto scalo a Saint-Pierre de l'Isle, poi è ripartita verso nord.",
    ],
)
def test_no_false_alarms_on_italian(detector, text):
    assert spans(detector, text) == ("it", [])


def test_segment_offsets_are_exact_in_the_source(seeds):
    doc = seeds["004"]
    segs = [(s, g) for s in doc.sentences for g in s.segments]
    assert any(g.text == "broad commonality" and g.language == "en" for _, g in segs)
    for s, g in segs:
        assert s.source[g.start : g.end] == g.text
        assert 0 <= g.confidence <= 1


def test_span_benchmark_beats_lingua_alone(detector):
    """Span-level figures on the labelled set of scripts/span_benchmark.py (real text)."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    import span_benchmark as sb

    cases = sb.build_cases(ROOT / "tests" / "data" / "lingua" / "sentences", 300)
    m = sb.score(cases, lambda t: [(s.start, s.end, s.language) for s in detector.detect(t).spans])
    # 0.933 before multi-word names were kept as written (issue 14): cut phrases that hold a
    # name ("Bank of Canada, with") now leave the name out of the span to translate
    assert m["recall"] >= 0.91
    assert m["precision"] >= 0.95
    assert m["pure_flagged"] <= 0.005
    clauses = sb.build_clause_cases(ROOT / "tests" / "data" / "lingua" / "sentences", 200)
    c = sb.clause_edges(clauses, lambda t: [(s.start, s.end, s.language) for s in detector.detect(t).spans])
    assert c["found"] >= 0.97
    assert c["start_exact"] >= 0.89


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (  # a weak word closing the Italian clause stays Italian
            "Dobbiamo smettere di cercare soluzioni da altre parti, et possèdent tous des structures "
            "originales dont la succession est parfois intriguante.",
            "et possèdent tous des structures originales dont la succession est parfois intriguante",
        ),
        (  # a name closing the Italian clause stays Italian
            "Non so quanto profonda fosse l’amicizia per Sambi, nous disposons aujourd'hui des outils "
            "juridiques pour agir.",
            "nous disposons aujourd'hui des outils juridiques pour agir",
        ),
        (  # a word both languages use opens the foreign clause
            "Polizia e Carabinieri sono riusciti a ricostruire l'organigramma della cosca, il ne faut "
            "pas confondre les deux affaires.",
            "il ne faut pas confondre les deux affaires",
        ),
    ],
)
def test_a_foreign_clause_starts_at_its_comma(detector, text, span):
    assert spans(detector, text)[1] == [(span, "fr")]


def test_a_name_after_a_comma_is_not_pulled_into_a_span(detector):
    text = (
        "Il ponte congiunge la città di Oiapoque, in Brasile, a Saint-Georges de l'Oyapock, nella "
        "Guyana Francese."
    )
    assert spans(detector, text) == ("it", [])


def test_a_name_whose_word_follows_an_elision_is_one_name(detector):
    """ "d'Électricité" is a name's word as "Électricité" is: the whole name is kept as
    written, not translated as French (the GIMP manual's Italian pages, held out)."""
    text = "Il filtro segue le specifiche CIE («Compagnie Internationale d'Électricité»)."
    det = detector.detect(text)
    assert not det.spans
    assert [(text[k.start : k.end], k.kept) for k in det.kept] == [
        ("Compagnie Internationale d'Électricité", "name")
    ]


DORMOUSE = (
    "While most of their food would be familiar to us, Romans did have their share of strange or "
    "unusual feast items, including wild boar, peacock, snails, and a type of rodent called a dormouse "
    "Un'altra differenza stava nel fatto che mentre i poveri e le donne mangiavano stando seduti sulle sedie."
)


@pytest.mark.parametrize(
    ("text", "cut_before"),
    [
        (DORMOUSE, "Un'altra differenza"),  # a lost period between an English and an Italian sentence
        (
            "Ieri a Roma il ministro degli Esteri ha parlato The government said that it would act.",
            "The government",
        ),
        ("Il vertice con Putin ha detto che the summit was a success for everyone.", None),  # lower case
        ("Secondo il Financial Times the government will fall before the summer.", None),  # a name
        ("Dopo la sua invenzione, le crayon était un bon ami pour beaucoup de gens.", None),  # punctuation
        # the sentence's lowercase words go on after the span: a title inside it (ours)
        ("I tifosi hanno intonato You'll never walk alone prima del calcio d'inizio.", None),
        # ... a comma between them: the span was cut off as a sentence of its own and, in a
        # long document, the title translated (ours)
        ("Il pubblico ha cantato a lungo Here comes the sun, e la serata è finita tardi.", None),
        (
            "Ieri a Roma il ministro degli Esteri ha parlato The government said it would act, and soon.",
            "The",
        ),
        # an Italian sentence does not end on a preposition: the title is its complement (ours)
        ("Lo scrittore descrive la società francese con À la recherche du temps perdu.", None),
    ],
)
def test_a_lost_sentence_break_shows_at_a_change_of_language(detector, text, cut_before):
    from cleantext.detection import missing_breaks

    cuts = missing_breaks(text, detector.detect(text))
    assert [text[c:].lstrip()[: len(cut_before)] for c in cuts] == ([cut_before] if cut_before else [])


def _lingua(lang: str, n: int | None = None) -> list[str]:
    """lingua's test sentences of `lang` (the first `n`)."""
    from conftest import ROOT

    path = ROOT / "tests" / "data" / "lingua" / "sentences" / f"{lang}.txt"
    return path.read_text("utf-8").splitlines()[:n]


def _sample_sentences() -> list[str]:
    """Every sentence of the samples, as the pipeline splits them."""
    from conftest import SAMPLES

    from cleantext import split

    out = []
    for path in SAMPLES.glob("*.txt"):
        text = path.read_text("utf-8")
        out += [text[a:b] for a, b in split.sentences(text)]
    return out


def test_the_one_pass_check_only_skips_sentences_viterbi_keeps_italian(detector):
    """`_no_foreign_run` stands in for Viterbi where no run of words pays for a switch: on
    lingua's Italian, French and English sentences and the samples, wherever it says so,
    Viterbi's path is all Italian; it says so for most Italian sentences and no foreign one."""
    said = {}
    for lang in ("it", "fr", "en"):
        said[lang] = 0
        for line in _lingua(lang, 400):
            toks = detector.tokens(line)
            if toks and detector._no_foreign_run(toks):
                said[lang] += 1
                assert set(detector._viterbi(toks)) == {"it"}, line
    for sentence in _sample_sentences():
        toks = detector.tokens(sentence)
        if toks and detector._no_foreign_run(toks):
            assert set(detector._viterbi(toks)) == {"it"}, sentence
    assert said["it"] > 300 and said["fr"] < 10 and said["en"] < 10, said  # (Viterbi agrees on those)


def test_lingua_is_never_asked_without_a_heads_up_naming_the_language():
    """`detect(text, heads_up)` calls heads_up(lang) before each question to lingua, so a
    caller can start what `lang` will need while lingua's models load (the pipeline starts
    that language's engine). Checked on lingua's French and English sentences cut in two
    and joined to Italian ones, and on the samples."""
    from cleantext.detection import Detector

    detector = Detector()
    events: list[tuple[str, str]] = []
    asked = detector.lingua_scores

    def lingua_scores(text):
        events.append(("lingua", ""))
        return asked(text)

    detector.lingua_scores = lingua_scores
    italian = _lingua("it")
    texts = _sample_sentences()
    for lang in ("fr", "en"):
        for k, line in enumerate(_lingua(lang, 150)):
            half = line[: len(line) // 2]
            texts += [line, f"{italian[k]} {half}", f"{italian[k][:40]}, {half}"]
    for text in texts:
        detector.detect(text, lambda lang: events.append(("heads_up", lang)))
    questions = [i for i, (what, _) in enumerate(events) if what == "lingua"]
    assert len(questions) > 20
    assert all(
        i > 0 and events[i - 1][0] == "heads_up" and events[i - 1][1] in ("fr", "en") for i in questions
    )


def test_the_no_token_pass_reads_the_words_that_tokens_gives_evidence():
    """The no-token pass finds its words with one pattern that leaves out a lone letter
    before a period (`abbreviation`): every word with evidence, in order, as `tokens` finds
    them. Checked on lingua's sentences, the samples and made-up abbreviations, initials,
    numbers and combining accents."""
    from cleantext.detection.shape import EVIDENT_TOKEN, TOKEN, abbreviation, says_nothing

    made = [  # ours
        "Il d.l. n. 18, art. 3 e la l. 241.", "J. R. R. Tolkien e A.B.C. a Roma.", "Punto 3. Poi 4.5.",
        "l'a. x è. ab.c x\u0301. e\u0301. n'. a-b. un \u0301. segno", "Alla p. 12, v. sopra; cfr. A. Rossi.",
    ]  # fmt: skip
    texts = [*_lingua("it"), *_lingua("fr", 300), *_lingua("en", 300), *_sample_sentences(), *made]
    for text in texts:
        words = [m.group() for m in TOKEN.finditer(text) if not abbreviation(text, m.group(), m.end())]
        evident = EVIDENT_TOKEN.findall(text)
        assert [w for w in words if not says_nothing(w)] == [e for e in evident if not says_nothing(e)], text


def test_the_no_token_pass_only_settles_sentences_the_full_way_finds_all_italian():
    """`_surely_main` answers for `detect` without building tokens: wherever it does, the
    full way (names and loan phrases protected, Viterbi, kept spans) finds no foreign span
    and keeps none. Checked on lingua's Italian, French and English sentences, the samples,
    and sentences made to test its bound: names with joiners, loan phrases, title case."""
    from cleantext.detection import Detection, Detector

    fast, full = Detector(), Detector()
    full._surely_main = lambda text: False
    texts = {lang: _lingua(lang, 400) for lang in ("it", "fr", "en")}
    texts["it"] += _sample_sentences()
    texts["made"] = [  # ours: capitalised foreign words and joiners inside Italian sentences
        "Ne ha parlato il direttore della Bank of England ieri a Londra.",
        "Il governatore della Federal Reserve of New York ha parlato di tassi.",
        "Lo smart working e la first lady sono parole che usiamo ogni giorno.",
        "Il libro Les Parents Pauvres di Balzac è uscito in una nuova edizione.",
        "Secondo il Financial Times, the Competition and Markets Authority indaga.",
        "Ha visto The Lord of the Rings al cinema con la famiglia.",
        # what only looks like a URL or a file goes the fast way; what is one, the full way
        "Sono arrivate 1.500 persone, il 3.5% in più degli U.S.A. e dell'U.E. di allora.",
        "Il sito www.ansa.it ha pubblicato the full report of the committee ieri.",
        "Leggi https://example.com/the/news/today per sapere cosa è successo.",
        "Scrivete a info@comune.it o a @sindaco per la relazione finale.pdf di ieri.",
        "Il file relazione.pdf e la cartella dati/2024/finale sono online.",
    ]
    said = dict.fromkeys(texts, 0)
    for lang, lines in texts.items():
        for line in lines:
            if fast._surely_main(line):
                said[lang] += 1
                assert full.detect(line) == Detection("it", ()), line
            assert fast.detect(line) == full.detect(line), line
    assert said["it"] > 0.7 * len(texts["it"]) and said["fr"] < 10 and said["en"] < 10, said
    assert [fast._surely_main(line) for line in texts["made"][-5:]] == [True, False, False, False, False]


CODE = {  # ours, after Italian manual pages (manpages-it), whose translations turned them into Italian
    "The files /etc/passwd and /etc/group are changed by the tool.": ["/etc/passwd", "/etc/group"],
    "You can't use this option with --add-subuids or -p at the same time.": ["--add-subuids", "-p"],
    "Run xinit -geometry =80x65 -fg white -bg navy to start the display.": ["-geometry", "-fg", "-bg"],
    "The structure is described in mknod(1) and it is locked with flock() by the process.": [
        "mknod(1)",
        "flock()",
    ],
    "Use the options bs=1k count=1 to copy only the first block of the disk.": ["bs=1k", "count=1"],
    "The option APT::Get::allow-downgrades allows the tool to install older packages.": [
        "APT::Get::allow-downgrades"
    ],
    "Edit debian/rules and the files in usr/bin, for input/output and/or speed.": ["debian/rules", "usr/bin"],
    "Print the result of --help and --version for every program.": ["--help", "--version"],
    # a documentation site's directives (after Microsoft's Italian docs' Markdown, held out)
    ":::row::: :::column::: The toolkit covers spatial mapping and hand tracking. :::column-end:::": [
        ":::row:::",
        ":::column:::",
        ":::column-end:::",
    ],
    "Use \\tiny or \\huge before the text, and \\harp-pedal for a diagram.": [
        "\\tiny",
        "\\huge",
        "\\harp-pedal",
    ],
}


def test_code_is_never_language():
    """Paths, command-line options, calls, manual pages, settings and scoped names carry no
    language and no span takes them in, so no translation rewrites them ("/etc/passwd" came
    out "/ecc/passwd", "--add-subuids" "--aggiunge-subuids"); Italian punctuation that looks
    a little like them is no code (ours)."""
    from cleantext.detection import Detector
    from cleantext.detection.shape import guarded

    detector = Detector()
    for text, code in CODE.items():
        assert [text[a:b] for a, b in guarded(text)] == code, text
        for c in code:  # alone too: the cheap pre-check (MAYBE_PROTECTED) sees every kind
            assert [c[a:b] for a, b in guarded(c)] == [c], c
        found = detector.detect(text)
        assert found.language == "en" or found.spans, text
        for span in (*found.spans, *found.kept):
            assert not any(c in text[span.start : span.end] for c in code), (text, span)
    prose = [  # ours
        "Il biennio 2023-2024 e/o il triennio, la ex-moglie, il -5% e (-3 punti) - ha detto.",
        "- il governo ha detto che l'art. 5(2) della legge (n. 3) resta in vigore.",
        "Il risultato: 3 a 1, con due reti nel finale (al 90') e una al 45'.",
    ]
    assert [guarded(t) for t in prose] == [(), (), ()]


def test_a_span_and_a_kept_name_never_overlap(detector):
    """A name inside a span goes to the engine with it: the span "the Making of European Law"
    and the name "Making of European Law" were both recorded (ours), so a translated span
    left a name record pointing into text it had replaced. Checked on lingua's sentences with
    an English title inside an Italian one, built as the phrase benchmark builds them."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    import span_benchmark as sb

    own = "- Anne Smith, Without Borders: the Making of European Law."
    built = sb.build_cases(ROOT / "tests" / "data" / "lingua" / "sentences", 200)
    cases = [own] + [c.text for c in built]
    for text in cases:
        found = detector.detect(text)
        for a in found.spans:
            assert not any(a.start < k.end and k.start < a.end for k in found.kept), (text, found)
    assert detector.detect(own).spans


@pytest.mark.parametrize(
    "text",
    ["LLM in ChatGPT significa large language model.", "RAG significa retrieval augmented generation."],
)
def test_an_italian_verb_keeps_a_sentence_of_foreign_terms_italian(detector, text):
    """Lingua reads mostly English letters; the verb only Italian has says whose sentence it
    is (ours, after a page on chatbots): only the term is a span."""
    det = detector.detect(text)
    assert det.language == "it" and [text[s.start : s.end] for s in det.spans] == [
        text[text.index("significa ") + 10 : -1]
    ]


def test_a_span_does_not_begin_inside_an_aside_it_does_not_close(detector):
    """A name closing a bracketed aside is the aside's: the title after it is the span (ours,
    after a book page)."""
    text = (
        'Il libro è uscito a Parigi (con l\'editore Phébus), "La nuit est tombée sur la ville", e ha vinto.'
    )
    assert [text[s.start : s.end] for s in detector.detect(text).spans] == ["La nuit est tombée sur la ville"]


def test_a_foreign_run_ends_at_a_word_its_language_never_wrote(detector):
    """The sequence model let a weak Italian verb pass inside a French run, and a name, the
    verb and a French word became one span to translate (ours, after an art news page, held
    out). Cut at the verb, the name is kept as written and the verb is no span's; no two
    records of the sentence overlap."""
    text = "Da sabato gli Amis de la Bibliothèque à Lyon inaugurano cartable, un laboratorio di pittura."
    det = detector.detect(text)
    verb = text.index("inaugurano")
    assert not any(s.start <= verb < s.end for s in (*det.spans, *det.kept)), det
    assert [(text[k.start : k.end], k.kept) for k in det.kept] == [
        ("Amis de la Bibliothèque à Lyon", "title")
    ]
    found = sorted((*det.spans, *det.kept), key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False)), det


def test_a_span_never_starts_inside_a_code_word(detector):
    """An error's number glued to its letter ("00A") split into two tokens, and the span began
    at its "A": the pivot read it as an article ("00Un desbordament …"; ours, after a Debian
    fortune listing Windows' errors, held out)."""
    text = "Ecco l'elenco completo: 00A Promotional literature overflow - la casella è piena."
    det = detector.detect(text)
    assert [text[s.start : s.end] for s in det.spans] == ["Promotional literature overflow"], det


def test_a_foreign_run_ends_at_a_spaced_dash(detector):
    """A list's item gives its heading, a spaced dash, and its text, the same term in both
    (ours, after a page on hiring, held out): one span across the dash took the Italian "Un"
    in and came back as "tempo per contrattare - Un tempo ad affitto"."""
    text = "Riduzione del time to hire - Un time to hire elevato fa salire i costi di ogni selezione."
    det = detector.detect(text)
    assert [text[s.start : s.end] for s in det.spans] == ["time to hire", "time to hire"], det


@pytest.mark.parametrize(
    "text",
    [
        "Tra i momenti più applauditi c'è stata la docuserie The last dance, in una versione nuova.",
        "Il regista ha presentato il cortometraggio Waiting for the night, girato in tre giorni.",
        "Alla fine è arrivato il videoclip Here comes the sun, atteso da mesi.",
    ],
)
def test_a_title_after_the_noun_for_its_work_is_named(text):
    """The nouns for a work name the title after them, whatever its first word (ours)."""
    from cleantext.detection.shape import names_a_work

    start = max(text.index(t) for t in ("The last", "Waiting", "Here comes") if t in text)
    assert names_a_work(text, start)


def test_a_quotation_after_the_noun_for_a_work_is_its_title_alone(detector):
    """The noun a run took in stays out of the quoted title it names (ours, after an album's
    page, held out): 'album “Walking back to summer' was one span."""
    text = "Copertina album “Walking back to summer” di Anna Verdi:"
    det = detector.detect(text)
    assert all(not text[s.start : s.end].startswith("album") for s in (*det.spans, *det.kept))
    assert "Walking back to summer" in [text[s.start : s.end] for s in (*det.spans, *det.kept)]
