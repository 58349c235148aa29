"""Every rule of every stage is declared one way (`cleantext.rules.Rule`: a `Rewrite` or a
`LineTest`), with a reason no other rule gives and examples that say where they came from;
the examples are checked here."""

import pytest
import regex
from conftest import DEV, SAMPLES

from cleantext import corpus, repair, scrape
from cleantext.rules import Example, LineTest, Rewrite, Rule, fixed_point
from cleantext.translation import postedit, preedit

REWRITES = (*repair.RULES, *postedit.RULES, *preedit.RULES)
ALL = (*REWRITES, *scrape.RULES, *corpus.RULES)
SAMPLE_TEXT = "\n".join(p.read_text("utf-8") for p in SAMPLES.glob("*.txt"))


def test_rules_are_one_kind_with_unique_names():
    assert all(isinstance(r, Rewrite) for r in REWRITES)
    assert all(isinstance(r, LineTest) for r in (*scrape.RULES, *corpus.RULES))
    assert all(isinstance(r, Rule) for r in ALL)
    names = [r.name for r in ALL]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", REWRITES, ids=lambda r: r.name)
def test_rewrite_examples(rule):
    assert rule.examples, f"{rule.name} needs an example"
    for ex in rule.examples:
        assert isinstance(ex, Example)
        assert rule.fix(ex.text) == ex.result, (ex.text, ex.source)


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.name)
def test_examples_come_from_where_they_say(rule):
    """'samples' examples stand in a seed article, 'dev:docNNNN' ones name a document of the
    benchmark; a rule is not kept on benchmark examples alone (issue 16)."""
    for ex in rule.examples:
        if ex.source == "samples":
            assert ex.text.strip("“”") in SAMPLE_TEXT or ex.text[:30] in SAMPLE_TEXT, ex.text
        elif ex.source.startswith("dev:"):
            assert (DEV / "docs" / f"{ex.source[4:]}.txt").is_file(), ex.source
    if rule.examples:
        assert any(not ex.source.startswith("dev:") for ex in rule.examples), rule.name


def test_thresholds_are_named_and_read_by_name():
    rule = scrape.lines.copyright_line
    assert rule.limit("max_words") == 15
    with pytest.raises(KeyError):
        rule.limit("nope")


def test_a_rule_is_a_rewrite_or_a_line_test_with_what_it_does():
    with pytest.raises(ValueError, match="give a pattern, a func or a charwise edit"):
        Rewrite("nothing", "does nothing")
    with pytest.raises(ValueError, match="give its test"):
        LineTest("untested", "tests nothing")
    assert not hasattr(LineTest("t", "r", test=lambda *a: True), "fix")
    assert not hasattr(Rewrite("w", "r", func=str.strip), "fires")


def test_an_example_must_say_where_it_came_from():
    with pytest.raises(ValueError):
        Example("testo", "testo", "somewhere")


def test_post_edit_runs_to_a_fixed_point_in_its_written_order():
    # the join of "In il" makes the "Nel" that the date rule then turns into "Il"
    assert (
        fixed_point(postedit.RULES, "In il 15 agosto 1940, gli Alleati") == "Il 15 agosto 1940, gli Alleati"
    )


LINGUA_TEXT = "\n".join(p.read_text("utf-8") for p in (DEV.parent / "lingua" / "sentences").glob("*.txt"))


@pytest.mark.parametrize("rule", [r for r in REWRITES if r.needs is not None], ids=lambda r: r.name)
def test_a_rule_changes_only_text_that_has_what_it_needs(rule):
    """`needs` is a shortcut, never a change of what the rule does: on every line of the
    samples and of lingua's sentences, and on its own examples, the rule without it gives
    the same text, and a text it changes holds what it needs."""
    bare = Rewrite(rule.name, rule.reason, rule.pattern, rule.repl, rule.func, rule.charwise)
    lines = [*SAMPLE_TEXT.splitlines(), *LINGUA_TEXT.splitlines(), *(ex.text for ex in rule.examples)]
    changed = 0
    for line in lines:
        fixed = bare.fix(line)
        assert rule.fix(line) == fixed, line
        if fixed != line:
            changed += 1
            assert not rule.skips(line), line
    assert changed  # the examples at least


def test_every_space_the_trim_rule_strips_is_a_space_to_python():
    """trim's `needs` asks str.isspace() of the first and last characters: every code point
    its pattern's \\s matches must be one isspace() knows (regex and Python each have their
    own Unicode tables)."""
    import sys

    spaces = regex.compile(r"\s")
    assert all(chr(c).isspace() for c in range(sys.maxunicode + 1) if spaces.match(chr(c)))
