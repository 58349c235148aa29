"""Stage 3 — scrape-clean: boilerplate lines (repeated text: `cleantext.repeats`).

Each rule looks at one repaired paragraph (with the document around it) and returns a
reason string or None, like a datatrove filter. The rules rest on general evidence —
short lines made of navigation/social/ad vocabulary, lines shaped like dates or
breadcrumbs, headlines that share almost no words with the article — rather than on the
exact strings of one site. `find_boilerplate` returns the first reason that fires.

The rules that read a line by itself are in `lines`, those that read its page in `layout`;
`context` holds what both read.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleantext.rules import LineTest
from cleantext.scrape import layout, lines
from cleantext.scrape.context import Context, DocFacts, ends_sentence, lead_in, words
from cleantext.scrape.layout import menu_run, related_headline

__all__ = [
    "RULES",
    "Context",
    "ends_sentence",
    "find_boilerplate",
    "lead_in",
    "menu_run",
    "related_headline",
    "words",
]

# In this order: the first rule that fires gives the reason (the line rules first).
RULES: tuple[LineTest, ...] = lines.RULES + layout.RULES


def find_boilerplate(
    paragraphs: Sequence[str], rules: Sequence[LineTest] = RULES, links: frozenset[str] | None = None
) -> list[str | None]:
    """For each paragraph, 'boilerplate: <reason>' or None. `links`: an HTML page's links
    (`tokens.link_key`), where menus and boxes of headlines are made of them."""
    out: list[str | None] = []
    facts = DocFacts(links=links)
    for i, p in enumerate(paragraphs):
        ctx = Context(paragraphs, i, facts)
        reason = next((rule.reason for rule in rules if rule.fires(p, ctx)), None)
        out.append(f"boilerplate: {reason}" if reason else None)
        facts.kept += reason is None
        facts.previous_dropped = reason is not None
    return out
