"""Corpus datasets in and out: JSONL and Parquet shards of one document per row, and WARC
crawls, as corpus builders keep scraped news (datatrove, dolma and NeMo Curator read and
write the same), JSON arrays as scrapers write them, and CSV or TSV tables, as data
journalists export scrapes from a spreadsheet.

A dataset file is one job of a run: its rows are read in batches, cleaned as the same text
would be as a file, and written in order to `OUT/<same name>` in the same format, every
field kept, the text field replaced by the clean text and a `cleantext` field added with
what changed. A WARC's responses become rows of `OUT/<name>.jsonl.gz` (`id` the
WARC-Record-ID, `url`, `date`, `text`): an HTML page with a 2xx status is cleaned, any other
(an image, a redirect, a page gone) is no page and no error, its row's text empty. Rows are
read and written as they come, so memory does not grow with the file. A row that cannot be
read (an invalid JSON line, no text field) is reported with its file and row, and the others
are written.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import itertools
import json
import os
import pickle
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleantext import compression
from cleantext.model import Document
from cleantext.read import ReadError, unescape
from cleantext.settings import DATASET_FORMATS
from cleantext.summary import Summary
from cleantext.write import to_txt

# extension -> kind. A bare ".json" is an array of objects (as scrapy's `-o items.json`
# writes) or objects one after another; a folder run does not take it by default (a run's
# own NAME.meta.json is one), a file named or a --pattern does.
KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".arrow": "arrow",  # Arrow IPC: a stream (a Hugging Face dataset's cache) or a file
    ".feather": "arrow",
    ".warc": "warc",
    ".wet": "warc",  # Common Crawl's text: a WARC of conversion records ("….warc.wet.gz")
}
# compressed (`cleantext.compression`): the text formats, any compression; dolma's documents
# are JSON lines named ".json.gz" or ".json.zst"; a WARC's records are gzip members as
# crawlers write them, or nothing
COMPRESSED = {"jsonl": "jsonl", "json": "jsonl", "csv": "csv"}
ROWS_PER_BATCH = 256  # rows cleaned together (their spans translated in one round trip)


def kind(path: Path | str, input_format: str = "auto") -> str | None:
    """'jsonl', 'parquet' or 'warc' for a dataset file, else None: by the file's extension,
    unless `input_format` (the --input-format) names a format (text and html: not a dataset)."""
    if input_format != "auto":
        return input_format if input_format in DATASET_FORMATS else None
    found, end = _named(path)
    if not end or found is None:
        return found
    return "warc" if found == "warc" and end == ".gz" else COMPRESSED.get(found)


def _named(path: Path | str) -> tuple[str | None, str]:
    """(the kind the name gives without its compression's ending, that ending or "")."""
    name = str(path).lower()
    bare = compression.bare(name)
    return next((k for ext, k in KINDS.items() if bare.endswith(ext)), None), name[len(bare) :]


def refuse_packed(path: Path | str) -> None:
    """ReadError for a dataset in a compression its format is not read in ("crawl.warc.xz",
    "table.parquet.gz"): named so, it would be decompressed and cleaned as one text."""
    found, end = _named(path)
    if end and found is not None and kind(path) is None:
        what = TABLES.get(found, found.upper())
        do = (
            "recompress it with gzip (.warc.gz)"
            if found == "warc"
            else f"decompress it ({what} compresses its columns)"
        )
        raise ReadError(f"{path}: {what} data compressed with {compression.NAMES[end]}: {do}")


def output_path(source: Path, output_base: Path, file_kind: str) -> Path:
    """OUT/<same name>; a WARC's rows go to OUT/<name>.jsonl.gz, a WET file's to
    OUT/<name>.wet.jsonl.gz beside them (`file_kind`: the job's, decided once by `jobs.plan`)."""
    name = source.name
    if file_kind == "warc":
        low = compression.bare(name.lower())
        end = ".warc" if low.endswith(".warc") else ""
        name = name[: len(low) - len(end)] + ".jsonl.gz"
    return output_base.with_name(name)


def sentences_path(output_base: Path) -> Path:
    """OUT/<name>.sentences.jsonl.gz: every row's sentence records, each with its row's id
    (what NAME.jsonl holds for a file; written when the run's formats include jsonl)."""
    return output_base.with_name(output_base.name + ".sentences.jsonl.gz")


def sentence_records(row: Row, doc: Document) -> Iterator[dict[str, Any]]:
    for sentence in doc.sentences:
        yield {"row": row.id, **sentence.record()}


@dataclass(slots=True)
class Row:
    """One document of a dataset: its place, its id, every field as read, and its text (or
    why it has none)."""

    index: int
    id: str
    fields: dict[str, Any]
    text: str | None
    error: str | None = None
    html: bool = False  # a WARC response: the text is an HTML page
    extra: dict[str, Any] = field(default_factory=dict)
    unit: str = "row"  # what the file's format calls its places: "line" (JSONL), "response" (WARC)

    @property
    def place(self) -> str:
        """Where the row is, as a user finds it in the file: counted from 1, a JSONL file's
        lines as an editor numbers them ("line 6")."""
        return f"{self.unit} {self.index + 1}"

    @property
    def data(self) -> str | bytes | None:
        """What the pipeline reads for this row: a WARC response's page body, else its text."""
        return self.extra.get("body") if self.html else self.text


def row_name(path: Path, row: Row) -> str:
    """A row as the run names it (in errors and as a duplicate's original): FILE#ID."""
    return f"{path}#{row.id}"


def rows(path: Path, file_kind: str, text_field: str = "text", id_field: str = "id") -> Iterator[Row]:
    """The file's rows in order (`file_kind`: the job's, decided once by `jobs.plan`). A row
    that cannot be read comes with `error` set."""
    k = file_kind
    if k == "jsonl":
        yield from _jsonl_rows(path, text_field, id_field)
    elif k == "json":
        yield from _json_rows(path, text_field, id_field)
    elif k in TABLES:
        yield from _table_rows(path, k, text_field, id_field)
    elif k == "warc":
        yield from _warc_rows(path)
    elif k == "csv":
        yield from _csv_rows(path, text_field, id_field)
    else:
        raise ReadError(f"{path}: not a dataset file ({', '.join(KINDS)})")


def check(path: Path, file_kind: str, text_field: str = "text") -> None:
    """Refuse, before any output is made, a table whose header has no text column: a CSV
    header or a Parquet schema names its columns once; JSON and JSONL, whose first object
    has no text field (a wrong --text-field would make every row an error, one line each;
    a later row without it is a bad row, as it comes)."""
    if file_kind in ("jsonl", "json"):
        # the first object, whatever malformed lines come before it (the rows' reader closes
        # its file as soon as it is let go)
        first = next((r for r in rows(path, file_kind, text_field) if r.fields), None)
        if first is not None and text_field not in first.fields:
            raise ReadError(
                f"{path}: its first {first.unit} has no {text_field!r} field "
                f"(fields: {_names(first.fields)}); name it with --text-field"
            )
        return
    if file_kind == "csv":
        try:
            columns = csv_layout(path).columns
        except (*compression.BROKEN, csv.Error) as e:
            raise ReadError(f"{path}: not a readable CSV file ({e})") from None
    elif file_kind in TABLES:
        columns = tuple(_Table(path, file_kind).schema.names)
    else:
        return
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:  # a row is read by column name: one of the two would be lost
        named = ", ".join(repr(c) for c in twice)
        raise ReadError(f"{path}: columns named twice ({named}); give each column its own name")
    if text_field not in columns:
        raise ReadError(
            f"{path}: no {text_field!r} column (columns: {_names(columns)}); name it with --text-field"
        )


def _names(names: Iterable[str], most: int = 12) -> str:
    """A table's columns or a row's fields, as an error names them: the first `most`."""
    names = list(names)
    return ", ".join(names[:most]) + (", …" if len(names) > most else "") if names else "none"


def _open_text(path: Path, newline: str | None = None) -> io.TextIOBase:
    """The file's text, decompressed (`newline=""`: line ends as written, as csv needs)."""
    raw = compression.open_read(path)
    return io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline=newline)


