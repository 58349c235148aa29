"""Boilerplate a line shows by itself: the vocabulary of a site's interface in a short line,
dates, bylines, credits, legal footers, prompts and calls to action, breadcrumbs, an author's
tagline. Each rule reads one paragraph (and, for a few, the prose around it)."""

from __future__ import annotations

from collections.abc import Callable

import regex

from cleantext.caches import memo
from cleantext.detection.shape import guarded
from cleantext.repeats import dedup_key
from cleantext.rules import Example, LineTest, Rule
from cleantext.scrape.context import (
    CONTEXT_MIN_WORDS,
    FUNCTION_WORD_ZIPF,
    SENTENCE_MIN_WORDS,
    Context,
    ends_sentence,
    fact_line,
    lead_in,
    unquoted,
    words,
)
from cleantext.tokens import opens_lowercase
from cleantext.vocab import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    WEEKDAYS_UNACCENTED_IT,
)

_NUMERIC_DATE = regex.compile(r"\d+(?:[-/.]\d+)+")
_NUMERIC_TIME = regex.compile(r"\d+(?:[-/:.h]\d+)*")
_APOSTROPHE = regex.compile(r"['’]")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_LOWER_ID = regex.compile(r"\p{Ll}[\p{Ll}\p{N}_-]*")
_SHORT_WORD = regex.compile(r"\p{L}{1,2}")
_ONE_STEP_CRUMB = regex.compile(r"\s*\p{Lu}[^›>]{0,40}\s(?:›|>)\s\p{Lu}[^›>]{0,60}")


# Vocabulary cues. Each is a family of words users of any news site will recognise;
# they are matched as whole words inside *short* lines only, never inside article prose.
_CUES = {
    "comment form": r"comment[oi]|comments?|reply|rispondi|lascia una risposta|annulla risposta|"
    r"please enter|you have entered|inserisci (?:il tuo|la tua|un)|campo obbligatorio|"
    r"your (?:name|e-?mail|comment)|il tuo (?:nome|commento)|la tua e-?mail|required|obbligatori[oa]?",
    # (a field's mark alone: "Campo obbligatorio"; as a statement it is news, see `_form_mark`)
    "share buttons": r"condividi(?:mi)?|share|tweet|retweet|whatsapp|facebook|twitter|telegram|linkedin|"
    r"condividil[oa]|pinterest|pin it|instagram|tiktok|youtube|seguici|follow us|ascoltaci|listen on",
    "advertisement": r"advertisements?|pubblicit[àa]|sponsor(?:ed|izzato)?|spot_img|ads?|adv",
    "newsletter/cookie prompt": r"newsletter|cookies?(?: policy)?|iscriviti|subscribe|"
    r"privacy policy|informativa(?: sulla)? privacy|sign (?:in|up)|login|scarica l['’]app|"
    # (an imperative that is a noun or a participle too opens the line or a clause: "Abbonati
    # ora", "Hai già un account? Accedi", where "ai soli abbonati" and "gli utenti registrati"
    # name people; a news feed's headline, held out)
    r"(?<=(?:^|[.:!?;–—])\W*)(?:abbonati|registrati|accedi)",
}
_CUE_RES = {
    k: regex.compile(rf"(?<![\p{{L}}])(?:{v})(?![\p{{L}}])", regex.IGNORECASE) for k, v in _CUES.items()
}


STATEMENT_WORDS = 4  # words of a topic besides its cue make a line a statement, not a widget
KNOWN_WORD_ZIPF = 2.0  # ... each a word Italian or English text uses this much


def _cue_test(kind: str, topical_ok: bool, boxed: bool = False) -> Callable[[str, Context, Rule], bool]:
    """A short line built around one family of cue words, said by the line itself (a
    headline quoting "No comment" says no cue). With STATEMENT_WORDS words of a topic
    besides it, the line is a headline or a writer's sentence about the thing ("Commenti
    impulsivi e reazioni a caldo, la strage di Capodanno giudicata sui social…", a news
    feed; "EDIT: nel caso dovesse servirvi, trovate il js per implementare i commenti…", a
    blog; held out), where a widget has a verb and an object at most ("Lascia un commento")
    or speaks to the reader ("Il tuo indirizzo email non sarà pubblicato. I campi
    obbligatori sono contrassegnati *"). With `topical_ok`, a headline about the cue the
    article's prose uses ("Musk compra Twitter") is not a prompt either; with `boxed`, a
    line up to "box_words" long is one when the page prints it twice (`_printed_again`)."""
    cue = _CUE_RES[kind]

    def test(p: str, ctx: Context, rule: Rule) -> bool:
        n = len(words(p))
        if n == 0 or _is_prose(p, n) or lead_in(p):
            return False
        box = n > rule.limit("max_words")
        if box and not (boxed and n <= rule.limit("box_words")):
            return False
        said = unquoted(_unguarded(p))
        if not cue.search(said) or ctx.in_verse():
            return False
        if box:  # (after the cue: the page is read only for a line that holds one)
            return _printed_again(p, ctx)  # a box is no headline about its cue, long as it is
        if len(_topic_words(p, cue, known=True)) >= STATEMENT_WORDS and not _READER.search(said):
            return False
        return not (topical_ok and _topical(p, cue, ctx))

    return test


def _topic_words(p: str, cue: regex.Pattern[str], known: bool = False) -> list[str]:
    """The line's words besides its cue that say something of a topic (not function words);
    `known`: words Italian or English text uses, not another language's ("Abonnieren Sie
    jetzt den Themen-Newsletter", a German page's prompt, is no Italian statement)."""
    rest = words(cue.sub(" ", p))
    return [
        w
        for w in rest
        if w.isalpha()
        and len(w) >= 3
        and (z := _zipf_max(w.lower())) < FUNCTION_WORD_ZIPF
        and (not known or z >= KNOWN_WORD_ZIPF)
    ]


def _printed_again(p: str, ctx: Context) -> bool:
    """The page prints this line twice or more: a box of the site repeated on it ("Vuoi
    ricevere la nostra Newsletter con le novità su …?", above the article and below it; a
    news site on innovation, held out), longer than a button, every copy of it the site's."""
    return sum(q == p for q in ctx.paragraphs) >= 2


