"""Letters lost by lossy decoding: U+FFFD where a scraper read Windows-1252 bytes as UTF-8.

The bytes are gone, so ftfy cannot help; the word around the replacement character can.
Windows-1252 Italian loses the bytes above 0x7F: the accented vowels, curly quotes and
apostrophes, guillemets and dashes. Each U+FFFD inside or at the end of a word is tried as
each of them, and the word is restored when one spelling is an Italian word clearly more
frequent than every other ("perch�" → "perché", "citt�" → "città", "l�incontro" →
"l’incontro"); a lone one between words is "è" before a lowercase word ("c'�", "non �
vero"; "È" at a sentence's start; after "chi", "non", "che" and the like whatever follows)
and a dash before a capital ("Roma � Il governo"), the auxiliary or a verb of saying ("� ha
detto", "� aggiunge il direttore �"); one
glued to the start of a word opens a quotation (“), one after a whole word or a sentence's
end closes it (”) inside a quotation or at the paragraph's end (a quotation opened in an
earlier sentence); one after an elided article or preposition is the apostrophe before a
name or a number ("dell�Agip", "all�1,36%"). Anything else keeps its U+FFFD, and the
run's summary counts it ("lost letters").
"""

from __future__ import annotations

import itertools

import regex

from cleantext.freq import final_accents, zipf
from cleantext.repair.accents import VERB_AFTER
from cleantext.rules import Example, Rewrite

LOST = "\ufffd"
# what a U+FFFD inside a word may have been (Windows-1252 bytes Italian uses); ’ only inside
LETTERS = "àèéìòùÀÈÉÌÒÙ"
APOSTROPHE = "’"
MIN_ZIPF = 2.5  # the restored word is Italian (once per 3 million words)
MARGIN = 0.1  # and more frequent than any other spelling (farà over farò: news tells of others)
MAX_LOST = 3  # replacement characters in one word tried (13^3 spellings at most)
ENDING = 3  # letters of a stem's ending read for a lost final accent (`_final_accent`)
ENDING_WORDS = 5  # Italian words with that ending and a final accent, at least
ENDING_SHARE = 0.95  # of their frequency on one vowel
STEM_ZIPF = 1.0  # a stem this frequent is a word of its own: its U+FFFD is not its letter
WHOLE_MARGIN = 2.0  # a word its lost last letter makes, this much more frequent than what is left
ELIDED_ZIPF = 4.0  # "dell'", "d'", "all'": an elided form this common is an article or preposition

# a word with one or more U+FFFD in it (not at its start: an opening quote, left as is; a word
# right after one is read, "\ufffdpratica\ufffd"), or a lone one
_DAMAGED = regex.compile(
    r"(?<![\p{L}\p{N}])(?<![\p{L}\p{N}\ufffd]\ufffd)\p{L}[\p{L}\ufffd'’]*\ufffd[\p{L}\ufffd]*"
    r"|(?<=(?:^|[\s\"«“(]|\p{L}['’]))\ufffd(?=\s+[\p{L}\p{N}])"
    r"|(?<=^|[\s(\[])\ufffd(?=\p{L})"  # before a word: an opening quotation mark
    r"|(?<=\p{L}[.!?…])\ufffd(?=[\s)]|$)"  # after a sentence's end: a closing one
)
_PARAGRAPH_END = regex.compile(r"[.!?…,;:)\]]*\s*$")  # what may follow a closing mark at the end
_SENTENCE_START = regex.compile(r"(?:^|[.!?…:]\s*|[\s(]?[«“\"]\s*)$")


# what a restoration reads around its match, in characters: a sentence or two, so that a
# paragraph with thousands of them is read in linear time
CONTEXT = 400


def _restore(m: regex.Match[str]) -> str:
    text, a, b = m.string, m.start(), m.end()
    # (a window cut inside the paragraph starts with a sentinel: its start is no paragraph's)
    before = ("\x00" if a > CONTEXT else "") + text[max(0, a - CONTEXT) : a]
    word, rest = m.group(), text[b : b + CONTEXT]
    at_end = len(text) - b <= CONTEXT and _PARAGRAPH_END.match(rest) is not None
    closing = _quoting(before) or at_end
    if word != LOST:
        return _best(word, closing, glued=rest[:1].isalnum()) or word
    if before[-1:] and before[-1] in ".!?…":  # after a sentence's end
        return "”" if closing else word
    after = rest.lstrip()[:1]
    if after.isalpha() and not rest[:1].isspace():
        return "“"  # glued to the word after it
    previous = _LAST_WORD.search(before)
    if previous and previous[0].lower() in VERB_AFTER:  # only the verb follows "chi", "non", "che"…
        return "è"
    if _AUXILIARY.match(rest) or _closes_aside(before):
        return "–"  # "è ha", "è spiega" cannot be: a dash opens who speaks ("– ha detto –"), one closes it
    if after.islower():  # the verb: "c'è", "non è vero"; a capital at a sentence's start
        return "È" if _SENTENCE_START.search(before) else "è"
    return "–" if after.isupper() else word


