"""The writers' temporary files: beside their target, named for this process, with the
permissions a plain open() gives, never over an existing file."""

import json
import os
import random
import socket
import stat
from pathlib import Path

from cleantext import write
from cleantext.write import _mkstemp, atomic_write, part_owner


def test_a_temporary_file_is_this_process_s_with_plain_permissions(tmp_path):
    fd, tmp = _mkstemp(tmp_path / "doc.txt")
    os.close(fd)
    path = Path(tmp)
    assert path.parent == tmp_path and path.name.startswith(".doc.txt.~")
    assert part_owner(path.name) == (socket.gethostname(), os.getpid())  # what a later run may remove
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_a_taken_name_is_never_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(write, "_names", random.Random(7))
    fd, first = _mkstemp(tmp_path / "doc.txt")
    os.write(fd, b"work in progress")
    os.close(fd)
    monkeypatch.setattr(write, "_names", random.Random(7))  # the same name comes up first
    fd, second = _mkstemp(tmp_path / "doc.txt")
    os.close(fd)
    assert second != first and Path(first).read_bytes() == b"work in progress"


def test_atomic_write_leaves_only_the_target(tmp_path):
    atomic_write(tmp_path / "sub" / "a.txt", "testo\n")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["a.txt"]
    assert (tmp_path / "sub" / "a.txt").read_text() == "testo\n"


def _document(text: str):
    from cleantext.pipeline import Pipeline, Settings

    pipeline = Pipeline(Settings(translate=False))
    return pipeline.finish([pipeline.prepare(text.encode(), "doc.txt")])[0]


def test_a_document_is_held_until_commit_and_spilled_past_the_bound(tmp_path, monkeypatch):
    """A document that fits is written at commit, one call per file (no temporary file
    before); past SPILL_CHARS the parts go to their temporary files as they come, and the
    outputs are the same bytes either way; abort leaves nothing."""
    from cleantext.write import DocumentWriter

    parts = [
        _document(f"Il consiglio comunale si è riunito {k} volte.\n\nNon è successo nulla.") for k in range(4)
    ]
    whole = DocumentWriter(tmp_path / "a" / "doc", ("jsonl", "txt", "tsv"))
    for part in parts:
        whole.add(part)
    assert not (tmp_path / "a").exists()  # nothing on the disk before commit
    whole.commit()
    monkeypatch.setattr(write, "SPILL_CHARS", 50)
    spilled = DocumentWriter(tmp_path / "b" / "doc", ("jsonl", "txt", "tsv"))
    spilled.add(parts[0])
    assert len(list((tmp_path / "b").glob(".*.part"))) == 3  # spilled: the parts are on the disk
    for part in parts[1:]:
        spilled.add(part)
    spilled.commit()
    for name in ("doc.jsonl", "doc.txt", "doc.tsv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["doc.jsonl", "doc.tsv", "doc.txt"]
    aborted = DocumentWriter(tmp_path / "c" / "doc", ("jsonl", "txt"))
    aborted.add(parts[0])
    aborted.abort()
    assert not list((tmp_path / "c").iterdir())


def test_a_missing_folder_is_made_and_an_existing_one_is_not_asked_about(tmp_path, monkeypatch):
    """The writers make a target's folder when creating the temporary file finds it missing;
    a document going where an earlier one went asks nothing more of the system."""
    from cleantext.write import DocumentWriter

    made = []
    mkdir = Path.mkdir
    monkeypatch.setattr(Path, "mkdir", lambda self, *a, **k: made.append(self) or mkdir(self, *a, **k))
    doc = _document("Il consiglio comunale si è riunito.")
    for name in ("a", "b"):
        writer = DocumentWriter(tmp_path / "out" / "sub" / name, ("jsonl", "txt"))
        writer.add(doc)
        writer.commit()
        if name == "a":
            assert made and set(made) <= {tmp_path / "out" / "sub", tmp_path / "out"}
            first = list(made)
    atomic_write(tmp_path / "out" / "sub" / "c.txt", "testo\n")
    assert made == first  # the second document and the last file asked nothing
    assert sorted(p.name for p in (tmp_path / "out" / "sub").iterdir()) == [
        "a.jsonl", "a.txt", "b.jsonl", "b.txt", "c.txt",
    ]  # fmt: skip


def test_a_record_line_is_the_encoder_s_line_for_every_sentence(detector):
    """The JSONL line written field by field is the one json writes from the record: every
    sentence of the samples (spans, fixes, drops among them) and odd text of our own."""

    from cleantext.model import Fix, Sentence
    from cleantext.pipeline import Pipeline, Settings

    pipeline = Pipeline(Settings(translate=False), detector=detector)
    samples = sorted((Path(__file__).parents[1] / "samples").glob("*.txt"))
    sentences = [s for p in samples for s in pipeline.run(p.read_bytes(), str(p)).sentences]
    odd = ['"quoted" \\ back\\slash', "tab\tnew\nline\r\x00\x1f\x7f", "\u2028\u2029 \ud800 lone"]
    odd += ["😀 e «più»", ""]
    for k, text in enumerate(odd):
        sentences.append(Sentence(k, k, text, text, fixes=[Fix("odd_spaces"), Fix(text)]))
        sentences.append(Sentence(k, k, text, text, language=None, dropped=text or "duplicate"))
    assert any(s.segments for s in sentences) and any(s.dropped for s in sentences)
    assert sum(not s.segments for s in sentences) > 20
    for s in sentences:
        line = s.json_line()
        assert line == json.dumps(s.record(), ensure_ascii=False) + "\n", s
        if "\ud800" not in s.source:
            assert json.loads(line) == s.record()


def test_a_programs_lines_are_one_line_break_apart_in_every_writer(tmp_path, detector):
    """A Markdown fence's lines come back one line break apart, as written, whether the
    document is written whole or streamed block by block (ours)."""
    from cleantext.pipeline import Pipeline, Settings
    from cleantext.write import DocumentWriter

    code = "```python\ndef add(a, b):\n    return a + b\n```"
    prose = "La funzione restituisce la somma dei due numeri passati come argomenti alla chiamata."
    after = "Il risultato si può usare subito in qualsiasi altra espressione del programma."
    text = f"{prose}\n\n{code}\n\n{after}\n"
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    p = Pipeline(Settings(translate=False), detector=detector)
    assert p.run(text).text == text.rstrip("\n")
    streamed = DocumentWriter(tmp_path / "out" / "doc", ("txt",))
    for part in p.stream(tmp_path / "in.txt", block_chars=len(prose) + 40):
        streamed.add(part)
    streamed.commit()
    assert (tmp_path / "out" / "doc.txt").read_text(encoding="utf-8").rstrip("\n") == text.rstrip("\n")
