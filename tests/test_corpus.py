"""Cross-document boilerplate: a folder run counts lines and templates, then cleans.

The articles are real Italian sentences (lingua's test set, tests/data/lingua); the site
lines and templates are our own, written for these tests in the shapes other sites use."""

import json
from pathlib import Path

import pytest
from conftest import ROOT

from cleantext.corpus import CorpusLines, count_documents, template_head
from cleantext.jobs import count_corpus, plan, select_shard
from cleantext.pipeline import Settings
from cleantext.resume import Options
from cleantext.runner import run

SENTENCES = [
    line.strip()
    for line in (ROOT / "tests" / "data" / "lingua" / "sentences" / "it.txt").read_text("utf-8").splitlines()
    if len(line.split()) >= 8 and line.strip().endswith(".")
]
LONG = [
    s for s in SENTENCES if len(s.split()) > 20 and s[0].isalpha() and ":" not in s
]  # longer than any headline
# our own site furniture: a line on every page, templates with another story in them
EVERY_PAGE = ["Prosegui la lettura dopo l'annuncio", "Segnala un refuso alla redazione"]


def _headline(k: int) -> str:
    return " ".join(SENTENCES[k].rstrip(".").split()[:7])


def _article(k: int) -> list[str]:
    return [_headline(k), SENTENCES[k], SENTENCES[k + 1], SENTENCES[k + 2]]


