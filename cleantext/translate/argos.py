"""Argos Translate packages run directly with CTranslate2 + sentencepiece.

An installed package is a folder with `metadata.json` (from_code, to_code), a CTranslate2
model in `model/` and a sentencepiece model. argostranslate itself is not imported: it
pulls stanza and torch and downloads a sentence splitter on first use. Batches are cut by
examples, not tokens, which is about 6x faster on CPU. With no direct package, a pivot
through English is used (fr→en→it), as Argos does.
"""

from __future__ import annotations

import os
from pathlib import Path

from cleantext.store import ModelStore, Package
from cleantext.translate.base import EngineUnavailable


class ArgosEngine:
    name = "argos"

    def __init__(self, store: Path | str | None = None, beam_size: int = 2, threads: int = 0) -> None:
        self.store = ModelStore(store)
        self.beam_size = beam_size
        self.threads = threads or max(1, (os.cpu_count() or 1))
        self._packages: dict[tuple[str, str], Package] | None = None
        self._loaded: dict[Path, tuple[object, object]] = {}

    @property
    def packages(self) -> dict[tuple[str, str], Package]:
        if self._packages is None:
            self._packages = {(p.source, p.target): p for p in self.store.packages()}
        return self._packages

    def route(self, source: str, target: str) -> list[Package] | None:
        if (source, target) in self.packages:
            return [self.packages[(source, target)]]
        if (source, "en") in self.packages and ("en", target) in self.packages:
            return [self.packages[(source, "en")], self.packages[("en", target)]]
        return None

    def available(self) -> bool:
        try:
            import ctranslate2  # noqa: F401
            import sentencepiece  # noqa: F401
        except ImportError:
            return False
        return True

    def why_unavailable(self) -> str:
        if not self.available():
            return "Argos needs ctranslate2 and sentencepiece: pip install ctranslate2 sentencepiece"
        if not self.packages:
            return f"no Argos packages in {self.store.root} (cleantext models install FILE.argosmodel)"
        return ""

    def supports(self, source: str, target: str) -> bool:
        return self.available() and self.route(source, target) is not None

    def _load(self, pkg: Package) -> tuple[object, object]:
        if pkg.path not in self._loaded:
            import ctranslate2
            import sentencepiece

            translator = ctranslate2.Translator(
                str(pkg.path / "model"), device="cpu", inter_threads=1, intra_threads=self.threads
            )
            sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.sp_model))
            self._loaded[pkg.path] = (translator, sp)
        return self._loaded[pkg.path]

    def _one(self, pkg: Package, texts: list[str]) -> list[str]:
        translator, sp = self._load(pkg)
        out = [""] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return out
        pieces = [sp.encode(texts[i], out_type=str) for i in todo]  # type: ignore[attr-defined]
        results = translator.translate_batch(  # type: ignore[attr-defined]
            pieces,
            beam_size=self.beam_size,
            max_batch_size=32,
            batch_type="examples",
            max_decoding_length=max(16, 3 * max((len(p) for p in pieces), default=1)),
        )
        for i, r in zip(todo, results, strict=True):
            out[i] = sp.decode(r.hypotheses[0]).strip()  # type: ignore[attr-defined]
        return out

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        chain = self.route(source, target)
        if chain is None:
            raise EngineUnavailable(f"no Argos package for {source}→{target} in {self.store.root}")
        for pkg in chain:
            texts = self._one(pkg, texts)
        return texts

    def close(self) -> None:
        self._loaded.clear()
