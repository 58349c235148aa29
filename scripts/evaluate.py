#!/usr/bin/env python3
"""Evaluate cleantext on a benchmark folder: dev-flores format, or no-harm format.

    python scripts/evaluate.py ../shared/eval/dev-flores            # run + score
    python scripts/evaluate.py ../shared/eval/noharm-isdt           # real Italian: kept share
    python scripts/evaluate.py ../shared/eval/mtleft-flores         # real MT leftovers: flagged share
    python scripts/evaluate.py BENCH --outputs OUT                     # score existing outputs
    python scripts/evaluate.py BENCH --json metrics.json               # also save the figures

A dev-flores BENCH holds docs/NAME.txt (inputs), gold/NAME.txt and annotations.jsonl; the
metrics are the ones described in the benchmark's README (chrF from sacrebleu). A no-harm
BENCH holds docs/NAME.txt and sentences.jsonl ({"doc", "sentence"}: real Italian that must
come out unchanged); `kept` is scored as the benchmark's own scorer does (unchanged up to
spaces next to punctuation), with every other sentence given a verdict: dropped (with the
reason), translated, or changed (with the rules that fired).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from sacrebleu.metrics import CHRF

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def run_pipeline(bench: Path, out: Path, translate: bool, engine: str, round_trip: bool = False) -> None:
    from cleantext.jobs import count_corpus, plan
    from cleantext.pipeline import Settings
    from cleantext.resume import Options
    from cleantext.runner import run

    settings = Settings(translate=translate, engine=engine, round_trip=round_trip)
    jobs = plan([bench / "docs"], out)
    opts = Options(settings, corpus=count_corpus(jobs, settings))  # as `cleantext clean` runs it
    summary = run(jobs, out, opts, force=True)
    for path, err in summary.errors:
        print(f"error: {path}: {err}", file=sys.stderr)


def load_outputs(out: Path, name: str) -> tuple[str, list[dict]]:
    text = (out / f"{name}.txt").read_text("utf-8") if (out / f"{name}.txt").exists() else ""
    recs = []
    if (out / f"{name}.jsonl").exists():
        recs = [json.loads(line) for line in (out / f"{name}.jsonl").read_text("utf-8").splitlines() if line]
    return text, recs


def best_record(recs: list[dict], dirty: str, window: int = 1) -> dict | None:
    """The record whose source best matches `dirty`.

    With window > 1, runs of up to `window` consecutive records of one paragraph are merged
    and compared too: a damaged unit of the benchmark (a FLORES "sentence") often holds two
    sentences, which cleantext records separately.
    """
    cands = list(recs)
    for w in range(2, window + 1):
        for i in range(len(recs) - w + 1):
            run = recs[i : i + w]
            if len({r["paragraph"] for r in run}) == 1:
                cands.append(_merge(run))
    best, score = None, -1.0
    for r in cands:
        sm = SequenceMatcher(None, r["source"], dirty, autojunk=False)
        if sm.real_quick_ratio() <= score or sm.quick_ratio() <= score:
            continue
        s = sm.ratio()
        if s > score:
            best, score = r, s
    return best


def _merge(run: list[dict]) -> dict:
    return {
        "source": " ".join(r["source"] for r in run),
        "text": " ".join(r["text"] for r in run if r["text"]),
        "language": run[0]["language"],
        "segments": [g for r in run for g in r["segments"]],
        "dropped": run[0]["dropped"] if all(r["dropped"] for r in run) else None,
    }


def reports(rec: dict | None, lang: str) -> bool:
    if rec is None:
        return False
    return rec["language"] == lang or any(
        s["language"] == lang and not s.get("kept") for s in rec["segments"]
    )


def evaluate(bench: Path, out: Path) -> dict[str, float]:
    chrf = CHRF()
    anns = [
        json.loads(line) for line in (bench / "annotations.jsonl").read_text("utf-8").splitlines() if line
    ]
    names = sorted(p.stem for p in (bench / "docs").glob("*.txt"))
    outputs = {n: load_outputs(out, n) for n in names}
    gold = {n: (bench / "gold" / f"{n}.txt").read_text("utf-8") for n in names}
    inputs = {}
    for n in names:
        raw = (bench / "docs" / f"{n}.txt").read_bytes()
        try:
            inputs[n] = raw.decode("utf-8")
        except UnicodeDecodeError:
            inputs[n] = raw.decode("cp1252", "replace")

    m: dict[str, float] = {}

    def doc_chrf(texts: dict[str, str], docs: list[str]) -> float:
        """Corpus chrF of these documents' texts against their gold, whitespace folded."""
        return chrf.corpus_score([fold(texts[d]) for d in docs], [[fold(gold[d]) for d in docs]]).score

    texts = {n: text for n, (text, _) in outputs.items()}
    m["chrf_doc"] = doc_chrf(texts, names)
    m["chrf_doc_input"] = doc_chrf(inputs, names)

    by_kind: dict[str, list[dict]] = defaultdict(list)
    for a in anns:
        by_kind[a["kind"]].append(a)

    for kind in ("stray-sentence", "stray-clause"):
        hits, hyps, refs = 0, [], []
        for a in by_kind[kind]:
            rec = best_record(outputs[a["doc"]][1], a["dirty"], window=3)
            hits += reports(rec, a["lang"])
            hyps.append(rec["text"] if rec else "")
            refs.append(a["gold"])
        if by_kind[kind]:
            m[f"{kind}_detected"] = hits / len(by_kind[kind])
            m[f"{kind}_chrf"] = sum(
                chrf.sentence_score(h, [r]).score for h, r in zip(hyps, refs, strict=True)
            ) / len(hyps)

    pure_docs = sorted({a["doc"] for a in by_kind["pure"]})
    if pure_docs:
        sents = [r for d in pure_docs for r in outputs[d][1]]
        flagged = sum(
            1 for r in sents if r["language"] != "it" or any(not g.get("kept") for g in r["segments"])
        )
        m["pure_flagged"] = flagged / max(1, len(sents))
        m["pure_identical_doc"] = sum(fold(outputs[d][0]) == fold(gold[d]) for d in pure_docs) / len(
            pure_docs
        )

    if by_kind["untouched"]:
        kept = sum(fold(a["gold"]) in fold(outputs[a["doc"]][0]) for a in by_kind["untouched"])
        m["untouched_kept"] = kept / len(by_kind["untouched"])

    if by_kind["boilerplate"]:
        removed = 0
        for a in by_kind["boilerplate"]:
            text, recs = outputs[a["doc"]]
            # a boilerplate unit may hold several sentences (a breadcrumb glued to a repeated
            # paragraph): match runs of records too, as for stray units
            rec = best_record(recs, a["dirty"], window=3)
            removed += fold(a["dirty"]) not in fold(text) and (rec is None or rec["dropped"] is not None)
        m["boilerplate_removed"] = removed / len(by_kind["boilerplate"])

    for kind in ("repeated-title", "repeated-paragraph"):
        if not by_kind[kind]:
            continue
        ok = 0
        for a in by_kind[kind]:
            text, recs = outputs[a["doc"]]
            first = re.split(r"(?<=[.!?])\s+", a["dirty"].strip())[0]
            matches = [
                r
                for r in recs
                if r["dropped"] is None
                and SequenceMatcher(None, fold(r["source"]), fold(first)).ratio() >= 0.9
            ]
            ok += len(matches) == 1
        m[f"{kind}_removed"] = ok / len(by_kind[kind])

    for kind in ("spacing", "doubled-prefix"):
        if by_kind[kind]:
            fixed = sum(
                a["gold"] in outputs[a["doc"]][0] and a["dirty"] not in outputs[a["doc"]][0]
                for a in by_kind[kind]
            )
            m[f"{kind}_fixed"] = fixed / len(by_kind[kind])

    damaged = {a["doc"] for k in ("doc-mojibake", "doc-entities", "doc-cp1252") for a in by_kind[k]}
    clean_docs = [n for n in names if n not in damaged]
    m["doc-clean_chrf"] = doc_chrf(texts, clean_docs)
    # diagnostic: the same documents with the benchmark's Italian put in place of our
    # translations of stray units — what is left of the gap is repair and scrape-clean
    oracle = _with_gold_strays(outputs, by_kind["stray-sentence"] + by_kind["stray-clause"])
    m["doc-clean_chrf_stray_gold"] = doc_chrf(oracle, clean_docs)
    for kind in ("doc-mojibake", "doc-entities", "doc-cp1252"):
        docs = sorted({a["doc"] for a in by_kind[kind]})
        if docs:
            m[f"{kind}_chrf"] = doc_chrf(texts, docs)
            m[f"{kind}_chrf_stray_gold"] = doc_chrf(oracle, docs)
            # the repair alone: untouched sentences of these documents come out verbatim
            unt = [a for a in by_kind["untouched"] if a["doc"] in set(docs)]
            if unt:
                m[f"{kind}_untouched_kept"] = sum(
                    fold(a["gold"]) in fold(outputs[a["doc"]][0]) for a in unt
                ) / len(unt)
    return m


