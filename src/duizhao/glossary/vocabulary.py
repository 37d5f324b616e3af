"""Vocabulary suggestions beyond the glossary: rarer English words and harder Chinese words.

English words are ranked by wordfreq's Zipf frequency (rarest first; a word made from a commoner
one by a regular suffix counts as that one: :func:`family_zipf`) with the Chinese counterpart
the glossary's :class:`~duizhao.glossary.CounterpartFinder` finds, marked ``uncertain`` below the
same threshold as the glossary's; Chinese words by HSK level, with their readings and CC-CEDICT
glosses (from the annotated tokens).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from duizhao.model import Document, Occurrence, TermLink, Token, VocabItem, Vocabulary
from duizhao.resources.diskcache import gc_paused
from duizhao.resources.lemmas import is_known, lemma, lemminflect
from duizhao.text.composed import made_of_characters, made_of_words
from duizhao.text.english import WORD_RE, zipf
from duizhao.text.numbers import EN_NUMBER_WORDS, is_zh_numeral
from duizhao.text.script import is_han

from .candidates import person_cut_short
from .context import LinkContext
from .finder import Claims, CounterpartFinder, Request
from .similarity import VOCABULARY_RESCORE as VOCAB_RESCORE
from .terms import find_term

__all__ = ["family_zipf", "suggest_vocabulary"]

#: Number words spelt out ("sixty", "twelfth"): numbers, not words to learn (the multipliers,
#: such as "triple" or "dozen", are words).
_NUMBERS = frozenset(EN_NUMBER_WORDS) - {"double", "triple", "twice", "half", "dozen"}

#: A written form this much commoner than its lemma (Zipf: ten times) is a word of its own, not
#: an inflection a learner meets as that lemma: "according" (5.3) is not "accord" (3.8), nor
#: "wedding" "wed".
_OWN_WORD_GAP = 1.0

#: The share of a translation's characters another, surer item has as its counterpart from which
#: the translation is marked uncertain: "dismissed" beside the glossary's "severance" 遣散費.
_TAKEN = 0.5


def _is(word: str, upos: str) -> bool:
    """Whether lemminflect has ``word`` as a lemma of that part of speech."""
    return word in lemminflect().getAllLemmas(word).get(upos, ())


def family_zipf(word: str) -> float:
    """The Zipf frequency of a lemma's word family, as a learner meets it: the word's own, or
    that of the word it is regularly made from, when that one is commoner. A gerund or
    nominalised *-ing* form counts as its verb (shortening → shorten, though lemminflect also
    lists "shortening" as a noun), and a verb made from an adjective with *-en* as the adjective
    (shorten → short, widen → wide, flatten → flat): a learner who knows "short" reads
    "shortening". Nothing else is stripped (listen is not list + en: "list" is no adjective).

    Examples:
        >>> family_zipf("shortening") == family_zipf("short") > 5
        True
        >>> family_zipf("punctual") == zipf("punctual")
        True
    """
    best, verb = zipf(word), word
    if word.endswith("ing"):
        for v in lemminflect().getAllLemmas(word).get("VERB", ()):
            if v != word:
                best, verb = max(best, zipf(v)), v
                break
    if verb.endswith("en") and _is(verb, "VERB"):
        stems = [verb[:-2], verb[:-1]]  # short-en, wide-n
        if len(verb) > 4 and verb[-3] == verb[-4]:
            stems.append(verb[:-3])  # flat-t-en
        for stem in stems:
            if len(stem) >= 3 and _is(stem, "ADJ"):
                best = max(best, zipf(stem))
    return best


@gc_paused()  # short-lived objects by the ten thousand (see diskcache.gc_paused)
def suggest_vocabulary(
    doc: Document,
    *,
    en_limit: int = 20,
    en_max_zipf: float = 4.0,
    zh_limit: int = 30,
    zh_min_hsk: int = 6,
    zh_unlisted: bool = True,
    finder: CounterpartFinder | None = None,
    context: LinkContext | None = None,
) -> Document:
    """Suggest words beyond the glossary, for both kinds of learner.

    English (for learners of English): words whose lemma is rarer than ``en_max_zipf`` on
    wordfreq's Zipf scale (3 ≈ once per million words), rarest first, a word regularly made from
    a commoner one counting as that one (:func:`family_zipf`: not "shortening", which a learner
    who knows "short" reads); glossary terms, names (capitalised inside a sentence, or unknown
    to lemminflect), numbers (spelt out too: "sixty") and words with digits are left out. Each
    has its Chinese counterpart where one is found in the aligned sentences, by the same finder
    as the glossary terms; one below the finder's threshold is ``uncertain`` (outputs mark it
    "check").

    Chinese (for learners of Chinese): the annotated tokens of HSK level ``zh_min_hsk`` or
    above (7 stands for the 7–9 band), and, with ``zh_unlisted``, words off the HSK list that
    CC-CEDICT glosses (names and place words excluded), hardest first, with pinyin, Jyutping and
    glosses. Needs annotated Chinese paragraphs (:func:`duizhao.chinese.annotate_document`).

    Args:
        doc: The document (aligned and annotated for the best results).
        en_limit: Most English words to suggest (0 for none).
        en_max_zipf: Only English words rarer than this.
        zh_limit: Most Chinese words to suggest (0 for none).
        zh_min_hsk: Lowest HSK level to suggest.
        zh_unlisted: Also suggest words that are not on the HSK list.
        finder: Counterpart finder for the English words' translations.
        context: The :class:`~duizhao.glossary.LinkContext` given to
            :func:`~duizhao.glossary.link_glossary` for this document, to reuse its work
            (default: a new one).

    Returns:
        A new document with ``vocabulary`` set.

    Examples:
        >>> from duizhao import align_document, annotate_document, read_text
        >>> doc = read_text("The ferry is punctual.\\n\\n渡輪十分準時。")
        >>> doc = suggest_vocabulary(annotate_document(align_document(doc)))
        >>> [(v.word, v.translation) for v in doc.vocabulary.en]  # a rare English word
        [('punctual', ('準時',))]
        >>> [(v.word, v.pinyin, v.translation) for v in doc.vocabulary.zh]  # off the HSK list
        [('渡輪', 'dù lún', ('ferry',))]
    """
    en_items = _suggest_en(doc, en_limit, en_max_zipf, finder, context) if en_limit > 0 else ()
    zh_items = _suggest_zh(doc, zh_limit, zh_min_hsk, zh_unlisted) if zh_limit > 0 else ()
    return replace(doc, vocabulary=Vocabulary(en=tuple(en_items), zh=tuple(zh_items)))


def _suggest_en(
    doc: Document,
    limit: int,
    max_zipf: float,
    finder: CounterpartFinder | None,
    context: LinkContext | None = None,
) -> list[VocabItem]:
    # spans already taken by glossary terms
    taken: set[tuple[int, int]] = set()
    links = doc.links or tuple(
        TermLink(entry=i, en=find_term(e.term, doc, pos=e.pos, definition=e.definition))
        for i, e in enumerate(doc.glossary)
    )
    for link in links:
        for o in link.en:
            taken.update((o.paragraph, k) for k in range(o.start, o.end))
    firsts = doc.first_sentence("en")
    by_lemma: dict[str, list[Occurrence]] = defaultdict(list)
    for p, para in enumerate(doc.en):
        text = para.text
        starts = {s.start for s in para.sentences}
        for m in WORD_RE.finditer(text):
            w = m.group()
            at = m.start()
            if (p, at) in taken or len(w) < 3:
                continue
            if w[0].isupper():
                k = at  # the last character before the word that is not a space
                while k and text[k - 1].isspace():
                    k -= 1
                initial = at in starts or not k or text[k - 1] in ".!?\"“‘'("
                if not initial or not is_known(w.lower()):
                    continue  # a name: capitalised inside a sentence, or unknown to lemminflect
                if w.isupper() and len(w) > 1:
                    continue  # an acronym
            lw = w.lower()
            if lw in _NUMBERS:
                continue  # a number spelt out
            by_lemma[_base(lw)].append(
                Occurrence(p, firsts[p] + para.sentence_at(at), at, m.end(), w)
            )
    ranked = []
    for base, occ in by_lemma.items():
        if zipf(base) == 0.0:
            continue  # unknown to wordfreq
        z = family_zipf(base)
        if z >= max_zipf:
            continue
        ranked.append((z, base, occ))
    ranked.sort(key=lambda x: (x[0], x[1]))
    finder = finder if finder is not None else CounterpartFinder.default()
    context = LinkContext() if context is None else context
    picked = ranked[:limit]
    requests = [
        Request(
            term=base,
            forms=tuple(sorted({o.text.lower() for o in occ})),
            occurrences=tuple(occ),
            rescore=VOCAB_RESCORE,
        )
        for _, base, occ in picked
    ]
    rankings = finder.rankings(doc, requests, context=context)
    # a second pass where the glossary's English words and the confident words have their
    # Chinese: they explain no other Chinese word
    settled = [
        (
            doc.glossary[link.entry].term,
            link.en,
            tuple((o.paragraph, o.start, o.end) for o in link.zh),
        )
        for link in doc.links
        if link.counterparts and not link.uncertain
    ]
    settled += [
        (base, tuple(occ), tuple(r.candidates[0].places))
        for (_, base, occ), r in zip(picked, rankings, strict=True)
        if finder.confident(r)
    ]
    rankings = finder.settle(doc, requests, rankings, settled, context=context)
    # competitive linking: the glossary's counterparts, and each word's confident one, are
    # explained for the other words
    claims = Claims()
    for link in doc.links:
        if link.counterparts and not link.uncertain:
            places = ((o.paragraph, o.start, o.end) for o in link.zh)
            claims.add(f"term {link.entry}", 2.0, places)  # the glossary comes first
    for (_, base, _), r in zip(picked, rankings, strict=True):
        if finder.confident(r):
            claims.add(base, r.confidence, r.candidates[0].places)
    items = []
    for (z, base, occ), ranking in zip(picked, rankings, strict=True):
        ranking = finder.rerank(ranking, claims.share(base, ranking.confidence))
        best = ranking.candidates[:1]
        items.append(
            VocabItem(
                lang="en",
                word=base,
                forms=tuple(sorted({_form(o.text) for o in occ})),
                count=len(occ),
                level=round(z, 2),
                translation=tuple(c.text for c in best),
                uncertain=bool(best)
                and (
                    finder.uncertain(ranking.confidence, ranking.kind)
                    or best[0].features.get("explained", 0.0) >= _TAKEN
                    or person_cut_short(doc, base, best[0].places)
                ),
                occurrences=tuple(occ),
            )
        )
    return items


# A bounded memo of a pure function of read-only tables (lemminflect's, wordfreq's): the forms of
# one article recur in the next ones (about 2 % of a distinct article's CPU before it).
@lru_cache(maxsize=16384)
def _base(lw: str) -> str:
    """The word a lower-case form is listed under: its lemma, unless the form is a word of its
    own (much commoner than the lemma: "according", not a form of "accord").

    A plural that lemminflect also lists as a noun of its own is listed under its singular when
    the singular is the commoner word ("pools" → pool, not "troops" → troop), and a hyphenated
    compound that is a plural noun under its singular ("eleven-year-olds" → eleven-year-old; not
    "long-awaited" → long-await).

    Examples:
        >>> _base("pools"), _base("eleven-year-olds"), _base("troops"), _base("data")
        ('pool', 'eleven-year-old', 'troops', 'data')
        >>> _base("long-awaited"), _base("bird-watchers")
        ('long-awaited', 'bird-watcher')
    """
    head, hyphen, last = lw.rpartition("-")
    if hyphen and head and last:
        # a plural noun only: "long-awaited" is an adjective, not a form of "long-await"
        singular = [x for x in lemminflect().getAllLemmas(last).get("NOUN", ()) if x != last]
        if singular and last not in lemminflect().getAllLemmas(last).get("NOUN", ()):
            return f"{head}-{singular[0]}"
    base = lemma(lw.replace("’", "'"))
    if "'" in base:
        base = base.split("'")[0]
    if base == lw:
        singular = [
            x
            for x in lemminflect().getAllLemmas(lw).get("NOUN", ())
            if x != lw and lw in lemminflect().getAllInflections(x).get("NNS", ())
        ]
        if singular and zipf(singular[0]) > zipf(lw):
            return str(singular[0])
    if base != lw and zipf(lw) - zipf(base) >= _OWN_WORD_GAP:
        base = lw
    return base


def _suggest_zh(doc: Document, limit: int, min_hsk: int, unlisted: bool) -> list[VocabItem]:
    firsts = doc.first_sentence("zh")
    seen: dict[str, list[Occurrence]] = defaultdict(list)
    info: dict[str, Token] = {}
    for p, para in enumerate(doc.zh):
        for t in para.tokens:
            w = t.text_in(para.text)
            if not all(map(is_han, w)) or len(w) < 2:
                continue
            if t.pos and t.pos[:2] in ("nr", "ns", "nt", "nz"):
                continue  # names of people, places, organisations
            if t.hsk is None:
                if is_zh_numeral(w):
                    continue  # 四十 "forty": a number, not a word to learn
                if not unlisted or not t.gloss or t.gloss[:1].isupper():
                    continue  # not glossed, or a proper noun in CC-CEDICT
                if made_of_words(t.gloss):
                    continue  # glossed by its words (創新集群): those are the words to learn
                if made_of_characters(t.gloss):
                    continue  # glossed from its characters (北岸): a guess, not a word to learn
            elif t.hsk < min_hsk:
                continue
            seen[w].append(Occurrence(p, firsts[p] + para.sentence_at(t.start), t.start, t.end, w))
            info.setdefault(w, t)
    # listed words hardest first, then words off the HSK list; in each, the most frequent first
    ranked = sorted(
        seen.items(),
        key=lambda kv: (
            info[kv[0]].hsk is None,
            -(info[kv[0]].hsk or 0),
            -len(kv[1]),
            kv[1][0].paragraph,
            kv[1][0].start,
        ),
    )
    items = []
    for w, occ in ranked[:limit]:
        t = info[w]
        items.append(
            VocabItem(
                lang="zh",
                word=w,
                forms=(w,),
                count=len(occ),
                level=t.hsk,
                translation=tuple(g.strip() for g in (t.gloss or "").split(";") if g.strip()),
                pinyin=" ".join(x for x in t.pinyin if x) or None,
                jyutping=" ".join(x for x in t.jyutping if x) or None,
                occurrences=tuple(occ),
                reading_unsure=any(t.pinyin_unsure),
            )
        )
    return items


def _form(text: str) -> str:
    """A written form as a vocabulary list shows it: a capital that only starts a sentence
    dropped (Fares → fares; an all-capital or mixed-case form is kept as written)."""
    return text.lower() if text[1:] == text[1:].lower() else text
