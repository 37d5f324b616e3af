"""Classroom drills: printable worksheets with answer keys, Anki decks, Quizlet and CSV lists.

A worksheet is plain data (:class:`Worksheet` → :class:`Section` → :class:`Item` → :class:`Span`),
made by :func:`make_worksheets` from one or several annotated documents and turned into one
self-contained HTML page by the ``worksheet.html.j2`` template (answer key on a page of its own).
Five kinds of exercise, chosen with ``kinds``:

* ``cloze``: the article's own English sentences with glossary terms (and, with
  ``vocabulary=True`` or when there is no glossary, suggested words) blanked; a word bank gives the
  terms as listed, the key the form as written (``overtook`` for ``overtake``);
* ``match``: glossary term ↔ definition;
* ``zh``: English term ↔ its Chinese counterpart (集群 for *cluster*);
* ``readings``: write the pinyin or Jyutping of the marked Chinese words;
* ``translate``: a Chinese sentence to put into English using the term, the English original as
  the model answer.

Everything random comes from ``random.Random`` seeded with strings built from ``seed``: the same
documents and options always give byte-identical output. ``versions=N`` keeps the same questions
(the same content) and shuffles their order and the matching letters, one version per letter
A, B, ….

Exports: :func:`write_apkg` (Anki, via the optional ``genanki``), :func:`quizlet_text` and
:func:`csv_text`.

Example:
    >>> from duizhao.pipeline import annotate
    >>> doc = annotate("corpus/2025-09-02-wipo-innovation-clusters.txt")   # doctest: +SKIP
    >>> [ws] = make_worksheets([doc], kinds=("cloze", "match"), seed=1)   # doctest: +SKIP
    >>> ws.sections[0].items[0].answers                                   # doctest: +SKIP
    ('clusters',)
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import DuizhaoError, MissingExtraError
from .model import Document, Occurrence, Paragraph, TermLink
from .output.templates import environment, generator
from .text.script import is_han

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "ANKI_MODEL_ID",
    "DEFAULT_COUNT",
    "KINDS",
    "KIND_TITLES",
    "ArticleRef",
    "Card",
    "DrillError",
    "DrillPages",
    "Item",
    "Option",
    "Section",
    "Span",
    "Worksheet",
    "article_key",
    "cards",
    "csv_text",
    "make_worksheets",
    "parse_kind_counts",
    "parse_kinds",
    "quizlet_text",
    "render_worksheet",
    "site_hook",
    "write_apkg",
    "write_drills",
    "write_text",
    "write_worksheets",
]

Kind = Literal["cloze", "match", "zh", "readings", "translate"]
#: Questions per exercise unless the teacher says otherwise.
DEFAULT_COUNT = 10
#: Every kind of exercise, in the order they appear on a worksheet.
KINDS: tuple[str, ...] = ("cloze", "match", "zh", "readings", "translate")
#: Section titles shown on the worksheet.
KIND_TITLES: Mapping[str, str] = {
    "cloze": "Fill in the blanks",
    "match": "Match the words with their meanings",
    "zh": "Match the English words with their Chinese equivalents",
    "readings": "Write the readings",
    "translate": "Translate into English",
}
ReadingKind = Literal["pinyin", "jyutping", "both"]

#: The Anki note type's ID: fixed forever, so every export updates the same note type.
ANKI_MODEL_ID = 1_607_392_319
ANKI_FIELDS = (
    "Term",
    "POS",
    "Definition",
    "Chinese",
    "Pinyin",
    "Jyutping",
    "Example",
    "Source",
    "Date",
)


class DrillError(DuizhaoError):
    """No worksheet or export can be made from the documents (e.g. nothing to drill)."""


# -- the worksheet model --------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A piece of an item's prompt (or model answer): plain text, a blank, or a marked word."""

    text: str
    """The text shown (empty for a blank)."""
    blank: int | None = None
    """For a blank: the index into :attr:`Item.answers` of what was removed here."""
    mark: bool = False
    """The piece is marked: the word to romanise, or the term in a model answer."""


@dataclass(frozen=True)
class Item:
    """One numbered question of a section."""

    key: str
    """What the question is about, the same in every version (``cloze|ARTICLE|term|sentence``)."""
    prompt: tuple[Span, ...]
    """The question as shown: for a cloze the sentence with blanks, for matching the term."""
    answers: tuple[str, ...]
    """One answer per blank (cloze), the letter of the right option (matching), the reading
    (readings) or the model answer (translation)."""
    lang: str = "en"
    """Language of the prompt (``en``, ``zh-Hant`` or ``zh-Hans``)."""
    hint: str = ""
    """Shown with the question: ``use: metric`` (translation), the part of speech (matching)."""
    note: str = ""
    """Shown in the key only: the listed form (``overtake``) or where the sentence comes from."""
    source: str = ""
    """Label of the article the item comes from (shown when a sheet covers several articles)."""
    model: tuple[Span, ...] = ()
    """The model answer as spans (translation: the English original with the term marked)."""
    listed: tuple[str, ...] = ()
    """Cloze: for each answer, the word as the glossary lists it (``overtake`` for ``overtook``)."""


@dataclass(frozen=True)
class Option:
    """One lettered choice of a matching section."""

    letter: str
    """``A``, ``B``, …"""
    text: str
    """The definition or the Chinese word."""
    lang: str = "en"
    """Language of the text."""


@dataclass(frozen=True)
class Section:
    """One part of a worksheet: a kind of exercise with its numbered items."""

    kind: str
    """One of :data:`KINDS`."""
    title: str
    """Heading, e.g. ``Fill in the blanks``."""
    instructions: str
    """What the student has to do."""
    items: tuple[Item, ...]
    """The questions, numbered from 1 in this order."""
    options: tuple[Option, ...] = ()
    """Matching: the lettered choices (a permutation of the items' right sides)."""
    word_bank: tuple[str, ...] = ()
    """Cloze: the words to choose from, as listed in the glossary."""

    @property
    def marks(self) -> int:
        """One mark per blank (cloze) or per item (the rest)."""
        if self.kind == "cloze":
            return sum(len(it.answers) for it in self.items)
        return len(self.items)


@dataclass(frozen=True)
class ArticleRef:
    """An article a worksheet is made from."""

    label: str
    """Short label used on items (the date, else the file stem)."""
    title: str
    """The English title, else the Chinese one, else the file stem."""
    title_zh: str | None = None
    """The Chinese title."""
    source: str | None = None
    """Publisher or column."""
    date: str | None = None
    """ISO date."""


