"""The shape of a sentence as detection reads it: its tokens, what is never language (URLs,
addresses, code), names, quotations, clause edges, and where a span should start and end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from cleantext.caches import memo
from cleantext.code import word_pair
from cleantext.detection.spans import Detection, Span
from cleantext.freq import zipf
from cleantext.latin import LatinPattern
from cleantext.vocab import open_ended

_WORD_TOKEN = r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*['’]?"
_NUMBER_TOKEN = r"\p{N}+(?:[.,:]\p{N}+)*"
TOKEN = LatinPattern(f"{_WORD_TOKEN}|{_NUMBER_TOKEN}")  # (by `re` on Latin text)
# the tokens that can carry evidence, for the no-token pass: a lone letter before a period
# ("n. 2", "J. Smith", see `abbreviation`) is not one (a test checks both ways agree)
EVIDENT_TOKEN = LatinPattern(rf"(?![\p{{L}}\p{{M}}]\.){_WORD_TOKEN}|{_NUMBER_TOKEN}")
INITIAL_AFTER = frozenset('.!?:“«"”(‘-–')


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    ev: dict[str, float]  # evidence for each stray language vs the main one (log10 units)
    raw: dict[str, float] | None = None  # the evidence before a name or loan phrase zeroed it
    barrier: bool = False  # inside a URL, an address, a hashtag, a file name or code
    name: bool = False  # part of a multi-word proper name (joiners included)


# Never language, never translated, never split: a foreign span stops at them.
PROTECTED = regex.compile(
    r"(?:https?://|ftp://|www\.)\S+"  # URLs
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses (from the start of a run: linear)
    r"|(?<![\p{L}\p{N}])[#@][\p{L}\p{N}_]+"  # hashtags and handles
    r"|(?<![\p{L}\p{N}/])/?[\w-]+(?:/[\w-]+)+\.\w{2,4}\b"  # paths to files ("download/file.pdf")
    r"|(?<![\p{L}\p{N}])/?[\w-]+(?:/[\w.-]+){2,}/?"  # paths of three parts or more
    r"|(?<![\p{L}\p{N}/])\p{Ll}+/\p{Ll}+(?![\p{L}\p{N}/])"  # of two, not two words ("debian/rules")
    r"|(?<![\p{L}\p{N}])[\w-]+\.(?:[a-z]{2,4}\d?)(?![\p{L}\p{N}])(?=\.?(?:\s|$|[,;:)]))"  # files, domains
    r"|(?<![\p{L}\p{N}/])/[\w.-]+(?:/[\w.-]+)+/?"  # absolute paths ("/etc/passwd")
    r"|\b\w+_\w+\b|`[^`]+`"  # code
    r"|(?<![^\s(\[])--?\p{Ll}[\w-]*"  # command-line options ("-s", "--add-subuids")
    # calls and manual pages ("flock()", "mknod(1)"), tried where a run of name characters
    # starts, and never backed into: a 96,000-character "citta.citta…" took 8 s
    r"|(?<![\w.-])\p{L}[\w.-]*+\((?:\d\w?)?\)"
    r"|\b\w+=[^\s,;]+"  # settings ("count=1")
    r"|\b\w+(?:::[\w-]+)+"  # scoped names ("APT::Get::allow-downgrades")
    r"|(?<![\p{L}\p{N}:]):{3,}\{?[\w.-]*\}?(?::{3,})?"  # directives (":::row:::", ":::{note}")
    r"|(?<![\p{L}\p{N}])\\\p{L}[\w-]*"  # backslash commands ("\override", "\harp-pedal")
)
# Every alternative of PROTECTED holds one of these: most sentences hold none, and the
# full pattern (lookbehinds at every position) is then not run at all.
MAYBE_PROTECTED = regex.compile(r"[/@#_`=\\]|\.\w|\w\(|::|(?<![^\s(\[])--?\p{Ll}")
_APOSTROPHE = regex.compile(r"['’]")
_NOT_WORDISH = regex.compile(r"[^\p{L}\p{M}'’\s]")
_CLAUSE_MARK = regex.compile(r"[,;:)]")
_FILE_EXT = frozenset(
    "pdf doc docx xls xlsx csv txt zip rar jpg jpeg png gif mp3 mp4 avi html htm php asp json xml "
    "py js exe it com net org eu fr uk de es ch info io".split()
)
# Lowercase words that join the capitalised words of one name ("Bank of England").
NAME_JOINERS = frozenset("of the and for on in at de du des la le les et di del della y von van da".split())


# Italian inflections: a word that is another form of a common Italian word ("allocate" of
# "allocare", "bordure" of "bordura") is Italian however rare the form
_ITALIAN_ENDINGS = (
    "are",
    "ere",
    "ire",
    "ato",
    "ata",
    "ati",
    "ate",
    "ito",
    "ita",
    "iti",
    "ite",
    "uto",
    "a",
    "e",
    "i",
    "o",
)


def italian_form(word: str, zipf: Callable[[str, str], float], main: str, common: float = 2.0) -> bool:
    """`word` ends as an Italian form and a sibling form is common Italian (Zipf ≥ `common`)."""
    if main != "it":
        return False
    for end in _ITALIAN_ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 2:
            stem = word[: -len(end)]
            if any(zipf(stem + other, main) >= common for other in _ITALIAN_ENDINGS if other != end):
                return True
    return False


# the words by which Italian introduces a name, a title or a term it then gives as written
# ("il cosiddetto levelling up", "citando Born to Run", "la parola hygge", "si intitola Back
# to the Future", "hanno intonato You'll never walk alone", "come dicono gli inglesi, the
# show must go on"; ours): naming participles and verbs, the verbs of singing, the nouns for
# a name and the phrases that hand a saying to another language, right before the span.
NAMING = regex.compile(
    r"(?i)(?<![\p{L}'’])(?:cosiddett[oaie]|chiamat[oaie]|denominat[oaie]|ribattezzat[oaie]"
    r"|soprannominat[oaie]|intitolat[oaie]|(?:not|conosciut)[oaie]\s+come|citando|parola|termine"
    r"|si\s+(?:intitol|chiam)(?:a|ano|ava|avano)|titolo|(?:inton|cant|suon)(?:a|ano|ava|avano|at[oaie])"
    r"|espressione|slogan|motto|hashtag|scritta"
    # ... with the language it is taken from: "il termine inglese hardship", "la parola
    # francese flâneur", "l'espressione latina ab origine" (ours)
    r"|(?:parola|termine|espressione|vocabolo|locuzione)\s+(?:inglese|francese|latin[ao]|tedesc[ao]|spagnol[ao]"
    r"|giapponese|americana|americano|anglosassone|straniera|straniero)"
    # the words a sign, a banner or a shirt shows ("sulla maglietta c'era scritto keep calm and
    # carry on", "lo striscione recitava make love not war", "si leggeva je suis Charlie"; ours)
    r"|(?:c['’])?(?:era|è|c['’]è)\s+scritto|si\s+legge(?:va)?|recit(?:a|ava|avano)"
    # what an acronym stands for ("RAG significa retrieval augmented generation", "NLP sta per
    # natural language processing"; ours, after a page on chatbots)
    r"|significa|st(?:a|anno)\s+per|vuol(?:e)?\s+dire|(?:acronimo|sigla|abbreviazione)\s+(?:di|per)"
    # "come dicono gli inglesi, the show must go on", "come si dice in francese:", "ha
    # spiegato in inglese che we are not…": the sentence names the language
    r"|come\s+(?:dicono|direbbero|dicevano|si\s+dice\s+in|si\s+direbbe\s+in)\s+(?:(?:gli|i|le)\s+)?\p{L}+\s*[,:]?"
    r"|in\s+(?:inglese|francese|latino|lingua\s+\p{L}+)(?:\s+che|\s*[,:])?"
    # "(CWD, dall'inglese chronic wasting disease)", "dal francese laissez-faire": the
    # language an acronym or a term comes from (ours, after a science writer's page)
    r"|dall['’]\s?(?:inglese|americano|olandese|arabo|ebraico)|dal\s+(?:francese|latino|tedesco|greco|giapponese)"
    r"|dallo\s+spagnolo"
    # "per dirla con gli inglesi, it's not rocket science", "per dirla alla francese,", "a
    # Parigi lo chiamano le quoi qu'il en coûte": the sentence hands the saying to others
    r"|per\s+dirla\s+(?:con\s+(?:gli|i|le)\s+\p{L}+|all['’]\p{L}+|alla\s+\p{L}+)\s*[,:]?"
    r"|(?:lo|la|li|le)\s+chiam(?:ano|avano|eranno)"
    # "ha citato John Lennon, you may say I'm a dreamer", "citando Wilde:" (ours): quoting
    # its author
    r"|(?:(?:ha|hanno|aveva|avevano)\s+citat[oaie]|cit(?:a|ano|ava|avano|ando))(?:\s+[\p{L}'’.]+){1,4}\s*[,:]"
    # "come diceva Jobs, stay hungry", "come cantavano i Beatles, all you need is love", "come
    # ripeteva sempre mio nonno,", "come ha scritto Orwell:": a saying handed to its author
    # ("come detto," and "come scritto sopra," are the writer's own: a participle needs its
    # auxiliary, and the author a word)
    r"|come\s+(?:(?:ha|hanno|aveva|avevano|avrebbe)\s+(?:dett|scritt|cantat|ripetut|recitat|insegnat)[oaie]"
    r"|dic(?:e|ono|eva|evano)|diss(?:e|ero)|direbbe(?:ro)?|scriss(?:e|ero)"
    r"|(?:scriv|ripet|recit|insegn|cant|ricord|sostien|predic)(?:e|ono|eva|evano|ava|avano|a|ano))"
    r"(?:\s+[\p{L}'’.]+){1,4}\s*[,:]"
    # a saying set off after the noun that names it: "il suo mantra è sempre lo stesso, never
    # give up,", "la frase di sua madre, il faut cultiver notre jardin,"
    r"|(?:frase|motto|mantra|slogan|proverbio|massima|ritornello|adagio)(?:\s+[\p{L}'’]+){0,5}\s*[,:]"
    # ... or named by a copula after it: "il suo motto è sempre stato stay hungry", "la sua frase
    # preferita resta c'est la vie" (ours)
    r"|(?:frase|motto|mantra|slogan|proverbio|massima|ritornello|adagio)(?:\s+[\p{L}'’]+){0,3}"
    r"\s+(?:è|era|fu|sarà|resta|restava|rimane|rimaneva|(?:è|era)\s+(?:sempre\s+)?stat[oa]))\s*$"
)


# the nouns for a work, right before its title ("la canzone Let it be", "il sequel di Back to
# the future", "l'album Wish you were here", "la raccolta di poesie, Le ciel est vide,"; ours):
# a title that follows one, or is set after it between commas, is given as written, as
# Italian writes titles, its first word capitalised (see `names_a_work`)
_WORK_NOUNS = (
    r"(?:film|libr[oi]|romanz[oi]|album|bran[oi]|singol[oi]|canzon[ei]|serie|dischi|disco"
    r"|saggi[oi]?|documentari[oi]?|spettacol[oi]|musical|fumett[oi]|videogioc(?:o|hi)|podcast|sequel|remake"
    r"|prequel|spin-off|show|programm[ai]|poesi[ae]|opera|pezz[oi]|hit|inno|colonna\s+sonora|mostra|festival"
    r"|note|docuserie|miniserie|sitcom|telefilm|cortometraggi[oi]|raccont[oi]|raccolta|commedia|dramma"
    r"|balletto|tracci?a|tracce|mixtape|audiolibr[oi]|videoclip|trailer|manga|saga|tour|rubrica|format|cover"
    r"|remix|studi[oi]|articol[oi]|report|rapport[oi]|paper)"
)
_OF = r"(?:di|del|dello|della|dei|degli|delle)"
WORK = regex.compile(r"(?i)(?<!\p{L})" + _WORK_NOUNS + r"(?:\s+" + _OF + r")?\s*,?\s*$")
# ... or right after it, set off by a comma with its author ("quella di 12 songs about the
# rain, album di una band di Seattle", "The rise and fall of the middle class, l'ultimo studio
# dell'economista"; ours, after a feed's reviews): the title's apposition
WORK_AFTER = regex.compile(
    r"(?i)\s*,\s*(?:(?:il|lo|la|i|gli|le|un|uno|una)\s+|(?:l|un)['’]\s?)?(?:\p{L}+\s+)?"
    + _WORK_NOUNS
    + r"\s+(?:"
    + _OF
    + r"(?!\p{L})|d['’]|dell['’])"
)


_FIRST_WORD = regex.compile(r"\p{L}[\p{L}-]*(?=\s+\p{Lu})")


def names_a_work(text: str, start: int, end: int | None = None) -> bool:
    """The span at `start` opens with a capital right after a noun for a work: its title. The
    noun may be a loan the span took in ("l'album Wish you were here"; ours). A title set
    off by a comma after its noun is closed by one too (the span's `end`): an apposition, not
    the next clause ("…del Film Festival, Robert Enke qui a signé…"; lingua). The noun and
    its author may follow the span instead (`WORK_AFTER`), whatever its case."""
    if end is not None and WORK_AFTER.match(text, end):
        return True
    if text[start : start + 1].isupper():
        noun = WORK.search(text, 0, start)
        return noun is not None and (
            "," not in noun.group() or (end is not None and text[end:].lstrip().startswith(","))
        )
    noun = _FIRST_WORD.match(text, start)
    return noun is not None and WORK.search(text, start, noun.end()) is not None


def named(text: str, start: int, end: int | None = None) -> bool:
    """The sentence names the span at `start` (to `end`), to give it as written: a naming word
    (NAMING) or the noun for a work (`names_a_work`) right before it."""
    return NAMING.search(text, 0, start) is not None or names_a_work(text, start, end)


def missing_breaks(text: str, detection: Detection, min_words: int = 4, main: str = "it") -> list[int]:
    """Offsets where a sentence break was lost at a change of language.

    Scraped text drops a final period now and then ("…a rodent called a dormouse Un'altra
    differenza…"); the splitter cannot see that break, but the language change shows it: a
    foreign span ends (or starts) with no punctuation, right next to a capitalised word that
    is an ordinary word of the sentence, not a name ("Un'altra", "The"), and each side holds
    at least `min_words` words. Cutting there keeps one sentence per record, each in one language.
    A span the sentence's lowercase words go on after, a comma between maybe, is inside it,
    capital or not ("hanno intonato You'll never walk alone prima del calcio d'inizio", "ha
    cantato a lungo Here comes the sun, e la serata…"; ours), and so is one the
    sentence names ("con il titolo The most improved economy of the year.") or needs (after an
    article, a preposition or a conjunction: "lo stile che Proust ha usato in À la recherche du
    temps perdu", ParTUT) is inside it too: no break before it."""
    cuts = []
    for span in detection.spans:
        runs_on = text[span.end :].lstrip(" ,;")[:1].islower()
        for at in (span.start, span.end):
            before, after = text[:at].rstrip(), text[at:].lstrip()
            if not before or not after or before[-1] in ".!?…:;,–—-(\"“”«»'’":
                continue
            if at == span.start and (runs_on or named(text, at) or open_ended(TOKEN.findall(before), main)):
                continue
            nxt = TOKEN.match(after)
            if nxt is None or not nxt.group()[0].isupper() or _is_name(nxt.group()):
                continue
            if len(TOKEN.findall(before)) >= min_words and len(TOKEN.findall(after)) >= min_words:
                cuts.append(at)
    return sorted(set(cuts))


def _is_name(word: str) -> bool:
    """A capitalised word that is rarely written in lower case in any of the languages."""
    head = _APOSTROPHE.split(word.lower())[0] or word.lower()
    return max(zipf(head, lang) for lang in ("it", "fr", "en")) < 4.0


def edge_clause(text: str, toks: list[Tok], path: list[str], main: str, informative: list[int]) -> bool:
    """An opening or closing clause in the main language ("Alla fine, le chef est…",
    "Secondo il Financial Times, the government…"; a name inside it is the clause's, and so
    is a capitalised word after its first: "Come diceva Jobs, stay hungry…", ours): the
    sentence is mixed, so only the foreign part is a span, not the whole sentence."""
    info = set(informative)
    for edge in (range(len(toks)), range(len(toks) - 1, -1, -1)):
        run = []
        for k in edge:
            name_like = toks[k].name or (k > 0 and toks[k].text[:1].isupper())
            if path[k] != main and not (name_like and run):
                break
            run.append(k)
        if not run or len(run) == len(toks) or sum(k in info and path[k] == main for k in run) < 2:
            continue
        a, b = sorted((run[-1], run[-1] + (1 if edge.step == 1 else -1)))
        if text[toks[a].end : toks[b].start].strip() in {",", ";", ":", "–", "—", "-"}:
            return True
    return False


def around_barriers(text: str, toks: list[Tok], lang: str, conf: float) -> tuple[Span, ...]:
    """A foreign sentence as one span, or as the pieces between its protected tokens."""
    if not any(t.barrier for t in toks):
        return (Span(0, len(text), lang, conf),)
    out, piece = [], []
    for t in [*toks, None]:
        if t is None or t.barrier:
            if any(x.text[0].isalpha() for x in piece):
                out.append(Span(piece[0].start, piece[-1].end, lang, conf))
            piece = []
        else:
            piece.append(t)
    return tuple(out)


# Italian articles and prepositions that elide before a vowel ("all'", "dell'", "un'"): a
# closed class of the grammar; French elides only "l'" and "d'" of them
_ITALIAN_ELISION = regex.compile(
    r"(?i)(?:l|un|all|dall|dell|nell|sull|coll|pell|nessun|alcun|ciascun|quell|quest|bell|sant)['’](?=\p{L})"
)


def past_elision(text: str, start: int, lang: str) -> int:
    """Where a span starting at `start` starts: after an Italian elided article or
    preposition glued to its first word ("all'ancien régime" → "ancien régime"; ours), which
    is the sentence's, not the foreign phrase's. French writes "l'" and "d'" too: a French
    span keeps those."""
    m = _ITALIAN_ELISION.match(text, start)
    if m is None or (lang == "fr" and m.end() - start == 2):
        return start
    return m.end()


# Italian's own articles, none of them one of the foreign language's: before a borrowed
# phrase they are the sentence's, which gives the loan its article ("i part time", "gli
# smart worker"; a news feed, held out), and never part of what a translation replaces.
_ITALIAN_ARTICLES = frozenset("il lo i gli la le un uno una".split())
_WORDS_OF = {"fr": frozenset("la le un il".split())}  # those the foreign language writes too


def _italian_article(word: str, lang: str) -> bool:
    return word in _ITALIAN_ARTICLES and word not in _WORDS_OF.get(lang, ())


# Articles Italian does not write: before a name they are a translation leftover.
STRAY_ARTICLES = frozenset("the an les des du une".split())


# Words a borrowed phrase does not start with: Italian gives a borrowed noun its own article
# ("il quiet quitting", never "il the quiet quitting"), and a conjunction joins what comes
# before it. Prepositions do start loans ("on the road", "au pair", "en plein air").
OPEN_HEADED = {
    "en": frozenset("the an and or but nor".split()),
    "fr": frozenset("les des une et ou mais".split()),
}


def open_headed(words: list[str], lang: str) -> bool:
    """The phrase (its words) starts on a foreign article or conjunction (OPEN_HEADED)."""
    return bool(words) and words[0].lower() in OPEN_HEADED.get(lang, ())


def guarded(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of `text` PROTECTED guards (a URL, an address, a tag, a path, a file,
    code): their words carry no evidence (most sentences hold nothing that could be one)."""
    if not MAYBE_PROTECTED.search(text):
        return ()
    return _guarded_spans(text)


@memo(16)
def _guarded_spans(text: str) -> tuple[tuple[int, int], ...]:
    # (kept for `tokens`, which asks about a text `_surely_main` could not settle)
    return tuple(m.span() for m in PROTECTED.finditer(text) if _protected(m.group()))


def says_nothing(word: str) -> bool:
    """A number or an acronym: no evidence of a language, wherever it stands."""
    return word[0].isdigit() or (len(word) > 1 and word.isupper())


def abbreviation(text: str, word: str, end: int) -> bool:
    """A lone letter before a period ("n. 2", "p. 12", "J. Smith"): no evidence there."""
    return len(word) == 1 and text[end : end + 1] == "."


def capital(t: Tok) -> bool:
    """A capitalised word, after an elided article or preposition too ("d'Électricité",
    "dell'Energia"): a name's word."""
    return t.text[0].isupper() or _ELIDED_CAPITAL.match(t.text) is not None


_ELIDED_CAPITAL = regex.compile(r"\p{Ll}{1,6}['’]\p{Lu}")


def only_words(text: str, a: Tok, b: Tok) -> bool:
    """Nothing but words and spaces between two tokens (no comma, bracket or quote)."""
    return not _NOT_WORDISH.search(text[a.end : b.start])


def _protected(found: str) -> bool:
    """A match of PROTECTED that really is a URL, address, tag, path, file or code: a
    bare "word.ext" must end with a known extension ("report.pdf", "ansa.it")."""
    if "/" in found and word_pair(found):
        return False  # "e/o", "input/output": two words
    if "/" in found or "@" in found or found[0] in "#`-\\" or "_" in found or found.startswith("www."):
        return True
    if "=" in found or "::" in found or found.endswith(")"):
        return True
    return found.rsplit(".", 1)[-1].lower() in _FILE_EXT


_QUOTED = regex.compile(r"“[^“”]+”|«[^«»]+»|\"[^\"]+\"")


def italian_around_quote(
    text: str, toks: list[Tok], path: list[str], main: str, informative: list[int]
) -> bool:
    """A sentence about a quoted title ('Il film "Le fabuleux destin d'Amélie Poulain" torna
    nelle sale.'): outside the quotation it reads as the main language, so it is not a
    foreign sentence; the quotation is judged as a span."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    if not quoted:
        return False
    outside = [k for k in informative if not any(a <= toks[k].start < b for a, b in quoted)]
    mains = sum(path[k] == main for k in outside)
    return mains >= 2 and mains >= 0.6 * len(outside)


def runs(path: list[str], main: str, toks: list[Tok] | None = None) -> list[tuple[str, int, int]]:
    """(language, start, end) of each maximal run of tokens not in `main`; a run stops at a
    protected token (a URL, an address, code)."""
    runs, i = [], 0
    while i < len(path):
        if path[i] == main or (toks and toks[i].barrier):
            i += 1
            continue
        j = i
        while j < len(path) and path[j] == path[i] and not (toks and toks[j].barrier):
            j += 1
        runs.append((path[i], i, j))
        i = j
    return runs


_QUOTE_MARKS = regex.compile(r"[“”«»\"]")


_SPEECH_OPENS = regex.compile(r":\s*[“«\"]")
_TITLE_OPENS = regex.compile(r"\s*[“«\"‘]")


def within_quotes(text: str, toks: list[Tok], runs: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The runs that start inside a quotation cut where it closes: a quotation is a unit,
    and the words after it are the sentence's ('cantano "I can't get no satisfaction"
    trangugiando i drink'; fortunes-it). A run may still end inside one: a clause that ends
    on a quoted name ('now known as "Dunlap broadsides"'; dev:doc0128). A quotation a colon
    opens is speech of its own, cut from the words before the colon ('ha citato i Queen:
    "Who wants to live forever"'; ours): those are the sentence's, a name or a verb. So is
    a quotation after the noun for a work, the title it names ('Copertina album "Girl who
    got away" di Dido:', the noun a loan the run took in; a music page, held out)."""
    out = []
    for lang, i, j in runs:
        for k in range(i + 1, j):
            if _SPEECH_OPENS.search(text, toks[k - 1].end, toks[k].start) or (
                _TITLE_OPENS.fullmatch(text, toks[k - 1].end, toks[k].start)
                and WORK.search(text, 0, toks[k - 1].end)
            ):
                out.append((lang, i, k))
                i = k
        if len(_QUOTE_MARKS.findall(text, 0, toks[i].start)) % 2:
            for k in range(i + 1, j):
                if _QUOTE_MARKS.search(text, toks[k - 1].end, toks[k].start):
                    out.append((lang, i, k))
                    i = k
                    break
        out.append((lang, i, j))
    return out


def trim(text: str, toks: list[Tok], i: int, j: int, lang: str) -> tuple[int, int]:
    """Span edges: drop weak edge words, then take in adjacent names and numbers.

    Function words shared with Italian ("la", "a") at the edges carry too little evidence
    to claim, unless they are the article of a clearly foreign word; names right next to a
    foreign phrase ("Kevin Kilner vient") belong to it, as long as only a space separates them.
    """
    i = _past_closers(text, toks, i, j)
    for k in range(i, j - 1):  # words that say nothing (names, numbers) before a comma
        if toks[k].ev[lang] >= 0.35:
            break
        if _CLAUSE_MARK.search(text[toks[k].end : toks[k + 1].start]):
            i = k + 1
    while i < j and toks[i].ev[lang] <= (0.0 if i + 1 < j and toks[i + 1].ev[lang] >= 1 else 0.35):
        i += 1  # a weak word is kept only as the article of a clearly foreign word ("a beautiful")
    while j > i and toks[j - 1].ev[lang] < 0.35:
        j -= 1
    while j - i >= 2 and _italian_article(toks[i].text, lang):
        i += 1
    if i >= j:
        return i, j
    weak = toks[i].ev[lang] < (0.7 if toks[i].text.islower() else 1.0)  # a name says little either way
    if j - i > 2 and weak and _opens_clause(text, toks, i + 1):
        # "…da altre parti, et possèdent…", "…per Sambi, nous disposons…": a weak word or a
        # name closing the main-language clause stays with it; the foreign clause starts
        # after the comma
        i += 1
    elif i > 0 and _opens_clause(text, toks, i - 1) and toks[i - 1].text.islower() and toks[i].text.islower():
        # ", il ne faut pas…": a word both languages use ("il", "un", "se") that opens the
        # clause belongs to the foreign clause it opens
        word = toks[i - 1]
        if (
            len(word.text) <= 3
            and word.ev[lang] > -1.0
            and max(t.ev[lang] for t in toks[i : i + 2]) >= 1
            and not _italian_article(word.text, lang)
        ):
            i -= 1
    # (again: the words dropped may have held the bracket's opener, "Smith (2020, p. 14), «the
    # city is…»"; ours)
    i = _past_closers(text, toks, i, j)
    while i > 0 and _neutral_name(toks[i - 1], lang) and text[toks[i - 1].end : toks[i].start].isspace():
        i -= 1
    while j < len(toks) and _neutral_name(toks[j], lang) and text[toks[j - 1].end : toks[j].start].isspace():
        j += 1
    # a word glued to one outside the span is a piece of a code, not a word of the phrase
    # ("00A Promotional literature overflow", an error's number in a Debian fortune: the pivot
    # made its "A" an article, "00Un desbordament")
    while i < j and i > 0 and toks[i - 1].end == toks[i].start:
        i += 1
    while j > i and j < len(toks) and toks[j - 1].end == toks[j].start:
        j -= 1
    return i, j


def _past_closers(text: str, toks: list[Tok], i: int, j: int) -> int:
    """Where a span starts past each bracket it closes without opening: it began in an aside
    ("(… l'editore Phébus), "La couleur noire n'existe pas""; a book page, held out)."""
    opened = i
    for k in range(opened, j - 1):
        gap = text[toks[k].end : toks[k + 1].start]
        if (")" in gap or "]" in gap) and not any(c in text[toks[opened].start : toks[k].end] for c in "(["):
            i = k + 1
    return i


def _opens_clause(text: str, toks: list[Tok], k: int) -> bool:
    """Token k starts the text or follows clause punctuation."""
    before = text[: toks[k].start].rstrip()
    return not before or before[-1] in ",;:(–—"


def _neutral_name(t: Tok, lang: str) -> bool:
    """A capitalised word that says nothing against the span's language; a protected name
    goes with a foreign span unless its own words read as Italian ("San Marino")."""
    if t.name:
        return (t.raw or t.ev)[lang] > -0.5 or not t.text[0].isupper()
    return t.text[0].isupper() and abs(t.ev[lang]) < 0.5


_OPEN_Q = "“«\"‘'”"
_CLOSE_Q = "”»\"’'“"


def enclosing_quote(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(offset of the opening mark, the quotation) around text[start:end], if the span lies
    inside one."""
    left = max(text.rfind(q, 0, start) for q in _OPEN_Q)
    if left < 0:
        return None
    rights = [r for q in _CLOSE_Q if (r := text.find(q, end)) >= 0]
    if not rights:
        return None
    right = min(rights)
    inner = text[left + 1 : right]
    if any(q in inner for q in _OPEN_Q + _CLOSE_Q):
        return None
    return left, inner


def title_share(text: str) -> float:
    """Share of capitalised words; an elided article does not hide a name ("l'Oyapock")."""
    ws = [w for w in TOKEN.findall(text) if not w[0].isdigit()]
    return sum(_APOSTROPHE.split(w)[-1][:1].isupper() for w in ws) / max(1, len(ws))
