"""Apertium, the rule-based offline engine, through long-lived pivot pipelines.

Apertium has no French→Italian or English→Italian pair, so each direction is a chain of
installed pairs (fra-cat | cat-ita, eng-cat | cat-ita). The stage commands of each mode
file are joined into one shell pipeline that is started once and kept alive: a batch is
written as NUL-terminated units, one per text (every stage flushes at NUL with -z, and
transfer rules cannot reach across units), and read back unit by unit. Starting a process
per sentence is about 100x slower. One stage is the exception: the HMM tagger, which
can change its own state as it works, is replaced by a fresh one after any text that
changed it (see `_fresh_tagger`), so a text's translation never depends on the batch it
came in.
"""

from __future__ import annotations

import contextlib
import os
import select
import shlex
import shutil
import signal
import subprocess
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from cleantext.code import word_pair
from cleantext.tokens import INSIDE, LETTERS
from cleantext.translation.base import EngineUnavailable
from cleantext.translation.preedit import english_pre_edit
from cleantext.vocab import open_ended, recase

MODES_DIR = Path(os.environ.get("CLEANTEXT_APERTIUM_MODES", "/usr/share/apertium/modes"))


def _env_number(name: str, default: float, low: float, high: float, kind: type = float) -> Any:
    """A setting from the environment, or an error that names the variable and the range."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise ValueError(f"{name}={raw!r}: expected {kind.__name__} from {low} to {high}")
    return value


FRESH_UNIT = Path(__file__).with_name("fresh_unit.py")
CATALAN_BRIDGE = Path(__file__).with_name("catalan_bridge.py")
TAGGER_CHANGED = "new ambiguity class"  # what apertium-tagger -d prints as it rewrites itself
# A chain that gives nothing back for this long is dead (a stage that exited at start leaves
# the shell holding the pipe open: without a deadline the read would wait forever).
READ_TIMEOUT = _env_number("CLEANTEXT_APERTIUM_TIMEOUT", 60.0, 0.01, 86400.0)
RESTARTS = 1  # a dead chain is restarted this many times per batch, then given up for the run
# How many nice levels below the process that feeds it a chain runs. The caller's own work
# (reading and detecting the next batch while a chain translates this one) is the run's
# critical path: a chain should fill the cores the caller leaves free, not take the
# caller's. When the caller waits for it, a chain still gets every core. On the lingua
# corpus (scripts/bench.py, 2 cores) a translating run took 6% less time, 25 runs each way.
NICE = _env_number("CLEANTEXT_APERTIUM_NICE", 10, 0, 19, int)  # 0: the caller's priority

Chain = tuple[str, ...]

# (source, target) → chains of Apertium mode names, best first; the first installed wins.
# English goes through Catalan when apertium-eng-cat is installed: on the dev benchmark it
# scores higher than the Spanish pivot (spa-ita turns "para" into "partorisca").
DEFAULT_CHAINS: dict[tuple[str, str], tuple[Chain, ...]] = {
    ("fr", "it"): (("fra-cat", "cat-ita"), ("fr-es", "spa-ita")),
    ("en", "it"): (("eng-cat", "cat-ita"), ("eng-spa", "spa-ita")),
    ("es", "it"): (("spa-ita",),),
    ("ca", "it"): (("cat-ita",),),
    ("it", "es"): (("ita-spa",),),
    ("it", "ca"): (("ita-cat",),),
    ("it", "en"): (("ita-cat", "cat-eng"),),
    ("it", "fr"): (("ita-cat", "cat-fra"),),
}
APT_PACKAGES = " ".join(
    ("apertium", "apertium-fra-cat", "apertium-cat-ita", "apertium-eng-cat", "apertium-eng-spa")
    + ("apertium-spa-ita", "apertium-fr-es")
)

_RESERVED = regex.compile(r"([\\\[\]^$/@<>{}])")
_MARKS = regex.compile(r"(?<![\p{L}\p{N}])[*#@~](?=[\p{L}\p{N}])")


def _lower_session(pid: int) -> None:
    """Linux with autogroup schedules each session as one group, whatever its processes'
    own nice: the chain, a session of its own, is lowered as a group too. Where there is
    no such file (another system, a kernel without it), the processes' nice is all."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/autogroup").write_text(f"{NICE}\n")


