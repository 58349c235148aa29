#!/usr/bin/env python3
"""Speed of cleantext against the obvious glued pipeline and against the engines' own floor.

    python scripts/bench.py                       # dev documents, 5 runs each
    python scripts/bench.py DOCS_DIR --repeat 9
    TMPDIR=/dev/shm python scripts/bench.py       # outputs on a RAM disk: the tool, not the disk
    python scripts/bench.py lingua                # 100 documents built from lingua's sentences

Measured in one run, each configuration in its own process (so peak memory is its own),
models built once per process and warmed up before timing:
  (a) cleantext with translation           (library: read → … → write, batched)
  (b) cleantext without translation        (--no-translate)
  (c) the obvious glued pipeline           (ftfy + regex split + lingua per sentence +
                                            one Apertium process per document and language)
  (d) the floor                            (lingua per sentence + Apertium translating just
                                            the stray sentences, one live pipeline)
and `import cleantext` time, and (e) the whole command line, `cleantext clean DOCS -o OUT`
from process start to exit (start-up, models, counting pass and writing included).
Models are loaded before timing (`Pipeline.warm_up`), but word caches are emptied before
each timed run: every run meets its words for the first time, as a new corpus does.
(a) and (d) run in turn, `--rounds` processes each (a, d, a, d, …): on a shared machine the
speed drifts over the minutes a configuration takes, and their ratio should compare runs
of the same minutes. Prints the median and the best of the runs (seconds and sentences/s;
over every round), peak memory, and the ratios by each. Outputs go to a temporary folder
in TMPDIR: on this machine's disk, creating a file costs 0.02–0.6 ms depending on the
hour, two files per document, so the README's figures are measured with TMPDIR=/dev/shm
(a RAM disk) and the disk's cost given apart.

`lingua` builds a corpus of text no rule was written from: lingua's 1,000 Italian test
sentences (tests/data/lingua) in 100 documents of two or three paragraphs, a third of
them with a French or English sentence from lingua's sets, a fifth with a paragraph
repeated.
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
# what (a) and (d) translate before timing: a word no dictionary knows sends each text
# through its language's second chain too, so that no timed run starts a chain
WARM_UP = [("bonjour le monde zqvx", "fr"), ("hello world zqvx", "en")]


def lingua_corpus(dest: Path) -> Path:
    import random

    data = ROOT / "tests" / "data" / "lingua" / "sentences"
    it, fr, en = ((data / f"{lang}.txt").read_text("utf-8").splitlines() for lang in ("it", "fr", "en"))
    rng = random.Random(21)
    dest.mkdir(parents=True, exist_ok=True)
    for k in range(100):
        sents = it[k * 10 : k * 10 + 10]
        if k % 3 == 0:
            sents.insert(rng.randrange(1, len(sents)), rng.choice(fr if k % 2 else en))
        cut = sorted(rng.sample(range(1, len(sents)), 2))
        paras = [" ".join(sents[: cut[0]]), " ".join(sents[cut[0] : cut[1]]), " ".join(sents[cut[1] :])]
        if k % 5 == 0:
            paras.append(paras[0])
        (dest / f"doc{k:03d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return dest


def clear_word_caches(pipeline: object) -> None:
    """Forget every word and text seen: the next run meets them as a new corpus would (the
    tables and models stay loaded). cleantext registers these caches (`cleantext.caches`);
    an older version without the registry, for an A/B run, has every bounded cache of more
    than one entry in its modules, their classes and its detector emptied instead."""
    import sys

    try:
        from cleantext import caches
    except ImportError:
        caches = None
    if caches is not None:
        caches.clear()
        return

    def clear(holder: object) -> None:
        for attr in list(vars(holder).values()):
            info = getattr(attr, "cache_info", None)
            if info is not None and (size := info().maxsize) is not None and size > 1:
                attr.cache_clear()

    for name, module in list(sys.modules.items()):
        if name == "cleantext" or name.startswith("cleantext."):
            clear(module)
            for attr in list(vars(module).values()):
                if isinstance(attr, type) and attr.__module__ == name:
                    clear(attr)
    clear(pipeline.detector)  # type: ignore[attr-defined]


def _timed(times: list[float], sentences: int) -> dict:
    """The median run, and the best: on a shared machine a run is slowed, never sped up,
    by its neighbours, so the best says what the code costs and the median what to expect."""
    return {"seconds": statistics.median(times), "best": min(times), "sentences": sentences, "times": times}


def _docs(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(folder.glob("*.txt"))]


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def run_cleantext(folder: Path, translate: bool, repeat: int) -> dict:
    from cleantext.jobs import plan
    from cleantext.pipeline import Pipeline, Settings
    from cleantext.resume import Options
    from cleantext.runner import run
    from cleantext.translation.route import Router

    settings = Settings(translate=translate)
    pipeline = Pipeline(settings)
    pipeline.warm_up()  # lingua's models and the frequency tables load
    if translate:
        pipeline.router.translate(WARM_UP)
    times, sentences = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(repeat):
            clear_word_caches(pipeline)
            if translate:  # a fresh cache each time, the same live engines
                pipeline._router = Router(
                    pipeline.router.engines, "it", pipeline.router.checks, post=pipeline.router.post
                )
            out = Path(tmp) / f"out{k}"
            t = time.perf_counter()
            summary = run(plan([folder], out), out, Options(settings), pipeline=pipeline)
            times.append(time.perf_counter() - t)
            sentences = summary.sentences
    pipeline.close()
    return _timed(times, sentences)


def run_glued(folder: Path, repeat: int) -> dict:
    import ftfy
    import regex
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    from cleantext.translation.apertium import ApertiumEngine

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
    return _timed(times, sentences)


def run_floor(folder: Path, repeat: int) -> dict:
    import regex
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    from cleantext.translation.apertium import ApertiumEngine

    det = LanguageDetectorBuilder.from_iso_codes_639_1(
        IsoCode639_1.IT, IsoCode639_1.FR, IsoCode639_1.EN
    ).build()
    engine = ApertiumEngine()
    for text, lang in WARM_UP:
        engine.translate([text], lang, "it")
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
    return _timed(times, sentences)


def run_cli(folder: Path, repeat: int) -> dict:
    """The whole command line, from process start to exit."""
    times = []
    for k in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            r = subprocess.run(
                [sys.executable, "-m", "cleantext", "clean", str(folder), "-o", f"{tmp}/out{k}", "-q"],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            times.append(time.perf_counter() - t)
            if r.returncode:
                raise SystemExit(r.stderr[-2000:])
    return _timed(times, 0)  # the caller fills in (a)'s count


def child(config: str, folder: Path, repeat: int) -> None:
    if config == "import":
        t = time.perf_counter()
        import cleantext  # noqa: F401

        result = {"seconds": time.perf_counter() - t, "best": 0.0}
    elif config == "a":
        result = run_cleantext(folder, True, repeat)
    elif config == "b":
        result = run_cleantext(folder, False, repeat)
    elif config == "c":
        result = run_glued(folder, repeat)
    elif config == "e":
        result = run_cli(folder, repeat)
    else:
        result = run_floor(folder, repeat)
    who = resource.RUSAGE_CHILDREN if config == "e" else resource.RUSAGE_SELF  # (e): the CLI's own
    result["peak_mb"] = resource.getrusage(who).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "docs",
        type=Path,
        nargs="?",
        default=ROOT / "tests" / "data" / "dev-flores" / "docs",
        help="a folder of .txt documents, or `lingua`",
    )
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per process")
    ap.add_argument(
        "--rounds", type=int, default=3, help="processes each of (a) and (d), run in turn (a, d, a, d, …)"
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.docs, args.repeat)
        return 0
    if str(args.docs) == "lingua":
        args.docs = lingua_corpus(Path(tempfile.mkdtemp(prefix="bench-lingua-")))
    names = {
        "a": "(a) cleantext, with translation",
        "b": "(b) cleantext, --no-translate",
        "c": "(c) glued: ftfy+split+lingua+Apertium per doc",
        "d": "(d) floor: lingua + Apertium on stray text",
        "e": "(e) whole CLI: cleantext clean DOCS -o OUT",
        "import": "import cleantext",
    }
    res: dict[str, dict] = {}
    # (a) and (d) in turn, `rounds` processes each: their ratio compares runs of the same
    # minutes (on a shared machine the speed drifts over the minutes one configuration takes)
    order = ["import", "b", *(["a", "d"] * args.rounds), "e", "c"]
    for key in order:
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
        got = json.loads(r.stdout.strip().splitlines()[-1])
        if key in res and "times" in got:  # another round: every run counts, the largest peak
            times = res[key]["times"] + got["times"]
            got = _timed(times, got["sentences"]) | {"peak_mb": max(res[key]["peak_mb"], got["peak_mb"])}
        res[key] = got
    res["e"]["sentences"] = res["a"]["sentences"]
    print(f"where outputs went: {tempfile.gettempdir()} (TMPDIR)")
    print(f"{'configuration':<48}{'median s':>9}{'sent/s':>9}{'best s':>9}{'sent/s':>9}{'peak MB':>9}")
    for key in ("a", "b", "c", "d", "e"):
        r = res[key]
        n = r["sentences"]
        print(
            f"{names[key]:<48}{r['seconds']:>9.2f}{n / r['seconds']:>9.0f}"
            f"{r['best']:>9.2f}{n / r['best']:>9.0f}{r['peak_mb']:>9.0f}"
        )
    print(f"{names['import']:<48}{res['import']['seconds']:>9.3f}")
    for stat, label in (("seconds", "median"), ("best", "best")):
        a, c, d, e = (res[k][stat] for k in "acde")
        print(
            f"{label}: (c)/(a) = {c / a:.1f}x faster than the glued pipeline; "
            f"(a)/(d) = {a / d:.2f}x the floor; (c)/(e) = {c / e:.1f}x: the whole CLI against (c)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
