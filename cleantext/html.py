"""Scraped HTML pages in: the main text, with its title, headings and lists, by trafilatura.

A page is recognised by its extension (.html, .htm, .xhtml) or by its first bytes (a
doctype, `<html`, `<head` or `<body`), so `--pattern '*'` and stdin work too. Its bytes
are decoded as the page says (a byte-order mark, else `<meta charset>`; a declared
Latin-1 is read as cp1252, as browsers do), else as a text file is (UTF-8, else cp1252
line by line). trafilatura then keeps the article — title first, headings as their own
lines, list items as "- item" lines — and leaves menus, share bars, cookie banners,
scripts and styles; comment sections and tables only when asked. The rest of the
pipeline runs on that text as on any other: mojibake inside the page is repaired after
extraction, and boilerplate the extractor kept is still caught by scrape-clean.

trafilatura is the `[html]` extra (about 57 MB with lxml, dateparser and babel; 0.2 s to
import): it is imported only when a page is met.
"""

from __future__ import annotations

import bisect
import codecs
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from cleantext import compression, split
from cleantext.read import ReadError, decode
from cleantext.tokens import folded, link_key

EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_HEAD = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_A_TAG = re.compile(rb"<[A-Za-z!/?]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
log = logging.getLogger(__name__)
SNIFF_BYTES = 4096
MIN_OWN_LETTERS = 40  # letters of main text outside link texts: fewer, and the page has none


@dataclass(slots=True)
class Page:
    text: str
    encoding: str
    meta: dict[str, Any] = field(default_factory=dict)
    html: bool = True  # False: the input was read as text
    marked: tuple[str, ...] = ()  # phrases the page sets apart (see `set_apart`)
    code: frozenset[str] = frozenset()  # the lines of its preformatted blocks (see `code_lines`)
    links: frozenset[str] | None = None  # its links' words (`tokens.link_key`); None: not a page
    headings: frozenset[str] | None = None  # its headings' words, <h1> to <h6>, the same way


def read_input(
    data: str | bytes, name: str, input_format: str = "auto", tables: bool = False, comments: bool = False
) -> Page:
    """Any input as the pipeline reads it: an HTML page's main text, else the text decoded
    (the cleaning pass and the counting pass read every file through this)."""
    if is_page(data, name, input_format):
        return extract(data, name, tables, comments)
    if isinstance(data, str):
        return text_page(data, "str")
    decoded = decode(data, name)
    return text_page(decoded.text, decoded.encoding)


def text_page(text: str, encoding: str) -> Page:
    """A text as the pipeline reads it: its Markdown fences' lines are its code, set apart
    as a page's `<pre>` is (a page exported as Markdown, a forum's post); markup it kept
    breaks it where a browser would (`_marked_up_breaks`)."""
    fences = split.fences(text)
    broken = _marked_up_breaks(text, fences)
    if broken is not text:  # (a fence after a break moved with it)
        text, fences = broken, split.fences(broken)
    lines = [line for a, b in fences for raw in text[a:b].splitlines() if (line := collapse(raw))]
    return Page(text, encoding, html=False, code=frozenset(lines), marked=tuple(dict.fromkeys(lines)))


# the end of a block in a text that kept its markup (a <br> inside one is a space: the repair's)
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr|table|ul|ol)\s*>", re.I)


def _marked_up_breaks(text: str, fences: list[tuple[int, int]]) -> str:
    """A text holding its markup (a CMS's field, a dataset's row: "<p>…</p><p>…</p>") with
    a paragraph break after each block's end that has no line break after it, outside
    Markdown fences (a program's HTML is its own); the repair stage then takes the tags out.
    Without them its paragraphs ran into one."""
    if "</" not in text:
        return text
    out, last = [], 0
    for m in _BLOCK_END.finditer(text):
        if split.within(fences, m.start()) or text[m.end() : m.end() + 1] in ("\n", "\r"):
            continue
        out.append(text[last : m.end()] + "\n\n")
        last = m.end()
    return "".join(out) + text[last:] if out else text


def looks_like_html(head: bytes, name: str = "") -> bool:
    """By extension, else by the first bytes (after a byte-order mark). A file named as a
    page that holds no tag in its first bytes is a text saved under that name."""
    if compression.bare(name.lower()).endswith(EXTENSIONS) and _A_TAG.search(head[:SNIFF_BYTES]):
        return True
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom) :]
            if bom != codecs.BOM_UTF8:
                head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
            break
    return bool(_HEAD.match(head[:SNIFF_BYTES]))


