"""Boilerplate and repeats on the seed articles and on general shapes of boilerplate."""

from pathlib import Path

import pytest

from cleantext.repeats import RepeatFinder
from cleantext.scrape import RULES, Context, find_boilerplate, menu_run, related_headline
from cleantext.scrape.context import fact_line
from cleantext.tokens import link_key


def dropped(doc):
    return {s.source: s.dropped for s in doc.sentences if s.dropped}


def kept_text(doc):
    return doc.text


def test_seed_000_related_headlines_and_bio_go_subheading_stays(seeds):
    doc = seeds["000"]
    d = dropped(doc)
    assert d["Ucraina e Russia pronte a negoziare?"] == "boilerplate: related headline"
    assert (
        d["Riapertura del confine cinese: l’UE cerca di evitare una cacofonia"]
        == "boilerplate: related headline"
    )
    assert "“Una nuova era di maturità e resistenza allo stress”" in doc.text
    assert "pancetta" not in doc.text
    assert "Il presidente russo Vladimir Putin ha detto venerdì" in doc.text


def test_seed_001_breadcrumb_dropped_title_kept_once(seeds):
    doc = seeds["001"]
    assert "Home Facts" not in doc.text
    assert (
        doc.text.count("Rapporti Russia-Cina sempre più saldi, Putin: “Rafforzare cooperazione militare”")
        == 1
    )
    assert "Xi Jinping “Rafforziamo" in doc.text


def test_seed_002_credits_and_footer_dropped_with_reasons(seeds):
    d = dropped(seeds["002"])
    assert d["Fonte: Press Tv"] == "boilerplate: credit line"
    assert d["Traduzione: Luciano Lago"] == "boilerplate: credit line"
    assert d["veronulla"].startswith("boilerplate")
    assert d["WP2Social Auto Publish Powered By : XYZScripts.com"] == "boilerplate: plug-in footer"
    text = seeds["002"].text
    assert "Stati Uniti." in text and "Stati Uniti. ." not in text
    assert "il ministro." in text and "ministro ." not in text


def test_seed_003_navigation_and_comment_form_dropped(seeds):
    doc = seeds["003"]
    for line in [
        "giovedì, Aprile 18, 2024",
        "Leggi anche: Biden-Putin: atteso oggi il summit online",
        "Related Articles",
        "LEAVE A REPLY",
        "Please enter your comment!",
        "Please enter your name here",
        "- Advertisement -spot_img",
        "Latest Articles",
    ]:
        assert line not in doc.text
        assert dropped(doc)[line].startswith("boilerplate: ")
    assert "Xinhua. “Cina" in doc.text
    assert "Putin propone un vertice ONU" in doc.text


def test_seed_004_repeats_kept_once(seeds):
    text = seeds["004"].text
    assert text.count("\nInteressi comuni\n") == 1
    assert text.count("Cooperazione energetica") == 1
    assert text.count("Inoltre, la Cina è il maggiore consumatore di energia russa") == 1
    assert " ," not in text and " ." not in text
    assert "“caro amico”" in text


@pytest.mark.parametrize(
    "line",
    [
        "Condividi su Facebook",
        "Share on WhatsApp",
        "Iscriviti alla newsletter",
        "Cookie Policy",
        "© RIPRODUZIONE RISERVATA",
        "Copyright 2024 Editoriale Srl - Tutti i diritti riservati",
        "Home › Esteri › Il vertice",
        "Ti potrebbe interessare: Il vertice di Roma",
        "Articoli correlati",
        "PUBBLICITÀ",
        "Foto: Ansa",
        "mercoledì 3 maggio 2023, ore 14:05",
        "Lascia un commento",
    ],
)
def test_general_boilerplate_shapes(line):
    paras = [
        "Il vertice si è tenuto ieri a Roma tra i ministri degli Esteri.",
        line,
        "Poi sono partiti tutti.",
    ]
    assert find_boilerplate(paras)[1] is not None