def _row(index: int, fields: Any, text_field: str, id_field: str, unit: str = "row") -> Row:
    if not isinstance(fields, dict):
        return Row(index, str(index), {}, None, "not a JSON object", unit=unit)
    # bytes that are no UTF-8 (a Windows-1252 export) decoded as a file's lines are
    fields = {k: unescape(v) if isinstance(v, str) else v for k, v in fields.items()}
    rid = fields.get(id_field)
    rid = str(index) if rid is None else str(rid)
    text = fields.get(text_field)
    if text is None and text_field in fields:  # a row with no text (null): empty, not an error
        return Row(index, rid, fields, "", extra={"null": True}, unit=unit)
    if not isinstance(text, str):
        if text is None:  # the row's own fields, shortened, tell which --text-field to give
            why = f"no {text_field!r} field (its fields: {_names(fields, 8)}; name it with --text-field)"
        else:
            why = f"the {text_field!r} field is not a string"
        return Row(index, rid, fields, None, why, unit=unit)
    return Row(index, rid, fields, text, unit=unit)


def _jsonl_rows(path: Path, text_field: str, id_field: str) -> Iterator[Row]:
    try:
        with _open_text(path) as fh:
            for index, line in enumerate(fh):
                if index == 0:  # a byte order mark, as Windows tools write one, is no JSON
                    line = line.removeprefix("\ufeff")
                if not line.strip():
                    continue
                try:
                    fields = json.loads(line)
                except ValueError as e:
                    yield Row(index, str(index), {}, None, f"invalid JSON ({e})", unit="line")
                    continue
                yield _row(index, fields, text_field, id_field, unit="line")
    except compression.BROKEN as e:
        raise ReadError(f"{path}: cannot be read to its end ({e}); the rows before are written") from None


