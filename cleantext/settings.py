"""What a run does: one frozen record, shared by the pipeline, the runner and the engines.

It knows nothing of the stages; the Apertium chains it names are checked where the
engines are built (`cleantext.translation.engines.check_chains`, called by the CLI before
any work).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from cleantext import compression

DEFAULT_STRAY = ("fr", "en")
# the languages detection has word frequencies for (wordfreq's tables, cleantext.freq)
LANGUAGES = ("it", "fr", "en", "es", "pt", "de", "ca")
Engine = Literal["auto", "argos", "apertium", "none"]
InputFormat = Literal["auto", "text", "html", "jsonl", "json", "parquet", "arrow", "warc", "csv"]
Weak = Literal["translate", "keep", "drop", "mark"]
StraySentences = Literal["translate", "drop", "keep"]
Leftovers = Literal["judge", "all"]
ENGINES: tuple[str, ...] = get_args(Engine)
INPUT_FORMATS: tuple[str, ...] = get_args(InputFormat)
# files of documents, one per row (cleantext.dataset)
DATASET_FORMATS = ("jsonl", "json", "parquet", "arrow", "warc", "csv")
WEAK: tuple[str, ...] = get_args(Weak)
STRAY_SENTENCES: tuple[str, ...] = get_args(StraySentences)
LEFTOVERS: tuple[str, ...] = get_args(Leftovers)
# the files of a folder a run takes: text files, saved HTML pages, and datasets of
# documents (cleantext.dataset), plain or compressed (cleantext.compression); the CLI's
# --pattern default
_TEXT_SHAPED = ("*.txt", "*.html", "*.htm", "*.jsonl", "*.ndjson", "*.csv", "*.tsv")
DEFAULT_PATTERN = ",".join(
    [one + end for one in _TEXT_SHAPED for end in ("", *compression.NAMES)]
    + ["*.json.gz", "*.json.zst", "*.parquet", "*.arrow", "*.feather"]
    + ["*.warc", "*.warc.gz", "*.wet", "*.wet.gz"]
)
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


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run does. The defaults are what most users want."""

    main: str = "it"
    stray: tuple[str, ...] = DEFAULT_STRAY
    translate: bool = True
    engine: Engine = "auto"
    keep_boilerplate: bool = False
    dedup: bool = True
    models_dir: str | None = None
    beam: int = 2  # Argos beam size
    threads: int = 0  # Argos CPU threads per process (0: all cores); does not change outputs
    text_field: str = "text"  # datasets: the field holding each row's text ...
    id_field: str = "id"  # ... and the one naming the row (its number when missing)
    file_timeout: float = 900.0  # seconds one file (or one block of a large one) may take to read
    # and prepare before it fails alone (0: no limit); does not change outputs
    apertium: tuple[str, ...] = ()  # chains tried first, as "fr=fra-cat|cat-ita" or "it-en=…"
    # auto: datasets by extension, HTML by extension or first bytes, else text; or forced: text,
    # html, or a dataset format (a file of rows, whatever its name)
    input_format: InputFormat = "auto"
    html_tables: bool = False  # keep the tables of HTML pages
    html_comments: bool = False  # keep the comment sections of HTML pages
    min_quality: float | None = None  # translations scoring below this are weak (None: none is)
    weak: Weak = "translate"  # what weak translations become
    stray_sentences: StraySentences = "translate"  # what whole foreign sentences become
    round_trip: bool = False  # translate each translation back; its likeness to the source joins `quality`
    # judge: translate only what a machine left behind, when the translation can be trusted
    # (cleantext.leftover); all: every foreign span detection does not keep
    leftovers: Leftovers = "judge"
    trust: float = 0.3  # with `judge`, a translation below this quality leaves its source (weak: kept)

    @property
    def page_format(self) -> str:
        """How one document's text is read (auto, text or html): a dataset's rows are read
        as auto reads a file, so a row comes out as its text would as a file."""
        return "auto" if self.input_format in DATASET_FORMATS else self.input_format

    @property
    def translates(self) -> bool:
        """Foreign spans go to an engine (translation on, and an engine allowed)."""
        return self.translate and self.engine != "none"

    def __post_init__(self) -> None:
        """Each wrong value is refused with the field's name (the CLI names its flag)."""
        for name, allowed in (
            ("engine", ENGINES),
            ("input_format", INPUT_FORMATS),
            ("weak", WEAK),
            ("stray_sentences", STRAY_SENTENCES),
            ("leftovers", LEFTOVERS),
        ):
            if (value := getattr(self, name)) not in allowed:
                raise ValueError(f"{name} {value!r}: choose one of {', '.join(allowed)}")
        if self.main not in LANGUAGES:
            raise ValueError(f"main {self.main!r}: choose one of {', '.join(LANGUAGES)}")
        if isinstance(self.stray, str) or not self.stray:
            raise ValueError(f"stray {self.stray!r}: a tuple of one language or more, such as ('fr', 'en')")
        for lang in self.stray:
            if lang not in LANGUAGES or lang == self.main:
                others = ", ".join(x for x in LANGUAGES if x != self.main)
                raise ValueError(f"stray {lang!r}: choose among {others}")
        for name, low, high in (("trust", 0.0, 1.0), ("min_quality", 0.0, 1.0)):
            if (value := getattr(self, name)) is not None and not low <= value <= high:
                raise ValueError(f"{name} {value}: a number between {low:g} and {high:g}")
        for name, least, meaning in (
            ("beam", 1, "1 or more"),
            ("file_timeout", 0, "0 (no limit) or more seconds"),
            ("threads", 0, "0 (all cores) or more"),
        ):
            if getattr(self, name) < least:
                raise ValueError(f"{name} {getattr(self, name)}: must be {meaning}")
