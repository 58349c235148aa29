"""Rewrite the Catalan between two Apertium stages (X-cat | cat-ita) into forms cat-ita
renders as Italian news writes them: `python catalan_bridge.py GENERATOR.bin [--perfect]`.

- `perfect` (the English chain only, --perfect): English has one past tense, and eng-cat
  renders it as Catalan's narrative past ("va decidir"), which cat-ita turns into the
  passato remoto ("decise"). Italian news reports the past with the passato prossimo,
  and cat-ita renders the Catalan perfect that way, choosing avere or essere and making
  the participle agree ("ha arribat" → "è arrivata"). So "va decidir" → "ha decidit".
- `after_gerund` (the English chain, with --analyser): "after reaching" comes out "després
  assolint", which cat-ita leaves as "dopo attingere"; Italian wants the compound
  infinitive, which cat-ita writes from "després d'haver assolit" ("dopo aver raggiunto",
  "dopo essere arrivato").
- `purpose` (every chain): cat-ita reads "per + infinitive" after a participle as the
  agent ("escrit per simular" → "scritto da simulare"); "per a + infinitive" it renders
  "per" ("scritto per simulare"), so the purpose gets its "a".

Participles and infinitives are checked with Apertium's own Catalan generator (the one
the X-cat mode ends with); a word it cannot inflect as a verb is left alone. A pipeline
stage like fresh_unit.py: NUL-terminated units in, the same units out, one flush per
unit; a plain script (no cleantext import) so it starts fast.
"""

from __future__ import annotations

import re
import subprocess
import sys

# va decidir → ha decidit, van ser → han estat, vaig anar → he anat
AUX = {
    "va": "ha",
    "van": "han",
    "vaig": "he",
    "vas": "has",
    "vam": "hem",
    "vàrem": "hem",
    "vau": "heu",
    "vàreu": "heu",
}
# a weak pronoun before the auxiliary elides before "ha/han/he…": "es va convertir" → "s'ha convertit"
ELIDED = {
    "el": "l'",
    "la": "l'",
    "em": "m'",
    "me": "m'",
    "et": "t'",
    "te": "t'",
    "es": "s'",
    "se": "s'",
    "en": "n'",
}
CLITICS = "|".join(sorted(ELIDED, key=len, reverse=True))

PAST = re.compile(
    rf"(?:\b(?P<clitic>{CLITICS}) )?"
    rf"\b(?P<aux>{'|'.join(sorted(AUX, key=len, reverse=True))}) "
    r"(?P<inf>[^\W\d_]+(?:ar|er|re|ir))(?![\w'’-])",  # an infinitive, no enclitic ("dir-li")
    re.IGNORECASE,
)
TAGS = ("vblex", "vbser", "vbmod", "vbhaver")  # Apertium's verb classes (ser, poder, haver…)


class Verbs:
    """Catalan verb forms from a live `lt-proc -z -g` generator, cached."""

    def __init__(self, generator: str, analyser: str | None = None) -> None:
        self.proc = _live(["lt-proc", "-z", "-g", generator])
        self.analyser = _live(["lt-proc", "-z", analyser]) if analyser else None
        self.participles: dict[str, str | None] = {}
        self.infinitives: dict[str, bool] = {}
        self.gerunds: dict[str, str | None] = {}  # gerund → infinitive

    def _generate(self, lemmas: list[str], tags: str) -> list[str | None]:
        """The first form each lemma takes with `tags` in any verb class, or None."""
        query = "\n".join(f"^{lemma}<{cls}>{tags}$" for lemma in lemmas for cls in TAGS)
        lines = _ask(self.proc, query).strip("\n").split("\n")
        if len(lines) != len(lemmas) * len(TAGS):  # never guess: leave these words as they are
            return [None] * len(lemmas)
        forms = []
        for i in range(len(lemmas)):
            cands = [f.strip() for f in lines[i * len(TAGS) : (i + 1) * len(TAGS)]]
            # "#decidir" marks a failed generation: that class is not this verb's
            forms.append(next((f for f in cands if f and not f.startswith(("#", "*", "@"))), None))
        return forms

    def lookup_participles(self, infinitives: set[str]) -> None:
        new = sorted(i for i in infinitives if i not in self.participles)
        if new:
            self.participles.update(zip(new, self._generate(new, "<pp><m><sg>"), strict=True))

    def lookup_infinitives(self, words: set[str]) -> None:
        new = sorted(w for w in words if w not in self.infinitives)
        if new:
            forms = self._generate(new, "<inf>")
            self.infinitives.update((w, f == w) for w, f in zip(new, forms, strict=True))

    def lookup_gerunds(self, words: set[str]) -> None:
        new = sorted(w for w in words if w not in self.gerunds)
        if not new or self.analyser is None:
            self.gerunds.update(dict.fromkeys(new))
            return
        lines = _ask(self.analyser, "\n".join(new)).strip("\n").split("\n")
        if len(lines) != len(new):
            self.gerunds.update(dict.fromkeys(new))
            return
        for word, line in zip(new, lines, strict=True):
            m = re.search(r"/([^/<$]+)<vb\w*><ger>", line)  # "^assolint/assolir<vblex><ger>$"
            self.gerunds[word] = m[1] if m else None

    def close(self) -> None:
        for proc in (self.proc, self.analyser):
            if proc is not None and proc.stdin:
                proc.stdin.close()
                proc.wait()
                if proc.stdout:
                    proc.stdout.close()


