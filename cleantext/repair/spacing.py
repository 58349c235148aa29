"""Spacing around punctuation, brackets and quotes.

Every pattern is anchored on letters or closing marks so that numbers ("1.400", "3,5"),
times ("22:08"), abbreviations ("p.es.", "S.p.A.") and addresses ("www.ansa.it") are never
touched: a space is only removed *before* punctuation that is itself followed by a space or
the end, and only added after sentence punctuation squeezed between two words.
"""

from __future__ import annotations

import regex

from cleantext.latin import LatinPattern
from cleantext.rules import Example, Rewrite, holding

stray_punctuation = Rewrite(
    "stray_punctuation",
    "a lone period repeated after a finished sentence ('Stati Uniti. .'), or opening a paragraph "
    "before its first word, as machine translation leaves one ('. Poi il sindaco': the sentence "
    "before it ended already)",
    regex.compile(r"(?<=[.!?…][”»\"’)]?)(?:[ ]+\.(?!\.))+(?=\s|$)|^\.[ ]+(?=\p{Lu})"),
    "",
    needs=lambda text: " ." in text or text.startswith(". "),
    examples=(
        Example("dagli Stati Uniti. .", "dagli Stati Uniti.", "samples"),
        Example(". Poi il sindaco ha lasciato la sala.", "Poi il sindaco ha lasciato la sala.", "own"),
        Example("... e poi se ne andò.", "... e poi se ne andò.", "own"),
        Example(". bashrc è il file letto dalla shell", ". bashrc è il file letto dalla shell", "own"),
    ),
)

space_before_punctuation = Rewrite(
    "space_before_punctuation",
    "Italian puts no space before , . ; : ! ? or a closing bracket",
    # not before an emoticon (":)", ";-)", ":(", ":D"), which is no punctuation, nor before a
    # lone . ! ? that a lowercase word follows: it ends no sentence, it is a mark the text
    # names ("separati dal . subito dopo", "(chiave . valore)"; LilyPond's Italian manual)
    regex.compile(
        r"(?<=[\p{L}\p{N}%)\]”»\"’])[ ]+(?![:;]-?[()DPp](?!\p{L}))(?![.!?][ ]+\p{Ll})"
        r"(?=(?:[,;:!?]|\.(?!\.\.))+(?:\s|$|[”»\"’)\]]))"
    ),
    "",
    needs=LatinPattern(r" [,;:!?.]"),
    examples=(
        Example("amicizia , fiducia e supporto .", "amicizia, fiducia e supporto.", "own"),
        Example("alle 22:08, il 3,5% di 1.400", "alle 22:08, il 3,5% di 1.400", "lingua"),
        Example(
            "Che bella giornata :) e domani ;-) al mare .",
            "Che bella giornata :) e domani ;-) al mare.",
            "own",
        ),
        Example(
            "Si separa con il . e poi con il ! finale .", "Si separa con il . e poi con il ! finale.", "own"
        ),
    ),
)

bracket_inner_spaces = Rewrite(
    "bracket_inner_spaces",
    "no space just inside round or square brackets ('( testo )' → '(testo)')",
    regex.compile(r"(?<=[(\[])[ ]+|[ ]+(?=[)\]])"),
    "",
    needs=holding("( ", "[ ", " )", " ]"),
    examples=(Example("la Nato ( Alleanza atlantica )", "la Nato (Alleanza atlantica)", "own"),),
)

