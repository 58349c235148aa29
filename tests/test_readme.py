"""The README's Python examples say what they return: each call written with its result in a
comment (`cleantext.translate("…", "en")   # 'La casa è bianca.'`) is run and compared, so the
document a user reads first cannot drift from what the package does."""

import ast

import regex
from conftest import ROOT

import cleantext
from cleantext.repair import quote_spacing

_EXAMPLE = regex.compile(r"^(?P<call>(?:cleantext|quote_spacing)\.\w+\(.*\))\s+# (?P<want>'[^']*')", regex.M)


def _examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text("utf-8")
    return [(m["call"], ast.literal_eval(m["want"])) for m in _EXAMPLE.finditer(text)]


def test_the_readme_examples_return_what_they_say():
    examples = _examples()
    assert len(examples) >= 4, examples  # the pattern still finds them
    scope = {"cleantext": cleantext, "quote_spacing": quote_spacing}
    for call, want in examples:
        assert eval(call, scope) == want, call  # noqa: S307 - the README's own examples
