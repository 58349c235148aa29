"""cleantext as a datatrove step: `JsonlReader → CleanText() → JsonlWriter` on any of
datatrove's executors (local, Slurm, Ray). Needs the `[datatrove]` extra.

Each `Document.text` is replaced by the clean text, as `cleantext clean` writes it for the
same text, and `metadata["cleantext"]` says what changed (the `cleantext` field of a
dataset run's rows). Cross-document evidence (lines a corpus repeats) needs a counting pass
over the whole corpus before cleaning: pass its result as `corpus`
(`cleantext.jobs.count_corpus(plan([folder], out), settings)`); without it, a document is
cleaned as a single text is.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any

from datatrove.data import Document as DatatroveDocument
from datatrove.pipeline.base import PipelineStep

from cleantext.corpus import CorpusLines
from cleantext.settings import Settings

BATCH = 256  # documents cleaned together (their spans translated in one round trip)
# texts remembered to name exact copies (`duplicate_of`): about 150 bytes each, so the
# memory of a task stays bounded however many documents pass
MAX_REMEMBERED = 200_000


class CleanText(PipelineStep):
    """Clean each document in place; count sentences, drops by reason and translations in
    the step's stats. A document whose text is an exact copy of one this task met before
    (among the last MAX_REMEMBERED) is cleaned as usual and named: `duplicate_of` holds the
    first one's id, as a dataset run's rows do."""

    name = "🧹 cleantext"
    type = "🔧 - PROCESSOR"

    def __init__(self, settings: Settings | None = None, corpus: CorpusLines | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.corpus = corpus
        self._pipeline: Any = None
        self._seen: OrderedDict[bytes, str] = OrderedDict()

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_pipeline"] = None  # each process builds its own (engines are processes)
        state["_seen"] = OrderedDict()
        return state

    def run(
        self, data: Iterable[DatatroveDocument], rank: int = 0, world_size: int = 1
    ) -> Iterator[DatatroveDocument]:
        from cleantext.pipeline import Pipeline

        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        try:
            batch: list[DatatroveDocument] = []
            for doc in data:
                batch.append(doc)
                if len(batch) >= BATCH:
                    yield from self._clean(batch)
                    batch = []
            yield from self._clean(batch)
        finally:
            self._pipeline.close()
            self._pipeline = None

    def _clean(self, batch: list[DatatroveDocument]) -> Iterator[DatatroveDocument]:
        from cleantext.dataset import Row, record

        with self.track_time():
            pipeline = self._pipeline  # a page by its text, never by its id (an address: "….html")
            prepared = [
                pipeline.prepare(d.text, str(d.id), self.corpus, pipeline.is_html(d.text)) for d in batch
            ]
            cleaned = self._pipeline.finish(prepared)
        for doc, clean in zip(batch, cleaned, strict=True):
            raw = doc.text
            out = record(Row(0, str(doc.id), {}, raw), clean, "text")
            doc.text = out["text"]
            info = out["cleantext"]
            if not info.get("duplicate_of") and (original := self._copy_of(raw, str(doc.id))):
                info["duplicate_of"] = original
                self.stat_update("duplicates")
            doc.metadata["cleantext"] = info
            self.stat_update("sentences", value=info["sentences"])
            self.stat_update("dropped", value=info["dropped"])
            self.stat_update("translated", value=info["translated"])
            if not doc.text:
                self.stat_update("empty")
            self.update_doc_stats(doc)
            yield doc

    def _copy_of(self, text: str, doc_id: str) -> str | None:
        """The id of the first document with this exact text, or None (and it is remembered)."""
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        if (original := self._seen.get(digest)) is not None:
            return original
        self._seen[digest] = doc_id
        if len(self._seen) > MAX_REMEMBERED:
            self._seen.popitem(last=False)
        return None