@pytest.mark.parametrize(
    "line",
    [
        "Il ministro ha condiviso su Facebook un lungo messaggio ai cittadini italiani.",
        "La stampa estera commenta il vertice",
        "Il cookie di Google e la privacy degli utenti europei",
        "Interessi comuni tra Mosca e Pechino",
        "Relazioni commerciali",
    ],
)
def test_article_lines_are_not_boilerplate(line):
    paras = [
        "Il vertice tra Mosca e Pechino ha rafforzato le relazioni commerciali e gli interessi comuni.",
        line,
        "Il ministro ha parlato della stampa estera, di Google, dei cookie, della privacy e di Facebook.",
    ]
    assert find_boilerplate(paras)[1] is None


def test_the_lines_of_a_song_are_not_prompts():
    """A song's lines say "commenti", "share" in sentences of their own (ours, after a music
    site's rap lyrics); a form's labels in a row are shorter."""
    song = [
        "Il cantante ha presentato il nuovo singolo in radio, e questo è il testo del ritornello.",
        "ho scritto una canzone per chi resta sveglio",
        "nessuno la commenta ma i tuoi commenti sono qui",
        "share the night with me and let the music play",
        "e torno a casa quando il cielo si fa chiaro",
        "Il brano uscirà venerdì su tutte le piattaforme digitali.",
    ]
    assert find_boilerplate(song)[1:5] == [None] * 4
    form = [*song[:1], "Lascia un commento", "Il tuo nome", "Invia commento", song[-1]]
    assert all(r == "boilerplate: comment form" for r in find_boilerplate(form)[1:4])


def test_a_list_of_labelled_lines_is_the_article_s_own():
    """A festival's winners, "label: value" line after line with labels that share words, are
    the article's table, not a box of other stories' headlines (ours, after a film site)."""
    paras = [
        "Il festival si è chiuso ieri sera con la cerimonia di premiazione nella sala grande del palazzo.",
        "Premio per il miglior film: The Silent River di Anna Berg",
        "Premio per la migliore regia: Marco Bianchi per Le vent du nord",
        "Premio per la migliore sceneggiatura: Lost in Lisbon di Paul Grant",
        "La giuria ha lavorato per dieci giorni e ha visto ventidue film in concorso.",
    ]
    assert find_boilerplate(paras)[1:4] == [None] * 3


def test_near_identical_repeats_are_found():
    r = RepeatFinder()
    assert not r.seen("Putin ha dichiarato che la Cina è il principale partner commerciale della Russia.")
    assert r.seen("Putin ha dichiarato che la Cina è il principale partner commerciale della Russia .")
    assert not r.seen("Xi ha dichiarato che la Russia è un partner affidabile per la Cina e per l'Asia.")


def test_texts_that_differ_in_an_identifier_are_not_repeats():
    """Two commands described alike are two texts: "\\stdBassIV" was dropped as a near
    repeat of "\\stdBass" (LilyPond's Italian manual; the sentences are ours)."""
    r = RepeatFinder()
    assert not r.seen("- \\stdBass name genera il simbolo di un registro dei bassi standard.")
    assert not r.seen("- \\stdBassIV name genera il simbolo di un registro dei bassi standard.")
    assert not r.seen("Il comando setFontSize cambia la misura del testo in tutte le pagine.")
    assert not r.seen("Il comando setFontSizes cambia la misura del testo in tutte le pagine.")
    assert r.seen("- \\stdBassIV name genera il simbolo di un registro dei bassi standard .")


