"""accents: the shortcut that skips words whose accented forms are all rare."""

from pathlib import Path

import regex

from cleantext.freq import frequent
from cleantext.repair import accents

ROOT = Path(__file__).parents[2]
OURS = ["citta", "liberta", "perche", "piu", "cosi", "pero", "gia", "parlo", "ando", "lunedi", "caffe"]


def test_a_word_without_a_common_accented_form_is_never_changed(monkeypatch):
    """`_may_lack_accent` says no without a look-up for most words; wherever it does, the
    rule's full decision leaves the word as written too. Checked on every lowercase word
    ending in a vowel of the samples and lingua's sentences, and on our own bare forms."""
    paths = [
        *(ROOT / "samples").glob("*.txt"),
        *(ROOT / "tests" / "data" / "lingua" / "sentences").glob("*.txt"),
    ]
    text = " ".join(p.read_text("utf-8") for p in paths)
    words = set(regex.findall(r"\p{Ll}{3,}(?<=[aeiou])\b", text)) | set(OURS)
    maybe = {w for w in words if accents._may_lack_accent(w)}
    assert len(maybe) < 0.2 * len(words) and len(words) > 2000
    common = frequent("it", accents.DROPPED_RARE_BARE_ZIPF)  # the shortcut's set, as its definition says
    for w in words | set(accents._bare_forms(accents.DROPPED_RARE_BARE_ZIPF)) | {"Citta", "PERCHE", "e"}:
        low = w.lower()
        assert accents._may_lack_accent(w) == any(
            low[:-1] + v in common for v in accents.FINAL.get(low[-1], "")
        ), w
    monkeypatch.setattr(accents, "_may_lack_accent", lambda word: True)
    full = accents._with_dropped_accent.__wrapped__  # the decision, not its cache
    changed = {w for w in words if full(w) is not None}
    assert changed <= maybe  # every word the rule changes passes the shortcut
    assert {"citta", "liberta", "perche", "piu", "cosi"} <= changed


def test_the_scan_for_words_the_rule_changes_agrees_with_the_rule(monkeypatch):
    """Once the common words are read, a paragraph none of whose runs of lowercase letters
    is a word the rule changes is set aside in one scan: the same answer as asking the rule
    about each word, on every line of the samples and lingua's sentences and on our own
    cases (apostrophes, hyphens, capitals, digits and marks around the word)."""
    paths = [
        *(ROOT / "samples").glob("*.txt"),
        *(ROOT / "tests" / "data" / "lingua" / "sentences").glob("*.txt"),
    ]
    lines = [line for p in sorted(paths) for line in p.read_text("utf-8").splitlines() if line.strip()]
    ours = [  # own
        "La citta e bella, e piu grande.",
        "Dell'attivita economica e l'universita.",
        "Il progetto attivita-ricerca.",
        "Citta e CITTA: la prima sì.",
        "La citta2 e il codice piu1.",
        "Mohenjo-daro, ahime!",
        "c'e la citta\u0300 e la liberta.",
        "Che terra, parlo io.",
        "Ora e piu tardi.",
        "Lo disse Del Potro ieri.",  # a capitalised word inside a sentence is a name
    ]
    monkeypatch.setattr(accents, "ASK_FIRST", 10**9)  # each word asked of the rule
    accents._with_dropped_accent.cache_clear()
    exact = [accents._has_dropped_accent(t) for t in lines + ours]
    monkeypatch.setattr(accents, "ASK_FIRST", -1)  # the common words read: the scan
    accents._with_dropped_accent.cache_clear()
    fast = [accents._has_dropped_accent(t) for t in lines + ours]
    accents._with_dropped_accent.cache_clear()
    assert fast == exact
    assert exact[-len(ours) :] == [True, True, False, True, False, True, True, False, True, False]
    assert 0 < sum(exact[: len(lines)]) < len(lines) / 10  # lingua has one ("piu")