def _fresh_tagger(stage: str) -> str:
    """Keep the HMM tagger stage in its start state for every text.

    apertium-tagger 3.8 overwrites its open class each time it meets an ambiguity class
    its model lacks (tagger_utils::find_similar_ambiguity_class assigns through a
    reference): a long-lived tagger drifts, so a text's translation depended on the texts
    translated before it in the process (the same French sentence gave "incisore in capo"
    or "incisore in nessuno" by batch). With -d the tagger says so on stderr each time;
    fresh_unit.py then retires it and hands the next text to a fresh one started ahead.
    About one text in five does that; the rest cost nothing. The perceptron tagger (-gx,
    eng-cat) keeps no such state and is left alone.
    """
    if not regex.match(r"apertium-tagger -z -g ", stage):
        return stage
    tagger = stage.replace("apertium-tagger -z", "apertium-tagger -z -d", 1)
    python = sys.executable or "python3"  # empty when embedded
    marker = shlex.quote(TAGGER_CHANGED)
    return f"{shlex.quote(python)} -S {shlex.quote(str(FRESH_UNIT))} {marker} {tagger}"


def _catalan_bridge(stages: list[str], next_stages: list[str], perfect: bool) -> list[str]:
    """The stage that rewrites X-cat's Catalan before cat-ita (see catalan_bridge.py: the
    purpose "per a", and with `perfect` the English past tenses as Italian news writes
    them). It inflects with the X-cat mode's own Catalan generator and reads Catalan with
    the analyser cat-ita's mode starts with; no generator, no stage."""
    generator = _stage_file(stages, r"lt-proc -z (?:\$1|-n|-g)(?: -b)? '([^']+autogen\.bin)'$")
    if generator is None:
        return []
    python = sys.executable or "python3"
    cmd = f"{shlex.quote(python)} -S {shlex.quote(str(CATALAN_BRIDGE))} {shlex.quote(generator)}"
    if perfect:
        cmd += " --perfect"
        if analyser := _stage_file(next_stages[:1], r"lt-proc -z -w '([^']+automorf\.bin)'$"):
            cmd += f" --analyser {shlex.quote(analyser)}"
    return [cmd]


def _stage_file(stages: list[str], pattern: str) -> str | None:
    """The file a mode stage reads, for the first stage matching `pattern`."""
    return next((m[1] for stage in stages if (m := regex.match(pattern, stage))), None)


def escape(text: str) -> str:
    """Escape Apertium's reserved characters and fold line breaks into spaces."""
    return _RESERVED.sub(r"\\\1", text.replace("\0", "").replace("\r", " ").replace("\n", " "))


# words joined by dots, underscores or '=' with no space, a path, an option: "config.guess",
# "README.md", "./configure", "dh_make", "--with-foo=bar" (a Debian manual's, ours), a
# backslash command ("\tiny" in LilyPond's manual: "\minuscolo"). The
# tokeniser cuts them at the dot ("config. Supposizione") or translates their pieces
# ("./Configura"). Not a number ("3.2"), "e.g.", "U.S." or two words "e/o".
_TOKEN = regex.compile(r"[^\s(«“\"'\[]+")
_JOINED = regex.compile(
    r"[\p{L}\p{N}]{2,}(?:[._=][\p{Ll}\p{N}]|_\p{L})|[\p{L}\p{N}][._=][\p{Ll}\p{N}]{2}"
    r"|^(?:\.{1,2}|~)?/\p{L}|^--?\p{L}[\p{L}-]*=|^\\\p{L}"
    r"|^--?\p{Ll}[\p{L}\p{N}-]*$"  # an option alone: "--help" came out "--aiuto"
)
_PATH = regex.compile(r"[\p{L}\p{N}_.-]+(?:/[\p{L}\p{N}_.-]+)+/?")
_TRAILING = ".,;:!?)»”\"'’"


