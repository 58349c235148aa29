"""Bad input and large input: nothing raised that should not be, nothing lost, memory bounded."""

import json
import os
import re
import stat
from pathlib import Path

import pytest
from conftest import DEV, refuse_to_read, run_cli

from cleantext.jobs import plan
from cleantext.pipeline import Pipeline, Settings
from cleantext.read import ReadError, decode, read_blocks
from cleantext.resume import Options
from cleantext.runner import run


def test_streamed_file_gives_the_same_records_as_a_whole_read(tmp_path, detector):
    # (rules that look at the document around a line see one block at a time; on article
    # text without such lines, streaming changes nothing)
    data = b"\n".join(p.read_bytes() for p in sorted((DEV / "docs").glob("*.txt"))[:30])
    f = tmp_path / "all.txt"
    f.write_bytes(data)
    # (the leftover judgement weighs a document's evidence, so it too sees one block at a
    # time: here every foreign span goes, to compare the rest)
    p = Pipeline(Settings(translate=False, leftovers="all"), detector=detector)
    whole = p.run(f.read_bytes(), str(f))
    parts = list(p.stream(f, block_chars=2000))
    assert len(parts) > 5
    streamed = [s.record() for part in parts for s in part.sentences]
    assert streamed == [s.record() for s in whole.sentences]


def test_large_file_goes_through_the_streaming_path(tmp_path, monkeypatch, detector):
    import cleantext.runner as runner

    monkeypatch.setattr(runner, "STREAM_BYTES", 10_000)
    src = tmp_path / "in"
    src.mkdir()
    pure = sorted(
        {
            json.loads(x)["doc"]
            for x in (DEV / "annotations.jsonl").read_text().splitlines()
            if json.loads(x)["kind"] == "pure"
        }
    )
    big = "\n\n".join((DEV / "gold" / f"{d}.txt").read_text(encoding="utf-8") for d in pure)
    (src / "big.txt").write_text(big, encoding="utf-8")
    out = tmp_path / "out"
    s = run(
        plan([src], out),
        out,
        Options(Settings(translate=False), ("txt", "jsonl", "tmx")),
        pipeline=Pipeline(Settings(translate=False), detector=detector),
    )
    assert s.files == 1 and not s.errors
    recs = [json.loads(x) for x in (out / "big.jsonl").read_text().splitlines()]
    assert [r["id"] for r in recs] == list(range(len(recs)))
    lines = [x for x in big.splitlines() if x.strip()]
    assert [x for x in (out / "big.txt").read_text().splitlines() if x] == lines  # pure Italian: unchanged
    mode = stat.S_IMODE((out / "big.txt").stat().st_mode)
    assert mode & 0o044, "outputs are readable like any file the user writes"


def test_mixed_encodings_are_decoded_line_by_line():
    data = "È già l’una.\n".encode() + "Perché no?\n".encode("cp1252")
    d = decode(data)
    assert d.text == "È già l’una.\nPerché no?"
    assert d.encoding == "mixed (cp1252 + utf-8)"


@pytest.mark.parametrize("data", [b"", b"   \n\n \t\n"])
def test_empty_and_blank_files(data, pipeline):
    doc = pipeline.run(data)
    assert doc.sentences == [] and doc.text == ""


def test_extremely_long_line_is_cut_into_paragraphs(tmp_path):
    line = ("parola " * 40_000).strip()  # 280,000 characters, no newline
    f = tmp_path / "long.txt"
    f.write_text(line)
    text = "".join(t for t, _ in read_blocks(f))
    assert all(len(p) <= 100_000 for p in text.split("\n"))
    assert text.replace("\n", " ") == line


def test_odd_file_names_and_nested_folders(tmp_path, pipeline):
    deep = tmp_path / "in" / "a b" / "città" / "x" / "y" / "z"
    deep.mkdir(parents=True)
    (deep / "articolo con spazi é.txt").write_text("ilIl governo ha detto .", encoding="utf-8")
    (deep / "note.md").write_text("not an article")
    out = tmp_path / "out"
    s = run(plan([tmp_path / "in"], out), out, pipeline=pipeline)
    assert s.files == 1
    assert (
        out / "a b" / "città" / "x" / "y" / "z" / "articolo con spazi é.txt"
    ).read_text() == "Il governo ha detto.\n"


