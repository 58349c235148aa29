"""Compressed files: which name endings mean which compression, and how to read and write each.

Corpora ship compressed: most with gzip (`.gz`), Wikipedia's dumps with bzip2 (`.bz2`),
CC-100's Italian with xz (`.xz`), dolma and newer crawls with Zstandard (`.zst`). A document,
a JSON lines file, a JSON array and a CSV are read through here whatever the compression, and a
dataset's output is compressed as its input was. Errors of a broken stream come out as
`OSError` or `EOFError` (`BROKEN`), whichever library decompresses it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

# name ending -> what an error calls the compression
NAMES = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "Zstandard"}
BROKEN = (OSError, EOFError)  # what reading a damaged compressed file raises (`open_read`)


def suffix(name: Path | str) -> str:
    """The compression's name ending ("corpus.jsonl.xz" → ".xz"), or "" for a plain file."""
    low = str(name).lower()
    return next((end for end in NAMES if low.endswith(end)), "")


# how each compression's bytes open (bzip2's: "BZh", a block size, then its block magic)
_MAGIC = {b"\x1f\x8b": ".gz", b"\xfd7zXZ\x00": ".xz", b"\x28\xb5\x2f\xfd": ".zst"}


def by_content(head: bytes) -> str:
    """The compression a file's first bytes say it is in (its name ending), or ""."""
    end = next((e for magic, e in _MAGIC.items() if head.startswith(magic)), "")
    if not end and head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        end = ".bz2"
    return end


def bare(name: str) -> str:
    """The name without its compression's ending ("corpus.jsonl.xz" → "corpus.jsonl")."""
    return name[: len(name) - len(suffix(name))]


def open_read(path: Path | str) -> BinaryIO:
    """The file's bytes, decompressed as they are read when its name says it is compressed."""
    end = suffix(path)
    if not end:
        return open(path, "rb")  # noqa: SIM115 -- the caller closes it
    return io.BufferedReader(_Checked(_decompressing(path, end), NAMES[end]))


def open_write(raw: BinaryIO, name: Path | str) -> BinaryIO:
    """A stream that compresses into `raw` as `name` says (or `raw` itself for a plain name);
    closing it ends the compressed stream and leaves `raw` open."""
    end = suffix(name)
    if end == ".gz":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)  # no time stamp: reruns write the same bytes
    if end == ".bz2":
        import bz2

        return bz2.BZ2File(raw, "wb")  # type: ignore[return-value]
    if end == ".xz":
        import lzma

        return lzma.LZMAFile(raw, "wb")  # type: ignore[return-value]
    if end == ".zst":  # with its checksum, so that a reader finds damage
        zstd = _zstandard()
        return zstd.ZstdCompressor(write_checksum=True).stream_writer(raw, closefd=False)  # type: ignore[no-any-return]
    return raw


def _decompressing(path: Path | str, end: str) -> Any:
    if end == ".gz":
        import gzip

        return gzip.open(path, "rb")
    if end == ".bz2":
        import bz2

        return bz2.open(path, "rb")
    if end == ".xz":
        import lzma

        return lzma.open(path, "rb")
    return _Zstd(path)


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:  # an OSError, as every reader of a file it cannot read catches
        raise OSError(".zst files need zstandard: pip install 'cleantext-it[datasets]'") from None
    return zstandard


class _Zstd:
    """Zstandard frames one after another, as `zstd` and dolma write them. A file that ends
    inside a frame raises EOFError, as gzip's reader does (the library's own stream reader
    ends there in silence: a cut file would lose its tail unsaid)."""

    CHUNK = 1 << 16  # compressed bytes read at a time

    def __init__(self, path: Path | str) -> None:
        self._decompressor = _zstandard().ZstdDecompressor()
        self._frame = self._decompressor.decompressobj()
        self._file = open(path, "rb")  # noqa: SIM115 -- closed by close()
        self._out, self._at, self._inside = b"", 0, False

    def read1(self, size: int) -> bytes:
        while self._at >= len(self._out):
            chunk = self._file.read(self.CHUNK)
            if not chunk:
                if self._inside:
                    raise EOFError("the file ends inside a Zstandard frame")
                return b""
            self._out, self._at = self._feed(chunk), 0
        piece = self._out[self._at : self._at + size]
        self._at += len(piece)
        return piece

    def _feed(self, chunk: bytes) -> bytes:
        out = []
        while chunk:
            if self._frame.eof:  # the next frame
                self._frame = self._decompressor.decompressobj()
            out.append(self._frame.decompress(chunk))
            chunk = self._frame.unused_data if self._frame.eof else b""
        self._inside = not self._frame.eof
        return b"".join(out)

    def close(self) -> None:
        self._file.close()


class _Checked(io.RawIOBase):
    """A decompressing stream whose library's own errors (zlib's, lzma's, Zstandard's) come
    out as OSError naming the compression, so that every reader catches one kind."""

    def __init__(self, inner: Any, what: str) -> None:
        self.inner, self.what = inner, what

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        # read1: what one step decompresses, so a file cut short gives every byte before the cut
        try:
            data = self.inner.read1(len(b))
        except BROKEN:
            raise
        except Exception as e:  # noqa: BLE001 -- each library has its own error class
            raise OSError(f"not a readable {self.what} stream ({e})") from None
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self.inner.close()
        super().close()
