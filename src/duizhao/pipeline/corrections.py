"""A teacher's corrections applied between the stages: after the Chinese words, after the glossary
links, after the vocabulary.

The reader applies what concerns the text as read (pins, counterpart choices:
:func:`duizhao.reader.corrections.attach_corrections`) and the aligner keeps the unpinned pairs
apart; the functions here do the rest, each after its stage, and check every entry against the
document the stage made. An entry that matches nothing (the article was edited since) becomes a
warning naming its line of the corrections file; it is never applied anywhere else. Each function
gives the same document when applied twice.

* :func:`honour_chinese` — word cuts, readings and glosses. The Chinese stage is asked to honour
  them itself; this checks that every word was cut, read and glossed as the teacher said and
  completes what was not, carrying each character's readings over to the new words;
* :func:`honour_links` — "no counterpart" choices, and Chinese highlights added or taken away;
* :func:`honour_vocabulary` — vocabulary suggestions hidden, words added.

Examples:
    >>> from duizhao.model import Corrections, Paragraph, Sentence, Token, ReadingFix
    >>> para = Paragraph("zh", "會計。", (Sentence(0, 3),),  # "accountant."
    ...                  (Token(0, 2, pinyin=("huì", "jì")), Token(2, 3, pinyin=(None,))))
    >>> fix = ReadingFix("會計", pinyin=("kuài", "jì"), line=4)
    >>> doc = Document(zh=(para,), corrections=Corrections(path="x.toml", readings=(fix,)))
    >>> honour_chinese(doc).zh[0].tokens[0].pinyin
    ('kuài', 'jì')
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from duizhao.model import (
    Corrections,
    Counterpart,
    Document,
    Paragraph,
    Token,
    VocabAddition,
    VocabItem,
)
from duizhao.text.convert import to_simplified
from duizhao.text.script import is_han

if TYPE_CHECKING:
    from duizhao.glossary import CounterpartFinder, LinkContext

__all__ = ["honour_chinese", "honour_links", "honour_vocabulary"]


class _Warnings:
    """The document's warnings, with those of the corrections file added once each."""

    def __init__(self, doc: Document) -> None:
        self.c: Corrections = doc.corrections or Corrections()
        self.items = list(doc.warnings)

    def __call__(self, line: int | None, message: str) -> None:
        where = self.c.path or "<corrections>"
        w = f"{where}:{line}: {message}" if line is not None else f"{where}: {message}"
        if w not in self.items:
            self.items.append(w)

    def done(self, doc: Document, **changes: object) -> Document:
        return replace(doc, warnings=tuple(self.items), **changes)  # type: ignore[arg-type]


def _occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


# -- Chinese words, readings, glosses -----------------------------------------------------------


def _recut(
    para: Paragraph, start: int, parts: Sequence[str]
) -> tuple[Token, ...] | None:
    """The paragraph's tokens with ``parts`` cut at ``start`` (``None`` if already so)."""
    from duizhao.chinese.gloss import cedict_gloss
    from duizhao.resources.lexicon import hsk_words

    end = start + sum(len(p) for p in parts)
    bounds = [start]
    for p in parts:
        bounds.append(bounds[-1] + len(p))
    inside = [t for t in para.tokens if t.start < end and t.end > start]
    if [(t.start, t.end) for t in inside] == list(itertools.pairwise(bounds)):
        return None
    if not inside:
        return None
    py: dict[int, str | None] = {}
    jp: dict[int, str | None] = {}
    unsure: set[int] = set()  # the unsure readings stay unsure in the words recut
    for t in inside:
        for k in range(t.start, t.end):
            py[k] = t.pinyin[k - t.start] if k - t.start < len(t.pinyin) else None
            jp[k] = t.jyutping[k - t.start] if k - t.start < len(t.jyutping) else None
            if k - t.start < len(t.pinyin_unsure) and t.pinyin_unsure[k - t.start]:
                unsure.add(k)
    lo, hi = min(t.start for t in inside), max(t.end for t in inside)
    cuts = sorted({lo, *bounds, hi})
    levels = hsk_words()
    new = []
    for a, b in itertools.pairwise(cuts):
        word = para.text[a:b]
        pys = tuple(py.get(k) for k in range(a, b))
        jps = tuple(jp.get(k) for k in range(a, b))
        han = any(is_han(ch) for ch in word)
        simp = to_simplified(word)
        new.append(
            Token(
                start=a,
                end=b,
                pinyin=pys if any(pys) else (),
                jyutping=jps if any(jps) else (),
                gloss=cedict_gloss(word, simp, pys, 4) if han else None,
                hsk=levels.get(simp) if han else None,
                pinyin_unsure=(
                    tuple(k in unsure for k in range(a, b)) if unsure.intersection(range(a, b))
                    else ()
                ),
            )
        )
    kept = [t for t in para.tokens if t.end <= lo or t.start >= hi]
    return tuple(sorted([*kept, *new], key=lambda t: t.start))


