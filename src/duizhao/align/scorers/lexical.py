"""``lexical``: the default scorer (length, numbers, names, CC-CEDICT and glossary anchors)."""

from ..lexical import LexicalScorer
from . import ScorerKind

SCORER = ScorerKind(
    name="lexical",
    make=LexicalScorer,
    description="the default: lengths, numbers, Latin-script names, CC-CEDICT and glossary anchors",
)
