"""Stage 3 — scrape-clean, repeated text: paragraphs and sentences a document already said,
exactly or nearly, kept once (`RepeatFinder`), and the folded form texts are compared in
(`dedup_key`, which the corpus count uses too)."""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from difflib import SequenceMatcher

import regex

from cleantext.caches import memo
from cleantext.latin import covered
from cleantext.tokens import NAME_WORD, line_words
from cleantext.vocab import fold


@memo(8192)
def dedup_key(text: str) -> str:
    """Text folded for comparison: case, accents, punctuation and spacing ignored (kept for
    the next ask: a paragraph of one sentence is asked as both, a corpus line when counted
    and when judged)."""
    # the words joined, then lowered: one call, and the same text (the one rule of lowering
    # that looks around a letter, a final sigma, never looks past a space)
    if text.isascii() or covered(text):
        # folding Latin text works letter by letter, a letter or digit into letters, any
        # other character into others (tests/test_scrape.py checks every such character):
        # the line's words, which the boilerplate rules found already, folded
        return fold(" ".join(line_words(text))).lower()
    return " ".join(line_words(fold(text))).lower()


# Words whose presence alone changes what a sentence says: two texts that differ in one of
# them, in a number or in a name are different texts, however similar their letters.
_NEGATIONS = frozenset(
    "non né mai nessun nessuno nessuna niente nulla senza neanche nemmeno not no never".split()
)
_NUMBER = regex.compile(r"\p{N}+(?:[.,:/]\p{N}+)*")
# identifiers name things as names do: a backslash command, a word with an inner capital or
# an underscore ("\stdBass" and "\stdBassIV" in LilyPond's manual are two commands)
_IDENTIFIER = regex.compile(r"\\\p{L}[\w-]*|\b\w*\p{Ll}\p{Lu}\w*|\b\w+_\w+")