def _live(cmd: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def _ask(proc: subprocess.Popen[bytes], query: str) -> str:
    """One NUL-terminated exchange with a live lt-proc -z."""
    assert proc.stdin and proc.stdout
    proc.stdin.write(query.encode("utf-8") + b"\n\0")
    proc.stdin.flush()
    out = b""
    while not out.endswith(b"\0"):
        chunk = proc.stdout.read1(1 << 16)
        if not chunk:
            raise EOFError("lt-proc closed its output")
        out += chunk
    return out.rstrip(b"\0").decode("utf-8", "replace")


def perfect(text: str, verbs: Verbs) -> str:
    """Every "va + infinitive" of `text` in the perfect, where the generator knows the verb."""
    matches = list(PAST.finditer(text))
    if not matches:
        return text
    verbs.lookup_participles({m["inf"].lower() for m in matches})

    def sub(m: re.Match[str]) -> str:
        pp = verbs.participles.get(m["inf"].lower())
        if pp is None:
            return m[0]
        aux = AUX[m["aux"].lower()]
        clitic = m["clitic"]
        if clitic and clitic.lower() in ELIDED:
            head = ELIDED[clitic.lower()] + aux
            first = clitic
        else:
            head = aux
            first = m["aux"]
        if first[:1].isupper():
            head = head[:1].upper() + head[1:]
        return f"{head} {pp}"

    return PAST.sub(sub, text)


GERUND = ("ant", "ent", "int")
AFTER = re.compile(r"\b([Dd]esprés) (?:de |d['’])?([^\W\d_]+(?:ant|ent|int|ar|er|re|ir))(?![\w'’-])")


def after_gerund(text: str, verbs: Verbs) -> str:
    """ "després + gerund/infinitive" → "després d'haver + participle" ("dopo aver raggiunto")."""
    matches = list(AFTER.finditer(text))
    if not matches:
        return text
    words = {m[2].lower() for m in matches}
    verbs.lookup_gerunds({w for w in words if w.endswith(GERUND)})
    verbs.lookup_infinitives({w for w in words if not w.endswith(GERUND)})
    # the verb's infinitive: the analyser's lemma of a gerund, or the word when it is one
    lemmas = {
        w: verbs.gerunds[w] if w.endswith(GERUND) else (w if verbs.infinitives[w] else None) for w in words
    }
    verbs.lookup_participles({inf for inf in lemmas.values() if inf})

    def sub(m: re.Match[str]) -> str:
        inf = lemmas[m[2].lower()]
        pp = verbs.participles.get(inf) if inf else None
        return f"{m[1]} d'haver {pp}" if pp else m[0]

    return AFTER.sub(sub, text)


PURPOSE = re.compile(r"\b([Pp]er) (?!a\b)([^\W\d_]+(?:ar|er|re|ir))(?![\w'’-])")


def purpose(text: str, verbs: Verbs) -> str:
    """ "per + infinitive" → "per a + infinitive", where the word is a verb's infinitive."""
    matches = list(PURPOSE.finditer(text))
    if not matches:
        return text
    verbs.lookup_infinitives({m[2].lower() for m in matches})
    return PURPOSE.sub(lambda m: f"{m[1]} a {m[2]}" if verbs.infinitives.get(m[2].lower()) else m[0], text)


def _unit(unit: bytes, verbs: Verbs, rewrites: tuple) -> bytes:
    text = unit.decode("utf-8", "surrogateescape")
    try:
        for rewrite in rewrites:
            text = rewrite(text, verbs)
    except (OSError, EOFError, ValueError):  # no generator: the unit goes on as it came
        pass
    return text.encode("utf-8", "surrogateescape")


def main(generator: str, with_perfect: bool, analyser: str | None = None) -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    verbs = Verbs(generator, analyser)
    rewrites = (perfect, after_gerund, purpose) if with_perfect else (purpose,)
    pending = b""
    try:
        while chunk := stdin.read1(1 << 16):
            *units, pending = (pending + chunk).split(b"\0")
            for unit in units:
                stdout.write(_unit(unit, verbs, rewrites) + b"\0")
            stdout.flush()
        if pending:
            stdout.write(_unit(pending, verbs, rewrites))
            stdout.flush()
    finally:
        verbs.close()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    analyser = args[args.index("--analyser") + 1] if "--analyser" in args else None
    raise SystemExit(main(args[0], "--perfect" in args, analyser))
