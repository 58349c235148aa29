"""Bytes → text, line by line, with the encoding that was used.

Scraped files come as UTF-8 (sometimes with a BOM), UTF-16 with a BOM, legacy
Windows/Latin-1 bytes, or a mix of them (pages pasted together). Each line is decoded as
UTF-8 when it is valid UTF-8 — a legacy line that happens to be valid UTF-8 is vanishingly
rare in Italian — and as Windows-1252 otherwise, so one bad line does not turn the whole
file into mojibake. Binary files are refused with a reason instead of producing garbage.

Large files are read in blocks of lines (`read_blocks`) so memory stays bounded, and lines
longer than `MAX_LINE` characters are read and cut at a space into several paragraphs.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cleantext import compression
from cleantext.split import fence_closes, fence_opens

MAX_LINE = 100_000  # characters; a longer "paragraph" is a scraping accident, not prose
BLOCK_CHARS = 1_000_000  # text handed to the pipeline at a time when streaming


class ReadError(ValueError):
    """The input cannot be read as text; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive (or .docx/.odt)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def sniff(head: bytes, name: str) -> str | None:
    """'utf-16' for a UTF-16 BOM, 'utf-8-sig' for a UTF-8 BOM, None otherwise; ReadError if binary."""
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise ReadError(f"{name}: this is {what}, not a text file; convert it to text first")
    # a compressed file whose name does not say so (a name that does is decompressed as read)
    if end := compression.by_content(head):
        raise ReadError(
            f"{name}: this is {compression.NAMES[end]}-compressed, not text; "
            f"name it with {end} at the end and it is decompressed as it is read"
        )
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise ReadError(
            f"{name}: contains NUL bytes and no UTF-16 byte-order mark; "
            "it looks binary (save it as UTF-8 text)"
        )
    return None


class _Encodings:
    """Which encodings the lines of one file needed."""

    def __init__(self, bom: str | None) -> None:
        self.bom = bom
        self.used: set[str] = set()

    def line(self, raw: bytes) -> str:
        try:
            text = raw.decode("utf-8")
            if not raw.isascii():
                self.used.add("utf-8")
            return text
        except UnicodeDecodeError:
            pass
        try:
            text = raw.decode("cp1252")
            self.used.add("cp1252")
        except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; Latin-1 maps every byte
            text = raw.decode("latin-1")
            self.used.add("latin-1")
        return text

    @property
    def name(self) -> str:
        if self.bom:
            return self.bom
        if not self.used:
            return "utf-8"  # plain ASCII
        if len(self.used) == 1:
            return next(iter(self.used))
        return "mixed (" + " + ".join(sorted(self.used)) + ")"


def unescape(text: str) -> str:
    """A text read with `errors="surrogateescape"` (a dataset's field), its undecodable bytes
    decoded as a file's lines are: each line UTF-8, else Windows-1252 ("perch\udce9" →
    "perché", as a spreadsheet in an Italian Windows exports it)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    raw = text.encode("utf-8", "surrogateescape")
    enc = _Encodings(None)
    return "".join(enc.line(line) for line in raw.splitlines(keepends=True))


def _split_long(line: str) -> list[str]:
    if len(line) <= MAX_LINE:
        return [line]
    parts = []
    start = 0
    while len(line) - start > MAX_LINE:
        cut = line.rfind(" ", start, start + MAX_LINE)
        cut = cut if cut > start + MAX_LINE // 2 else start + MAX_LINE
        parts.append(line[start:cut])
        start = cut
        while start < len(line) and line[start] == " ":
            start += 1
    parts.append(line[start:])
    return parts


def _raw_lines(fh: io.BufferedIOBase, limit: int = MAX_LINE) -> Iterator[bytes]:
    """The file's lines as bytes, a line longer than `limit` bytes in pieces cut at a space
    (with none, between two characters): memory stays bounded however long a line is."""
    carry = b""
    while raw := fh.readline(limit):
        raw, carry = carry + raw, b""
        if raw.endswith(b"\n") or len(raw) < limit:
            yield raw
            continue
        cut = raw.rfind(b" ", len(raw) // 2)
        if cut < 0:  # no space: before the last character's first byte, never inside it
            cut = len(raw) - 1
            while cut > len(raw) - 4 and 0x80 <= raw[cut] <= 0xBF:  # UTF-8 continuation bytes
                cut -= 1
            if raw[cut] < 0x80:  # the last byte is a whole character
                cut = len(raw)
        yield raw[:cut]
        carry = raw[cut:].lstrip(b" ")
    if carry:
        yield carry


def decode(data: bytes, name: str = "<input>") -> Decoded:
    """Decode a whole file, naming the encoding; raise ReadError for binary input.

    >>> decode("perché".encode("cp1252")).encoding
    'cp1252'
    """
    blocks = list(_blocks(io.BytesIO(data), name, block_chars=None))
    if not blocks:
        return Decoded("", sniff(data[:4096], name) or "utf-8")
    return Decoded(blocks[0][0], blocks[-1][1])


MAX_INFLATED_BYTES = 256 << 20  # what one compressed document may inflate to when read whole


def open_file(path: Path | str) -> BinaryIO:
    """The file's bytes as a stream, decompressed as it is read when its name ends in a
    compression's (`cleantext.compression`: "a.txt.xz")."""
    return compression.open_read(path)


