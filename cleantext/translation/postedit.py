"""Stage 6b — post-edit: named fixes on translations into Italian (never on the user's
own Italian, never on a translation into another language).

Rule-based engines and pivots leave systematic slips that Italian grammar settles; each
fix is a `Rule` with a reason and examples, like the repair rules (`RULES`). A few slips
only the source can settle ("their" → "loro", "1,200" → "1.200"): those are functions of
(source, language, translation) (`SOURCE_RULES`). `tidy` is the stage: the pipeline hands
it to the router, which runs it on every new translation before the checks.
"""

from __future__ import annotations

import regex

from cleantext.repair import spacing
from cleantext.rules import Example, Rewrite, fixed_point
from cleantext.vocab import MONTHS, WEEKDAYS

_YEAR = r"(1\d{3}|20\d{2})"


def _like(model: str, word: str) -> str:
    """`word` capitalised as `model` is ("Nel" → "Il", "nel" → "il")."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# "In 2002 Goma…", "…di Asunción in 1537, il Paraguay…": an English or Catalan "in/en +
# year" comes out as "in 2002"; Italian takes the article: "nel 2002". Only where the
# number is plainly a year: followed by punctuation, the end, or a capitalised word.
_WITH_ARTICLE = {"in": "nel", "da": "dal", "di": "del"}


def _year_with_article(m: regex.Match[str]) -> str:
    return _like(m[1], _WITH_ARTICLE[m[1].lower()]) + " " + m[2]


year_article = Rewrite(
    "year_article",
    "Italian puts the article before a year: 'nel 2002', 'dal 2015', 'del 2024', not 'in 2002'",
    regex.compile(r"\b([Ii]n|[Dd]a|di) " + _YEAR + r"(?=[,.;:!?)]|\s+(?:\p{Lu}|che\b|a\s)|\s*$)"),
    _year_with_article,
    examples=(
        Example("In 2002 Goma fu distrutta", "Nel 2002 Goma fu distrutta", "dev:doc0162"),
        Example(
            "la fondazione di Asunción in 1537, il Paraguay",
            "la fondazione di Asunción nel 1537, il Paraguay",
            "dev:doc0169",
        ),
        Example(
            "È la prima volta da 2015 che la squadra vince",
            "È la prima volta dal 2015 che la squadra vince",
            "own",
        ),
        Example("in 1500 metri", "in 1500 metri", "own"),
        Example("nel terzo quarto di 2024.", "nel terzo quarto del 2024.", "own"),
        Example("un gruppo di 2024 persone", "un gruppo di 2024 persone", "own"),
    ),
)

# French "En 1956, …" goes through Catalan as "L'any 1956, …" and comes out "L'anno 1956, …".
year_opening = Rewrite(
    "year_opening",
    "a year opening the sentence reads 'Nel 1956,' in Italian, not 'L'anno 1956,'",
    regex.compile(r"^L['’]anno " + _YEAR + r"(?=,)"),
    r"Nel \1",
    examples=(
        Example("L'anno 1956, Słania si è installato", "Nel 1956, Słania si è installato", "dev:doc0026"),
        Example("L'anno 1901, lo stesso Henry Marsh", "Nel 1901, lo stesso Henry Marsh", "lingua"),
    ),
)

_PREP = {"di": "de", "a": "a", "da": "da", "in": "ne", "su": "su"}
_ART = {"il": "l", "lo": "llo", "la": "lla", "i": "i", "gli": "gli", "le": "lle", "l'": "ll'", "l’": "ll’"}


def _contract(m: regex.Match[str]) -> str:
    prep, art = m[1], m[2]
    stem = _PREP[prep.lower()]
    if stem in ("de", "ne") and art.lower() in ("il", "i"):
        out = stem[0] + ("el" if art.lower() == "il" else "ei")  # del, dei, nel, nei
    else:
        out = stem + _ART[art.lower()]
    return out[0].upper() + out[1:] if prep[0].isupper() else out


# Pivots hand over "de l'equip" → "di lo squadra", "di l'Oyapock": Italian never leaves a
# preposition and a definite article apart.
articulated_preposition = Rewrite(
    "articulated_preposition",
    "Italian joins di/a/da/in/su with the article: 'della', 'nel', 'dall’', never 'di la'",
    regex.compile(r"\b(di|a|da|in|su|Di|A|Da|In|Su) (il|lo|la|i|gli|le|l['’])(?=(?<=['’])\p{L}|\s)"),
    _contract,
    examples=(
        Example("del fallimento di lo squadra", "del fallimento dello squadra", "own"),
        Example("Sant-Jordi di l'Oyapock", "Sant-Jordi dell'Oyapock", "own"),
        Example("In il 2002 e a i tempi", "Nel 2002 e ai tempi", "own"),
        Example("su la strada di i nonni", "sulla strada dei nonni", "own"),
        Example("con il potenziale di là dal mare", "con il potenziale di là dal mare", "own"),
    ),
)


def _di_before_name(m: regex.Match[str]) -> str:
    from cleantext.freq import zipf

    name = m[2]
    if name[0] not in "Hh" and zipf(name.lower(), "it") >= 3.0:
        return m[0]
    return m[1] + "i " + name


# Catalan and French elide "de" before any vowel or h ("d'Hong Kong", "d'Asunción");
# Italian elides "di" only before common words and a few familiar names ("d'oro",
# "d'Italia"), and writes "di" before foreign names and before h ("di Hong Kong"). A
# capitalised word that is not an everyday Italian word (wordfreq) is taken for a name.
di_before_name = Rewrite(
    "di_before_name",
    "Italian writes 'di Hong Kong', 'di Asunción': it does not elide 'di' before a foreign name",
    regex.compile(r"\b([Dd])['’](\p{Lu}[\p{L}\p{M}]*)"),
    _di_before_name,
    examples=(
        Example("il territorio d'Hong Kong", "il territorio di Hong Kong", "dev:doc0069"),
        Example("la fondazione d'Asunción nel 1537", "la fondazione di Asunción nel 1537", "dev:doc0169"),
        Example(
            "l'Atto d'Aria Pulita e il resto d'Italia", "l'Atto d'Aria Pulita e il resto d'Italia", "own"
        ),
    ),
)

# spa-ita reads Spanish "para" (for) as a form of "parir" (give birth): "partorisca questionare".
para_is_per = Rewrite(
    "para_is_per",
    "the Spanish pivot's 'partorisca' is Spanish 'para' misread: Italian 'per'",
    regex.compile(r"\b([Pp])artorisca\b"),
    lambda m: ("P" if m[1] == "P" else "p") + "er",
    examples=(Example("è significato partorisca questionare", "è significato per questionare", "own"),),
)

# A pivot can render one preposition twice ("cercavano di di rispondere"); Italian never
# repeats these words back to back.
doubled_word = Rewrite(
    "doubled_word",
    "a preposition or article written twice in a row ('di di') is written once",
    regex.compile(r"\b(di|a|da|in|per|su|con|il|lo|la|gli|le|un|una)(\s+\1)+\b", regex.IGNORECASE),
    r"\1",
    examples=(
        Example("cercavano di di rispondere", "cercavano di rispondere", "own"),
        Example("la la casa", "la casa", "own"),
    ),
)

# French times "12 h 00", "7 h 19" come through the pivots as they are; Italian writes "12:00".
french_time = Rewrite(
    "french_time",
    "Italian writes times as '12:00', not the French '12 h 00'",
    regex.compile(r"\b([01]?\d|2[0-3]) ?h ?([0-5]\d)\b"),
    r"\1:\2",
    examples=(
        Example("verso 12 h 00 GMT", "verso 12:00 GMT", "dev:doc0008"),
        Example("a 7 h 19 ora locale", "a 7:19 ora locale", "own"),
        Example("un'auto a 120 km/h 30 volte", "un'auto a 120 km/h 30 volte", "lingua"),
    ),
)

# Verbs that take "di" or "a" before an infinitive ("ha deciso di terminare", "è riuscito a
# fuggire"). Catalan and Spanish join some of them to the infinitive directly ("va decidir
# acabar"), and the pivot then writes "ha deciso terminare".
_TAKES_DI = (
    "decis[oaie]|decise|decisero|rifiutat[oaie]|rifiutò|rifiutarono|cercat[oaie]|cercò|cercarono|"
    "tentat[oaie]|tentò|tentarono|smess[oaie]|smise|smisero|dimenticat[oaie]|sperat[oaie]|"
    "promess[oaie]|promise|promisero|minacciat[oaie]|minacciò|accettat[oaie]|accettò|evitat[oaie]|"
    "chiest[oaie]|chiese|chiesero|ordinat[oaie]|ordinò|permess[oaie]|permise|consentit[oaie]|"
    "propost[oaie]|propose|temut[oaie]|scelt[oaie]|scelse|giurat[oaie]|giurò|suggerit[oaie]|"
    "impedit[oaie]|vietat[oaie]|annunciat[oaie]|annunciò|rischiat[oaie]|rischiò"
)
_TAKES_A = (
    "riuscit[oaie]|riuscì|riuscirono|continuat[oaie]|continuò|continuarono|cominciat[oaie]|"
    "cominciò|cominciarono|iniziat[oaie]|iniziò|iniziarono|aiutat[oaie]|aiutò|imparat[oaie]|"
    "imparò|costrett[oaie]|costrinse|invitat[oaie]|invitò|obbligat[oaie]"
)
_INFINITIVE = r"\p{Ll}+(?:are|ere|ire|rre)(?:lo|la|li|le|si|ne|ci|vi|gli|mi|ti)?\b"


def _preposition(m: regex.Match[str]) -> str:
    prep = "di" if regex.fullmatch(_TAKES_DI, m[1].lower()) else "a"
    return f"{m[1]} {prep} {m[2]}"


verb_infinitive = Rewrite(
    "verb_infinitive",
    "'decidere', 'rifiutare', 'riuscire'… take 'di' or 'a' before an infinitive",
    regex.compile(rf"\b({_TAKES_DI}|{_TAKES_A}) ({_INFINITIVE})"),
    _preposition,
    examples=(
        Example("Ha deciso finire la sua campagna.", "Ha deciso di finire la sua campagna.", "own"),
        Example(
            "le nazioni europee hanno rifiutato rimpatriare",
            "le nazioni europee hanno rifiutato di rimpatriare",
            "own",
        ),
        Example("è riuscito fuggire", "è riuscito a fuggire", "own"),
        Example("ha deciso di partire e il mare", "ha deciso di partire e il mare", "own"),
    ),
)

_MONTHS_IT = "|".join(MONTHS["it"])

# Catalan "12 de març de 2024" comes out "12 di marzo di 2024"; Italian: "12 marzo 2024".
date_form = Rewrite(
    "date_form",
    "Italian dates have no 'di': '12 marzo 2024'",
    regex.compile(rf"\b(\d{{1,2}}|1º) di ({_MONTHS_IT})(?: di (\d{{4}}))?\b", regex.IGNORECASE),
    lambda m: f"{m[1]} {m[2]}" + (f" {m[3]}" if m[3] else ""),
    examples=(
        Example("Il 12 di marzo di 2024, il presidente", "Il 12 marzo 2024, il presidente", "dev:doc0094"),
        Example("il 5 di maggio", "il 5 maggio", "own"),
    ),
)

# "Le 15 août 1940" → "Nel 15 agosto 1940": a day takes the plain article ("il 15 agosto"),
# "nel" belongs to years and months alone ("nel 1940", "nel maggio 1940").
day_article = Rewrite(
    "day_article",
    "a date with its day takes 'il', not 'nel': 'Il 15 agosto 1940'",
    regex.compile(rf"\b([Nn])el(?: |l['’])(\d{{1,2}}|1º) ({_MONTHS_IT})\b"),
    lambda m: _like(m[1], "l'" if m[2] in ("1", "8", "11") else "il ") + m[2] + " " + m[3],
    examples=(
        Example("Nel 15 agosto 1940, gli Alleati", "Il 15 agosto 1940, gli Alleati", "dev:doc0090"),
        Example("È arrivato nel 3 maggio 2020", "È arrivato il 3 maggio 2020", "own"),
        Example("Nell'1 gennaio partì", "L'1 gennaio partì", "own"),
        Example("nel 2020 e nel maggio 2021", "nel 2020 e nel maggio 2021", "own"),
    ),
)

# English "the 1980s" passes through as "il 1980s"; Italian: "gli anni '80".
decade = Rewrite(
    "decade",
    "Italian names a decade 'gli anni '80', not 'il 1980s'",
    regex.compile(r"\b(?:(?P<in>[Dd]entro il|[Ii]n il|[Nn]el)|(?P<art>[Ii]l|[Ii])) (?:1\d|20)(?P<d>\d0)s\b"),
    lambda m: _like(m["in"] or m["art"], "negli" if m["in"] else "gli") + " anni '" + m["d"],
    examples=(
        Example("Durante il 1980s lavorò", "Durante gli anni '80 lavorò", "dev:doc0045"),
        Example("Dentro il 1990s, la città", "Negli anni '90, la città", "own"),
        Example("nel 1980s", "negli anni '80", "dev:doc0045"),
    ),
)


def _big(word: str, plural: bool) -> str:
    word = {"bilione": "miliardo", "bilioni": "miliardi"}.get(word, word)
    return word[:-1] + "i" if plural else word


# English "billion" is an Italian "miliardo" (a "bilione" is a million millions); after a
# number other than one, "milione"/"miliardo" are plural ("4,5 miliardi").
big_numbers = Rewrite(
    "big_numbers",
    "'billion' is 'miliardo' in Italian, and '4,5 milioni' is plural",
    regex.compile(r"\b(?:(\d[\d.,]*) )?(milione|miliardo|bilione|bilioni)\b"),
    lambda m: (f"{m[1]} " if m[1] else "") + _big(m[2], plural=m[1] not in (None, "1")),
    examples=(
        Example("un utile di 4,5 bilione di dollari", "un utile di 4,5 miliardi di dollari", "own"),
        Example("Ha pagato 5 milione di euro", "Ha pagato 5 milioni di euro", "own"),
        Example("1 milione di persone e un bilione", "1 milione di persone e un miliardo", "own"),
        Example("due bilioni di persone", "due miliardi di persone", "own"),
    ),
)

_CURRENCY = {"$": "dollari", "€": "euro", "£": "sterline"}

# "$4,5 miliardi" → "4,5 miliardi di dollari": Italian writes the currency after the amount.
currency_after = Rewrite(
    "currency_after",
    "Italian puts the currency after the amount: '4,5 miliardi di dollari'",
    regex.compile(
        r"([$€£])\s?(\d[\d.,]*)(?: (milion[ei]|miliard[oi]|mila))?"
        r"(?: (?:di |d['’])?(?:dollari|euro|sterline))?"
    ),
    lambda m: f"{m[2]} {m[3]} di {_CURRENCY[m[1]]}" if m[3] else f"{m[2]} {_CURRENCY[m[1]]}",
    examples=(
        Example("un utile di $4,5 miliardi.", "un utile di 4,5 miliardi di dollari.", "own"),
        Example("costa €20 e £5", "costa 20 euro e 5 sterline", "own"),
    ),
)

_WEEKDAYS_IT = "|".join(WEEKDAYS["it"])

# "on Tuesday" comes out "in martedì"; Italian names the day alone.
weekday_alone = Rewrite(
    "weekday_alone",
    "Italian says 'martedì', not 'in martedì'",
    regex.compile(rf"\b[Ii]n ({_WEEKDAYS_IT})\b"),
    r"\1",
    examples=(
        Example("Le azioni sono scese del 3% in martedì.", "Le azioni sono scese del 3% martedì.", "own"),
    ),
)

# "per cent" → Catalan "per cent" → "per centesimo"; Italian: "per cento".
per_cento = Rewrite(
    "per_cento",
    "'per cent' is 'per cento'",
    regex.compile(r"\bper centesimo\b"),
    "per cento",
    examples=(Example("è cresciuta del 2 per centesimo", "è cresciuta del 2 per cento", "own"),),
)

# French writes "15 %", Italian "15%"
percent_sign = Rewrite(
    "percent_sign",
    "'15 %' is '15%': Italian writes the percent sign against its number",
    regex.compile(r"(?<=\d)[ \u00a0\u202f]%"),
    "%",
    examples=(Example("sia 15 % di più", "sia 15% di più", "own"), Example("il 15%", "il 15%", "own")),
)


# eng-cat makes "Mr. Smith" "Signore Smith", "Mrs." "Signora"; Italian writes "il signor
# Smith", "la signora Smith" (the joins with a preposition follow: "del signor Smith")
def _title_of_address(m: regex.Match[str]) -> str:
    start = not m.string[: m.start()].strip() or m.string[: m.start()].rstrip()[-1] in '.!?:«“"'
    said = "il signor" if m[1] == "Signore" else "la signora"
    return (said[0].upper() + said[1:] if start else said) + " "


title_of_address = Rewrite(
    "title_of_address",
    "'Signore Smith' is 'il signor Smith', 'Signora Smith' 'la signora Smith'",
    regex.compile(r"(?<!\b(?:il|la|Il|La)\s)\b(Signore|Signora)\s(?=\p{Lu})"),
    _title_of_address,
    examples=(
        Example("Signore Smith ha detto", "Il signor Smith ha detto", "own"),
        Example("Conobbe Signora Brown ieri", "Conobbe la signora Brown ieri", "own"),
        Example("il signor Rossi", "il signor Rossi", "own"),
    ),
)

# a clock time after "a" takes the article: "alle 15:00", "all'una", "all'8:30"
time_article = Rewrite(
    "time_article",
    "a clock time takes the article: 'alle 15:00'",
    regex.compile(r"\b([Aa]) ((\d{1,2})[:.]\d{2})\b"),
    lambda m: m[1] + ("ll'" if m[3] in ("1", "8", "11") else "lle ") + m[2],
    examples=(
        Example("è stato arrestato a 15:00.", "è stato arrestato alle 15:00.", "dev:doc0015"),
        Example("a 8:30", "all'8:30", "own"),
    ),
)

# "more than 1,000" → Catalan "més de" → "più che 1.000"; before a number Italian says
# "più di", "meno di"; and "at least" → "com a mínim" → "come minimo", in news "almeno".
more_than = Rewrite(
    "more_than",
    "before a number: 'più di', 'meno di', 'almeno'",
    regex.compile(r"\b(?:([Pp]iù|[Mm]eno) che|([Cc])ome minimo)(?= \d)"),
    lambda m: f"{m[1]} di" if m[1] else ("A" if m[2] == "C" else "a") + "lmeno",
    examples=(
        Example("Più che 1.000 persone hanno assistito", "Più di 1.000 persone hanno assistito", "own"),
        Example("Come minimo 20 persone sono morte", "Almeno 20 persone sono morte", "own"),
        Example("più che mai e come minimo sorpreso", "più che mai e come minimo sorpreso", "own"),
    ),
)

# A Roman numeral read as an ordinal that starts with a vowel ("VIII" ottavo, "XI"
# undicesimo) elides the article: "dall'VIII secolo", not "dal VIII secolo".
ordinal_elision = Rewrite(
    "ordinal_elision",
    "the article elides before 'VIII' and 'XI' (ottavo, undicesimo): 'dall'VIII secolo'",
    regex.compile(r"\b([Dd]e|[Dd]a|[Aa]|[Nn]e|[Ss]u|[Ii])l (VIII|XI)\b"),
    lambda m: (m[1] + "ll'" if m[1].lower() != "i" else _like(m[1], "l'")) + m[2],
    examples=(
        Example(
            "fa parte della cultura giapponese dal VIII secolo",
            "fa parte della cultura giapponese dall'VIII secolo",
            "dev:doc0214",
        ),
        Example("La chiesa data del VIII secolo.", "La chiesa data dell'VIII secolo.", "own"),
        Example("nel XI secolo e il VIII", "nell'XI secolo e l'VIII", "own"),
        Example("nel XV secolo", "nel XV secolo", "dev:doc0094"),
    ),
)

# "but this too/also…" → Catalan "això també" → "ma questo anche ha…": Italian puts "anche"
# before the subject it adds ("ma anche questo ha…"). Only a subject pronoun opening a
# clause, where "anche" cannot belong to what follows.
anche_first = Rewrite(
    "anche_first",
    "'anche' goes before the subject it adds: 'ma anche questo'",
    regex.compile(
        r"(?:(?<=^)|(?<=[,;:]\s)|(?<=\b(?:[Mm]a|[Ee]|[Pp]erò|[Mm]entre)\s))"
        r"(questo|questa|questi|queste|quello|quella|lui|lei|loro|esso|essa|essi|esse) anche\b"
    ),
    r"anche \1",
    examples=(
        Example(
            "nel secondo set, ma questo anche ha richiesto un tie break",
            "nel secondo set, ma anche questo ha richiesto un tie break",
            "dev:doc0049",
        ),
        Example("Ma quello anche ha un costo.", "Ma anche quello ha un costo.", "own"),
        Example("parla con lui anche domani", "parla con lui anche domani", "own"),
    ),
)

# cat-ita writes the compound infinitive in full ("dopo avere vinto"); news Italian drops
# the final vowel there ("dopo aver vinto").
aver_truncated = Rewrite(
    "aver_truncated",
    "'dopo aver vinto': the compound infinitive after 'dopo' drops its final vowel",
    regex.compile(r"\b([Dd]opo|[Ss]enza) avere(?= \p{Ll})"),
    r"\1 aver",
    examples=(
        Example("Dopo avere vinto il set, ha pianso.", "Dopo aver vinto il set, ha pianso.", "own"),
        Example("senza avere raggiunto", "senza aver raggiunto", "own"),
        Example("per avere ragione", "per avere ragione", "own"),
    ),
)

# English puts a comma before the closing quotation mark, Italian after it; engines copy
# the English order ('"Siamo felici," ha detto').
comma_outside_quote = Rewrite(
    "comma_outside_quote",
    "Italian puts the comma after the closing quotation mark: '«Siamo felici», ha detto'",
    regex.compile(r",([\"”»])(?=\s)"),
    r"\1,",
    examples=(
        Example('"Siamo felici," il direttore ha detto', '"Siamo felici", il direttore ha detto', "own"),
        Example("«Basta,» disse, «ora»", "«Basta», disse, «ora»", "own"),
        Example('ha detto, "siamo pronti"', 'ha detto, "siamo pronti"', "own"),
    ),
)

# The written order: words first, then the joins of prepositions and articles, then the
# years and dates those joins make ("In il 15 agosto" → "Nel 15 agosto" → "Il 15 agosto"),
# then numbers and verbs. `tidy` runs them to a fixed point, so an order slip costs a
# round, not a fix.
RULES: tuple[Rewrite, ...] = (
    para_is_per,
    doubled_word,
    articulated_preposition,
    di_before_name,
    year_opening,
    year_article,
    date_form,
    day_article,
    decade,
    french_time,
    time_article,
    weekday_alone,
    more_than,
    big_numbers,
    currency_after,
    per_cento,
    percent_sign,
    verb_infinitive,
    aver_truncated,
    anche_first,
    ordinal_elision,
    comma_outside_quote,
    title_of_address,
)

# --- rules that read the source too -------------------------------------------------------

# (plural possessive, singular possessives) in the source language
_POSSESSIVES = {
    "en": (regex.compile(r"(?i)\btheir\b"), regex.compile(r"(?i)\b(?:his|her|hers|its|one's)\b")),
    "fr": (regex.compile(r"(?i)\bleurs?\b"), regex.compile(r"(?i)\b(?:son|sa|ses)\b")),
}
_SUO = regex.compile(r"\b(?:suo|sua|suoi|sue)\b")


def their_is_loro(source: str, lang: str, translation: str) -> str:
    """'their prey' → 'la loro preda', not 'la sua preda'.

    The Catalan and Spanish pivots have one possessive, "seu"/"su", for his, her, its and
    their, and it comes out as "suo/sua/suoi/sue". When every possessive of the source is
    the plural one ("their", "leur(s)"), each of them is Italian "loro" (invariable; the
    article stays: "i suoi" → "i loro")."""
    pattern = _POSSESSIVES.get(lang)
    if pattern is None or not _SUO.search(translation):
        return translation
    plural, singular = pattern
    if plural.search(source) and not singular.search(source):
        return _SUO.sub("loro", translation)
    return translation


_EN_THOUSANDS = regex.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
_EN_DECIMAL = regex.compile(r"(?<![\d.,])(\d+)\.(\d+)(?![\d\p{L}]|[.,]\d)")
_FR_THOUSANDS = regex.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|[ \u00a0\u202f]\d)")


# the words for a version or a section, whose numbers Italian writes with a period too
_NUMBERING = frozenset("versione version release sezione capitolo paragrafo".split())
_QUANTITY_AFTER = regex.compile(r"\s?(?:%|per\s?cento\b)")


def _numbered(m: regex.Match[str]) -> bool:
    """A decimal that names, not counts: after a name inside the sentence ("Web 2.0", "iOS
    17.2", "Unicode 3.0") or the word for a version or a section ("versione 2.1"), and not a
    percentage ("FTSE 100 1.2%")."""
    if _QUANTITY_AFTER.match(m.string, m.end()):
        return False
    before = m.string[: m.start()]
    word = regex.search(r"([\p{L}][\p{L}\d-]*)\s$", before)
    if word is None:
        return False
    w = word[1]
    if w.lower() in _NUMBERING:
        return True
    opens = before[: word.start()].rstrip()
    sentence_start = not opens or opens[-1] in '.!?:;«“"('
    return any(c.isupper() for c in w[1:]) or (w[0].isupper() and not sentence_start)


def italian_numbers(source: str, lang: str, translation: str) -> str:
    """'1,200' and '3.5' from English, '19 500' from French → Italian '1.200', '3,5', '19.500'.

    Engines copy numbers as they stand in the source; Italian groups thousands with a
    period and writes decimals with a comma. Only numbers that stand in the source too are
    rewritten, so a time or a version the engine produced is never touched."""
    if lang == "en":
        translation = _EN_THOUSANDS.sub(
            lambda m: m[0].replace(",", ".") if m[0] in source else m[0], translation
        )
        return _EN_DECIMAL.sub(
            lambda m: f"{m[1]},{m[2]}" if m[0] in source and not _numbered(m) else m[0], translation
        )
    if lang == "fr":
        return _FR_THOUSANDS.sub(
            lambda m: regex.sub(r"[ \u00a0\u202f]", ".", m[0]) if m[0] in source else m[0], translation
        )
    return translation


_POLICE = regex.compile(r"(?i)\bpolice\b(?!\s*(?:m[ae]n|wom[ae]n))")
_POLICE_FIXES = (
    (regex.compile(r"\b([Ii])l poliziotto\b"), lambda m: _like(m[1], "la polizia")),
    (regex.compile(r"\b([Ss])econdo polizia\b"), lambda m: _like(m[1], "secondo la polizia")),
    (regex.compile(r"\bufficial([ei]) poliziesc\p{L}*"), lambda m: f"agent{m[1]} di polizia"),
    (regex.compile(r"\bpoliziotto\b"), lambda m: "polizia"),
)


def police_is_polizia(source: str, lang: str, translation: str) -> str:
    """English "police" is the force, "la polizia"; the Catalan pivot's "policia" means the
    force or one officer, and comes out "il poliziotto" ("Police said…" → "Il poliziotto ha
    detto…"); "police officers" come out "ufficiali polizieschi" ("agenti di polizia")."""
    if lang != "en" or not _POLICE.search(source) or regex.search(r"(?i)\bpolicem[ae]n\b", source):
        return translation
    for pattern, repl in _POLICE_FIXES:
        translation = pattern.sub(repl, translation)
    return translation


SOURCE_RULES = (their_is_loro, italian_numbers, police_is_polizia)


def tidy(translation: str, source: str = "", lang: str = "") -> str:
    """A translation into Italian made right: the spacing rules fix engines' slips ('«
    especiació »', 'word ,'), the post-edit rules what Italian grammar settles ('in 2002' →
    'nel 2002'), and with the `source` text in `lang`, what the source settles ('their' →
    'loro')."""
    translation = fixed_point(spacing.RULES + RULES, translation)
    if source:
        for fix in SOURCE_RULES:
            translation = fix(source, lang, translation)
    return translation