def test_symlinks_out_of_the_input_are_not_followed(tmp_path, pipeline):
    outside = tmp_path / "secret.txt"
    outside.write_text("Segreto.")
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("Ciao.")
    os.symlink(outside, src / "link.txt")
    jobs = plan([src], tmp_path / "out")
    assert [j.rel for j in jobs] == ["ok"]


def test_one_walk_lists_what_rglob_and_is_file_list(tmp_path):
    """plan lists an input folder in one walk; it finds what the many-pattern rglob, then
    Path.is_file, found: nested and odd names, links to files in and out, a link to a
    folder (not entered), a broken link, a folder named like an article, patterns that
    overlap, hidden files and folders, and pathlib's order (by parts, not by string), but for
    case: A.TXT is a text file too (issue 32, item 14); and the resolver's answers for the
    listed files are Path.resolve's."""
    from cleantext.jobs import Resolver, _listed

    src = tmp_path / "in"
    for rel in ["a.txt", "a/b.txt", "a b/città é.txt", "z/y/x/deep.htm", "A.TXT", "n.md", "x.txt/in.txt",
                ".hidden.txt", ".git/c.txt", "sub/.d/e.txt", "sub/f.html", "a-b.txt", "a0.txt"]:  # fmt: skip
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("Ciao.")
    (tmp_path / "outside.txt").write_text("Fuori.")
    os.symlink(tmp_path / "outside.txt", src / "out-link.txt")
    os.symlink(src / "a.txt", src / "sub" / "in-link.txt")
    os.symlink(src / "z", src / "folder-link.txt")
    os.symlink(src / "z", src / "linked")
    os.symlink(tmp_path / "gone.txt", src / "broken.txt")
    for patterns in (["*.txt", "*.html", "*.htm"], ["*.t*", "*.txt"], ["a?.txt"], ["[ab]*.txt"]):
        found = {f for p in patterns for f in [*src.rglob(p), *src.rglob(p.upper())]}
        expected = sorted(f for f in found if f.is_file())
        expected = [f for f in expected if not any(x.startswith(".") for x in f.relative_to(src).parts)]
        resolve = Resolver()
        assert _listed(src, patterns, resolve) == expected, patterns
        assert all(resolve(f) == f.resolve() for f in expected)
    assert [f.relative_to(src).as_posix() for f in _listed(src, ["*.txt"], Resolver())][:4] == [
        "A.TXT",
        "a/b.txt",
        "a b/città é.txt",
        "a-b.txt",
    ]  # by parts, as pathlib sorts: "a" before "a b" (by string, "a b/" comes first)
    assert _listed(src, ["z/*/*/*.htm"], Resolver()) == [src / "z/y/x/deep.htm"]  # a folder in it: rglob
    hidden = ["sub/*/*.txt", ".git/*.txt"]  # through rglob too, hidden parts are left out
    assert sorted(f for p in hidden for f in src.rglob(p)) == [src / ".git/c.txt", src / "sub/.d/e.txt"]
    assert _listed(src, hidden, Resolver()) == []


def test_paths_resolve_as_path_resolve_does_with_each_folder_asked_once(tmp_path, monkeypatch):
    """plan and the overwrite check resolve every input and output; the Resolver asks the
    system about each folder once, and gives what Path.resolve gives: links to files and
    folders, "..", paths that do not exist yet, relative paths."""
    from cleantext.jobs import Resolver

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text("Ciao.")
    (tmp_path / "other.txt").write_text("Ciao.")
    os.symlink(real, tmp_path / "linked")  # a folder link
    os.symlink(tmp_path / "other.txt", real / "link.txt")  # a file link out of the folder
    os.symlink(real / "sub", real / "sublink")
    monkeypatch.chdir(real)
    paths = [
        real / "a.txt", real / "link.txt", real / "missing.txt", real / "sub" / "new" / "x.txt",
        tmp_path / "linked" / "a.txt", tmp_path / "linked" / "link.txt", tmp_path / "linked" / "nope",
        real / "sublink", real / "sublink" / "..", real / "sub" / ".." / "a.txt", Path("a.txt"),
        Path("sub/../link.txt"), Path("."), Path("/"), tmp_path / "linked",
    ]  # fmt: skip
    resolve = Resolver()
    for _ in range(2):  # the second time from the folders it keeps
        for p in paths:
            assert resolve(p) == p.resolve(), p
    asked = []
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: asked.append(self) or self)
    resolve = Resolver()
    looked = []
    is_symlink = Path.is_symlink
    monkeypatch.setattr(Path, "is_symlink", lambda self: looked.append(self) or is_symlink(self))
    for _ in range(2):  # an input is asked about when listed and again when checked
        for k in range(50):
            resolve(real / f"doc{k}.txt")
    assert asked == [real] and len(looked) == 50