def larger_than(path: Path | str, limit: int) -> bool:
    """The file holds more than `limit` bytes: its size, or for a compressed file what it
    inflates to (a 1 MB .xz may hold 50 MB of text), read till `limit` is passed. A damaged
    compressed file is not large: reading it whole says what is wrong with it."""
    if not compression.suffix(path):
        return Path(path).stat().st_size > limit
    try:
        with compression.open_read(path) as fh:
            while limit >= 0:
                chunk = fh.read(min(1 << 20, limit + 1))
                if not chunk:
                    return False
                limit -= len(chunk)
    except compression.BROKEN:
        return False
    return True


def read_file(path: Path | str) -> bytes:
    """The whole file's bytes (decompressed, up to MAX_INFLATED_BYTES, when compressed)."""
    end = compression.suffix(path)
    if not end:
        return Path(path).read_bytes()
    try:
        with compression.open_read(path) as fh:
            data = fh.read(MAX_INFLATED_BYTES + 1)
    except compression.BROKEN as e:
        raise ReadError(f"{path}: not a readable {compression.NAMES[end]} file ({e})") from None
    if len(data) > MAX_INFLATED_BYTES:
        limit = MAX_INFLATED_BYTES >> 20
        raise ReadError(f"{path}: inflates past {limit} MB; decompress it and clean the file")
    return data


def read_blocks(path: Path | BinaryIO, block_chars: int = BLOCK_CHARS) -> Iterator[tuple[str, str]]:
    """(text, encoding so far) blocks of whole lines, about `block_chars` characters each,
    from a file (decompressed as read when compressed), or from a binary stream that cannot
    seek (stdin, a pipe)."""
    if not isinstance(path, (str, Path)):
        yield from _blocks(path, "<stdin>", block_chars)  # type: ignore[arg-type]
        return
    name = str(path)
    try:
        fh = open_file(path)
    except OSError as e:
        raise ReadError(f"{name}: cannot read ({e.strerror or e})") from None
    with fh:
        try:
            yield from _blocks(fh, name, block_chars)
        except compression.BROKEN as e:
            end = compression.suffix(path)
            what = f"not a readable {compression.NAMES[end]} file" if end else "cannot be read"
            raise ReadError(f"{name}: {what} to its end ({e})") from None


class _Prefixed(io.RawIOBase):
    """The bytes already read from a stream that cannot seek, then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        if self.head:
            n = min(len(b), len(self.head))
            b[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(b))
        b[: len(data)] = data
        return len(data)


FENCED_BLOCK = 4  # a block may grow this many times its size to end after a code block


def _blocks(fh: io.BufferedIOBase, name: str, block_chars: int | None) -> Iterator[tuple[str, str]]:
    head = fh.read(4096)
    if fh.seekable():
        fh.seek(0)
    else:  # stdin, a pipe: read on from what was sniffed
        fh = io.BufferedReader(_Prefixed(head, fh))  # type: ignore[arg-type]
    bom = sniff(head, name)
    enc = _Encodings(bom)
    buf: list[str] = []
    size = 0
    fence: str | None = None  # the Markdown fence a code block opened and has not closed
    for line in _lines(fh, bom, enc, name):
        for part in _split_long(line):
            buf.append(part)
            size += len(part) + 1
            if fence is None:
                fence = fence_opens(part)
            elif fence_closes(fence, part):
                fence = None
            # a line is a paragraph: any line ends a block, but one inside a fenced code
            # block (its lines are code only seen whole), unless it runs on too long
            if block_chars and size >= block_chars and (fence is None or size >= FENCED_BLOCK * block_chars):
                yield "\n".join(buf), enc.name
                buf, size = [], 0
    if buf:
        yield "\n".join(buf), enc.name


def _lines(fh: io.BufferedIOBase, bom: str | None, enc: _Encodings, name: str) -> Iterator[str]:
    """Decoded lines without their line ends."""
    if bom == "utf-16":
        text = io.TextIOWrapper(fh, encoding="utf-16", newline=None)
        try:
            for line in text:
                yield line.rstrip("\n")
        except UnicodeDecodeError as e:
            raise ReadError(
                f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16 ({e.reason}); "
                "re-save the file as UTF-8"
            ) from None
        finally:
            text.detach()  # the caller owns the file and closes it
        return
    if bom == "utf-8-sig":
        fh.read(3)
    n = 1
    for raw in _raw_lines(fh):
        if b"\x00" in raw:  # past the first 4 KB sniffed: binary all the same, never dropped
            raise ReadError(f"{name}: line {n} contains NUL bytes; it looks binary (save it as UTF-8 text)")
        yield enc.line(raw.rstrip(b"\r\n"))
        n += raw.endswith(b"\n")
