"""Boilerplate a line shows only in its page: menus and footers (runs of short lines before
or after the article's prose) and headlines of other stories (lines that share few words
with the article). The title stays: the last line before the prose that no line rule drops."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from cleantext.code import code_shaped
from cleantext.rules import LineTest, Rule
from cleantext.scrape import lines
from cleantext.scrape.context import (
    PROSE_MIN_WORDS,
    Context,
    DocFacts,
    content_stems,
    ends_sentence,
    fact_line,
    lead_in,
    prose,
    unquoted,
    words,
)


def _related_headline(p: str, ctx: Context, rule: Rule) -> bool:
    """A headline of another story: a link printed as text.

    Positive evidence, not just "short and unlike its neighbours": the line is shaped as a
    headline (capitalised, one unit, no punctuation at its end: a line ending in ':', ';',
    ',' or '.' introduces or continues prose, as list items and lead-ins to quotes do), it
    shares few words with the article (real subheadings announce what follows, so most of
    their words recur), and it stands as links stand: next to other dropped lines or
    headlines (a "related" box), or written as a two-part headline ("Pronti a negoziare?
    Condizioni per Kiev", "Confine cinese: l'UE cerca…"). A lone line stays — a subheading,
    a closing "Data a Roma, addì 12 marzo 2024" — and so does the title (the first line
    kept, or the last line before the prose that no line rule drops). On an HTML page the
    line is one of its links, too: a blog's "Nota: si legge tutto in stile manga, cioè da
    destra verso sinistra" is its own (held out). In text, where links are not known, a line
    in the writer's own voice is no other story's headline (a headline speaks in the first
    person only inside quotation marks): "Il resto o non m'è piaciuto o non me lo ricordo",
    a blog's post (held out). And in text another story's headline stands beside a story: a
    document with no paragraph of prose (a feed's item, its title and its summary: "Morto a
    Madrid a 85 anni: l'annuncio dato dalla figlia maggiore", a news feed, held out) has
    none, nor has one whose only prose is its first line, a title ended as a question, or the
    line itself, a summary cut short ("I gemelli Mazzanti verso la chiusura del negozio:
    «Eppure gli affari vanno...»", a news feed, held out); a page's index of headlines, no
    story on it, is its links.
    """
    i = ctx.index
    if ctx.facts.kept == 0 or i == _title(ctx) or not ctx.linked(i):
        return False
    if ctx.facts.links is None and not _story_beside(ctx, i):
        return False
    if not _unrelated_headline(ctx, i, rule):
        return False
    if ctx.facts.links is None and _first_person(p):
        return False
    if _announced(ctx, i) or _listed(ctx, i) or _runs_on(ctx, i):
        return False
    n = len(ctx.paragraphs)
    beside = ctx.facts.previous_dropped or (i + 1 < n and _unrelated_headline(ctx, i + 1, rule))
    return beside or (_two_part(p) and not _field(ctx, i))


# a line's label: what comes before its colon ("Barra preferita:", "Leone d'Oro per il miglior film:")
_LABEL = regex.compile(r"^([^:]{3,80}):\s+\S")
# the first person singular's pronouns and possessives ("m'" elided: "m'è piaciuto")
_FIRST_PERSON = regex.compile(r"(?i)(?<![\p{L}'’])(?:io|me|mi|mio|mia|miei|mie|m['’](?=\p{L}))(?!\p{L})")


def _first_person(text: str) -> bool:
    """A first-person singular word outside quotation marks: the writer speaking."""
    return _FIRST_PERSON.search(unquoted(text)) is not None


def fields(paragraphs: Sequence[str]) -> list[bool]:
    """For each line: is it a field the document gives each of its entries, a label and its
    value whose label opens another line with another value ("Predefinito: false" under each
    option of a manual, beside "Predefinito: 0"; aptitude's Italian manual, held out)? Such a
    line repeats by design; a title printed twice repeats with its own words."""
    labels: list[str | None] = []
    values: dict[str, set[str]] = {}
    for p in paragraphs:
        label = _LABEL.match(p.lstrip(" -–•*")) if fact_line(p) else None
        labels.append(label.group(1) if label else None)
        if label:
            values.setdefault(label.group(1), set()).add(" ".join(p.split()))
    return [label is not None and len(values[label]) >= 2 for label in labels]


def _field(ctx: Context, i: int) -> bool:
    """Line i is one of the fields the article gives each of its entries, a label the page
    opens another line with too ("Barra preferita: Fai come me, …" under each song of a
    ranking, beside "Voto:"; a music site's page, held out), not a kicker before a headline."""
    label = _LABEL.match(ctx.paragraphs[i])
    return label is not None and any(
        k != i and q.lstrip(" -–•*").startswith(label.group(1) + ":") for k, q in enumerate(ctx.paragraphs)
    )


def _unrelated_headline(ctx: Context, i: int, rule: Rule) -> bool:
    p = ctx.paragraphs[i]
    if not _headline_shape(p) or len(words(p)) > rule.limit("max_words"):
        return False
    mine = ctx.stems(i)
    if len(mine) < rule.limit("min_stems"):
        return False
    rest: set[str] = set()
    for k in range(len(ctx.paragraphs)):
        if k != i:
            rest |= ctx.stems(k)
    return len(mine & rest) / len(mine) < rule.limit("max_overlap")


def _runs_on(ctx: Context, i: int) -> bool:
    """Line i is a sentence the next line goes on with, in lowercase and as long as prose: text
    broken at the end of each printed line ("… in lingua straniera: la scelta non comporta" |
    "alcuna discriminazione o agevolazione in termini di valutazione …"; a PDF's text on a
    document site, held out), not a headline."""
    after = ctx.paragraphs[i + 1] if i + 1 < len(ctx.paragraphs) else ""
    return after[:1].islower() and len(words(after)) >= PROSE_MIN_WORDS


def _listed(ctx: Context, i: int) -> bool:
    """Line i is an item of a list of "label: value" lines whose labels share a word with a
    neighbour's ("Leone d'Oro per il miglior film: …", "Leone d'Argento – Premio per la
    migliore regia: …"; a festival's winners, held out), or one whose items end on the same
    field in brackets, a number in it ("Homeland (stagione 2)", "American Horror Story:
    Asylum (stagione 2)"; a blog's list of the series it reviewed, held out): the article's
    own table, where a box of other stories' headlines has a different topic on each line."""
    near = [k for k in (i - 1, i + 1) if 0 <= k < len(ctx.paragraphs)]
    mine = _label_stems(ctx.paragraphs[i])
    if mine and any(mine & _label_stems(ctx.paragraphs[k]) for k in near):
        return True
    field = _field_shape(ctx.paragraphs[i])
    return field is not None and any(_field_shape(ctx.paragraphs[k]) == field for k in near)


_FIELD = regex.compile(r"\(([^()]*\p{N}[^()]*)\)\W*$")


def _field_shape(p: str) -> str | None:
    """The bracketed field a line ends on, a number in it, its numbers masked ("(stagione #)")."""
    m = _FIELD.search(p.strip())
    return regex.sub(r"\p{N}+", "#", m.group(1).casefold()) if m else None


def _label_stems(p: str) -> set[str]:
    m = _LABEL.match(p.strip())
    return content_stems(m.group(1)) if m else set()


_TWO_PART = regex.compile(r"\S\s*[?:]\s+\p{Lu}|\S:\s+\S+\s+\S+\s+\S+")


def _two_part(p: str) -> bool:
    """A kicker and a headline in one line ("Ucraina e Russia pronte a negoziare? Condizioni
    imbevibili per Kiev", "Riapertura del confine cinese: l'UE cerca di evitare…")."""
    return bool(_TWO_PART.search(p))


def _story_beside(ctx: Context, i: int) -> bool:
    """A paragraph of prose besides line i and the first line (a title, if prose)."""
    _, last = _body(ctx)
    if last in (None, 0):
        return False
    return last != i or any(prose(q) for q in ctx.paragraphs[1:i])


def _body(ctx: Context) -> tuple[int | None, int | None]:
    """Indices of the article's first and last paragraph of prose."""
    if ctx.facts.body is None:
        body = [k for k, q in enumerate(ctx.paragraphs) if prose(q)]
        ctx.facts.body = (body[0], body[-1]) if body else (None, None)
    return ctx.facts.body


def _title(ctx: Context) -> int | None:
    """The title: the last line before the prose that no line rule drops (a date, a byline
    and a credit may stand between them)."""
    if ctx.facts.title is None:
        first, _ = _body(ctx)
        t = -1 if first is None else first - 1
        while t >= 0 and _line_rule_fires(ctx.paragraphs, t):
            t -= 1
        ctx.facts.title = t
    return ctx.facts.title if ctx.facts.title >= 0 else None


def _line_rule_fires(paragraphs: Sequence[str], k: int) -> bool:
    """Does a rule that judges a line by itself (a date, a byline, a credit…) drop line k?"""
    return any(rule.fires(paragraphs[k], Context(paragraphs, k)) for rule in lines.RULES)


_INNER_STOP = regex.compile(r"[.;!…](?:\s|$)")


_CUT = regex.compile(r"(?<=\p{L})(?:…|\.\.\.)$")  # a link's text cut to fit, right after a word


def _headline_shape(p: str) -> bool:
    """Capitalised, no sentence punctuation inside or at the end (a question may lead a
    subtitle: "Pronti a negoziare? Condizioni per Kiev"), and no code: a signature's colons
    ("AddItem(menuitem: str): int", LibreOffice's help) make no two-part headline. A
    headline cut to fit its box ends on its last word's "…" ("Il mercato del Bologna si è
    concluso con una cessione: quella di Ciro Immobile…"; a sports site's page, held out)."""
    s = _CUT.sub("", p.strip().rstrip('”»"’)'))
    if not s or not s[:1].isupper() or not s[-1:].isalnum():
        return False
    return not _INNER_STOP.search(s) and not code_shaped(s)


# A page dumped to text: menus and footers are runs of short lines with no sentence in them.
MENU_MIN_RUN = 3  # consecutive short lines that make a menu
MENU_MAX_WORDS = 4  # words in a menu item ("Cronaca", "Lavora con noi", "Accedi")
CONTACT_MAX_WORDS = 12  # words in a contact line ("Tel. 06 1234567 - redazione@…")

_CONTACT = regex.compile(
    r"(?:\+?\d[\d ./-]{6,}\d)|[\w.+-]+@[\w-]+\.[\w.]+|(?<![\p{L}])(?:tel|fax|cell|e-?mail|p\.?\s?iva)\b",
    regex.IGNORECASE,
)


def _menu_item(p: str) -> bool:
    """A line a menu or a footer is made of: a few words and no sentence punctuation at its
    end, or a contact line (a phone number, an address)."""
    n = len(words(p))
    if n == 0:
        return False
    ends = p.rstrip('”»"’) ').endswith((".", "!", "?", ":", ";", ","))
    if n <= MENU_MAX_WORDS and not ends:
        return True
    return n <= CONTACT_MAX_WORDS and bool(_CONTACT.search(p))


def _menus(paragraphs: Sequence[str], facts: DocFacts) -> set[int]:
    """Indices of menu and footer runs: MENU_MIN_RUN or more menu items in a row, before the
    article's first paragraph of prose or after its last. The line right before the prose
    (or before the date, byline or credit lines there) is the title and stays; a run after
    a line ending with ':' is the article's own list."""
    ctx = Context(paragraphs, 0, facts)
    first, last = _body(ctx)
    if first is None or last is None:
        return set()
    title = _title(ctx)
    guarded = {title}
    # under a short title a long standfirst often stands: then the line above it is the
    # title when the article's prose uses its words ("Borse in calo" over a story of a fall)
    if title is not None and title > 0 and len(words(paragraphs[title])) > MENU_MAX_WORDS:
        above = title - 1
        prose = set().union(*(ctx.stems(k) for k in range(first, last + 1)))
        if ctx.stems(above) & prose and not _line_rule_fires(paragraphs, above):
            guarded.add(above)
    out: set[int] = set()
    for lo, hi in ((0, first), (last + 1, len(paragraphs))):

        def item(k: int, above: bool = lo == 0) -> bool:
            return k not in guarded and _menu_item(paragraphs[k]) and not (above and fact_line(paragraphs[k]))

        def bare(k: int) -> bool:  # punctuation alone (":", "|"): no item, and no break in a run
            return not words(paragraphs[k])

        i = lo
        while i < hi:
            if not item(i):
                i += 1
                continue
            j = i
            while j < hi and (item(j) or (bare(j) and j + 1 < hi and item(j + 1))):
                j += 1
            items = [k for k in range(i, j) if not bare(k)]
            before = i - 1
            while before >= 0 and bare(before):
                before -= 1
            after_colon = before >= 0 and paragraphs[before].rstrip().endswith(":")
            # on an HTML page a menu is made of links: a run of lines most of which are none
            # is the article's (a concert's setlist, an album's tracks as headings; a blog, held out)
            if (
                len(items) >= MENU_MIN_RUN
                and not (after_colon or _announced(ctx, i))
                and 2 * sum(ctx.linked(k) for k in items) >= len(items)
            ):
                out.update(range(i, j))
            i = j
    return out


_BULLET = regex.compile(r"^\s*(?:[-–•*·]|\d{1,2}[.)])\s")


def _announced(ctx: Context, i: int) -> bool:
    if ctx.facts.announced is None:
        ctx.facts.announced = announced(ctx.paragraphs)
    return ctx.facts.announced[i]


def announced(paragraphs: Sequence[str]) -> list[bool]:
    """For each line: is it one of the lines a sentence ending in a colon announces? The lines
    of a song or a poem after "Il ritornello dice:" (ours); a festival's programme after "Di
    seguito il programma completo:", its labels ("Concorso:", "Fuori Concorso") and its items
    ("Madres paralelas, Pedrò Almodovar") between (a film site, held out); a list's items,
    short or long, bulleted ("- Riassunto della tesi in ognuna delle due lingue…"; a PDF's
    text on a document site, held out). A sentence the article ends, bullets aside, closes
    them; a box of links follows a label ("Leggi anche:") after the article's prose. One pass:
    each line reads what the last lead-in or sentence before it said."""
    out, open_ = [], False
    for line in paragraphs:
        out.append(open_)
        if line.rstrip().rstrip('"”»’)').endswith(":"):
            open_ = open_ or lead_in(line)  # a label inside the list ("Concorso:") keeps it open
        elif ends_sentence(line) and not _BULLET.match(line):
            open_ = False
    return out


def _menu_run(p: str, ctx: Context, rule: Rule) -> bool:
    """A line of a navigation menu or a footer printed with the page: one of a run of short
    lines without sentences before the article's prose or after it ("Cronaca", "Sport",
    "Accedi", "Abbonati"; "Chi siamo", "Contatti", "Tel. 06 …"). Its shape says it, not its
    words; a subheading between two paragraphs is never in such a run, nor is a fact sheet's
    line above the prose ("- Autrice: Anna Bruni")."""
    if ctx.facts.menus is None:
        ctx.facts.menus = _menus(ctx.paragraphs, ctx.facts)
    return ctx.index in ctx.facts.menus


menu_run = LineTest(
    "menu_run",
    "menu or footer",
    test=_menu_run,
    thresholds=(
        ("min_run", MENU_MIN_RUN),
        ("max_item_words", MENU_MAX_WORDS),
        ("contact_max_words", CONTACT_MAX_WORDS),
        ("prose_min_words", PROSE_MIN_WORDS),
    ),
    examples=(),  # it needs a page around the line: tests/cases/pages
)
related_headline = LineTest(
    "related_headline",
    "related headline",
    test=_related_headline,
    thresholds=(("max_words", 20), ("min_stems", 4), ("max_overlap", 0.5)),
    examples=(),  # it needs an article around the line: tests/test_scrape.py
)


RULES: tuple[LineTest, ...] = (menu_run, related_headline)