def is_page(data: str | bytes, name: str | None, input_format: str = "auto") -> bool:
    """Is this input an HTML page: as --input-format says, else by extension or first bytes."""
    if input_format != "auto":
        return input_format == "html"
    head = data[:SNIFF_BYTES]
    return looks_like_html(head if isinstance(head, bytes) else head.encode("utf-8", "ignore"), name or "")


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): a byte-order mark, else the page's own charset, else as text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    if m := _CHARSET.search(data[:SNIFF_BYTES]):
        declared = m.group(1).decode("ascii", "ignore").lower()
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec in ("iso8859-1", "latin-1", "ascii"):
            codec = "cp1252"  # what browsers read for a declared Latin-1 or ASCII
        elif codec is not None and codec.startswith(("utf-16", "utf-32")):
            codec = "utf-8"  # a page without a byte-order mark is not UTF-16 (browsers: UTF-8)
        elif codec is not None and (codec == "utf-7" or not codecs.lookup(codec)._is_text_encoding):
            codec = None  # base64, hex, zlib, rot13 (byte transforms), utf-7: no browser reads them
        if codec:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass  # the page lies about its charset: read it as text is read
    decoded = decode(data, name)
    return decoded.text, decoded.encoding


def _parse(html: str) -> Any:
    """The page's tree, however deep its nesting or long its scripts: lxml's default
    limits (256 levels, 10 MB text nodes) cut a page there, silently."""
    from lxml.html import HTMLParser, document_fromstring

    # (a document whatever it holds: a page's fragment, "<p>…</p>" as a CMS stores an
    # article, is one element, which a fragment's parse gives childless)
    options = {"collect_ids": False, "default_doctype": False, "remove_comments": True, "remove_pis": True}
    try:
        try:
            tree = document_fromstring(html, parser=HTMLParser(huge_tree=True, **options))
        except ValueError:  # a string that declares its encoding (<?xml … encoding=…?>)
            raw = html.encode("utf-8", "surrogatepass")
            tree = document_fromstring(raw, parser=HTMLParser(huge_tree=True, encoding="utf-8", **options))
    except Exception:  # noqa: BLE001 -- lxml's parse errors: the fallback parser tries
        return None
    return tree if tree is not None and len(tree) else None


# Elements whose line breaks are the text's own; everywhere else a line break in the source
# is a space, as a browser shows it.
_PREFORMATTED = ("pre", "textarea", "listing", "plaintext", "xmp")
_SOURCE_BREAK = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")
# control characters lxml's parser lets into a text and its setter refuses (a blog's "\x1d"
# before a word, as a page pasted from a word processor has it; trafilatura's test pages):
# invisible, and the repair stage drops them anyway
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _unwrap_lines(tree: Any) -> None:
    """Join the lines a page's source wraps inside a paragraph ("<p>Il pacchetto fornisce
    la risoluzione\ndei nomi host…</p>"): the extractor keeps them, and each would reach the
    cleaner as a paragraph of its own, a sentence cut in two and judged in halves."""
    kept = {el for pre in tree.iter(*_PREFORMATTED) for el in pre.iter()}
    for el in tree.iter():
        if el.text and isinstance(el.tag, str) and el not in kept:
            el.text = _SOURCE_BREAK.sub(" ", _NOT_XML.sub("", el.text))
        if el.tail and (parent := el.getparent()) is not None and parent not in kept:
            el.tail = _SOURCE_BREAK.sub(" ", _NOT_XML.sub("", el.tail))


# Phrasing elements: words inside a sentence, however a page styles them.
_INLINE = (
    "span", "a", "strong", "b", "em", "i", "u", "s", "small", "big", "sub", "sup", "mark", "abbr",
    "cite", "dfn", "q", "code", "kbd", "samp", "tt", "var", "time", "font", "bdi", "bdo", "data",
)  # fmt: skip


def _keep_inline_words(tree: Any) -> None:
    """Keep the words an inline element holds inside a sentence ("tramite <span
    class="guimenu">File</span> → <span class="guimenuitem">Stampa</span>"): the extractor
    drops elements by the words of their class or id, which is right for a page's blocks
    (menus, share bars) and silently cuts words out of a sentence. Such an element loses its
    class and id when its parent holds running text of its own."""
    running: dict[Any, bool] = {}  # each parent's answer, asked once (a list of links has many children)
    for el in tree.iter(*_INLINE):
        parent = el.getparent()
        if parent is None or not (el.get("class") or el.get("id")):
            continue
        if parent not in running:
            own = (parent.text or "") + "".join(child.tail or "" for child in parent)
            running[parent] = any(c.isalpha() for c in own)
        if running[parent]:
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)


# A page's headings: over a paragraph of prose, the article's own sections (`Page.headings`).
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements whose text is one line of the article: a paragraph, a heading, an item, a cell.
_BLOCKS = ("p", "li", "dt", "dd", *_HEADINGS, "td", "th", "figcaption", "caption")
_SPACES = re.compile(r"\s+")


