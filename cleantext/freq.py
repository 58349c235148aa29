"""Word frequencies on the Zipf scale, as wordfreq gives them, read from its table directly.

`wordfreq.zipf_frequency` normalises and tokenises its argument on every call (about
40 µs); detection asks for tens of thousands of words per corpus, most of them plain
lowercase words that are their own token. For those, the value is read from wordfreq's
frequency table (loaded once per language) and put on the Zipf scale with wordfreq's own
rounding; any other word (apostrophes, digits, capitals, "ß", decomposed accents) goes
through wordfreq's tokeniser and its rule for combining tokens, on the same table; other
languages go to wordfreq itself. Both paths give the same number (tests/test_freq.py
checks it word by word).

Loading a table costs 0.1–0.25 s per language, in every process (each worker, each Ray
actor, each short run). So the tables are also kept on disk, once per machine and wordfreq
version, as SQLite files in the cache folder ($CLEANTEXT_CACHE, else
$XDG_CACHE_HOME/cleantext, else ~/.cache/cleantext): opening one is free and a look-up
costs about 10 µs. A process that asks for many words of a language (over SWITCH distinct
words) loads the table after all, as a dictionary is faster from then on. The values are
the table's own floats, so both ways give the same number. A cache that cannot be written
is no error: the tables are then loaded as before. The three languages detection asks
about every word (JOINT) switch to one dictionary instead, word → its frequency in each,
also kept in the cache folder (see JOINT).
"""

from __future__ import annotations

import contextlib
import marshal
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from functools import cache
from itertools import repeat
from pathlib import Path

from cleantext import settings
from cleantext.caches import memo

# lowercase Latin letters in composed form (NFC), without "ß" (it casefolds to "ss"):
# for the languages cleantext reads, wordfreq's tokeniser returns such a word unchanged
PLAIN = re.compile(r"[a-zà-öø-ÿœæ]+")
LANGUAGES = frozenset(settings.LANGUAGES)  # regex tokeniser, NFC, no marks


SWITCH = 20_000  # distinct words asked of one language before its table is loaded whole


CACHE_FORMAT = 1  # raise when the copies' tables, or vocab.fold, change

# The languages detection asks about every new word by default (the main one and the two
# stray ones). Their words are also read from one dictionary, word → its frequency in each,
# written to the cache folder once like the copies: one look-up instead of three. A new
# word's look-up misses the processor's caches in a 320,000-word table, and three of them
# were the largest single cost of detection on new text (a tenth of a run on noharm-isdt);
# the one dictionary also takes less memory than the three tables (70 MB against 89).
JOINT = ("it", "fr", "en")
# the words it holds: a plain word, or an elided one taken whole ("nell'inchiesta"), which
# is every word zipfs and the tokens of an elision ask for
JOINT_WORD = re.compile(r"[a-zà-öø-ÿœæ]+(?:'[a-zà-öø-ÿœæ]*)?")
_UNKNOWN = (None,) * len(JOINT)


@cache
def _table(lang: str) -> dict[str, float]:
    """wordfreq's whole frequency table for `lang` (also what respell walks)."""
    from wordfreq import get_frequency_dict, get_frequency_list

    table = get_frequency_dict(lang, "best")  # as word_frequency asks: one shared copy
    # wordfreq keeps the lists the table was built from, millions of entries the garbage
    # collector walks on each full collection (30 ms for six languages, every few seconds
    # of a run); the table is all that is read from them, and wordfreq reloads them if asked
    get_frequency_list.cache_clear()
    return table


@cache
def _accented_table(lang: str) -> dict[str, str]:
    """Letters with accents ignored (vocab.fold) → the most frequent word of `lang` with
    accents written that way (respell's `restore_accents`)."""
    from cleantext.vocab import fold

    best: dict[str, tuple[float, str]] = {}
    for word, freq in _table(lang).items():
        if word.isascii() or not word.isalpha():
            continue
        key = fold(word)
        if key not in best or freq > best[key][0]:
            best[key] = (freq, word)
    return {k: w for k, (_, w) in best.items()}


FINAL_ACCENTS = "àèéìòù"  # the vowels Italian writes with an accent at a word's end


