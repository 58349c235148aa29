"""Stage 7 — write: the document in each output format, atomically.

Every format is a view of the same per-sentence record:
- txt   the clean Italian document, paragraphs separated by one blank line;
- jsonl one JSON record per input sentence (the output contract, see the README);
- tsv   Moses-style `source<TAB>text`, one kept sentence per line;
- tmx   TMX 1.4b: one translation unit per translated span (fr→it, en→it…) and, with
        sentence units on, one per changed sentence (original → clean).
A file is written to a temporary name beside its target and renamed into place, so a run
that is killed never leaves a half-written output.
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import socket
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from cleantext.model import Document, Sentence, paragraph_break, paragraph_text

FORMATS = ("txt", "jsonl", "tsv", "tmx", "extracted", "meta")
# formats whose file is not NAME.<format>: the text as read (an HTML page's main text, before
# any repair) and what the input said of itself (an HTML page's title, url, date, site)
SUFFIXES = {"extracted": ".extracted.txt", "meta": ".meta.json"}
DEFAULT_FORMATS = ("txt", "jsonl")


def shown_name(name: str) -> str:
    """A file name as the outputs write it: bytes that are not UTF-8 (a Latin-1 name, held as
    surrogates) show as U+FFFD, in every format."""
    return os.fsencode(name).decode("utf-8", "replace")


# XML 1.0 allows tab, newline, carriage return and these ranges; nothing else may reach TMX
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


# Temporary files carry this machine and process: a run removes only leftovers of a process
# of this machine that is gone, never another run's work in progress.
def part_owner(name: str) -> tuple[str, int] | None:
    """(host, pid) of a temporary file's name, or None for a name this module did not make."""
    m = re.search(r"\.~([^~/]+)-(\d+)~[^/]*\.part$", name)
    return (m[1], int(m[2])) if m else None


def _mkstemp(target: str | Path) -> tuple[int, str]:
    """A new temporary file beside `target`, created as a plain open() creates a file (mode
    0o666 less the umask: no chmod after mkstemp's 0o600), its name kept short: a long file
    name plus the suffix must fit in 255 bytes. One system call where mkstemp and chmod
    took several: every document writes two or more. (Paths as strings: every document
    writes two files, and a pathlib object costs more than the system call.)"""
    folder, name = os.path.split(os.fspath(target))
    stem = os.fsdecode(os.fsencode(name)[:120])
    prefix = os.path.join(folder, f".{stem}.~{_owner()}~")
    for _ in range(100):
        tmp = f"{prefix}{_names.getrandbits(40):010x}.part"
        try:
            return os.open(tmp, _NEW_FILE, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", prefix)


def _mkstemp_in_place(target: str | Path) -> tuple[int, str]:
    """_mkstemp, making the target's folder when it is missing (asked only then: most
    documents go into a folder an earlier one made)."""
    try:
        return _mkstemp(target)
    except FileNotFoundError:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        return _mkstemp(target)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_names = random.Random()
_OWNER: tuple[int, str] = (0, "")


def _owner() -> str:
    """'host-pid' of this process, asked of the system once per process."""
    global _OWNER
    pid = os.getpid()
    if _OWNER[0] != pid:
        _OWNER = (pid, f"{socket.gethostname()}-{pid}")
    return _OWNER[1]


def write_all(fd: int, text: str) -> None:
    """`text` as UTF-8 into a file descriptor, however many calls the system takes."""
    view = memoryview(text.encode("utf-8"))
    while view:
        view = view[os.write(fd, view) :]


def atomic_write(path: Path, text: str) -> None:
    fd, tmp = _mkstemp_in_place(path)
    try:
        try:
            write_all(fd, text)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_txt(doc: Document) -> str:
    """The text output of a document in one piece, as DocumentWriter writes it."""
    text = doc.text
    return text + "\n" if text else ""


def to_jsonl(doc: Document) -> str:
    return "".join([s.json_line() for s in doc.sentences])


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _trusted(s: Sentence, min_quality: float | None) -> bool:
    """No translation in the sentence's text scores below `min_quality`: what TSV and TMX
    keep when the run asks for a quality (the parallel data a user exports is data they trust)."""
    return min_quality is None or all(
        g.quality is None or g.quality >= min_quality for g in s.segments if g.in_text
    )


def to_tsv(doc: Document, min_quality: float | None = None) -> str:
    return "".join(
        f"{_cell(s.source)}\t{_cell(s.text)}\n"
        for s in doc.sentences
        if not s.dropped and _trusted(s, min_quality)
    )


_TMX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tmx version="1.4">\n'
    '  <header creationtool="cleantext" creationtoolversion="0.1" datatype="plaintext" '
    'segtype="sentence" adminlang="en" srclang="*all*" o-tmf="cleantext"/>\n'
    "  <body>\n"
)
_TMX_TAIL = "  </body>\n</tmx>\n"


def _tmx_units(
    doc: Document, sentences: bool = False, main: str = "it", min_quality: float | None = None
) -> str:
    units = []
    for s in doc.sentences:
        if s.dropped or not _trusted(s, min_quality):
            continue
        for g in s.segments:
            if g.in_text:
                units.append(_tu(g.language, g.text, main, g.translation or "", "phrase", s.id))
        if sentences and s.source != s.text:
            units.append(_tu(s.language, s.source, main, s.text, "sentence", s.id))
    return "".join(units)


