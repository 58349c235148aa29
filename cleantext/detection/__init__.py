"""Stage 5 — detect: the language of each sentence and foreign spans inside Italian ones.

Character n-grams (lingua) are weak on two-word spans and flag Italian phrases such as
"summit online" or "Putin ha". So the first pass is word-level: each word gets evidence
log10 f_L(w) − log10 f_it(w) from wordfreq's frequency lists (Italian usage already
counts loanwords like "leader" and "online", so they score near zero), and a Viterbi
pass with a language-switch penalty finds the runs where a foreign language explains the
words much better. Names (capitalised words inside a sentence), numbers and known loan
phrases carry no evidence. lingua, in high-accuracy mode, then confirms whole sentences
and re-scores candidate spans. Sentences with no foreign evidence never reach lingua.
"""

from cleantext.detection.detector import Detector
from cleantext.detection.shape import PROTECTED, missing_breaks
from cleantext.detection.spans import KEPT, Detection, Span

__all__ = ["KEPT", "PROTECTED", "Detection", "Detector", "Span", "missing_breaks"]