def _with_gold_strays(outputs: dict[str, tuple[str, list[dict]]], strays: list[dict]) -> dict[str, str]:
    """Each output text with the gold Italian in place of the text made from each stray unit."""
    texts = {n: text for n, (text, _) in outputs.items()}
    for a in strays:
        rec = best_record(outputs[a["doc"]][1], a["dirty"], window=3)
        if rec and rec["text"] and rec["text"] in texts[a["doc"]]:
            texts[a["doc"]] = texts[a["doc"]].replace(rec["text"], a["gold"], 1)
    return texts


# --- the no-harm benchmark ------------------------------------------------------------------

_PUNCT_SPACE = re.compile(r"\s*([,.;:!?()\[\]\"'«»“”‘’…/-])\s*")


def loose(s: str) -> str:
    """Text compared up to spaces next to punctuation (fixing "stessa , la" is no harm)."""
    import unicodedata

    s = _PUNCT_SPACE.sub(r"\1", unicodedata.normalize("NFC", s))
    return re.sub(r"\s+", " ", s).strip()


def evaluate_noharm(bench: Path, out: Path, show: int = 3) -> tuple[dict[str, float], dict[str, list[str]]]:
    """`kept`, the share of sentences found unchanged, and the other sentences by verdict."""
    rows = [json.loads(x) for x in (bench / "sentences.jsonl").read_text("utf-8").splitlines() if x]
    verdicts: dict[str, int] = defaultdict(int)
    examples: dict[str, list[str]] = defaultdict(list)
    cache: dict[str, tuple[str, list[dict]]] = {}
    for r in rows:
        if r["doc"] not in cache:
            text, recs = load_outputs(out, r["doc"])
            cache[r["doc"]] = (loose(text), recs)
        text, recs = cache[r["doc"]]
        s = loose(r["sentence"])
        if s in text:
            verdicts["kept"] += 1
            continue
        mine = [
            x for x in recs if loose(x["source"]) and (loose(x["source"]) in s or s in loose(x["source"]))
        ]
        if any(not g.get("kept") for x in mine for g in x["segments"]) or any(
            x["language"] != "it" for x in mine
        ):
            v = "translated"
        elif mine and all(x["dropped"] for x in mine):
            v = "dropped: " + " | ".join(sorted({x["dropped"] for x in mine}))
        elif any(x["dropped"] for x in mine):
            v = "partly dropped"
        else:
            v = "changed: " + " | ".join(sorted({f for x in mine for f in x["fixes"]}))
        verdicts[v] += 1
        if len(examples[v]) < show:
            examples[v].append(r["sentence"][:160])
    n = len(rows)
    docs = sorted({r["doc"] for r in rows})
    same = 0
    for d in docs:
        text = (out / f"{d}.txt").read_text("utf-8") if (out / f"{d}.txt").exists() else ""
        same += loose(text) == loose((bench / "docs" / f"{d}.txt").read_text("utf-8"))
    m: dict[str, float] = {"kept": verdicts["kept"] / max(1, n), "identical_doc": same / max(1, len(docs))}
    m["harmed"] = n - verdicts["kept"]
    for v, k in sorted(verdicts.items(), key=lambda kv: -kv[1]):
        if v != "kept":
            m[v] = k
    return m, dict(examples)