TWITTER = [
    "Elon Musk ha completato l’acquisto di Twitter per 44 miliardi di dollari, secondo quanto "
    "riferito dalla società nella serata di giovedì.",
    "Il nuovo proprietario ha licenziato i vertici e promesso meno moderazione su Twitter.",
]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Musk compra Twitter", None),  # a headline about the article's subject
        ("Twitter, via i vertici", None),
        ("Condividi su Twitter", "boilerplate: share buttons"),  # the prompt, even here
        ("Seguici su Twitter e Facebook", "boilerplate: share buttons"),
        ("Iscriviti alla newsletter", "boilerplate: newsletter/cookie prompt"),
    ],
)
def test_a_cue_word_the_article_is_about_makes_a_headline_not_a_prompt(line, reason):
    assert find_boilerplate([line, *TWITTER])[0] == reason
    assert find_boilerplate([TWITTER[0], line, TWITTER[1]])[1] == reason


def test_the_same_headline_in_an_article_on_something_else_is_a_prompt():
    other = ["Il governo ha approvato la manovra economica dopo un lungo confronto con le parti sociali."]
    assert find_boilerplate(["Condividi su Twitter", *other])[0] == "boilerplate: share buttons"


CASES = Path(__file__).parent / "cases"
ARTICLE = [
    "Russia e Cina, accordo sul gas da 400 miliardi",
    "La Russia e la Cina hanno firmato ieri un nuovo accordo sull'energia, che prevede forniture di gas "
    "per trent'anni.",
    "Secondo gli analisti, l'intesa rafforza il legame tra i due paesi in un momento di tensione con "
    "l'Occidente e con l'Unione europea.",
    "Il ministro degli Esteri ha dichiarato che la cooperazione economica continuerà a crescere nei "
    "prossimi anni, anche nel settore tecnologico.",
]


