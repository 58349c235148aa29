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

import json
import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from cleantext.model import Document

FORMATS = ("txt", "jsonl", "tsv", "tmx")
DEFAULT_FORMATS = ("txt", "jsonl")


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_txt(doc: Document) -> str:
    text = doc.text
    return text + "\n" if text else ""


def to_jsonl(doc: Document) -> str:
    return "".join(json.dumps(s.record(), ensure_ascii=False) + "\n" for s in doc.sentences)


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def to_tsv(doc: Document) -> str:
    return "".join(f"{_cell(s.source)}\t{_cell(s.text)}\n" for s in doc.sentences if not s.dropped)


def to_tmx(doc: Document, sentences: bool = False, main: str = "it") -> str:
    units = []
    for s in doc.sentences:
        if s.dropped:
            continue
        for g in s.segments:
            if g.translation:
                units.append(_tu(g.language, g.text, main, g.translation, "phrase", s.id))
        if sentences and s.source != s.text:
            units.append(_tu(s.language, s.source, main, s.text, "sentence", s.id))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tmx version="1.4">\n'
        '  <header creationtool="cleantext" creationtoolversion="0.1" datatype="plaintext" '
        'segtype="sentence" adminlang="en" srclang="*all*" o-tmf="cleantext"/>\n'
        "  <body>\n" + "".join(units) + "  </body>\n</tmx>\n"
    )


def _tu(src_lang: str, src: str, tgt_lang: str, tgt: str, segtype: str, sid: int) -> str:
    return (
        f'    <tu segtype="{segtype}" srclang={quoteattr(src_lang)}>\n'
        f'      <prop type="x-sentence-id">{sid}</prop>\n'
        f"      <tuv xml:lang={quoteattr(src_lang)}><seg>{escape(src)}</seg></tuv>\n"
        f"      <tuv xml:lang={quoteattr(tgt_lang)}><seg>{escape(tgt)}</seg></tuv>\n"
        "    </tu>\n"
    )


def render(doc: Document, fmt: str, tmx_sentences: bool = False) -> str:
    if fmt == "txt":
        return to_txt(doc)
    if fmt == "jsonl":
        return to_jsonl(doc)
    if fmt == "tsv":
        return to_tsv(doc)
    if fmt == "tmx":
        return to_tmx(doc, tmx_sentences)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def output_paths(base: Path, formats: tuple[str, ...]) -> list[Path]:
    return [base.with_name(base.name + f".{fmt}") for fmt in formats]


def write_document(
    doc: Document, base: Path, formats: tuple[str, ...] = DEFAULT_FORMATS, tmx_sentences: bool = False
) -> list[Path]:
    """Write BASE.<fmt> for each format (the JSONL first, the text last); return the paths."""
    order = sorted(formats, key=lambda f: {"jsonl": 0, "txt": 9}.get(f, 5))
    paths = []
    for fmt in order:
        path = base.with_name(base.name + f".{fmt}")
        atomic_write(path, render(doc, fmt, tmx_sentences))
        paths.append(path)
    return paths