def _closes_aside(before: str) -> bool:
    """The sentence so far holds one lone U+FFFD, a dash before the auxiliary: this one closes
    the aside it opened ("Il testo – ha detto – va letto")."""
    sentence = regex.split(r"[.!?…]\s", before)[-1]
    lone = [m.end() for m in regex.finditer(r"(?<=\s)\ufffd(?=\s)", sentence)]
    return len(lone) == 1 and _AUXILIARY.match(sentence, lone[0]) is not None


_LAST_WORD = regex.compile(r"\p{L}+(?=\s+$)")
# What cannot follow "è": the auxiliary "avere" in its finite forms, and the verbs news uses to
# say who speaks, in the third person ("– aggiunge il direttore –", "– fanno sapere –"). Forms
# that are also adjectives or nouns ("è continua", "è nota", "è precisa") are left out.
_SAYING = (
    "aggiunge aggiungono aggiunse afferma affermano spiega spiegano dice dicono disse sottolinea "
    "sottolineano osserva osservano commenta commentano scrive scrivono scrisse conclude concludono "
    "ribadisce ribadiscono prosegue proseguono racconta raccontano ammette ammettono insiste insistono "
    "avverte avvertono rileva rilevano chiarisce chiariscono incalza dichiara dichiarano annuncia "
    "annunciano puntualizza evidenzia evidenziano sostiene sostengono ricorda ricordano segnala "
    "segnalano assicura assicurano conferma confermano fa fanno"
).split()
_AUXILIARY = regex.compile(r"\s+(?:ha|hanno|aveva|avevano|avrebbe|avrebbero|" + "|".join(_SAYING) + r")\b")


def _quoting(before: str) -> bool:
    """A quotation opened before this point of the paragraph (a mark, or a lost one)."""
    return any(q in before for q in '“«"') or _OPENED.search(before) is not None


_OPENED = regex.compile(r"(?:^|[\s(\[])\ufffd(?:\p{L}|$)")  # (right before the word: "\ufffdpratica\ufffd")


def _best(word: str, closing: bool = False, glued: bool = False) -> str | None:
    """The most frequent Italian spelling of `word` with each U+FFFD filled, if clearly so.
    Where no spelling is a word: the closing mark after a whole word (`closing`: inside a
    quotation, or at the paragraph's end), or the apostrophe after an elided article or
    preposition before a name, a vowel or a number (`glued`: one follows the match)."""
    lost = word.count(LOST)
    if lost > MAX_LOST:
        return None
    if glued and word.endswith(LOST):  # a number follows: no word ends there, an elision does
        return _elided(word, glued)  # ("l\ufffd899" is "l’899", never "lì899")
    letters = [c for c in word if c.isalpha()]
    upper = len(letters) >= 2 and all(c.isupper() for c in letters)
    scored = []
    for fill in itertools.product(LETTERS[:6] + APOSTROPHE, repeat=lost):
        parts = word.split(LOST)
        spelled = parts[0] + "".join(f + p for f, p in zip(fill, parts[1:], strict=True))
        typed_capital = len(spelled) == 2 and spelled[0] in "AEIOU"  # "E’": how keyboards type "È"
        if (spelled.endswith(APOSTROPHE) and not typed_capital) or APOSTROPHE + APOSTROPHE in spelled:
            continue  # an apostrophe joins an elided word to the next one
        if APOSTROPHE in spelled and not typed_capital and not _elision_head(spelled.split(APOSTROPHE)[0]):
            continue  # "x�y" is no elision: wordfreq would score "x" and "y" apart
        score = zipf(spelled.lower().replace(APOSTROPHE, "'"), "it")
        scored.append((score, spelled))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < MIN_ZIPF:
        return _elided(word, glued) or (_closed(word) if closing else None) or _final_accent(word)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None
    best = scored[0][1]
    if upper:
        return best.upper()
    # the case as written: a capital stays a capital
    return "".join(b.upper() if w.isupper() else b for w, b in zip(word, best, strict=True))