@dataclass(frozen=True)
class Worksheet:
    """A printable worksheet and its answer key (one version)."""

    title: str
    """Heading of the sheet."""
    version: str
    """``A``, ``B``, …"""
    versions: int
    """How many versions were made (the version letter is shown when more than one)."""
    seed: int
    """The seed it was made with."""
    sections: tuple[Section, ...]
    """The parts, in the order of :data:`KINDS` (only the kinds asked for and possible)."""
    articles: tuple[ArticleRef, ...]
    """The articles it draws on."""
    notes: tuple[str, ...] = ()
    """Messages for the teacher: kinds that were skipped and why."""
    reading: str = "pinyin"
    """What the readings section asks for: ``pinyin``, ``jyutping`` or ``both``."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (plain dicts and lists)."""
        from dataclasses import asdict

        return asdict(self)


def parse_kinds(text: str | Iterable[str]) -> tuple[str, ...]:
    """Exercise kinds from ``"cloze,match"`` (or a list), checked against :data:`KINDS`.

    Raises:
        DrillError: An unknown kind, or none.
    """
    return parse_kind_counts(text)[0]


def parse_kind_counts(text: str | Iterable[str]) -> tuple[tuple[str, ...], dict[str, int]]:
    """Kinds and per-kind counts from ``"cloze:8,match,readings:5"``.

    Returns:
        The kinds in the order given (without repeats) and the counts given with them.

    Raises:
        DrillError: An unknown kind, a count that is not a positive number, or no kind.
    """
    parts = text.split(",") if isinstance(text, str) else list(text)
    kinds: dict[str, None] = {}
    counts: dict[str, int] = {}
    for part in parts:
        name, _, number = part.strip().partition(":")
        name = name.strip().lower()
        if not name:
            continue
        if name not in KINDS:
            raise DrillError(f"unknown drill kind {name!r} (choose from {', '.join(KINDS)})")
        kinds[name] = None
        if number.strip():
            if not number.strip().isdigit() or int(number) < 1:
                raise DrillError(f"bad count {number.strip()!r} for {name} (a number from 1)")
            counts[name] = int(number)
    if not kinds:
        raise DrillError(f"no drill kinds given (choose from {', '.join(KINDS)})")
    return tuple(kinds), counts


# -- gathering what can be drilled ----------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    """A glossary entry (or suggested word) of one article, with where it occurs."""

    article: int
    term: str
    pos: str
    definition: str
    zh: str
    en: tuple[Occurrence, ...]
    zh_occ: tuple[Occurrence, ...]
    glossary: bool  # False for suggested vocabulary


def _label(doc: Document, i: int) -> str:
    if doc.meta.date:
        return doc.meta.date
    if doc.meta.path:
        return Path(doc.meta.path).stem
    return f"article {i + 1}"


def _article_ref(doc: Document, i: int) -> ArticleRef:
    m = doc.meta
    title = m.title_en or m.title_zh or (Path(m.path).stem if m.path else f"Article {i + 1}")
    return ArticleRef(
        label=_label(doc, i), title=title, title_zh=m.title_zh, source=m.source, date=m.date
    )


def article_key(doc: Document) -> str:
    """A stable identity of an article (used for Anki GUIDs): source, date and title.

    Falls back to the file name when the article has no title line.
    """
    m = doc.meta
    parts = [m.source or "", m.date or "", m.title_zh or m.title_en or ""]
    if not any(parts):
        parts = [Path(m.path).name if m.path else ""]
    return "|".join(parts)


def _links(doc: Document) -> dict[int, TermLink]:
    """The glossary links of a document; found here (English only) when it was not linked."""
    if doc.links:
        return {link.entry: link for link in doc.links}
    if not doc.glossary:
        return {}
    from .glossary import find_term

    out = {}
    for i, e in enumerate(doc.glossary):
        occ = find_term(e.term, doc, pos=e.pos, definition=e.definition)
        zh: list[Occurrence] = []
        if e.zh:
            zh = _find_zh(doc, e.zh[0])
        out[i] = TermLink(entry=i, en=occ, zh=tuple(zh))
    return out


def _find_zh(doc: Document, text: str) -> list[Occurrence]:
    out = []
    firsts = doc.first_sentence("zh")
    for p, para in enumerate(doc.zh):
        for m in re.finditer(re.escape(text), para.text):
            out.append(
                Occurrence(p, _sentence_at(para, firsts[p], m.start()), m.start(), m.end(), text)
            )
    return out


def _sentence_at(para: Paragraph, first: int, offset: int) -> int:
    for k, s in enumerate(para.sentences):
        if offset < s.end:
            return first + k
    return first + max(0, len(para.sentences) - 1)


def _counterpart(link: TermLink | None, given: Sequence[str]) -> str:
    if given:
        return given[0]
    if link is not None and link.zh:
        return link.zh[0].text
    if link is not None and link.counterparts:
        return link.counterparts[0].text
    return ""


def _terms(docs: Sequence[Document], vocabulary: bool) -> list[_Term]:
    """Glossary terms of every article, then (when asked) its suggested English words."""
    out: list[_Term] = []
    for a, doc in enumerate(docs):
        links = _links(doc)
        seen = set()
        for i, e in enumerate(doc.glossary):
            link = links.get(i)
            zh = _counterpart(link, e.zh)
            zh_occ = link.zh if link is not None else ()
            if link is not None and zh and zh_occ and zh_occ[0].text != zh:
                zh_occ = tuple(o for o in zh_occ if o.text == zh) or zh_occ
            seen.add(e.term.lower())
            out.append(
                _Term(
                    article=a,
                    term=e.term,
                    pos=e.pos or "",
                    definition=e.definition,
                    zh=zh,
                    en=link.en if link is not None else (),
                    zh_occ=zh_occ,
                    glossary=True,
                )
            )
        if (vocabulary or not doc.glossary) and doc.vocabulary is not None:
            for v in doc.vocabulary.en:
                if v.word.lower() in seen or not v.occurrences:
                    continue
                if _is_name(doc, v.occurrences):
                    continue  # Shenzhen, Yokohama: not vocabulary to drill
                seen.add(v.word.lower())
                out.append(
                    _Term(
                        article=a,
                        term=v.word,
                        pos="",
                        definition="",
                        zh=v.translation[0] if v.translation else "",
                        en=v.occurrences,
                        zh_occ=(),
                        glossary=False,
                    )
                )
    return out


def _is_name(doc: Document, occs: Sequence[Occurrence]) -> bool:
    """A word always written with a capital, also inside a sentence (``Critics`` opening a
    sentence is not a name)."""
    if not all(o.text[:1].isupper() for o in occs):
        return False
    starts = {(p, s.start) for _, p, s in doc.sentences("en")}
    return any((o.paragraph, o.start) not in starts for o in occs)


def _rng(seed: int, *parts: object) -> random.Random:
    # str seeds are hashed with SHA-512 by random.seed: stable across runs and platforms
    return random.Random("|".join([str(seed), *map(str, parts)]))


