"""HTML pages in: the main text by trafilatura, then the whole pipeline (pages built here,
and the sample page made from a seed article)."""

import json
import subprocess
import sys

import pytest
from conftest import SAMPLES

from cleantext import html
from cleantext.jobs import plan
from cleantext.pipeline import Pipeline, Settings
from cleantext.read import ReadError
from cleantext.resume import Options
from cleantext.runner import run

pytest.importorskip("trafilatura", reason="the [html] extra is not installed")

ARTICLE = [  # ours
    "Il consiglio dei ministri ha approvato ieri sera la riforma della giustizia, dopo una lunga "
    "discussione tra i partiti della maggioranza e le associazioni dei magistrati.",
    "Il testo prevede tempi più brevi per i processi civili e nuove regole per le intercettazioni, "
    "che potranno essere usate solo per i reati più gravi.",
]


def page(
    body: str = "", head: str = '<meta charset="utf-8">', title: str = "La riforma della giustizia"
) -> str:
    """A news page of our own: menus, a cookie banner, a share bar, comments and a footer
    around an article with a heading, a subheading, a list and nested divs."""
    return f"""<!DOCTYPE html><html lang="it"><head>{head}<title>{title} | Il Quotidiano</title>
<style>body {{ font-family: serif }}</style><script>var tracking = "Il consiglio dei ministri";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politica">Politica</a></li>
<li><a href="/esteri">Esteri</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">Questo sito usa cookie di profilazione. Accetta tutti i cookie</div>
<main><div class="wrap"><div class="col"><article>
<h1>{title}</h1>
<div class="share">Condividi su Facebook Twitter WhatsApp</div>
<div class="content"><div class="inner">
<p>{ARTICLE[0]}</p>
<h2>Cosa cambia</h2>
<p>{ARTICLE[1]}</p>
<ul><li>Processi civili più brevi di un terzo</li><li>Intercettazioni solo per i reati gravi</li></ul>
{body}
</div></div></article></div></div>
<section id="comments" class="comments"><h3>Commenti</h3>
<div class="comment"><p>Era ora, finalmente una riforma seria per questo paese!</p></div></section>
</main>
<footer><p>&copy; 2024 Il Quotidiano S.r.l. &ndash; P.IVA 01234567890 &ndash; Tutti i diritti
riservati</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def plain(detector):
    """A pipeline without translation: extraction and cleaning are the subject here."""
    p = Pipeline(Settings(translate=False), detector=detector)
    yield p
    p.close()


def test_main_text_title_headings_and_list_without_menus_banner_script_or_comments(plain):
    doc = plain.run(page().encode(), "page.html")
    text = doc.text
    assert text.startswith("La riforma della giustizia\n\n")
    assert ARTICLE[0] in text and ARTICLE[1] in text and "\n\nCosa cambia\n\n" in text
    assert "- Processi civili più brevi di un terzo" in text
    for gone in ("Home", "Politica", "cookie", "Condividi", "tracking", "font-family", "finalmente", "P.IVA"):
        assert gone not in text, gone
    assert doc.meta["title"] == "La riforma della giustizia"
    assert [f.rule for f in doc.fixes] == ["extract"]
    # records point into the text as extracted (what `--format extracted` writes)
    assert all(s.source in doc.extracted for s in doc.sentences)


def test_comments_and_tables_only_when_asked(detector):
    table = (
        "<table><tr><th>Regione</th><th>Uffici</th></tr>"
        "<tr><td>Lombardia</td><td>dodici tribunali e tre corti d'appello</td></tr></table>"
    )
    default = Pipeline(Settings(translate=False), detector=detector).run(page(table).encode(), "p.html").text
    assert "finalmente" not in default and "tre corti" not in default
    asked = Settings(translate=False, html_comments=True, html_tables=True)
    text = Pipeline(asked, detector=detector).run(page(table).encode(), "p.html").text
    assert "finalmente una riforma seria" in text and "tre corti d'appello" in text


def test_entities_the_pages_charset_and_mojibake_inside_the_page(plain):
    body = (
        "<p>Il ministro ha detto: &laquo;&Egrave; una riforma attesa da vent&rsquo;anni&raquo;, "
        "e poi &egrave; partito.</p>"
    )
    doc = plain.run(page(body).encode(), "p.html")
    assert "«È una riforma attesa da vent’anni», e poi è partito." in doc.text
    # a cp1252 page that says so, and one that calls itself Latin-1 (read as cp1252, as browsers do)
    for head in (
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    ):
        raw = page(
            "<p>Perché la città è così, dice l’assessore, con un sorriso e qualche “dubbio”.</p>", head=head
        )
        doc = plain.run(raw.encode("cp1252"), "p.html")
        assert "Perché la città è così, dice l’assessore, con un sorriso e qualche “dubbio”." in doc.text
        assert doc.encoding == "cp1252"
    # a page without a charset whose text was already mangled: repaired after extraction
    broken = page(
        "<p>Il sindaco ha detto che la citt\u00c3\u00a0 \u00c3\u00a8 pronta per la festa di stasera.</p>",
        head="",
    )
    assert "la città è pronta" in plain.run(broken.encode(), "p.html").text


def test_a_page_of_links_only_is_an_error_naming_the_file(plain):
    nav = (
        "<!DOCTYPE html><html><body><nav>"
        + "".join(f'<a href="/{i}">Sezione {i}</a>' for i in range(30))
        + "</nav></body></html>"
    )
    with pytest.raises(ReadError, match=r"gallery\.html: no main text"):
        plain.run(nav.encode(), "gallery.html")


def test_pages_are_known_by_extension_or_first_bytes():
    assert html.looks_like_html(b"<div>anything", "a.HTM") and html.looks_like_html(
        b"\n<p>Ciao</p>", "b.html"
    )
    # named as a page, no tag in it: a text saved under that name (ours)
    assert not html.looks_like_html(b"Il governo ha deciso.\n\nLa seduta riprende.", "a.html")
    for head in (
        b"<!DOCTYPE html><html>",
        b"\xef\xbb\xbf  <html lang='it'>",
        b"<!-- saved -->\n<html>",
        b"<?xml version='1.0'?><html>",
    ):
        assert html.looks_like_html(head, "page"), head
    for head in (b"Il <b>governo</b> ha deciso.", b"x < y e <html> nel testo", b"<p>un paragrafo</p>"):
        assert not html.looks_like_html(head, "a.txt"), head


def test_a_pages_fragment_and_a_text_named_as_a_page_are_read(tmp_path, plain):
    """A CMS keeps an article as its paragraphs' markup, no <html> or <body> ("<p>…</p><p>…</p>"),
    and a text gets saved as .html: both were "not an HTML page that can be parsed" (ours)."""
    first = "Il consiglio comunale ha approvato ieri sera il bilancio dopo una lunga discussione in aula."
    second = "La seduta è stata sospesa due volte per le proteste del pubblico, poi è ripresa a tarda sera."
    fragment = f"<p>{first}</p>\n<p>{second}</p>\n"
    text = f"{first}\n\n{second}\n"
    for name, data in (("frammento.html", fragment), ("testo.html", text)):
        doc = plain.run(data.encode(), name)
        assert doc.text.strip() == f"{first}\n\n{second}", name


def test_a_folder_of_pages_and_text_one_bad_page_fails_alone(tmp_path, plain):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text(page(), "utf-8")
    (src / "b.txt").write_text(ARTICLE[0] + "\n", "utf-8")
    (src / "saved_page").write_text(page(title="Senza estensione"), "utf-8")  # sniffed, with --pattern '*'
    (src / "c.htm").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    out = tmp_path / "out"
    opts = Options(plain.settings, ("txt", "jsonl", "extracted", "meta"))
    summary = run(plan([src], out, pattern="*"), out, opts, pipeline=plain)
    assert summary.files == 3 and [e[0] for e in summary.errors] == [str(src / "c.htm")]
    assert (out / "saved_page.txt").read_text().startswith("Senza estensione\n")
    meta = json.loads((out / "a.meta.json").read_text())
    assert meta["format"] == "html" and meta["title"] == "La riforma della giustizia"
    assert json.loads((out / "b.meta.json").read_text())["format"] == "text"
    assert (out / "a.extracted.txt").read_text().startswith("La riforma della giustizia\n")
    assert (out / "b.extracted.txt").read_text().rstrip("\n") == ARTICLE[0]
    # the default pattern takes .txt, .html and .htm
    assert sorted(j.rel for j in plan([src], tmp_path / "o2")) == ["a", "b", "c"]


def test_stdin_and_the_input_format_switch(tmp_path):
    cli = [sys.executable, "-m", "cleantext", "clean", "-", "--no-translate"]
    r = subprocess.run(cli, input=page().encode(), capture_output=True)
    assert r.returncode == 0 and r.stdout.decode().startswith("La riforma della giustizia\n"), r.stderr
    as_text = subprocess.run([*cli, "--input-format", "text"], input=page().encode(), capture_output=True)
    assert b"<!DOCTYPE html>" in as_text.stdout  # read as text, markup and all
    r = subprocess.run([*cli, "--input-format", "xml"], input="", capture_output=True, text=True)
    assert r.returncode == 2 and "'xml' is not one of 'auto', 'text', 'html'" in r.stderr


def test_the_sample_page_comes_out_as_its_text_twin(plain):
    """samples/005_page_*.html wraps seed 002's text in a news-site template of our own
    (cookie banner, menus, breadcrumbs, share bar, related links, newsletter, comment form,
    footer): its clean text is the seed's clean text."""
    page_doc = plain.run(next(SAMPLES.glob("005_page_*.html")).read_bytes(), "005.html")
    text_doc = plain.run(next(SAMPLES.glob("002_*.txt")).read_bytes(), "002.txt")
    assert page_doc.text == text_doc.text
    assert page_doc.meta["date"] == "2023-04-17" and page_doc.meta["sitename"] == "Cronache dal Mondo"


