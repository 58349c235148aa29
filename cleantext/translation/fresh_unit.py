"""Run a NUL-flushing command so that every unit of stdin meets it in its start state:
`python fresh_unit.py MARKER CMD ARGS...`.

A pipeline stage for Apertium programs that change their own state as they work (the 3.8
HMM tagger, see apertium.py). CMD runs long-lived; it must flush a NUL after each unit and
print MARKER on stderr whenever a unit changed its state. After such a unit the process is
retired and the next unit goes to a fresh one, started ahead of time so its start-up
overlaps with the other stages. Units that change nothing (most) cost no new process.
Runs as a plain script (no cleantext import) so the stage starts fast.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import sys


class Worker:
    def __init__(self, cmd: list[str]) -> None:
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert self.proc.stdin and self.proc.stdout and self.proc.stderr
        self.out, self.err = self.proc.stdout.fileno(), self.proc.stderr.fileno()
        os.set_blocking(self.err, False)
        self.pending = b""

    def run(self, unit: bytes, marker: bytes) -> tuple[bytes, bool]:
        """The unit's output, and whether the process marked itself changed."""
        assert self.proc.stdin
        self.proc.stdin.write(unit + b"\0")
        self.proc.stdin.flush()
        err = bytearray()
        sel = selectors.DefaultSelector()
        sel.register(self.out, selectors.EVENT_READ)
        sel.register(self.err, selectors.EVENT_READ)  # drained as we go: a full pipe would block CMD
        try:
            while b"\0" not in self.pending:
                for key, _ in sel.select():
                    chunk = os.read(key.fd, 1 << 16)
                    if key.fd == self.err:
                        err += chunk
                    elif chunk:
                        self.pending += chunk
                    else:
                        raise EOFError("the stage closed its output")
        finally:
            sel.close()
        err += self._drain()  # CMD reports on stderr before it flushes the unit's NUL
        out, _, self.pending = self.pending.partition(b"\0")
        return out, marker in err

    def _drain(self) -> bytes:
        data = bytearray()
        while True:
            try:
                chunk = os.read(self.err, 1 << 16)
            except BlockingIOError:
                return bytes(data)
            if not chunk:
                return bytes(data)
            data += chunk

    def close(self) -> None:
        if self.proc.stdin:
            try:
                self.proc.stdin.close()
            except OSError:  # it died with input unread
                pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def main(marker: str, cmd: list[str]) -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    current, ready = Worker(cmd), Worker(cmd)
    pending = b""
    try:
        while True:
            chunk = stdin.read1(1 << 16)
            if not chunk:
                break
            *units, pending = (pending + chunk).split(b"\0")
            for unit in units:
                for attempt in (1, 2):
                    try:
                        out, changed = current.run(unit, marker.encode())
                        break
                    except (EOFError, OSError):  # the process died on this unit: one more try
                        out, changed = b"", True
                        if attempt == 1:
                            current.close()
                            current, ready = ready, Worker(cmd)
                stdout.write(out + b"\0")  # empty if it died twice: the unit stays untranslated
                if changed:  # retire it: the next unit gets a process in its start state
                    current.close()
                    current, ready = ready, Worker(cmd)
            stdout.flush()
        if pending:
            stdout.write(current.run(pending, marker.encode())[0])
            stdout.flush()
    finally:
        current.close()
        ready.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2:]))