def _unguarded(p: str) -> str:
    """`p` without its paths, addresses and code, whose pieces are no cue words: the path
    "INSTALLDIR/share/config" (LibreOffice's Italian help) is no share button."""
    for a, b in reversed(guarded(p)):
        p = p[:a] + " " + p[b:]
    return p


_FIELD_MARK = regex.compile(r"(?<![\p{L}])(?:required|obbligatori[oa]?)(?![\p{L}])", regex.IGNORECASE)
_FORM_CUE = _cue_test("comment form", topical_ok=False)


_MARK_LAST = regex.compile(_FIELD_MARK.pattern + r"[\s)*:.]*$", regex.IGNORECASE)  # the mark ends the line


def _form_mark(p: str, ctx: Context, rule: Rule) -> bool:
    """A comment form's line; when its only cue is a field's mark ("obbligatorio"), the line
    is a label that ends on the mark or points at the form's asterisk ("Campo obbligatorio",
    "Email (obbligatorio)", "I campi obbligatori sono contrassegnati *"), not a statement
    ending as a sentence does ("La prenotazione è obbligatoria.") nor a title going on after
    it ("Un servizio obbligatorio per i giovani", a petition a news feed shares, held out)."""
    if not _FORM_CUE(p, ctx, rule):
        return False
    if _CUE_RES["comment form"].search(_FIELD_MARK.sub(" ", p)):
        return True
    return not ends_sentence(p) and ("*" in p or _MARK_LAST.search(p) is not None)


comment_form = LineTest(
    "comment_form",
    "comment form",
    test=_form_mark,
    thresholds=(("max_words", 18),),
    examples=(
        Example("Please enter your comment!", True, "samples"),
        Example("Lascia un commento", True, "own"),
        Example("Il commento del ministro sulla riforma è stato duro e ha sorpreso tutti.", False, "own"),
        Example("I campi obbligatori sono contrassegnati *", True, "own"),
        Example("La prenotazione è obbligatoria.", False, "own"),
        Example("Email (obbligatorio)", True, "own"),
        Example("Un servizio militare obbligatorio per i giovani", False, "own"),  # a petition's title
        Example("Per commenti o domande sul servizio scrivete a:", False, "own"),  # a lead-in
        # a headline about comments, a feed's item (shaped after a news feed's, held out)
        Example("Commenti velenosi sotto il post, il sindaco di Verona denuncia gli autori", False, "own"),
        Example("La domanda al ministro sui rincari e la risposta: 'No comment'", False, "own"),
    ),
)
# a line that opens on a thing named with its article, not the site's own ("Il nostro canale"):
# a headline or a caption about a post, where buttons speak to the reader or name the networks
_NAMED_THING = regex.compile(
    r"^\W*(?:(?:il|lo|la|i|gli|le)\s+|l['’]\s*)"
    r"(?!(?:nostr[oaie]|vostr[oaie]|tuo|tua|tuoi|tue|mio|mia|miei|mie)(?!\p{L}))\p{L}",
    regex.IGNORECASE,
)
_SHARE_CUE = _cue_test("share buttons", topical_ok=True)


def _share_buttons(p: str, ctx: Context, rule: Rule) -> bool:
    return _NAMED_THING.match(p) is None and _SHARE_CUE(p, ctx, rule)


share_buttons = LineTest(
    "share_buttons",
    "share buttons",
    test=_share_buttons,
    thresholds=(("max_words", 6),),
    examples=(
        Example("Condividi su Facebook", True, "own"),
        # a headline about a post (shaped after a news feed's, held out)
        Example("L'addio in un video su TikTok", False, "own"),
        Example("Seguici su Instagram", True, "own"),
        Example("Condividimi sui Social Network!", True, "own"),
        # a podcast's page, its platforms' buttons after it (held out)
        Example("Ascoltaci su", True, "own"),
        Example("INSTALLDIR/share/config", False, "own"),
        Example("Il video del crollo girato da un passante su TikTok", False, "own"),
    ),
)
advertisement = LineTest(
    "advertisement",
    "advertisement",
    test=_cue_test("advertisement", topical_ok=True),
    thresholds=(("max_words", 4),),
    examples=(Example("- Advertisement -spot_img", True, "samples"), Example("Sponsored", True, "own")),
)
newsletter_prompt = LineTest(
    "newsletter_prompt",
    "newsletter/cookie prompt",
    test=_cue_test("newsletter/cookie prompt", topical_ok=True, boxed=True),
    thresholds=(("max_words", 8), ("box_words", 25)),
    examples=(
        Example("Iscriviti alla newsletter", True, "own"),
        Example("Cookie Policy", True, "own"),
        Example("Abbonati ora", True, "own"),
        Example("La piattaforma limita ai soli abbonati l'uso dell'assistente", False, "own"),
        Example("Gli utenti registrati salgono a due milioni", False, "own"),
    ),
)


def _topical(p: str, cue: regex.Pattern[str], ctx: Context) -> bool:
    """A headline about the cue ("Musk compra Twitter" in an article on Twitter), not a
    prompt ("Condividi su Twitter"): the article's prose uses the cue word, and the line
    says something besides it (a word that is not a cue and not a function word)."""
    found = {w.lower() for m in cue.finditer(p) for w in words(m.group(0))}
    return bool(found & ctx.prose_words()) and bool(_topic_words(p, cue))


@memo(100_000)
def _zipf_max(word: str) -> float:
    """How common a word is in Italian or English: function words score above 5."""
    from cleantext.freq import zipf

    return max(zipf(word, "it"), zipf(word, "en"))


def _is_prose(p: str, n: int) -> bool:
    """A real sentence: several words, ends with a period, not shouting."""
    return n >= SENTENCE_MIN_WORDS and p.rstrip('”»"’ ').endswith((".", "…")) and not p.isupper()


_COPYRIGHT = regex.compile(
    r"©|\(c\)\s*\d{4}|riproduzione riservata|all rights reserved|diritti riservati|copyright",
    regex.IGNORECASE,
)


copyright_line = LineTest(
    "copyright_line",
    "copyright",
    # (a sentence that announces what follows is prose: "ecco come il file di copyright del
    # pacchetto dovrebbe apparire:", Debian's New Maintainers' Guide)
    test=lambda p, ctx, rule: (
        len(words(p)) <= rule.limit("max_words") and bool(_COPYRIGHT.search(p)) and not lead_in(p)
    ),
    thresholds=(("max_words", 15),),
    examples=(
        Example("© RIPRODUZIONE RISERVATA", True, "own"),
        Example("Copyright © 2024 Example. Tutti i diritti riservati.", True, "own"),
        Example("Ecco come dovrebbe apparire il file di copyright del pacchetto:", False, "own"),
    ),
)