def _final_accent(word: str) -> str | None:
    """A word no list holds, its last letter lost after a consonant: the accented vowel its
    ending takes in nearly every Italian word that has one ("teorizz�" → "teorizzò" as
    "realizzò", "proponibilit�" → "proponibilità" as "possibilità"; lingua, ISDT). A word
    in capitals or with a capital (a name, a loan: "Decolt�" is "Decoltè", not "-oltà"), or
    whose stem is a word itself ("brand�": a closing mark), is left as it is."""
    stem = word[:-1]
    if (
        word.count(LOST) != 1
        or not word.endswith(LOST)
        or not stem.isalpha()
        or not stem.islower()
        or stem[-1] in "aeiou"
        or zipf(stem, "it") >= STEM_ZIPF
    ):
        return None
    tally = final_accents("it", ENDING).get(stem[-ENDING:], {})
    if sum(n for _, n in tally.values()) < ENDING_WORDS:
        return None
    total = sum(f for f, _ in tally.values())
    vowel, (best, _) = max(tally.items(), key=lambda kv: kv[1][0])
    return stem + vowel if best >= ENDING_SHARE * total else None


def _closed(word: str) -> str | None:
    """A word, then the mark that closed its quotation ("pubblici�.")."""
    bare = word[:-1]
    if word.count(LOST) == 1 and word.endswith(LOST) and zipf(bare.lower(), "it") >= MIN_ZIPF:
        return bare + "”"
    return None


def _elided(word: str, glued: bool) -> str | None:
    """An elided article or preposition, its apostrophe lost, before a word no list holds
    ("dell�Agip", "l�usufruttuario") or a number ("all�1,36%")."""
    head, lost, tail = word.partition(LOST)
    if LOST in tail or not head or head[-1].lower() in "aeiouàèéìòù":  # elision drops a vowel
        return None
    if not _elision_head(head) or zipf(head.lower() + "'", "it") < ELIDED_ZIPF:
        return None
    first = tail[:1]
    before_word = first.isupper() or (first != "" and first in "aeiouhàèéìòù")  # a name, a vowel, an h
    before_number = not tail and glued  # the match ended where a digit follows ("all�1,5%")
    return head + APOSTROPHE + tail if before_word or before_number else None


# the letters Italian elides alone ("l'", "d'", "c'", "s'", "m'", "t'", "v'", "n'"); any other
# letter before an apostrophe is a symbol or a variable ("x�y"), not an elision
_SINGLE_ELISIONS = frozenset("ldcsmtvn")


def _elision_head(head: str) -> bool:
    """The part before an apostrophe can be an elided Italian word."""
    letters = head.lstrip('«“"(')
    return len(letters) > 1 or letters.lower() in _SINGLE_ELISIONS


def _has_lost(text: str) -> bool:
    return LOST in text


lost_letter = Rewrite(
    "lost_letter",
    "a letter a lossy decoding replaced with U+FFFD, put back where the word is certain "
    "('perch\ufffd' → 'perché', 'citt\ufffd' → 'città', \"c'\ufffd\" → \"c'è\")",
    _DAMAGED,
    _restore,
    needs=_has_lost,
    examples=(
        Example("Perch\ufffd la citt\ufffd \ufffd bella.", "Perché la città è bella.", "own"),
        Example("C'\ufffd l\ufffdincontro dell\ufffdanno.", "C'è l’incontro dell’anno.", "own"),
        Example("Roma \ufffd Il governo far\ufffd di pi\ufffd.", "Roma – Il governo farà di più.", "own"),
        Example(
            "Chi \ufffd Dante? Il testo \ufffd ha detto \ufffd va letto.",
            "Chi è Dante? Il testo – ha detto – va letto.",
            "own",
        ),
        Example(
            "I numeri \ufffd spiega il responsabile \ufffd non bastano. La notizia \ufffd nota.",
            "I numeri – spiega il responsabile – non bastano. La notizia è nota.",
            "own",
        ),
        Example("\ufffd vero. Disse: \ufffdSiamo pronti\ufffd.", "È vero. Disse: “Siamo pronti”.", "own"),
        Example("Il file x\ufffdy resta.", "Il file x\ufffdy resta.", "own"),
        Example("UNIVERSIT\ufffd e societ\ufffd.", "UNIVERSITÀ e società.", "own"),
        Example("Il prezzo \ufffd 3\ufffd20 e qx\ufffdz.", "Il prezzo \ufffd 3\ufffd20 e qx\ufffdz.", "own"),
        Example(
            "Il bilancio dell\ufffdAgip sale all\ufffd1,5%.", "Il bilancio dell’Agip sale all’1,5%.", "own"
        ),
        Example("E non si fermeranno mai\ufffd.", "E non si fermeranno mai”.", "own"),
        Example("Disse: \ufffdChi lo sa?\ufffd", "Disse: “Chi lo sa?”", "own"),
        Example("Da Cura\ufffdao a Ca\ufffditas.", "Da Cura\ufffdao a Ca\ufffditas.", "own"),
        Example(
            "Il piano teorizz\ufffd la granularit\ufffd dei dati.",
            "Il piano teorizzò la granularità dei dati.",
            "own",
        ),
        Example("Il Decolt\ufffd del brand\ufffd resta.", "Il Decolt\ufffd del brand\ufffd resta.", "own"),
        # a one-word quotation; an elided article before a number, where "lì" is a word too
        # (ours, after a national daily's forum, held out)
        Example("La sua utilità \ufffdpratica\ufffd resta.", "La sua utilità “pratica” resta.", "own"),
        Example("Il numero l\ufffd899 costa.", "Il numero l’899 costa.", "own"),
    ),
)

