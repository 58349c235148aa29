"""Datasets in and out (cleantext.dataset): JSONL, Parquet and WARC rows give the text their
documents give as files, every field and the order kept. The documents are lingua's real
Italian sentences (tests/data/lingua) with site lines of our own around them."""

import gzip
import io
import json

import pytest
from conftest import ROOT, run_cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SENTENCES = [
    line.strip()
    for line in (ROOT / "tests" / "data" / "lingua" / "sentences" / "it.txt").read_text("utf-8").splitlines()
    if len(line.split()) >= 8 and line.strip().endswith(".")
]
SITE = "Prosegui la lettura dopo l'annuncio"  # our own: on every page, dropped by the count


def _rows(n: int = 12) -> list[dict]:
    rows = []
    for k in range(n):
        text = "\n\n".join([SENTENCES[3 * k], SITE, SENTENCES[3 * k + 1], SENTENCES[3 * k + 2]]) + "\n"
        if k == 1:
            text += "The government announced new measures to support families this winter.\n"
        rows.append({"id": f"doc-{k}", "text": text, "section": "cronaca", "n": k})
    rows.append({"id": "doc-copy", "text": rows[0]["text"], "section": "copia", "n": 99})
    return rows


def _write_jsonl_gz(path, rows, extra_lines=()):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")


