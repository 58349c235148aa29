#!/usr/bin/env python3
"""Hostile cases against the command line, each checked for what cleantext promises: nothing
orphaned, nothing hung, no output lost or written where it should not be, a clear message.

    python scripts/adversarial.py [--only NAME ...] [--keep]

Each probe builds its inputs in a temporary folder (own text), runs `python -m cleantext` as
a user would, and prints PASS or FAIL with what was seen; the exit code is the number of
failures. The whole set runs in about two minutes on two cores (Apertium installed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.dom.minidom
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [  # own text
    "Il governo ha approvato ieri sera la riforma delle pensioni dopo una lunga discussione.",
    "Le opposizioni hanno chiesto di rinviare il voto finale alla prossima settimana.",
    "Il ministro ha risposto che i conti pubblici non permettono altri ritardi.",
    "I sindacati hanno annunciato uno sciopero generale per la fine del mese.",
]
ARTICLE = "\n\n".join(SENTENCES) + "\n"


def cli(*args: str, env: dict | None = None, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        **kw,
    )


def folder(base: Path, name: str, files: dict[str, str | bytes]) -> Path:
    d = base / name
    d.mkdir(parents=True)
    for rel, content in files.items():
        path = d / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return d


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for row in subprocess.run(
        ["ps", "-eo", "pid=,ppid="], capture_output=True, text=True
    ).stdout.splitlines():
        p, pp = (int(x) for x in row.split())
        children.setdefault(pp, []).append(p)
    out, level = set(), [pid]
    while level:
        level = [c for p in level for c in children.get(p, [])]
        out.update(level)
    return out


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0] != "Z"
    except OSError:
        return False


# --- the probes: each returns (passed, what was seen) ------------------------------------


def kill9_parent(tmp: Path) -> tuple[bool, str]:
    src = folder(tmp, "in", {f"d{k:03d}.txt": ARTICLE.replace("ieri", f"il giorno {k}") for k in range(300)})
    out = tmp / "out"
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(out), "-j", "2", "--no-translate"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = out / ".cleantext-state.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline and (not state.exists() or len(state.read_text().splitlines()) < 3):
        time.sleep(0.05)
    below = descendants(proc.pid)
    proc.kill()
    proc.wait()
    deadline = time.time() + 15
    while (alive := [p for p in below if running(p)]) and time.time() < deadline:
        time.sleep(0.1)
    return not alive, f"{len(below)} processes below the run, {len(alive)} left 15 s after kill -9"


def linked_state_log(tmp: Path) -> tuple[bool, str]:
    src = folder(tmp, "in", {"a.txt": ARTICLE})
    out = tmp / "out"
    out.mkdir()
    victim = tmp / "victim.txt"
    victim.write_text("mine\n")
    (out / ".cleantext-state.jsonl").symlink_to(victim)
    r = cli("clean", str(src), "-o", str(out), "--no-translate")
    return r.returncode == 2 and victim.read_text() == "mine\n", r.stderr.strip()[-200:]


def report_over_output(tmp: Path) -> tuple[bool, str]:
    src = folder(tmp, "in", {"a.txt": ARTICLE})
    out = tmp / "out"
    r = cli("clean", str(src), "-o", str(out), "--no-translate", "--report", str(out / "a.jsonl"))
    return r.returncode == 2 and "is an output" in r.stderr, r.stderr.strip()[-200:]


def identical_copies(tmp: Path) -> tuple[bool, str]:
    src = folder(tmp, "in", {f"copy{k}.txt": ARTICLE for k in range(3)})
    out = tmp / "out"
    r = cli("clean", str(src), "-o", str(out), "--no-translate", "-q")
    texts = [(out / f"copy{k}.txt").read_text("utf-8") for k in range(3)]
    return r.returncode == 0 and all(SENTENCES[0] in t for t in texts), f"lengths {[len(t) for t in texts]}"


def html_cut(tmp: Path) -> tuple[bool, str]:
    first = "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
    second = "".join(f"<p>{s}</p>" for s in SENTENCES[2:])
    pages = {
        "nested.html": f"<html><body><article>{first}{'<div>' * 300}{second}{'</div>' * 300}"
        "</article></body></html>",
        "script.html": f"<html><body><article>{first}<script>var x='{'a' * 11_700_000}';</script>{second}"
        "</article></body></html>",
    }
    src = folder(tmp, "in", pages)
    out = tmp / "out"
    cli("clean", str(src), "-o", str(out), "--no-translate", "-q")
    whole = [n for n in ("nested", "script") if SENTENCES[3] in (out / f"{n}.txt").read_text("utf-8")]
    return len(whole) == 2, f"whole articles: {whole}"


def huge_page_timeout(tmp: Path) -> tuple[bool, str]:
    paras = "".join(f"<p>Riga {i} del testo.</p>" for i in range(1_000_000))
    src = folder(tmp, "in", {"huge.html": f"<html><body>{paras}</body></html>", "ok.txt": ARTICLE})
    out = tmp / "out"
    start = time.time()
    r = cli("clean", str(src), "-o", str(out), "--no-translate", "--file-timeout", "3")
    took = time.time() - start
    ok = r.returncode == 1 and "took longer" in r.stderr and (out / "ok.txt").exists() and took < 60
    return ok, f"{took:.0f} s, exit {r.returncode}"


def bad_charsets(tmp: Path) -> tuple[bool, str]:
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    files = {
        f"{c}.html": f'<html><head><meta charset="{c}"></head><body><article>{body}</article></body></html>'
        for c in ("base64", "hex", "zlib", "rot13", "utf-16")
    }
    src = folder(tmp, "in", {**files, "ok.txt": ARTICLE})
    out = tmp / "out"
    r = cli("clean", str(src), "-o", str(out), "--no-translate", "-q")
    written = len(list(out.glob("*.txt")))
    return r.returncode == 0 and written == 6, f"exit {r.returncode}, {written} of 6 written"


def latin1_name(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in"
    src.mkdir()
    (src / os.fsdecode(b"citt\xe0.txt")).write_text(ARTICLE, encoding="utf-8")
    out = tmp / "out"
    r = cli("clean", str(src), "-o", str(out), "--no-translate", "-q", "--format", "txt,jsonl,tsv,tmx,meta")
    written = sorted(p.name[5:] for p in out.iterdir() if not p.name.startswith("."))
    return r.returncode == 0 and len(written) == 5, f"exit {r.returncode}, written: {written}"


def long_line(tmp: Path) -> tuple[bool, str]:
    rng = random.Random(1)
    words = " ".join(SENTENCES).split()
    line = " ".join(rng.choice(words) for _ in range(3_000_000))[:20_000_000]
    src = folder(tmp, "in", {"line.txt": line})
    # the run's own peak: measured by a parent of its own (this process's children peaked before)
    measure = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)"
    )
    start = time.time()
    run = [
        sys.executable,
        "-m",
        "cleantext",
        "clean",
        str(src),
        "-o",
        str(tmp / "out"),
        "--no-translate",
        "-q",
    ]
    r = subprocess.run([sys.executable, "-c", measure, *run], capture_output=True, text=True, cwd=ROOT)
    took = time.time() - start
    peak = int(r.stdout.split()[-1]) if r.returncode == 0 else -1
    return r.returncode == 0 and 0 < peak < 600 and took < 120, f"20 MB line: {took:.0f} s, peak {peak} MB"


def xml_invalid(tmp: Path) -> tuple[bool, str]:
    src = folder(
        tmp, "in", {"a.txt": "Il governo\x01 ha parlato\ufffe ieri.\n\x1b[31mErrore\x1b[0m di rete.\n"}
    )
    out = tmp / "out"
    cli("clean", str(src), "-o", str(out), "--no-translate", "--format", "txt,tmx", "--tmx-sentences", "-q")
    try:
        xml.dom.minidom.parse(str(out / "a.tmx"))
    except Exception as e:  # noqa: BLE001
        return False, f"TMX: {e}"
    text = (out / "a.txt").read_text("utf-8")
    return not any(c in text for c in "\x01\ufffe\x1b[") or "[31m" not in text, repr(text[:80])


def index_dev_zero(tmp: Path) -> tuple[bool, str]:
    env = {"CLEANTEXT_ARGOS_INDEX": "file:///dev/zero", "CLEANTEXT_MODELS": str(tmp / "store")}
    r = cli("models", "download", "fr", "it", env=env, timeout=120)
    return r.returncode != 0 and "Traceback" not in r.stderr, r.stderr.strip()[-200:]


def zip_file_and_folder(tmp: Path) -> tuple[bool, str]:
    pkg = tmp / "evil.argosmodel"
    with zipfile.ZipFile(pkg, "w") as zf:
        zf.writestr("p/metadata.json", json.dumps({"from_code": "fr", "to_code": "it"}))
        zf.writestr("p/model", "x")
        zf.writestr("p/model/model.bin", "x")
        zf.writestr("p/" + "n" * 300, "x")
    r = cli("models", "install", str(pkg), env={"CLEANTEXT_MODELS": str(tmp / "store")})
    return r.returncode != 0 and "Traceback" not in r.stderr, r.stderr.strip()[-200:]


def corrupt_cache(tmp: Path) -> tuple[bool, str]:
    cache = tmp / "cache"
    src = folder(tmp, "in", {"a.txt": ARTICLE})
    env = {"CLEANTEXT_CACHE": str(cache)}
    cli("clean", str(src), "-o", str(tmp / "o1"), "--no-translate", "-q", env=env)
    damaged = 0
    for db in cache.rglob("*.sqlite"):
        with sqlite3.connect(db) as c:
            c.execute("SELECT 1").fetchall()
        data = bytearray(db.read_bytes())
        rng = random.Random(2)
        for at in range(len(data) // 4, len(data), 4096):
            data[at : at + 64] = rng.randbytes(64)
        db.write_bytes(bytes(data))
        damaged += 1
    r = cli("clean", str(src), "-o", str(tmp / "o2"), "--no-translate", "-q", env=env)
    return (
        r.returncode == 0 and damaged > 0,
        f"{damaged} copies damaged; exit {r.returncode} {r.stderr[-150:]}",
    )


def emptied_output(tmp: Path) -> tuple[bool, str]:
    src = folder(tmp, "in", {"A.TXT": ARTICLE})
    out = tmp / "out"
    cli("clean", str(src), "-o", str(out), "--no-translate", "-q")
    (out / "A.txt").write_bytes(b"")
    cli("clean", str(src), "-o", str(out), "--no-translate", "-q")
    size = (out / "A.txt").stat().st_size
    return size > 0, f"A.txt after the rerun: {size} bytes"


def broken_stage(tmp: Path) -> tuple[bool, str]:
    fake = tmp / "bin"
    fake.mkdir()
    (fake / "apertium-pretransfer").write_text("#!/bin/sh\nexit 1\n")
    (fake / "apertium-pretransfer").chmod(0o755)
    src = folder(tmp, "in", {"a.txt": ARTICLE + "The government said that the reform will pass next week.\n"})
    start = time.time()
    r = cli(
        "clean",
        str(src),
        "-o",
        str(tmp / "out"),
        "--engine",
        "apertium",
        env={"PATH": f"{fake}:{os.environ['PATH']}"},
    )
    took = time.time() - start
    return took < 30 and r.returncode == 3, f"{took:.0f} s, exit {r.returncode}"


def sigterm_during_extraction(tmp: Path) -> tuple[bool, str]:
    paras = "".join(f"<p>Riga {i} del testo.</p>" for i in range(1_000_000))
    src = folder(tmp, "in", {"huge.html": f"<html><body>{paras}</body></html>"})
    cmd = [sys.executable, "-m", "cleantext", "clean", str(src), "-o", str(tmp / "out"), "--no-translate"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4)
    start = time.time()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return False, "still running 30 s after SIGTERM"
    return code == 130, f"exit {code} {time.time() - start:.1f} s after SIGTERM"


PROBES: dict[str, Callable[[Path], tuple[bool, str]]] = {
    f.__name__: f
    for f in (
        kill9_parent,
        linked_state_log,
        report_over_output,
        identical_copies,
        html_cut,
        huge_page_timeout,
        sigterm_during_extraction,
        bad_charsets,
        latin1_name,
        long_line,
        xml_invalid,
        index_dev_zero,
        zip_file_and_folder,
        corrupt_cache,
        emptied_output,
        broken_stage,
    )
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", choices=sorted(PROBES), help="run only these probes")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders (printed)")
    args = ap.parse_args()
    failures = 0
    start = time.time()
    chosen = args.only or list(PROBES)
    for name in chosen:
        tmp = Path(tempfile.mkdtemp(prefix=f"cleantext-{name}-"))
        t = time.time()
        try:
            ok, seen = PROBES[name](tmp)
        except Exception as e:  # noqa: BLE001 -- a probe that breaks is a failure, reported
            ok, seen = False, f"{type(e).__name__}: {e}"
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name:<26} {time.time() - t:5.1f} s  {seen}", flush=True)
        if args.keep:
            print(f"      {tmp}")
        else:
            subprocess.run(["rm", "-rf", str(tmp)], check=False)
    print(f"{len(chosen) - failures} of {len(chosen)} held, {time.time() - start:.0f} s")
    return failures


if __name__ == "__main__":
    sys.exit(main())
