"""Turn Catalan's periphrastic past into the perfect between two Apertium stages:
`python catalan_perfect.py GENERATOR.bin` ("va decidir" → "ha decidit").

Why: English has one past tense, and eng-cat renders it as Catalan's narrative past
("va decidir"), which cat-ita turns into the Italian passato remoto ("decise"). Italian
news reports the past with the passato prossimo ("ha deciso"), and cat-ita already
renders the Catalan perfect that way, choosing avere or essere and making the participle
agree ("ha arribat" → "è arrivata" after a feminine subject). So the Catalan is rewritten
before it reaches cat-ita. The participle comes from Apertium's own Catalan generator
(the one the eng-cat mode ends with); a word it cannot inflect as a verb is left alone.

A pipeline stage like fresh_unit.py: NUL-terminated units in, the same units out, one
flush per unit; a plain script (no cleantext import) so it starts fast.
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


class Participles:
    """Past participles (masculine singular) from a live `lt-proc -z -g` generator."""

    def __init__(self, generator: str) -> None:
        self.proc = subprocess.Popen(
            ["lt-proc", "-z", "-g", generator],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.known: dict[str, str | None] = {}

    def lookup(self, infinitives: set[str]) -> None:
        new = sorted(i for i in infinitives if i not in self.known)
        if not new:
            return
        assert self.proc.stdin and self.proc.stdout
        query = "\n".join(f"^{inf}<{tag}><pp><m><sg>$" for inf in new for tag in TAGS)
        self.proc.stdin.write(query.encode("utf-8") + b"\n\0")
        self.proc.stdin.flush()
        out = b""
        while not out.endswith(b"\0"):
            chunk = self.proc.stdout.read1(1 << 16)
            if not chunk:
                raise EOFError("the Catalan generator closed its output")
            out += chunk
        lines = out.rstrip(b"\0").decode("utf-8", "replace").strip("\n").split("\n")
        if len(lines) != len(new) * len(TAGS):  # never guess: leave these words as they are
            self.known.update(dict.fromkeys(new))
            return
        for i, inf in enumerate(new):
            forms = [f.strip() for f in lines[i * len(TAGS) : (i + 1) * len(TAGS)]]
            # "#decidir" marks a failed generation: that tag is not this verb's class
            self.known[inf] = next((f for f in forms if f and not f.startswith(("#", "*", "@"))), None)

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


def rewrite(text: str, participles: Participles) -> str:
    """Every "va + infinitive" of `text` in the perfect, where the generator knows the verb."""
    matches = list(PAST.finditer(text))
    if not matches:
        return text
    participles.lookup({m["inf"].lower() for m in matches})

    def perfect(m: re.Match[str]) -> str:
        pp = participles.known.get(m["inf"].lower())
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

    return PAST.sub(perfect, text)


def _unit(unit: bytes, participles: Participles) -> bytes:
    text = unit.decode("utf-8", "surrogateescape")
    try:
        text = rewrite(text, participles)
    except (OSError, EOFError, ValueError):  # no generator: the unit goes on as it came
        pass
    return text.encode("utf-8", "surrogateescape")


def main(generator: str) -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    participles = Participles(generator)
    pending = b""
    try:
        while chunk := stdin.read1(1 << 16):
            *units, pending = (pending + chunk).split(b"\0")
            for unit in units:
                stdout.write(_unit(unit, participles) + b"\0")
            stdout.flush()
        if pending:
            stdout.write(_unit(pending, participles))
            stdout.flush()
    finally:
        participles.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
