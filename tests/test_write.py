"""The writers' temporary files: beside their target, named for this process, with the
permissions a plain open() gives, never over an existing file."""

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