_MONTHS = " ".join(w.lower() for ws in (*MONTHS.values(), *MONTH_ABBREVIATIONS.values()) for w in ws)
_DAYS = " ".join(
    w.lower()
    for ws in (*WEEKDAYS.values(), WEEKDAYS_UNACCENTED_IT, *WEEKDAY_ABBREVIATIONS.values())
    for w in ws
)
_DATE_WORDS = frozenset(
    (
        _MONTHS + " " + _DAYS + " ore alle h am pm il del di aggiornato aggiornata pubblicato pubblicata "
        "updated published ultimo aggiornamento oggi ieri cet gmt utc fa ago minuto minuti ora ore last on "
        "giorno giorni settimana settimane mese mesi minute minutes hour hours day days week weeks"
    ).split()
)


# A quantity, never part of a date: thousands grouped ("1.200.000"), a decimal comma
# ("3,5"), a percentage or a currency ("45%", "€ 12") — a table row of figures, not a date
_QUANTITY = regex.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|\d,\d{1,2}(?!\d)|[%€$£]")


def _date_line(p: str, ctx: Context, rule: Rule) -> bool:
    """A line that is nothing but a date and/or time ("venerdì, Aprile 18, 2024"); one that
    ends with a period is a sentence of the text ("Lunedì 16 dicembre 2013."), and one with
    a quantity in it is a row of figures ("| 2023 | 1.200.000 |", with --html-tables)."""
    toks = words(p)
    if not toks or len(toks) > rule.limit("max_words") or p.rstrip().endswith("."):
        return False
    if _QUANTITY.search(p):
        return False
    has_date = any(t.isdigit() or t.lower() in _DATE_WORDS or _NUMERIC_DATE.fullmatch(t) for t in toks)
    all_date = all(t.isdigit() or t.lower() in _DATE_WORDS or _NUMERIC_TIME.fullmatch(t) for t in toks)
    return has_date and all_date and any(c.isdigit() for c in p)


date_line = LineTest(
    "date_line",
    "date line",
    test=_date_line,
    thresholds=(("max_words", 10),),
    examples=(
        Example("giovedì, Aprile 18, 2024", True, "samples"),
        Example("Aggiornato alle 12:30", True, "own"),
        Example("Lunedì 16 dicembre 2013.", False, "lingua"),
        Example("18.04.2024 - 12.30", True, "own"),
        Example("| 2023 | 1.200.000 |", False, "own"),
        Example("2022 3,5 4,1", False, "own"),
        Example("Aprile 18,2024", True, "own"),
    ),
)


_READ_ALSO = regex.compile(
    r"(?i:^\s*(?:leggi anche|leggi pure|leggi l['’]articolo|ti potrebbe(?:ro)? interessare|"
    r"potrebbe(?:ro)? interessarti|vedi anche|guarda anche|guarda il video|approfondisci|"
    r"articol[oi] correlat[oi]|continua a leggere|read also|read more|see also|related|"
    r"(?:ti |vi )?potrebbe(?:ro)? (?:anche )?piacer(?:ti|vi)|you (?:may|might) also like)"
    r"(?:\s+anche|\s+also)?\b\s*(?:[:»›>\-–—]|$))"
    # or the link's headline right after it, capitalised ("Leggi anche Joe Biden è il nuovo
    # presidente"; ours, after a news site's page): "Leggi anche le ultime notizie" is a sentence
    r"|^\s*(?i:leggi anche|vedi anche|guarda anche|read also|see also)\s+(?=\p{Lu})",
)


read_also = LineTest(
    "read_also",
    "related link",
    test=lambda p, ctx, rule: bool(_READ_ALSO.search(p)),
    examples=(
        Example("Leggi anche: Biden-Putin: atteso oggi il summit online", True, "samples"),
        Example("Leggi anche le ultime notizie sulla manovra", False, "own"),
        Example("Leggi anche Joe Biden è il nuovo presidente degli Stati Uniti", True, "own"),
        Example("Potrebbe interessarti anche: Il governo cade", True, "own"),
    ),
)


_SECTION_WORDS = frozenset(
    """related latest recent popular trending most read more top articles article posts post news
    stories videos video tags tag categories category archive archivio menu articoli articolo correlati
    ultimi ultime ultim'ora notizie più letti lette recenti popolari in evidenza primo piano altri altre
    dalla stessa sezione you may also like potrebbe interessarti consigliato consigliata consigliate
    consigliati scelti te""".split()
)


# The words of a site's own interface, in Italian and English: menus, buttons, pagers,
# form fields. A short line made of nothing else ("Articolo precedente", "Torna su",
# "Nome *", "Skip to content", "Loading...") is the page talking about itself.
_NAV_WORDS = frozenset(
    """menu cerca ricerca chiudi apri stampa invia email e-mail mail torna inizio vai contenuto
    contenuti caricamento leggi tutto tutti continua mostra altro altri altre carica successivo
    successiva precedente articolo articoli notizia notizie pagina pagine tag argomenti argomento
    categorie categoria sezioni sezione redazione sei qui lettura tempo minuti min nome sito web
    commenta primo scarica app nostra nostro nostre nostri più letti lette visti
    popolari potrebbe interessarti anche consigliati ultime ultimi correlati correlate video foto
    gallery fotogallery podcast accedi registrati esci abbonati profilo rispondi annulla vedi
    search close open print send back top skip content main loading read more full story show
    load next previous prev article articles post posts page pages tags topics categories category
    sections staff you are here minute minutes reading time name website comment comments download
    our most popular recommended trending now related latest recent news videos photos home sign
    log out subscribe profile reply cancel also like may clicca qui fai clic click here ascolta
    listen this questo questa contatti contattaci contact submit ok accetta accetto rifiuta reject
    accept sottoscrivi saperne informazioni maggiori learn homepage go address indirizzo gratis
    gratuitamente ricevi free continues below sotto completo completa leggere cliccati stessa from
    author autore annuncio annunci sponsorizzati sponsorizzato pubblicità advertisement adv ads
    perdere piacerti approfondire resta aggiornato aggiornati mi piace simili scopri password
    dimenticata dimenticato ricordami registrato registrata ancora cita segnalazione indietro
    avanti copia link copiato aggiungi preferiti salva cura join other subscribers unisciti iscritti
    archives archivi archivio entries feed""".split()
)
_NAV_GLUE = frozenset(
    """il lo la i gli le l di del della dell dei delle dalla per a al alla all ai agli alle in
    nel nella e da dal dall su sull sul sulla non the to of and for on by""".split()
)