def test_unreadable_file_is_an_error_with_its_name(tmp_path):
    with pytest.raises(ReadError, match="missing.txt"):
        list(read_blocks(tmp_path / "missing.txt"))


def test_output_links_out_of_out_are_refused(tmp_path):
    from cleantext.jobs import UsageError

    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_text("Ciao.")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(elsewhere, out / "sub")
    with pytest.raises(UsageError, match="link out of the output folder"):
        plan([tmp_path / "in"], out)


def test_other_files_only_when_asked(tmp_path):
    (tmp_path / "a.txt").write_text("Ciao.")
    (tmp_path / "b.md").write_text("Ciao.")
    assert [j.rel for j in plan([tmp_path], tmp_path.parent / "o1")] == ["a"]
    assert [j.rel for j in plan([tmp_path], tmp_path.parent / "o2", pattern="*.md")] == ["b"]


def test_no_output_is_ever_written_over_an_input(tmp_path):
    """Issue 17: `clean dir/a.jsonl -o dir` replaced the input with its own records, and
    `--report` could name an input; every output is checked before any work."""
    d = tmp_path / "dir"
    d.mkdir()
    (d / "a.jsonl").write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    (d / "b.txt").write_text("Il ministro ha parlato ieri.\n", encoding="utf-8")
    (d / "b.it.txt").write_text("Il sindaco ha parlato oggi.\n", encoding="utf-8")
    before = {f.name: f.read_bytes() for f in d.iterdir()}
    for args in (
        ["clean", str(d / "a.jsonl"), "-o", str(d)],
        ["clean", str(d), "--pattern", "*.jsonl", "-o", str(d)],  # OUT inside the input folder anyway
        ["clean", str(d / "b.txt"), "-o", str(tmp_path / "o"), "--report", str(d / "b.txt")],
        ["translate", str(d / "b.txt"), str(d / "b.it.txt"), "-o", str(d), "--to", "it"],  # b → b.it.txt
    ):
        r = run_cli(*args)
        assert r.returncode == 2 and "error:" in r.stderr, (args, r.stderr)
    assert {f.name: f.read_bytes() for f in d.iterdir()} == before