# a "?" a conversion to a narrower character set wrote for each character it lacked: between
# two letters or glued to a word's start it is no Italian punctuation ("un?idea", "l?ho",
# "c?è", "la sua utilità ?pratica?"; a national daily's forum, held out), nor after a word
# whose lost last letter makes a far more frequent one ("pi?", "citt?")
_MAYBE_LOST_QUESTION = regex.compile(r"\p{L}\?|\?\p{L}")


def _lost_question_marks(text: str) -> str:
    """Each such "?" read as a lost character, and then, in text that shows the damage so, the
    one that closes a quotation one of them opened ("?pratica?") and a lone one between words
    ("pi? che la crisi, ? la mancanza"), then put back as `lost_letter` puts back U+FFFD; one
    that stays unsure stays "?" ("dichiarano?forse")."""
    if LOST in text:
        return text
    marked, opener, lone = list(text), None, []
    for m in regex.finditer(r"\?", text):
        k = m.start()
        before, after = text[k - 1 : k], text[k + 1 : k + 2]
        if before.isalpha() and after.isalnum():
            marked[k] = LOST
        elif (not before or before in " \t([") and after.isalpha():
            opener = k
        elif before.isalpha() and (not after or after in " \t,.;:!)]"):
            if opener is not None:
                marked[opener] = marked[k] = LOST  # a quotation's two marks, or neither
                opener = None
            elif _lost_last_letter(text, k):
                marked[k] = LOST
        elif before == " " and text[k + 1 : k + 3][:1] == " " and text[k + 2 : k + 3].isalpha():
            lone.append(k)
    restored = _put_back(text, marked)
    if lone and restored != text:  # a lone one, once a sure one came back ("SOT?23" is none)
        marked = list(restored)
        for k in lone:  # "è" before a lowercase word, a dash before a capital (`lost_letter`)
            marked[k] = LOST
        restored = _put_back(restored, marked)
    return restored


def _put_back(text: str, marked: list[str]) -> str:
    """`text` with its `marked` characters (U+FFFD) put back where `lost_letter` is sure of
    them, the others left as they were."""
    if LOST not in marked:
        return text
    restored = lost_letter.fix("".join(marked))
    if len(restored) != len(text):
        return text
    return "".join(t if r == LOST else r for r, t in zip(restored, text, strict=True))


def _lost_last_letter(text: str, k: int) -> bool:
    """The word before the "?" at k is far less Italian than the word its lost last letter
    makes ("perch", "citt", "pi"; wordfreq has them from damaged text too): after a word that
    is one, a question mark ends a question ("Chi?", "qui?", "cosa?")."""
    a = k
    while a > 0 and text[a - 1].isalpha():  # the word's start, read back from the mark
        a -= 1
    stem = text[a:k]
    whole = _best(stem + LOST) if stem else None
    return bool(whole) and zipf(whole.lower(), "it") - zipf(stem.lower(), "it") >= WHOLE_MARGIN


lost_question_mark = Rewrite(
    "lost_question_mark",
    "a character a conversion to a narrower character set wrote as '?', put back where the "
    "word is certain ('un?idea' → 'un’idea', \"c?è\" → \"c’è\", '?pratica?' → '“pratica”')",
    func=_lost_question_marks,
    needs=_MAYBE_LOST_QUESTION,
    examples=(
        # after a national daily's forum (held out)
        Example(
            "Per avere un?idea, l?ho letto: c?è l?899.", "Per avere un’idea, l’ho letto: c’è l’899.", "own"
        ),
        Example(
            "La sua utilità ?pratica? e i ?fuori tema?.", "La sua utilità “pratica” e i “fuori tema”.", "own"
        ),
        Example("Lo dicono?forse no. Davvero? Sì.", "Lo dicono?forse no. Davvero? Sì.", "own"),
        Example("Perch? la citt? non c?è? Chi? Lui?", "Perché la città non c’è? Chi? Lui?", "own"),
        Example("Il file a?b e la query ?id=3 restano.", "Il file a?b e la query ?id=3 restano.", "own"),
        # a wildcard is no lost letter, and no sure one makes the lone one lost (KiCad's help)
        Example(
            "Il filtro SOT?23, e ? vale un carattere.", "Il filtro SOT?23, e ? vale un carattere.", "own"
        ),
    ),
)

RULES = (lost_letter, lost_question_mark)