def _site_words(p: str, rule: Rule) -> list[str] | None:
    """The content words of a short line that is not a sentence, or None."""
    if len(words(p)) > rule.limit("max_words"):
        return None  # every word gives one token or more: too long (told before any look-up)
    if p.rstrip('”»"’) ').endswith(".") and not p.rstrip().endswith("..."):
        return None  # a sentence, not a button
    toks = []
    for w in words(p):
        w = w.lower()  # "ultim'ora" is one word, "l'app" two
        toks.extend([w] if w in _SECTION_WORDS or w in _NAV_WORDS else [t for t in _APOSTROPHE.split(w) if t])
    # digits may stand in a pager or a reading time ("Pagina 1 di 3", "4 min di lettura")
    content = [t for t in toks if t not in _NAV_GLUE and not t.isdigit()]
    return content if content and len(toks) <= rule.limit("max_words") else None


related_header = LineTest(
    "related_header",
    "related/latest header",
    test=lambda p, ctx, rule: bool(c := _site_words(p, rule)) and all(t in _SECTION_WORDS for t in c),
    thresholds=(("max_words", 6),),
    examples=(
        Example("Related Articles", True, "samples"),
        Example("Ultime notizie", True, "own"),
        Example("Consigliato per te", True, "own"),  # (ours, after a sports site's page)
    ),
)
site_navigation = LineTest(
    "site_navigation",
    "site navigation",
    test=lambda p, ctx, rule: (
        bool(c := _site_words(p, rule))
        and all(t in _NAV_WORDS or t in _SECTION_WORDS for t in c)
        and not _work_card(ctx, rule)  # "Pagine: 320" on a book's card
        and not ctx.in_exchange()  # "Tutto qui?" before a blog's answer (held out)
    ),
    thresholds=(("max_words", 6), ("label_max_words", 8), ("card_labels", 2)),
    examples=(
        Example("Articolo successivo", True, "own"),
        Example("Pagina 1 di 3", True, "own"),
        Example("Torna su", True, "own"),
        Example("Le notizie della settimana", False, "own"),
    ),
)


_LABEL = regex.compile(
    r"^\s*(?:tags?|argomenti|categori[ae]|parole chiave|keywords|topics|sei qui|you are here|"
    r"posted in|filed under|pubblicato in|archiviato in|tempo di lettura|reading time|"
    r"sezione|section|rubrica|ultimo aggiornamento|last updated)\s*[:：»›>]\s*\S",
    regex.IGNORECASE,
)


label_line = LineTest(
    "label_line",
    "metadata line",
    test=lambda p, ctx, rule: len(words(p)) <= rule.limit("max_words") and bool(_LABEL.search(p)),
    thresholds=(("max_words", 25),),
    examples=(
        Example("Tag: Russia, Cina", True, "own"),
        Example("Argomenti: manovra, pensioni", True, "own"),
        Example("Parole chiave: energia, gas", True, "own"),
        Example("Ultimo aggiornamento: Domenica", True, "own"),  # (ours, after a daily's page)
    ),
)


# the lead in lower case ("di", "by") or as English capitalises it ("By"): "Di Maio" is a name
_BYLINE = regex.compile(
    r"^\s*(?:di|by|By|[Pp]osted by|[Ss]critto da|[Ww]ritten by|[Aa] cura di|[Aa]rticolo di|"
    r"[Tt]esto di|[Pp]ubblicato da|[Pp]ublished by)\s+(?P<names>\S.*)$"
)
_BYLINE_GLUE = frozenset("admin redazione staff e and &".split())


def _byline(p: str, ctx: Context, rule: Rule) -> bool:
    """'di Mario Rossi', 'Posted by admin': the author's name on a line of its own."""
    m = _BYLINE.match(p)
    if not m or len(words(p)) > rule.limit("max_words"):
        return False
    names = words(m["names"])
    return bool(names) and all(w[0].isupper() or w.lower() in _BYLINE_GLUE for w in names)


byline = LineTest(
    "byline",
    "byline",
    test=_byline,
    thresholds=(("max_words", 8),),
    examples=(
        Example("di Mario Rossi", True, "own"),
        Example("Posted by admin", True, "own"),
        Example("Di Maio", False, "own"),
    ),
)


# Words of a site's forms and banners (comment forms, cookie banners, sign-ups), by family.
_PROMPT_FAMILIES = {
    "email": r"e-?mail",
    "address": r"indirizzo|address",
    "name": r"nome|name",
    "site": r"sito(?: web)?|website|web ?site|site",
    "browser": r"browser",
    "comment": r"comment[aoi]|comments?|commentare",
    "published": r"pubblicat[oa]|pubblicazione|published",
    "required": r"obbligatori[oa]?|required|campi|fields",
    "notify": r"notific\p{L}*|avvisami|notify|notifications?",
    "followup": r"follow-?up",
    "save": r"salva|save",
    "cookie": r"cookies?",
    "experience": r"esperienza|experience",
    "browsing": r"navigazione|browsing",
    "consent": r"consenso|consent|accett[ao]|accept",
    "profiling": r"profilazione|tracking",
    "privacy": r"privacy",
    "newsletter": r"newsletter",
    "subscribe": r"iscriviti|iscriverti|subscribe|abbonati",
    "login": r"accedi|login|log in|logged in|registrati|register|sign (?:in|up)|password|account|"
    r"conness[oa]",
    "send": r"invia(?:re)?|submit|post",
    "click": r"clicca(?:re)?|click|tap",
    "player": r"video|audio|player|javascript|html5|iframe",  # an embedded player's own messages
    "support": r"support(?:s|ed)?|supporta|abilita(?:re|to)?|enabled?|disabled|disabilitat[oa]",
    "region": r"(?:your|tuo|vostro) (?:country|paese)|region|regione",
    "available": r"available|unavailable|disponibile",
}
_PROMPT_WORDS = {
    k: regex.compile(rf"(?<![\p{{L}}])(?:{v})(?![\p{{L}}])", regex.IGNORECASE)
    for k, v in _PROMPT_FAMILIES.items()
}
# All families in one pass (a line's families are those of its matches): no family's word
# starts inside another's phrase ("web" of "sito web", "in" of "log in", "mail" of "e-mail"
# begin none), so the matches found one after the other miss no family
_ANY_PROMPT_WORD = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _PROMPT_FAMILIES.items()) + r")(?![\p{L}])",
    regex.IGNORECASE,
)