def _signature(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The numbers and the names (capitalised words inside a sentence, identifiers) of a text."""
    names = [*NAME_WORD.findall(text), *_IDENTIFIER.findall(text)]
    return tuple(sorted(_NUMBER.findall(text))), tuple(sorted(w.lower() for w in names))


def near_repeat(
    old: str,
    new: str,
    threshold: float = 0.9,
    counts: tuple[Counter[str], Counter[str]] | None = None,
) -> bool:
    """`new` says what `old` said with small edits: folded letters at least `threshold`
    alike, and the words that differ are only added or left out (a "replace" of one word by
    another — "di un terzo" / "della metà" — changes the meaning), none of them a negation.
    Callers compare numbers and names separately (see `_signature`), and may pass the
    letter counts of both texts, kept from earlier calls: the letters shared bound the
    similarity from above (difflib's quick_ratio, computed the same way), so most pairs are
    told apart without building a SequenceMatcher."""
    if _lengths_apart(old, new):
        return False
    a, b = counts or (Counter(old), Counter(new))
    shared = sum((a & b).values())
    if 2.0 * shared / (len(old) + len(new)) < threshold:
        return False
    # the words first: far fewer than the letters, and most pairs of different texts differ
    # there (a paragraph of a few words in any order made the letter comparison crawl)
    a, b = old.split(), new.split()
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if _NEGATIONS.intersection(a[i1:i2] + b[j1:j2]):
            return False
        if op == "replace" and not _variant(" ".join(a[i1:i2]), " ".join(b[j1:j2])):
            return False
    return SequenceMatcher(None, old, new, autojunk=False).ratio() >= threshold


LONG_WORDS = 50  # from this many words a pair must share runs of words to be compared


def _share_runs(ra: frozenset, rb: frozenset, share: float = 0.5) -> bool:
    """Half the three-word runs of the shorter text are in the other: true of a long text
    with a few words added or left out (each edit breaks at most three runs), false of two
    texts that merely use the same words, which near_repeat's matchers take long to tell."""
    if min(len(ra), len(rb)) < LONG_WORDS:
        return True  # short texts: near_repeat is cheap enough
    return len(ra & rb) >= share * min(len(ra), len(rb))


def _lengths_apart(old: str, new: str) -> bool:
    """Lengths too far apart for a near repeat (near_repeat's first and cheapest test)."""
    return abs(len(old) - len(new)) > 0.15 * len(new)


def _variant(x: str, y: str) -> bool:
    """Two spellings of one thing ("da" / "dai", "della" / "delle"), not two words that say
    different things ("un terzo" / "la metà", "maggiore" / "minore", "affermato" / "aggiunto")."""
    if len(x.split()) > 2 or len(y.split()) > 2:
        return False
    if all(len(w) <= 3 for w in (x + " " + y).split()):
        return True  # articles and prepositions
    return SequenceMatcher(None, x, y).ratio() >= 0.75


class _Recent:
    """A text kept for near-repeat search; its numbers, names and letter counts are found
    the first time a text of about its length comes to be compared with it."""

    __slots__ = ("_letters", "_runs", "_signature", "key", "text")

    def __init__(self, key: str, text: str) -> None:
        self.key, self.text = key, text
        self._signature: tuple | None = None
        self._letters: Counter[str] | None = None
        self._runs: frozenset | None = None

    def runs(self) -> frozenset:
        if self._runs is None:
            w = self.key.split()
            self._runs = frozenset(zip(w, w[1:], w[2:], strict=False))
        return self._runs

    def signature(self) -> tuple:
        if self._signature is None:
            self._signature = _signature(self.text)
        return self._signature

    def letters(self) -> Counter[str]:
        if self._letters is None:
            self._letters = Counter(self.key)
        return self._letters


# Near repeats are compared letter by letter (quadratic in the length): texts longer than a
# long paragraph are repeats only exactly (a 100,000-character line took minutes per pair).
NEAR_MAX_CHARS = 3000


def _near_searched(key: str) -> bool:
    """Is a text of this folded length searched for near repeats (and kept for the search)?"""
    return 40 < len(key) <= NEAR_MAX_CHARS


class RepeatFinder:
    """Remembers what a document already said; exact repeats (folded) and near-exact ones.

    A near-exact repeat needs more than similar letters (see `near_repeat`): the same numbers
    and names, and only words added or left out. "La pena è ridotta di un terzo se…" and
    "La pena è ridotta della metà se…" are two provisions, not a repeat.
    Memory is bounded for files of any size: exact repeats are found among the last
    `max_keys` texts (by 64-bit digest), near-exact ones among the last `window` texts.
    """

    def __init__(self, threshold: float = 0.9, max_keys: int = 200_000, window: int = 256) -> None:
        self.threshold = threshold
        self.max_keys = max_keys
        self._digests: dict[bytes, None] = {}
        self._recent: deque[_Recent] = deque(maxlen=window)

    def seen(self, text: str, min_words: int = 1) -> bool:
        """True if `text` (≥ min_words words) repeats something seen; otherwise remember it."""
        key = dedup_key(text)
        if not key or key.count(" ") + 1 < min_words:
            return False
        digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
        if digest in self._digests:
            return True
        new = _Recent(key, text) if _near_searched(key) else None
        if new is not None:
            for old in self._recent:
                if _lengths_apart(old.key, key):
                    continue  # before names, numbers and letters are counted
                if (
                    old.signature() == new.signature()
                    and _share_runs(old.runs(), new.runs())
                    and near_repeat(old.key, key, self.threshold, (old.letters(), new.letters()))
                ):
                    return True
        self._store(new, digest)
        return False

    def remember(self, text: str) -> None:
        """Remember `text` as said, however near what was said before it: a title as it was
        printed, beside the shorter form the document keeps."""
        if key := dedup_key(text):
            new = _Recent(key, text) if _near_searched(key) else None
            self._store(new, hashlib.blake2b(key.encode(), digest_size=8).digest())

    def _store(self, new: _Recent | None, digest: bytes) -> None:
        if new is not None:
            self._recent.append(new)
        self._digests[digest] = None
        if len(self._digests) > self.max_keys:
            del self._digests[next(iter(self._digests))]
