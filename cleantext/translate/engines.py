"""Build the engine list for a run, in order of preference."""

from __future__ import annotations

from cleantext.translate.base import Translator


def build_engines(choice: str = "auto", models_dir: str | None = None) -> list[Translator]:
    """auto: Argos packages first (where one serves the pair), then Apertium."""
    from cleantext.translate.apertium import ApertiumEngine
    from cleantext.translate.argos import ArgosEngine

    if choice == "none":
        return []
    if choice == "argos":
        return [ArgosEngine(models_dir)]
    if choice == "apertium":
        return [ApertiumEngine()]
    return [ArgosEngine(models_dir), ApertiumEngine()]
