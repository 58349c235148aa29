"""Argos Translate packages run directly with CTranslate2 + sentencepiece.

An installed package is a folder with `metadata.json` (from_code, to_code, optionally
target_prefix), a CTranslate2 model in `model/` and a sentencepiece model. argostranslate
itself is not imported: it pulls stanza and torch and downloads a sentence splitter on
first use. Batches are cut by examples, not tokens, which is about 6x faster on CPU. With
no direct package, a pivot through English is used (fr→en→it), as Argos does; the public
index has no fr→it package at all.

Decoding follows argos-translate: unknown target words are replaced by the source word
the model attended to (`replace_unknowns`), and since the converted OPUS-MT packages
decode target pieces with the source side's sentencepiece model, pieces that model does
not know keep their "▁" word mark: it becomes a space. An "<unk>" left over is dropped,
never written as "⁇". A package that fails to load is set aside for the run, and the
router falls back to the next engine.
"""

from __future__ import annotations

import os
from pathlib import Path

from cleantext.store import ModelStore, Package
from cleantext.translation.base import EngineUnavailable


class ArgosEngine:
    name = "argos"

    def __init__(self, store: Path | str | None = None, beam_size: int = 2, threads: int = 0) -> None:
        self.store = ModelStore(store)
        self.beam_size = beam_size
        self.threads = threads or max(1, (os.cpu_count() or 1))
        self._packages: dict[tuple[str, str], Package] | None = None
        self._loaded: dict[Path, tuple[object, object]] = {}
        self._failed: dict[Path, str] = {}  # packages that did not load, and why

    @property
    def packages(self) -> dict[tuple[str, str], Package]:
        """The package each pair runs with (the newest runnable version), less those that
        failed to load in this run."""
        if self._packages is None:
            self._packages = self.store.chosen()
        return {pair: p for pair, p in self._packages.items() if p.path not in self._failed}

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
        if self._failed:
            return "; ".join(f"{path}: {why}" for path, why in self._failed.items())
        if not self.packages:
            where = ", ".join(str(r) for r in [self.store.root, *self.store.argos_dirs])
            return (
                f"no Argos packages in {where} (cleantext models download SOURCE TARGET, or models install)"
            )
        return ""

    def supports(self, source: str, target: str) -> bool:
        return self.available() and self.route(source, target) is not None

    def _load(self, pkg: Package) -> tuple[object, object]:
        if pkg.path not in self._loaded:
            import ctranslate2
            import sentencepiece

            try:
                translator = ctranslate2.Translator(
                    str(pkg.path / "model"), device="cpu", inter_threads=1, intra_threads=self.threads
                )
                sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.sp_model))
            except Exception as e:  # noqa: BLE001 - any load failure sets the package aside
                self._failed[pkg.path] = f"does not load ({e})"
                raise EngineUnavailable(f"Argos package {pkg.path} does not load ({e})") from None
            self._loaded[pkg.path] = (translator, sp)
        return self._loaded[pkg.path]

    def _one(self, pkg: Package, texts: list[str]) -> list[str]:
        translator, sp = self._load(pkg)
        out = [""] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return out
        pieces = [sp.encode(texts[i], out_type=str) for i in todo]  # type: ignore[attr-defined]
        prefix = [[pkg.target_prefix]] * len(pieces) if pkg.target_prefix else None
        results = translator.translate_batch(  # type: ignore[attr-defined]
            pieces,
            target_prefix=prefix,
            replace_unknowns=True,
            beam_size=self.beam_size,
            max_batch_size=32,
            batch_type="examples",
            max_decoding_length=max(16, 3 * max((len(p) for p in pieces), default=1)),
        )
        for i, r in zip(todo, results, strict=True):
            hypothesis = r.hypotheses[0]
            if prefix and hypothesis[:1] == [pkg.target_prefix]:
                hypothesis = hypothesis[1:]
            out[i] = detokenize(sp, hypothesis)
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


CONTROL = frozenset({"<unk>", "<blank>", "<s>", "</s>", "<pad>"})  # CTranslate2/OpenNMT tokens


def detokenize(sp: object, pieces: list[str]) -> str:
    """Target pieces to text: "<unk>" and control tokens dropped, and a "▁" the model did
    not know (it decodes unknown pieces as written) read as the word break it marks."""
    unk = sp.id_to_piece(sp.unk_id())  # type: ignore[attr-defined]
    text = sp.decode_pieces([p for p in pieces if p != unk and p not in CONTROL])  # type: ignore[attr-defined]
    return " ".join(text.replace("▁", " ").replace("⁇", " ").split())
