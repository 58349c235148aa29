"""The folder run `clean` and `translate` share (cleantext.cli.folder): the same checks
before any work, for both commands."""

import pytest
from conftest import refuse_to_read, run_cli
from typer.testing import CliRunner

from cleantext.cli import app


@pytest.mark.parametrize("command", [["clean"], ["translate", "--to", "it"]])
def test_inputs_with_no_file_to_take_are_an_error_for_both_commands(tmp_path, command):
    """`translate` over a folder with nothing to take ran and said "0 files"; both commands
    now say what was looked for (exit 2)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("Ciao.", encoding="utf-8")
    r = run_cli(*command, str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2
    assert "error: no text, HTML or dataset files in the inputs" in r.stderr
    assert "1 file (.md 1) not taken" in r.stderr  # what there was, so the user can name it
    assert not (tmp_path / "out").exists()
    if command == ["clean"]:
        r = run_cli(*command, str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--pattern", "*.text")
        assert r.returncode == 2 and "error: no files matching *.text in the inputs" in r.stderr


def test_files_a_folder_run_leaves_are_told_by_their_endings(tmp_path):
    """A folder of articles beside PDFs and a page's assets: the articles are cleaned, and
    the files left are counted by kind, most frequent first, so that one a user meant to
    give (a .md, an archive) is not skipped in silence; hidden files are no one's article."""
    src = tmp_path / "in"
    (src / "pagina_files").mkdir(parents=True)
    (src / "a.txt").write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    for name in ("b.pdf", "c.pdf", "pagina_files/x.css", "d.txt.rar"):
        (src / name).write_bytes(b"%PDF-1.4")
    (src / ".a.txt.swp").write_bytes(b"x")
    r = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "--no-translate")
    assert r.returncode == 0, r.stderr
    assert "4 files (.pdf 2, .css 1, .rar 1) not taken: not text, HTML or dataset files" in r.stderr
    assert (tmp_path / "out" / "a.txt").exists()
    q = run_cli("clean", str(src), "-o", str(tmp_path / "out2"), "--no-translate", "-q")
    assert q.returncode == 0 and "not taken" not in q.stderr  # -q: errors only


def test_translate_reports_an_unreadable_subfolder_as_clean_does(tmp_path, monkeypatch):
    """`translate` skipped a folder it could not read in silence (exit 0); now the file it
    could read is written and the folder is an error at the end (exit 1). The tests run as
    root, who reads everything: the refusal is simulated where the walk asks for it."""
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "a.txt").write_text("Il governo ha approvato la riforma.\n", encoding="utf-8")
    refuse_to_read(monkeypatch, "locked")
    r = CliRunner().invoke(app, ["translate", str(src), "-o", str(tmp_path / "out"), "--to", "it", "-q"])
    assert r.exit_code == 1
    assert "locked: cannot read this folder (Permission denied)" in r.output
    assert (tmp_path / "out" / "a.it.txt").read_text(encoding="utf-8").startswith("Il governo")


def test_a_file_name_with_a_line_break_is_logged_on_one_line(tmp_path):
    """A name holding a line break (legal on POSIX) split the -v line and the error line in
    two, so a log reader saw a line no run wrote (ours)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a\nb.txt").write_text("Il gatto è sul tetto.\n", encoding="utf-8")
    (src / "e\nf.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(200))
    r = run_cli("clean", str(src), "-o", str(tmp_path / "out"), "-v")
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert any(line.endswith("a\\nb.txt: 1 sentences") for line in lines), r.stderr
    assert any(line.startswith("error: ") and "e\\nf.txt: " in line for line in lines), r.stderr
    assert (tmp_path / "out" / "a\nb.txt").read_text("utf-8") == "Il gatto è sul tetto.\n"