def _pick(
    cands: list[Any], count: int, rng: random.Random, first: Sequence[bool] = ()
) -> list[Any]:
    """``count`` candidates chosen at random, kept in their original order.

    Candidates flagged in ``first`` (glossary terms) are chosen before the others.
    """
    if len(cands) <= count:
        return list(cands)
    flags = list(first) or [False] * len(cands)
    top = [i for i in range(len(cands)) if flags[i]]
    rest = [i for i in range(len(cands)) if not flags[i]]
    if len(top) >= count:
        chosen = rng.sample(top, count)
    else:
        chosen = top + rng.sample(rest, count - len(top))
    return [cands[i] for i in sorted(chosen)]


def _sentence_bounds(doc: Document, lang: str, number: int) -> tuple[int, int, int] | None:
    for n, p, s in doc.sentences(lang):  # type: ignore[arg-type]
        if n == number:
            return p, s.start, s.end
    return None


# -- cloze ------------------------------------------------------------------------------------


#: Most blanks in one cloze sentence (terms that share a sentence are blanked together).
MAX_BLANKS = 3


def _cloze_items(
    docs: Sequence[Document], terms: list[_Term], refs: Sequence[ArticleRef], seed: int
) -> list[Item]:
    """One item per sentence; glossary terms that share a sentence are blanked together."""
    plan: dict[tuple[int, int], list[tuple[_Term, list[Occurrence]]]] = {}
    glossary_sentences: dict[int, set[int]] = {a: set() for a in range(len(docs))}
    for t in terms:
        if t.glossary:
            glossary_sentences[t.article].update(o.sentence for o in t.en)
    for t in terms:
        if not t.en:
            continue
        a = t.article
        by_sentence: dict[int, list[Occurrence]] = {}
        for o in t.en:
            by_sentence.setdefault(o.sentence, []).append(o)
        numbers = sorted(by_sentence)
        if t.glossary:
            numbers = [n for n in numbers if len(plan.get((a, n), ())) < MAX_BLANKS]
        else:  # suggested words only take sentences free of glossary terms
            numbers = [
                n
                for n in numbers
                if n not in glossary_sentences[a] and len(plan.get((a, n), ())) < MAX_BLANKS
            ]
        if not numbers:
            continue
        # prefer sentences where no other term shows (its answer would be given away)
        others = [o for u in terms if u.article == a and u.term != t.term for o in u.en]
        crowd = {n: sum(1 for o in others if o.sentence == n) for n in numbers}
        least = min(crowd.values())
        numbers = [n for n in numbers if crowd[n] == least]
        n = _rng(seed, "cloze", refs[a].label, t.term).choice(numbers)
        plan.setdefault((a, n), []).append((t, by_sentence[n]))

    items = []
    for (a, n), entries in sorted(plan.items()):
        doc = docs[a]
        bounds = _sentence_bounds(doc, "en", n)
        if bounds is None:
            continue
        p, s0, s1 = bounds
        text = doc.en[p].text
        occs = sorted(
            (
                (o.start, o.end, t.term)
                for t, os in entries
                for o in os
                if o.paragraph == p and s0 <= o.start and o.end <= s1
            ),
        )
        spans: list[Span] = []
        answers: list[str] = []
        listed: list[str] = []
        pos = s0
        for start, end, term in occs:
            if start < pos:
                continue  # overlapping matches: keep the first
            if start > pos:
                spans.append(Span(text[pos:start]))
            spans.append(Span("", blank=len(answers)))
            answers.append(text[start:end])
            listed.append(term)
            pos = end
        if not answers:
            continue
        if pos < s1:
            spans.append(Span(text[pos:s1]))
        items.append(
            Item(
                key=f"cloze|{refs[a].label}|{n}|{'+'.join(sorted({*listed}))}",
                prompt=tuple(spans),
                answers=tuple(answers),
                note=", ".join(dict.fromkeys(listed)),
                source=refs[a].label,
                listed=tuple(listed),
            )
        )
    return items


# -- matching -----------------------------------------------------------------------------------


#: A matching pair: (key, left side, hint, right side, article label).
_Pair = tuple[str, str, str, str, str]


def _matching(kind: str, pairs: list[_Pair]) -> tuple[list[Item], list[str]]:
    """Items (left side) and right sides: ``pairs`` are (key, left, hint, right, source)."""
    items = [
        Item(key=f"{kind}|{k}", prompt=(Span(left),), answers=(right,), hint=hint, source=src)
        for k, left, hint, right, src in pairs
    ]
    return items, [p[3] for p in pairs]


def _match_pairs(terms: list[_Term], refs: Sequence[ArticleRef]) -> list[_Pair]:
    out: list[_Pair] = []
    seen = set()
    for t in terms:
        if not t.glossary or not t.definition.strip():
            continue
        k = (t.term.lower(), t.definition.strip().lower())
        if k in seen:
            continue
        seen.add(k)
        label = refs[t.article].label
        out.append((f"{label}|{t.term}", t.term, t.pos, t.definition.strip(), label))
    return out


def _zh_pairs(terms: list[_Term], refs: Sequence[ArticleRef]) -> list[_Pair]:
    out: list[_Pair] = []
    seen_left, seen_right = set(), set()
    for t in terms:
        if not t.glossary or not t.zh or t.term.lower() in seen_left or t.zh in seen_right:
            continue
        seen_left.add(t.term.lower())
        seen_right.add(t.zh)
        label = refs[t.article].label
        out.append((f"{label}|{t.term}", t.term, t.pos, t.zh, label))
    return out


def _vocab_zh_pairs(docs: Sequence[Document], refs: Sequence[ArticleRef]) -> list[_Pair]:
    """Chinese suggested words ↔ their first English gloss (for articles without a glossary)."""
    out: list[_Pair] = []
    seen_left, seen_right = set(), set()
    for a, doc in enumerate(docs):
        if doc.glossary or doc.vocabulary is None:
            continue
        for v in doc.vocabulary.zh:
            gloss = v.translation[0].split(";")[0].strip() if v.translation else ""
            if not gloss or v.word in seen_left or gloss.lower() in seen_right:
                continue
            seen_left.add(v.word)
            seen_right.add(gloss.lower())
            label = refs[a].label
            out.append((f"{label}|{v.word}", v.word, "", gloss, label))
    return out


