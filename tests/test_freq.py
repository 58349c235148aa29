"""cleantext.freq gives wordfreq's own Zipf values, read from its table directly."""

import random
import unicodedata

import pytest
import regex
from wordfreq import get_frequency_dict, zipf_frequency

from cleantext.freq import PLAIN, zipf, zipfs

TRICKY = [  # ours: what must go through wordfreq's own tokeniser, or read the table right
    "perché", "città", "l'anno", "dell'italia", "aujourd'hui", "straße", "2024", "covid19",
    "Roma", "ÉTAT", "cœur", "œuvre", "naïve", "pequeño", "são", "über", "qzxv", "",
    unicodedata.normalize("NFD", "perché"), "e", "a", "è", "x-ray", "n.", "ﬁne",
    "G7", "1.500", "l'11", "Stati-Uniti", "dell'Unione", "COVID-19", "qzxv's", "...", "3,5%",
]  # fmt: skip


@pytest.mark.parametrize("lang", ["it", "fr", "en", "es", "pt", "de"])
def test_same_value_as_wordfreq(lang):
    rng = random.Random(lang)
    table = [w for w in get_frequency_dict(lang) if PLAIN.fullmatch(w)]
    words = rng.sample(table, 3000) + table[:300] + TRICKY  # common, rare and odd words
    for w in words:
        assert zipf(w, lang) == zipf_frequency(w, lang), (w, lang)


@pytest.mark.parametrize("lang", ["it", "fr", "en", "ca"])
def test_same_value_for_the_words_of_real_text(lang):
    """Every whitespace-separated token of the samples (capitals, digits, apostrophes,
    punctuation attached), as detection meets them."""
    from conftest import SAMPLES

    words = {w for p in sorted(SAMPLES.glob("*.txt")) for w in p.read_text("utf-8").split()}
    assert len(words) > 900
    for w in sorted(words):
        assert zipf(w, lang) == zipf_frequency(w, lang), (w, lang)


def test_several_languages_at_once_as_one_by_one(monkeypatch):
    """`zipfs` reads the joint dictionary (JOINT's languages, loaded) or the loaded tables
    in one pass for a plain word; any other word, other languages, or tables not loaded go
    the way of `zipf`: the same values every way."""
    import wordfreq
    from conftest import SAMPLES

    from cleantext import freq

    words = sorted({w.lower() for p in SAMPLES.glob("*.txt") for w in p.read_text("utf-8").split()})
    langs = freq.JOINT
    for lang in langs:
        freq.load(lang)
    assert freq._JOINT.words is not None and all(freq._frequencies(lang).joint for lang in langs)

    def same_values() -> None:
        for w in words + TRICKY:
            assert zipfs(w, langs) == tuple(zipf_frequency(w, lang) for lang in langs), w
            assert zipfs(w, ("it", "sv")) == (zipf_frequency(w, "it"), zipf_frequency(w, "sv")), w
            assert all(zipf(w, lang) == zipf_frequency(w, lang) for lang in langs), w

    try:
        same_values()  # the joint dictionary
        monkeypatch.setattr(freq._JOINT, "words", None)
        for lang in langs:  # the tables, loaded whole
            monkeypatch.setattr(freq._frequencies(lang), "joint", None)
            monkeypatch.setattr(freq._frequencies(lang), "table", freq._table(lang))
        assert freq._loaded(langs) is not None and freq._loaded(("it", "sv")) is None
        same_values()
    finally:  # wordfreq keeps the Swedish lists it read: let them go, as a loaded table does
        wordfreq.get_frequency_list.cache_clear()


def test_the_joint_dictionary_holds_every_word_of_its_shape_with_each_tables_value():
    from cleantext import freq

    joint = freq._Joint().load()
    assert joint is not None
    tables = [freq._table(lang) for lang in freq.JOINT]
    shaped = {w for table in tables for w in table if freq.JOINT_WORD.fullmatch(w)}
    assert len(joint) == len(shaped) > 600_000 and "nell'inchiesta" in joint
    for k, table in enumerate(tables):
        assert all(joint[w][k] == f for w, f in table.items() if w in shaped)
        assert all(row[k] == table.get(w) for w, row in joint.items())