def _lines(name: str) -> list[str]:
    text = (CASES / name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


BOILERPLATE = [tuple(line.split("\t", 1)) for line in _lines("boilerplate.txt")]


@pytest.mark.parametrize(("reason", "line"), BOILERPLATE, ids=[b for _, b in BOILERPLATE])
def test_boilerplate_of_other_sites_is_dropped_by_its_rule(reason, line):
    """Before the title, between paragraphs and at the end: by its own shape or words, not
    only because it shares nothing with the article; between paragraphs, by the rule the
    case names."""
    for paras in ([line, *ARTICLE], ARTICLE[:2] + [line] + ARTICLE[2:], ARTICLE + [line]):
        reasons = find_boilerplate(paras)
        assert reasons[paras.index(line)] is not None, line
        assert [r for i, r in enumerate(reasons) if i != paras.index(line)] == [None] * len(ARTICLE)
    assert find_boilerplate(ARTICLE[:2] + [line] + ARTICLE[2:])[2] == f"boilerplate: {reason}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_fires_on_its_examples_and_gives_its_reason(rule):
    """A True example is dropped between paragraphs of an article by this very rule; a
    False one does not make the rule fire there."""
    for ex in rule.examples:
        paras = ARTICLE[:2] + [ex.text] + ARTICLE[2:]
        if ex.result:
            assert find_boilerplate(paras)[2] == f"boilerplate: {rule.reason}", (ex.text, ex.source)
        else:
            assert not rule.fires(ex.text, Context(paras, 2)), (ex.text, ex.source)


def test_every_reason_names_one_rule():
    from cleantext import corpus

    reasons = [r.reason for r in (*RULES, *corpus.RULES)]
    assert len(reasons) == len(set(reasons))
    assert all(r.examples for r in RULES if r not in (menu_run, related_headline))


@pytest.mark.parametrize("line", _lines("not_boilerplate.txt"))
def test_article_lines_with_site_words_stay(line):
    assert find_boilerplate(ARTICLE[:2] + [line] + ARTICLE[2:])[2] is None


def test_the_title_after_dropped_navigation_is_the_articles_own():
    """A title that says little of the body is not a link to another story when it is the
    first line kept (a date and a breadcrumb before it were dropped)."""
    title = "Il grande freddo arriva dalla Siberia e gela tutta l’Europa"
    paras = ["venerdì, Aprile 18, 2024", "Home › Esteri › Mondo", title, *ARTICLE[1:]]
    assert find_boilerplate(paras)[:3] == ["boilerplate: date line", "boilerplate: breadcrumb", None]
    # between paragraphs, alone, it may be a subheading: it stays (issue 14: a drop needs
    # positive evidence); in a box of links, after a dropped line or as a two-part
    # headline, it is another story's
    assert find_boilerplate([*ARTICLE[:2], title, *ARTICLE[2:]])[2] is None
    other = "Bufera sul calciomercato, la Juventus cerca un nuovo allenatore"
    box = find_boilerplate([*ARTICLE[:2], title, other, *ARTICLE[2:]])
    assert box[2:4] == ["boilerplate: related headline"] * 2
    after = find_boilerplate([*ARTICLE[:2], "Leggi anche:", title, *ARTICLE[2:]])
    assert after[3] == "boilerplate: related headline"
    two_part = "Grande freddo: arriva dalla Siberia e gela tutta l’Europa"
    assert find_boilerplate([*ARTICLE[:2], two_part, *ARTICLE[2:]])[2] == "boilerplate: related headline"
    # the lines a sentence announces with a colon are its quotation, not a box of links (ours)
    song = ["Il pubblico ha cantato con lui il ritornello, che dice:", title, other]
    assert find_boilerplate([*ARTICLE[:2], *song, *ARTICLE[2:]])[2:5] == [None] * 3


def test_on_an_html_page_menus_and_boxes_of_headlines_are_made_of_links():
    """A concert review's setlist after its last paragraph, a note and a two-part line of the
    writer's own ("Nota: …"), went as a footer's menu and another story's headline (a blog,
    held out). On an HTML page, whose links are known, they are no links: they stay; the
    same lines as links go, and in plain text, links unknown, they go as before. Ours."""
    setlist = ["Scaletta dei Lunatici", "- Notte di fuoco", "- Lupo e luna", "- Ultimo treno", "- Addio"]
    note = "Nota: le canzoni del bis non erano in scaletta, ma nessuno si è lamentato"
    paras = [*ARTICLE, note, *setlist]
    dropped = ["boilerplate: related headline"] + ["boilerplate: menu or footer"] * len(setlist)
    assert find_boilerplate(paras)[len(ARTICLE) :] == dropped
    assert find_boilerplate(paras, links=frozenset())[len(ARTICLE) :] == [None] * (1 + len(setlist))
    links = frozenset(link_key(line) for line in [note.partition(":")[2], *setlist])
    assert find_boilerplate(paras, links=links)[len(ARTICLE) :] == dropped


def test_a_list_whose_items_end_on_one_field_is_the_articles_own():
    """Lines that end on the same bracketed field, a number in it, are the article's list
    (ours, after a blog's list of the series it reviewed, held out: two of its eight lines
    went as other stories' headlines); headlines whose brackets say nothing of the kind go."""
    series = [
        "Dexter (stagione 7)",
        "American Horror Story: Asylum (stagione 2)",
        "Pretty Little Liars (stagione 3)",
        "The Walking Dead (stagione 3)",
    ]
    assert find_boilerplate([*ARTICLE[:2], *series, *ARTICLE[2:]])[2:6] == [None] * 4
    box = [
        "Bufera sul calciomercato, la Juventus cerca un nuovo allenatore (video)",
        "Il grande freddo arriva dalla Siberia e gela tutta l’Europa (foto)",
    ]
    assert find_boilerplate([*ARTICLE[:2], *box, *ARTICLE[2:]])[2:4] == ["boilerplate: related headline"] * 2


def test_a_works_card_keeps_its_author_a_pages_credits_go():
    """A review's card of the work names its author and translator (ours, after a book blog,
    held out: "Autore: …" went as a credit line) and its length ("Pagine: 320", not a page
    menu); the page's own credits and its metadata still go."""
    card = [
        "Autore: Anna Bruni",
        "Traduzione: Marco Neri",
        "Genere: giallo",
        "Editore: Sellerio",
        "Pagine: 320",
    ]
    assert find_boilerplate([*ARTICLE[:2], *card, *ARTICLE[2:]])[2:7] == [None] * 5
    # a menu's line beside the card is none of its lines (the fuzzer's "HOME" over "ANCHE:0")
    assert find_boilerplate([*ARTICLE[:2], "Torna su", *card, *ARTICLE[2:]])[2:8] == [
        "boilerplate: site navigation",
        *[None] * 5,
    ]
    credits = ["Testo: Anna Bruni", "Foto: Ansa", "Fonte: Reuters"]
    assert find_boilerplate([*ARTICLE, *credits])[-3:] == ["boilerplate: credit line"] * 3
    footer = ["Autore: Anna Bruni", "Categoria: Cronaca", "Tag: Roma, sciopero"]
    assert find_boilerplate([*ARTICLE, *footer])[-3] == "boilerplate: credit line"


@pytest.mark.parametrize(
    ("line", "fact"),
    [
        ("Regia: Paolo Sorrentino", True),
        ("- Titolo originale: Nettle", True),
        ("Pagine:320", True),
        ("Prima pubblicazione in Italia: 2014", True),
        ("Dott. Rossi: medico di base", True),
        ("Oggi il governo ha deciso: nuove tasse", False),  # a sentence's clause, not a label
        ("tag: cronaca", False),
        ("Regia:", False),
    ],
)
def test_a_fact_line_is_a_short_label_and_its_value(line, fact):
    """One shape for the lines of a fact sheet and of a work's card (ours)."""
    assert fact_line(line) is fact


PAGES = sorted((CASES / "pages").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_menus_and_footers_of_a_page_dump_go_the_article_stays(pipeline, page):
    """Our own page dumps (tests/cases/pages): `-- ` marks the lines that must go."""
    lines = page.read_text("utf-8").splitlines()
    text = "\n".join(line.removeprefix("-- ") for line in lines)
    doc = pipeline.run(text)
    gone = {s.source for s in doc.sentences if s.dropped}
    for line in lines:
        if line.startswith("-- "):
            assert line[3:] in gone, line
        else:
            assert line in doc.text, line


# ours: a word or phrase of every family, as forms and banners write them
_PROMPT_CUES = (
    "email e-mail indirizzo address nome name sito website browser commento commenti comments "
    "commentare pubblicato pubblicazione published obbligatorio required campi fields notifiche "
    "avvisami notify notifications follow-up followup salva save cookie cookies esperienza "
    "experience navigazione browsing consenso consent accetto accept profilazione tracking privacy "
    "newsletter iscriviti subscribe abbonati accedi login registrati register password account "
    "connesso invia inviare submit post"
).split() + ["sito web", "web site", "log in", "logged in", "sign in", "sign up"]


def test_one_pass_finds_the_families_each_family_finds():
    """site_prompt counts a line's families of site words in one pass: the same families as
    searching each family's pattern, on every line of the samples and lingua's sentences and
    on every pair of cue words joined by a space, a hyphen, an apostrophe or nothing."""
    from conftest import ROOT, SAMPLES

    from cleantext.scrape.lines import _ANY_PROMPT_WORD, _PROMPT_WORDS

    lines = [line for p in SAMPLES.glob("*.txt") for line in p.read_text("utf-8").splitlines()]
    for p in (ROOT / "tests" / "data" / "lingua" / "sentences").glob("*.txt"):
        lines += p.read_text("utf-8").splitlines()
    lines += [f"{a}{sep}{b}" for a in _PROMPT_CUES for b in _PROMPT_CUES for sep in (" ", "-", "'", "")]
    many = 0
    for line in lines:
        families = {k for k, cue in _PROMPT_WORDS.items() if cue.search(line)}
        assert {m.lastgroup for m in _ANY_PROMPT_WORD.finditer(line)} == families, line
        many += len(families) >= 2
    assert many > 1000


def test_folding_latin_text_works_letter_by_letter():
    """What dedup_key's shortcut for Latin text rests on (the words found, then folded, are
    the words of the folded text): on every covered character, folding gives one or more
    characters, letters or digits from a letter or digit and none from anything else, and
    keeps a word's inner marks ("-", "'", "’") and makes none; a text folds as its
    characters do."""
    import unicodedata

    import regex

    from cleantext.latin import COVERED
    from cleantext.vocab import fold

    word = regex.compile(r"[\p{L}\p{N}]")
    chars = [chr(c) for a, b in COVERED for c in range(a, b + 1)]
    for c in chars:
        folded = fold(c)
        assert folded, hex(ord(c))
        assert all(bool(word.fullmatch(f)) == bool(word.fullmatch(c)) for f in folded), hex(ord(c))
        if c in "-'’":
            assert folded == c
        else:  # nor makes one: "a<c>b" stays two words
            assert not set(folded) & set("-'’"), hex(ord(c))
    text = "".join(chars)
    assert fold(text) == "".join(fold(c) for c in chars)
    assert unicodedata.normalize("NFD", text) == "".join(unicodedata.normalize("NFD", c) for c in chars)


def test_a_repeat_key_is_the_same_by_either_way():
    from conftest import ROOT, SAMPLES

    from cleantext.repeats import dedup_key
    from cleantext.tokens import LINE_WORD as _WORD
    from cleantext.vocab import fold

    lines = [line for p in SAMPLES.glob("*.txt") for line in p.read_text("utf-8").splitlines()]
    for p in (ROOT / "tests" / "data" / "lingua" / "sentences").glob("*.txt"):
        lines += p.read_text("utf-8").splitlines()
    lines += ["Perché l’ONU—e l’UE—«no», Ǆemal ĳssel naïve ŒUVRE 2² ½", "a\u2000b c\u2028d"]
    for line in lines:
        assert dedup_key(line) == " ".join(_WORD.findall(fold(line))).lower(), line


def test_a_repeat_key_is_its_words_each_lowered():
    """dedup_key lowers its words once joined: the same as each word lowered, since the one
    rule of lowering that looks around a letter (a final sigma) never looks past a space.
    Checked on random texts of Greek capitals, apostrophes, dots, marks and other letters
    whose lowering is special (made here)."""
    import random

    from cleantext.repeats import dedup_key
    from cleantext.tokens import LINE_WORD as _WORD
    from cleantext.vocab import fold

    rng = random.Random(5)
    alphabet = "ΣσςΑΒΟΔ'’-.·:^ \u0301\u0345İẞΣ́aÉ1 "
    texts = ["ΟΔΟΣ ΚΑΙ ΣΑΣ", "ΑΣ'Β Σ. ΣΑ-Σ", *("".join(rng.choices(alphabet, k=12)) for _ in range(20000))]
    for text in texts:
        dedup_key.cache_clear()
        assert dedup_key(text) == " ".join(w.lower() for w in _WORD.findall(fold(text))), text


def test_a_writers_aside_in_site_words_stays_between_sentences():
    """ "Tutto qui?", "non mi piace!", "Ok:" are a site's words ("tutto", "qui", "mi piace",
    "ok"); on a line of their own after a writer's question, or before a sentence that opens
    what follows, they are asides (ours, after a blog's posts, held out). The same words by
    the page's furniture, and a button between paragraphs, still go."""
    question = "La trama di questa serie sembra chiara e scontata fin dal primo episodio?"
    answer = "No, c'è ancora questo colpo di scena:"
    for line in ("Tutto qui?", "Non mi piace!"):
        assert find_boilerplate([*ARTICLE[:2], question, line, answer, *ARTICLE[2:]])[3] is None
    assert find_boilerplate([*ARTICLE[:2], question, "Ok:", *ARTICLE[2:]])[3] is None
    assert find_boilerplate([*ARTICLE, "Tutto qui?"])[-1] == "boilerplate: site navigation"
    assert find_boilerplate([*ARTICLE[:2], "Torna su", *ARTICLE[2:]])[2] == "boilerplate: site navigation"


def test_a_line_in_the_writers_voice_is_no_other_storys_headline_in_text():
    """In text, where links are not known, two unended lines side by side read as a box of
    related headlines; in the first person they are the writer's (ours, after a blog's posts,
    held out). Headlines still go, and so do those quoting someone in the first person."""
    mine = [
        "Il resto o non mi è piaciuto o non me lo ricordo affatto",
        "Fabio Fazio non scappa e si stringe nel suo ruolo",
    ]
    assert find_boilerplate([*ARTICLE[:2], *mine, *ARTICLE[2:]])[2] is None
    theirs = [
        "Bufera sul calciomercato, la Juventus cerca un nuovo allenatore",
        "Salvini: «Non mi dimetto», e la Lega resta divisa",
    ]
    assert (
        find_boilerplate([*ARTICLE[:2], *theirs, *ARTICLE[2:]])[2:4] == ["boilerplate: related headline"] * 2
    )


def test_a_feeds_item_has_no_other_storys_headline():
    """A feed's item is a title and a summary of a line or two, no paragraph of prose:
    a two-part summary was dropped as a related headline (a news feed's items, held out; the
    lines ours, in their shapes). Beside an article, the same line still goes."""
    item = [
        "Il Comune chiude tre scuole per il maltempo, lezioni a distanza fino a venerdì",
        "Allerta rossa in tutta la provincia: la decisione presa dopo la riunione in prefettura",
    ]
    assert find_boilerplate(item) == [None, None]
    # a page's index of headlines, no story on it: they are its links, and go (ours)
    index = [*item, "Calciomercato, la Juventus cerca un nuovo allenatore: tre nomi in lista"]
    links = frozenset(link_key(line) for line in index)
    assert find_boilerplate(index, links=links)[1:] == ["boilerplate: related headline"] * 2
    beside = [*ARTICLE[:2], "Calciomercato, la Juventus cerca un nuovo allenatore", item[1], *ARTICLE[2:]]
    assert find_boilerplate(beside)[2:4] == ["boilerplate: related headline"] * 2


def test_a_feeds_title_ended_as_a_question_is_no_story_beside_its_summary():
    """A feed's title may run to a question ("… | Strip club e Bentley: chi è davvero
    Jacques?", a news feed's item, held out): the title reads as a paragraph of prose, but
    it is no story for its summary to stand beside (the lines ours, in their shapes)."""
    item = [
        "«Colpa sua»: il sindaco accusa la giunta e le incongruenze nei conti | Chi paga davvero il debito?",
        "L'assessore lascia dopo la lite in consiglio: «Il bilancio? Ve lo avevo detto un anno fa»",
    ]
    assert find_boilerplate(item) == [None, None]


def test_a_feeds_summary_cut_short_is_no_story_beside_itself():
    """A feed's summary cut to fit ("…: «Eppure gli affari vanno...»", a news feed's item,
    held out) reads as prose and as a headline: the only prose of its item, it has no story
    to stand beside but itself (the lines ours, in their shapes)."""
    item = [
        "Chiude la storica ferramenta del centro: «Nessuno la vuole, ormai solo bar e ristoranti»",
        "I fratelli Rossi verso la chiusura del negozio di via Roma: «Eppure i conti tornano...»",
    ]
    assert find_boilerplate(item) == [None, None]


def test_a_quotation_in_straight_single_quotes_is_quoted_past_its_apostrophes():
    """A headline quoting a widget's words in straight single quotes says none of them
    itself, an apostrophe inside the quotation too ('…: "No comment, it's over"'; ours, in
    the shape of a news feed's quotations, held out): the marks pair as the leftover judge
    pairs them (`tokens.paired_quotes`)."""
    assert find_boilerplate(["Il ministro e la risposta ai cronisti: 'No comment, it's over'"]) == [None]
    assert find_boilerplate(["Lascia un commento"]) == ["boilerplate: comment form"]
