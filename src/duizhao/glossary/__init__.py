"""Glossary linking and vocabulary suggestions.

Three jobs, each a pure function over the :class:`~duizhao.model.Document`:

* :func:`find_term` finds every form of an English glossary term in the English paragraphs:
  inflections (``overtake`` → ``overtook``, ``analysis`` → ``analyses``, from lemminflect's data),
  British and American spellings (``commercialise`` / ``commercialize``), any capitalisation,
  hyphen or space between the words of a compound, possessives, and multi-word terms whose head
  inflects (``memoranda of understanding``), but never a form inside another word (``lag`` is
  not found in ``flag``).
* :func:`link_glossary` adds the Chinese counterpart of each term (for example ``cluster`` →
  ``集群``, "cluster"), found as phrase alignment: the candidates are runs of whole words of the
  Chinese sentences aligned with the term's occurrences, weighed by CC-CEDICT in both directions
  (through Simplified), the term's definition, what the *other* English words of the sentence
  already explain, agreement between occurrences, the span's place and edges, and the
  multilingual encoder on the few best; the confidence is calibrated, and a counterpart below the
  finder's threshold is ``uncertain`` (outputs mark it "check"). The teacher's equivalent
  (``cluster【集群】``) always wins; a term marked as having no counterpart gets none. The
  counterpart is highlighted in the Chinese sentences aligned with the term's English ones; a
  term found nowhere in the English is a warning.
* :func:`suggest_vocabulary` suggests words beyond the glossary: rarer English words (by wordfreq's
  Zipf frequency) with a Chinese counterpart from the same finder and threshold, and Chinese
  words at or above a chosen HSK level with their readings and CC-CEDICT glosses.

A :class:`LinkContext` carries one document's work from :func:`link_glossary` to
:func:`suggest_vocabulary`. How it works, and how well: docs/glossary.md.

Modules:
    terms: English forms of a term and their occurrences (:func:`find_term`).
    dictionary: CC-CEDICT as a bilingual word table (English keys, Chinese glosses, strength).
    candidates: a Chinese sentence's tokens, dictionary words and candidate spans.
    context: the glossary's view of a document's alignment, and :class:`LinkContext`.
    query: an English term as the finder looks for it.
    features: the evidence for each candidate, as numbers.
    weights: the fitted weights, calibration and threshold (benchmarks/fit_glossary.py).
    finder: :class:`CounterpartFinder`, which ranks the candidates and says how sure it is.
    link: :func:`link_glossary` and :func:`find_chinese` (Chinese occurrences).
    vocabulary: :func:`suggest_vocabulary`.

Examples:
    >>> from itertools import pairwise
    >>> from duizhao.model import Document, GlossaryEntry, Paragraph, Sentence, Token
    >>> en = "The metric ranks Shenzhen ahead of Tokyo; the shortage of land is acute."
    >>> zh = "該指標將深圳排在東京之前；土地短缺嚴重。"  # the same sentence in Chinese
    >>> cuts = [0, 1, 3, 4, 6, 8, 10, 12, 13, 15, 17, 19, 20]  # 該|指標|將|深圳|排在|東京|…
    >>> words = tuple(Token(a, b) for a, b in pairwise(cuts))  # as the chinese stage gives
    >>> doc = Document(
    ...     en=(Paragraph("en", en, (Sentence(0, len(en)),)),),
    ...     zh=(Paragraph("zh", zh, (Sentence(0, len(zh)),), words),),
    ...     glossary=(GlossaryEntry("metric", "a measure"),),
    ... )
    >>> context = LinkContext()  # this document's work, shared by the two stages
    >>> doc = link_glossary(doc, context=context)
    >>> [(o.text, link.counterparts[0].text) for link in doc.links for o in link.en]
    [('metric', '指標')]
    >>> doc = suggest_vocabulary(doc, en_limit=1, zh_limit=0, context=context)
    >>> [(v.word, v.translation) for v in doc.vocabulary.en]  # 短缺 "shortage"
    [('shortage', ('短缺',))]
"""

from __future__ import annotations

from .context import LinkContext
from .finder import CounterpartFinder, Ranking
from .link import find_chinese, link_entry, link_glossary, missing_term_warning
from .terms import TermPattern, find_term, spelling_variants, term_forms, term_pattern
from .vocabulary import suggest_vocabulary

__all__ = [
    "CounterpartFinder",
    "LinkContext",
    "Ranking",
    "TermPattern",
    "find_chinese",
    "find_term",
    "link_entry",
    "link_glossary",
    "missing_term_warning",
    "spelling_variants",
    "suggest_vocabulary",
    "term_forms",
    "term_pattern",
]