def _arrange_matching(
    items: list[Item], rights: list[str], rng: random.Random, right_lang: str
) -> tuple[tuple[Item, ...], tuple[Option, ...]]:
    """Shuffle the items and the options; each item's answer becomes its option's letter."""
    order = list(range(len(items)))
    rng.shuffle(order)
    perm = list(range(len(items)))
    # no item faces its own answer on its row (a giveaway): shuffle until none does (a random
    # permutation is such a derangement with odds of about 1/e, so a few tries are enough)
    for _ in range(200):
        rng.shuffle(perm)
        if len(perm) < 2 or all(p != o for p, o in zip(perm, order, strict=True)):
            break
    letters = [_letter(i) for i in range(len(items))]
    options = tuple(Option(letters[i], rights[perm[i]], right_lang) for i in range(len(perm)))
    where = {src: i for i, src in enumerate(perm)}
    out = tuple(replace(items[k], answers=(letters[where[k]],)) for k in order)
    return out, options


def _letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# -- readings -----------------------------------------------------------------------------------


_CLAUSE_END = "，。；：！？、,;:!?"


def _clause(text: str, s0: int, s1: int, a: int, b: int, min_len: int = 14) -> tuple[int, int]:
    """The clause of ``text[s0:s1]`` around ``a:b``, widened clause by clause to ``min_len``."""

    def back(lo: int) -> int:
        while lo > s0 and text[lo - 1] not in _CLAUSE_END:
            lo -= 1
        return lo

    def forward(hi: int) -> int:
        while hi < s1 and text[hi] not in _CLAUSE_END:
            hi += 1
        return hi + 1 if hi < s1 else hi  # keep the punctuation that ends the clause

    lo, hi = back(a), forward(b)
    while hi - lo < min_len and (lo > s0 or hi < s1):
        if lo > s0:
            lo = back(lo - 1)
        if hi - lo < min_len and hi < s1:
            hi = forward(hi)
    return lo, hi


def _reading_of(para: Paragraph, a: int, b: int, which: str) -> str | None:
    """The reading of ``para.text[a:b]`` from its tokens (``None`` if a Han char has none)."""
    out = []
    for pos in range(a, b):
        tok = next((t for t in para.tokens if t.start <= pos < t.end), None)
        if tok is None:
            return None
        vals = tok.pinyin if which == "pinyin" else tok.jyutping
        k = pos - tok.start
        v = vals[k] if k < len(vals) else None
        if not v:
            if is_han(para.text[pos]):
                return None
            continue
        out.append(v)
    return " ".join(out) if out else None


def _readings_items(
    docs: Sequence[Document],
    terms: list[_Term],
    refs: Sequence[ArticleRef],
    reading: str,
    seed: int,
) -> list[Item]:
    """Marked Chinese words: glossary counterparts, then suggested Chinese words, then the
    hardest words (by HSK level) of the article."""
    items: list[Item] = []
    order: list[tuple[int, int, int]] = []
    for a, doc in enumerate(docs):
        if not any(p.tokens for p in doc.zh):
            continue
        words: list[tuple[str, Occurrence]] = []
        seen: set[str] = set()
        for t in terms:
            if t.article == a and t.zh and t.zh_occ and t.zh not in seen:
                seen.add(t.zh)
                occ = _rng(seed, "readings", refs[a].label, t.zh).choice(t.zh_occ)
                words.append((t.term, occ))
        if doc.vocabulary is not None:
            for v in doc.vocabulary.zh:
                if v.word not in seen and v.occurrences:
                    seen.add(v.word)
                    occ = _rng(seed, "readings", refs[a].label, v.word).choice(v.occurrences)
                    words.append(("", occ))
        if doc.vocabulary is None:
            firsts = doc.first_sentence("zh")
            hard: list[tuple[int, int, tuple[str, Occurrence]]] = []
            for p, para in enumerate(doc.zh):
                for tok in para.tokens:
                    w = tok.text_in(para.text)
                    if tok.hsk and tok.hsk >= 5 and len(w) >= 2 and w not in seen:
                        seen.add(w)
                        occ = Occurrence(
                            p, _sentence_at(para, firsts[p], tok.start), tok.start, tok.end, w
                        )
                        hard.append((-(tok.hsk or 0), len(hard), ("", occ)))
            words += [w for *_, w in sorted(hard)]
        clauses: set[tuple[int, int]] = set()
        for term, occ in words:
            para = doc.zh[occ.paragraph]
            py = _reading_of(para, occ.start, occ.end, "pinyin")
            jp = _reading_of(para, occ.start, occ.end, "jyutping")
            if reading == "pinyin":
                answer = py
            elif reading == "jyutping":
                answer = jp
            else:
                answer = f"{py} / {jp}" if py and jp else None
            if not answer:
                continue
            bounds = _sentence_bounds(doc, "zh", occ.sentence)
            if bounds is None:
                continue
            _, s0, s1 = bounds
            lo, hi = _clause(para.text, s0, s1, occ.start, occ.end)
            if (occ.paragraph, lo) in clauses:
                continue  # one marked word per clause
            clauses.add((occ.paragraph, lo))
            prompt = (
                Span(para.text[lo : occ.start]),
                Span(para.text[occ.start : occ.end], mark=True),
                Span(para.text[occ.end : hi]),
            )
            order.append((a, occ.paragraph, occ.start))
            items.append(
                Item(
                    key=f"readings|{refs[a].label}|{occ.text}",
                    prompt=tuple(s for s in prompt if s.text),
                    answers=(answer,),
                    lang=_zh_lang(doc),
                    note=term,
                    source=refs[a].label,
                )
            )
    # in reading order, article by article
    return [it for _, it in sorted(zip(order, items, strict=True), key=lambda x: x[0])]


def _zh_lang(doc: Document) -> str:
    return "zh-Hans" if doc.script == "simplified" else "zh-Hant"


# -- translation --------------------------------------------------------------------------------


def _translate_items(
    docs: Sequence[Document], terms: list[_Term], refs: Sequence[ArticleRef], seed: int
) -> list[Item]:
    items: list[Item] = []
    order: list[tuple[int, int]] = []
    for t in terms:
        doc = docs[t.article]
        if not t.glossary or not t.en or doc.alignment is None:
            continue
        beads = []
        for o in t.en:
            for b in doc.alignment.sentences:
                if o.sentence in b.en and b.zh and len(b.en) <= 2 and len(b.zh) <= 2:
                    beads.append((o.sentence, b))
                    break
        if not beads:
            continue
        # a bead whose Chinese holds the counterpart is the clearest exercise
        zh_sents = {o.sentence for o in t.zh_occ}
        good = [x for x in beads if zh_sents & set(x[1].zh)] or beads
        _, bead = _rng(seed, "translate", refs[t.article].label, t.term).choice(good)
        zh_texts = doc.sentence_texts("zh")
        prompt: list[Span] = []
        for z in bead.zh:
            s = zh_texts[z]
            # mark the counterpart so the student sees which word the term translates
            k = s.find(t.zh) if t.zh else -1
            if k >= 0:
                prompt += [Span(s[:k]), Span(t.zh, mark=True), Span(s[k + len(t.zh) :])]
            else:
                prompt.append(Span(s))
        model: list[Span] = []
        for e in bead.en:
            bounds = _sentence_bounds(doc, "en", e)
            if bounds is None:
                continue
            p, s0, s1 = bounds
            text = doc.en[p].text
            if model:
                model.append(Span(" "))
            pos = s0
            for o in sorted((o for o in t.en if o.paragraph == p), key=lambda o: o.start):
                if s0 <= o.start and o.end <= s1 and o.start >= pos:
                    model += [Span(text[pos : o.start]), Span(text[o.start : o.end], mark=True)]
                    pos = o.end
            model.append(Span(text[pos:s1]))
        order.append((t.article, bead.zh[0]))
        items.append(
            Item(
                key=f"translate|{refs[t.article].label}|{t.term}",
                prompt=tuple(s for s in prompt if s.text),
                answers=("".join(s.text for s in model),),
                lang=_zh_lang(doc),
                hint=t.term,
                source=refs[t.article].label,
                model=tuple(s for s in model if s.text),
            )
        )
    return [it for _, it in sorted(zip(order, items, strict=True), key=lambda x: x[0])]


