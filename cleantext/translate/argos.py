"""Argos Translate packages run directly with CTranslate2 + sentencepiece.

An installed package is a folder with `metadata.json` (from_code, to_code), a CTranslate2
model in `model/` and a sentencepiece model. argostranslate itself is not imported: it
pulls stanza and torch and downloads a sentence splitter on first use. Batches are cut by
examples, not tokens, which is about 6x faster on CPU. With no direct package, a pivot
through English is used (fr→en→it), as Argos does.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from cleantext.translate.base import EngineUnavailable


@dataclass(frozen=True, slots=True)
class Package:
    path: Path
    source: str
    target: str
    name: str
    version: str

    @property
    def sp_model(self) -> Path:
        for name in ("sentencepiece.model", "spm.model"):
            if (self.path / name).is_file():
                return self.path / name
        raise EngineUnavailable(f"{self.path}: no sentencepiece model in the package")


def default_store() -> Path:
    """The model store: $CLEANTEXT_MODELS, else language_models/ in the project."""
    env = os.environ.get("CLEANTEXT_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "language_models"


def installed_packages(store: Path | str | None = None) -> list[Package]:
    root = Path(store) if store else default_store()
    out = []
    if not root.is_dir():
        return out
    for meta in sorted(root.glob("*/metadata.json")):
        try:
            m = json.loads(meta.read_text("utf-8"))
            out.append(
                Package(
                    meta.parent,
                    m["from_code"],
                    m["to_code"],
                    meta.parent.name,
                    str(m.get("package_version", "")),
                )
            )
        except (OSError, ValueError, KeyError):
            continue  # a broken package is skipped; `cleantext models list` reports it
    return out


class ArgosEngine:
    name = "argos"

    def __init__(self, store: Path | str | None = None, beam_size: int = 2, threads: int = 0) -> None:
        self.store = Path(store) if store else default_store()
        self.beam_size = beam_size
        self.threads = threads or max(1, (os.cpu_count() or 1))
        self._packages: dict[tuple[str, str], Package] | None = None
        self._loaded: dict[Path, tuple[object, object]] = {}

    @property
    def packages(self) -> dict[tuple[str, str], Package]:
        if self._packages is None:
            self._packages = {(p.source, p.target): p for p in installed_packages(self.store)}
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
            return f"no Argos packages in {self.store} (cleantext models install FILE.argosmodel)"
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
        pieces = [sp.encode(t, out_type=str) for t in texts]  # type: ignore[attr-defined]
        results = translator.translate_batch(  # type: ignore[attr-defined]
            pieces,
            beam_size=self.beam_size,
            max_batch_size=32,
            batch_type="examples",
            max_decoding_length=max(16, 3 * max((len(p) for p in pieces), default=1)),
        )
        return [sp.decode(r.hypotheses[0]).strip() for r in results]  # type: ignore[attr-defined]

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        chain = self.route(source, target)
        if chain is None:
            raise EngineUnavailable(f"no Argos package for {source}→{target} in {self.store}")
        for pkg in chain:
            texts = self._one(pkg, texts)
        return texts

    def close(self) -> None:
        self._loaded.clear()