def test_a_table_row_of_figures_is_kept_not_taken_for_a_date(detector):
    """With --html-tables, a row of figures ("2023 | 1.200.000") stays: a quantity is never
    part of a date line (the row was dropped as one)."""
    table = (
        "<table><tr><th>Anno</th><th>Fascicoli pendenti</th></tr>"
        "<tr><td>2023</td><td>1.200.000</td></tr><tr><td>2024</td><td>950.000</td></tr></table>"
    )
    asked = Settings(translate=False, html_tables=True)
    doc = Pipeline(asked, detector=detector).run(page(table).encode(), "p.html")
    assert "1.200.000" in doc.text and "950.000" in doc.text
    assert not [s for s in doc.sentences if s.dropped and "000" in s.source]


ARTICLE = [  # own sentences
    "Il governo ha approvato ieri sera la riforma delle pensioni dopo una lunga discussione in aula.",
    "Le opposizioni hanno chiesto di rinviare il voto finale alla prossima settimana.",
    "Il ministro ha risposto che i conti pubblici non permettono altri ritardi.",
    "La seconda parte del testo riguarda i contratti dei giovani e il lavoro precario.",
    "I sindacati hanno annunciato uno sciopero generale per la fine del mese.",
    "Le imprese chiedono invece un taglio delle tasse sul lavoro piuttosto che nuovi sussidi.",
]