_READER = regex.compile(
    r"(?<![\p{L}])(?:your|you|my|me|our|tuo|tua|tuoi|tue|mio|mia|miei|ti|vostr[oaie]|devi|puoi|hai|vuoi|"
    r"avvisami|notificami)"
    r"(?![\p{L}])",
    regex.IGNORECASE,
)


def _prose_to_no_one(p: str, n: int) -> bool:
    """A sentence of the article that does not speak to the reader: never a prompt or a
    call to action, whatever site words it holds."""
    return _is_prose(p, n) and not _READER.search(p)


def _site_prompt(p: str, ctx: Context, rule: Rule) -> bool:
    """A form or banner sentence: three or more families of site words in one line ("Salva il
    mio nome, email e sito web in questo browser…", "This website uses cookies…"). Written
    as a sentence, it must also speak to the reader ("your", "il mio"), as news prose does
    not; and an article about such things uses the same words in its prose: then it stays."""
    n = len(words(p))
    if n == 0 or n > rule.limit("max_words"):
        return False
    if _prose_to_no_one(p, n):
        return False  # (before the families: most short lines of an article are its sentences)
    hits = {m.lastgroup for m in _ANY_PROMPT_WORD.finditer(p)}
    if len(hits) < rule.limit("min_families"):
        return False
    others = [
        q for i, q in enumerate(ctx.paragraphs) if i != ctx.index and len(words(q)) >= CONTEXT_MIN_WORDS
    ]
    elsewhere = {k for k in hits if any(_PROMPT_WORDS[k].search(q) for q in others)}
    return len(elsewhere) < 2


site_prompt = LineTest(
    "site_prompt",
    "site prompt",
    test=_site_prompt,
    thresholds=(("max_words", 30), ("min_families", 3)),
    examples=(
        Example(
            "Salva il mio nome, email e sito web in questo browser per la prossima volta che commento.",
            True,
            "own",
        ),
        Example("This website uses cookies to improve your experience.", True, "own"),
        Example("We use cookies to improve your experience on our site.", True, "own"),
        Example("Your browser does not support the video tag.", True, "own"),
        Example("This video is not available in your country.", True, "own"),
        Example(
            "Il video è stato pubblicato sul sito della regione e ha fatto il giro del web.", False, "own"
        ),
    ),
)


# Service pages and buttons whose words are too ordinary to list one by one ("condizioni").
_SITE_PHRASE = regex.compile(
    r"^\W*(?:termini e condizioni|termini (?:di|del) servizio|terms (?:of (?:service|use)|and conditions)|"
    r"chi siamo|about us|lavora con noi|careers|segnala (?:un errore|abuso|un abuso)|"
    r"report (?:an error|abuse)|"
    r"note legali|informativa|mappa del sito|sitemap|riproduzione vietata|vietata la riproduzione|"
    r"(?:content|story|article) continues (?:below|after)(?: \w+)?|"
    # a page's skip link, with the key that follows it ('Press "Enter" to skip to content')
    r"(?:press \W*\w+\W* to )?skip to (?:the )?(?:main )?content)\W*$",
    regex.IGNORECASE,
)

# Italian publishers' legal footer: court registration, editor in charge, ROC entry ...
_LEGAL = regex.compile(
    r"(?<![\p{L}])(?:registrazion[ea] (?:presso il )?tribunale|reg\.? trib|aut\.? trib|testata giornalistica|"
    r"direttore responsabile|iscrizione (?:al )?roc)(?![\p{L}])",
    regex.IGNORECASE,
)
# ... or a tax number, named with the number itself or the company's form: news names the tax
# code and the VAT number too ("L'Inps apre la misura ai giovani disoccupati con Partita Iva: 500
# euro al mese", a news feed; "Digitare il proprio codice fiscale, prego.", Debian's fortunes)
_TAX_ID = regex.compile(
    r"(?<![\p{L}])(?:p\.?\s?iva|partita iva|codice fiscale|c\.f\.)(?![\p{L}])", regex.IGNORECASE
)
_TAX_NUMBER = regex.compile(
    r"(?<![\p{L}\p{N}])(?:\d{11}|\p{Lu}{6}\d\d\p{Lu}\d\d\p{Lu}\d{3}\p{Lu})(?![\p{L}\p{N}])"
    r"|(?<![\p{L}])(?:s\.?r\.?l|s\.?p\.?a|s\.?a\.?s|s\.?n\.?c)(?![\p{L}])|©",
    regex.IGNORECASE,
)


def _legal(p: str) -> bool:
    """A legal footer's cue: a registration or an editor in charge, or a tax number given."""
    return bool(_LEGAL.search(p)) or (bool(_TAX_ID.search(p)) and bool(_TAX_NUMBER.search(p)))


