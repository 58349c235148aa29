"""Parallel corpora: whole documents cleaned, then translated sentence by sentence.

For users who want aligned text rather than a cleaned article: `cleantext translate IN -o
OUT --to en` writes, for each input, `NAME.it.txt` (the clean Italian, one kept sentence
per line) and `NAME.en.txt` (its translation, line by line). `--to it` pairs each clean
sentence with the sentence as read instead (`NAME.src.txt` ↔ `NAME.it.txt`).
"""

from __future__ import annotations

from cleantext.batch import Job, Summary, count_corpus
from cleantext.pipeline import Pipeline
from cleantext.read import ReadError
from cleantext.translate.engines import build_engines
from cleantext.translate.route import Router, plausible_length
from cleantext.write import atomic_write


def _line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def translate_jobs(jobs: list[Job], pipeline: Pipeline, target: str, progress=None) -> Summary:  # noqa: ANN001
    main = pipeline.settings.main
    router = None
    if target != main:
        router = Router(build_engines(pipeline.settings), target, (plausible_length,))
    summary = Summary()
    corpus = count_corpus(jobs, pipeline.settings)  # lines many documents share are boilerplate
    try:
        for job in jobs:
            try:
                doc = pipeline.run(job.source.read_bytes(), str(job.source), corpus)
            except (ReadError, OSError) as e:
                summary.errors.append(
                    (str(job.source), str(e) if isinstance(e, ReadError) else f"{job.source}: {e}")
                )
                continue
            kept = [s for s in doc.sentences if not s.dropped and s.text]
            left = [_line(s.text) for s in kept]
            if router is None:
                pairs = {"src": [_line(s.source) for s in kept], main: left}
            else:
                outs = router.translate([(t, main) for t in left])
                if any(o.translation is None for o in outs):
                    why = next(o.note for o in outs if o.translation is None)
                    summary.errors.append(
                        (str(job.source), f"{job.source}: not translated into {target} ({why})")
                    )
                    continue
                pairs = {main: left, target: [_line(o.translation or "") for o in outs]}
            for lang, lines in pairs.items():
                path = job.output_base.with_name(f"{job.output_base.name}.{lang}.txt")
                atomic_write(path, "".join(line + "\n" for line in lines))
            summary.add(doc)
            if progress:
                progress(job)
    finally:
        if router is not None:
            router.close()
    return summary