@pytest.mark.parametrize("shape", ["nested", "script"])
def test_the_whole_article_is_read_however_deep_or_long_the_page(shape):
    """Issue 32, item 5: the second half of an article inside 300 nested <div>s, or after an
    11.7 MB inline script, was missing from the output, with no warning."""
    first = "".join(f"<p>{s}</p>" for s in ARTICLE[:3])
    second = "".join(f"<p>{s}</p>" for s in ARTICLE[3:])
    middle = (
        "<div>" * 300 + second + "</div>" * 300
        if shape == "nested"
        else "<script>var x='" + "a" * 11_700_000 + "';</script>" + second
    )
    data = f"<html><head><title>Pensioni</title></head><body><article>{first}{middle}</article></body></html>"
    text = html.extract(data.encode(), "page.html").text
    assert all(s in text for s in ARTICLE), text


def test_text_the_parse_lost_is_said():
    """A tree that holds clearly less text than the page (lxml's default parser stops at 256
    levels) is named in a warning instead of passing in silence."""
    from lxml.html import HTMLParser, fromstring

    second = "".join(f"<p>{s}</p>" for s in ARTICLE[3:] * 3)
    data = f"<html><body><p>{ARTICLE[0]}</p>{'<div>' * 300}{second}{'</div>' * 300}</body></html>"
    cut = fromstring(data, parser=HTMLParser())
    assert "only" in (html._text_lost(data, cut) or "")
    assert html._text_lost(data, html._parse(data)) is None


