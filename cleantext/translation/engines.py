"""Build the engine list for a run, in order of preference."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleantext.translation.base import Translator

if TYPE_CHECKING:
    from cleantext.settings import Settings


def check_chains(settings: Settings) -> None:
    """Fail before any work on a chain that names a mode Apertium does not have, or on an
    Apertium setting of the environment that is not a number in its range (read as the
    module is imported: CLEANTEXT_APERTIUM_TIMEOUT, CLEANTEXT_APERTIUM_NICE)."""
    if settings.apertium or (settings.translates and settings.engine in ("auto", "apertium")):
        from cleantext.translation.apertium import parse_chains

        parse_chains(settings.apertium)


def build_engines(settings: Settings) -> list[Translator]:
    """auto: Argos packages first (where one serves the pair), then Apertium.

    Settings tune them: `beam` and `threads` for Argos (beam 1 is greedy and fastest,
    threads 0 = all cores), `apertium` for chains tried before the default ones."""
    from cleantext.translation.apertium import DEFAULT_CHAINS, ApertiumEngine, parse_chains
    from cleantext.translation.argos import ArgosEngine

    def argos() -> ArgosEngine:
        return ArgosEngine(settings.models_dir, beam_size=settings.beam, threads=settings.threads)

    def apertium() -> ApertiumEngine:
        chains = dict(DEFAULT_CHAINS)
        for pair, chain in parse_chains(settings.apertium).items():
            chains[pair] = (chain, *(c for c in chains.get(pair, ()) if c != chain))
        return ApertiumEngine(chains)

    if settings.engine == "none":
        return []
    if settings.engine == "argos":
        return [argos()]
    if settings.engine == "apertium":
        return [apertium()]
    return [argos(), apertium()]
