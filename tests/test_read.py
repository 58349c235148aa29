import codecs

import pytest

from cleantext.read import ReadError, decode

TEXT = "Perché la città è così? «Già», disse l’uomo."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_encodings_are_detected(data, encoding):
    d = decode(data)
    assert d.text == TEXT
    assert d.encoding == encoding


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\n...", b"\x89PNG\r\n\x1a\n\0\0", b"PK\x03\x04zip", b"abc\0\0\0def"]
)
def test_binary_input_is_refused_with_the_file_name(data):
    with pytest.raises(ReadError, match="article.txt"):
        decode(data, "article.txt")


def test_a_utf16_file_read_block_by_block_leaves_no_wrapper_open(tmp_path):
    """The UTF-16 reader wraps the caller's file; it lets go of it when done, so nothing
    is left for the garbage collector to close (and to warn about)."""
    import gc
    import warnings

    from cleantext.read import read_blocks

    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Perché sì.\nPoi basta.\n".encode("utf-16-le"))
    gc.collect()  # what other tests left
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        blocks = list(read_blocks(path, 8))
        gc.collect()
    assert "".join(text for text, _ in blocks).replace("\n", "") == "Perché sì.Poi basta."
    assert not [w for w in caught if issubclass(w.category, ResourceWarning) and str(path) in str(w.message)]


def test_unescape_decodes_a_datasets_raw_bytes_line_by_line():
    """A field read with surrogateescape: UTF-8 stays, Windows-1252 bytes are decoded, each
    line on its own as a file's are (ours)."""
    from cleantext.read import unescape

    utf8 = "perché così"
    assert unescape(utf8) is utf8
    mixed = "perché\n".encode() + "città è\n".encode("cp1252")
    assert unescape(mixed.decode("utf-8", "surrogateescape")) == "perché\ncittà è\n"


@pytest.mark.parametrize("end", [".gz", ".bz2", ".xz", ".zst"])
def test_a_compressed_document_reads_as_its_file_and_a_misnamed_one_says_what_it_is(tmp_path, end):
    """CC-100's Italian is one text file compressed with xz: a document in any compression
    is read decompressed, whole or block by block; named without its ending it was refused
    as "binary" (or as "a gzip archive"), and now the error says how to name it (ours)."""
    import io

    from cleantext import compression
    from cleantext.read import read_blocks, read_file

    text = "La città è bella.\n\nIl governo ha detto che la riforma è pronta.\n" * 50
    raw = io.BytesIO()
    with compression.open_write(raw, end) as packed:
        packed.write(text.encode("utf-8"))
    named, misnamed = tmp_path / f"it.txt{end}", tmp_path / "it.txt"
    named.write_bytes(raw.getvalue())
    misnamed.write_bytes(raw.getvalue())
    assert read_file(named) == text.encode("utf-8")
    assert " ".join(block for block, _ in read_blocks(named, block_chars=200)).split() == text.split()
    told = rf"it\.txt: this is \w+-compressed, not text; name it with \{end} at the end"
    with pytest.raises(ReadError, match=told):
        decode(read_file(misnamed), str(misnamed))


def test_a_compressed_file_is_as_large_as_what_it_inflates_to(tmp_path):
    """Whether a file is cleaned block by block, or counted by the counting pass, was decided
    by its size on disk: a 2 KB .xz of 400 KB of text was read whole (ours)."""
    import lzma

    from cleantext.read import larger_than

    text = ("Il governo ha approvato la riforma delle pensioni.\n" * 8000).encode()
    packed = tmp_path / "a.txt.xz"
    packed.write_bytes(lzma.compress(text))
    assert packed.stat().st_size < 10_000
    assert larger_than(packed, 100_000) and not larger_than(packed, len(text))
    plain = tmp_path / "a.txt"
    plain.write_bytes(text)
    assert larger_than(plain, 100_000) and not larger_than(plain, len(text))
    damaged = tmp_path / "b.txt.xz"
    damaged.write_bytes(b"\xfd7zXZ\x00" + b"\x00" * 40)
    assert not larger_than(damaged, 10)  # read whole, where the error names what is wrong