def _whole_words(para: Paragraph, i: int, j: int) -> bool:
    """Whether ``text[i:j]`` is one or more whole tokens, or lies inside one."""
    starts = {t.start for t in para.tokens}
    ends = {t.end for t in para.tokens}
    inside = any(t.start <= i and j <= t.end for t in para.tokens)
    return inside or (i in starts and j in ends)


def _with_reading(tok: Token, i: int, j: int, pinyin: Sequence[str] | None,
                  jyutping: Sequence[str] | None, text: str) -> Token:
    han = [k for k in range(i, j) if is_han(text[k])]
    changes = {}
    for name, new in (("pinyin", pinyin), ("jyutping", jyutping)):
        if new is None:
            continue
        values = list(getattr(tok, name)) or [None] * (tok.end - tok.start)
        for k, r in zip(han, new, strict=False):
            if tok.start <= k < tok.end:
                values[k - tok.start] = r
        changes[name] = tuple(values)
    if pinyin is not None and tok.pinyin_unsure:  # the teacher's reading is no longer a guess
        unsure = list(tok.pinyin_unsure)
        for k in han[: len(pinyin)]:
            if tok.start <= k < tok.end:
                unsure[k - tok.start] = False
        changes["pinyin_unsure"] = tuple(unsure) if any(unsure) else ()
    return replace(tok, **changes)  # type: ignore[arg-type]


def honour_chinese(doc: Document) -> Document:
    """Cut, read and gloss the Chinese words as the corrections say (after the Chinese stage).

    Word cuts (``[words]``) first, then readings (``[readings]``: every occurrence of the word
    that is one or more whole words, or inside one), then glosses (``[glosses]``: every token
    that is the word). Words not found so are warned about.
    """
    c = doc.corrections
    if c is None or not (c.words or c.readings or c.glosses):
        return doc
    warn = _Warnings(doc)
    zh = list(doc.zh)
    for cut in c.words:
        found = False
        for p, para in enumerate(zh):
            for i in _occurrences(para.text, cut.text):
                found = True
                recut = _recut(zh[p], i, cut.parts)
                if recut is not None:
                    zh[p] = replace(zh[p], tokens=recut)
        if not found:
            warn(cut.line, f"{cut.text} is not in the Chinese text; the word cut is left out")
    for rf in c.readings:
        found = False
        for p, para in enumerate(zh):
            if not para.tokens:
                continue
            tokens = list(para.tokens)
            for i in _occurrences(para.text, rf.word):
                j = i + len(rf.word)
                if not _whole_words(para, i, j):
                    continue
                found = True
                for k, t in enumerate(tokens):
                    if t.start < j and t.end > i:
                        tokens[k] = _with_reading(t, i, j, rf.pinyin, rf.jyutping, para.text)
            zh[p] = replace(para, tokens=tuple(tokens))
        if not found:
            warn(rf.line, f"{rf.word} is not a word of the Chinese text; its reading is left out")
    for gf in c.glosses:
        found = False
        for p, para in enumerate(zh):
            glossed = list(para.tokens)
            for k, t in enumerate(glossed):
                if t.text_in(para.text) == gf.word:
                    found = True
                    glossed[k] = replace(t, gloss=gf.gloss)
            zh[p] = replace(para, tokens=tuple(glossed))
        if not found:
            warn(gf.line, f"{gf.word} is not a word of the Chinese text (as cut); its gloss is "
                 "left out")
    return warn.done(doc, zh=tuple(zh))


# -- glossary links -------------------------------------------------------------------------------


def _entry_of(doc: Document, term: str) -> int | None:
    key = " ".join(term.lower().split())
    return next(
        (i for i, e in enumerate(doc.glossary) if " ".join(e.term.lower().split()) == key), None
    )


def honour_links(doc: Document) -> Document:
    """A term with "no counterpart" shows none; Chinese highlights are added and taken away
    (after the glossary stage)."""
    from duizhao.glossary import find_chinese

    c = doc.corrections
    links = {link.entry: link for link in doc.links}
    for i, entry in enumerate(doc.glossary):
        if entry.no_counterpart and i in links and (links[i].zh or links[i].counterparts):
            links[i] = replace(
                links[i], counterparts=(), zh=(), confidence=0.0, uncertain=False
            )
    if c is None or not (c.highlights_added or c.highlights_removed):
        return replace(doc, links=tuple(links[k] for k in sorted(links)))
    warn = _Warnings(doc)
    for h in c.highlights_removed:
        e = _entry_of(doc, h.term)
        if e is None or e not in links:
            warn(h.line, f"{h.term!r} is not a term of the article's glossary; left out")
            continue
        link = links[e]
        keep = tuple(
            o for o in link.zh
            if not (o.text == h.text and (h.paragraph is None or o.paragraph == h.paragraph))
        )
        if len(keep) == len(link.zh):
            warn(h.line, f"{h.text} is not highlighted for {h.term!r}; nothing to take away")
        links[e] = replace(link, zh=keep)
    for h in c.highlights_added:
        e = _entry_of(doc, h.term)
        if e is None or e not in links:
            warn(h.line, f"{h.term!r} is not a term of the article's glossary; left out")
            continue
        found = [
            o for o in find_chinese(h.text, doc)
            if h.paragraph is None or o.paragraph == h.paragraph
        ]
        if not found:
            where = "" if h.paragraph is None else f" paragraph {h.paragraph} of"
            warn(h.line, f"{h.text} is not in{where} the Chinese text; the highlight is left out")
            continue
        link = links[e]
        zh = tuple(sorted({*link.zh, *found}, key=lambda o: (o.paragraph, o.start, -o.end)))
        counterparts = link.counterparts
        if not counterparts:
            counterparts = (Counterpart(text=h.text, score=1.0, source="teacher"),)
        links[e] = replace(link, zh=zh, counterparts=counterparts)
    return warn.done(doc, links=tuple(links[k] for k in sorted(links)))