JSON_CHUNK = 1 << 20  # characters of a .json file read at a time


def json_array(path: Path) -> bool:
    """The .json file holds one array (its first character, a byte order mark aside, is '[')."""
    with _open_text(path) as fh:
        head = fh.read(4096).lstrip("\ufeff \t\r\n")
        while not head:
            more = fh.read(4096)
            if not more:
                return False
            head = more.lstrip(" \t\r\n")
    return head.startswith("[")


def _json_rows(path: Path, text_field: str, id_field: str) -> Iterator[Row]:
    """The items of a .json file's array, or its values one after another (JSON lines, or
    pretty-printed objects), read a chunk at a time: memory holds one item, not the file."""
    array = json_array(path)
    unit = "item" if array else "value"
    decoder = json.JSONDecoder()
    try:
        with _open_text(path) as fh:
            buf, pos, eof, index = fh.read(JSON_CHUNK).lstrip("\ufeff"), 0, False, 0

            def refill() -> bool:
                """The next chunk after what is left from `pos`; False (nothing moved) at the end."""
                nonlocal buf, pos, eof
                more = fh.read(JSON_CHUNK)
                eof = not more
                if more:
                    buf, pos = buf[pos:] + more, 0
                return not eof

            opened = not array  # the '[' consumed
            while True:
                while pos < len(buf) and (buf[pos].isspace() or (opened and array and buf[pos] == ",")):
                    pos += 1
                if pos >= len(buf) - 1 and not eof:  # a value may start or end past the chunk
                    refill()
                    continue
                if pos >= len(buf):
                    if array:
                        why = "invalid JSON (the array is not closed)"
                        yield Row(index, str(index), {}, None, why, unit=unit)
                    return
                if not opened:
                    opened, pos = True, pos + 1
                    continue
                if array and buf[pos] == "]":
                    return
                try:
                    value, end = decoder.raw_decode(buf, pos)
                except ValueError as e:
                    if not eof:
                        refill()
                        continue
                    why = getattr(e, "msg", str(e))  # its offsets would count from the chunk, not the file
                    yield Row(index, str(index), {}, None, f"invalid JSON ({why})", unit=unit)
                    return
                if end == len(buf) and not eof and refill():  # a number may go on in the next chunk
                    continue
                yield _row(index, value, text_field, id_field, unit=unit)
                index += 1
                buf, pos = buf[end:], 0
    except compression.BROKEN as e:
        raise ReadError(f"{path}: cannot be read to its end ({e}); the rows before are written") from None


TABLES = {"parquet": "Parquet", "arrow": "Arrow IPC"}  # the columnar kinds, as errors name them