def test_the_joint_dictionary_is_written_once_and_a_damaged_or_unwritable_one_is_no_error(
    tmp_path, monkeypatch
):
    from cleantext import freq

    monkeypatch.setenv("CLEANTEXT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(freq, "_write_copy", lambda lang, path: False)  # the copies are not the subject
    # the first process to need it writes it for the next ones, and reads its tables itself
    assert freq._Joint().load() is None
    [path] = freq.prepare(freq.JOINT)  # there already: not written again
    assert path.name.startswith("joint-it-fr-en-py") and path.parent.parent == tmp_path / "cache"
    assert not list(path.parent.glob("*.part"))
    stamp = path.stat().st_mtime_ns
    assert freq._Joint().load()["perché"] == tuple(freq._table(lang).get("perché") for lang in freq.JOINT)
    assert path.stat().st_mtime_ns == stamp  # read, not written again
    path.write_bytes(b"\x00not marshal" * 10)
    assert freq._Joint().load() is None and not path.exists()  # the next process writes it again
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLEANTEXT_CACHE", str(blocker / "cache"))
    assert freq._Joint().load() is None


def test_every_language_read_from_the_tables_is_tokenised_alike():
    """freq tokenises a word once for all of LANGUAGES: wordfreq must treat them alike (the
    same script, tokeniser, normal form and case and mark handling) — a wordfreq release
    that changes one of them fails here."""
    from wordfreq.language_info import get_language_info
    from wordfreq.tokens import lossy_tokenize

    from cleantext.freq import LANGUAGES, _tokens

    assert len({tuple(sorted(get_language_info(lang).items())) for lang in LANGUAGES}) == 1
    for w in TRICKY + ["dell'Eurasia", "l’anno", "Martha's", "trent'anni", "c'è"]:
        assert all(_tokens(w) == lossy_tokenize(w, lang) for lang in LANGUAGES), w


def test_elided_words_are_tokenised_as_wordfreq_does():
    """The elision shortcut ("dell'anno", "l'ha", "nell'") gives wordfreq's tokens for every
    letter PLAIN allows as a head or at the start of a tail, heads of one to five letters,
    and the elisions of real text; zipfs reads them as zipf does."""
    import sys

    from conftest import DEV, SAMPLES
    from wordfreq.tokens import INITIAL_VOWEL_EXPR, lossy_tokenize

    from cleantext import freq

    assert freq.INITIAL_VOWELS == set(INITIAL_VOWEL_EXPR.strip("[]").lower())
    letters = [chr(c) for c in range(sys.maxunicode + 1) if PLAIN.fullmatch(chr(c))]
    heads = [*letters, *(a + b for a in "ldcsnmtvàù" for b in letters), "nell", "dell", "quest", "trent"]
    tails = ["", *letters, *(c + "nno" for c in letters), "hanno", "11"]
    words = [f"{h}'{t}" for h in heads for t in tails]
    text = " ".join(
        p.read_text("utf-8") for p in [*SAMPLES.glob("*.txt"), *(DEV.parent / "lingua").rglob("*.txt")]
    )
    real = {w.lower() for w in regex.findall(r"\w+'\w*", text.replace("’", "'"))}
    assert len(real) > 300
    for w in words + sorted(real):
        assert freq._tokens.__wrapped__(w) == lossy_tokenize(w, "it"), w
    langs = ("it", "fr", "en")
    for lang in langs:
        freq.load(lang)
    for w in sorted(real) + ["l'anno", "dell'anno", "nell'", "l'ha", "qzx'qzx", "l'qzxv"]:
        assert zipfs(w, langs) == tuple(zipf_frequency(w, lang) for lang in langs), w


def test_plain_words_skip_the_tokeniser_and_the_others_do_not():
    assert PLAIN.fullmatch("perché") and PLAIN.fullmatch("cœur")
    for w in ("l'anno", "straße", "Roma", "covid19", unicodedata.normalize("NFD", "perché")):
        assert not PLAIN.fullmatch(w)


def _fresh(monkeypatch, cache, lang="it"):
    """A language's frequencies as a new process sees them, with `cache` as the cache for
    the copies (the joint dictionary: this machine's, not written again for each test)."""
    from cleantext import freq

    joint = freq._joint_path()
    monkeypatch.setattr(freq, "_joint_path", lambda: joint)
    monkeypatch.setattr(freq, "_JOINT", freq._Joint())
    monkeypatch.setenv("CLEANTEXT_CACHE", str(cache))
    return freq._Frequencies(lang)


WORDS = ["perché", "città", "governo", "qzxv", "ministro", "zzzzq", "di", "essere"]


def test_the_disk_copy_gives_the_tables_own_values_and_is_written_once(tmp_path, monkeypatch):
    table = get_frequency_dict("it")
    f = _fresh(monkeypatch, tmp_path)
    assert [f.get(w) for w in WORDS] == [table.get(w) for w in WORDS]
    assert f.table is None and f.db is not None  # read from the copy, not the table
    copy = next(tmp_path.glob("wordfreq-*/it.sqlite"))
    assert not list(copy.parent.glob("*.part"))  # written whole, then put in place
    stamp = copy.stat().st_mtime_ns
    again = _fresh(monkeypatch, tmp_path)
    assert [again.get(w) for w in WORDS] == [table.get(w) for w in WORDS]
    assert copy.stat().st_mtime_ns == stamp  # reused, not rewritten


def test_many_words_switch_to_the_whole_table_with_the_same_values(tmp_path, monkeypatch):
    """A language of JOINT switches to the joint dictionary (and keeps the copy for words
    it does not hold); another language loads its table whole."""
    from cleantext import freq

    monkeypatch.setattr(freq, "SWITCH", 3)
    odd = ["2024", "G7", "l'11", "ﬁne"]  # not of the joint dictionary's shape
    for lang in ("it", "es"):
        table = get_frequency_dict(lang)
        f = _fresh(monkeypatch, tmp_path, lang)
        assert [f.get(w) for w in WORDS + odd] == [table.get(w) for w in WORDS + odd], lang
        assert f.asked == 3 + (len(odd) if lang == "it" else 0)
        if lang == "it":
            assert f.joint is not None and f.table is None and f.db is not None
        else:
            assert f.joint is None and f.table is not None


def test_a_cache_that_cannot_be_written_or_is_damaged_falls_back_to_the_table(tmp_path, monkeypatch):
    table = get_frequency_dict("it")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    f = _fresh(monkeypatch, blocker / "cache")  # mkdir fails: no copy, no error
    assert [f.get(w) for w in WORDS] == [table.get(w) for w in WORDS] and f.table is not None
    damaged = tmp_path / "cache"
    f = _fresh(monkeypatch, damaged)
    f.get("di")  # writes the copy
    copy = next(damaged.glob("wordfreq-*/it.sqlite"))
    copy.write_bytes(b"not a database" * 100)
    g = _fresh(monkeypatch, damaged)
    assert [g.get(w) for w in WORDS] == [table.get(w) for w in WORDS] and g.table is not None
    assert not copy.exists()  # removed: the next process writes it again


def test_accented_forms_from_the_copy_match_the_table(tmp_path, monkeypatch):
    """respell's accent look-up ("confrontee" → "confrontée") reads the copy when there is
    one, and gives what the whole table gives."""
    from cleantext import freq
    from cleantext.vocab import fold

    joined = _fresh(monkeypatch, tmp_path, "fr")  # a long run's, reading the joint dictionary
    whole = freq._accented_table("fr")
    keys = sorted(whole)[::500] + ["confrontee", "gardee", "etat", "qzxv"]
    f = freq._Frequencies("fr")
    assert [f.accented(k) for k in keys] == [whole.get(k) for k in keys] and f.table is None
    assert f.accented("confrontee") == "confrontée" and fold("confrontée") == "confrontee"
    assert f.accents is None  # a short run asks the copy key by key
    assert joined._open() and joined.join()  # a long run: read whole from the copy, once
    assert [joined.accented(k) for k in keys] == [whole.get(k) for k in keys]
    assert joined.accents == whole and joined.table is None


def test_threads_asking_at_once_get_the_tables_values(tmp_path, monkeypatch):
    """The router post-edits each language in its own thread, and post-editing asks for
    frequencies: one copy, many threads, and the switch to the whole table among them."""
    from concurrent.futures import ThreadPoolExecutor

    from cleantext import freq

    monkeypatch.setattr(freq, "SWITCH", 500)
    table = get_frequency_dict("it")
    words = [w for w in table if PLAIN.fullmatch(w)][:4000]
    f = _fresh(monkeypatch, tmp_path)
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(f.get, words))
    assert got == [table[w] for w in words] and f.joint is not None