def identifiers(text: str) -> list[tuple[int, int]]:
    """Where `text` names a file, a path or an option rather than saying words."""
    found = []
    for m in _TOKEN.finditer(text):
        token = m[0].rstrip(_TRAILING)
        if not regex.search(r"\p{L}", token) or token[:1].isdigit():  # "1.5km": a measure
            continue
        if _JOINED.search(token) or (_PATH.fullmatch(token) and not word_pair(token)):
            found.append((m.start(), m.start() + len(token)))
    return found


def hide_identifiers(text: str) -> tuple[str, list[str]]:
    """`text` with each of its `identifiers` replaced by a word no dictionary knows (it keeps
    its place as the sentence is reordered, as an unknown noun does), and the identifiers."""
    found = identifiers(text)
    originals = [text[a:b] for a, b in found]
    for k, (a, b) in reversed(list(enumerate(found))):
        text = text[:a] + _placeholder(k) + text[b:]
    return text, originals


def show_identifiers(text: str, originals: list[str]) -> str:
    """A translation with each placeholder of `hide_identifiers` back as what it hid."""
    for k, original in enumerate(originals):
        mark = _placeholder(k).removesuffix(_KEEP)  # the suffix goes with those of kept names
        text = regex.sub(rf"(?i)\b{mark}(?:{_KEEP})?\b", lambda _, o=original: o, text)
    return text


def _placeholder(k: int) -> str:
    return "zz" + "".join(chr(97 + int(d)) for d in str(k)) + _KEEP