# -- worksheets ---------------------------------------------------------------------------------


_INSTRUCTIONS = {
    "cloze": "Fill in each blank with a word from the box. Write the word in the form the "
    "sentence needs (e.g. a past tense or a plural).",
    "cloze-nobank": "Fill in each blank with a suitable word from the article. Write the word "
    "in the form the sentence needs.",
    "match": "Write the letter of the matching meaning next to each word.",
    "zh": "Write the letter of the matching Chinese word next to each English word.",
    "zh-reverse": "Write the letter of the matching English meaning next to each Chinese word.",
    "readings": {
        "pinyin": "Write the pinyin (with tone marks) of each underlined word.",
        "jyutping": "Write the Jyutping (with tone numbers) of each underlined word.",
        "both": "Write the pinyin and the Jyutping of each underlined word.",
    },
    "translate": "Translate each sentence into English. Use the word given in brackets.",
}


def make_worksheets(
    docs: Document | Sequence[Document],
    *,
    kinds: Iterable[str] = KINDS,
    count: int | Mapping[str, int] = 10,
    seed: int = 0,
    versions: int = 1,
    word_bank: bool = True,
    vocabulary: bool = False,
    reading: ReadingKind = "pinyin",
    title: str | None = None,
) -> tuple[Worksheet, ...]:
    """Make worksheets (one per version) from one article or several.

    Args:
        docs: Annotated documents (:func:`duizhao.pipeline.annotate`); a plain read document
            still gives cloze and matching drills from its glossary.
        kinds: Which exercises, from :data:`KINDS` (the sheet keeps the order of :data:`KINDS`).
        count: At most this many items per exercise (chosen at random, with ``seed``), or a
            mapping ``{kind: count}`` (kinds it does not name get :data:`DEFAULT_COUNT`).
        seed: Seed of every random choice: the same seed gives the same sheets, byte for byte.
        versions: How many versions (A, B, …): the same items, in another order, with other
            letters.
        word_bank: Give the cloze a box of words to choose from.
        vocabulary: Also blank suggested English vocabulary in the cloze (always done for an
            article without a glossary).
        reading: What the readings exercise asks for: ``pinyin``, ``jyutping`` or ``both``.
        title: The sheet's heading (default: from the article's title, or the dates).

    Returns:
        One :class:`Worksheet` per version.

    Raises:
        DrillError: An unknown kind, a bad count, or nothing at all could be drilled.
    """
    docs = [docs] if isinstance(docs, Document) else list(docs)
    if not docs:
        raise DrillError("no articles given")
    kinds = tuple(kinds)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise DrillError(f"unknown drill kind {unknown[0]!r} (choose from {', '.join(KINDS)})")
    if not kinds:
        raise DrillError("no drill kinds chosen")
    counts = (
        {k: int(count) for k in KINDS}
        if isinstance(count, int)
        else {k: int(count.get(k, DEFAULT_COUNT)) for k in KINDS}
    )
    for k, c in counts.items():
        if c < 1:
            raise DrillError(f"count must be at least 1 (got {c} for {k})")
    if not 1 <= versions <= 26:
        raise DrillError(f"versions must be between 1 and 26 (got {versions})")
    if reading not in ("pinyin", "jyutping", "both"):
        raise DrillError(f"unknown reading {reading!r} (choose pinyin, jyutping or both)")

    refs = [_article_ref(d, i) for i, d in enumerate(docs)]
    # two articles of the same day need distinct labels
    labels = [r.label for r in refs]
    for i, r in enumerate(refs):
        if labels.count(r.label) > 1:
            refs[i] = replace(r, label=f"{r.label} ({labels[: i + 1].count(r.label)})")
    terms = _terms(docs, vocabulary)
    glossary_terms = {t.term.lower() for t in terms if t.glossary}
    no_glossary = [r.label for d, r in zip(docs, refs, strict=True) if not d.glossary]
    notes: list[str] = []
    if no_glossary:
        where = "the article" if len(docs) == 1 else ", ".join(no_glossary)
        notes.append(f"no glossary in {where}: the drills use the suggested vocabulary instead")

    # 1. choose the content once, from the seed only: every version asks the same questions
    chosen: dict[str, tuple[str, list[Item], list[str]]] = {}
    reverse_zh = False  # the zh matching goes from Chinese words to English meanings
    for kind in KINDS:
        if kind not in kinds:
            continue
        rights: list[str] = []
        right_lang = "en"
        if kind == "cloze":
            cands = _cloze_items(docs, terms, refs, seed)
            why = "no glossary term or suggested word occurs in the English text"
        elif kind == "match":
            cands, rights = _matching(kind, _match_pairs(terms, refs))
            why = (
                "no glossary entry has an English definition"
                if any(d.glossary for d in docs)
                else "there is no glossary"
            )
        elif kind == "zh":
            pairs = _zh_pairs(terms, refs)
            right_lang = _zh_lang(docs[0])
            if not pairs:  # no glossary: Chinese words ↔ their English meaning
                pairs = _vocab_zh_pairs(docs, refs)
                right_lang = "en"
                reverse_zh = True
            cands, rights = _matching(kind, pairs)
            if reverse_zh:
                cands = [replace(it, lang=_zh_lang(docs[0])) for it in cands]
            why = "no Chinese counterpart was found for any term"
        elif kind == "readings":
            cands = _readings_items(docs, terms, refs, reading, seed)
            why = "the Chinese text has no readings (it was not annotated)"
        else:
            cands = _translate_items(docs, terms, refs, seed)
            why = (
                "no glossary term sits in an aligned sentence pair"
                if any(d.glossary for d in docs)
                else "there is no glossary"
            )
        if len(cands) == 1 and kind in ("match", "zh"):
            cands, why = [], "a single pair is nothing to match"
        if not cands:
            notes.append(f"{KIND_TITLES[kind]}: skipped — {why}")
            continue
        glossary_first = [bool(it.note) if kind == "readings" else True for it in cands]
        if kind == "cloze":
            glossary_first = [any(w.lower() in glossary_terms for w in it.listed) for it in cands]
        picks = _pick(
            list(range(len(cands))), counts[kind], _rng(seed, "pick", kind), glossary_first
        )
        chosen[kind] = (
            right_lang,
            [cands[i] for i in picks],
            [rights[i] for i in picks] if rights else [],
        )
    if not chosen:
        raise DrillError(
            "nothing to drill: " + "; ".join(notes) if notes else "nothing to drill"
        )

    if title is None:
        title = _title(refs)
    sheets = []
    for v in range(versions):
        letter = _letter(v)
        sections = []
        for kind, (right_lang, items, rights) in chosen.items():
            rng = _rng(seed, "order", kind, v)
            options: tuple[Option, ...] = ()
            bank: tuple[str, ...] = ()
            if kind in ("match", "zh"):
                ordered, options = _arrange_matching(items, rights, rng, right_lang)
            else:
                ordered = tuple(items)
                if v > 0:
                    # version A keeps the article's order; the others are shuffled
                    ordered = tuple(rng.sample(items, len(items)))
            instructions = _INSTRUCTIONS[kind]
            heading = KIND_TITLES[kind]
            if kind == "zh" and reverse_zh:
                heading = "Match the Chinese words with their English meanings"
                instructions = _INSTRUCTIONS["zh-reverse"]
            if kind == "cloze":
                if word_bank:
                    bank = tuple(sorted({w for it in items for w in it.listed}, key=str.lower))
                else:
                    instructions = _INSTRUCTIONS["cloze-nobank"]
            if isinstance(instructions, dict):
                instructions = instructions[reading]
            sections.append(
                Section(
                    kind=kind,
                    title=heading,
                    instructions=str(instructions),
                    items=ordered,
                    options=options,
                    word_bank=bank,
                )
            )
        sheets.append(
            Worksheet(
                title=title,
                version=letter,
                versions=versions,
                seed=seed,
                sections=tuple(sections),
                articles=tuple(refs),
                notes=tuple(notes),
                reading=reading,
            )
        )
    return tuple(sheets)


