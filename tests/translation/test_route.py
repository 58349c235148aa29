"""Engine order, cache, failure handling and the after-translation check of the router."""

from conftest import FakeEngine

from cleantext.translation.route import Router, plausible_length


class Recorder(FakeEngine):
    """A minimal engine that uppercases, recording every batch it is given."""

    def __init__(self, name, pairs, fail=False):
        self.name, self.pairs, self.fail, self.batches = name, pairs, fail, []

    def translate(self, texts, source, target):
        self.batches.append(list(texts))
        if self.fail:
            raise RuntimeError("engine crashed")
        return [t.upper() for t in texts]


def test_first_engine_serving_the_pair_wins_and_identical_spans_run_once():
    a, b = Recorder("argos", {("fr", "it")}), Recorder("apertium", {("fr", "it"), ("en", "it")})
    r = Router([a, b])
    out = r.translate([("bonjour", "fr"), ("hello", "en"), ("bonjour", "fr")])
    assert [(o.translation, o.engine) for o in out] == [
        ("BONJOUR", "argos"),
        ("HELLO", "apertium"),
        ("BONJOUR", "argos"),
    ]
    assert a.batches == [["bonjour"]] and b.batches == [["hello"]]
    r.translate([("bonjour", "fr")])
    assert a.batches == [["bonjour"]]  # cached
    assert r.counts == {"argos": 3, "apertium": 1}


def test_missing_or_failing_engine_keeps_spans_untranslated():
    r = Router([Recorder("x", {("fr", "it")}, fail=True)])
    fr, de = r.translate([("bonjour", "fr"), ("hallo", "de")])
    assert fr.translation is None and "failed" in fr.note
    assert de.translation is None and "no engine for de→it" in de.note


def test_check_rejects_implausible_output():
    assert plausible_length("a sentence of some length here", "x") is not None
    assert plausible_length("a sentence of some length here", "una frase di una certa lunghezza") is None
    r = Router([Recorder("x", {("en", "it")})], checks=[lambda s, t: "shouting" if t.isupper() else None])
    (o,) = r.translate([("hello", "en")])
    assert o.translation is None and o.note == "rejected: shouting"


def test_cache_is_bounded_and_keeps_the_most_recently_used():
    a = Recorder("apertium", {("fr", "it")})
    r = Router([a], cache_size=3)
    out = r.translate([(w, "fr") for w in ("un", "deux", "trois", "quatre", "cinq", "un")])
    assert [o.translation for o in out] == ["UN", "DEUX", "TROIS", "QUATRE", "CINQ", "UN"]
    assert len(r._cache) == 3 and a.batches == [["un", "deux", "trois", "quatre", "cinq"]]
    r.translate([("cinq", "fr")])  # still cached: no engine call
    assert len(a.batches) == 1
    r.translate([("trois", "fr"), ("deux", "fr")])  # "deux" was evicted: only it runs again
    assert a.batches[-1] == ["deux"]


class Echo(Recorder):
    """An engine whose output is given: what a French or Italian engine would write."""

    def __init__(self, output, pairs):
        super().__init__("echo", pairs)
        self.output = output

    def translate(self, texts, source, target):
        return [self.output for _ in texts]


def test_a_translation_into_french_keeps_french_typography():
    """Italian spacing rules are the Italian post-edit stage's, not the router's: French puts
    a space before ':' and '!' and inside « » (`cleantext translate --to fr` removed them)."""
    french = "Il a dit : « oui » !"
    (out,) = Router([Echo(french, {("it", "fr")})], "fr").translate([("Ha detto: «sì»!", "it")])
    assert out.translation == french


def test_the_italian_post_edit_stage_runs_before_the_checks():
    from cleantext.translation.postedit import tidy

    seen = []

    def check(source, translation):
        seen.append(translation)
        return None

    r = Router([Echo("In 2002, la città , distrutta", {("en", "it")})], "it", (check,), post=tidy)
    (out,) = r.translate([("In 2002 the city, destroyed", "en")])
    assert out.translation == seen[0] == "Nel 2002, la città, distrutta"