def code_lines(tree: Any) -> frozenset[str]:
    """The lines of the page's preformatted blocks (<pre> and the like: program text, shell
    sessions, configuration files), spaces collapsed. They are the page's content however
    short or repeated ("fi", "Package: foo", "$ cd .."): no line rule or repeat drops them.
    Each block joined into one line too: the extraction may join a block set inside a
    <blockquote> (LilyPond's Italian manual: "\\relative { c''1\\< | c4 a c\\< a }")."""
    found = set()
    for pre in tree.iter(*_PREFORMATTED):
        lines = [line for raw in pre.text_content().splitlines() if (line := collapse(raw))]
        found.update(lines)
        found.add(" ".join(lines))
    found.discard("")
    return frozenset(found)


def collapse(text: str) -> str:
    """Spaces collapsed, ends stripped: how a line is compared with the page's code lines
    and block texts."""
    return _SPACES.sub(" ", text).strip()


def _block_texts(tree: Any) -> list[str]:
    """The text of every block that holds inline elements, spaces collapsed, sorted: the
    lines `_rejoin` may have to put back together."""
    found = set()
    for el in tree.iter(*_BLOCKS):
        if len(el) and not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iter() if c is not el):
            found.add(collapse(el.text_content()))
    return sorted(found - {""})


def _rejoin(text: str, blocks: list[str]) -> str:
    """Lines the extractor split at an inline element put back into their paragraph ("come
    spiega" / "il comunicato «Nuove regole»" / "del Comune." → one line): on short pages it
    falls back to reading element by element, and the cleaner would judge each piece as a
    paragraph of its own. Lines join only where together they are exactly one block's text."""
    if not blocks:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        joined, j = collapse(lines[i]), i + 1
        k = bisect.bisect_left(blocks, joined)
        block = blocks[k] if k < len(blocks) and blocks[k].startswith(joined) and joined else None
        if block is not None and block != joined:
            while j < len(lines) and joined != block:
                piece = collapse(lines[j])
                if block.startswith(joined + " " + piece):
                    joined += " " + piece
                elif block.startswith(joined + piece):
                    joined += piece
                else:
                    break
                j += 1
            if joined == block:
                out.append(joined)
                i = j
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


_HIDDEN = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)
_ENTITY = re.compile(r"&#?\w+;")


def _text_lost(html: str, tree: Any) -> str | None:
    """What the parse could not read, said rather than dropped: the tree holds clearly fewer
    letters than the page shows between its tags."""
    written = _letters(_ENTITY.sub("x", _HIDDEN.sub(" ", html)))
    if written < 500:
        return None
    hidden = sum(_letters(e.text_content()) for e in tree.iter("script", "style"))
    parsed = _letters(tree.text_content()) - hidden
    if parsed < 0.9 * written:
        return (
            f"only {parsed * 100 // written}% of the page's text could be parsed; the rest is not in the text"
        )
    return None


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _prose_beyond_links(text: str, anchors: set[str]) -> bool:
    """Some text of the page's own, not the words of its links: what an extractor keeps
    of a page of links (an index, a menu, a gallery) is those links, run together."""
    for anchor in sorted(anchors, key=len, reverse=True):
        text = text.replace(anchor, " ")
    return sum(c.isalpha() for c in text) >= MIN_OWN_LETTERS