def test_bad_combinations_and_odd_names_fail_in_one_line_before_any_work(tmp_path):
    """Issue 17, items 8 and 10: one line naming the problem, exit 2, nothing written."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    (src / b"caff\xe8.txt".decode("utf-8", "surrogateescape")).write_text("Il caffè è buono.\n")  # Latin-1

    def cli(*args, stdin=""):
        return run_cli(*args, input=stdin, timeout=300)

    out = tmp_path / "out"
    for args, says in (
        (["clean", "-", str(src / "a.txt")], "stands alone"),
        (["clean", "-", "-o", str(out)], "stands alone"),
        (["clean", str(src), "-o", str(out), "--report", str(tmp_path)], "is a folder"),
        (["clean", str(src), "-o", str(out), "--pattern", str(src / "*.txt")], "not a path"),
        (["translate", str(src), "-o", str(out), "--to", "xx"], "no engine translates it→xx"),
        (["translate", str(src), "-o", str(out), "--to", "xx"], "models download it xx"),
        (["translate", "-", "-o", str(out)], "without -o"),
    ):
        r = cli(*args)
        # the message, as read: a long path makes the error box wrap it over lines
        said = " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.stderr).split())
        assert r.returncode == 2 and says in said and "Traceback" not in r.stderr, (args, r.stderr[-800:])
    assert not out.exists()
    # a file name that is not UTF-8 goes through --shard and --report; --format txt,txt once
    page = tmp_path / "r.html"
    for shard in ("1/2", "2/2"):
        args = [
            "clean",
            str(src),
            "-o",
            str(out),
            "-q",
            "--no-translate",
            "--shard",
            shard,
            "--report",
            str(page),
        ]
        r = cli(*args, "--format", "txt,txt")
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-800:]
    assert len(list(out.glob("*.txt"))) == 2 and not list(out.glob("*.part")) and page.is_file()
    # empty stdin: nothing out
    assert cli("clean", "-", stdin="").stdout == ""
    # a 240-character name: the temporary name beside it still fits in 255 bytes
    long = tmp_path / "long"
    long.mkdir()
    (long / ("x" * 240 + ".txt")).write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    r = cli("clean", str(long), "-o", str(tmp_path / "o2"), "-q", "--no-translate")
    assert r.returncode == 0 and (tmp_path / "o2" / ("x" * 240 + ".jsonl")).is_file(), r.stderr[-800:]


def test_nul_bytes_anywhere_refuse_the_file_and_out_or_models_must_be_folders(tmp_path):
    """Issue 17, item 10: a NUL after the first 4 KB was silently dropped; an OUT that is a
    file was called 'not writable'; --models naming no folder was ignored."""

    late = b"Il governo ha approvato la riforma.\n" * 200 + b"dati\x00binari\n"
    assert len(late) > 4096
    with pytest.raises(ReadError, match="NUL"):
        decode(late, "late.bin")
    src = tmp_path / "a.txt"
    src.write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    afile = tmp_path / "out.txt"
    afile.write_text("x")

    def cli(*args):
        return run_cli(*args, env={**os.environ, "COLUMNS": "300"})  # typer's error box on one line

    r = cli("clean", str(src), "-o", str(afile))
    assert r.returncode == 2 and "is an existing file" in r.stderr
    r = cli("clean", str(src), "-o", "")  # it would have written into the current folder
    assert r.returncode == 2 and "give an output folder" in r.stderr
    r = cli("clean", str(src), "-o", str(tmp_path / "o"), "--models", str(tmp_path / "nope"))
    assert r.returncode == 2 and "no such folder" in r.stderr


def test_stdin_is_read_block_by_block_like_a_file(tmp_path):
    """Issue 17, item 9: stdin was read whole (50 MB took 1.7 GB); now a pipe is read in
    blocks as large files are, the first 4 KB sniffed for the encoding and read again."""
    import threading

    text = ("Il governo ha approvato la riforma delle pensioni dopo una lunga trattativa.\n\n" * 400).encode(
        "utf-16"
    )
    path = tmp_path / "a.txt"
    path.write_bytes(text)
    r, w = os.pipe()
    threading.Thread(target=lambda: (os.write(w, text), os.close(w)), daemon=True).start()
    with open(r, "rb") as pipe:
        assert not pipe.seekable()
        piped = list(read_blocks(pipe, block_chars=2000))
    assert piped == list(read_blocks(path, block_chars=2000)) and len(piped) > 3


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    """Issue 17, item 7: as an unprivileged user, a folder without read permission was
    skipped in silence (exit 0). The tests run as root, who reads everything: the folder's
    refusal is simulated where the walk asks for it."""
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "a.txt").write_text("Ciao.")
    refuse_to_read(monkeypatch, "locked")
    problems: list[tuple[str, str]] = []
    jobs = plan([src], tmp_path / "out", problems=problems)
    assert [j.rel for j in jobs] == ["a"]
    assert len(problems) == 1 and "locked: cannot read this folder (Permission denied)" in problems[0][1]


def test_a_full_disk_fails_file_by_file_with_a_summary(tmp_path, monkeypatch, pipeline):
    """Issue 17, item 8: ENOSPC ended the run with a traceback. Each file that cannot be
    written is an error naming it; what was written stays; the run ends with its summary."""
    import errno

    import cleantext.runner as runner_module

    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.txt").write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    real = runner_module.write_document
    calls = {"n": 0}

    def full_after_one(doc, base, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(doc, base, *args, **kwargs)

    monkeypatch.setattr(runner_module, "write_document", full_after_one)
    out = tmp_path / "out"
    summary = run(plan([src], out), out, Options(Settings(translate=False)), pipeline=pipeline)
    assert summary.files == 1 and len(summary.errors) == 2
    assert all("No space left on device" in e and "cannot write" in e for _, e in summary.errors)
    assert (out / "a.txt").is_file() and not list(out.glob("*.part"))


def test_the_resume_log_makes_its_folder_when_missing_and_keeps_every_line(tmp_path):
    """StateLog appends under a lock on OUT, making OUT only when it is missing (it is
    asked at every finished file); what two logs of one OUT add is all there after both
    compact."""
    from cleantext.resume import Finished, StateLog

    out = tmp_path / "new" / "out"
    first, second = StateLog(out), StateLog(out)
    first.add("a", "d1", "k")
    second.add("b", "d2", "k")
    first.add("c", "d3", "k")
    first.compact()
    second.compact()
    assert StateLog(out).done == {
        "a": Finished("d1", "k"),
        "b": Finished("d2", "k"),
        "c": Finished("d3", "k"),
    }


def test_a_linked_resume_log_is_refused_and_never_written_through(tmp_path):
    """Issue 32, item 2: OUT/.cleantext-state.jsonl as a symbolic link made the run append
    to whatever it pointed at, outside OUT."""
    from cleantext.resume import StateLog

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Il governo ha parlato ieri.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("mine\n")
    (out / ".cleantext-state.jsonl").symlink_to(victim)
    r = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "--no-translate")
    assert r.returncode == 2 and "symbolic link" in r.stderr, r.stderr
    assert victim.read_text() == "mine\n" and not (out / "a.txt").exists()
    with pytest.raises(OSError):  # the log itself does not follow a link made during a run
        StateLog(out).add("a", "x", "y")
    assert victim.read_text() == "mine\n"


@pytest.mark.parametrize("name", ["a.txt", "a.jsonl", ".cleantext-state.jsonl", "sub/../a.tsv"])
def test_the_report_may_not_replace_an_output_of_the_run(tmp_path, name):
    """Issue 32, item 3: --report OUT/<an output> replaced it (exit 0), and the rerun called
    it up to date."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Il governo ha parlato ieri.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "--no-translate", "--report", str(out / name))
    assert r.returncode == 2 and "is an output of this run" in r.stderr, r.stderr
    ok = run_cli(
        "clean", str(tmp_path / "in"), "-o", str(out), "--no-translate", "--report", str(out / "run.html")
    )
    assert ok.returncode == 0 and (out / "run.html").is_file() and (out / "a.txt").is_file()


