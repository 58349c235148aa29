"""fresh_unit.py: a long-lived stage, retired after any unit that says it changed itself."""

import subprocess
import sys

from cleantext.translation.apertium import FRESH_UNIT

# A stand-in for apertium-tagger -z -d: echoes each NUL-terminated unit with its PID,
# reports "CHANGED" on stderr for units containing "dirty", and floods stderr for "noisy".
STAGE = r"""
import os, sys
buf = b""
while chunk := sys.stdin.buffer.read1(65536):
    buf += chunk
    *units, buf = buf.split(b"\0")
    for u in units:
        if b"crash" in u:
            sys.exit(3)
        if b"dirty" in u:
            sys.stderr.write("CHANGED\n")
        if b"noisy" in u:
            sys.stderr.write("warning: " + "x" * 300_000 + "\n")
        sys.stderr.flush()
        sys.stdout.buffer.write(u + b" pid=" + str(os.getpid()).encode() + b"\0")
        sys.stdout.flush()
"""


def run(units: list[bytes]) -> list[tuple[bytes, bytes]]:
    cmd = [sys.executable, str(FRESH_UNIT), "CHANGED", sys.executable, "-c", STAGE]
    out = subprocess.run(cmd, input=b"".join(u + b"\0" for u in units), capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    pieces = out.stdout.split(b"\0")
    assert pieces[-1] == b""
    return [tuple(p.split(b" pid=")) if p else (b"", b"") for p in pieces[:-1]]


def test_the_process_is_kept_until_a_unit_changes_it():
    got = run([b"a", b"b", b"dirty", b"c", b"d", b"dirty again", b"e"])
    assert [u for u, _ in got] == [b"a", b"b", b"dirty", b"c", b"d", b"dirty again", b"e"]
    pids = [p for _, p in got]
    assert pids[0] == pids[1] == pids[2]  # clean units share one process, the changing one too
    assert pids[3] == pids[4] == pids[5] != pids[2]  # after a change: a fresh process
    assert pids[6] not in (pids[2], pids[5])


def test_a_flood_on_stderr_does_not_block_the_stage():
    got = run([b"noisy", b"after"])
    assert [u for u, _ in got] == [b"noisy", b"after"]


def test_a_unit_that_kills_the_process_comes_out_empty_and_the_rest_go_on():
    got = run([b"a", b"crash", b"b", b"c"])
    assert [u for u, _ in got] == [b"a", b"", b"b", b"c"]
    assert got[2][1] == got[3][1] != got[0][1]  # a new process after the crash
    assert got[0][1]