def _corpus(tmp_path, n: int = 12):
    docs = tmp_path / "in"
    docs.mkdir()
    for d in range(n):
        k = 10 + 4 * d
        paras = [
            f"Ultime notizie | Cronaca | {_headline(k)}",
            *_article(k)[:2],
            EVERY_PAGE[0],
            *_article(k)[2:],
            f"Potrebbe piacerti anche: {_headline(k + 200)}",
            f"Il punto della settimana: {_headline(k)}",  # about the article: only the count knows
            EVERY_PAGE[1],
        ]
        (docs / f"a{d:02d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return docs


def _clean_folder(docs, out):
    """A folder run as `cleantext clean` makes it: the counting pass, then the cleaning."""
    settings = Settings(translate=False)
    jobs = plan([docs], out)
    return run(jobs, out, Options(settings, corpus=count_corpus(jobs, settings)))


def _records(out, name):
    return [json.loads(x) for x in (out / f"{name}.jsonl").read_text("utf-8").splitlines()]


def test_lines_and_templates_shared_by_many_documents_go(tmp_path):
    docs = _corpus(tmp_path)
    out = tmp_path / "out"
    assert not _clean_folder(docs, out).errors
    for d in range(12):
        k = 10 + 4 * d
        recs = _records(out, f"a{d:02d}")
        dropped = {r["source"]: r["dropped"] for r in recs if r["dropped"]}
        assert dropped[EVERY_PAGE[0]] == "boilerplate: repeated across documents"
        assert dropped[f"Potrebbe piacerti anche: {_headline(k + 200)}"].startswith("boilerplate: ")
        assert dropped[f"Ultime notizie | Cronaca | {_headline(k)}"].startswith("boilerplate: ")
        assert dropped[f"Il punto della settimana: {_headline(k)}"] == "boilerplate: repeated template"
        assert dropped[EVERY_PAGE[1]].startswith("boilerplate: ")
        kept = [r["source"] for r in recs if not r["dropped"]]
        assert kept[0] == _headline(k)  # the title first, then every article line
        assert " ".join(kept) == " ".join(_article(k))


def test_the_same_article_line_in_a_few_documents_stays(tmp_path):
    """A sentence several articles quote, and a dateline's paragraph, are prose: they stay."""
    docs = tmp_path / "in"
    docs.mkdir()
    quoted = "Il ministro ha detto che la riforma delle pensioni sarà approvata entro la fine dell'anno."
    for d in range(30):
        k = 10 + 3 * d
        paras = [
            _headline(k),
            f"ROMA - {SENTENCES[k]}",
            quoted if d < 6 else SENTENCES[k + 1],
            SENTENCES[k + 2],
        ]
        (docs / f"b{d:02d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    _clean_folder(docs, out)
    for d in range(30):
        recs = _records(out, f"b{d:02d}")
        assert not [r for r in recs if r["dropped"]]


def test_a_writers_aside_between_paragraphs_stays_a_sites_short_lines_go(tmp_path):
    """One blog's posts each put "E quindi?" or "Bene:" on a line of its own between two
    paragraphs, or "No." answering a question (ours, after a blog, held out: 50 such lines
    went as repeated across documents); the site's "Leggi anche:" and "Condividi su Facebook" between the same
    paragraphs, and "Bene:" at the end of a post, still go."""
    docs = tmp_path / "in"
    docs.mkdir()
    for d in range(12):
        k = 10 + 8 * d
        prose = [f"{SENTENCES[k + j]} {SENTENCES[k + j + 1]}" for j in range(0, 8, 2)]
        paras = [
            _headline(k),
            prose[0],
            "E quindi?",
            prose[1],
            "Condividi su Facebook",
            prose[2],
            "Bene:",
            prose[3],
            "Serve davvero una legge per questo?",  # a question asked, then answered
            "No.",
            f"{SENTENCES[k + 400]} {SENTENCES[k + 401]}",
            "Leggi anche:",
            _headline(k + 200),
            "Bene:" if d % 2 else "Commenti",
        ]
        (docs / f"d{d:02d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    _clean_folder(docs, out)
    for d in range(12):
        recs = _records(out, f"d{d:02d}")
        kept = [r["source"] for r in recs if not r["dropped"]]
        assert kept.count("E quindi?") == kept.count("Bene:") == kept.count("No.") == 1
        dropped = [r["source"] for r in recs if r["dropped"]]
        assert {"Condividi su Facebook", "Leggi anche:"} <= set(dropped)
        assert ("Bene:" if d % 2 else "Commenti") == dropped[-1]


def test_a_pages_own_heading_over_its_prose_stays_however_many_pages_have_it(tmp_path):
    """Twelve posts of one blog each close under <h2>Conclusioni</h2> (ours, after a blog,
    held out: such headings went as repeated across documents). A heading over a box of
    links ("Articoli correlati") still goes, and so do the same lines in plain text."""
    for kind in ("html", "txt"):
        docs = tmp_path / kind
        docs.mkdir()
        for d in range(12):
            k = 10 + 8 * d
            prose = [f"{SENTENCES[k + j]} {SENTENCES[k + j + 1]}" for j in range(0, 6, 2)]
            related = [_headline(k + 300), _headline(k + 301)]
            if kind == "html":
                body = (
                    f"<h1>{_headline(k)}</h1><p>{prose[0]}</p><p>{prose[1]}</p><h2>Conclusioni</h2>"
                    f"<p>{prose[2]}</p><h3>Articoli correlati</h3><ul>"
                    + "".join(f'<li><a href="/{n}">{h}</a></li>' for n, h in enumerate(related))
                    + "</ul>"
                )
                head = f'<html lang="it"><head><title>{_headline(k)}</title></head>'
                page = f"{head}<body><article>{body}</article></body></html>"
                (docs / f"p{d:02d}.html").write_text(page, encoding="utf-8")
            else:
                paras = [
                    _headline(k),
                    prose[0],
                    prose[1],
                    "Conclusioni",
                    prose[2],
                    "Articoli correlati",
                    *related,
                ]
                (docs / f"p{d:02d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        out = tmp_path / f"out-{kind}"
        assert not _clean_folder(docs, out).errors
        for d in range(12):
            recs = _records(out, f"p{d:02d}")
            kept = {r["source"] for r in recs if not r["dropped"]}
            assert "Articoli correlati" not in kept
            assert ("Conclusioni" in kept) is (kind == "html")


def test_a_file_the_counting_pass_cannot_read_is_left_to_the_cleaning_pass(tmp_path, monkeypatch):
    """A page lxml refused stopped the whole folder run in the counting pass (one of
    trafilatura's test pages, a control character in it); whatever stops one file there, the
    others are counted and cleaned, and the cleaning pass names that file (ours)."""
    from cleantext import html

    docs = _corpus(tmp_path)
    (docs / "bad.html").write_text("<html><body><p>Una pagina.</p></body></html>", encoding="utf-8")
    real = html.extract

    def extract(data, name, *args, **kwargs):
        if name.endswith("bad.html"):
            raise ValueError("All strings must be XML compatible")
        return real(data, name, *args, **kwargs)

    monkeypatch.setattr(html, "extract", extract)
    settings = Settings(translate=False)
    corpus = count_corpus(plan([docs], tmp_path / "out"), settings)
    assert corpus is not None and corpus.documents == 12
    summary = _clean_folder(docs, tmp_path / "out")
    assert [Path(path).name for path, _ in summary.errors] == ["bad.html"]
    assert all((tmp_path / "out" / f"a{d:02d}.txt").exists() for d in range(12))


@pytest.mark.parametrize("others", [0, 12])
def test_copies_of_one_article_count_once_and_keep_their_text(tmp_path, others):
    """Issue 32, item 4: three identical copies in a folder came out empty (every line
    'repeated across documents'); among more documents each copy lost its headline."""
    docs = _corpus(tmp_path, others) if others else tmp_path / "in"
    docs.mkdir(exist_ok=True)
    article = "\n\n".join(_article(300)) + "\n"
    for name in ("c1", "c2", "c3"):
        (docs / f"{name}.txt").write_text(article, encoding="utf-8")
    # a near copy: the same article with a line of the site's added
    (docs / "c4.txt").write_text(article + "\nSegui il nostro canale\n", encoding="utf-8")
    out = tmp_path / "out"
    settings = Settings(translate=False)
    jobs = plan([docs], out)
    corpus = count_corpus(jobs, settings)
    assert corpus is not None
    assert corpus.duplicates == {str(docs / n): str(docs / "c1.txt") for n in ("c2.txt", "c3.txt", "c4.txt")}
    summary = run(jobs, out, Options(settings, formats=("txt", "jsonl", "meta"), corpus=corpus))
    assert summary.duplicates == 3
    for name in ("c1", "c2", "c3", "c4"):
        kept = [r["source"] for r in _records(out, name) if not r["dropped"]]
        assert kept[:4] == _article(300), name
    meta = json.loads((out / "c2.meta.json").read_text("utf-8"))
    assert meta["duplicate_of"] == str(docs / "c1.txt")
    assert "duplicate_of" not in json.loads((out / "c1.meta.json").read_text("utf-8"))


def test_a_sharded_run_counts_every_file_and_writes_what_a_whole_run_writes(tmp_path):
    docs = _corpus(tmp_path)
    settings = Settings(translate=False)
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    jobs = plan([docs], whole)
    run(jobs, whole, Options(settings, corpus=count_corpus(jobs, settings)))
    every = plan([docs], parts)
    corpus = count_corpus(every, settings)
    for i in (1, 2):
        run(select_shard(every, (i, 2)), parts, Options(settings, corpus=corpus))
    for f in sorted(whole.glob("*.txt")):
        assert (parts / f.name).read_text("utf-8") == f.read_text("utf-8")


def test_keep_boilerplate_turns_the_count_off_and_single_texts_have_none(tmp_path):
    docs = _corpus(tmp_path)
    jobs = plan([docs], tmp_path / "out")
    assert count_corpus(jobs, Settings(keep_boilerplate=True)) is None
    assert count_corpus(jobs[:2], Settings()) is None  # too few documents to call anything repeated


def test_the_evidence_is_part_of_the_resume_key(tmp_path):
    docs = _corpus(tmp_path)
    settings = Settings(translate=False)
    stats = count_corpus(plan([docs], tmp_path / "out"), settings)
    assert stats is not None and stats.documents == 12
    assert Options(settings, corpus=stats).key() != Options(settings).key()
    again = count_corpus(plan([docs], tmp_path / "other"), settings)
    assert Options(settings, corpus=stats).key() == Options(settings, corpus=again).key()


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("Potrebbe piacerti anche: Il governo approva la manovra", "potrebbe piacerti anche"),
        ("Ultime notizie | Economia | Borse in calo", "ultime notizie"),
        ("ROMA - Il governo ha approvato la manovra", "roma"),
        ("Il ministro ha spiegato la riforma in tre punti: tasse, lavoro e pensioni", None),  # head too long
        ("Una riga senza separatori", None),
    ],
)
def test_template_heads(line, head):
    assert template_head(line) == head


def test_an_empty_corpus_says_nothing():
    assert CorpusLines().reason("Prosegui la lettura dopo l'annuncio") is None


def test_worker_processes_get_the_same_evidence(tmp_path):
    docs = _corpus(tmp_path)
    settings = Settings(translate=False)
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        jobs = plan([docs], out)
        run(jobs, out, Options(settings, corpus=count_corpus(jobs, settings)), workers=workers)
        outs.append({f.name: f.read_bytes() for f in sorted(out.glob("[!.]*"))})
    assert outs[0] == outs[1] and any(b"repeated across documents" in v for v in outs[0].values())


def test_dialogue_and_long_paragraphs_after_a_template_head_stay(tmp_path):
    """A template's tail is a headline or a label. Dialogue lines share their heads across
    documents ('Lei: «…»', 'Lui: - …') and a paragraph may open with a head a template uses:
    both were dropped whole, and so was an exchange of several sentences after 'Lei:'
    (Italian fortune cookies, fortunes-it, held out), and a blog's postscripts ('PS: …')."""
    docs = _corpus(tmp_path)
    said = {}
    for d in range(12):
        k = 10 + 4 * d
        lines = [f"Lei: «{_headline(k + 1)}!»", f"Lui: - {_headline(k + 2)}."]
        # an exchange in one paragraph, its source after it: not one sentence, nor a headline
        lines.append(f"Lei: - {_headline(k + 3)}. Lui: - {_headline(k + 4)}? (dal web)")
        # a postscript goes on in lowercase after its label (a blog's, held out)
        lines.append(f"PS: {SENTENCES[k + 5][0].lower()}{SENTENCES[k + 5][1:]}")
        # ... and is left unended as often (a blog's, held out)
        lines.append(f"PPS: {LONG[d][0].lower()}{LONG[d][1:].rstrip('.')}")
        if d == 0:  # a paragraph of prose after the head of the corpus' template
            lines.append(f"Il punto della settimana: {' '.join(SENTENCES[k + 100 : k + 103])}")
        said[f"a{d:02d}"] = lines
        path = docs / f"a{d:02d}.txt"
        path.write_text(path.read_text("utf-8") + "\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    _clean_folder(docs, out)
    for name, lines in said.items():
        recs = _records(out, name)
        kept = " ".join(r["source"] for r in recs if not r["dropped"])
        assert all(" ".join(line.split()) in kept for line in lines), name
        dropped = [r["source"] for r in recs if r["dropped"] == "boilerplate: repeated template"]
        assert any(s.startswith("Il punto della settimana: ") for s in dropped), name  # the template goes


def test_a_label_listing_short_lowercase_values_still_goes():
    """A site's label may list lowercase values as long as a sentence (ours): a list of
    short items, not a sentence going on; an unended lowercase sentence after a head the
    documents share stays (a blog's postscripts, held out)."""
    topics = ["politica interna", "governo", "legge di bilancio", "pensioni", "sanità pubblica", "scuola"]
    cities = "Roma Milano Napoli Torino Bari Genova Trento Pisa Siena Lecce Parma Como".split()
    docs, lines = [], []
    for d in range(12):
        listed = f"Nel dossier: {', '.join(topics[d % 3 :] + topics[: d % 3])}, cronaca di {cities[d]}"
        said = f"Nel dossier: {LONG[d][0].lower()}{LONG[d][1:].rstrip('.')}"
        lines.append((listed, said))
        docs.append((f"a{d}", "\n\n".join([*_article(10 + 4 * d), listed, said])))
    corpus = count_documents(docs)
    for listed, said in lines:
        assert corpus.reason(listed) == "repeated template"
        assert corpus.reason(said) is None


def test_code_lines_pages_share_are_not_counted(tmp_path):
    """Pages showing the same command in a <pre> ("$ sudo apt-get update") share it as
    content, not as a site's line: the counting pass leaves code out, as cleaning does
    (Debian pages, held out; the pages are ours)."""
    docs = tmp_path / "pages"
    docs.mkdir()
    for d in range(5):
        body = f"<p>{' '.join(SENTENCES[20 + 3 * d : 23 + 3 * d])}</p><pre>$ sudo apt-get update\n</pre>"
        (docs / f"p{d}.html").write_text(
            f'<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Pagina {d}</title></head>'
            f"<body><article><h1>Pagina {d}</h1>{body}</article></body></html>",
            encoding="utf-8",
        )
    settings = Settings(translate=False)
    corpus = count_corpus(plan([docs], tmp_path / "out"), settings)
    assert corpus is not None and corpus.documents == 5
    assert not any("apt" in key for key in corpus.lines)


# ours: a term Italian writers borrow, in sentences of our own, one document each
_CITIES = ["Milano", "Torino", "Napoli", "Bari", "Genova"]
_ENGLISH = [
    "The government says that it is not ready for such a change in the labour market.",
    "Many workers told us that they do not want to work late any more.",
    "The unions have asked the companies for a new contract this year.",
    "Most young people think that their salaries are far too low.",
    "The managers of the company said that they would look into the problem.",
]


def test_foreign_terms_are_counted_in_italian_documents_only():
    """The counting pass counts, per document, runs of up to three foreign words with one
    Italian text does not use; a page in another language testifies to no Italian usage."""
    docs = [
        (f"d{d}", f"{SENTENCES[300 + d]}\n\nNelle aziende di {city} si parla ormai di quiet quitting.\n")
        for d, city in enumerate(_CITIES)
    ]
    docs.append(("en", "\n\n".join(_ENGLISH) + "\n\nNobody here talks about quiet quitting.\n"))
    docs.append(("once", f"{SENTENCES[320]}\n\nLa riforma si basa su una broad commonality di interessi.\n"))
    corpus = count_documents(docs)
    assert corpus.terms["quiet quitting"] == 5 and corpus.used_term("quiet quitting")
    assert not corpus.used_term("broad commonality") and "broad commonality" not in corpus.terms
    assert not corpus.used_term("the managers") and "government" not in corpus.terms


def test_a_term_several_documents_use_is_their_writers(tmp_path):
    """A foreign phrase that a run's documents use, each in its own sentence, is kept as a
    `term` even in a document a whole English sentence makes a machine's; without the run
    (one file alone) it is a leftover there."""
    docs = tmp_path / "in"
    docs.mkdir()
    for d, city in enumerate(_CITIES):
        k = 300 + 5 * d
        paras = [
            SENTENCES[k],
            SENTENCES[k + 1],
            f"Nelle aziende di {city} si parla ormai di quiet quitting tra i dipendenti più giovani.",
            _ENGLISH[d],
            SENTENCES[k + 2],
        ]
        (docs / f"a{d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    settings = Settings(engine="none")  # the judgement, without an engine
    jobs = plan([docs], tmp_path / "out")
    run(jobs, tmp_path / "out", Options(settings, corpus=count_corpus(jobs, settings)))
    segments = {g["text"]: g for r in _records(tmp_path / "out", "a0") for g in r["segments"]}
    assert segments["quiet quitting"].get("kept") == "term"
    assert segments[_ENGLISH[0]].get("leftover") == "a whole en sentence"
    alone = plan([docs / "a0.txt"], tmp_path / "alone")
    run(alone, tmp_path / "alone", Options(settings))
    segments = {g["text"]: g for r in _records(tmp_path / "alone", "a0") for g in r["segments"]}
    assert segments["quiet quitting"].get("leftover", "").startswith("words Italian does not use: quiet")


def _items(tmp_path, close) -> Path:
    """An RSS export: one item per file, its title then its summary cut with "[…]", and
    what `close(k)` puts after the cut (our own feeds, in the shapes WordPress writes)."""
    docs = tmp_path / "items"
    docs.mkdir()
    for d in range(14):
        k = 300 + 3 * d
        title = _headline(k) + ("!" if d % 5 == 0 else "")  # a "!" in a title splits its sentence
        summary = f"{SENTENCES[k]} {SENTENCES[k + 1]} […] {close(title)}"
        (docs / f"i{d:02d}.txt").write_text(f"{title}\n\n{summary}\n", encoding="utf-8")
    return docs


@pytest.mark.parametrize(
    "close",
    [
        lambda title: f"The post {title} first appeared on La Gazzetta di Prova.",
        lambda title: f"L'articolo {title} proviene da Il Quotidiano di Prova.",
    ],
)
def test_a_feeds_footer_many_items_close_with_goes_whole(tmp_path, close):
    """A feed closes every item's summary with a footer, the item's title in its middle: no
    line is repeated, and the English one was translated ("The post … first appeared on il
    manifesto" → "Il palo … primo apparso addirittura", a real news feed). The closing many
    documents share, from its opening to its end, goes; the summary stays."""
    docs = _items(tmp_path, close)
    _clean_folder(docs, tmp_path / "out")
    for d in range(14):
        text = (tmp_path / "out" / f"i{d:02d}.txt").read_text("utf-8")
        assert "Prova" not in text and "post" not in text.split() and "L'articolo" not in text, text
        records = _records(tmp_path / "out", f"i{d:02d}")
        footer = records[[k for k, r in enumerate(records) if "[…]" in r["source"]][0] + 1 :]
        assert footer and all(r["dropped"] == "boilerplate: repeated closing" for r in footer)
        assert not any(r["dropped"] for r in records[: -len(footer)])  # the title and the summary


def test_an_end_many_documents_share_without_an_opening_is_no_footer(tmp_path):
    """A site's phrase closes the last sentence of each of its articles, the sentences
    otherwise the articles' own ("…, secondo quanto riferisce la nostra redazione."; ours,
    after a news feed's embed codes, held out): an end with no opening they share is no
    footer, and the sentences stay; nor does a footer's end count in a few items."""
    docs = _items(
        tmp_path, lambda title: f"{title.rstrip('!')}, secondo quanto riferisce la nostra redazione."
    )
    _clean_folder(docs, tmp_path / "out")
    assert count_corpus(plan([docs], tmp_path / "x"), Settings()).closings == {}
    for d in range(14):
        assert "secondo quanto riferisce" in (tmp_path / "out" / f"i{d:02d}.txt").read_text("utf-8")
    few = tmp_path / "few"
    few.mkdir()
    (tmp_path / "x").mkdir()
    for f in sorted(_items(tmp_path / "x", lambda t: f"The post {t} first appeared on Prova.").iterdir())[:9]:
        (few / f.name).write_text(f.read_text("utf-8"), encoding="utf-8")
    assert count_corpus(plan([few], tmp_path / "y"), Settings()).closings == {}


def test_a_short_last_sentence_many_items_end_with_goes():
    """A feed glues its "read more" to every summary ("…sei feriti.Continua a leggere", a
    news feed, held out; ours here): no line of its own repeats, the sentence does, last in
    the text of many documents. A sentence ending only a few documents stays."""
    from cleantext.pipeline import Pipeline

    # (glued after a lowercase word: after a capital, "Rimini.Continua" may be a name's)
    ended = [s for s in SENTENCES[300:] if s.rstrip(".").split()[-1].islower()][:12]
    texts = [(f"i{d}", f"{' '.join(s.split()[:6])}\n\n{s}Continua a leggere\n") for d, s in enumerate(ended)]
    corpus = count_documents(texts)
    assert corpus.endings == {"continua a leggere"}
    with Pipeline(Settings(translate=False)) as pipeline:
        doc = pipeline.finish([pipeline.prepare(texts[0][1], "i0", corpus)])[0]
    assert "Continua a leggere" not in doc.text and ended[0].rstrip(".")[:40] in doc.text
    assert [s.dropped for s in doc.sentences][-1] == "boilerplate: repeated closing"
    assert count_documents(texts[:9]).endings == frozenset()


PLAIN = [s for s in SENTENCES[500:] if s.isprintable()]  # (no zero-width space for repair to take)


def _titled(tmp_path, titles: list[str]):
    """Feed items, one a file: a title, then two sentences of summary."""
    docs = tmp_path / "titled"
    docs.mkdir()
    for d, title in enumerate(titles):
        summary = f"{PLAIN[2 * d]} {PLAIN[2 * d + 1]}"
        (docs / f"t{d:02d}.txt").write_text(f"{title}\n\n{summary}\n", encoding="utf-8")
    return docs


@pytest.mark.parametrize("sign", [" - Il Quotidiano di Prova", " | Prova.it - Il Quotidiano di Prova"])
def test_a_sites_name_many_titles_end_with_goes(tmp_path, sign):
    """A feed signs every title with its site's name ("… - Il Post", "… | Libero
    Quotidiano.it - Libero Quotidiano": 1,731 of a real news feed's 15,272 items, held out;
    our own name here). The name goes, the title and the summary stay."""
    heads = [" ".join(PLAIN[2 * d + 1].rstrip(".").split()[:7]) for d in range(12)]
    docs = _titled(tmp_path, [h + sign for h in heads])
    _clean_folder(docs, tmp_path / "out")
    for d, head in enumerate(heads):
        text = (tmp_path / "out" / f"t{d:02d}.txt").read_text("utf-8")
        assert text.split("\n")[0] == head and "Prova" not in text, text
        assert PLAIN[2 * d] in text
        records = _records(tmp_path / "out", f"t{d:02d}")
        assert [r["dropped"] for r in records if r["dropped"]] == ["boilerplate: site name"]
        assert records[1]["source"] == sign.strip()


def test_a_name_titles_open_with_as_often_or_a_few_titles_end_with_stays(tmp_path):
    """A league's results name each team on either side of the dash ("Inter - Milan",
    "Milan - Inter"; ours): a name that opens titles as often as it ends them is the
    news's, no site's, and a title naming two sides of a dash is no template's line either
    (it went as a "repeated template", its head a team three titles open with). Nor is a
    name nine titles end with a site's."""
    teams = ["Aquile", "Falchi", "Lupi", "Orsi"]
    matches = [f"{a} - {b}" for a in teams for b in teams if a != b]
    results = [(f"m{k}", f"{m}\n\n{PLAIN[k]}") for k, m in enumerate(matches)]
    assert count_documents(results).site_names == set()
    few = [(f"f{k}", f"{PLAIN[k + 1][:40]} - Il Quotidiano di Prova\n\n{PLAIN[k]}") for k in range(9)]
    assert count_documents(few).site_names == set()
    docs = _titled(tmp_path, matches)
    _clean_folder(docs, tmp_path / "out")
    for d, m in enumerate(matches):
        assert _records(tmp_path / "out", f"t{d:02d}")[0]["source"] == m
        # nor is the title a template's line, "Aquile" a head three titles share before a dash
        assert (tmp_path / "out" / f"t{d:02d}.txt").read_text("utf-8").startswith(m + "\n")


@pytest.mark.parametrize("dateline", ["(Agenzia Prova) -", "ROMA -", "MILANO (Prova) –"])
def test_an_articles_text_after_a_dateline_many_items_open_with_stays(tmp_path, dateline):
    """A wire's feed opens every summary with its dateline and cuts it without a full stop
    ("(Adnkronos) - Finiscono in parità le prime due sfide del 20° turno di campionato", a
    real news feed, held out; ours here): the summary is the article's text, not a template
    of the site's, however many items open so."""
    heads = [" ".join(PLAIN[2 * d + 1].rstrip(".").split()[:7]) for d in range(12)]
    docs = tmp_path / "wire"
    docs.mkdir()
    for d, head in enumerate(heads):
        summary = f"{dateline} {PLAIN[2 * d].rstrip('.')}"
        (docs / f"w{d:02d}.txt").write_text(f"{head}\n\n{summary}\n", encoding="utf-8")
    _clean_folder(docs, tmp_path / "out")
    for d in range(12):
        assert PLAIN[2 * d].rstrip(".") in (tmp_path / "out" / f"w{d:02d}.txt").read_text("utf-8")


@pytest.mark.parametrize("name", ["Il Quotidiano di Prova", "Provapage"])
def test_a_summary_repeating_the_title_with_its_sites_name_is_still_a_repeat(name):
    """A feed repeats the title as the summary, the name glued on ("Imprese in bilico: a
    Torino nel 2025 un fallimento al giorno La Stampa" under the same title "… - La Stampa",
    79 items of a real news feed, held out; ours here): with the name cut from the title,
    the summary is still its repeat, and goes as one."""
    from cleantext.pipeline import Pipeline

    corpus = CorpusLines(documents=1000, site_names=frozenset({name.lower()}))
    title = "Dal primo incontro all’omicidio: la confessione di Rossi sulla morte di Giulia Bianchi"
    text = f"{title} - {name}\n\n{title} {name}\n"
    with Pipeline(Settings(translate=False)) as pipeline:
        doc = pipeline.finish([pipeline.prepare(text, "r", corpus)])[0]
    assert doc.text == title
    reasons = [s.dropped for s in doc.sentences]
    assert reasons[:2] == [None, "boilerplate: site name"] and reasons[2].startswith("duplicate")
