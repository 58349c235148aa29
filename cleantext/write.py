"""Stage 7 — write: the clean text and the per-sentence JSONL, atomically.

A file is written to a temporary name in the target folder and renamed into place, so a
run that is killed never leaves a half-written output behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from cleantext.model import Document


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_txt(doc: Document) -> str:
    text = doc.text
    return text + "\n" if text else ""


def to_jsonl(doc: Document) -> str:
    return "".join(json.dumps(s.record(), ensure_ascii=False) + "\n" for s in doc.sentences)


def write_document(doc: Document, base: Path) -> list[Path]:
    """Write BASE.txt and BASE.jsonl; return the paths written."""
    txt, jsonl = base.with_suffix(".txt"), base.with_suffix(".jsonl")
    atomic_write(jsonl, to_jsonl(doc))
    atomic_write(txt, to_txt(doc))
    return [txt, jsonl]