@cache
def final_accents(lang: str, ending: int = 3) -> dict[str, dict[str, tuple[float, int]]]:
    """For the `ending` letters before a word-final accented vowel: each vowel's summed
    frequency and number of words ("izz" → {"ò": (…, 51)}: "realizzò", "organizzò"…), over
    wordfreq's whole table for `lang`. Morphology as frequencies show it: Italian writes a
    final accent in a few endings ("-ità", "-izzò", "-erdì"), a word's own rarity aside."""
    out: dict[str, dict[str, list[float]]] = {}
    for word, freq in _table(lang).items():
        if len(word) > ending and word[-1] in FINAL_ACCENTS and word[:-1].isalpha():
            tally = out.setdefault(word[-1 - ending : -1], {}).setdefault(word[-1], [0.0, 0])
            tally[0] += freq
            tally[1] += 1
    return {e: {v: (f, int(n)) for v, (f, n) in vs.items()} for e, vs in out.items()}


@cache
def frequent(lang: str, min_zipf: float) -> frozenset[str]:
    """Every word of `lang` at least this frequent (`zipf(word, lang) >= min_zipf`): a few
    thousand above Zipf 3, read once from the head of the loaded table (in order of
    frequency) or from the disk copy, so a rule can tell "not common" without a look-up."""
    # _zipf_of raises a frequency by less than 0.01 on the Zipf scale (its two roundings)
    rows = _frequencies(lang).at_least(10 ** (min_zipf - 9 - 0.01)) if lang in LANGUAGES else None
    if rows is not None:
        return frozenset(w for w, fr in rows if _zipf_of(max(fr, MIN_FREQ)) >= min_zipf)
    out = set()
    for word, fr in _table(lang).items():  # wordfreq builds it most frequent first
        if _zipf_of(max(fr, MIN_FREQ)) < min_zipf:
            break
        out.add(word)
    return frozenset(out)


def load(lang: str) -> None:
    """Load `lang`'s table whole now, or the joint dictionary for a language of JOINT (a
    long run, or a benchmark's warm-up, asks for many words: a dictionary is faster than
    the copy from then on)."""
    f = _frequencies(lang)
    if f._open() and f.join():
        return
    f.table = _table(lang)
    f.db = None


def accented(key: str, lang: str) -> str | None:
    """The most frequent word of `lang` whose letters, accents ignored, are `key`."""
    return _frequencies(lang).accented(key)