# A call to action: an imperative the site says to the reader, about the site itself
# ("Clicca qui per…", "Segui le ultime notizie sul nostro canale", "Get the latest news…").
# (a click for something, or a "read on", says it alone: "clicca per guardare tutte le foto
# della gallery", "Continua a leggere il report completo: CARBONSINK"; news sites, held out.
# A click on something is a manual's step, and so is one to do something in its English:
# "Click Remove in the confirmation dialog", "Click su 'Continue'", "Click to choose Light
# or Dark.", "Tap to click", GNOME's and Debian Edu's help)
_CLICK = regex.compile(
    r"^\W*(?:(?:clicca|cliccate|fai clic) per|continua a leggere|continue reading|read more|leggi tutto)\b",
    regex.IGNORECASE,
)
_CALL = regex.compile(
    r"^\W*(?:clicca|cliccate|fai clic|click|tap|tocca|scarica|download|iscriviti|subscribe|segui|seguici|"
    r"follow|leggi (?:anche|qui|tutto|l['’]articolo|la notizia|di più)|continua a leggere|read|guarda|"
    r"watch|ascolta|listen|"
    r"scopri|discover|join|registrati|sign up|get|ricevi)\b",
    regex.IGNORECASE,
)
# what the call is about: the site's own things ("qui", "newsletter", a social network), or a
# channel, page or article that the site calls its own ("sul nostro canale", "this page")
_SITE_THING = regex.compile(
    r"(?<![\p{L}])(?:qui|here|inbox|newsletter|app|facebook|twitter|telegram|whatsapp|instagram|"
    r"google news|youtube|tiktok|linkedin|feed|podcast|(?:nuova|new) (?:finestra|window)|"
    r"(?:nostr[oaie]|our|questo|questa|this|l['’])\s*(?:canale|channel|sito|site|pagina|page|articolo|"
    r"article|notizie|news|link))(?![\p{L}])",
    regex.IGNORECASE,
)
# where the article was first printed: a republication credit
_REPUBLISHED = regex.compile(
    r"originally published|first published|first appeared|pubblicato originariamente|"
    r"originariamente pubblicato|apparso (?:originariamente|per la prima volta)|"
    r"pubblicato per la prima volta|^\W*(?:additional )?(?:reporting|editing|writing) by\b",
    regex.IGNORECASE,
)


_NEW_WINDOW = regex.compile(
    r"(?:si apre in una nuova finestra|opens in (?:a )?new (?:window|tab))", regex.IGNORECASE
)


service_link = LineTest(
    "service_link",
    "service link",
    test=lambda p, ctx, rule: bool(_SITE_PHRASE.match(p)),
    examples=(
        Example("Chi siamo", True, "own"),
        Example("Termini e condizioni", True, "own"),
        # ours, after a blog's skip link (held out)
        Example('Press "Enter" to skip to content', True, "own"),
        Example("Press Enter to skip this step and see the content.", False, "own"),
    ),
)
new_window_button = LineTest(
    "new_window_button",
    "new-window button",
    test=lambda p, ctx, rule: len(words(p)) <= rule.limit("max_words") and bool(_NEW_WINDOW.search(p)),
    thresholds=(("max_words", 20),),
    examples=(Example("Fai clic per condividere su Facebook (Si apre in una nuova finestra)", True, "own"),),
)


def _call_to_action(p: str, ctx: Context, rule: Rule) -> bool:
    n = len(words(p))
    return (
        n <= rule.limit("max_words")
        and not _prose_to_no_one(p, n)  # (before its word searches)
        and bool(_CALL.search(said := unquoted(p)))  # a headline quoting a phishing mail's "Clicca qui"
        and (bool(_CLICK.search(said)) or bool(_SITE_THING.search(said)))
    )


call_to_action = LineTest(
    "call_to_action",
    "call to action",
    test=_call_to_action,
    thresholds=(("max_words", 15),),
    examples=(
        Example("Clicca qui per leggere l'articolo completo", True, "own"),
        Example("Segui le ultime notizie sul nostro canale Telegram", True, "own"),
        Example("Click here to subscribe to our newsletter.", True, "own"),
        Example("Clicca per ingrandire l'immagine", True, "own"),
        Example("Tocca il cielo con un dito", False, "own"),
        Example('"Clicca qui per il rimborso". La truffa via sms che svuota i conti', False, "own"),
        Example("Clicca su Rimuovi nella finestra di conferma", False, "own"),
    ),
)
republication_credit = LineTest(
    "republication_credit",
    "republication credit",
    test=lambda p, ctx, rule: len(words(p)) <= rule.limit("max_words") and bool(_REPUBLISHED.search(p)),
    thresholds=(("max_words", 20),),
    examples=(Example("Questo articolo è stato pubblicato originariamente su Example News.", True, "own"),),
)
legal_footer = LineTest(
    "legal_footer",
    "legal footer",
    test=lambda p, ctx, rule: (
        (n := len(words(p))) <= rule.limit("max_words") and not _is_prose(p, n) and _legal(p)
    ),
    thresholds=(("max_words", 25),),
    examples=(
        Example("Example Srl - P.IVA 01234567890", True, "own"),
        Example("Testata giornalistica registrata presso il Tribunale di Roma n. 12/2010", True, "own"),
        Example("Il fisco cambia le regole per chi apre la Partita Iva nel 2026", False, "own"),
        Example("Dal Codice fiscale alla carta d'identità, l'anagrafe compie dieci anni", False, "own"),
    ),
)


_FOOTER = regex.compile(
    r"powered by|auto publish|wordpress|plugin|akismet|theme by|theme\s*[:：]|designed by|developed by|"
    r"generated by|"
    r"\b[\w-]+scripts?\.(?:com|net|org)\b",
    regex.IGNORECASE,
)


def _plugin_footer(p: str, ctx: Context, rule: Rule) -> bool:
    n = len(words(p))
    if n > rule.limit("max_words") or not (m := _FOOTER.search(p)):
        return False
    # news about WordPress or a plug-in, not a footer: a sentence's length is enough, a
    # period or not ("Le impostazioni necessarie in un plugin LDAP di pGina sono quindi le
    # seguenti", before its list; Debian Edu's manual); and "powered by", "designed by" … in a
    # sentence ("un assistente hi-tech (powered by artificial intelligence) per gli ospedali.";
    # ours, after MarkIT's essays)
    if n < SENTENCE_MIN_WORDS:
        return True
    cue = m.group().lower()
    # (an Italian sentence: a footer's "powered by" stands in an English one too: "Please
    # enable JavaScript to view the comments powered by Disqus."; a politics page, held out)
    prose = cue.endswith(" by") and _is_prose(p, n) and not _BARS.search(p) and _italian(p)
    return not (cue in ("wordpress", "plugin") or prose)


def _italian(p: str) -> bool:
    """Two Italian grammar words or more ("il", "di", "della"): an Italian sentence."""
    from cleantext.freq import grammar_of

    return sum(grammar_of(w.lower(), "it", "en") for w in words(p)) >= 2


_BARS = regex.compile(r"\s[|·•]\s")


