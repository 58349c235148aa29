"""Bytes → text, with the encoding that was used.

Scraped files come as UTF-8 (sometimes with a BOM), UTF-16 with a BOM, or legacy
Windows/Latin-1 bytes. UTF-8 is tried strictly first: a legacy file that happens to be
valid UTF-8 is vanishingly rare for Italian text, while the reverse guess would turn every
"è" into mojibake. Binary files are refused with a reason instead of producing garbage.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


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
    b"\x1f\x8b": "a gzip archive",
}


def decode(data: bytes, name: str = "<input>") -> Decoded:
    """Decode `data`, naming the encoding; raise ReadError for binary input.

    >>> decode("perché".encode("cp1252")).encoding
    'cp1252'
    """
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ReadError(f"{name}: this is {what}, not a text file; convert it to text first")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data[3:], "utf-8", name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_strict(data, "utf-16", name), "utf-16")
    if b"\x00" in data[:4096]:
        raise ReadError(
            f"{name}: contains NUL bytes and no UTF-16 byte-order mark; "
            "it looks binary (save it as UTF-8 text)"
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return Decoded(data.decode("latin-1"), "latin-1")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ReadError(
            f"{name}: starts with a {encoding} byte-order mark but byte {e.start} is invalid "
            f"{encoding}; re-save the file as UTF-8"
        ) from None
