"""Build the engine list for a run, in order of preference."""

from __future__ import annotations

from cleantext.translate.base import Translator


def build_engines(
    choice: str = "auto", models_dir: str | None = None, beam: int = 2, threads: int = 0
) -> list[Translator]:
    """auto: Argos packages first (where one serves the pair), then Apertium.

    `beam` and `threads` tune Argos (beam 1 is greedy and fastest; threads 0 = all cores)."""
    from cleantext.translate.apertium import ApertiumEngine
    from cleantext.translate.argos import ArgosEngine

    if choice == "none":
        return []
    if choice == "argos":
        return [ArgosEngine(models_dir, beam_size=beam, threads=threads)]
    if choice == "apertium":
        return [ApertiumEngine()]
    return [ArgosEngine(models_dir, beam_size=beam, threads=threads), ApertiumEngine()]
