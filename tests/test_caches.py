"""The registry of word and text caches (cleantext.caches): the benchmark empties what a run
filled through it, so a cache left out of it would make a rerun look faster than a new corpus."""

import importlib
import pkgutil

import cleantext
from cleantext import caches, freq
from cleantext.detection import Detector


def _bounded_caches(holder: object) -> list[object]:
    """Bounded caches of more than one entry (tables and models use one-entry or unbounded ones)."""
    found = []
    for value in vars(holder).values():
        info = getattr(value, "cache_info", None)
        if info is not None and (size := info().maxsize) is not None and size > 1:
            found.append(value)
    return found


def test_every_bounded_cache_in_the_package_is_registered():
    modules = [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(cleantext.__path__, "cleantext.")
        if not m.name.endswith("__main__") and not m.name.startswith(("cleantext.ray", "cleantext.datatrove"))
    ]
    found = [c for module in modules for c in _bounded_caches(module)]
    found += _bounded_caches(Detector())
    assert len(found) >= 10
    registered = set(map(id, caches._REGISTRY))
    assert [c for c in found if id(c) not in registered] == []


def test_clear_forgets_the_words_a_run_met():
    detector = Detector()
    detector.detect("Si basa su una broad commonality di interessi nazionali.")
    assert freq.zipf.cache_info().currsize > 0 and detector._evidence.cache_info().currsize > 0
    caches.clear()
    assert freq.zipf.cache_info().currsize == 0 and detector._evidence.cache_info().currsize == 0