# --- the real-leftover benchmark (mtleft format: docs/ + lines.jsonl) ----------------------

_LABEL_WORD = re.compile(r"[^\W\d_]{3,}(?:[-'’][^\W\d_]+)*")


def _label_words(s: str) -> set[str]:
    return {w.lower() for w in _LABEL_WORD.findall(s)}


def evaluate_mtleft(bench: Path, out: Path) -> dict[str, float]:
    """Real MT output with its labelled leftover words (`leftover`: must be judged foreign, a
    segment not kept or a foreign sentence) and the words it shares with the human
    translation (`shared`: must stay); chrF of the output lines against the human ones, less
    the input's. A line's output is the text of the records whose source lies in it."""
    rows = [json.loads(x) for x in (bench / "lines.jsonl").read_text("utf-8").splitlines() if x]
    cache: dict[str, list[dict]] = {}
    n = defaultdict(int)
    hyp, inp, refs = [], [], []
    for r in rows:
        if r["doc"] not in cache:
            cache[r["doc"]] = load_outputs(out, r["doc"])[1]
        recs = cache[r["doc"]]
        mine = [x for x in recs if x["source"].strip() and x["source"].strip() in r["mt"]]
        if not mine and recs:
            mine = [max(recs, key=lambda x: SequenceMatcher(None, x["source"], r["mt"]).ratio())]
        flagged: set[str] = set()
        for x in mine:
            if x["language"] != "it":
                flagged |= _label_words(x["source"])
            flagged |= {w for g in x["segments"] if not g.get("kept") for w in _label_words(g["text"])}
        text = " ".join(x["text"] for x in mine if x["text"])
        words = _label_words(text)
        n["leftover"] += len(r["leftover"])
        n["flagged"] += sum(w in flagged for w in r["leftover"])
        n["shared"] += len(r["shared"])
        n["shared_kept"] += sum(w in words for w in r["shared"])
        hyp.append(text)
        inp.append(r["mt"])
        refs.append(r["ref"])
    chrf = CHRF()
    gain = chrf.corpus_score(hyp, [refs]).score - chrf.corpus_score(inp, [refs]).score
    return {
        "leftover_words": n["leftover"],
        "leftover_flagged": n["flagged"] / max(1, n["leftover"]),
        "shared_kept": n["shared_kept"] / max(1, n["shared"]),
        "chrf_gain": gain,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", type=Path, help="benchmark folder (docs/, gold/, annotations.jsonl)")
    ap.add_argument("--outputs", type=Path, help="score these outputs instead of running the pipeline")
    ap.add_argument("--keep", type=Path, help="run the pipeline into this folder and keep it")
    ap.add_argument("--no-translate", action="store_true")
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--json", type=Path, help="write the metrics here as JSON")
    args = ap.parse_args()
    noharm = (args.bench / "sentences.jsonl").is_file()
    mtleft = (args.bench / "lines.jsonl").is_file()
    if not noharm and not mtleft and not (args.bench / "annotations.jsonl").is_file():
        print(
            f"error: {args.bench}: no annotations.jsonl, sentences.jsonl or lines.jsonl "
            "(not a benchmark folder)",
            file=sys.stderr,
        )
        return 2
    examples: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = args.outputs or args.keep or Path(tmp) / "out"
        if not args.outputs:
            run_pipeline(args.bench, out, not args.no_translate, args.engine)
        if noharm:
            metrics, examples = evaluate_noharm(args.bench, out)
        elif mtleft:
            metrics = evaluate_mtleft(args.bench, out)
        else:
            metrics = evaluate(args.bench, out)
    width = max(len(k) for k in metrics)
    for k, v in metrics.items():
        if isinstance(v, int):
            print(f"{k:<{width}}  {v}")
        else:
            print(f"{k:<{width}}  {v:.3f}" if abs(v) <= 1 else f"{k:<{width}}  {v:.2f}")
    for verdict, sents in examples.items():
        print(f"\n{verdict}:", *(f"  {s}" for s in sents), sep="\n")
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
