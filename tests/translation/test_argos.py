"""The Argos engine on packages as argos-translate publishes them (tiny ones built here):
decoding, target prefixes, pivots through English, and falling back when a package fails."""

import shutil

import pytest
from conftest import FakeEngine
from translation.tiny_argos import build

from cleantext.store import ModelStore
from cleantext.translation.argos import ArgosEngine, detokenize
from cleantext.translation.route import Router


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return tmp_path_factory.mktemp("argos-made")


def _store(tmp_path, *archives):
    store = ModelStore(tmp_path / "store", argos_dirs=[])
    for a in archives:
        store.install(a)
    return store


def test_pieces_the_model_does_not_know_come_out_as_words_not_marks(made):
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(_sp_model(made)))
    # "▁zebra" is no piece of this model: decoded as written, its word mark stayed
    assert "▁" in sp.decode(["▁la", "▁zebra", "▁maison"])
    assert detokenize(sp, ["▁la", "▁zebra", "▁maison"]) == "la zebra maison"
    assert "⁇" in sp.decode(["▁la", "<unk>", "▁maison"])
    assert detokenize(sp, ["▁la", "<unk>", "▁maison"]) == "la maison"
    assert detokenize(sp, ["<s>", "▁la", "▁ca", "sa", "</s>"]) == "la casa"


def _sp_model(made):
    import zipfile

    archive = build(made, "fr", "en", "1.9")
    with zipfile.ZipFile(archive) as zf:
        name = next(n for n in zf.namelist() if n.endswith("sentencepiece.model"))
        target = made / "sp" / "sentencepiece.model"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(zf.read(name))
    return target


def test_a_package_whose_targets_its_tokenizer_does_not_know_writes_no_marks(made, tmp_path):
    """The converted OPUS-MT case: every target piece is unknown to the package's
    sentencepiece model."""
    engine = ArgosEngine(_store(tmp_path, build(made, "fr", "it", foreign_targets=True)).root)
    out = engine.translate(["la maison est grande", "le chat dort sur le lit"], "fr", "it")
    assert all(o.strip() for o in out)
    assert not any("▁" in o or "⁇" in o or "<unk>" in o for o in out), out


def test_target_prefix_leads_the_decoder_and_is_not_written(made, tmp_path):
    store = _store(tmp_path, build(made, "fr", "it", target_prefix="__it__"))
    engine = ArgosEngine(store.root)
    pkg = engine.route("fr", "it")[0]
    assert pkg.target_prefix == "__it__"
    translator, sp = engine._load(pkg)
    seen = {}

    class Spy:
        def translate_batch(self, pieces, **kw):
            seen.update(kw)
            return translator.translate_batch(pieces, **kw)

    engine._loaded[pkg.path] = (Spy(), sp)
    out = engine.translate(["la maison est grande"], "fr", "it")
    assert seen["target_prefix"] == [["__it__"]] and seen["replace_unknowns"] is True
    assert out[0] and "__it__" not in out[0]


def test_french_goes_through_english_with_the_current_and_the_old_layout(made, tmp_path):
    store = _store(tmp_path, build(made, "fr", "en", "1.9"), build(made, "en", "it", "1.0", layout="old"))
    engine = ArgosEngine(store.root)
    assert [(p.source, p.target) for p in engine.route("fr", "it")] == [("fr", "en"), ("en", "it")]
    assert not (store.root / "translate-en_it-1_0" / "en_it").exists()  # the top folder is stripped
    assert (store.root / "translate-en_it-1_0" / "stanza").is_dir()
    out = engine.translate(["la maison est grande", ""], "fr", "it")
    assert out[0] and out[1] == ""


class _Fake(FakeEngine):
    """A second engine that serves every pair, for the fallback."""

    def translate(self, texts, source, target):
        return [f"tradotto: {t}" for t in texts]


def test_a_package_that_does_not_load_hands_its_spans_to_the_next_engine(made, tmp_path):
    store = _store(tmp_path, build(made, "fr", "it"))
    engine = ArgosEngine(store.root)
    (store.root / "translate-fr_it-0_1" / "model" / "model.bin").write_bytes(b"broken after install")
    router = Router([engine, _Fake()], checks=())
    out = router.translate([("la maison est grande", "fr")])
    assert out[0].engine == "fake" and out[0].translation == "tradotto: la maison est grande"
    # set aside for the run: no second failure, and the reason is given
    assert not engine.supports("fr", "it") and "does not load" in engine.why_unavailable()
    assert router.translate([("le chat", "fr")])[0].engine == "fake"
    shutil.rmtree(store.root)