def test_prepare_writes_every_copy_once(tmp_path, monkeypatch):
    from cleantext import freq

    monkeypatch.setenv("CLEANTEXT_CACHE", str(tmp_path))
    paths = freq.prepare(("it", "fr"))
    assert [p.name for p in paths] == ["fr.sqlite", "it.sqlite"] and all(p.is_file() for p in paths)
    stamps = [p.stat().st_mtime_ns for p in paths]
    assert freq.prepare(("it", "fr")) == paths and [p.stat().st_mtime_ns for p in paths] == stamps


def test_a_loaded_table_does_not_keep_wordfreqs_lists_alive():
    """wordfreq caches the lists a table is built from (millions of entries the garbage
    collector would walk on every full collection): once the table is loaded they go, and
    wordfreq still answers."""
    import gc

    import wordfreq

    from cleantext import freq

    freq._table.cache_clear()  # built here, whatever other tests of this process read before
    freq._table("it")
    assert wordfreq.get_frequency_list.cache_info().currsize == 0
    assert not any(isinstance(o, list) and len(o) > 100_000 for o in gc.get_objects())
    assert zipf("casa", "it") == zipf_frequency("casa", "it")


def test_frequent_words_from_the_table_and_from_the_disk_copy(tmp_path, monkeypatch):
    """`frequent(lang, z)` is every word with zipf(word) >= z: read from the head of the
    loaded table (wordfreq's order: most frequent first) and from the disk copy alike."""
    from cleantext import freq

    table = freq._table("it")
    for z in (3.5, 4.0):
        expected = frozenset(w for w in table if zipf(w, "it") >= z)
        assert 1000 < len(expected) < 30_000
        whole = freq._Frequencies("it")  # a process that has loaded the table
        whole.table = table
        monkeypatch.setattr(freq, "_frequencies", lambda lang, f=whole: f)
        freq.frequent.cache_clear()
        assert freq.frequent("it", z) == expected
        monkeypatch.undo()
        fresh = _fresh(monkeypatch, tmp_path)  # a process that has only opened the copy
        monkeypatch.setattr(freq, "_frequencies", lambda lang, f=fresh: f)
        freq.frequent.cache_clear()
        assert fresh.table is None and freq.frequent("it", z) == expected and fresh.db is not None
        monkeypatch.undo()
    freq.frequent.cache_clear()


def test_a_copy_damaged_past_its_first_rows_falls_back_to_the_table_when_met(tmp_path, monkeypatch):
    """Issue 32, item 13: random bytes inside the .sqlite crashed every run with "database
    disk image is malformed"; only a copy damaged at its start was noticed."""
    import random

    table = get_frequency_dict("it")
    f = _fresh(monkeypatch, tmp_path)
    f.get("di")
    copy = next(tmp_path.glob("wordfreq-*/it.sqlite"))
    data = bytearray(copy.read_bytes())
    rng = random.Random(7)
    for at in range(len(data) // 4, len(data), 4096):  # every page past the first quarter
        data[at : at + 64] = rng.randbytes(64)
    copy.write_bytes(bytes(data))
    g = _fresh(monkeypatch, tmp_path)
    words = sorted(table, key=lambda w: (len(w), w))[:: max(1, len(table) // 3000)]
    assert [g.get(w) for w in words] == [table.get(w) for w in words]
    assert g.table is not None and not copy.exists()
    assert g.accented("citta") == "città"