def test_an_output_cut_short_or_emptied_since_is_not_up_to_date(tmp_path):
    """Issue 32, item 14: an output truncated to 0 bytes counted as up to date."""
    (tmp_path / "in").mkdir()
    for k in range(2):
        (tmp_path / "in" / f"a{k}.txt").write_text("Il governo ha parlato ieri sera.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("clean", str(tmp_path / "in"), "-o", str(out), "--no-translate", "--format", "txt,jsonl")
    assert run_cli(*args).returncode == 0
    whole = (out / "a0.jsonl").read_bytes()
    (out / "a0.jsonl").write_bytes(b"")
    (out / "a1.txt").write_bytes((out / "a1.txt").read_bytes()[:5])
    r = run_cli(*args)
    assert r.returncode == 0 and "0 already up to date" in r.stderr, r.stderr
    assert (out / "a0.jsonl").read_bytes() == whole
    assert "2 cleaned" not in run_cli(*args).stderr  # and the rerun after that has nothing to do


def test_xml_invalid_characters_never_reach_tmx_or_the_text(tmp_path):
    """Issue 32, item 10: TMX was not well-formed XML when the source held U+0001 or U+FFFE;
    U+FFFE also reached the .txt. Item 14: an ESC sequence lost its ESC and kept "[31m"."""
    import xml.dom.minidom

    (tmp_path / "in").mkdir()
    text = (
        "Il governo\x01 ha parlato\ufffe ieri. The minister said that the reform will pass.\n"
        "\x1b[31mErrore\x1b[0m di rete durante la diretta.\n"
    )
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "--format", "txt,tmx", "--tmx-sentences")
    assert r.returncode in (0, 3), r.stderr
    xml.dom.minidom.parse(str(out / "a.tmx"))  # well-formed
    clean = (out / "a.txt").read_text("utf-8")
    assert "\ufffe" not in clean and "\x01" not in clean and "[31m" not in clean
    assert "Errore di rete" in clean