# -- vocabulary -----------------------------------------------------------------------------------


def _hidden(item: VocabItem, word: str) -> bool:
    if item.lang == "en":
        w = word.lower()
        return item.word.lower() == w or w in (f.lower() for f in item.forms)
    return item.word == word


def _add_en(
    doc: Document, add: VocabAddition, finder: CounterpartFinder | None,
    context: LinkContext | None,
) -> VocabItem | None:
    from duizhao.glossary import CounterpartFinder, find_term
    from duizhao.text.english import zipf

    occ = find_term(add.word, doc)
    if not occ:
        return None
    translation = add.translation
    if not translation and doc.zh:
        finder = finder if finder is not None else CounterpartFinder.default()
        forms = sorted({o.text.lower() for o in occ})
        found = finder.rank(doc, add.word, forms, occ, context=context)
        translation = tuple(c.text for c in found[:1])
    return VocabItem(
        lang="en",
        word=add.word,
        forms=tuple(sorted({o.text for o in occ})),
        count=len(occ),
        level=round(zipf(add.word.lower()), 2),
        translation=translation,
        occurrences=occ,
    )


def _add_zh(doc: Document, add: VocabAddition) -> VocabItem | None:
    from duizhao.glossary import find_chinese

    occ = find_chinese(add.word, doc)
    if not occ:
        return None
    o = occ[0]
    para = doc.zh[o.paragraph]
    py: list[str] = []
    jp: list[str] = []
    gloss = hsk = None
    for t in para.tokens:
        if t.start < o.end and t.end > o.start:
            for k in range(max(t.start, o.start), min(t.end, o.end)):
                for out, values in ((py, t.pinyin), (jp, t.jyutping)):
                    r = values[k - t.start] if k - t.start < len(values) else None
                    if r:
                        out.append(r)
            if t.start == o.start and t.end == o.end:
                gloss, hsk = t.gloss, t.hsk
    translation = add.translation or tuple(
        g.strip() for g in (gloss or "").split(";") if g.strip()
    )
    return VocabItem(
        lang="zh",
        word=add.word,
        forms=(add.word,),
        count=len(occ),
        level=hsk,
        translation=translation,
        pinyin=" ".join(py) or None,
        jyutping=" ".join(jp) or None,
        occurrences=occ,
    )


def _same_word(a: str, b: str) -> bool:
    """The same vocabulary word (English case does not matter)."""
    return a == b or a.casefold() == b.casefold()


def honour_vocabulary(
    doc: Document,
    *,
    finder: CounterpartFinder | None = None,
    context: LinkContext | None = None,
) -> Document:
    """Leave out the hidden suggestions and add the teacher's words (after the vocabulary stage).

    An added English word gets its Chinese counterpart from the finder unless the teacher gave
    one; an added Chinese word its readings and glosses from the annotated tokens. A word already
    suggested keeps its place; a translation the teacher gives for it replaces duizhao's (and is
    no longer marked "check").
    """
    c = doc.corrections
    if c is None or doc.vocabulary is None or not (c.vocabulary_hidden or c.vocabulary_added):
        return doc
    warn = _Warnings(doc)
    lists = {"en": list(doc.vocabulary.en), "zh": list(doc.vocabulary.zh)}
    for add in c.vocabulary_added:
        same = [k for k, v in enumerate(lists[add.lang]) if _same_word(v.word, add.word)]
        if same:
            if add.translation:  # the teacher's meaning of a suggested word replaces duizhao's
                k = same[0]
                lists[add.lang][k] = replace(
                    lists[add.lang][k], translation=add.translation, uncertain=False
                )
            continue
        item = _add_en(doc, add, finder, context) if add.lang == "en" else _add_zh(doc, add)
        if item is None:
            lang = "English" if add.lang == "en" else "Chinese"
            warn(add.line, f"{add.word} is not in the {lang} text; not added to the vocabulary")
        else:
            lists[add.lang].append(item)
    for k, word in enumerate(c.vocabulary_hidden):
        before = sum(len(v) for v in lists.values())
        for lang in lists:
            lists[lang] = [v for v in lists[lang] if not _hidden(v, word)]
        if sum(len(v) for v in lists.values()) == before:
            warn(c.line_of("vocabulary_hidden", k),
                 f"{word} is not a suggested vocabulary word; nothing to hide")
    vocabulary = replace(doc.vocabulary, en=tuple(lists["en"]), zh=tuple(lists["zh"]))
    return warn.done(doc, vocabulary=vocabulary)