@pytest.mark.parametrize(
    "declared", ["base64", "hex", "zlib", "rot13", "utf-7", "utf-16", "utf-16le", "nonsense"]
)
def test_a_page_declaring_a_charset_no_browser_reads_is_read_as_utf8(declared):
    """Issue 32, items 7 and 14: <meta charset="base64"> raised LookupError and aborted the
    batch; a UTF-8 page declaring utf-16 was refused (browsers read both as UTF-8)."""
    body = "".join(f"<p>{s}</p>" for s in ARTICLE)
    data = f'<html><head><meta charset="{declared}"><title>Città</title></head><body>{body}</body></html>'
    text, encoding = html.decode_page(data.encode("utf-8"), "page.html")
    assert "Città" in text and encoding.startswith("utf-8")
    assert ARTICLE[0] in html.extract(data.encode("utf-8"), "page.html").text


@pytest.mark.parametrize(
    ("title", "first"),
    [  # own pages, in the shapes news sites title them
        (
            "Il governo approva la riforma delle pensioni - La Stampa",
            "Il governo approva la riforma delle pensioni",
        ),
        (
            "Il governo approva la riforma delle pensioni | Corriere",
            "Il governo approva la riforma delle pensioni",
        ),
        ("Pensioni: il governo approva la riforma", "Pensioni: il governo approva la riforma"),
    ],
)
def test_the_headline_comes_once_without_the_sites_name(title, first):
    """Issue 35: every real page began with its site-suffixed <title> and then the headline
    again."""
    body = (
        "<p>Il governo ha approvato ieri sera la riforma delle pensioni dopo una lunga discussione "
        "in aula e molte proteste delle opposizioni.</p>"
    )
    head = f"<html><head><title>{title}</title></head>"
    kicker = "<h2>Cronaca politica del giorno</h2>"  # a line above the headline, as pages have
    with_h1 = f"{head}<body><article>{kicker}<h1>{first}</h1>{body}</article></body></html>"
    lines = html.extract(with_h1.encode(), "p.html").text.splitlines()
    assert lines.count(first) == 1 and first in lines[:2]
    without = f"{head}<body><article>{body}</article></body></html>"
    assert html.extract(without.encode(), "p.html").text.splitlines()[0] == first


@pytest.mark.parametrize(
    ("marked", "phrase"),
    [  # ours
        ("<i>{}</i>", "the rise of the machines"),
        ("<cite>{}</cite>", "the rise of the machines"),
        ('<span lang="en">{}</span>', "they never play it safe"),
    ],
)
def test_words_the_page_sets_apart_are_the_writers_choice(plain, marked, phrase):
    """Issue 31: Italian print sets foreign titles and phrases in italics; the same words in a
    page's running text, with another sign beside them, are taken for a leftover."""
    sentence = (
        "Il gruppo ha presentato ieri sera il nuovo disco, che racconta {}, davanti a un "
        "pubblico di duemila persone arrivate da tutta la regione."
    )
    other = "<p>Secondo il critico, the band has never been so good, almeno dal vivo.</p>"

    def segments(markup: str) -> dict[str, dict]:
        body = f"<p>{sentence.format(markup.format(phrase))}</p>{other}"
        doc = plain.run(page(body).encode(), "p.html")
        return {g.text: g for s in doc.sentences for g in s.segments}

    set_apart = segments(marked)[phrase]
    assert set_apart.kept == "marked" and set_apart.leftover is None
    running = segments("{}")[phrase]
    assert running.kept is None and running.leftover


def test_set_apart_takes_docbooks_commands_and_a_programs_labels():
    """A translated manual shows commands and the labels of a program's interface in DocBook's
    classes, not in <code>: "il comando <span class="command"><strong>make install</strong>
    </span>" came out "il marchio installare" (aptitude's Italian manual, held out). Ours."""
    tree = html._parse(
        '<html lang="it"><body><p>Usare <span class="command"><strong>make install</strong></span>'
        ' e poi <span class="guimenu">File</span> → <span class="guimenuitem">Print Preview</span>;'
        ' un <span class="quote">«nome»</span> resta.</p></body></html>'
    )
    assert html.set_apart(tree) == ("make install", "file", "print preview")