plugin_footer = LineTest(
    "plugin_footer",
    "plug-in footer",
    test=_plugin_footer,
    thresholds=(("max_words", 16),),
    examples=(
        Example("WP2Social Auto Publish Powered By : XYZScripts.com", True, "samples"),
        Example(
            "WordPress ha rilasciato la versione 6.0 del suo software, usata da milioni di siti.",
            False,
            "own",
        ),
        Example("Per attivarlo servono queste impostazioni nel plugin di accesso", False, "own"),
        Example("Social sharing plugin by XYZ", True, "own"),
        Example(
            "Il progetto vuole un assistente hi-tech (powered by artificial intelligence) per tutti.",
            False,
            "own",
        ),
        Example("Proudly powered by Example CMS.", True, "own"),
        Example("Please enable JavaScript to view the comments powered by Example.", True, "own"),
    ),
)


_CREDIT = regex.compile(
    r"^\s*(?:\p{L}+\s+)?(?:fonte|fonti|traduzione|tradotto da|traduzione a cura di|foto|photo|credits?|"
    r"source|immagine|image|video|autore|author|a cura di|testo)\s*[:：]\s*\S",
    regex.IGNORECASE,
)


# the words a photo's credit opens with (here and in `leftover.signed`)
PHOTO_WORDS = r"foto|photo|ph|immagine|image|credits?"
# a photo credit without a colon: "(Foto Ansa)", "Foto di Mario Rossi", "Ph: Reuters"
_PHOTO = regex.compile(
    rf"^\W*(?:{PHOTO_WORDS})\b[\s.:]*(?:(?:di|by)\s+)?(?:\p{{Lu}}|repertorio\b|archivio\b)",
    regex.IGNORECASE,
)
# Wire services and picture agencies: a line naming only them is a credit ("ANSA", "Getty Images").
_AGENCY = (
    r"(?:ansa|agi|adnkronos|lapresse|askanews|dire|ipa|imagoeconomica|reuters|afp|ap|associated press|"
    r"getty(?: images)?|shutterstock|istock(?:photo)?|epa|efe|dpa|xinhua|tass|ria novosti|kyodo|bloomberg)"
)
_AGENCIES_ONLY = regex.compile(rf"{_AGENCY}(?:[\s/|,()©-]+{_AGENCY})*", regex.IGNORECASE)
_DATELINE = regex.compile(rf"\({_AGENCY}\)", regex.IGNORECASE)  # "ROMA (ANSA) -"


def _credit_line(p: str, ctx: Context, rule: Rule) -> bool:
    """'Fonte: Press Tv', 'Traduzione: Luciano Lago', 'Foto: Ansa', '(Foto Ansa)', 'ANSA/EPA'.
    Not a line of a work's card, whose author or translator is the work's."""
    n = len(words(p))
    return (
        (n <= rule.limit("label_max_words") and bool(_CREDIT.search(p)) and not _work_card(ctx, rule))
        or (n <= rule.limit("photo_max_words") and bool(_PHOTO.search(p)))
        or (n <= rule.limit("dateline_max_words") and bool(_DATELINE.search(p)))  # a wire dateline alone
        or (
            n <= rule.limit("agency_max_words")
            and bool(_AGENCIES_ONLY.fullmatch(regex.sub(r"^[\s(©]+|[\s)]+$", "", p)))
        )
    )


def _work_card(ctx: Context, rule: Rule) -> bool:
    """The line is one of a run of "Label: value" lines, `card_labels` or more of them about
    something other than credits, the page's metadata (`label_line`) and links to other
    stories ("Leggi anche: …", which go whatever stands beside them): a review's card of
    the work ("Autore: Cameron Jace", "Sottotitolo: …", "Lingua: inglese", "Genere:
    distopico", "Prima pubblicazione: 2014"; a book blog, held out), where the author, the
    translator and the pages are the work's, not the page's."""
    ps, i = ctx.paragraphs, ctx.index

    def card(k: int) -> bool:
        return len(words(ps[k])) <= rule.limit("label_max_words") and fact_line(ps[k])

    if not card(i):  # ("HOME" over a card's line is no line of it; the fuzzer's "HOME | ANCHE:0")
        return False
    lo, hi = i, i
    while lo > 0 and card(lo - 1):
        lo -= 1
    while hi + 1 < len(ps) and card(hi + 1):
        hi += 1
    # its lines, each once as the repeat check reads them: a copy that check drops must not
    # change the card's reading (the fuzzer's "E''I ANCHE:0" twice, and after ":E''I ANCHE:0")
    about = {
        dedup_key(ps[k])
        for k in range(lo, hi + 1)
        if not (_CREDIT.search(ps[k]) or _LABEL.search(ps[k]) or _READ_ALSO.search(ps[k]))
    }
    return len(about) >= rule.limit("card_labels")


credit_line = LineTest(
    "credit_line",
    "credit line",
    test=_credit_line,
    thresholds=(
        ("label_max_words", 8),
        ("photo_max_words", 6),
        ("dateline_max_words", 5),
        ("agency_max_words", 4),
        ("card_labels", 2),
    ),
    examples=(
        Example("Fonte: Press Tv", True, "samples"),
        Example("(Foto Ansa)", True, "own"),
        Example("ANSA/EPA", True, "own"),
    ),
)


def _stray_token(p: str, ctx: Context, rule: Rule) -> bool:
    """A paragraph that is one lowercase token (a site tag or signature), a row of one- and
    two-letter tokens (social icons printed as text: "f t w") or symbols alone (a form's
    hidden "Δ"), never article text."""
    s = p.strip()
    if len(s) == 1 or (s and not _ALNUM.search(s)):
        return True
    if _LOWER_ID.fullmatch(s):
        return True
    if len(s) > 2 and not (s[1].isspace() or s[2].isspace()):
        return False  # a first token of three characters or more: not a row of short ones
    toks = s.split()
    return len(toks) >= 2 and all(_SHORT_WORD.fullmatch(t) for t in toks) and len(set(toks)) == len(toks)


stray_token = LineTest(
    "stray_token",
    "stray token",
    test=_stray_token,
    examples=(
        Example("veronulla", True, "samples"),
        Example("f t w", True, "own"),
        Example("in f t w", True, "own"),
        Example("Δ", True, "own"),
        Example("Tel 06 12", False, "own"),
    ),
)


_BREADCRUMB_SEP = regex.compile(r"\s[›»>/|]\s|\s›|›\s")
# "[ a | b ]", "{ a | b }" (no bracket inside: each search stops at the next one, linear)
_ALTERNATIVES = regex.compile(r"[\[{][^\[\]{}]*\|[^\[\]{}]*[\]}]")
# the home link's word is any case; the next step must really be capitalised
# ("Startpunkt ist…", "Inizio lavori a marzo." are sentences)
_HOME = regex.compile(r"^\s*(?i:home(?:page)?|start|inizio)\b\s*(?:[›»>/|\-–—]\s*)?\p{Lu}")