class _Table:
    """A Parquet file, or an Arrow IPC file (random access, as Feather and pyarrow write it)
    or stream (as a Hugging Face dataset's cache holds it): its schema and its batches."""

    def __init__(self, path: Path, file_kind: str) -> None:
        self.path, self.kind = path, file_kind
        try:
            import pyarrow as pa
        except ImportError:
            raise ReadError(
                f"{path}: reading {TABLES[file_kind]} needs pyarrow: pip install 'cleantext-it[datasets]'"
            ) from None
        self.stream = False
        try:
            if file_kind == "parquet":
                import pyarrow.parquet as pq

                self.schema = pq.ParquetFile(path).schema_arrow
            else:
                try:
                    self.schema = pa.ipc.open_file(pa.memory_map(str(path))).schema
                except pa.ArrowInvalid:
                    self.schema, self.stream = pa.ipc.open_stream(pa.memory_map(str(path))).schema, True
        except Exception as e:  # noqa: BLE001 -- pyarrow's errors: not such a file
            raise ReadError(f"{path}: not a readable {TABLES[file_kind]} file ({e})") from None

    def batches(self) -> Iterator[Any]:
        """The record batches in order, from the start (of ROWS_PER_BATCH rows for Parquet;
        as the file holds them for Arrow)."""
        import pyarrow as pa

        if self.kind == "parquet":
            import pyarrow.parquet as pq

            yield from pq.ParquetFile(self.path).iter_batches(batch_size=ROWS_PER_BATCH)
        elif self.stream:
            yield from pa.ipc.open_stream(pa.memory_map(str(self.path)))
        else:
            reader = pa.ipc.open_file(pa.memory_map(str(self.path)))
            for i in range(reader.num_record_batches):
                yield reader.get_batch(i)


def _table_rows(path: Path, file_kind: str, text_field: str, id_field: str) -> Iterator[Row]:
    index = 0
    for batch in _Table(path, file_kind).batches():
        for fields in batch.to_pylist():
            yield _row(index, fields, text_field, id_field)
            index += 1


def _warc_rows(path: Path) -> Iterator[Row]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise ReadError(f"{path}: reading WARC needs warcio: pip install 'cleantext-it[datasets]'") from None
    index = 0
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type not in ("response", "conversion"):
                continue
            rid = record.rec_headers.get_header("WARC-Record-ID") or str(index)
            fields = {
                "id": rid,
                "url": record.rec_headers.get_header("WARC-Target-URI"),
                "date": record.rec_headers.get_header("WARC-Date"),
            }
            if record.rec_type == "conversion":  # a page's text, as Common Crawl's WET files hold it
                text = unescape(record.content_stream().read().decode("utf-8", "surrogateescape"))
                yield Row(index, rid, fields, text, unit="record")
                index += 1
                continue
            headers = record.http_headers
            ctype = (headers.get_header("Content-Type") if headers else "") or ""
            status = (headers.get_statuscode() if headers else "") or ""
            if not status.startswith("2"):
                why = f"HTTP {status or 'no status'} response"
            elif "html" not in ctype.lower():
                why = f"not an HTML response ({ctype or 'no type'})"
            else:
                why = ""
            if why:  # a crawl's images, redirects and errors: no page, and no error either
                yield Row(index, rid, fields, None, extra={"no_page": why}, unit="response")
            else:
                body = record.content_stream().read()
                yield Row(index, rid, fields, None, html=True, extra={"body": body}, unit="response")
            index += 1


CSV_DELIMITERS = ",;\t"  # a spreadsheet in an Italian locale writes ';' (',' is its decimal mark)


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """How a CSV file is written: its columns, its delimiter, and whether it opens with a
    byte order mark (spreadsheets write one, and need it to read UTF-8 back)."""

    columns: tuple[str, ...]
    delimiter: str
    bom: bool  # written back: it opens with one, or its cells are not UTF-8 (Windows-1252)
    line_end: str = "\r\n"  # as its header line ends