missing_space_after_sentence = Rewrite(
    "missing_space_after_sentence",
    "a sentence glued to the previous one ('fine.Inizio', 'fine.C'è'); needs a lowercase word "
    "before and a capitalised word after (or an elided one), so 'S.p.A.' and 'www.ansa.it' "
    "are left alone, and a word that no dot or slash joins to what precedes it: "
    "'com.sun.star.util.Date' is one name",
    # (after a closing quote too, 'area euro".Lo'; before a one-letter word, "sovrani.E al di là")
    regex.compile(
        r"(?<=(?<![\p{L}\p{N}_./])\p{Ll}{2,}[”»\"’)]?[.!?]+)(?=\p{Lu}(?:\p{Ll}|['’]\p{L}|(?<=[AEIOÈ])\s))"
    ),
    " ",
    needs=regex.compile(r"[.!?]\p{Lu}"),  # (regex: re, on Latin text, was slower here)
    examples=(
        Example(
            "la fine.Inizio di tutto. S.p.A. e www.ansa.it",
            "la fine. Inizio di tutto. S.p.A. e www.ansa.it",
            "own",
        ),
        Example(
            "il tipo com.sun.star.util.Date e /org.openoffice.Office",
            "il tipo com.sun.star.util.Date e /org.openoffice.Office",
            "own",
        ),
        # an elided word opens the next sentence (ours, after a fashion blog)
        Example("tutti corretti.C'è comunque voglia", "tutti corretti. C'è comunque voglia", "own"),
        # ours, after a news agency's page (held out)
        Example(
            'rapporto sugli emittenti sovrani.E "al di là", disse, "area euro".Lo scorso anno',
            'rapporto sugli emittenti sovrani. E "al di là", disse, "area euro". Lo scorso anno',
            "own",
        ),
        Example("la vitamina A e la vitamina E sono", "la vitamina A e la vitamina E sono", "own"),
    ),
)

doubled_spaces = Rewrite(
    "doubled_spaces",
    "runs of spaces collapse to one",
    regex.compile(r" {2,}"),
    " ",
    needs=holding("  "),
    examples=(
        Example("Poi  il  capitano", "Poi il capitano", "dev:doc0014"),
        Example("Il   sindaco ha  detto", "Il sindaco ha detto", "own"),
    ),
)


def _padded(text: str) -> bool:
    """A space of some kind first or last (every character regex's \\s matches is one
    str.isspace() says is: tests/test_rules.py checks each code point)."""
    return text[:1].isspace() or text[-1:].isspace()


trim = Rewrite(
    "trim",
    "no spaces at the start or end of a paragraph",
    regex.compile(r"^\s+|\s+$"),
    "",
    needs=_padded,
    examples=(Example("  Vertice ONU  ", "Vertice ONU", "own"),),
)