def _title(refs: Sequence[ArticleRef]) -> str:
    if len(refs) == 1:
        return f"Vocabulary worksheet: {refs[0].title}"
    dates = sorted(r.date for r in refs if r.date)
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        return f"Vocabulary worksheet: {len(refs)} articles, {span}"
    return f"Vocabulary worksheet: {len(refs)} articles"


# -- HTML and PDF -------------------------------------------------------------------------------


def render_worksheet(
    sheet: Worksheet,
    *,
    templates: str | os.PathLike[str] | None = None,
    template: str = "worksheet.html.j2",
    links: Sequence[tuple[str, str]] = (),
) -> str:
    """Render a worksheet and its answer key as one self-contained HTML page (A4 when printed).

    Args:
        sheet: The worksheet.
        templates: A folder whose templates override the packaged ones.
        template: The page template's name.
        links: ``(label, href)`` pairs shown above the sheet on screen, never printed (the site
            links back to the study sheet and the index).
    """
    env: jinja2.Environment = environment(templates)
    return env.get_template(template).render(
        ws=sheet,
        multi=len(sheet.articles) > 1,
        links=list(links),
        generator=generator(),
    )


def _stem(docs: Sequence[Document]) -> str:
    if len(docs) == 1 and docs[0].meta.path:
        return Path(docs[0].meta.path).stem + ".drills"
    dates = sorted(d.meta.date for d in docs if d.meta.date)
    if dates:
        return f"drills-{dates[0]}" + (f"--{dates[-1]}" if dates[-1] != dates[0] else "")
    return "drills"


