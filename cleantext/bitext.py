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
from cleantext.settings import Settings
from cleantext.translation.engines import build_engines
from cleantext.translation.route import Router, plausible_length
from cleantext.write import atomic_write


def _line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def pair_lines(
    docs: list[Document], router: Router | None, main: str, target: str
) -> list[tuple[list[str], list[str], str | None]]:
    """For each clean document, its kept sentences line by line beside their translation by
    `router` (None: beside the sentences as read), or the reason they could not be
    translated. Every sentence of the batch goes to the engines in one round trip."""
    kept = [[s for s in doc.sentences if not s.dropped and s.text] for doc in docs]
    if router is None:
        return [([_line(s.source) for s in k], [_line(s.text) for s in k], None) for k in kept]
    left = [[_line(s.text) for s in k] for k in kept]
    outs = router.translate([(t, main) for lines in left for t in lines])
    paired, at = [], 0
    for lines in left:
        mine, at = outs[at : at + len(lines)], at + len(lines)
        failed = next((o.note for o in mine if o.translation is None), None)
        error = f"not translated into {target} ({failed})" if failed else None
        paired.append((lines, [_line(o.translation or "") for o in mine], error))
    return paired


def target_router(settings: Settings, target: str) -> Router | None:
    """The engines into `target`; None when the target is the main language (nothing to translate)."""
    if target == settings.main:
        return None
    return Router(build_engines(settings), target, (plausible_length,))


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
        if self.router is None:
            self.router = target_router(self.opts.settings, self.target)

    def close(self) -> None:
        if self.router is not None:
            self.router.close()
            self.router = None
        super().close()

    def outputs(self, job: Job) -> list[Path]:
        return [job.output_base.with_name(f"{job.output_base.name}.{side}.txt") for side in self._sides()]

    def write(self, ready: list[tuple[Job, Document]]) -> list[tuple[str | None, dict[str, str] | None]]:
        paired = pair_lines([doc for _, doc in ready], self.router, self.opts.settings.main, self.target)
        result: list[tuple[str | None, dict[str, str] | None]] = []
        for (job, _), (a, b, error) in zip(ready, paired, strict=True):
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
