"""What a run does: one frozen record, shared by the pipeline, the runner and the engines.

It knows nothing of the stages; the Apertium chains it names are checked where the
engines are built (`cleantext.translate.engines.check_chains`, called by the CLI before
any work).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_STRAY = ("fr", "en")
ENGINES = ("auto", "argos", "apertium", "none")
INPUT_FORMATS = ("auto", "text", "html")
# settings added after runs were logged: at these values they leave a run's resume key as it was
LATER_DEFAULTS = {
    "input_format": "auto",
    "html_tables": False,
    "html_comments": False,
    "min_quality": None,
    "weak": "translate",
    "stray_sentences": "translate",
    "round_trip": False,
    "leftovers": "all",
    "trust": 0.3,
    "text_field": "text",
    "id_field": "id",
}
WEAK = ("translate", "keep", "drop", "mark")
STRAY_SENTENCES = ("translate", "drop", "keep")
LEFTOVERS = ("judge", "all")


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run does. The defaults are what most users want."""

    main: str = "it"
    stray: tuple[str, ...] = DEFAULT_STRAY
    translate: bool = True
    engine: str = "auto"  # auto | argos | apertium | none
    keep_boilerplate: bool = False
    dedup: bool = True
    models_dir: str | None = None
    beam: int = 2  # Argos beam size
    threads: int = 0  # Argos CPU threads per process (0: all cores); does not change outputs
    text_field: str = "text"  # datasets (JSONL, Parquet): the field holding each row's text ...
    id_field: str = "id"  # ... and the one naming the row (its number when missing)
    file_timeout: float = 900.0  # seconds one file (or one block of a large one) may take to read
    # and prepare before it fails alone (0: no limit); does not change outputs
    apertium: tuple[str, ...] = ()  # chains tried first, as "fr=fra-cat|cat-ita" or "it-en=…"
    input_format: str = "auto"  # auto (HTML by extension or first bytes, else text) | text | html
    html_tables: bool = False  # keep the tables of HTML pages
    html_comments: bool = False  # keep the comment sections of HTML pages
    min_quality: float | None = None  # translations scoring below this are weak (None: none is)
    weak: str = "translate"  # what weak translations become: translate | keep | drop | mark
    stray_sentences: str = "translate"  # whole foreign sentences: translate | drop | keep
    round_trip: bool = False  # translate each translation back; its likeness to the source joins `quality`
    # judge: translate only what a machine left behind, when the translation can be trusted
    # (cleantext.leftover); all: every foreign span detection does not keep
    leftovers: str = "judge"
    trust: float = 0.3  # with `judge`, a translation below this quality leaves its source (weak: kept)

    @property
    def translates(self) -> bool:
        """Foreign spans go to an engine (translation on, and an engine allowed)."""
        return self.translate and self.engine != "none"

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}; choose one of {', '.join(ENGINES)}")
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input format {self.input_format!r}: choose {', '.join(INPUT_FORMATS)}")
        if self.weak not in WEAK:
            raise ValueError(f"--weak {self.weak!r}: choose {', '.join(WEAK)}")
        if self.stray_sentences not in STRAY_SENTENCES:
            raise ValueError(
                f"--stray-sentences {self.stray_sentences!r}: choose {', '.join(STRAY_SENTENCES)}"
            )
        if self.leftovers not in LEFTOVERS:
            raise ValueError(f"leftovers {self.leftovers!r}: choose {', '.join(LEFTOVERS)}")
        if not 0.0 <= self.trust <= 1.0:
            raise ValueError(f"trust {self.trust}: a number between 0 and 1")
        if self.min_quality is not None and not 0.0 <= self.min_quality <= 1.0:
            raise ValueError(f"--min-quality {self.min_quality}: a number between 0 and 1")
        if self.beam < 1:
            raise ValueError(f"beam size {self.beam}: must be 1 or more")
        if self.file_timeout < 0:
            raise ValueError(f"file_timeout {self.file_timeout}: must be 0 (no limit) or more seconds")
        if self.threads < 0:
            raise ValueError(f"threads {self.threads}: must be 0 (all cores) or more")