def cache_dir() -> Path:
    """Where cleantext keeps what it can rebuild: $CLEANTEXT_CACHE, else the XDG cache."""
    env = os.environ.get("CLEANTEXT_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "cleantext"


class _Frequencies:
    """One language's frequencies: from the SQLite copy while few words are asked, from
    the table loaded whole after that (or when there is no copy and none can be made).
    A language of JOINT switches to the joint dictionary instead, when the cache holds it,
    and keeps the copy for the few words the dictionary does not hold (digits, capitals)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.asked = 0
        self.db: sqlite3.Connection | None = None
        self.table: dict[str, float] | None = None
        self.joint: dict[str, tuple[float | None, ...]] | None = None
        self.slot = JOINT.index(lang) if lang in JOINT else None
        self.accents: dict[str, str] | None = None  # the copy's accented forms, once joined
        self.pid = os.getpid()
        self.lock = threading.Lock()  # the router's threads post-edit (and ask) side by side

    def get(self, word: str) -> float | None:
        joint = self.joint
        if joint is not None and JOINT_WORD.fullmatch(word):
            return joint.get(word, _UNKNOWN)[self.slot]  # type: ignore[index]
        if self.table is None and not self._open():
            self.table = _table(self.lang)  # no copy, and none can be made: the table
            self.db = None
        elif self.table is None and joint is None and self.asked >= SWITCH:
            if not self.join():
                self.table = _table(self.lang)
                self.db = None
            elif JOINT_WORD.fullmatch(word):
                return self.get(word)
        db = self.db  # another thread may switch to the table meanwhile: this one stays valid
        if self.table is not None or db is None:
            return _table(self.lang).get(word)
        self.asked += 1
        rows = self._rows(db, "SELECT f FROM words WHERE w = ?", (word,))
        if rows is None:
            return _table(self.lang).get(word)
        return rows[0][0] if rows else None

    def join(self) -> bool:
        """Read this language's words from the joint dictionary from now on (False: the
        language is not one of JOINT, or the cache holds no dictionary)."""
        if self.joint is None and self.slot is not None:
            self.joint = _JOINT.load()
        return self.joint is not None

    def at_least(self, low: float) -> list[tuple[str, float]] | None:
        """The copy's (word, frequency) rows of frequency `low` or more; None when the table
        is loaded or there is no copy (its head is read then)."""
        db = self.db if self.table is None and self._open() else None
        if db is None:
            return None
        return self._rows(db, "SELECT w, f FROM words WHERE f >= ?", (low,))

    def accented(self, key: str) -> str | None:
        if self.joint is not None:  # a long run: the copy's accented forms, read whole once
            return (self.accents or self._read_accents()).get(key)
        db = self.db if self.table is None and self._open() else None
        rows = None if db is None else self._rows(db, "SELECT w FROM accented WHERE k = ?", (key,))
        if rows is None:
            return _accented_table(self.lang).get(key)
        return rows[0][0] if rows else None

    def _read_accents(self) -> dict[str, str]:
        """Every accented form at once (10,000 Italian rows, 56,000 French: 10–50 ms, where
        a run's respelling asks hundreds of keys at ~50 µs each from the copy)."""
        db = self.db if self._open() else None
        if self.accents is None and db is not None:
            rows = self._rows(db, "SELECT k, w FROM accented")
            self.accents = dict(rows) if rows is not None else None
        return self.accents if self.accents is not None else _accented_table(self.lang)

    def _rows(self, db: sqlite3.Connection, sql: str, args: tuple = ()) -> list | None:
        """The query's rows, or None when the copy proves damaged further in than its first
        rows ("database disk image is malformed"): the table from then on, and the copy
        removed so the next process writes it again."""
        try:
            with self.lock:
                return db.execute(sql, args).fetchall()
        except sqlite3.Error:
            self.table = _table(self.lang)
            self.db = None
            self.joint = None
            with contextlib.suppress(OSError):
                _copy_path(self.lang).unlink()
            return None

    def _open(self) -> bool:
        if self.db is not None and self.pid == os.getpid():
            return True
        with self.lock:
            return self._open_locked()

    def _open_locked(self) -> bool:
        if self.db is not None and self.pid == os.getpid():
            return True
        self.pid = os.getpid()  # a forked child opens its own connection
        path = _copy_path(self.lang)
        if not path.is_file() and not _write_copy(self.lang, path):
            return False
        try:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self.db.execute("SELECT f FROM words LIMIT 1").fetchall()
            self.db.execute("SELECT w FROM accented LIMIT 1").fetchall()
        except sqlite3.Error:  # a damaged copy: the table, as before; the next process rewrites it
            self.db = None
            with contextlib.suppress(OSError):
                path.unlink()
            return False
        return True


def _copy_path(lang: str) -> Path:
    from importlib.metadata import version

    return cache_dir() / f"wordfreq-{version('wordfreq')}-{CACHE_FORMAT}" / f"{lang}.sqlite"


def _write_copy(lang: str, path: Path) -> bool:
    """Write the table's SQLite copy (atomically: another process may be writing it too)."""
    table = _table(lang)

    def fill(tmp: str) -> None:
        with contextlib.closing(sqlite3.connect(tmp)) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("CREATE TABLE words (w TEXT PRIMARY KEY, f REAL NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT INTO words VALUES (?, ?)", sorted(table.items()))
            db.execute("CREATE TABLE accented (k TEXT PRIMARY KEY, w TEXT NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT INTO accented VALUES (?, ?)", sorted(_accented_table(lang).items()))
            db.commit()

    return _write_atomically(path, fill)


def _write_atomically(path: Path, fill: Callable[[str], None]) -> bool:
    """`fill` a temporary file beside `path`, then put it in place (another process may be
    writing the same file); False when the cache folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=path.parent)
        os.close(fd)
        os.chmod(tmp, 0o644)  # a shared cache (CLEANTEXT_CACHE) serves every user
    except OSError:
        return False
    try:
        fill(tmp)
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False


class _Joint:
    """JOINT's frequencies in one dictionary, word → (its frequency in each language, None
    where unknown), read from the cache folder once per process (scripts/setup.sh writes
    it, else the first process that needs it, from the three tables: two seconds, once per
    machine and wordfreq version)."""

    def __init__(self) -> None:
        self.words: dict[str, tuple[float | None, ...]] | None = None
        self.tried = False
        self.lock = threading.Lock()

    def load(self) -> dict[str, tuple[float | None, ...]] | None:
        """The dictionary; None when the cache cannot hold it (the tables are read then)."""
        if not self.tried:
            with self.lock:
                if not self.tried:
                    self.words = _read_joint(_joint_path())
                    self.tried = True
        return self.words


_JOINT = _Joint()


def _joint_path() -> Path:
    # marshal's format belongs to the Python version: a cache shared by two has one each
    py = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return _copy_path(JOINT[0]).parent / f"joint-{'-'.join(JOINT)}-{py}.marshal"


def _read_joint(path: Path) -> dict[str, tuple[float | None, ...]] | None:
    if not path.is_file():
        # written for the next process; this one holds the three tables it was made from,
        # and reads them (the dictionary too would be 70 MB more, once)
        _write_joint(path)
        return None
    try:  # the cache folder is the user's own: marshal, which runs no code, reads it
        words = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        words = None
    if not isinstance(words, dict) or len(words.get("di", ())) != len(JOINT):
        with contextlib.suppress(OSError):  # damaged: the tables, as before; the next process rewrites it
            path.unlink()
        return None
    return words


def _write_joint(path: Path) -> bool:
    tables = [_table(lang) for lang in JOINT]
    rows: dict[tuple[float | None, ...], tuple[float | None, ...]] = {}
    words = {}
    for word in {w for table in tables for w in table if JOINT_WORD.fullmatch(w)}:
        row = tuple(table.get(word) for table in tables)
        words[word] = rows.setdefault(row, row)  # 127,000 distinct rows for 692,000 words

    def fill(tmp: str) -> None:
        with open(tmp, "wb") as f:
            f.write(marshal.dumps(words))

    return _write_atomically(path, fill)


def prepare(langs: frozenset[str] | tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Write the copies that are missing now, and the joint dictionary when `langs` has
    JOINT's (scripts/setup.sh does, so a first run, or several processes starting at once,
    do not each write them); the files there."""
    done = []
    for lang in sorted(langs):
        path = _copy_path(lang)
        if path.is_file() or _write_copy(lang, path):
            done.append(path)
    path = _joint_path()
    if set(JOINT) <= set(langs) and (path.is_file() or _write_joint(path)):
        done.append(path)
    return done