def test_a_latin1_file_name_is_written_the_same_way_in_every_format(tmp_path):
    """Issue 32, item 8: --format meta crashed on a Latin-1 file name (UnicodeEncodeError)."""
    src = tmp_path / "in"
    src.mkdir()
    name = os.fsdecode(b"citt\xe0.txt")  # not UTF-8: held as a surrogate
    (src / name).write_text("La città è bella.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate", "--format", "txt,jsonl,tsv,tmx,meta")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-800:]
    meta = json.loads((out / os.fsdecode(b"citt\xe0.meta.json")).read_text("utf-8"))
    assert meta["source"].endswith("citt\ufffd.txt")


def test_a_latin1_file_name_with_a_copy_beside_it_is_cleaned(tmp_path):
    """Copies of a document are named in the run's evidence by file: a Latin-1 name among
    them ended the whole run with a UnicodeEncodeError before any file was cleaned (ours)."""
    text = (
        "La città è bella, ha detto ieri il sindaco durante la conferenza stampa in municipio, "
        "e i lavori del nuovo ponte sul fiume finiranno entro la fine del prossimo anno.\n"
    )
    src = tmp_path / "in"
    src.mkdir()
    for name in (os.fsdecode(b"citt\xe0.txt"), "copia.txt"):
        (src / name).write_text(text, encoding="utf-8")
    for k, other in enumerate(("Il treno per Milano è partito con un'ora di ritardo.", "Domani piove.")):
        (src / f"altro{k}.txt").write_text(other + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-800:]
    assert (out / os.fsdecode(b"citt\xe0.txt")).read_text("utf-8") == text
    assert (out / "copia.txt").is_file()