_FINAL_ACCENT = regex.compile(r"(?<![\p{L}\p{N}])(\p{L}*)([àèéìòùÀÈÉÌÒÙ])(?![\p{L}\p{N}'’])")
_BARE = str.maketrans("àèéìòùÀÈÉÌÒÙ", "aeeiouAEEIOU")


def test_folded_real_italian_gets_most_accents_back_and_nothing_else():
    """lingua's Italian sentences (not the rules' source) with every final accent dropped,
    as an ASCII-folding scraper leaves them: at least 0.6 of the damaged words come back
    exactly, and no undamaged word changes (lines repair changes as written are left out)."""
    from cleantext.repair import repair_text

    lines = (ROOT / "tests" / "data" / "lingua" / "sentences" / "it.txt").read_text("utf-8").splitlines()
    damaged = restored = wrong = 0
    for line in lines:
        if not line.strip() or repair_text(line) != line:
            continue
        bad = _FINAL_ACCENT.sub(lambda m: m.group().translate(_BARE), line)
        words = regex.findall(r"\p{L}+", line), regex.findall(r"\p{L}+", bad)
        out = regex.findall(r"\p{L}+", repair_text(bad))
        for gold, was, now in zip(*words, out, strict=True):
            if was == gold:
                wrong += now != gold
            else:
                damaged += 1
                restored += now == gold
    assert damaged > 500
    assert restored / damaged >= 0.6  # 0.612 measured
    assert wrong <= 1  # a writer's "E stato", which the rule rightly makes "È stato"


def test_a_document_that_kept_its_accents_keeps_its_bare_words():
    """A folding scraper folds a whole page. LibreOffice's Italian help writes "Abilita o
    disabilita le macro." in a page full of accents, and dropped_accent made the verbs nouns
    ("Abilità o disabilità"); the same page folded still gets its accents back (ours)."""
    from cleantext.pipeline import Pipeline
    from cleantext.repair import repair_text

    page = (
        "Le macro sono programmi: conta più che mai, perché fanno danni.\n\nAbilita o disabilita le macro.\n"
    )
    assert repair_text(page) == page
    folded = "Le macro sono piccoli programmi.\n\nLa citta e la liberta, perche si.\n"
    assert "La città e la libertà, perché si." in repair_text(folded)
    doc = Pipeline().run(page + "\nLa spesa necessita di fondi nuovi.\n")
    assert "Abilita o disabilita le macro." in doc.text and "necessita di fondi" in doc.text, doc.text
    assert "La città e la libertà" in Pipeline().run(folded).text


def test_a_document_that_kept_its_accents_keeps_its_bare_e():
    """ "per capire chi e cosa sono proprietario, gruppo e altri utenti" (GNOME's Italian
    help) became "chi è cosa": the paragraph has no accent, the page many. In a folded page
    the verb still comes back (ours)."""
    from cleantext.repair import repair_text

    page = (
        "I permessi contano più di quanto sembri, perché proteggono.\n\nCapire chi e cosa sono gli utenti.\n"
    )
    assert repair_text(page) == page
    assert "Non è stato lui." in repair_text("Capire i permessi.\n\nNon e stato lui.\n")


def test_a_final_accent_typed_acute_becomes_grave_where_italian_writes_it_so():
    """Shared news items write "L´Italia tra 10 anni non esisterá piú!" (a feed of political
    news, held out; ours here): a final á, í, ó, ú is never Italian, and "caffé" is "caffè";
    "perché", "né" and foreign names ("Bogotá", "Guaraní") stay, and so does a sentence of
    another language ("é verdade")."""
    from cleantext.repair import repair_text

    fixed = "L’Italia tra cent'anni non esisterà più!"
    assert repair_text("L´Italia tra cent'anni non esisterá piú!") == fixed
    assert repair_text("Sará vero? PERÓ NON CI CREDO. Cosí sia.") == "Sarà vero? PERÒ NON CI CREDO. Così sia."
    same = "Perché né lui né il presidente del Perú, a Bogotá, parlano guaraní. Lá é verdade."
    assert repair_text(same) == same