def test_a_code_block_is_set_apart_line_by_line_however_long_it_runs():
    """A tutorial's class ran to 2,300 words, past any bound on one phrase, and its English
    comments came out translated ("// Horizontal surface with an upward pointing normal.";
    Microsoft's Italian docs, held out). Each line of a block is set apart. Ours."""
    body = "\n".join(f"    int value{k} = {k};" for k in range(html.MAX_CODE_WORDS // 4 + 10))
    tree = html._parse(
        '<html lang="it"><body><p>Il codice:</p><pre><code>// Keep the object above the floor.\n'
        f"{body}\n}}</code></pre></body></html>"
    )
    found = html.set_apart(tree)
    assert found == ("keep the object above the floor", "int value")


def test_set_apart_takes_short_inline_phrases_and_foreign_lang_only():
    tree = html._parse(
        '<html lang="it"><body><p>Un <em>Long  Goodbye</em> e <q>parole</q>; <span lang="it-IT">no</span>'
        f"<i>{' parola' * 13}</i><span lang='fr'>à bientôt</span></p></body></html>"
    )
    assert html.set_apart(tree) == ("long goodbye", "parole", "à bientôt")


def _segments_around(plain, paras: list[str | None], markup: str, inner: str) -> list:
    """The segments of a page whose paragraphs are `paras`, `markup.format(inner)` at None."""
    body = "".join(f"<p>{p}</p>" if p else markup.format(inner) for p in paras)
    doc = plain.run(page(body).encode(), "p.html")
    return [g for s in doc.sentences for g in s.segments]


def test_a_quotation_set_as_a_block_is_the_writers_choice(plain):
    """Issue 31: Italian news quotes statements and posts in a <blockquote>, often in the
    language they were made in; the same sentence in the running text is a stray sentence."""
    paras = [  # ours
        "Il sindaco ha parlato ieri sera davanti al consiglio comunale riunito in seduta "
        "straordinaria dopo l'alluvione che ha colpito la città.",
        "Poche ore dopo ha scritto sui social un messaggio rivolto ai cittadini, rilanciato da "
        "migliaia di persone in tutta la regione.",
        None,
        "Il consiglio comunale tornerà a riunirsi lunedì per approvare le prime misure di "
        "sostegno alle famiglie colpite.",
    ]
    quote = "We will never give up on the people of this city, and we will rebuild it together."
    (quoted,) = _segments_around(plain, paras, "<blockquote><p>{}</p></blockquote>", quote)
    assert quoted.text == quote and quoted.kept == "marked"
    (running,) = _segments_around(plain, paras, "<p>{}</p>", quote)
    assert running.kept is None and running.leftover == "a whole en sentence"
    tree = html._parse(f"<html><body><blockquote>{' parola' * 151}</blockquote></body></html>")
    assert html.set_apart(tree) == ()  # a block that long is a section, not a quotation


def test_code_on_a_page_is_never_translated(plain):
    """Issue 31: technical pages show commands and program output in <pre> and <code>; an
    engine turned "make install" into "il marchio installa" (debian-reference, held out).
    The same English in running text is a stray sentence."""
    paras = [  # ours
        "Per installare il programma dai sorgenti bisogna prima scaricarlo e poi compilarlo "
        "con gli strumenti che ogni distribuzione mette a disposizione.",
        None,
        "Al termine il programma si trova nella cartella indicata durante la configurazione e "
        "si avvia dal menu delle applicazioni.",
    ]
    block = "$ sudo make install # this copies the files into the system folders"
    docbook = '<p><span class="command"><strong>{}</strong></span></p>'  # a manual's markup
    for markup in ("<pre>{}</pre>", "<p><code>{}</code></p>", docbook):
        found = _segments_around(plain, paras, markup, block)
        assert found and all(g.kept == "marked" for g in found), markup
    running = _segments_around(plain, paras, "<p>{}</p>", block)
    assert running and any(g.kept is None and g.leftover for g in running)


def test_lines_the_source_wraps_inside_a_paragraph_are_one_paragraph():
    """A page whose HTML wraps its lines (hand-written and generated pages do) reached the
    cleaner one source line at a time: "Il pacchetto plugin … fornisce la risoluzione" alone
    was dropped as a plug-in footer, the rest of its sentence kept (held-out Debian pages).
    A <pre> keeps its lines."""
    body = (
        "<p>Il pacchetto plugin <code>libnss-mdns</code> fornisce la risoluzione\n"
        "dei nomi host attraverso mDNS per la funzionalità Name Service Switch\n"
        "della libreria C, come spiega la documentazione del progetto.</p>\n"
        "<pre>hosts: files mdns4_minimal\nnetworks: files</pre>"
        "<p>Dopo la modifica basta riavviare il servizio e controllare che i nomi\n"
        "della rete locale vengano risolti senza errori.</p>"
    )
    text = html.extract(page(body).encode(), "p.html").text
    assert "fornisce la risoluzione dei nomi host attraverso mDNS" in text
    assert "i nomi della rete locale" in text
    assert "hosts: files mdns4_minimal\nnetworks: files" in text


def test_a_list_after_the_article_that_holds_no_links_is_the_articles(plain):
    """A concert review ends on its setlist, a heading and short items (a blog, held out:
    every line went as a footer's menu); on a page, a menu's items are links (ours)."""
    body = (
        "<p>Il concerto è cominciato con mezz'ora di ritardo, ma il pubblico non ha smesso di "
        "cantare per tutta la sera, fino all'ultimo bis.</p>"
        "<p>La band ha suonato quasi tutto il nuovo disco e qualche classico degli esordi, con "
        "un finale che in pochi si aspettavano.</p>"
        "<h3>Scaletta dei Lunatici</h3><ul><li>Notte di fuoco</li><li>Lupo e luna</li>"
        "<li>Ultimo treno</li><li>Addio</li></ul>"
    )
    doc = plain.run(page(body).encode(), "p.html")
    kept = {s.source for s in doc.sentences if not s.dropped}
    assert {"Scaletta dei Lunatici", "- Notte di fuoco", "- Ultimo treno", "- Addio"} <= kept


def test_a_pages_heading_is_the_writers_whatever_follows_it(plain):
    """An album's tracks as headings, each over its video, on a page with a leftover of its
    own (a blog, held out: "Into the West" came out "A quello Dell'ovest"). Ours."""
    prose = (
        "<p>Il disco racconta la vita di un vecchio cercatore d'oro, dalla Scozia fino al Klondike, "
        "con un'orchestra che suona come a wall of sound made by hundreds of players, e un coro.</p>"
        "<p>Ogni brano ha il suo video, e li ho messi qui sotto uno dopo l'altro, nell'ordine del "
        "disco, per chi vuole ascoltarlo tutto.</p>"
    )
    tracks = "<h2>Into the West</h2><h2>Glasgow di notte</h2>"
    body = prose + tracks + "<p>Il finale è il pezzo più lungo del disco.</p>"
    doc = plain.run(page(body).encode(), "p.html")
    kept = {g.text: g.kept for s in doc.sentences for g in s.segments}
    assert kept.get("Into the West") == "heading", kept


def test_a_control_character_in_a_wrapped_paragraph_does_not_stop_the_page():
    """A blog's page held a "\\x1d" before a word in a paragraph its source wraps (one of
    trafilatura's test pages, German, not copied here): joining its lines failed ("All
    strings must be XML compatible") and the page was not cleaned at all. Ours."""
    body = (
        "<p>Il libro racconta la vita di una famiglia \x1dnella campagna toscana\n"
        "durante gli anni della guerra, tra fame, paura e speranza.</p>"
    )
    text = html.extract(page(body).encode(), "p.html").text
    assert "una famiglia nella campagna toscana durante gli anni della guerra" in text


def test_words_styled_inside_a_sentence_stay_in_it():
    """The extractor drops elements by the words of their class ("guimenu"): inside a
    sentence that cut words out silently ("tramite → o usando Ctrl+P", the GIMP manual's
    Italian pages, held out). An inline element in running text keeps its words; the page's
    share bar and cookie banner still go (ours)."""
    body = (
        '<p>Il comando si trova nella barra del menu tramite <span class="guimenu">File</span> → '
        '<span class="guimenuitem">Stampa</span>, oppure con <span class="share-key">Ctrl+P</span>.</p>'
    )
    text = html.extract(page(body).encode(), "p.html").text
    assert "tramite File → Stampa, oppure con Ctrl+P." in text
    assert "Condividi su Facebook" not in text and "Accetta tutti i cookie" not in text


def test_a_short_pages_sentence_is_not_split_at_a_link():
    """On a short page the extractor reads element by element and split a sentence at its
    link into three lines ("come spiega" / "il comunicato «Nuove regole»" / "del Comune."),
    each judged as a paragraph (the GIMP manual's Italian pages, held out; the page is ours)."""
    short = (
        '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Breve</title></head><body>'
        '<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>'
        '<div class="main"><h1>Breve</h1><p>Il sindaco ha firmato ieri l\'ordinanza, come spiega '
        '<a class="xref" href="x.html">il comunicato «Nuove regole»</a> del Comune.</p></div>'
        "<footer>Contatti</footer></body></html>"
    )
    lines = html.extract(short.encode(), "breve.html").text.splitlines()
    assert (
        "Il sindaco ha firmato ieri l'ordinanza, come spiega il comunicato «Nuove regole» del Comune."
        in lines
    )


def test_code_lines_are_kept_as_written_however_short_or_repeated(plain):
    """A <pre> block's lines are the page's content: "fi", "else", "$ cd .." and a
    configuration's "Package: foo" were dropped as stray tokens, duplicates and templates,
    and a table's aligned columns lost their spaces (Debian pages, held out; the code is ours)."""
    script = "if [ -f conf ]; then\n  cp conf conf.bak\nelse\n  touch conf\nfi\nfi\n$ cd ..\n$ cd ..\n"
    table = "nome    | versione | ramo\nevince  | 3.38.2   | testing\n"
    body = f"<pre>{script}</pre><p>{ARTICLE[0]}</p><pre>{table}</pre>"
    doc = plain.run(page(body).encode(), "code.html")
    kept = [s.source.strip() for s in doc.sentences if not s.dropped]
    lines = [line.strip() for line in [*script.splitlines(), *table.splitlines()]]
    for line in lines:
        assert kept.count(line) == lines.count(line), line
    assert "evince  | 3.38.2   | testing" in doc.text
    assert "\n  cp conf conf.bak\n" in doc.text  # its indentation too: Python's is its grammar


def test_a_code_block_the_extraction_joins_into_one_line_is_kept(plain):
    """A <pre> inside a <blockquote>, its words in highlighting <span>s, reaches the cleaner
    as one line: "\\relative { c''1\\< | c4 a c\\< a }" (LilyPond's Italian manual) was
    dropped as a breadcrumb, its bars read as separators. The block joined is one of the
    page's code lines too (the markup is LilyPond's, the music ours)."""
    lines = [["\\relative", " ", "{"], ["  ", "c''2", " | ", "d4 e", " | ", "f4 g", " | ", "a1"], ["}"]]
    pre = "\n".join("".join(f"<span>{w}</span>" for w in line) + '<span class="w"></span>' for line in lines)
    body = f"<p>{ARTICLE[0]}</p><blockquote><pre>{pre}</pre></blockquote><p>{ARTICLE[1]}</p>"
    doc = plain.run(page(body).encode(), "music.html")
    assert "\\relative { c''2 | d4 e | f4 g | a1 }" in doc.text, doc.text


def test_a_texts_markup_breaks_its_paragraphs_where_a_browser_would():
    """A CMS keeps an article's paragraphs as markup in a dataset's field ("<p>…</p><p>…</p>"):
    its paragraphs ran into one once the tags were taken out. A block's end is a paragraph's
    end; a <br> stays a space, and a Markdown fence's HTML is a program's, as written (ours)."""
    first = "Il consiglio comunale ha approvato ieri sera il bilancio dopo una lunga discussione."
    second = "La seduta è stata sospesa due volte per le proteste del pubblico in sala."
    page = html.text_page(f"<p>{first}</p><p>{second}</p>", "str")
    assert page.text == f"<p>{first}</p>\n\n<p>{second}</p>\n\n"
    with Pipeline(Settings(translate=False)) as pipeline:
        assert pipeline.run(f"<p>{first}</p><p>{second}</p>").text.strip() == f"{first}\n\n{second}"
        assert "\n" not in pipeline.run("Il governo<br/>ha detto che la riforma è pronta.").text.strip()
    fenced = "Ecco il codice:\n\n```html\n<p>uno</p><p>due</p>\n```\n"
    assert html.text_page(fenced, "str").text == fenced