# The words Italian elides before a vowel: articles, articled prepositions, a few
# adjectives and adverbs ("l’", "dell’", "quest’", "c’è").
_ELIDING = (
    "l|un|dell|all|dall|nell|sull|coll|d|c|m|t|s|v|n|quest|quell|bell|sant|nessun|ciascun|"
    "qualcun|alcun|buon|tutt|senz|anch|com|dov|cos|quand"
)
spaced_elision = Rewrite(
    "spaced_elision",
    "an elision's apostrophe spaced off its words, as a PDF's text prints it ('nell ’ alta "
    "cucina' → 'nell’alta cucina'): only after a word Italian elides, before a vowel; a "
    "space after the apostrophe alone is how many write ('l' uomo') and stays",
    regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])({_ELIDING}) +([’']) *(?=[aeiouhàèéìòù])"),
    lambda m: m.group(1) + m.group(2),
    needs=holding(" ’", " '"),
    examples=(
        # ours, after a magazine's page read from its PDF (held out)
        Example(
            "nell ’ alta cucina, un ’ esperienza e la parola d ’ ordine",
            "nell’alta cucina, un’esperienza e la parola d’ordine",
            "own",
        ),
        Example("il film ‘Sul set ’ e poi", "il film ‘Sul set ’ e poi", "own"),
        Example("che l' uomo prova a raggiungere", "che l' uomo prova a raggiungere", "own"),
    ),
)

line_break = Rewrite(
    "line_break",
    "a line break inside a paragraph is a space: prose wrapped at a width, its lines joined "
    "into one paragraph (`split.wrapped`)",
    regex.compile(r"[ \t]*(?:\r\n|[\n\r\u2028\u2029\x0c])[ \t]*"),
    " ",
    needs=holding("\n", "\r", "\u2028", "\u2029", "\x0c"),
    # a game site's review, held out
    examples=(
        Example(
            "e apre nuove prospettive. La\nguerra non cambia",
            "e apre nuove prospettive. La guerra non cambia",
            "own",
        ),
    ),
)

# --- quotes -----------------------------------------------------------------------------

_QUOTES = regex.compile(r"[“”«»\"]")
_CLOSERS = {"“": "”“", "”": "”“", "«": "»", '"': '"'}


def _quote_pairs(text: str) -> list[tuple[int, int]] | None:
    """Positions of (opener, closer) pairs, or None when the pairing is not certain.

    « opens and » closes; curly double quotes alternate whichever way they are drawn
    (scrapers write ” caro amico “ as often as “caro amico”); " alternates. The pairing is
    certain only when no mark stands where its shape says the opposite: a mark glued to the
    word before it and followed by a space closes ("i prezzi," spiega"), one after a space
    and glued to the next word opens. A quotation opened in an earlier paragraph (Italian
    leaves it open there) shifts every pair after it, and the shapes show it.
    """
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTES.finditer(text):
        q, i = m.group(), m.start()
        if open_at is None:
            if q == "»" or _shape(text, i) == "close":
                return None
            open_at = i
            continue
        if q not in _CLOSERS[text[open_at]] or _shape(text, i) == "open":
            return None  # nested, unbalanced or shifted: not certain
        pairs.append((open_at, i))
        open_at = None
    return pairs if open_at is None else None


def _shape(text: str, i: int) -> str | None:
    """'open' for a mark after a space (or the start) and before a word, 'close' for one
    after a word and before a space, punctuation or the end, None when its spacing says
    nothing (spaces on both sides, or none)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    glued_before = not before.isspace() and before not in "([{"
    glued_after = after.isalnum()
    if not glued_before and glued_after:
        return "open"
    if glued_before and not glued_after and (after.isspace() or after in ",.;:!?)]…"):
        return "close"
    return None


def _fix_quotes(text: str) -> list[str] | None:
    """One replacement per character (see Rule.charwise), or None when nothing changes."""
    if not _QUOTES.search(text):
        return None
    pairs = _quote_pairs(text)
    if not pairs:
        return None
    out = list(text)
    for o, c in pairs:
        inner = text[o + 1 : c]
        if not inner.strip():
            continue
        if text[o] == "”":  # an opening ” is a typo for “, a closing “ one for ”
            out[o] = "“"
        if text[c] == "“":
            out[c] = "”"
        # spaces just inside the pair
        j = o + 1
        while j < c and text[j] == " ":
            out[j] = ""
            j += 1
        j = c - 1
        while j > o and text[j] == " ":
            out[j] = ""
            j -= 1
        # a missing space outside the pair
        if o > 0 and (text[o - 1].isalnum() or text[o - 1] in ".,;:!?") and text[o] != '"':
            out[o] = " " + out[o]
        if c + 1 < len(text) and text[c + 1].isalnum():
            out[c] = out[c] + " "
    return out


quote_spacing = Rewrite(
    "quote_spacing",
    "clearly paired quotes get no inner spaces and a space outside "
    "('” caro amico ”' → '“caro amico”', 'Jinping“Rafforziamo' → 'Jinping “Rafforziamo')",
    charwise=_fix_quotes,
    examples=(
        Example(
            "lo ha definito ” caro amico “, poi Xi Jinping“Rafforziamo”.",
            "lo ha definito “caro amico”, poi Xi Jinping “Rafforziamo”.",
            "samples",
        ),
    ),
)

RULES = (
    stray_punctuation,
    spaced_elision,
    space_before_punctuation,
    bracket_inner_spaces,
    quote_spacing,
    missing_space_after_sentence,
    doubled_spaces,
    line_break,
    trim,
)
# the rules that space prose; program text and formulas keep their spaces (a formula's
# strings: '=ANNULLA.SPAZI(" ciao mondo ")' in LibreOffice's Italian help lost its point),
# not the line breaks inside a paragraph nor the spaces at its edges
PROSE_ONLY = tuple(rule for rule in RULES if rule not in (line_break, trim))