def _tu(src_lang: str, src: str, tgt_lang: str, tgt: str, segtype: str, sid: int) -> str:
    return (
        f'    <tu segtype="{segtype}" srclang={quoteattr(src_lang)}>\n'
        f'      <prop type="x-sentence-id">{sid}</prop>\n'
        f"      <tuv xml:lang={quoteattr(src_lang)}><seg>{_xml_text(src)}</seg></tuv>\n"
        f"      <tuv xml:lang={quoteattr(tgt_lang)}><seg>{_xml_text(tgt)}</seg></tuv>\n"
        "    </tu>\n"
    )


def output_path(base: Path, fmt: str) -> Path:
    return base.with_name(base.name + SUFFIXES.get(fmt, f".{fmt}"))


def output_paths(base: Path, formats: tuple[str, ...]) -> list[Path]:
    return [output_path(base, fmt) for fmt in formats]


def to_meta(doc: Document) -> str:
    """NAME.meta.json: the source, how it was read, and what an HTML page says of itself."""
    page = any(f.rule == "extract" for f in doc.fixes)
    source = shown_name(doc.path) if doc.path is not None else None
    meta = {"source": source, "format": "html" if page else "text", "encoding": doc.encoding, **doc.meta}
    return json.dumps(meta, ensure_ascii=False, indent=1) + "\n"


class DocumentWriter:
    """Writes one document in every format, part by part, then puts all files in place.

    Parts are kept in memory up to SPILL_CHARS; past that, each format goes to a temporary
    file beside its target as parts come (a file of any size holds bounded memory). `commit`
    writes what is held to the temporary files and renames them (the text last), `abort`
    deletes them. A document that fits (nearly all) is written with one call per file.
    """

    def __init__(
        self,
        base: Path,
        formats: tuple[str, ...] = DEFAULT_FORMATS,
        tmx_sentences: bool = False,
        min_quality: float | None = None,
    ) -> None:
        for fmt in formats:
            if fmt not in FORMATS:
                raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.base, self.tmx_sentences, self.min_quality = base, tmx_sentences, min_quality
        self.formats = sorted(formats, key=lambda f: {"jsonl": 0, "txt": 9}.get(f, 5))
        self._held: dict[str, list[str]] = {fmt: [] for fmt in self.formats}
        self._size = 0  # characters held
        self._paths = {fmt: output_path(base, fmt) for fmt in self.formats}  # made once
        self._files: dict[str, tuple[str, int]] = {}  # once spilled: the temporary files
        self._last: list[Sentence] | None = None  # the text's last paragraph written
        self._meta = False
        if "tmx" in self._held:
            self._hold("tmx", _TMX_HEAD)

    def _hold(self, fmt: str, text: str) -> None:
        self._held[fmt].append(text)
        self._size += len(text)

    def add(self, doc: Document) -> None:
        for fmt in self.formats:
            if fmt == "txt":
                for para in doc.paragraphs:
                    if self._last is None:
                        self._hold(fmt, paragraph_text(para))
                    elif para[0].paragraph == self._last[-1].paragraph:  # a paragraph split across parts
                        self._hold(fmt, " " + paragraph_text(para))
                    else:
                        self._hold(fmt, paragraph_break(self._last, para) + paragraph_text(para))
                    self._last = para
            elif fmt == "jsonl":
                self._hold(fmt, to_jsonl(doc))
            elif fmt == "tsv":
                self._hold(fmt, to_tsv(doc, self.min_quality))
            elif fmt == "extracted":
                self._hold(fmt, doc.extracted or "")
            elif fmt == "meta":
                if not self._meta:  # once per document, however many parts it comes in
                    self._hold(fmt, to_meta(doc))
                    self._meta = True
            else:
                self._hold(fmt, _tmx_units(doc, self.tmx_sentences, min_quality=self.min_quality))
        if self._size > SPILL_CHARS:
            self._spill()

    def _spill(self) -> None:
        """Write what is held to the temporary files (made on the first spill)."""
        for fmt in self.formats:
            if fmt not in self._files:
                fd, tmp = _mkstemp_in_place(self._paths[fmt])
                self._files[fmt] = (tmp, fd)
        for fmt, parts in self._held.items():
            write_all(self._files[fmt][1], "".join(parts))
            parts.clear()
        self._size = 0

    def commit(self) -> list[Path]:
        if "txt" in self._held and self._last is not None:
            self._hold("txt", "\n")
        if "tmx" in self._held:
            self._hold("tmx", _TMX_TAIL)
        try:
            self._spill()
        except BaseException:
            self.abort()
            raise
        paths = []
        for fmt, (tmp, fd) in self._files.items():
            os.close(fd)
            self._files[fmt] = (tmp, -1)
        for fmt, (tmp, _) in self._files.items():
            os.replace(tmp, self._paths[fmt])
            paths.append(self._paths[fmt])
        self._files = {}
        return paths

    def abort(self) -> None:
        for tmp, fd in self._files.values():
            try:
                if fd >= 0:
                    os.close(fd)
            finally:
                Path(tmp).unlink(missing_ok=True)
        self._files = {}


SPILL_CHARS = 1 << 20  # a document's outputs held in memory before they go to their files


def write_document(
    doc: Document,
    base: Path,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    tmx_sentences: bool = False,
    min_quality: float | None = None,
) -> list[Path]:
    """Write BASE.<fmt> for each format (the JSONL first, the text last); return the paths."""
    writer = DocumentWriter(base, formats, tmx_sentences, min_quality)
    try:
        writer.add(doc)
        return writer.commit()
    except BaseException:
        writer.abort()
        raise
