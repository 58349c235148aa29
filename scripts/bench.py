#!/usr/bin/env python3
"""Speed of cleantext against the obvious glued pipeline and against the engines' own floor.

    python scripts/bench.py                       # dev documents, median of 3 runs
    python scripts/bench.py DOCS_DIR --repeat 5

Measured in one run, each configuration in its own process (so peak memory is its own),
models built once per process and warmed up before timing:
  (a) cleantext with translation           (library: read → … → write, batched)
  (b) cleantext without translation        (--no-translate)
  (c) the obvious glued pipeline           (ftfy + regex split + lingua per sentence +
                                            one Apertium process per document and language)
  (d) the floor                            (lingua per sentence + Apertium translating just
                                            the stray sentences, one live pipeline)
and `import cleantext` time. Prints seconds, sentences/s, peak memory, and ratios.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SPLIT = r"(?<=[.!?])\s+(?=[A-ZÀ-Ý“«\"])"


def _docs(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(folder.glob("*.txt"))]


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def run_cleantext(folder: Path, translate: bool, repeat: int) -> dict:
    from cleantext.jobs import Options, plan
    from cleantext.pipeline import Pipeline, Settings
    from cleantext.runner import run
    from cleantext.translate.route import Router

    settings = Settings(translate=translate)
    pipeline = Pipeline(settings)
    docs = _docs(folder)
    pipeline.run(docs[0][1])  # warm-up: lingua and the engines load
    if translate:
        pipeline.router.translate([("bonjour le monde", "fr"), ("hello world", "en")])
    times, sentences = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(repeat):
            if translate:  # a fresh cache each time, the same live engines
                pipeline._router = Router(pipeline.router.engines, "it", pipeline.router.checks)
            out = Path(tmp) / f"out{k}"
            t = time.perf_counter()
            summary = run(plan([folder], out), out, Options(settings), pipeline=pipeline)
            times.append(time.perf_counter() - t)
            sentences = summary.sentences
    pipeline.close()
    return {"seconds": statistics.median(times), "sentences": sentences}


def run_glued(folder: Path, repeat: int) -> dict:
    import ftfy
    import regex
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    from cleantext.translate.apertium import ApertiumEngine

    det = LanguageDetectorBuilder.from_iso_codes_639_1(
        IsoCode639_1.IT, IsoCode639_1.FR, IsoCode639_1.EN
    ).build()
    chains = {lang: " | ".join(ApertiumEngine().chain(lang, "it")) for lang in ("fr", "en")}
    modes = "/usr/share/apertium/modes"
    cmds = {}
    for lang, chain in chains.items():
        stages = [
            subprocess.run(
                ["apertium-wblank-mode", f"{modes}/{m}.mode"], capture_output=True, text=True
            ).stdout.strip()
            for m in chain.split(" | ")
        ]
        cmds[lang] = ["bash", "-c", " | ".join(stages), "apertium", "-n", ""]
    docs = _docs(folder)
    det.detect_language_of("warm up")
    times, sentences = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        sentences = 0
        for _path, data in docs:
            text = ftfy.fix_text(_text(data), uncurl_quotes=False)
            sents = [s for line in text.splitlines() for s in regex.split(SPLIT, line) if s.strip()]
            sentences += len(sents)
            by_lang: dict[str, list[int]] = {}
            for i, s in enumerate(sents):
                lang = det.detect_language_of(s)
                code = lang.iso_code_639_1.name.lower() if lang else "it"
                if code in cmds:
                    by_lang.setdefault(code, []).append(i)
            for code, idx in by_lang.items():  # one Apertium process per document and language
                out = subprocess.run(
                    cmds[code], input="\n".join(sents[i] for i in idx) + "\n", capture_output=True, text=True
                ).stdout.splitlines()
                for i, o in zip(idx, out, strict=False):
                    sents[i] = o
        times.append(time.perf_counter() - t)
    return {"seconds": statistics.median(times), "sentences": sentences}


def run_floor(folder: Path, repeat: int) -> dict:
    import regex
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    from cleantext.translate.apertium import ApertiumEngine

    det = LanguageDetectorBuilder.from_iso_codes_639_1(
        IsoCode639_1.IT, IsoCode639_1.FR, IsoCode639_1.EN
    ).build()
    engine = ApertiumEngine()
    engine.translate(["bonjour"], "fr", "it")
    engine.translate(["hello"], "en", "it")
    det.detect_language_of("warm up")
    docs = [_text(d) for _, d in _docs(folder)]
    times, sentences = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        stray: dict[str, list[str]] = {}
        sentences = 0
        for text in docs:
            for line in text.splitlines():
                for s in regex.split(SPLIT, line):
                    if not s.strip():
                        continue
                    sentences += 1
                    lang = det.detect_language_of(s)
                    code = lang.iso_code_639_1.name.lower() if lang else "it"
                    if code in ("fr", "en"):
                        stray.setdefault(code, []).append(s)
        for code, texts in stray.items():
            engine.translate(texts, code, "it")
        times.append(time.perf_counter() - t)
    engine.close()
    return {"seconds": statistics.median(times), "sentences": sentences}


def child(config: str, folder: Path, repeat: int) -> None:
    if config == "import":
        t = time.perf_counter()
        import cleantext  # noqa: F401

        result = {"seconds": time.perf_counter() - t}
    elif config == "a":
        result = run_cleantext(folder, True, repeat)
    elif config == "b":
        result = run_cleantext(folder, False, repeat)
    elif config == "c":
        result = run_glued(folder, repeat)
    else:
        result = run_floor(folder, repeat)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", type=Path, nargs="?", default=ROOT / "tests" / "data" / "dev-flores" / "docs")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.docs, args.repeat)
        return 0
    names = {
        "a": "(a) cleantext, with translation",
        "b": "(b) cleantext, --no-translate",
        "c": "(c) glued: ftfy+split+lingua+Apertium per doc",
        "d": "(d) floor: lingua + Apertium on stray text",
        "import": "import cleantext",
    }
    res = {}
    for key in ("import", "b", "a", "d", "c"):
        repeat = 1 if key == "c" else args.repeat
        r = subprocess.run(
            [sys.executable, __file__, str(args.docs), "--child", key, "--repeat", str(repeat)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if r.returncode:
            print(r.stderr, file=sys.stderr)
            return 1
        res[key] = json.loads(r.stdout.strip().splitlines()[-1])
    print(f"{'configuration':<48}{'seconds':>9}{'sent/s':>9}{'peak MB':>9}")
    for key in ("a", "b", "c", "d"):
        r = res[key]
        print(
            f"{names[key]:<48}{r['seconds']:>9.2f}{r['sentences'] / r['seconds']:>9.0f}{r['peak_mb']:>9.0f}"
        )
    print(f"{names['import']:<48}{res['import']['seconds']:>9.3f}")
    print(f"(c)/(a) = {res['c']['seconds'] / res['a']['seconds']:.1f}x faster than the glued pipeline")
    print(f"(a)/(d) = {res['a']['seconds'] / res['d']['seconds']:.2f}x the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
