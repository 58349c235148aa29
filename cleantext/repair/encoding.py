"""Character-level damage: mojibake, HTML entities and tags, invisible characters, NFC.

Italian typography is kept: ftfy runs with its encoding fixer only, so ’ « » “ ” …
are never "uncurled".
"""

from __future__ import annotations

import html
import unicodedata

import ftfy
import regex
from ftfy.badness import BADNESS_RE

from cleantext.rules import Example, Rewrite, holding

# ftfy leaves text alone unless its badness pattern finds a likely mojibake sequence
# (`ftfy.badness.is_bad`, the first test of `fix_encoding`). Each of its matches holds a
# non-ASCII character and is at most 7 characters long (tests/repair/test_encoding.py
# checks both on the pattern of the installed ftfy), so the test is run only within that
# reach of each non-ASCII character: Italian text is mostly ASCII, and the whole pattern at
# every position cost a fifth of repair.
_NOT_ASCII = regex.compile(r"[^\x00-\x7f]")
REACH = 8


def looks_bad(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, searched only near the non-ASCII characters."""
    start = end = -1
    for m in _NOT_ASCII.finditer(text):
        i = m.start()
        if i - REACH > end:  # beyond the current window: search it, open the next
            if end >= 0 and BADNESS_RE.search(text, start, end):
                return True
            start = max(0, i - REACH)
        end = i + REACH + 1
    return end >= 0 and BADNESS_RE.search(text, start, end) is not None


def _fix_mojibake(text: str) -> str:
    if text.isascii() or not looks_bad(text):  # what ftfy would leave as it is: skipped cheaply
        return text
    for _ in range(4):  # to a fixed point, so repairing twice changes nothing more
        fixed = ftfy.fix_encoding(text)
        if fixed == text:
            break
        text = fixed
    return text


mojibake = Rewrite(
    "mojibake",
    "UTF-8 text that was decoded as Windows-1252/Latin-1 (e.g. 'perchÃ©' → 'perché')",
    func=_fix_mojibake,
    examples=(Example("perchÃ© Ã¨ cosÃ¬", "perché è così", "own"),),
)


# Text that passed through a Chinese codec (GB2312/GBK) keeps the accented vowels as the
# pinyin letters of its row A8; read back as Latin-1, each is "¨" and a second sign: è is
# "¨¨", ò "¨°", é "¨¦" ("l'ago della bilancia ¨¨ spesso", "il cui voto pu¨° determinare",
# "n¨¦ Donald Trump n¨¦ Kamala Harris"; a page on the American elections copied by a
# Chinese-hosted site, held out). "¨" before one of those signs is no Italian typography.
_PINYIN = {"¤": "à", "¨": "è", "¦": "é", "¬": "ì", "ª": "í", "°": "ò", "®": "ó", "´": "ù", "²": "ú"}


def _pinyin_vowel(m: regex.Match[str]) -> str:
    return _PINYIN[m.group()[1]]


pinyin_vowels = Rewrite(
    "pinyin_vowels",
    "accented vowels that went through a Chinese codec and back ('pu¨°' → 'può', 'n¨¦' → 'né')",
    regex.compile("¨[" + regex.escape("".join(_PINYIN)) + "]"),
    _pinyin_vowel,
    needs=holding("¨"),
    examples=(
        Example(
            "Il voto pu¨° cambiare tutto, n¨¦ si sa quando.",
            "Il voto può cambiare tutto, né si sa quando.",
            "own",
        ),
        Example("La dieresi ¨ si scrive sopra la vocale.", "La dieresi ¨ si scrive sopra la vocale.", "own"),
    ),
)


# UTF-8 read as Windows-874 (Thai): each accented vowel is "ร" and a Thai letter (è "รจ",
# é "รฉ", ù "รน"), a curly quote "โ€™"; the bytes Windows-874 leaves undefined show as
# Windows-1252's ("รˆ" for È). A Fashion Week page copied by a Thai-hosted site, held out.
# A paragraph is repaired only when every Thai letter in it belongs to such a run, so Thai
# written in Thai is never touched.
def _thai_bytes() -> dict[str, int]:
    table: dict[str, int] = {}
    for b in range(0x80, 0x100):
        for codec in ("cp874", "cp1252", "latin-1"):
            try:
                table.setdefault(bytes([b]).decode(codec), b)
                break
            except UnicodeDecodeError:
                continue
    return table


_THAI_BYTE = _thai_bytes()


def _chars(lo: int, hi: int) -> str:
    return regex.escape("".join(c for c, b in _THAI_BYTE.items() if lo <= b <= hi))


_CONT = f"[{_chars(0x80, 0xBF)}]"
_THAI_RUN = regex.compile(f"(?:[{_chars(0xC2, 0xDF)}]{_CONT}|[{_chars(0xE0, 0xEF)}]{_CONT}{{2}})+")
_THAI = regex.compile(r"[\u0e00-\u0e7f]")


def _from_thai(text: str) -> str:
    """Every Thai run of `text` as the UTF-8 it was, or `text` as it is when any Thai letter
    stands outside such a run or a run does not decode to Latin text (Thai written in Thai)."""
    if not _THAI.search(text) or _THAI.search(_THAI_RUN.sub("", text)):
        return text
    parts: list[str] = []
    end = 0
    for m in _THAI_RUN.finditer(text):
        try:
            out = bytes(_THAI_BYTE[c] for c in m.group()).decode("utf-8")
        except UnicodeDecodeError:
            return text
        if regex.search(r"[\u0e00-\u0e7f\p{Cc}]", out):
            return text
        parts += [text[end : m.start()], out]
        end = m.end()
    return "".join(parts) + text[end:]


thai_codec = Rewrite(
    "thai_codec",
    "UTF-8 text that was decoded as Windows-874, the Thai code page ('perchรฉ' → 'perché')",
    func=_from_thai,
    needs=_THAI,
    examples=(
        Example(
            "รˆ la moda che ci accompagna, perchรฉ lโ€™anno",
            "È la moda che ci accompagna, perché l’anno",
            "own",
        ),
        Example(
            "Il ristorante si chiama ร้านอาหาร, a Bangkok.",
            "Il ristorante si chiama ร้านอาหาร, a Bangkok.",
            "own",
        ),
    ),
)


def _unescape(m: regex.Match[str]) -> str:
    out = html.unescape(m.group())
    return out.replace("\xa0", " ")


html_entities = Rewrite(
    "html_entities",
    "HTML character references left in scraped text (&egrave; &#8217; &quot;)",
    regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
    _unescape,
    needs=holding("&"),
    examples=(
        Example("Nessuno pu&ograve; dire &quot;basta&quot;", 'Nessuno può dire "basta"', "dev:doc0012"),
        Example("L&#39;Italia &egrave; pronta &#8211; ha detto", "L'Italia è pronta – ha detto", "own"),
    ),
)

_INLINE_TAGS = frozenset("a b i u em strong span font sup sub small".split())


def _untag(m: regex.Match[str]) -> str:
    """A block's tag parts words; an inline one does not, as a browser shows it
    ("<strong>la</strong>urea" is "laurea")."""
    return "" if m.group(1).lower() in _INLINE_TAGS else " "


html_tags = Rewrite(
    "html_tags",
    "stray HTML markup left by the scraper (<br>, </p>, <b>…)",
    regex.compile(
        r"</?(a|b|i|u|em|strong|span|div|p|br|hr|img|font|sup|sub|small|li|ul|ol|h[1-6]|"
        r"blockquote|section|article|header|footer|figure|figcaption|iframe|script|style)"
        r"(?:\s[^<>]{0,300})?\s*/?>",
        regex.IGNORECASE,
    ),
    _untag,
    needs=holding("<"),
    examples=(
        Example("Il governo<br/>ha detto", "Il governo ha detto", "own"),
        # a document site's text of a PDF, its bold marks printed (held out)
        Example("La <strong>tesi</strong> di <strong>la</strong>urea", "La tesi di laurea", "own"),
    ),
)


def _unprintable(text: str) -> bool:
    """A `needs` test: the text holds a character str.isprintable() refuses. Every character
    invisible_chars removes and odd_spaces replaces is one (controls, format characters,
    spaces other than U+0020: tests/repair/test_encoding.py checks all of Unicode), and
    most paragraphs are printable, told in one pass in C."""
    return not text.isprintable()


invisible = Rewrite(
    "invisible_chars",
    "zero-width characters, soft hyphens, BOMs, control characters (with the terminal colour "
    "codes an ESC starts) and noncharacters (U+FFFE) are invisible noise, and not valid in XML",
    regex.compile(
        r"\x1b\[[0-?]*[ -/]*[@-~]"
        r"|[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f-\x9f\p{Noncharacter_Code_Point}]+"
    ),
    "",
    needs=_unprintable,
    examples=(
        Example("co\u00adme\u200b va", "come va", "own"),
        Example("\x1b[31mErrore\x1b[0m di rete", "Errore di rete", "own"),
        Example("il\ufffe governo", "il governo", "own"),
    ),
)

odd_spaces = Rewrite(
    "odd_spaces",
    "no-break, thin and other special spaces become plain spaces, and so does a vertical tab "
    "(a word processor's line break inside a paragraph)",
    regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]"),
    " ",
    needs=_unprintable,
    examples=(
        Example("10\u00a0000 euro", "10 000 euro", "dev:doc0022"),
        Example("il\u202f3\u00a0marzo", "il 3 marzo", "own"),
        Example("Il primo\x0bparagrafo continua", "Il primo paragrafo continua", "own"),
    ),
)


def _nfc(m: regex.Match[str]) -> str:
    return unicodedata.normalize("NFC", m.group())


nfc = Rewrite(
    "unicode_nfc",
    "decomposed accents (e + ◌̀) are composed so 'è' compares and searches as 'è'",
    regex.compile(r"\P{M}\p{M}+"),
    _nfc,
    needs=regex.compile(r"\p{M}"),
    examples=(Example("perche\u0301", "perché", "own"),),
)

RULES = (mojibake, pinyin_vowels, thai_codec, html_entities, html_tags, invisible, odd_spaces, nfc)