def _breadcrumb(p: str, ctx: Context, rule: Rule) -> bool:
    """'Home › Esteri › Title' or 'Home Facts Title': navigation printed as text."""
    if _HOME.search(p) and p.lstrip()[:1].isupper():
        return True
    n = len(words(p))  # (the length first: a paragraph of prose is not searched)
    if n > rule.limit("max_words") or _ALTERNATIVES.search(p):
        return False  # (choices in brackets: a command's synopsis, "aptitude [ install | remove ]")
    steps = _BREADCRUMB_SEP.split(p)
    if len(steps) >= 3:  # two separators or more
        # the steps before the page's own title are section names: a clause before a
        # slash is prose ("stare almeno 100 metri / metri lontano", real MT output), and so
        # are alternatives in lowercase ("in treno / autobus / metropolitana", a blog's
        # sentence, held out): prose writes them with slashes, navigation names its
        # sections with capitals
        slashes = "/" in _BREADCRUMB_SEP.findall(p)[0]
        return all(
            len(words(step)) <= rule.limit("max_step_words") and not (slashes and opens_lowercase(step))
            for step in steps[:-1]
        )
    # "Esteri › Asia": one step, a rare sign outside navigation
    return n <= rule.limit("one_step_max_words") and bool(_ONE_STEP_CRUMB.fullmatch(p))


breadcrumb = LineTest(
    "breadcrumb",
    "breadcrumb",
    test=_breadcrumb,
    thresholds=(("max_words", 25), ("one_step_max_words", 8), ("max_step_words", 5)),
    examples=(
        Example("Home Facts Rapporti Russia-Cina sempre più saldi", True, "samples"),
        Example("Home › Esteri › Mondo", True, "own"),
        Example("Esteri › Asia", True, "own"),
        Example("Inizio lavori previsto a marzo per il nuovo ponte sul fiume.", False, "own"),
        Example("Notizie / Politica / Il governo approva la riforma delle pensioni", True, "own"),
        Example("aptitude [ install | remove | purge ] pacchetto1 [pacchetto2...]", False, "own"),
        Example("Notizie / Cronaca / Roma / Chiuso il ponte sul Tevere", True, "own"),
        Example(
            "Se viaggiate spesso in treno / autobus / metropolitana / aerei questa console fa per voi",
            False,
            "own",  # shaped after a blog's sentence, held out
        ),
        Example("Problemi da installazione / aggiornamento / Wi-Fi", False, "own"),
        Example(
            "Secondo il regolamento del parco, restate almeno 100 metri / metri dagli orsi e 25 metri / "
            "metri dagli altri animali.",
            False,
            "own",  # shaped after a sentence of real MT output (mtleft)
        ),
    ),
)


_SHORT_SENT = regex.compile(r"[^.!?…]+[.!?…]+")
_LABELLED_OR_QUOTED = regex.compile(r"\p{L}:\s|[\"“”«»‘]|(?:^|\s)'\p{L}")  # "Salvini: 'Via …'"


def _author_bio(p: str, ctx: Context, rule: Rule) -> bool:
    """A tagline of three or more tiny statements near the end ('Esperto del web. …'). Each
    opens on a word that describes (a noun, an adjective, a participle: "Appassionato",
    "Giornalista", "Nato"); prose in short sentences opens on a grammar word ("Era un ottimo
    allenatore. Come giocatore, un disastro. Ma come amico, …", the shape of a quotation in
    fortunes-it; "È finita. Tutti a casa. …"; ours). A tagline tells, it neither labels nor
    quotes: "Elezioni: Vertice centrodestra ad Arcore. Salvini: 'Via legge Fornero' - Politica.
    …" is a feed's headlines (held out), a speaker's name and their words."""
    if ctx.index < len(ctx.paragraphs) - 3 or len(words(p)) > rule.limit("max_words"):
        return False  # (the length first: the sentence pattern backtracks on long lines)
    from cleantext.freq import zipf

    parts = _SHORT_SENT.findall(p.strip('“”"«» '))
    return len(parts) >= rule.limit("min_parts") and all(
        2 <= len(ws := words(s)) <= rule.limit("max_part_words")
        and s.strip()[:1].isupper()
        and not s.rstrip().endswith(("?", "!"))  # a tagline states; dialogue asks and exclaims
        and not _LABELLED_OR_QUOTED.search(s)
        and zipf(ws[0].lower(), "it") < rule.limit("grammar_from")
        for s in parts
    )


author_bio = LineTest(
    "author_bio",
    "author bio",
    test=_author_bio,
    thresholds=(("min_parts", 3), ("max_part_words", 5), ("max_words", 30), ("grammar_from", 6.0)),
    examples=(
        Example(
            "“Appassionato di social media. Amichevole fanatico dei viaggi. Esperto del web.”",
            True,
            "samples",
        ),
        Example("Giornalista professionista. Nato a Torino nel 1975. Scrive di economia.", True, "own"),
        Example("È finita. Tutti a casa. Si ricomincia domani.", False, "own"),
        Example(  # the shape of a quotation in fortunes-it (held out), our words
            '"Era un ottimo allenatore. Come giocatore, un disastro. Ma come amico, il migliore."',
            False,
            "own",
        ),
        Example("L. 90.000 il mq.", False, "own"),
        Example("Sei pronto? Sì, prontissimo! Andiamo allora.", False, "own"),
        # a feed's headlines, a speaker and their words (shaped after a news feed's, held out)
        Example("Vertice a Palazzo Chigi. Rossi: 'Via la riforma'. Bianchi: 'Non ci sto'.", False, "own"),
    ),
)


# In this order: the first rule that fires gives the reason.
RULES: tuple[LineTest, ...] = (
    breadcrumb,
    date_line,
    read_also,
    related_header,
    site_navigation,
    label_line,
    byline,
    copyright_line,
    plugin_footer,
    credit_line,
    comment_form,
    share_buttons,
    advertisement,
    newsletter_prompt,
    service_link,
    new_window_button,
    call_to_action,
    republication_credit,
    legal_footer,
    site_prompt,
    stray_token,
    author_bio,
)