def write_worksheets(
    sheets: Sequence[Worksheet],
    outdir: str | os.PathLike[str],
    stem: str,
    *,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> list[Path]:
    """Write each worksheet as ``STEM.html`` (one version) or ``STEM-A.html``, ``STEM-B.html``, …

    Args:
        sheets: The worksheets (:func:`make_worksheets`).
        outdir: The folder (created).
        stem: File name without extension.
        pdf: Also write a PDF next to each page (needs the ``pdf`` extra and a CJK font).
        templates: A folder of templates that override the packaged ones.
        links: Screen-only ``(label, href)`` links above the sheet.

    Returns:
        The files written.
    """
    out = _folder(outdir)
    written = []
    for ws in sheets:
        name = stem if len(sheets) == 1 else f"{stem}-{ws.version}"
        html = render_worksheet(ws, templates=templates, links=links)
        path = write_text(out / f"{name}.html", html)
        written.append(path)
        if pdf:
            from .output.pdf import html_to_pdf

            written.append(html_to_pdf(html, out / f"{name}.pdf"))
    return written


def _folder(path: str | os.PathLike[str]) -> Path:
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DrillError(f"{out}: cannot create the folder ({e.strerror or e})") from e
    return out


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text (line ends as given), making the folder; OS errors become DrillError."""
    p = Path(path)
    _folder(p.parent)
    try:
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    except OSError as e:
        raise DrillError(f"{p}: cannot write the file ({e.strerror or e})") from e
    return p


# -- cards (Anki, Quizlet, CSV) -------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One glossary term as a flashcard (the fields of the Anki note)."""

    article: str
    """:func:`article_key` of its article."""
    term: str
    """The English term as listed."""
    pos: str = ""
    """Part of speech."""
    definition: str = ""
    """English definition."""
    chinese: str = ""
    """The Chinese counterpart."""
    pinyin: str = ""
    """Pinyin of the counterpart."""
    jyutping: str = ""
    """Jyutping of the counterpart."""
    example: str = ""
    """The first English sentence using the term, as HTML with the term in ``<b>``."""
    example_text: str = ""
    """The same sentence as plain text."""
    source: str = ""
    """Publisher or column, and title."""
    date: str = ""
    """Publication date."""
    tags: tuple[str, ...] = field(default=())
    """Tags (no spaces)."""


def _tag(s: str) -> str:
    return re.sub(r"\s+", "_", s.strip())


def cards(docs: Document | Sequence[Document], *, vocabulary: bool = False) -> tuple[Card, ...]:
    """The glossary of each article as cards (plus suggested English words if ``vocabulary``).

    Args:
        docs: Documents (annotated for Chinese readings and examples).
        vocabulary: Add the suggested English vocabulary (and, for articles without a glossary,
            it is always added).
    """
    import html as htmlmod

    docs = [docs] if isinstance(docs, Document) else list(docs)
    out: list[Card] = []
    terms = _terms(docs, vocabulary)
    for t in terms:
        doc = docs[t.article]
        example = example_text = ""
        if t.en:
            o = t.en[0]
            bounds = _sentence_bounds(doc, "en", o.sentence)
            if bounds is not None:
                p, s0, s1 = bounds
                text = doc.en[p].text
                occ = sorted((x for x in t.en if x.sentence == o.sentence), key=lambda x: x.start)
                parts, pos = [], s0
                for x in occ:
                    if x.start >= pos and x.end <= s1:
                        parts.append(htmlmod.escape(text[pos : x.start]))
                        parts.append(f"<b>{htmlmod.escape(text[x.start : x.end])}</b>")
                        pos = x.end
                parts.append(htmlmod.escape(text[pos:s1]))
                example, example_text = "".join(parts), text[s0:s1]
        py = jp = ""
        if t.zh_occ:
            o = t.zh_occ[0]
            para = doc.zh[o.paragraph]
            py = _reading_of(para, o.start, o.end, "pinyin") or ""
            jp = _reading_of(para, o.start, o.end, "jyutping") or ""
        m = doc.meta
        source = " ".join(x for x in (m.source, m.title_zh or m.title_en) if x)
        tags = ["duizhao", "glossary" if t.glossary else "vocabulary"]
        if m.date:
            tags.append(m.date)
        if m.source:
            tags.append(_tag(m.source))
        out.append(
            Card(
                article=article_key(doc),
                term=t.term,
                pos=t.pos,
                definition=t.definition,
                chinese=t.zh,
                pinyin=py,
                jyutping=jp,
                example=example,
                example_text=example_text,
                source=source,
                date=m.date or "",
                tags=tuple(tags),
            )
        )
    return tuple(out)


_ANKI_CSS = """\
.card { font-family: "Segoe UI", Arial, "Noto Sans CJK TC", sans-serif; font-size: 22px;
  text-align: center; color: #1d2430; background: #fff; }
.term { font-size: 34px; font-weight: 600; }
.pos { color: #667085; font-style: italic; font-size: 18px; }
.def { margin: .6em 0; }
.zh { font-size: 32px; font-family: "Noto Serif CJK TC", "PMingLiU", serif; }
.rd { color: #134e7a; font-size: 18px; }
.ex { font-size: 18px; text-align: left; margin-top: 1em; color: #333; }
.src { font-size: 13px; color: #667085; margin-top: 1em; }
"""

_ANKI_FRONT = '<div class="term">{{Term}}</div>{{#POS}}<div class="pos">{{POS}}</div>{{/POS}}'
_ANKI_INFO = (
    '<div class="def">{{Definition}}</div>'
    '{{#Chinese}}<div class="zh">{{Chinese}}</div>{{/Chinese}}'
    '<div class="rd">{{Pinyin}}{{#Jyutping}} · {{Jyutping}}{{/Jyutping}}</div>'
)
_ANKI_TAIL = (
    '{{#Example}}<div class="ex">{{Example}}</div>{{/Example}}'
    '<div class="src">{{Source}} {{Date}}</div>'
)


def _anki_model() -> Any:
    import genanki

    return genanki.Model(
        ANKI_MODEL_ID,
        "duizhao glossary term",
        fields=[{"name": f} for f in ANKI_FIELDS],
        templates=[
            {
                "name": "English → meaning",
                "qfmt": _ANKI_FRONT,
                "afmt": '{{FrontSide}}<hr id="answer">' + _ANKI_INFO + _ANKI_TAIL,
            },
            {
                "name": "Meaning → English",
                "qfmt": '{{#Definition}}<div class="def">{{Definition}}</div>{{/Definition}}'
                '{{#Chinese}}<div class="zh">{{Chinese}}</div>{{/Chinese}}',
                "afmt": '{{FrontSide}}<hr id="answer">' + _ANKI_FRONT + _ANKI_TAIL,
            },
        ],
        css=_ANKI_CSS,
        sort_field_index=0,
    )


def _stable_id(text: str) -> int:
    """A positive ID below 2**51 from a name (a deck keeps its ID from one export to the next)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16) % (1 << 50) + (1 << 30)


def _deck_name(docs: Sequence[Document]) -> str:
    if len(docs) == 1:
        m = docs[0].meta
        bits = [b for b in (m.date, m.title_en or m.title_zh) if b]
        return "duizhao::" + (" ".join(bits) if bits else _stem(docs))
    return "duizhao::" + _stem(docs)


def _timestamp(docs: Sequence[Document]) -> float:
    """Noon UTC of the newest article's date (a fixed time keeps the deck byte-identical)."""
    import datetime as dt

    dates = sorted(d.meta.date for d in docs if d.meta.date)
    if not dates:
        return 1_700_000_000.0
    try:
        day = dt.date.fromisoformat(dates[-1])
    except ValueError:
        return 1_700_000_000.0
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()


def write_apkg(
    docs: Document | Sequence[Document],
    path: str | os.PathLike[str],
    *,
    deck_name: str | None = None,
    vocabulary: bool = False,
    timestamp: float | None = None,
) -> Path:
    """Write an Anki deck (``.apkg``) with one note per glossary term, forward and reverse cards.

    Note GUIDs come from (article, term), so importing a new export of the same article updates
    its notes instead of adding copies; the note type has the fixed ID :data:`ANKI_MODEL_ID`.

    Args:
        docs: Documents (annotated: readings and examples come from the annotations).
        path: The ``.apkg`` file to write.
        deck_name: The deck (default ``duizhao::DATE TITLE``).
        vocabulary: Add suggested English vocabulary as notes too.
        timestamp: Modification time given to the notes (default: noon UTC of the newest article's
            date, so the file is byte-identical for the same input).

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        MissingExtraError: genanki is not installed (``pip install 'duizhao[anki]'``).
        DrillError: There is nothing to put in the deck.
    """
    try:
        import genanki
    except ImportError as e:
        raise MissingExtraError("genanki", "anki", "Anki export") from e
    import itertools
    import sqlite3
    import tempfile
    import zipfile

    docs = [docs] if isinstance(docs, Document) else list(docs)
    cs = cards(docs, vocabulary=vocabulary)
    if not cs:
        raise DrillError("nothing to put in the Anki deck: the articles have no glossary")
    name = deck_name or _deck_name(docs)
    deck = genanki.Deck(_stable_id("duizhao deck|" + name), name)
    model = _anki_model()
    for c in cs:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    _field(c.term),
                    _field(c.pos),
                    _field(c.definition),
                    _field(c.chinese),
                    _field(c.pinyin),
                    _field(c.jyutping),
                    c.example,  # already HTML
                    _field(c.source),
                    _field(c.date),
                ],
                guid=genanki.guid_for(c.article, c.term.lower()),
                tags=list(c.tags),
            )
        )
    ts = _timestamp(docs) if timestamp is None else timestamp
    out = Path(path)
    _folder(out.parent)
    # genanki's own writer stamps the zip with the current time; write it ourselves, fixed.
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            cursor = conn.cursor()
            # note and card IDs count up from the timestamp in ms, offset by the deck so that
            # two decks of the same day do not start from the same ID
            first_id = int(ts * 1000) + _stable_id(name) % 1_000_000
            genanki.Package(deck).write_to_db(cursor, ts, itertools.count(first_id))
            conn.commit()
        finally:
            conn.close()
        data = db.read_bytes()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for arcname, payload in (("collection.anki2", data), ("media", b"{}")):
                info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, payload)
    except OSError as e:
        raise DrillError(f"{out}: cannot write the file ({e.strerror or e})") from e
    return out


