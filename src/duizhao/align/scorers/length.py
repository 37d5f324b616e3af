"""``length``: Gale–Church length costs only (the baseline)."""

from ..scoring import LengthScorer
from . import ScorerKind

SCORER = ScorerKind(
    name="length",
    make=LengthScorer,
    description="sentence lengths only (Gale–Church with a per-document ratio)",
)