def csv_layout(path: Path) -> CsvLayout:
    """The header of a CSV file: the delimiter is the one of `CSV_DELIMITERS` its header
    line holds most of (a tab in a .tsv)."""
    with _open_text(path, newline="") as fh:
        first = fh.readline()
        head = first + fh.read(1 << 16)
    # the output is UTF-8: a spreadsheet reads it so only after a byte order mark
    bom = first.startswith("\ufeff") or unescape(head) != head
    first = first.removeprefix("\ufeff")
    tsv = compression.bare(path.name.lower()).endswith(".tsv")
    delimiter = "\t" if tsv else max(CSV_DELIMITERS, key=first.count)
    columns = next(csv.reader([unescape(first)], delimiter=delimiter), [])
    line_end = "\n" if first.endswith("\n") and not first.endswith("\r\n") else "\r\n"
    return CsvLayout(tuple(columns), delimiter, bom, line_end)


def _csv_rows(path: Path, text_field: str, id_field: str) -> Iterator[Row]:
    """A CSV table's records: the header names the columns, a record's cell may span lines.
    Records are counted as a spreadsheet numbers its rows (the header is row 1)."""
    check(path, "csv", text_field)
    layout = csv_layout(path)
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # a news text is longer than 128 KB
    width = len(layout.columns)
    try:
        with _open_text(path, newline="") as fh:
            reader = csv.reader(fh, delimiter=layout.delimiter)
            next(reader, None)  # the header
            for k, cells in enumerate(reader):
                if not cells:
                    continue
                fields = dict(zip(layout.columns, map(unescape, cells), strict=False))
                if len(cells) != width:  # a row cut or run together: its cells cannot be trusted
                    why = f"{len(cells)} cells for {width} columns"
                    yield Row(k + 1, str(k + 1), fields, None, why)
                    continue
                yield _row(k + 1, fields, text_field, id_field)
    except (*compression.BROKEN, csv.Error) as e:
        raise ReadError(f"{path}: cannot be read to its end ({e}); the rows before are written") from None


def record(row: Row, doc: Document | None, text_field: str) -> dict[str, Any]:
    """The output row: every input field, the text field replaced by the clean text, and
    what changed in `cleantext`. The text ends with a line break only where the row's did
    (a WARC page's text, as NAME.txt, always does), and its paragraphs are a blank line apart
    only where the row's were (a spreadsheet's cell, many scrapers' rows: one line break):
    a clean row comes back as it was."""
    out = dict(row.fields)
    text = to_txt(doc) if doc is not None else ""
    if not row.html and not (row.text or "").endswith("\n"):
        text = text.removesuffix("\n")
    if not row.html and "\n\n" not in (row.text or ""):
        text = text.replace("\n\n", "\n")  # paragraphs a line apart, as the row gave them
    out[text_field] = text
    info: dict[str, Any] = dict.fromkeys(CLEANTEXT_FIELDS)
    if doc is None:
        info["error"], info["empty"] = row.error, row.extra.get("no_page")
    else:
        s = Summary()
        s.add(doc)
        qualities = [g.quality for x in doc.sentences for g in x.segments if g.quality is not None]
        info.update(
            sentences=len(doc.sentences),
            dropped=sum(s.dropped.values()),
            dropped_by=_counts(s.dropped),
            translated=sum(s.translated.values()),
            kept=sum(s.kept.values()),
            kept_by=_counts(s.kept),
            quality=min(qualities) if qualities else None,
            duplicate_of=doc.meta.get("duplicate_of"),
            empty=None if doc.text else "nothing left after cleaning",
        )
        if row.extra.get("null"):  # kept null, as it came
            out[text_field], info["empty"] = None, f"the {text_field!r} field is null"
    out["cleantext"] = info
    return out


def _counts(c: Counter[str]) -> str | None:
    return "; ".join(f"{k}: {n}" for k, n in c.most_common()) or None


# the `cleantext` field of every output row, with fixed types (Parquet needs one schema)
CLEANTEXT_FIELDS = {
    "sentences": "int64",
    "dropped": "int64",
    "dropped_by": "string",
    "translated": "int64",
    "kept": "int64",
    "kept_by": "string",
    "quality": "float64",
    "duplicate_of": "string",
    "empty": "string",
    "error": "string",
}