def _read_jsonl_gz(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_jsonl_parquet_and_files_give_the_same_text_row_for_row(tmp_path):
    rows = _rows()
    files, jl, pqd = tmp_path / "files", tmp_path / "jl", tmp_path / "pq"
    for d in (files, jl, pqd):
        d.mkdir()
    for r in rows:
        (files / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    _write_jsonl_gz(jl / "corpus.jsonl.gz", rows)
    pq.write_table(pa.Table.from_pylist(rows), pqd / "corpus.parquet")
    for d in (files, jl, pqd):
        r = run_cli("clean", str(d), "-o", str(tmp_path / f"out-{d.name}"), "--no-translate", "-q")
        assert r.returncode == 0, r.stderr[-2000:]
    expected = [(tmp_path / "out-files" / f"{r['id']}.txt").read_text("utf-8") for r in rows]
    assert SITE not in expected[2] and SENTENCES[6] in expected[2]  # the count ran over rows
    got_jl = _read_jsonl_gz(tmp_path / "out-jl" / "corpus.jsonl.gz")
    got_pq = pq.read_table(tmp_path / "out-pq" / "corpus.parquet").to_pylist()
    for got in (got_jl, got_pq):
        assert [g["text"] for g in got] == expected
        assert [(g["id"], g["section"], g["n"]) for g in got] == [
            (r["id"], r["section"], r["n"]) for r in rows
        ]
        assert got[2]["cleantext"]["dropped_by"] == "boilerplate: repeated across documents: 1"
        assert got[-1]["cleantext"]["duplicate_of"].endswith("#doc-0")
        assert got[-1]["text"] == got[0]["text"]  # a copy is cleaned as usual
    # a rerun finds the dataset file up to date
    again = run_cli("clean", str(jl), "-o", str(tmp_path / "out-jl"), "--no-translate")
    assert "1 already up to date" in again.stderr


def test_a_jsonl_whose_first_row_has_no_text_field_is_refused_before_any_output(tmp_path):
    """A wrong --text-field would make every row an error line; the file is refused at once,
    naming the fields its first row has, and the other files of the run are cleaned."""
    src = tmp_path / "in"
    src.mkdir()
    rows = [{"id": k, "content": {"body": r["text"]}} for k, r in enumerate(_rows(3))]
    (src / "nested.jsonl").write_text("{not json\n" + "".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    _write_jsonl_gz(src / "good.jsonl.gz", _rows(3), [])
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 1, r.stderr[-2000:]
    assert r.stderr.count("nested.jsonl") == 1, r.stderr[-2000:]
    assert "nested.jsonl: its first line has no 'text' field (fields: id, content)" in r.stderr
    assert not (out / "nested.jsonl").exists() and len(_read_jsonl_gz(out / "good.jsonl.gz")) == len(_rows(3))


def test_a_runs_summary_keeps_a_files_first_errors_and_counts_the_rest(tmp_path, monkeypatch):
    """A dataset of millions of bad rows must not hold millions of messages in the run's
    summary: past `KEPT_ERRORS` a file's errors are counted (`--stats`: errors_not_listed),
    and each row's output still names its own (ours)."""
    from cleantext import summary
    from cleantext.jobs import plan
    from cleantext.pipeline import Settings
    from cleantext.resume import Options
    from cleantext.runner import run

    monkeypatch.setattr(summary, "KEPT_ERRORS", 5)
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl_gz(src / "many.jsonl.gz", _rows(1), ["{not json"] * 30)
    out = tmp_path / "out"
    got = run(plan([src], out), out, Options(Settings(translate=False)))
    assert len(got.errors) == 5 and got.error_count == 30
    assert got.figures()["errors_not_listed"] == {str(src / "many.jsonl.gz"): 25}
    assert sum(g["cleantext"]["error"] is not None for g in _read_jsonl_gz(out / "many.jsonl.gz")) == 30


def test_a_files_bad_rows_past_twenty_are_counted_not_each_printed(tmp_path):
    """A file of many bad rows names its first twenty and counts the others; every row is
    still written with its error (ours)."""
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl_gz(src / "many.jsonl.gz", _rows(1), ["{not json"] * 30)
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 1
    assert r.stderr.count("invalid JSON") == 20 and "many.jsonl.gz: 10 more bad rows" in r.stderr
    got = _read_jsonl_gz(out / "many.jsonl.gz")
    assert sum(g["cleantext"]["error"] is not None for g in got) == 30


def test_bad_rows_are_named_and_the_others_written(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    rows = _rows(4)
    _write_jsonl_gz(src / "corpus.jsonl.gz", rows, ["{not json", json.dumps({"id": "x", "body": "no text"})])
    (src / "more.jsonl").write_text(json.dumps({"id": "y", "text": 7}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 1, r.stderr[-2000:]
    # places as an editor numbers the lines: the two bad rows follow the five good ones
    assert "corpus.jsonl.gz: line 6: invalid JSON" in r.stderr
    assert (
        "corpus.jsonl.gz: line 7: no 'text' field (its fields: id, body; name it with --text-field)"
        in r.stderr
    )
    assert "more.jsonl: line 1: the 'text' field is not a string" in r.stderr
    got = _read_jsonl_gz(out / "corpus.jsonl.gz")
    assert len(got) == len(rows) + 2 and all(g["text"] for g in got[: len(rows)])
    assert got[-1]["text"] == "" and got[-1]["cleantext"]["error"].startswith("no 'text' field")


def test_a_jsonl_file_from_windows_keeps_its_first_row(tmp_path):
    """A byte order mark and CRLF line ends, as Windows tools export JSONL: the first row was
    an 'invalid JSON' error and lost its id (ours)."""
    rows = [
        {"id": "a", "text": "Il governo ha approvato la manovra ieri sera."},
        {"id": "b", "text": "La partita è finita due a uno."},
    ]
    src = tmp_path / "export.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r) + "\r\n" for r in rows).encode())
    r = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    got = [json.loads(line) for line in (tmp_path / "out" / "export.jsonl").read_text("utf-8").splitlines()]
    assert [(g["id"], g["text"].strip()) for g in got] == [(r["id"], r["text"]) for r in rows]


def test_dolma_and_ndjson_names_are_read_as_json_lines(tmp_path):
    """dolma keeps its documents as JSON lines named part-0.json.gz (and .json.zst); other
    tools write .ndjson. A folder run took none of them ("no files matching"); a bare
    .json, which may be one JSON value or a run's .meta.json, is still left alone (ours)."""
    src = tmp_path / "documents"
    src.mkdir()
    rows = _rows(2)
    _write_jsonl_gz(src / "part-0.json.gz", rows)
    (src / "part-1.ndjson").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (src / "stats.json").write_text(json.dumps({"documents": 3}), encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "part-0.json.gz",
        "part-0.sentences.jsonl.gz",
        "part-1.ndjson",
        "part-1.sentences.jsonl.gz",
    ]
    got = _read_jsonl_gz(out / "part-0.json.gz")
    assert [g["id"] for g in got] == [r["id"] for r in rows] and SENTENCES[0] in got[0]["text"]
    flat = [json.loads(x) for x in (out / "part-1.ndjson").read_text("utf-8").splitlines()]
    assert [g["text"] for g in flat] == [g["text"] for g in got]


@pytest.mark.parametrize("end", [".bz2", ".xz", ".zst"])
def test_datasets_in_any_compression_come_back_in_it(tmp_path, end):
    """Wikipedia's dumps come as bzip2, CC-100's Italian as xz, newer crawls as Zstandard:
    a folder run took none of them, and a file named was refused as binary. JSON lines and a
    CSV in each give what their gzip forms give, written back in the same compression."""
    from cleantext import compression

    rows = _rows(3)
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    cells = [f"{r['id']};{json.dumps(r['text'], ensure_ascii=False)}\r\n" for r in rows]
    table = "id;testo\r\n" + "".join(cells)
    src, ref = tmp_path / "in", tmp_path / "ref"
    for d, ending in ((src, end), (ref, ".gz")):
        d.mkdir()
        for name, data in (("corpus.jsonl", jsonl), ("export.csv", table.encode())):
            raw = io.BytesIO()
            with compression.open_write(raw, name + ending) as packed:
                packed.write(data)
            (d / (name + ending)).write_bytes(raw.getvalue())
    for d in (src, ref):
        for field in ("text", "testo"):
            pattern = "*.jsonl*" if field == "text" else "*.csv*"
            r = run_cli(
                "clean",
                str(d),
                "-o",
                str(tmp_path / f"out-{d.name}"),
                "--no-translate",
                "-q",
                "--text-field",
                field,
                "--pattern",
                pattern,
            )
            assert r.returncode == 0, r.stderr[-2000:]

    def read(path):
        with compression.open_read(path) as fh:
            return fh.read().decode("utf-8")

    for name in ("corpus.jsonl", "export.csv"):
        got, want = tmp_path / "out-in" / (name + end), tmp_path / "out-ref" / (name + ".gz")
        as_ref = read(got).replace(str(src / (name + end)), str(ref / (name + ".gz")))  # duplicate_of
        assert as_ref == read(want), name
    assert SENTENCES[0] in read(tmp_path / "out-in" / ("corpus.jsonl" + end))
    assert read(tmp_path / "out-in" / ("export.csv" + end)).startswith("id;testo;cleantext\r\n")
    # written in that compression: its own tool reads it
    magic = {".bz2": b"BZh", ".xz": b"\xfd7zXZ", ".zst": b"\x28\xb5\x2f\xfd"}[end]
    assert (tmp_path / "out-in" / ("corpus.jsonl" + end)).read_bytes().startswith(magic)


def test_a_cut_xz_or_zst_dataset_keeps_the_rows_before_and_says_so(tmp_path):
    """A download cut short: the rows before the cut are written and the file is an error,
    as with gzip (Zstandard's own reader ended at the cut in silence)."""
    from cleantext import compression

    src = tmp_path / "in"
    src.mkdir()
    # past a Zstandard block (128 KB): what a frame's first blocks hold can be read before the cut
    rows = [{"id": f"doc-{k}", "text": f"{sentence} ({k})"} for k, sentence in enumerate(SENTENCES)]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    for end in (".xz", ".zst"):
        raw = io.BytesIO()
        with compression.open_write(raw, end) as packed:
            packed.write(data)
        (src / f"cut{end[1:]}.jsonl{end}").write_bytes(raw.getvalue()[: len(raw.getvalue()) * 9 // 10])
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 1
    for end in (".xz", ".zst"):
        assert f"cut{end[1:]}.jsonl{end}: cannot be read to its end" in r.stderr, r.stderr[-2000:]
        with compression.open_read(out / f"cut{end[1:]}.jsonl{end}") as fh:
            got = [json.loads(x) for x in fh.read().decode().splitlines()]
        assert 0 < len(got) < len(rows) and got[0]["id"] == "doc-0"


def test_a_row_with_a_null_text_is_empty_not_an_error(tmp_path):
    """A corpus row with no text (null, as scrapers leave a failed page) stays null in the
    output and says so; the run has no error (ours)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in"
    src.mkdir()
    pq.write_table(
        pa.table({"id": ["a", "b"], "text": ["Il sindaco , ieri, ha parlato.", None]}), src / "d.parquet"
    )
    (src / "e.jsonl").write_text(json.dumps({"id": "c", "text": None}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    got = pq.read_table(out / "d.parquet").to_pylist()
    assert got[0]["text"] == "Il sindaco, ieri, ha parlato."
    assert got[1]["text"] is None and got[1]["cleantext"]["empty"] == "the 'text' field is null"
    (row,) = [json.loads(x) for x in (out / "e.jsonl").read_text("utf-8").splitlines()]
    assert row["text"] is None and row["cleantext"]["error"] is None


def test_a_truncated_gzip_keeps_the_rows_before_and_says_so(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as f:
        for r in _rows(12):
            f.write((json.dumps(r) + "\n").encode())
    (src / "cut.jsonl.gz").write_bytes(buf.getvalue()[: len(buf.getvalue()) * 2 // 3])
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 1 and "cut.jsonl.gz: cannot be read to its end" in r.stderr, r.stderr[-2000:]
    got = _read_jsonl_gz(out / "cut.jsonl.gz")
    assert 0 < len(got) < 13 and got[0]["id"] == "doc-0"


def test_a_warc_of_pages_gives_what_the_pages_give_as_files(tmp_path):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = []
    for k in range(3):
        body = "".join(f"<p>{s}</p>" for s in SENTENCES[40 + 4 * k : 44 + 4 * k])
        pages.append(
            f"<html><head><title>Notizia {k}</title></head><body><article>{body}</article></body></html>"
        )
    src = tmp_path / "in"
    (src / "pages").mkdir(parents=True)
    with open(src / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k, page in enumerate(pages):
            (src / "pages" / f"p{k}.html").write_text(page, encoding="utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = writer.create_warc_record(
                f"https://example.org/{k}",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
            )
            writer.write_record(rec)
        # a crawl's other responses: an image, a page that is gone; no page, and no error
        for url, status, ctype, body in (
            ("https://example.org/x.png", "200 OK", "image/png", b"\x89PNG"),
            (
                "https://example.org/old",
                "404 Not Found",
                "text/html",
                b"<html><p>Pagina non trovata</p></html>",
            ),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    out = tmp_path / "out"
    r = run_cli(
        "clean",
        str(src),
        "-o",
        str(out),
        "--no-translate",
        "--keep-boilerplate",
        "--stats",
        str(tmp_path / "s.json"),
    )
    assert r.returncode == 0 and "error:" not in r.stderr, r.stderr[-2000:]
    got = _read_jsonl_gz(out / "crawl.jsonl.gz")
    assert [g["url"] for g in got] == [f"https://example.org/{k}" for k in range(3)] + [
        "https://example.org/x.png",
        "https://example.org/old",
    ]
    assert [(g["text"], g["cleantext"]["empty"], g["cleantext"]["error"]) for g in got[3:]] == [
        ("", "not an HTML response (image/png)", None),
        ("", "HTTP 404 response", None),
    ]
    assert json.loads((tmp_path / "s.json").read_text("utf-8"))["no_page"] == 2
    assert all(g["id"].startswith("<urn:uuid:") and g["date"] for g in got)
    assert [g["text"] for g in got[:3]] == [
        (out / "pages" / f"p{k}.txt").read_text("utf-8") for k in range(3)
    ]


def test_common_crawls_wet_text_gives_what_its_texts_give_as_files(tmp_path):
    """Common Crawl's WET files hold each page's text as a "conversion" record: a run read a
    .warc.wet.gz as one text document, WARC headers and all. Its records are rows now, as
    the same texts are files; the WARC beside it (same crawl, same stem) writes its own."""
    pytest.importorskip("warcio")
    from warcio.warcwriter import WARCWriter

    texts = ["\n".join(SENTENCES[60 + 3 * k : 63 + 3 * k]) + "\n" for k in range(3)]
    src = tmp_path / "in"
    (src / "texts").mkdir(parents=True)
    stem = "CC-MAIN-20240101000000-00000"
    for end in (".warc.wet.gz", ".warc.gz"):
        with open(src / (stem + end), "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            writer.write_record(writer.create_warcinfo_record(stem + end, {"software": "ours"}))
            for k, text in enumerate(texts):
                (src / "texts" / f"t{k}.txt").write_text(text, encoding="utf-8")
                kind = "conversion" if "wet" in end else "resource"
                rec = writer.create_warc_record(
                    f"https://example.org/{k}",
                    kind,
                    payload=io.BytesIO(text.encode()),
                    warc_content_type="text/plain",
                )
                writer.write_record(rec)
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate", "--keep-boilerplate")
    assert r.returncode == 0 and "error:" not in r.stderr, r.stderr[-2000:]
    got = _read_jsonl_gz(out / f"{stem}.warc.wet.jsonl.gz")
    assert [g["url"] for g in got] == [f"https://example.org/{k}" for k in range(3)]
    # a row's paragraphs one line break apart, as they came (a file's, a blank line)
    files = [(out / "texts" / f"t{k}.txt").read_text("utf-8").replace("\n\n", "\n") for k in range(3)]
    assert [g["text"] for g in got] == files
    assert SENTENCES[60] in got[0]["text"] and "WARC" not in got[0]["text"]
    assert _read_jsonl_gz(out / f"{stem}.jsonl.gz") == []  # no response: nothing of it is a page


def test_rows_named_by_a_pages_address_are_read_as_their_text_is(tmp_path):
    """A dataset of news items (an RSS export: title and summary, the id the article's
    address "….shtml") lost every row whose id ended as a page's name: the row was parsed as
    an HTML page, "not an HTML page that can be parsed" (3,800 of 15,000 real items). A row
    is a page by its content, as a file is by its first bytes; the datatrove step too."""
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleantext.datatrove import CleanText
    from cleantext.settings import Settings

    rows = [
        {
            "id": f"https://www.example.it/cronaca/{k}-notizia.{end}",
            "text": f"{SENTENCES[k]}\n\n{SENTENCES[k + 1]}\n",
        }
        for k, end in enumerate(("shtml", "html", "htm"))
    ]
    page = f"<html><body><article><p>{SENTENCES[10]}</p></article></body></html>"
    rows.append({"id": "https://www.example.it/pagina", "text": page})  # a crawl's page: still a page
    src = tmp_path / "in"
    src.mkdir()
    (src / "items.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    plain = [dict(r, id=f"item-{k}") for k, r in enumerate(rows)]  # the same rows, ids no page's
    (src / "plain.jsonl").write_text("".join(json.dumps(r) + "\n" for r in plain), encoding="utf-8")
    r = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--no-translate")
    assert r.returncode == 0 and "error:" not in r.stderr, r.stderr[-2000:]
    got, want = (
        [json.loads(x) for x in (tmp_path / "out" / name).read_text("utf-8").splitlines()]
        for name in ("items.jsonl", "plain.jsonl")
    )
    assert [g["text"] for g in got] == [w["text"] for w in want]
    assert all(SENTENCES[k] in got[k]["text"] for k in range(3))
    assert got[3]["text"].strip() == SENTENCES[10] and "<p>" not in got[3]["text"]
    docs = [Document(text=r["text"], id=r["id"]) for r in rows]
    cleaned = list(CleanText(Settings(translate=False)).run(docs))
    assert [d.text for d in cleaned] == [g["text"] for g in got]


def test_a_datatrove_pipeline_gives_the_texts_the_cli_gives(tmp_path):
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleantext.datatrove import CleanText
    from cleantext.jobs import count_corpus, plan
    from cleantext.settings import Settings

    rows = _rows()
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl_gz(src / "corpus.jsonl.gz", rows)
    assert run_cli("clean", str(src), "-o", str(tmp_path / "cli"), "--no-translate", "-q").returncode == 0
    settings = Settings(translate=False)
    corpus = count_corpus(plan([src], tmp_path / "unused"), settings)
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), CleanText(settings, corpus), JsonlWriter(str(tmp_path / "dt"))],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    got = [g for f in sorted((tmp_path / "dt").iterdir()) for g in _read_jsonl_gz(f)]
    cli = _read_jsonl_gz(tmp_path / "cli" / "corpus.jsonl.gz")
    assert [g["text"] for g in got] == [c["text"] for c in cli]
    assert got[2]["metadata"]["cleantext"]["dropped"] == 1
    copies = [g["metadata"]["cleantext"].get("duplicate_of") for g in got]
    assert copies == [None] * (len(rows) - 1) + ["doc-0"]  # _rows ends with a copy of the first


def test_the_datatrove_step_names_exact_copies(tmp_path):
    """Issue 33: exact duplicates are flagged with the id they repeat, in the step too."""
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleantext.datatrove import CleanText
    from cleantext.settings import Settings

    rows = _rows(3)  # three rows and a copy of the first
    docs = [Document(text=r["text"], id=r["id"]) for r in rows] + [Document(text=rows[1]["text"], id="copy")]
    out = list(CleanText(Settings(translate=False)).run(docs))
    assert [d.metadata["cleantext"].get("duplicate_of") for d in out] == [None, None, None, "doc-0", "doc-1"]
    assert out[4].text == out[1].text


def test_other_field_names_are_chosen_on_the_command_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    rows = [{"doc_id": f"a{k}", "body": SENTENCES[50 + k] + " ilIl governo ha detto ."} for k in range(2)]
    pq.write_table(pa.Table.from_pylist(rows), src / "data.parquet")
    out = tmp_path / "out"
    r = run_cli(
        "clean", str(src), "-o", str(out), "--no-translate", "--text-field", "body", "--id-field", "doc_id"
    )
    assert r.returncode == 0, r.stderr[-2000:]
    got = pq.read_table(out / "data.parquet").to_pylist()
    assert [g["doc_id"] for g in got] == ["a0", "a1"]
    assert all(g["body"].endswith("Il governo ha detto.") for g in got)


def test_commands_that_do_not_write_datasets_say_so_file_by_file(tmp_path):
    """`translate` writes NAME.it.txt / NAME.en.txt: a dataset in its folder is named as an
    error, not read as one text."""
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl_gz(src / "corpus.jsonl.gz", _rows(2))
    (src / "a.txt").write_text(SENTENCES[0] + "\n", encoding="utf-8")
    r = run_cli("translate", str(src), "-o", str(tmp_path / "out"), "--to", "en", "--engine", "apertium")
    assert r.returncode == 1 and "corpus.jsonl.gz: datasets are cleaned by `cleantext clean`" in r.stderr
    assert (tmp_path / "out" / "a.en.txt").is_file()


def test_sentence_records_go_beside_the_dataset_with_their_row(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    rows = _rows(4)
    _write_jsonl_gz(src / "corpus.jsonl.gz", rows)
    out = tmp_path / "out"
    assert run_cli("clean", str(src), "-o", str(out), "--no-translate", "-q").returncode == 0
    got = _read_jsonl_gz(out / "corpus.jsonl.gz")
    records = _read_jsonl_gz(out / "corpus.sentences.jsonl.gz")
    assert [r["row"] for r in records if r["id"] == 0] == [r["id"] for r in rows]
    assert len(records) == sum(g["cleantext"]["sentences"] for g in got)
    only = tmp_path / "only-txt"
    assert (
        run_cli("clean", str(src), "-o", str(only), "--no-translate", "--format", "txt", "-q").returncode == 0
    )
    assert sorted(p.name for p in only.iterdir() if not p.name.startswith(".")) == ["corpus.jsonl.gz"]


def test_an_up_to_date_rerun_with_a_report_does_not_read_rows_as_records(tmp_path):
    """OUT/corpus.jsonl is the dataset's rows, not a file's sentence records: the report of
    an up-to-date rerun leaves it out, as a first run's report does."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in _rows(3)), "utf-8")
    cmd = ["clean", str(src), "-o", str(tmp_path / "out"), "--no-translate", "-q"]
    assert run_cli(*cmd).returncode == 0
    again = run_cli(*cmd, "--report", str(tmp_path / "run.html"))
    assert again.returncode == 0, again.stderr[-1500:]
    assert "<section id=" not in (tmp_path / "run.html").read_text("utf-8")


def test_input_format_reads_a_dataset_whatever_its_name(tmp_path):
    """--input-format jsonl: files named otherwise (an export's .dat) are datasets, rows out
    as the same file name, each row's text what the .jsonl.gz run gives; text forces the
    other way (a .jsonl read as one document); stdin is no dataset."""
    rows = _rows()
    named, dat = tmp_path / "named", tmp_path / "dat"
    named.mkdir()
    dat.mkdir()
    _write_jsonl_gz(named / "corpus.jsonl.gz", rows)
    with gzip.open(named / "corpus.jsonl.gz", "rb") as f:
        (dat / "export.dat").write_bytes(f.read())
    r = run_cli("clean", str(named), "-o", str(tmp_path / "out-named"), "--no-translate", "-q")
    assert r.returncode == 0, r.stderr[-2000:]
    args = ("--no-translate", "-q", "--pattern", "*.dat", "--format", "txt,jsonl")
    r = run_cli("clean", str(dat), "-o", str(tmp_path / "out-dat"), "--input-format", "jsonl", *args)
    assert r.returncode == 0, r.stderr[-2000:]
    got = [json.loads(x) for x in (tmp_path / "out-dat" / "export.dat").read_text("utf-8").splitlines()]
    expected = _read_jsonl_gz(tmp_path / "out-named" / "corpus.jsonl.gz")
    assert [g["text"] for g in got] == [e["text"] for e in expected]
    assert [g["id"] for g in got] == [r["id"] for r in rows]
    assert (tmp_path / "out-dat" / "export.sentences.jsonl.gz").exists()
    # and back: forced text, a JSONL file is one document of text
    one = tmp_path / "one"
    one.mkdir()
    (one / "rows.jsonl").write_text(json.dumps(rows[0], ensure_ascii=False) + "\n", encoding="utf-8")
    r = run_cli(
        "clean", str(one), "-o", str(tmp_path / "out-one"), "--input-format", "text", "--no-translate"
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert '"id": "doc-0"' in (tmp_path / "out-one" / "rows.txt").read_text("utf-8")
    record = json.loads((tmp_path / "out-one" / "rows.jsonl").read_text("utf-8").splitlines()[0])
    assert "paragraph" in record and "section" not in record  # a sentence's record, not a row
    r = run_cli("clean", "-", "--input-format", "parquet", input="Ciao.\n")
    assert r.returncode == 2 and "--input-format parquet: datasets are read from files, not stdin" in r.stderr


def test_a_killed_run_resumes_inside_a_dataset_file(tmp_path, monkeypatch, pipeline):
    """Issue 33: a run killed in a large dataset file started again at its first row. The
    parts finished before the kill are kept beside the output; the rerun cleans only the rows
    after them, and writes the bytes an uninterrupted run writes."""
    from cleantext import dataset
    from cleantext.jobs import plan
    from cleantext.resume import Options
    from cleantext.runner import Task, run
    from cleantext.settings import Settings

    class Killed(BaseException):
        """The process ends here (as a kill would: nothing after it runs)."""

    monkeypatch.setattr(dataset, "ROWS_PER_BATCH", 2)
    monkeypatch.setattr(dataset, "CHECKPOINT_ROWS", 4)
    rows = _rows(11)  # 12 rows with the copy: three parts of four
    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl_gz(src / "corpus.jsonl.gz", rows)
    opts = Options(Settings(translate=False), ("txt", "jsonl"))

    real = Task._clean_rows

    def clean(out, kill_after=None):
        cleaned = []

        def counted(self, job, batch, part):
            if kill_after is not None and len(cleaned) >= kill_after:
                raise Killed
            cleaned.extend(r.index for r in batch)
            return real(self, job, batch, part)

        monkeypatch.setattr(Task, "_clean_rows", counted)
        summary = run(plan([src], out), out, task=Task(opts, pipeline), executor="local")
        return cleaned, summary

    whole, first = clean(tmp_path / "whole")
    assert whole == list(range(12)) and not first.errors
    killed = tmp_path / "killed"
    with pytest.raises(Killed):
        clean(killed, kill_after=10)  # five batches: two parts finished, the third not
    assert not (killed / "corpus.jsonl.gz").exists()  # no half output under its name
    assert len(list((killed / dataset.PARTS).glob("*/*.pickle.gz"))) == 2
    resumed, summary = clean(killed)
    assert resumed == list(range(8, 12))  # only the rows after the finished parts
    assert (summary.sentences, summary.dropped) == (first.sentences, first.dropped)  # the parts' counts too
    for name in ("corpus.jsonl.gz", "corpus.sentences.jsonl.gz"):
        assert (killed / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert not (killed / dataset.PARTS).exists()  # the parts go once the output is in place


def _write_csv(path, header, rows, delimiter=",", bom=False):
    import csv

    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)


def _read_csv(path, delimiter=","):
    import csv

    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def test_a_spreadsheet_export_comes_back_as_the_same_table(tmp_path):
    """A CSV as an Italian spreadsheet exports it: ';' between cells, a byte order mark,
    articles of several paragraphs in one cell. It comes back with the same delimiter, mark
    and columns, each text cell the clean text a folder run writes for it, and a `cleantext`
    column; a row whose cells do not fit the header is named as the spreadsheet numbers it
    (the header is row 1), and the other rows are written (ours)."""
    rows = _rows(4)
    src, files = tmp_path / "in", tmp_path / "files"
    src.mkdir()
    files.mkdir()
    cells = [[r["id"], r["section"], r["text"], str(r["n"])] for r in rows]
    cells.insert(2, ["cut", "cronaca"])  # a row cut short: spreadsheet row 4
    _write_csv(src / "export.csv", ["id", "sezione", "text", "n"], cells, delimiter=";", bom=True)
    for r in rows:
        (files / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 1 and "export.csv: row 4: 2 cells for 4 columns" in r.stderr, r.stderr[-2000:]
    assert run_cli("clean", str(files), "-o", str(tmp_path / "out-files"), "--no-translate").returncode == 0
    raw = (out / "export.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;sezione;text;n;cleantext\r\n")
    got = _read_csv(out / "export.csv", delimiter=";")
    assert [g["id"] for g in got] == [r["id"] for r in rows[:2]] + ["cut"] + [r["id"] for r in rows[2:]]
    cut = got.pop(2)
    assert cut["text"] == "" and json.loads(cut["cleantext"])["error"] == "2 cells for 4 columns"
    for g, r in zip(got, rows, strict=True):
        assert g["text"] + "\n" == (tmp_path / "out-files" / f"{r['id']}.txt").read_text("utf-8")
        assert (g["sezione"], g["n"]) == (r["section"], str(r["n"]))
    assert "\n\n" in got[0]["text"] and SITE not in got[1]["text"]  # paragraphs kept, site line counted
    assert json.loads(got[-1]["cleantext"])["duplicate_of"].endswith("#doc-0")


def test_a_table_without_the_text_column_is_refused_before_any_output(tmp_path):
    """A CSV or Parquet table whose header has no text column fails alone, naming its
    columns and the option to choose one, and writes nothing; so does one with two columns of
    one name (one would be lost); a gzipped CSV beside it is cleaned (ours)."""
    src = tmp_path / "in"
    src.mkdir()
    _write_csv(src / "links.csv", ["url", "body"], [["https://example.org", SENTENCES[0]]])
    pq.write_table(pa.Table.from_pylist([{"url": "x", "body": SENTENCES[1]}]), src / "pages.parquet")
    _write_csv(src / "news.csv.gz", ["text"], [[SENTENCES[2]]])
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 1
    assert "links.csv: no 'text' column (columns: url, body); name it with --text-field" in r.stderr
    assert "pages.parquet: no 'text' column (columns: url, body)" in r.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "news.csv.gz",
        "news.sentences.jsonl.gz",
    ]
    assert [g["text"] for g in _read_csv(out / "news.csv.gz")] == [SENTENCES[2]]
    _write_csv(src / "twice.csv", ["", "text", ""], [["1", SENTENCES[3], "x"]])  # two unnamed columns
    r = run_cli("clean", str(src / "twice.csv"), "-o", str(tmp_path / "twice"), "--no-translate")
    assert r.returncode == 1 and "twice.csv: columns named twice ('')" in r.stderr, r.stderr[-2000:]
    (src / "twice.csv").unlink()
    again = run_cli("clean", str(src), "-o", str(tmp_path / "body"), "--no-translate", "--text-field", "body")
    assert again.returncode == 1 and "news.csv.gz: no 'body' column (columns: text)" in again.stderr
    assert [g["body"] for g in _read_csv(tmp_path / "body" / "links.csv")] == [SENTENCES[0]]


def test_windows_1252_cells_and_rows_come_out_as_utf8(tmp_path):
    """A spreadsheet in an Italian Windows exports CSV in Windows-1252, and some scrapers
    write JSONL the same way: the cells kept their raw bytes ("Perch\\xe9"), a file no UTF-8
    reader could open. Each field is decoded as a file's lines are, and the CSV output
    opens with a byte order mark, so the same spreadsheet reads it back (ours)."""
    src = tmp_path / "in"
    src.mkdir()
    text = "La città è più bella di quanto si dica. Perché no?"
    (src / "win.csv").write_bytes(f"id;titolo;text\r\n1;Perché;{text}\r\n".encode("cp1252"))
    row = json.dumps({"id": "a", "titolo": "Perché", "text": text}, ensure_ascii=False)
    (src / "scraped.jsonl").write_bytes(row.encode("cp1252") + b"\n")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    raw = (out / "win.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;titolo;text;cleantext\r\n")
    (got,) = _read_csv(out / "win.csv", delimiter=";")
    assert (got["titolo"], got["text"]) == ("Perché", text)
    (line,) = (out / "scraped.jsonl").read_text("utf-8").splitlines()
    assert (json.loads(line)["titolo"], json.loads(line)["text"]) == ("Perché", text)


def test_a_parquet_output_keeps_every_column_as_stored(tmp_path):
    """Columns other than the text are the input's own Arrow data: a time of day in
    nanoseconds came back as 0 through Python values, and the schema's metadata (a Hugging
    Face dataset's features) was dropped; a large_string text stays one. 600 rows cross the
    writer's batches (ours)."""
    import datetime
    import decimal

    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 600
    table = pa.table(
        {
            "text": pa.array(["Il sindaco , ieri, ha parlato."] * (n - 1) + [None], pa.large_string()),
            "at": pa.array(range(1, n + 1), pa.time64("ns")),
            "price": pa.array([decimal.Decimal("1.10")] * n, pa.decimal128(5, 2)),
            "site": pa.array(["a", "b", "c"] * (n // 3)).dictionary_encode(),
            "when": pa.array(
                [datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)] * n, pa.timestamp("ns", "UTC")
            ),
        }
    ).replace_schema_metadata({"huggingface": '{"info": {"features": {}}}'})
    src = tmp_path / "in"
    src.mkdir()
    pq.write_table(table, src / "d.parquet", row_group_size=250)
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    got = pq.read_table(out / "d.parquet")
    for column in ("at", "price", "site", "when"):
        assert got[column].type == table[column].type and got[column].equals(table[column]), column
    assert got.schema.metadata == table.schema.metadata
    assert got["text"].type == pa.large_string()
    texts = got["text"].to_pylist()
    assert texts[:-1] == ["Il sindaco, ieri, ha parlato."] * (n - 1) and texts[-1] is None
    assert got.column_names == [*table.column_names, "cleantext"]


@pytest.mark.parametrize("layout", ["stream", "file"])
def test_an_arrow_dataset_comes_back_in_its_own_layout_every_column_as_stored(tmp_path, layout):
    """A Hugging Face dataset's cache is Arrow IPC streams ("data-00000-of-00001.arrow");
    Feather and pyarrow write IPC files. Each comes back in its own layout, row for row,
    its other columns and its metadata as stored, the text cleaned, `cleantext` added; 600
    rows in batches of 250 cross the writer's (ours)."""
    import datetime

    import pyarrow as pa

    n = 600
    table = pa.table(
        {
            "text": pa.array(["Il sindaco , ieri, ha parlato."] * (n - 1) + [None], pa.large_string()),
            "when": pa.array(
                [datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)] * n, pa.timestamp("ns", "UTC")
            ),
            "site": pa.array(["a", "b", "c"] * (n // 3)).dictionary_encode(),
        }
    ).replace_schema_metadata({"huggingface": '{"info": {"features": {}}}'})
    src = tmp_path / "in"
    src.mkdir()
    with pa.OSFile(str(src / "data.arrow"), "wb") as sink:
        new = pa.ipc.new_stream if layout == "stream" else pa.ipc.new_file
        with new(sink, table.schema) as writer:
            for batch in table.to_batches(max_chunksize=250):
                writer.write_batch(batch)
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    with pa.memory_map(str(out / "data.arrow")) as source:
        got = (pa.ipc.open_stream if layout == "stream" else pa.ipc.open_file)(source).read_all()
    for column in ("when", "site"):
        assert got[column].type == table[column].type and got[column].equals(table[column]), column
    assert got.schema.metadata == table.schema.metadata
    texts = got["text"].to_pylist()
    assert texts[:-1] == ["Il sindaco, ieri, ha parlato."] * (n - 1) and texts[-1] is None
    assert got.column_names == [*table.column_names, "cleantext"]


def test_a_file_named_arrow_that_is_not_one_is_refused_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad.arrow").write_bytes(b"not an arrow file at all")
    (src / "good.txt").write_text(SENTENCES[0] + "\n", encoding="utf-8")
    r = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--no-translate")
    assert r.returncode == 1 and "bad.arrow: not a readable Arrow IPC file" in r.stderr
    assert (tmp_path / "out" / "good.txt").exists() and not (tmp_path / "out" / "bad.arrow").exists()


def test_a_json_array_comes_back_as_an_array_row_for_row(tmp_path):
    """scrapy's `-o items.json` writes one array: it was read as a text document (the JSON
    cleaned as prose), and a .tsv lost its tabs to the spacing rules (ours). A .json is now
    a dataset, an array out for an array in, and a .tsv a tab-separated table."""
    rows = _rows()
    src = tmp_path / "in"
    src.mkdir()
    (src / "items.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    (src / "values.json").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False, indent=2) for r in rows[:2]), encoding="utf-8"
    )
    (src / "cut.json").write_text(json.dumps(rows[:2])[:-40], encoding="utf-8")
    (src / "table.tsv").write_text(
        "id\ttitolo, breve\ttext\n1\tUno\tIl sindaco , ieri, ha parlato.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    names = ("items.json", "values.json", "cut.json", "table.tsv")
    r = run_cli("clean", *(str(src / n) for n in names), "-o", str(out), "--no-translate")
    assert r.returncode == 1 and "cut.json: item 2: invalid JSON" in r.stderr, r.stderr[-2000:]
    items = json.loads((out / "items.json").read_text("utf-8"))
    assert [x["id"] for x in items] == [x["id"] for x in rows]
    assert all(
        x["section"] == w["section"] and not x["cleantext"]["error"] for x, w in zip(items, rows, strict=True)
    )
    assert SITE not in items[0]["text"] and SENTENCES[0] in items[0]["text"]
    values = [json.loads(line) for line in (out / "values.json").read_text("utf-8").splitlines()]
    assert [v["id"] for v in values] == ["doc-0", "doc-1"]
    cut = json.loads((out / "cut.json").read_text("utf-8"))
    assert cut[0]["id"] == "doc-0" and "invalid JSON" in cut[-1]["cleantext"]["error"]
    table = (out / "table.tsv").read_text("utf-8").splitlines()
    assert table[0] == "id\ttitolo, breve\ttext\tcleantext"
    assert table[1].startswith("1\tUno\tIl sindaco, ieri, ha parlato.\t")


def test_a_json_file_is_read_a_chunk_at_a_time_whatever_its_layout(tmp_path, monkeypatch):
    """Items longer than a chunk, numbers cut at a chunk's end, commas and spaces between:
    the rows are those json.loads reads (ours)."""
    import cleantext.dataset as ds

    monkeypatch.setattr(ds, "JSON_CHUNK", 7)
    items = [{"id": k, "text": SENTENCES[k], "score": 12345.678 * k} for k in range(5)]
    for layout in (
        json.dumps(items),
        json.dumps(items, indent=3),
        "\ufeff" + "\n".join(json.dumps(x) for x in items),
    ):
        path = tmp_path / "d.json"
        path.write_text(layout, encoding="utf-8")
        got = list(ds.rows(path, "json"))
        assert [row.fields for row in got] == items and not any(row.error for row in got)


def test_a_row_ends_with_a_line_break_only_where_it_did(tmp_path):
    """A clean row comes back as it was: cleaning adds no line break to a text that had none
    (every row of a Hugging Face dataset came back with one), and keeps the one it had."""
    src = tmp_path / "in"
    src.mkdir()
    rows = [{"id": "a", "text": SENTENCES[0]}, {"id": "b", "text": SENTENCES[1] + "\n"}]
    (src / "d.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    got = [json.loads(x) for x in (out / "d.jsonl").read_text("utf-8").splitlines()]
    assert [g["text"] for g in got] == [r["text"] for r in rows]


def test_a_datasets_rows_are_told_as_they_are_cleaned(tmp_path):
    """A dataset file is one job: the run tells each batch of its rows as it is cleaned, so a
    large file's progress moves before the file is done (in this process; ours)."""
    from cleantext import dataset
    from cleantext.jobs import plan
    from cleantext.pipeline import Settings
    from cleantext.resume import Options
    from cleantext.runner import run

    n = dataset.ROWS_PER_BATCH + 40
    rows = [{"id": k, "text": SENTENCES[k % len(SENTENCES)]} for k in range(n)]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    told: list[int] = []
    jobs = plan([tmp_path / "rows.jsonl"], tmp_path / "out")
    summary = run(jobs, tmp_path / "out", Options(Settings(translate=False)), rows=told.append)
    assert not summary.errors and told == [dataset.ROWS_PER_BATCH, 40]


def test_a_pools_workers_tell_their_rows_too(tmp_path):
    """Two dataset files in a pool of two workers: each worker's batches are told here, as
    they are cleaned, not only the files when they end (ours)."""
    from cleantext import dataset
    from cleantext.jobs import plan
    from cleantext.pipeline import Settings
    from cleantext.resume import Options
    from cleantext.runner import run

    n = dataset.ROWS_PER_BATCH + 40
    rows = [{"id": k, "text": SENTENCES[k % len(SENTENCES)]} for k in range(n)]
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    told: list[int] = []
    jobs = plan([tmp_path / "in"], tmp_path / "out")
    summary = run(jobs, tmp_path / "out", Options(Settings(translate=False)), workers=2, rows=told.append)
    assert not summary.errors and summary.files == 2
    assert sorted(told) == sorted([dataset.ROWS_PER_BATCH, 40] * 2)


def test_a_rows_paragraphs_keep_their_separator(tmp_path):
    """A row whose paragraphs are one line break apart (a spreadsheet's cell, many scrapers'
    rows) comes back so, repaired; one whose paragraphs are a blank line apart keeps that (ours)."""
    rows = [
        {"id": 1, "text": "Il presidente ha detto .\nPoi è andato via ."},
        {"id": 2, "text": "Il presidente ha detto .\n\nPoi è andato via ."},
    ]
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0, r.stderr[-2000:]
    got = [json.loads(x) for x in (out / "rows.jsonl").read_text("utf-8").splitlines()]
    assert [g["text"] for g in got] == [
        "Il presidente ha detto.\nPoi è andato via.",
        "Il presidente ha detto.\n\nPoi è andato via.",
    ]


def test_a_dataset_in_a_compression_its_format_is_not_read_in_fails_alone(tmp_path):
    """A WARC compressed with xz, a Parquet file with gzip: named so, each was decompressed and
    cleaned as one text, WARC headers and all (ours). Each is an error naming what to do; the
    file beside them is cleaned."""
    import lzma

    src = tmp_path / "in"
    src.mkdir()
    (src / "crawl.warc.xz").write_bytes(lzma.compress(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"))
    (src / "table.parquet.gz").write_bytes(gzip.compress(b"PAR1"))
    (src / "a.txt").write_text(SENTENCES[5] + "\n", encoding="utf-8")
    names = [str(src / n) for n in ("crawl.warc.xz", "table.parquet.gz", "a.txt")]
    r = run_cli("clean", *names, "-o", str(tmp_path / "out"), "--no-translate")
    assert r.returncode == 1
    assert "crawl.warc.xz: WARC data compressed with xz: recompress it with gzip" in r.stderr
    assert "table.parquet.gz: Parquet data compressed with gzip: decompress it" in r.stderr
    assert (tmp_path / "out" / "a.txt").exists() and not (tmp_path / "out" / "crawl.txt").exists()