def _field(s: str) -> str:
    import html as htmlmod

    return htmlmod.escape(s, quote=False)


def _flat(s: str) -> str:
    """One line: tabs, line breaks and runs of spaces become one space."""
    return re.sub(r"\s+", " ", s).strip()


def quizlet_text(
    docs: Document | Sequence[Document], *, vocabulary: bool = False, chinese: bool = True
) -> str:
    """A Quizlet import list: ``term<TAB>definition`` per line (no tab or newline in a field).

    Args:
        docs: Documents.
        vocabulary: Add suggested English vocabulary.
        chinese: Put the Chinese counterpart after the definition (``… (集群)``).
    """
    lines = []
    for c in cards(docs, vocabulary=vocabulary):
        definition = c.definition
        if chinese and c.chinese:
            definition = f"{definition} ({c.chinese})" if definition else c.chinese
        term, definition = _flat(c.term), _flat(definition)
        if term and definition:
            lines.append(f"{term}\t{definition}")
    return "".join(line + "\n" for line in lines)


CSV_HEADER = ("term", "translation", "pronunciation", "tags")


def csv_text(
    docs: Document | Sequence[Document],
    *,
    lang: Literal["zh", "en"] = "zh",
    vocabulary: bool = True,
) -> str:
    """A CSV for reading tools (LingQ, Readlang, Migaku, …): term, translation, pronunciation, tags.

    Args:
        docs: Documents (annotated).
        lang: ``zh`` (for learners of Chinese): the Chinese words with their English meaning and
            ``pinyin / Jyutping``; ``en`` (for learners of English): the English terms with their
            Chinese counterpart and definition, no pronunciation.
        vocabulary: Add the suggested vocabulary of that language.

    Returns:
        CSV text with a header row, ``\\r\\n`` line ends (as the csv module writes them).
    """
    docs = [docs] if isinstance(docs, Document) else list(docs)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_HEADER)
    seen: set[str] = set()
    for c in cards(docs, vocabulary=False):
        tags = " ".join(c.tags)
        if lang == "zh":
            if not c.chinese or c.chinese in seen:
                continue
            seen.add(c.chinese)
            meaning = c.term + (f": {c.definition}" if c.definition else "")
            pron = " / ".join(x for x in (c.pinyin, c.jyutping) if x)
            w.writerow([_flat(c.chinese), _flat(meaning), pron, tags])
        else:
            if c.term.lower() in seen:
                continue
            seen.add(c.term.lower())
            meaning = "; ".join(x for x in (c.chinese, c.definition) if x)
            w.writerow([_flat(c.term), _flat(meaning), "", tags])
    if vocabulary:
        for doc in docs:
            if doc.vocabulary is None:
                continue
            m = doc.meta
            tags = " ".join(
                x for x in ("duizhao", "vocabulary", m.date, _tag(m.source or "")) if x
            )
            for v in doc.vocabulary.zh if lang == "zh" else doc.vocabulary.en:
                key = v.word if lang == "zh" else v.word.lower()
                if key in seen:
                    continue
                seen.add(key)
                pron = " / ".join(x for x in (v.pinyin, v.jyutping) if x) if lang == "zh" else ""
                w.writerow([_flat(v.word), _flat("; ".join(v.translation)), pron, tags])
    return buf.getvalue()


# -- the corpus site ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrillPages:
    """A :data:`duizhao.render.PageHook` that writes ``STEM.drills.html`` for each article.

    A plain picklable object, so ``build_site(..., jobs=N)`` can send it to worker processes.
    Articles with nothing to drill get no page (and no link).
    """

    kinds: tuple[str, ...] = KINDS
    """The exercises."""
    count: int = DEFAULT_COUNT
    """Most questions per exercise."""
    seed: int = 0
    """Seed of the random choices."""
    pdf: bool = False
    """Also write ``STEM.drills.pdf``."""
    templates: str | None = None
    """Template override folder."""

    def __call__(self, doc: Document, outdir: Path, stem: str) -> list[tuple[str, str]]:
        try:
            sheets = make_worksheets([doc], kinds=self.kinds, count=self.count, seed=self.seed)
        except DrillError:
            return []
        files = write_worksheets(
            sheets,
            outdir,
            f"{stem}.drills",
            pdf=self.pdf,
            templates=self.templates,
            links=[("Index", "index.html"), ("Study sheet", f"{stem}.html")],
        )
        links = [("Drills", files[0].name)]
        if self.pdf:
            links.append(("Drills PDF", files[1].name))
        return links


def site_hook(
    *,
    kinds: Iterable[str] = KINDS,
    count: int = DEFAULT_COUNT,
    seed: int = 0,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
) -> DrillPages:
    """The page hook ``duizhao build`` uses: a drill page per article (see :class:`DrillPages`)."""
    return DrillPages(
        kinds=parse_kinds(tuple(kinds)),
        count=count,
        seed=seed,
        pdf=pdf,
        templates=None if templates is None else str(templates),
    )


def write_drills(
    docs: Sequence[Document],
    outdir: str | os.PathLike[str],
    *,
    stem: str | None = None,
    pdf: bool = False,
    templates: str | os.PathLike[str] | None = None,
    **options: Any,
) -> tuple[tuple[Worksheet, ...], list[Path]]:
    """Make the worksheets of ``docs`` and write them into ``outdir`` (what ``duizhao drill`` does).

    Args:
        docs: Annotated documents.
        outdir: The folder.
        stem: File name stem (default ``ARTICLE.drills`` or ``drills-FIRSTDATE--LASTDATE``).
        pdf: Also write PDFs.
        templates: Template override folder.
        **options: Passed to :func:`make_worksheets`.
    """
    sheets = make_worksheets(docs, **options)
    files = write_worksheets(sheets, outdir, stem or _stem(docs), pdf=pdf, templates=templates)
    return sheets, files