def _text_type(field: Any) -> Any:
    """The text column's type in the output: the input's own string type, else a string."""
    import pyarrow as pa

    return (
        field.type if pa.types.is_string(field.type) or pa.types.is_large_string(field.type) else pa.string()
    )


def _schema(table: _Table, text_field: str) -> Any:
    """The output schema of a Parquet or Arrow input: its own, with its metadata (a Hugging
    Face dataset's features, pandas' index), the text field a string, plus `cleantext`."""
    import pyarrow as pa

    schema = table.schema
    info = pa.struct([(k, pa.type_for_alias(t)) for k, t in CLEANTEXT_FIELDS.items()])
    fields = [
        f.with_type(_text_type(f)) if f.name == text_field else f for f in schema if f.name != "cleantext"
    ]
    return pa.schema([*fields, pa.field("cleantext", info)], metadata=schema.metadata)


class _SourceColumns:
    """The input's own Arrow columns, read again in step with the output rows: a Parquet
    or Arrow output keeps every column as stored (nanoseconds, decimals, dictionaries), which a
    round trip through Python values would not (a time64[ns] came back as 0)."""

    def __init__(self, table: _Table) -> None:
        self._batches = table.batches()
        self._held: list[Any] = []
        self._rows = 0

    def take(self, n: int) -> Any:
        """The next `n` rows, as a table."""
        import pyarrow as pa

        while self._rows < n:
            batch = next(self._batches)
            self._held.append(batch)
            self._rows += batch.num_rows
        table = pa.Table.from_batches(self._held)
        self._held = table.slice(n).to_batches()
        self._rows -= n
        return table.slice(0, n)


class Writer:
    """The rows of one output file, written in order to a temporary file and put in place
    on `commit` (a killed run leaves no half file under the output's name)."""

    def __init__(self, path: Path, fmt: str, source: Path | None = None, text_field: str = "text") -> None:
        from cleantext.write import _mkstemp

        self.path, self.fmt = path, fmt
        table = _Table(source, fmt) if fmt in TABLES and source is not None else None
        self._stream = table is not None and table.stream  # an Arrow stream in, a stream out
        self._schema = _schema(table, text_field) if table is not None else None
        self._columns_in = _SourceColumns(table) if table is not None else None
        self._csv: Any = None
        self._text_field = text_field
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = _mkstemp(path)
        self._raw = open(fd, "wb")  # noqa: SIM115 -- closed in commit/abort
        self._table_out: Any = None
        self._pending: list[dict] = []
        self._array = fmt == "json" and source is not None and json_array(source)
        self._rows = 0
        if fmt in ("jsonl", "json"):
            self._out: Any = compression.open_write(self._raw, path)
        elif fmt == "csv":
            assert source is not None, "a CSV output takes its layout from its input"
            layout = csv_layout(source)
            packed = compression.open_write(self._raw, path)
            self._out = io.TextIOWrapper(packed, encoding="utf-8", errors="surrogateescape", newline="")
            self._columns = [c for c in layout.columns if c != "cleantext"] + ["cleantext"]
            if layout.bom:
                self._out.write("\ufeff")
            self._csv = csv.writer(self._out, delimiter=layout.delimiter, lineterminator=layout.line_end)
            self._csv.writerow(self._columns)

    def add(self, record: dict) -> None:
        if self.fmt in ("jsonl", "json"):
            line = json.dumps(record, ensure_ascii=False)
            if self._array:  # an array, one item a line
                line = ("[\n" if self._rows == 0 else ",\n") + line
            else:
                line += "\n"
            self._rows += 1
            self._out.write(line.encode("utf-8", "surrogateescape"))
            return
        if self.fmt == "csv":  # a cell holds text: `cleantext` as JSON, no value as an empty cell
            text = record.get(self._text_field)
            if isinstance(text, str):  # a cell, not a file: no final line end
                record = {**record, self._text_field: text.removesuffix("\n")}
            self._csv.writerow([_cell(record.get(c)) for c in self._columns])
            return
        self._pending.append(record)
        if len(self._pending) >= ROWS_PER_BATCH:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if not self._pending:
            return
        if self._columns_in is None:
            table = pa.Table.from_pylist(self._pending, schema=self._schema)
        else:  # the input's columns as stored; the text and `cleantext` from the records
            table = self._columns_in.take(len(self._pending))
            if "cleantext" in table.column_names:
                table = table.drop_columns(["cleantext"])
            at = table.column_names.index(self._text_field)
            text = self._schema.field(self._text_field)
            table = table.set_column(
                at, text, pa.array([r[self._text_field] for r in self._pending], text.type)
            )
            info = self._schema.field("cleantext")
            table = table.append_column(info, pa.array([r["cleantext"] for r in self._pending], info.type))
            table = table.replace_schema_metadata(self._schema.metadata)
        if self._table_out is None:
            self._table_out = self._table_writer(table.schema)
        self._table_out.write_table(table)
        self._pending = []

    def _table_writer(self, schema: Any) -> Any:
        """A Parquet writer, or an Arrow IPC one, a stream or a file as the input was."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.fmt == "parquet":
            return pq.ParquetWriter(self._raw, schema)
        return pa.ipc.new_stream(self._raw, schema) if self._stream else pa.ipc.new_file(self._raw, schema)

    def commit(self) -> None:
        import os

        if self.fmt in ("jsonl", "json"):
            if self._array:
                self._out.write(b"\n]\n" if self._rows else b"[]\n")
            if self._out is not self._raw:
                self._out.close()
        elif self.fmt == "csv":
            packed = self._out.detach()  # the text layer goes; the file is closed below
            if packed is not self._raw:
                packed.close()  # the compressed stream's end
        else:
            self._flush()
            if self._table_out is None and self._schema is not None:  # no rows: an empty table
                self._table_out = self._table_writer(self._schema)
                self._table_out.write_table(self._schema.empty_table())
            if self._table_out is not None:
                self._table_out.close()
        self._raw.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        import contextlib
        import os

        with contextlib.suppress(Exception):
            self._raw.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def _cell(value: Any) -> Any:
    """A CSV cell: no value is an empty cell, a structure (`cleantext`) its JSON."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


