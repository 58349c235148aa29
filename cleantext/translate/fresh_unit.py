"""Run a command once per NUL-terminated unit of stdin: `python fresh_unit.py CMD ARGS...`.

A pipeline stage for Apertium programs that keep state across `-z` flushes (the 3.8 HMM
tagger, see apertium.py): each unit is fed to a fresh process, whose output is written
followed by NUL and flushed. The next process is started while the current one works, so
its start-up (loading the model) overlaps with the other stages. Runs as a plain script
(no cleantext import) so the stage starts fast.
"""

from __future__ import annotations

import subprocess
import sys


def main(cmd: list[str]) -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer

    def spawn() -> subprocess.Popen[bytes]:
        return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    ready = spawn()  # the next unit's process loads its model while this one waits for input
    pending = b""
    while True:
        chunk = stdin.read1(1 << 16)
        if not chunk:
            break
        *units, pending = (pending + chunk).split(b"\0")
        for unit in units:
            proc, ready = ready, spawn()
            stdout.write(proc.communicate(unit)[0] + b"\0")
        stdout.flush()
    proc, ready = ready, None
    out = proc.communicate(pending)[0]
    if pending:
        stdout.write(out)
        stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