def extract(data: bytes | str, name: str = "<input>", tables: bool = False, comments: bool = False) -> Page:
    """The page's main text and what it says about itself (title, url, date, site, author)."""
    try:
        import trafilatura
    except ImportError:
        raise ReadError(
            f"{name}: an HTML page; reading HTML needs trafilatura: pip install 'cleantext-it[html]'"
        ) from None
    html, encoding = (data, "str") if isinstance(data, str) else decode_page(data, name)
    tree = _parse(html)
    if tree is None:
        tree = trafilatura.load_html(html)  # its repairs of broken markup
    if tree is None:
        raise ReadError(f"{name}: not an HTML page that can be parsed")
    if (lost := _text_lost(html, tree)) is not None:
        log.warning("%s: %s", name, lost)
    _unwrap_lines(tree)
    marked = set_apart(tree)  # (before `_keep_inline_words` takes a running text's classes)
    _keep_inline_words(tree)
    anchors = {a.text_content().strip() for a in tree.iter("a")} - {""}
    blocks = _block_texts(tree)
    code = code_lines(tree)
    found = trafilatura.bare_extraction(
        tree,
        include_comments=comments,
        include_tables=tables,
        with_metadata=True,
        output_format="python",
        # the page's own publication date or none: the year of a copyright line is no date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if comments and (said := (getattr(found, "comments", None) or "").strip()):
        text += "\n" + said  # trafilatura keeps a page's comments apart from its text
    text = _rejoin(text, blocks)
    if not _prose_beyond_links(text, anchors):
        raise ReadError(f"{name}: no main text found in this HTML page (an index, a gallery, only links?)")
    meta = {
        key: str(value)
        for key in ("title", "url", "date", "sitename", "author", "description")
        if (value := getattr(found, key, None))
    }
    title = _headline(meta.get("title", ""), meta.get("sitename", ""))
    lines = [line.strip() for line in text.splitlines()[:3]]
    if title and lines and not any(title in line for line in lines):
        text = title + "\n" + text  # the title first, as an article's text begins
    links = frozenset(key for anchor in anchors if (key := link_key(anchor)))
    headings = frozenset(key for h in tree.iter(*_HEADINGS) if (key := link_key(h.text_content())))
    return Page(text + "\n", encoding, meta, marked=marked, code=code, links=links, headings=headings)


# Inline elements by which a writer sets words apart: the convention of Italian print is
# to put foreign words, titles and terms in italics.
SET_APART_TAGS = ("i", "em", "cite", "q", "dfn")
MAX_SET_APART_WORDS = 12  # longer, and the element holds a passage, not a phrase
# a quotation set as a block (a statement, an embedded post): quoted whole, sentences and all
QUOTE_TAGS = ("blockquote",)
MAX_QUOTE_WORDS = 150  # longer, and the block is a page's section, not one quotation
# commands, code, program output and keys: the computer's words, never a translator's leftover
CODE_TAGS = ("code", "pre", "kbd", "samp", "tt")
# ... and the classes DocBook's HTML gives them (manuals of Debian, GNOME, GIMP and their
# translations: "<span class="command"><strong>make install</strong></span>"), or the
# labels of a program's interface, left as the program shows them
CODE_CLASSES = frozenset(
    "command option filename literal userinput computeroutput systemitem varname envar parameter "
    "function replaceable package application cmdsynopsis synopsis prompt keycap keycombo "
    "guimenu guimenuitem guisubmenu guibutton guilabel guiicon".split()
)
MAX_CODE_WORDS = 2000  # inline code this long is no phrase; a block's lines are taken one by one


def set_apart(tree: Any, main: str = "it") -> tuple[str, ...]:
    """The phrases the page marks as not its own running text: short ones inside <i>,
    <em>, <cite>, <q> or <dfn>, or with a `lang` other than the main language, the
    quotations of a <blockquote>, and code (<code>, <pre>, <kbd>, <samp>, <tt>, DocBook's
    classes for commands, options, files and a program's labels: `CODE_CLASSES`). Each in
    the form `cleantext.leftover` compares spans in (`marked_phrase`: its words, lowercase,
    one apostrophe)."""
    found = []
    for element in tree.iter():
        tag = (element.tag if isinstance(element.tag, str) else "").lower()
        lang = (
            element.get("lang") or element.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
        ).lower()
        if tag in QUOTE_TAGS:
            limit = MAX_QUOTE_WORDS
        elif tag in CODE_TAGS or not CODE_CLASSES.isdisjoint((element.get("class") or "").split()):
            limit = MAX_CODE_WORDS
        elif tag in SET_APART_TAGS or (lang and not lang.startswith(main) and tag not in ("html", "body")):
            limit = MAX_SET_APART_WORDS  # (html and body: the page's own language, however declared)
        else:
            continue
        text = element.text_content()
        if limit == MAX_CODE_WORDS and "\n" in text.strip():
            # a block of program text, each of its lines set apart: a block runs as long as
            # its program (a tutorial's class of 2,300 words, its comments English; held out)
            found.extend(phrase for line in text.splitlines() if (phrase := marked_phrase(line)))
            continue
        phrase = marked_phrase(text)
        if phrase and len(phrase.split()) <= limit:
            found.append(phrase)
    return tuple(dict.fromkeys(found))


def marked_phrase(text: str) -> str:
    """The form phrases are compared in (`tokens.folded`), words joined by one space."""
    return " ".join(folded(text))


_TITLE_PARTS = re.compile(r"\s+[-|–—·»:]\s+")


def _headline(title: str, sitename: str = "") -> str:
    """A page's <title> without the site's name around it ("Il governo approva - La Stampa"
    → "Il governo approva"): the longest part, the site's own name never."""
    parts = [p.strip() for p in _TITLE_PARTS.split(title.strip()) if p.strip()]
    site = sitename.strip().lower()
    parts = [p for p in parts if p.lower() != site] or parts
    return max(parts, key=len) if parts else ""