class _Pipeline:
    """One live `mode1 | mode2 | …` process, fed and read in NUL-terminated batches."""

    def __init__(self, modes: tuple[str, ...]) -> None:
        self.modes = modes
        self.proc: subprocess.Popen[bytes] | None = None
        self._pending = b""
        self.lock = threading.Lock()
        self.broken: str | None = None  # why the chain was given up, once it was
        self.used = False  # has it been asked to translate anything

    def _command(self) -> list[str]:
        # a stage that fails (a missing file, a broken install) ends the whole chain at once:
        # otherwise the stages around it wait on each other and only the read deadline tells
        guarded = [f"{{ {stage} || kill 0; }}" for stage in self._stages()]
        return ["bash", "-c", " | ".join(guarded), "apertium", "-g", ""]

    def _stages(self) -> list[str]:
        per_mode = [
            subprocess.run(
                ["apertium-wblank-mode", "-z", str(MODES_DIR / f"{mode}.mode")],
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .split(" | ")
            for mode in self.modes
        ]
        stages: list[str] = []
        for i, (mode, own) in enumerate(zip(self.modes, per_mode, strict=True)):
            if i < len(self.modes) - 1:  # unknown words are marked by the last pair only
                own = [stage.replace("$1", "-n") for stage in own]
            stages.extend(_fresh_tagger(stage) for stage in own)
            if self.modes[i + 1 : i + 2] == ("cat-ita",) and mode.endswith("-cat"):
                stages.extend(_catalan_bridge(own, per_mode[i + 1], perfect=mode == "eng-cat"))
        return stages

    def start(self) -> None:
        command = self._command()
        if NICE and shutil.which("nice"):
            command = ["nice", "-n", str(NICE), *command]
        self.proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: close() can end every stage
        )
        _lower_session(self.proc.pid)
        assert self.proc.stdin
        os.set_blocking(self.proc.stdin.fileno(), False)  # _exchange writes as the pipe takes it
        self._pending = b""

    def run(self, lines: list[str]) -> list[str]:
        """Translate a batch; a chain that dies or stops answering is restarted (RESTARTS
        times), then given up for the rest of the run with the reason (the router leaves
        the spans untranslated, with that note, and warns)."""
        with self.lock:
            if self.broken:
                raise RuntimeError(self.broken)
            for attempt in range(RESTARTS + 1):
                if self.proc is None or self.proc.poll() is not None:
                    self.close()  # a dead chain's pipes are closed before a new one starts
                    self.start()
                try:
                    return self._exchange(lines)
                except (BrokenPipeError, EOFError, OSError) as e:
                    self.close()  # the pipeline died or hung mid-batch: start it again
                    if attempt == RESTARTS:
                        chain = " | ".join(self.modes)
                        self.broken = f"apertium chain {chain} failed {RESTARTS + 1} times ({e}); given up"
                        raise RuntimeError(self.broken) from None
            raise AssertionError("unreachable")

    def _exchange(self, lines: list[str]) -> list[str]:
        """Each text goes as its own NUL-terminated unit, so no rule can see its neighbours.

        The input is written as the pipeline takes it and the output read as it comes, in
        one loop over both pipes (a large batch cannot deadlock on full pipes, and no thread
        is started: under a busy interpreter a new thread waits to run)."""
        assert self.proc and self.proc.stdin and self.proc.stdout
        self.used = True
        payload = memoryview(b"".join(escape(t).encode("utf-8") + b"\n\0" for t in lines))
        fd_in, fd_out = self.proc.stdin.fileno(), self.proc.stdout.fileno()
        sent = 0
        outputs: list[bytes] = []
        buf = self._pending
        while True:
            # every stage may add NULs of its own: units are the non-empty pieces between them
            *complete, buf = buf.split(b"\0")
            outputs.extend(piece for piece in complete if piece)
            if len(outputs) >= len(lines):
                break
            writing = [fd_in] if sent < len(payload) else []
            readable, writable, _ = select.select([fd_out], writing, [], READ_TIMEOUT)
            if not readable and not writable:
                raise TimeoutError(f"no answer in {READ_TIMEOUT:.0f} s")
            if writable:
                with contextlib.suppress(BlockingIOError):
                    sent += os.write(fd_in, payload[sent : sent + 65536])
            if readable:
                chunk = os.read(fd_out, 65536)
                if not chunk:
                    raise EOFError("apertium pipeline closed its output")
                buf += chunk
        if len(outputs) > len(lines):
            raise EOFError("apertium pipeline returned more units than it was given")
        self._pending = buf
        return [o.decode("utf-8", "replace").rstrip("\n").replace("\n", " ") for o in outputs]

    def end_input(self, proc: subprocess.Popen[bytes] | None = None) -> None:
        """Close the pipeline's input: its stages start finishing (see close)."""
        proc = proc or self.proc
        if proc is not None and proc.stdin and not proc.stdin.closed:
            with contextlib.suppress(OSError):
                proc.stdin.close()

    def close(self) -> None:
        """End of input: the stages finish in turn and the shell reaps them (no zombies);
        a pipeline that does not stop within 5 s is killed, every stage of it."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            if not self.used:  # started ahead and never asked: no need to let it load and wind down
                with contextlib.suppress(OSError):
                    os.killpg(proc.pid, signal.SIGKILL)
            self.end_input(proc)
            proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                proc.wait(timeout=5)
        finally:
            if proc.stdout:
                proc.stdout.close()


def parse_chains(specs: tuple[str, ...] | list[str]) -> dict[tuple[str, str], Chain]:
    """'fr=fr-es|spa-ita' (into Italian) or 'it-en=ita-cat|cat-eng' → {(src, tgt): modes}.

    Each mode must be installed: a typo fails at once, naming what is there."""
    chains: dict[tuple[str, str], Chain] = {}
    for spec in specs:
        pair, sep, modes = spec.partition("=")
        src, _, tgt = pair.strip().partition("-")
        chain = tuple(m.strip() for m in modes.split("|") if m.strip())
        if not sep or not src or not chain:
            raise ValueError(f"apertium chain {spec!r}: write it as SRC=MODE|MODE or SRC-TGT=MODE|MODE")
        missing = [m for m in chain if not (MODES_DIR / f"{m}.mode").is_file()]
        if missing:
            have = ", ".join(sorted(p.stem for p in MODES_DIR.glob("*.mode"))) or "none"
            raise ValueError(f"apertium chain {spec!r}: no mode {', '.join(missing)} (installed: {have})")
        chains[(src, tgt or "it")] = chain
    return chains


class ApertiumEngine:
    name = "apertium"

    def __init__(self, chains: dict[tuple[str, str], tuple[Chain, ...]] | None = None) -> None:
        self.chains = dict(DEFAULT_CHAINS if chains is None else chains)
        self._pipes: dict[Chain, _Pipeline] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _installed(modes: Chain) -> bool:
        return all((MODES_DIR / f"{m}.mode").is_file() for m in modes)

    def chain(self, source: str, target: str) -> Chain | None:
        """The first installed chain for the pair, or None."""
        return next(iter(self.installed_chains(source, target)), None)

    def installed_chains(self, source: str, target: str) -> list[Chain]:
        return [c for c in self.chains.get((source, target), ()) if self._installed(c)]

    def supports(self, source: str, target: str) -> bool:
        return self.available() and self.chain(source, target) is not None

    def available(self) -> bool:
        return shutil.which("apertium-wblank-mode") is not None and shutil.which("lt-proc") is not None

    def why_unavailable(self) -> str:
        if not self.available():
            return f"Apertium is not installed: apt-get install {APT_PACKAGES}"
        missing = [
            f"{s}→{t} (e.g. {' | '.join(chains[0])})"
            for (s, t), chains in self.chains.items()
            if t == "it" and not any(self._installed(c) for c in chains)
        ]
        if missing:
            return f"Apertium has no chain for {', '.join(missing)}: apt-get install {APT_PACKAGES}"
        return ""

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        chains = self.installed_chains(source, target) if self.available() else []
        if not chains:
            raise EngineUnavailable(f"apertium cannot translate {source}→{target}. {self.why_unavailable()}")
        if source == "en":
            texts = [english_pre_edit(t) for t in texts]
        ended = [not _wants_stop(t, source) for t in texts]
        texts = [t if e else t + "." for t, e in zip(texts, ended, strict=True)]
        hidden = [hide_identifiers(t) for t in texts]
        texts = [t for t, _ in hidden]
        marked = [keep_names(t, source) for t in texts]
        kept = [m != t or bool(ids) for m, t, (_, ids) in zip(marked, texts, hidden, strict=True)]
        texts = marked
        outs = self._pipe(chains[0]).run(texts)
        # A text with words the first chain does not know ("lluitadors" left in Catalan) is
        # also tried through the next chain; the one that knows more of its words wins.
        redo = [i for i, o in enumerate(outs) if unknown_words(o)] if len(chains) > 1 else []
        if redo:
            for i, alt in zip(redo, self._pipe(chains[1]).run([texts[i] for i in redo]), strict=True):
                if _untranslated(alt) < _untranslated(outs[i]):
                    outs[i] = alt
        outs = [_clean(o.replace(_KEEP, "") if k else o) for o, k in zip(outs, kept, strict=True)]
        outs = self._pivot_names(texts, outs, chains[0])
        outs = [show_identifiers(o, ids) for o, (_, ids) in zip(outs, hidden, strict=True)]
        return [o if e else _unstop(o) for o, e in zip(outs, ended, strict=True)]

    def _pivot_names(self, texts: list[str], outs: list[str], chain: Chain) -> list[str]:
        """Capitalised words of the pivot language left in the output, translated again in
        lower case by the chain's last pair. cat-ita reads a capitalised Catalan word its
        dictionary also holds as a name ("Quan", "Verd", "Blau") as that name and copies it;
        the word the first pair made of a capitalised source word ("When", "Green") is no
        name. A word the source itself holds stays: that is a name kept."""
        pivot = _PIVOT_LANGUAGE.get(chain[-1].split("-")[0]) if len(chain) > 1 else None
        if pivot is None:
            return outs
        from cleantext.freq import zipf

        # each output's words of the pivot (a word its own source holds is a name kept)
        left = [
            {
                w
                for w in _CAPITALISED.findall(out)
                if zipf(w.lower(), pivot) >= zipf(w.lower(), "it") + PIVOT_MARGIN
            }
            - set(LETTERS.findall(text))
            for text, out in zip(texts, outs, strict=True)
        ]
        # the pivot's spelling of a name the source holds ("Paris" → fra-cat "París", which
        # cat-ita read again in lower case made "partorisse"): the source's spelling
        outs = [
            _source_spelling(out, mine, text) if mine else out
            for text, out, mine in zip(texts, outs, left, strict=True)
        ]
        left = [{w for w in mine if w in out} for out, mine in zip(outs, left, strict=True)]
        words = sorted(set().union(*left))
        if not words:
            return outs
        again = self._pipe((chain[-1],)).run([w.lower() for w in words])
        fixed = {
            w: recase(g, w)
            for w, raw in zip(words, again, strict=True)
            if not unknown_words(raw) and (g := _clean(raw)) and " " not in g and g.lower() != w.lower()
        }
        result = []
        for out, mine in zip(outs, left, strict=True):
            if mine := mine & fixed.keys():
                out = regex.sub(
                    r"\b(?:" + "|".join(map(regex.escape, mine)) + r")\b", lambda m: fixed[m[0]], out
                )
            result.append(out)
        return result

    def prestart(self, source: str, target: str) -> None:
        """Start the first chain for source→target now, without waiting: its processes
        load their dictionaries while the caller reads and detects (about a second)."""
        chains = self.installed_chains(source, target) if self.available() else []
        if chains:
            pipe = self._pipe(chains[0])
            with pipe.lock:
                if pipe.proc is None and not pipe.broken:
                    pipe.start()

    def _pipe(self, modes: Chain) -> _Pipeline:
        with self._lock:  # the router's threads and the pipeline's first spans may ask at once
            pipe = self._pipes.get(modes)
            if pipe is None:
                pipe = self._pipes[modes] = _Pipeline(modes)
            return pipe

    def close(self) -> None:
        for pipe in self._pipes.values():
            pipe.end_input()  # all pipelines wind down at once
        for pipe in self._pipes.values():
            pipe.close()
        self._pipes.clear()


_KEEP = "qzx"  # a suffix no dictionary knows: the word passes through every stage unchanged
_CAP = r"(?:\p{Lu}\p{Ll}+|\p{Lu}{2,5})"  # "Cook", or an acronym ("ADT Corporation")
_NAME = regex.compile(rf"{INSIDE}{_CAP}(?:\s{_CAP}){{1,3}}\b(?!['’-])")


def keep_names(text: str, lang: str) -> str:
    """Mark the words of a name so that no dictionary translates them: two or three
    capitalised words inside a sentence whose first word is not a common word of the
    source language ("Tim Cook", "Sporting Shooters Association", "Tri Nations"), and a
    surname after a title of address ("Mr. Smith"), stay as written, as Italian news writes
    them; "White House" or "Prime Minister" are still translated. The mark is taken off the
    output (Apertium gave "Tim Cuinar")."""
    from cleantext.freq import zipf  # wordfreq's values, from the tables the run already holds

    def mark(m: regex.Match[str]) -> str:
        words = m[0].split()
        lead = 0  # a title or common word before the name stays translatable ("Minister Boris Johnson")
        while lead < len(words) and zipf(words[lead].lower(), lang) >= 4.0:
            lead += 1
        if len(words) - lead < 2 or all(w.isupper() for w in words[lead:]):
            return m[0]  # one word, or acronyms only ("NATO UN"): nothing to keep
        return " ".join(words[:lead] + [w + _KEEP for w in words[lead:]])

    if _KEEP in text:
        return text
    text = _TITLED.sub(lambda m: m[1] + m[2] + _KEEP, text)
    return _loan_phrases().sub(
        lambda m: regex.sub(r"\p{L}+", lambda w: w[0] + _KEEP, m[0]), _NAME.sub(mark, text)
    )


# a surname after a title of address is a name, even one that is also a word ("Mr. Smith"
# came out "Signore Ferrer", Catalan for smith; "M. Boulanger")
_TITLED = regex.compile(
    r"(\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Sir|Lady|Lord|Mme|Mlle|M)\.?\s)(\p{Lu}\p{Ll}+)\b(?!['’-])"
)


@lru_cache(maxsize=1)
def _loan_phrases() -> regex.Pattern[str]:
    """Loan phrases of two or more words that Italian writes as they are ("tie break",
    "social media", "talk show"): kept as written inside a translated span too."""
    from cleantext.vocab import loan_phrases

    phrases = sorted(
        (p for p in loan_phrases() if len(regex.findall(r"\p{L}+", p)) >= 2), key=len, reverse=True
    )
    alts = "|".join(regex.escape(p).replace("\\ ", "[-\\s]+").replace("\\-", "[-\\s]+") for p in phrases)
    return regex.compile(rf"(?<![\p{{L}}])(?:{alts})(?![\p{{L}}])", regex.IGNORECASE)


_UNKNOWN = regex.compile(r"(?<![\p{L}\p{N}\\*#@])[*#@]+(?=[\p{L}\p{N}])")


# the pivot a chain's last pair reads ("cat-ita": Catalan), for `_pivot_names`
_PIVOT_LANGUAGE = {"cat": "ca", "ca": "ca", "spa": "es", "es": "es"}
PIVOT_MARGIN = 2.0  # a pivot's word: its language uses it 100 times as much as Italian (Zipf)
_CAPITALISED = regex.compile(r"(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?![\p{L}'’-])")


def _source_spelling(out: str, words: set[str], source: str) -> str:
    """Each of `words` (capitalised words of the pivot in `out`) that is a word of the
    source but for its accents, written as the source writes it."""
    from cleantext.vocab import fold

    spelled = {fold(w): w for w in LETTERS.findall(source) if w[:1].isupper()}
    for w in words:
        if (same := spelled.get(fold(w))) is not None and same != w:
            out = regex.sub(rf"(?<![\p{{L}}]){regex.escape(w)}(?![\p{{L}}])", same, out)
    return out


_SENTENCE_END = regex.compile(r"[.!?…:;]\W*$")


def _wants_stop(text: str, lang: str) -> bool:
    """apertium-destxt, the deformatter of Apertium's own command line, ends every text with
    a '.': its taggers and generators expect a sentence's end. A phrase sent without one
    reads otherwise ("broad commonality" → "a l'estranger commonality", with the stop "ample
    commonality"; French "le mur" → "lo muro", with it "il muro"; ours and cuts of lingua's
    sentences). A phrase cut before a word it needs ("… in the") is sent as it is: before a
    stop its article is generated for nothing ("uno", "li")."""
    if _SENTENCE_END.search(text):
        return False
    return not open_ended(LETTERS.findall(text[-40:]), lang)


def _unstop(text: str) -> str:
    """The translation without the stop `translate` added to its source."""
    return text[:-1].rstrip() if text.endswith(".") else text


def _untranslated(text: str) -> tuple[int, int]:
    """How far a raw output is from Italian: its words left in the source or the pivot
    language (*, @: "la *governació italiana") before those translated but not inflected
    (#: "con #Bruxelles" reads as "con Bruxelles")."""
    marks = _UNKNOWN.findall(regex.sub(rf"[*#@]+\p{{L}}+{_KEEP}", "", text))
    generated = sum(m.startswith("#") for m in marks)
    return len(marks) - generated, generated


def unknown_words(text: str) -> int:
    """How many words of a raw Apertium output are marked unknown (*, #, @); a name kept
    on purpose does not count."""
    return sum(_untranslated(text))


def _clean(text: str) -> str:
    """Drop Apertium's unknown/ambiguity marks and the spacing they leave."""
    text = _MARKS.sub("", regex.sub(r"\\(.)", r"\1", text))
    return regex.sub(r" {2,}", " ", text).strip()
