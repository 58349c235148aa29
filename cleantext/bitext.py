"""Bitext: whole documents cleaned, then translated sentence by sentence.

For users who want aligned text rather than a cleaned article: `cleantext translate IN -o
OUT --to en` writes, for each input, `NAME.it.txt` (the clean Italian, one kept sentence
per line) and `NAME.en.txt` (its translation, line by line). `--to it` pairs each clean
sentence with the sentence as read instead (`NAME.src.txt` ↔ `NAME.it.txt`). It is the
runner's task with other outputs, so `--jobs`, resume and per-file errors work as for
`cleantext clean`.
"""

from __future__ import annotations

from pathlib import Path

from cleantext.jobs import Job
from cleantext.model import Document
from cleantext.runner import Task, cannot_write
from cleantext.translate.engines import build_engines
from cleantext.translate.route import Router, plausible_length
from cleantext.write import atomic_write


def _line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


class BitextTask(Task):
    """Clean, then translate each kept sentence into `opts.target` (the engines' own
    output: the Italian post-edit stage is for Italian only)."""

    streams = False

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.router: Router | None = None

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state["router"] = None
        return state

    @property
    def target(self) -> str:
        return self.opts.target or self.opts.settings.main

    def _sides(self) -> tuple[str, str]:
        main = self.opts.settings.main
        return ("src", main) if self.target == main else (main, self.target)

    def setup(self) -> None:
        super().setup()
        if self.router is None and self.target != self.opts.settings.main:
            self.router = Router(build_engines(self.opts.settings), self.target, (plausible_length,))

    def close(self) -> None:
        if self.router is not None:
            self.router.close()
            self.router = None
        super().close()

    def outputs(self, job: Job) -> list[Path]:
        return [job.output_base.with_name(f"{job.output_base.name}.{side}.txt") for side in self._sides()]

    def write(self, ready: list[tuple[Job, Document]]) -> list[tuple[str | None, dict[str, str] | None]]:
        kept = [[s for s in doc.sentences if not s.dropped and s.text] for _, doc in ready]
        main = self.opts.settings.main
        if self.router is None:
            sides = [([_line(s.source) for s in k], [_line(s.text) for s in k]) for k in kept]
            errors: list[str | None] = [None] * len(ready)
        else:  # every sentence of the batch in one round trip
            left = [[_line(s.text) for s in k] for k in kept]
            outs = self.router.translate([(t, main) for lines in left for t in lines])
            sides, errors, at = [], [], 0
            for lines in left:
                mine, at = outs[at : at + len(lines)], at + len(lines)
                failed = next((o.note for o in mine if o.translation is None), None)
                errors.append(f"not translated into {self.target} ({failed})" if failed else None)
                sides.append((lines, [_line(o.translation or "") for o in mine]))
        result: list[tuple[str | None, dict[str, str] | None]] = []
        for (job, _), (a, b), error in zip(ready, sides, errors, strict=True):
            if error:
                result.append((f"{job.source}: {error}", None))
                continue
            try:
                for path, lines in zip(self.outputs(job), (a, b), strict=True):
                    atomic_write(path, "".join(line + "\n" for line in lines))
                result.append((None, None))
            except OSError as e:
                result.append((cannot_write(job, e), None))
        return result
