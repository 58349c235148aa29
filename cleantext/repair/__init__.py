"""Stage 2 — repair: character damage, glued words and spacing, as named rules.

Every rule is usable alone (`cleantext.repair.mojibake.fix(text)`); `repair_text` applies
them all in order and `repair_paragraph` does the same while tracking offsets, so later
stages can point back into the text as read.

>>> repair_text("ilIl presidente ha detto .")
'Il presidente ha detto.'
"""

from __future__ import annotations

from cleantext.code import code_shaped
from cleantext.repair import accents, encoding, glue, lost, spacing
from cleantext.repair.accents import acute_accent, acute_apostrophe, apostrophe_accent, dropped_accent
from cleantext.repair.encoding import (
    html_entities,
    html_tags,
    invisible,
    mojibake,
    nfc,
    odd_spaces,
    pinyin_vowels,
    thai_codec,
)
from cleantext.repair.glue import doubled_prefix, drop_cap, glued_at_accent, hyphen_break
from cleantext.repair.lost import lost_letter, lost_question_mark
from cleantext.repair.spacing import (
    bracket_inner_spaces,
    doubled_spaces,
    line_break,
    missing_space_after_sentence,
    quote_spacing,
    space_before_punctuation,
    spaced_elision,
    stray_punctuation,
    trim,
)
from cleantext.repair.tracked import Tracked
from cleantext.rules import Rewrite, Rule, fixed_point

RULES: tuple[Rewrite, ...] = encoding.RULES + lost.RULES + glue.RULES + accents.RULES + spacing.RULES


ROUNDS = 3  # passes of every rule, until nothing changes


def rules_for(text: str, rules: tuple[Rewrite, ...] = RULES) -> tuple[Rewrite, ...]:
    """The rules for one document: all of them, but those that put dropped accents back
    (`accents.FOLDED_ONLY`) only where the document kept no accents its writer typed
    (`accents.typed_accents`): a folding scraper folds a whole page, and a paragraph without
    an accent in an accented page is the writer's as written ("chi e cosa sono", GNOME's
    Italian help, became "chi è cosa")."""
    if accents.typed_accents(text):
        return tuple(rule for rule in rules if rule not in accents.FOLDED_ONLY)
    return rules


def _for_paragraph(text: str, rules: tuple[Rewrite, ...]) -> tuple[Rewrite, ...]:
    """`rules` less those that space prose and mend its words (`glue`: "iaIa" is an
    identifier there, not "Ia" typed twice), for a paragraph shaped as code (`code_shaped`).
    Asked again each round: mending mojibake can make code-like text prose ("bÃ¨hd()")."""
    if code_shaped(text):
        return tuple(rule for rule in rules if rule not in spacing.PROSE_ONLY and rule not in glue.RULES)
    return rules


def repair_paragraph(raw: str, rules: tuple[Rewrite, ...] = RULES) -> Tracked:
    """Apply `rules` in order to one paragraph, keeping offsets back into `raw`; a paragraph
    shaped as code keeps its spacing."""
    tracked = Tracked(raw)
    for _ in range(ROUNDS):  # until nothing changes: one fix can reveal another (idempotence)
        changed = False
        for rule in _for_paragraph(tracked.text, rules):  # (a fix may make code prose, or prose code)
            if rule.skips(tracked.text):
                continue  # (most rules, most paragraphs: asked here, one call less)
            changed |= tracked.apply(rule)
        if not changed:
            break
    return tracked


def repair_text(text: str, rules: tuple[Rewrite, ...] = RULES) -> str:
    """Repair plain text line by line (no offsets kept)."""
    out = []
    rules = rules_for(text, rules)
    for line in text.split("\n"):
        for _ in range(ROUNDS):  # as `repair_paragraph`: the rules for the text as it is now
            before, line = line, fixed_point(_for_paragraph(line, rules), line, 1)
            if line == before:
                break
        out.append(line)
    return "\n".join(out)


__all__ = [
    "RULES",
    "Rewrite",
    "Rule",
    "Tracked",
    "acute_accent",
    "acute_apostrophe",
    "apostrophe_accent",
    "bracket_inner_spaces",
    "doubled_prefix",
    "doubled_spaces",
    "drop_cap",
    "glued_at_accent",
    "dropped_accent",
    "html_entities",
    "html_tags",
    "hyphen_break",
    "invisible",
    "line_break",
    "lost_letter",
    "lost_question_mark",
    "missing_space_after_sentence",
    "mojibake",
    "nfc",
    "odd_spaces",
    "pinyin_vowels",
    "thai_codec",
    "quote_spacing",
    "repair_paragraph",
    "repair_text",
    "rules_for",
    "space_before_punctuation",
    "spaced_elision",
    "stray_punctuation",
    "trim",
]