@cache
def _frequencies(lang: str) -> _Frequencies:
    return _Frequencies(lang)


@memo(4096)
def _zipf_of(freq: float) -> float:
    """wordfreq's word_frequency rounding (three significant digits), then its Zipf one."""
    rounded = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


MIN_FREQ = 1e-9  # Zipf 0: what wordfreq.zipf_frequency gives a word it does not know


@memo(500_000)
def zipf(word: str, lang: str) -> float:
    """wordfreq.zipf_frequency(word, lang), fast for plain lowercase words."""
    if lang not in LANGUAGES:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, lang)
    freq = _frequencies(lang).get(word) if PLAIN.fullmatch(word) else _tokens_frequency(word, lang)
    return 0.0 if freq is None else _zipf_of(max(freq, MIN_FREQ))


GRAMMAR_ZIPF = 6.0  # a word this frequent says nothing of the content ("della", "the")


def grammar_of(
    word: str,
    main: str,
    other: str,
    margin: float = 1.0,
    frequency: Callable[[str, str], float] | None = None,
) -> bool:
    """A grammar word of `main` that `other` uses far less ("il", "della", "ed" against
    English): it is said only in a sentence of `main`, and joins what it stands between.
    `frequency`: the Zipf look-up (default `zipf`)."""
    f = frequency or zipf
    here = f(word, main)
    return here >= GRAMMAR_ZIPF and here - f(word, other) >= margin


def zipfs(word: str, langs: tuple[str, ...]) -> tuple[float, ...]:
    """zipf(word, lang) for each of `langs`, read from the loaded tables in one pass for a
    plain word (detection asks three languages about every new word it meets; the three
    separate calls each went through the cache, the pattern and the language's copy)."""
    if langs == JOINT and (joint := _JOINT.words) is not None:
        if PLAIN.fullmatch(word):
            row = joint.get(word, _UNKNOWN)
            return _zipfs_of_row(row)
        if (m := ELIDED.fullmatch(word)) is not None:
            rows = [joint.get(token, _UNKNOWN) for token in _elided_tokens(m)]
            return _zipfs_of(tuple(_combined(row[k] for row in rows) for k in range(len(JOINT))))
        return tuple(zipf(word, lang) for lang in langs)
    tables = _LOADED.get(langs) or _loaded(langs)
    if tables is None:
        return tuple(zipf(word, lang) for lang in langs)
    if PLAIN.fullmatch(word):
        freqs: Iterable[float | None] = map(_GET, tables, repeat(word))
    elif (m := ELIDED.fullmatch(word)) is not None:  # plain tokens: read as _tokens_frequency
        tokens = _elided_tokens(m)
        freqs = [_combined(map(table.get, tokens)) for table in tables]
    else:
        return tuple(zipf(word, lang) for lang in langs)
    return _zipfs_of(tuple(freqs))