CHECKPOINT_ROWS = 4 * ROWS_PER_BATCH  # rows a killed run over one dataset file redoes at most
PARTS = ".cleantext-parts"  # beside a dataset's output: the finished parts of an unfinished run


@dataclass(slots=True)
class Part:
    """What a run made of consecutive rows of a dataset file: the output rows, the sentence
    records, the summary and the sentence count, as the writers and the run's result take them."""

    rows: int = 0
    sentences: int = 0
    summary: Summary = field(default_factory=Summary)
    outputs: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


class Checkpoints:
    """The finished parts of one dataset file's run, kept until its output is committed: a
    run killed in a large file resumes after its last finished part, not at the first row.
    Resuming replays the parts into the writers, so the output is byte for byte that of an
    uninterrupted run. The parts belong to one input and one set of options (`key`); parts
    of another key for the same output are stale and go."""

    def __init__(self, output: Path, key: str) -> None:
        self.root = output.parent / PARTS
        self.prefix = output.name + "."
        self.dir = self.root / (self.prefix + hashlib.sha256(key.encode()).hexdigest()[:16])

    def done(self) -> Iterator[Part]:
        """The parts finished so far, in order (a part's file is whole or absent)."""
        for k in itertools.count(1):
            path = self.dir / f"{k:06d}.pickle.gz"
            try:
                with gzip.open(path, "rb") as fh:
                    part = pickle.load(fh)
            except (OSError, EOFError, pickle.UnpicklingError):
                return
            yield part

    def save(self, number: int, part: Part) -> None:
        from cleantext.write import _mkstemp

        self.dir.mkdir(parents=True, exist_ok=True)
        data = gzip.compress(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL), compresslevel=1, mtime=0)
        path = self.dir / f"{number:06d}.pickle.gz"
        fd, tmp = _mkstemp(path)
        try:
            with open(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)  # a part is whole or absent
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def clear(self, stale_only: bool = False) -> None:
        """Remove this output's parts (`stale_only`: those of other keys)."""
        if not self.root.is_dir():
            return
        for d in self.root.glob(self.prefix + "*"):
            if d.name[len(self.prefix) :].isalnum() and not (stale_only and d == self.dir):
                shutil.rmtree(d, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.root.rmdir()  # when no other output has parts