def test_upper_case_extensions_are_inputs_too(tmp_path):
    """Issue 32, item 14: A.TXT and B.HTML were skipped with no count."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "A.TXT").write_text("Il governo ha parlato ieri.\n", encoding="utf-8")
    (src / "B.HTML").write_text(
        "<html><body><article><p>Il governo ha approvato ieri sera la riforma delle pensioni, dopo "
        "una lunga discussione in aula e molte proteste.</p></article></body></html>",
        encoding="utf-8",
    )
    assert sorted(j.rel for j in plan([src], tmp_path / "out")) == ["A", "B"]


def test_a_long_line_is_read_in_bounded_pieces_that_keep_every_character():
    """Issue 32, item 9: a 50 MB line was read whole (3.2 GB at its peak). It is read in
    pieces of at most MAX_LINE bytes, cut at a space, or between characters when it has none."""
    import io

    from cleantext.read import MAX_LINE

    spaced = ("città perché " * (MAX_LINE // 4)).strip().encode("utf-8")  # about 3 x MAX_LINE bytes
    blocks = [t for t, _ in read_blocks(io.BytesIO(spaced), block_chars=MAX_LINE // 2)]
    assert len(blocks) >= 3 and all(len(b) <= MAX_LINE for b in blocks)
    assert " ".join(b.replace("\n", " ") for b in blocks) == spaced.decode("utf-8")
    solid = ("è" * (MAX_LINE + 7)).encode("utf-8")  # no space: cut between two characters
    decoded = decode(solid)
    assert decoded.text.replace("\n", "") == "è" * (MAX_LINE + 7) and decoded.encoding == "utf-8"


def test_long_paragraphs_of_the_same_few_words_are_not_near_repeats():
    """Issue 32, item 9: paragraphs of a few words in any order passed every cheap test of
    near_repeat and took minutes to compare; true near repeats still are."""
    import random

    from cleantext.repeats import RepeatFinder
    from cleantext.tokens import _line_words, line_words

    vocab = "il governo ha detto che la riforma delle pensioni sarà approvata entro fine mese".split()
    rng = random.Random(5)
    finder = RepeatFinder()
    salads = [" ".join(rng.choice(vocab) for _ in range(300)) + "." for _ in range(20)]
    assert not any(finder.seen(s) for s in salads)
    text = " ".join(f"Il ministro {w} ha parlato a lungo della riforma." for w in vocab[:8])
    assert not finder.seen(text) and finder.seen(text.replace("a lungo della", "della", 1))
    _line_words.cache_clear()
    line_words("parola " * 2000)  # a long line is not kept in the words cache
    assert _line_words.cache_info().currsize == 0


def test_a_file_past_the_time_limit_fails_alone_with_a_message(tmp_path):
    """Issue 32, item 6: a page of a million tiny paragraphs ran for more than 11 minutes at
    full CPU with no way to bound it. --file-timeout fails that file alone."""
    src = tmp_path / "in"
    src.mkdir()
    paras = "".join(f"<p>Riga {i} del testo.</p>" for i in range(300_000))
    (src / "huge.html").write_text(f"<html><body><article>{paras}</article></body></html>", encoding="utf-8")
    (src / "ok.txt").write_text("Il governo ha parlato ieri sera.\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run_cli("clean", str(src), "-o", str(out), "--no-translate", "--file-timeout", "0.5")
    assert r.returncode == 1, r.stderr[-800:]
    assert "huge.html: took longer than 0.5 s" in r.stderr
    assert (out / "ok.txt").read_text("utf-8") == "Il governo ha parlato ieri sera.\n"
    assert not (out / "huge.txt").exists()


def test_the_time_limit_passes_through_code_that_catches_every_error():
    """A library that catches Exception around its own work (trafilatura does, and falls
    back to another extractor) swallowed the time limit: a page past --file-timeout ran on
    for minutes."""
    import time

    from cleantext.runner import FileTimeout, time_limit

    start = time.monotonic()
    with pytest.raises(FileTimeout), time_limit(0.2):
        while time.monotonic() - start < 5:
            try:
                sum(range(10_000))
            except Exception:  # noqa: BLE001, S112 -- the library's own catch-all
                continue
    assert time.monotonic() - start < 5


def test_the_time_limit_interrupts_pure_python_work_and_is_off_outside_the_main_thread():
    import threading
    import time

    from cleantext.runner import FileTimeout, time_limit

    start = time.monotonic()
    with pytest.raises(FileTimeout), time_limit(0.2):
        while True:
            pass
    assert time.monotonic() - start < 5
    with time_limit(0):  # no limit
        time.sleep(0.3)
    errors = []

    def elsewhere() -> None:
        try:
            with time_limit(0.1):
                time.sleep(0.3)
        except FileTimeout as e:
            errors.append(e)

    t = threading.Thread(target=elsewhere)
    t.start()
    t.join()
    assert not errors


def test_gzipped_documents_give_what_their_files_give(tmp_path, monkeypatch):
    """Issue 33: a .txt.gz was refused as "a gzip archive". A compressed text or page is one
    document, read as its file would be (whole, or block by block when large)."""
    import gzip

    from cleantext import runner

    text = "La citt\xe0 \xe8 bella.\n\nilIl governo ha detto .\n".encode("cp1252")
    page = (
        b"<html><head><title>Pensioni</title></head><body><article><p>Il governo ha approvato ieri sera "
        b"la riforma delle pensioni dopo una lunga discussione in aula e molte proteste.</p></article>"
        b"</body></html>"
    )
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    (plain / "a.txt").write_bytes(text)
    (plain / "b.html").write_bytes(page)
    (packed / "a.txt.gz").write_bytes(gzip.compress(text))
    (packed / "b.html.gz").write_bytes(gzip.compress(page))
    (packed / "cut.txt.gz").write_bytes(gzip.compress(text * 50)[:40])
    for d in (plain, packed):
        run_cli("clean", str(d), "-o", str(tmp_path / f"out-{d.name}"), "--no-translate", "-q")
    for name in ("a.txt", "b.txt"):
        assert (tmp_path / "out-packed" / name).read_text("utf-8") == (
            tmp_path / "out-plain" / name
        ).read_text("utf-8")
    r = run_cli("clean", str(packed), "-o", str(tmp_path / "out-packed"), "--no-translate")
    assert r.returncode == 1 and "cut.txt.gz: not a readable gzip file" in r.stderr, r.stderr[-800:]
    # a large one goes block by block, with the same outcome
    monkeypatch.setattr(runner, "STREAM_BYTES", 10)
    out = tmp_path / "out-streamed"
    jobs = [j for j in plan([packed], out) if j.rel == "a"]
    summary = run(jobs, out, Options(Settings(translate=False)))
    assert not summary.errors
    assert (out / "a.txt").read_text("utf-8") == (tmp_path / "out-plain" / "a.txt").read_text("utf-8")