_GET = dict.get  # a table's look-up, mapped over the tables (in C, no frame per table)


def _zipfs_of(freqs: tuple[float | None, ...]) -> tuple[float, ...]:
    """Each frequency on the Zipf scale (an unknown word: 0), as `zipf` gives it (a list
    made, then the tuple: asked for each new row of every run)."""
    return tuple([0.0 if f is None else _zipf_of(f if f > MIN_FREQ else MIN_FREQ) for f in freqs])


# a row of the joint dictionary → its Zipf values: words share rows (a run of noharm-isdt
# meets 4,613 plain words in 2,219 rows)
_zipfs_of_row = memo(1 << 20)(_zipfs_of)


def _combined(freqs: Iterable[float | None]) -> float | None:
    """wordfreq's frequency of a word from its tokens' (1/f = 1/f1 + 1/f2 + …); None when a
    token is unknown (the rest are then not asked)."""
    inverse = 0.0
    for freq in freqs:
        if freq is None:
            return None
        inverse += 1.0 / freq
    return 1.0 / inverse


_LOADED: dict[tuple[str, ...], list[dict[str, float]]] = {}  # a table once loaded stays loaded


def _loaded(langs: tuple[str, ...]) -> list[dict[str, float]] | None:
    """The tables of `langs` when every one is loaded whole (else None: the copies count
    their look-ups, and a language outside LANGUAGES goes to wordfreq itself)."""
    tables = []
    for lang in langs:
        if lang not in LANGUAGES:
            return None
        table = _frequencies(lang).table
        if table is None:
            return None
        tables.append(table)
    _LOADED[langs] = tables
    return tables


@memo(100_000)
def _tokens(word: str) -> list[str]:
    """wordfreq's tokens of `word`, the same in every language of LANGUAGES (one tokeniser
    and one normalisation for all: tests/test_freq.py checks wordfreq's settings say so),
    so a word asked in three languages is tokenised once (callers must not mutate)."""
    if (m := ELIDED.fullmatch(word)) is not None:
        return _elided_tokens(m)
    from wordfreq.tokens import lossy_tokenize

    return lossy_tokenize(word, "it")


# A plain word elided before another ("dell'anno", "l'ha", "nell'") — a tenth of the words
# of Italian news, and the tokeniser's slowest: its tokens are told by wordfreq's own rule
# (tests/test_freq.py checks it against the tokeniser on every head and tail letter): one
# or two letters before the apostrophe and a vowel or "h" after it are two tokens ("l",
# "ha"), as in French; anything else is one word ("nell'inchiesta"); nothing after, the head.
ELIDED = re.compile(r"([a-zà-öø-ÿœæ]+)'([a-zà-öø-ÿœæ]*)")
INITIAL_VOWELS = frozenset("aehiouyáéíóúàèìòùâêîôûåïöœ")  # wordfreq's INITIAL_VOWEL_EXPR


def _elided_tokens(m: re.Match[str]) -> list[str]:
    head, tail = m.groups()
    if not tail:
        return [head]
    return [head, tail] if len(head) <= 2 and tail[0] in INITIAL_VOWELS else [m.group()]


def _tokens_frequency(word: str, lang: str) -> float | None:
    """wordfreq's rule for any other word, on the same frequencies: its tokens (digits
    smashed to 0 and weighted as wordfreq weighs them) combine as 1/f = 1/f1 + 1/f2 + …;
    None when a token is unknown."""
    from wordfreq.numbers import digit_freq, smash_numbers

    tokens = _tokens(word)
    if not tokens:
        return None
    frequencies = _frequencies(lang)

    def weighed(token: str) -> float | None:
        smashed = smash_numbers(token)
        freq = frequencies.get(smashed)
        return freq * digit_freq(token) if freq is not None and smashed != token else freq

    return _combined(map(weighed, tokens))
