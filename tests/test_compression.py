"""Compressed files (cleantext.compression): one way to read and write every compression a
corpus ships in; a damaged stream is an OSError or EOFError whichever library reads it."""

import io

import pytest

from cleantext import compression

TEXT = "Il governo ha approvato la riforma.\nLa città è bella.\n".encode() * 200  # ours


@pytest.mark.parametrize("end", [".gz", ".bz2", ".xz", ".zst"])
def test_what_is_written_compressed_reads_back_as_written(tmp_path, end):
    path = tmp_path / f"a.txt{end}"
    raw = io.BytesIO()
    out = compression.open_write(raw, path)
    assert out is not raw
    out.write(TEXT)
    out.close()
    assert not raw.closed  # the caller's file: it commits or removes it
    path.write_bytes(raw.getvalue())
    assert len(raw.getvalue()) < len(TEXT) // 4
    with compression.open_read(path) as fh:
        assert fh.read() == TEXT


@pytest.mark.parametrize("end", [".gz", ".bz2", ".xz", ".zst"])
def test_a_damaged_stream_is_one_kind_of_error_whatever_the_compression(tmp_path, end):
    """zlib, lzma and Zstandard raise errors of their own; a reader catching OSError and
    EOFError (the truncated case) catches them all."""
    raw = io.BytesIO()
    with compression.open_write(raw, f"a{end}") as out:
        out.write(TEXT)
    data = raw.getvalue()
    damaged = tmp_path / f"damaged{end}"
    damaged.write_bytes(data[:12] + bytes(b ^ 0x5A for b in data[12:40]) + data[40:])
    cut = tmp_path / f"cut{end}"
    cut.write_bytes(data[: len(data) // 2])
    for path in (damaged, cut):
        with pytest.raises(compression.BROKEN), compression.open_read(path) as fh:
            fh.read()


def test_names_say_the_compression_and_plain_files_are_read_as_they_are(tmp_path):
    assert compression.suffix("corpus.JSONL.XZ") == ".xz" and compression.suffix("a.txt") == ""
    assert compression.bare("corpus.jsonl.bz2") == "corpus.jsonl" and compression.bare("a.txt") == "a.txt"
    plain = tmp_path / "a.txt"
    plain.write_bytes(TEXT)
    with compression.open_read(plain) as fh:
        assert fh.read() == TEXT
    raw = io.BytesIO()
    assert compression.open_write(raw, plain) is raw
