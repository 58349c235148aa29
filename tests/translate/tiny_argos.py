"""Build a tiny but real .argosmodel for tests: sentencepiece trained on a few lines and a
one-layer CTranslate2 Transformer filled with random numpy weights (no torch, ~0.5 s).
Its translations are nonsense; it exercises the package format and the Argos code path."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

LINES = [
    "la maison est grande",
    "le chat dort sur le lit",
    "il fait beau aujourd'hui",
    "the house is big",
    "la casa è grande",
    "il gatto dorme sul letto",
] * 5


def build(dest_dir: Path, source: str = "fr", target: str = "it", version: str = "0.1") -> Path:
    import ctranslate2  # noqa: F401
    import numpy as np
    import sentencepiece as spm
    from ctranslate2.specs import model_spec, transformer_spec

    d, ffn = 16, 32
    work = Path(tempfile.mkdtemp(dir=dest_dir))
    (work / "train.txt").write_text("\n".join(LINES), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(work / "train.txt"),
        model_prefix=str(work / "sentencepiece"),
        vocab_size=30,
        model_type="unigram",
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        pad_id=-1,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(work / "sentencepiece.model"))
    vocab = list(
        dict.fromkeys(["<blank>", "<s>", "</s>"] + [sp.id_to_piece(i) for i in range(sp.get_piece_size())])
    )
    spec = transformer_spec.TransformerSpec.from_config(1, 2)
    rng = np.random.default_rng(0)

    def fill(obj: object, path: str = "") -> None:
        for k, v in list(vars(obj).items()):
            p = f"{path}.{k}" if path else k
            if isinstance(v, model_spec.LayerSpec):
                fill(v, p)
            elif isinstance(v, list) and v and isinstance(v[0], model_spec.LayerSpec):
                for i, x in enumerate(v):
                    fill(x, f"{p}.{i}")
            elif v is None:
                if k == "gamma":
                    a = np.ones(d)
                elif k == "beta":
                    a = np.zeros(d)
                elif "embeddings" in p or "projection" in p:
                    a = rng.normal(0, 0.1, (len(vocab), d))
                elif "ffn.linear_0" in p:
                    a = rng.normal(0, 0.1, (ffn, d))
                elif "ffn.linear_1" in p:
                    a = rng.normal(0, 0.1, (d, ffn))
                elif "self_attention.linear.0" in p:
                    a = rng.normal(0, 0.1, (3 * d, d))
                elif "attention.linear.1" in p and "self_attention" not in p:
                    a = rng.normal(0, 0.1, (2 * d, d))
                else:
                    a = rng.normal(0, 0.1, (d, d))
                setattr(obj, k, a.astype(np.float32))

    fill(spec)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=None)
    name = f"translate-{source}_{target}-{version.replace('.', '_')}"
    pkg = work / name
    (pkg / "model").mkdir(parents=True)
    spec.save(str(pkg / "model"))
    (work / "sentencepiece.model").replace(pkg / "sentencepiece.model")
    meta = {"package_version": version, "argos_version": "1.9.0", "from_code": source, "to_code": target}
    (pkg / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    archive = dest_dir / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(pkg.rglob("*")):
            zf.write(f, f.relative_to(work).as_posix())
    return archive
