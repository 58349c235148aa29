"""Build tiny but real .argosmodel packages for tests: sentencepiece trained on a few lines
and a one-layer CTranslate2 Transformer filled with random numpy weights (no torch,
~0.5 s). Their translations are nonsense; they exercise the package formats argos-translate
publishes and the Argos code path:

- layout "current": `translate-fr_en-1_9/` as the top folder, zipped without directory
  entries (as the 1.9 packages are); "old": `en_it/` with a `stanza/` folder and a README
  (the 1.0 packages), with directory entries;
- `bpe`: a `bpe.model` in place of the sentencepiece model;
- `target_prefix`: the metadata key multilingual packages use, its token in the target
  vocabulary;
- `foreign_targets`: a target vocabulary of pieces the package's sentencepiece model does
  not know (as converted OPUS-MT packages decode target pieces with the source model).
"""

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
NAMES = {"fr": "French", "en": "English", "it": "Italian"}


def metadata(source: str, target: str, version: str, link: str = "") -> dict:
    """An index entry's full metadata, as argospm-index lists it."""
    return {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": source,
        "from_name": NAMES.get(source, source),
        "to_code": target,
        "to_name": NAMES.get(target, target),
        "links": [
            link
            or f"https://example.invalid/translate-{source}_{target}-{version.replace('.', '_')}.argosmodel"
        ],
        "code": f"translate-{source}_{target}",
    }


def build(
    dest_dir: Path,
    source: str = "fr",
    target: str = "it",
    version: str = "0.1",
    *,
    layout: str = "current",
    bpe: bool = False,
    target_prefix: str = "",
    foreign_targets: bool = False,
) -> Path:
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
    known = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    source_vocab = list(dict.fromkeys(["<blank>", "<s>", "</s>", *known]))
    if foreign_targets:
        target_vocab = ["<blank>", "<s>", "</s>", "<unk>", "▁zebra", "▁quokka", "▁xylo", "phone", "▁Ω"]
    else:
        target_vocab = list(source_vocab)
    if target_prefix:
        target_vocab.append(target_prefix)
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
                    rows = len(source_vocab) if p.startswith("encoder") else len(target_vocab)
                    a = rng.normal(0, 0.1, (rows, d))
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
                if "projection" in p and k == "bias":
                    a = np.zeros(len(target_vocab))
                setattr(obj, k, a.astype(np.float32))

    fill(spec)
    spec.register_source_vocabulary(source_vocab)
    spec.register_target_vocabulary(target_vocab)
    spec.validate()
    spec.optimize(quantization=None)
    top = (
        f"{source}_{target}"
        if layout == "old"
        else f"translate-{source}_{target}-{version.replace('.', '_')}"
    )
    pkg = work / top
    (pkg / "model").mkdir(parents=True)
    spec.save(str(pkg / "model"))
    if bpe:
        (pkg / "bpe.model").write_text("#version: 0.2\nl a\nla </w>\n", encoding="utf-8")
        (work / "sentencepiece.model").unlink()
    else:
        (work / "sentencepiece.model").replace(pkg / "sentencepiece.model")
    meta = metadata(source, target, version)
    if target_prefix:
        meta["target_prefix"] = target_prefix
    (pkg / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    if layout == "old":
        (pkg / "stanza" / source).mkdir(parents=True)
        (pkg / "stanza" / source / "tokenize.pt").write_bytes(b"not used by cleantext")
        (pkg / "README.md").write_text(f"# {source} → {target}\n", encoding="utf-8")
    suffix = "-bpe" if bpe else "-prefix" if target_prefix else "-foreign" if foreign_targets else ""
    archive = dest_dir / f"{top}{suffix}.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in sorted(pkg.rglob("*")):
            if f.is_file() or layout == "old":  # the current packages hold no directory entries
                zf.write(f, f.relative_to(work).as_posix())
    return archive
