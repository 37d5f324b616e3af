"""``embedding``: multilingual sentence embeddings over the default scorer (``duizhao[embed]``)."""

from ..embedding import EmbeddingScorer
from . import ScorerKind

SCORER = ScorerKind(
    name="embedding",
    make=EmbeddingScorer,
    description="sentence embeddings added to the default scorer (extra 'embed')",
)
