"""``readings``: write the pinyin (or Jyutping) of the marked Chinese words, each in its clause.

The words are the glossary counterparts first (not those marked uncertain), then the suggested
Chinese words (for a document without vocabulary suggestions, its words of HSK level 5 and above,
hardest first), at most one marked word per clause, and the worksheet sets one per sentence; the
answers are the readings of the annotation's tokens. A word with a pinyin reading to check
(``Token.pinyin_unsure``) is not asked for its pinyin: its key could be wrong.
"""

from __future__ import annotations

from ...model import Document, Occurrence
from ..model import Item, Span
from ..seeding import rng
from ..terms import reading_of, reading_unsure, sentence_bounds, zh_lang
from . import Draft, ExerciseKind, Request

__all__ = ["EXERCISE"]

_INSTRUCTIONS = {
    "pinyin": "Write the pinyin (with tone marks) of each underlined word.",
    "jyutping": "Write the Jyutping (with tone numbers) of each underlined word.",
    "both": "Write the pinyin and the Jyutping of each underlined word.",
}

# Where a clause ends. The enumeration comma 、 is not one: it separates the items of a list
# inside a clause, and an excerpt cut there ("加入一個工時長、") reads as a sentence broken off.
_CLAUSE_END = "，。；：！？,;:!?"
_CLOSERS = "」』”’）)》〉】"
_CUT = "……"
"""What ends an excerpt cut inside its sentence: a clause's comma (``游泳班，``) reads as a sentence
broken off, so it gives way to the Chinese ellipsis."""


def _clause(text: str, s0: int, s1: int, a: int, b: int, min_len: int = 14) -> tuple[int, int]:
    """The clause of ``text[s0:s1]`` around ``a:b``, widened clause by clause to ``min_len``.

    Examples:
        >>> text = "知識產權，貿易待拓展。"  # "intellectual property, trade awaits expansion."
        >>> _clause(text, 0, len(text), 5, 7, min_len=3)
        (5, 11)
        >>> text = "年輕人不願加入一個工時長、收入不穩定的行業。"  # "…long hours, unstable income."
        >>> text[slice(*_clause(text, 0, len(text), 3, 5))]
        '年輕人不願加入一個工時長、收入不穩定的行業。'
        >>> text = "祖母對我說：「書是一扇永遠不會關上的窗。」"  # a quotation keeps its 」
        >>> text[slice(*_clause(text, 0, len(text), 13, 15))]
        '「書是一扇永遠不會關上的窗。」'
        >>> text = "去年錄得約1,350萬人次到訪，比疫情前增加3.5%。"  # not cut at 1,350
        >>> text[slice(*_clause(text, 0, len(text), 11, 13))]
        '去年錄得約1,350萬人次到訪，'
    """

    def ends(i: int) -> bool:  # the comma of 1,350 and the colon of 10:30 end no clause
        if text[i] not in _CLAUSE_END:
            return False
        return not (
            text[i] in ",:"
            and 0 < i < len(text) - 1
            and text[i - 1].isdigit()
            and text[i + 1].isdigit()
        )

    def back(lo: int) -> int:
        while lo > s0 and not ends(lo - 1):
            lo -= 1
        return lo

    def forward(hi: int) -> int:
        while hi < s1 and not ends(hi):
            hi += 1
        return hi + 1 if hi < s1 else hi  # keep the punctuation that ends the clause

    lo, hi = back(a), forward(b)
    while hi - lo < min_len and (lo > s0 or hi < s1):
        if lo > s0:
            lo = back(lo - 1)
        if hi - lo < min_len and hi < s1:
            hi = forward(hi)
    while hi < s1 and text[hi] in _CLOSERS:  # 。」: the quotation's closing mark, not left behind
        hi += 1
    return lo, hi


def _words(req: Request, a: int, doc: Document) -> list[tuple[str, Occurrence]]:
    """The words to mark in one article: ``(glossary term or "", occurrence)``, in priority."""
    label = req.refs[a].label
    words: list[tuple[str, Occurrence]] = []
    seen: set[str] = set()
    for t in req.terms:
        if t.article == a and t.sure_zh and t.zh_occ and t.zh not in seen:
            seen.add(t.zh)
            occ = rng(req.seed, "readings", label, t.zh).choice(t.zh_occ)
            words.append((t.term, occ))
    if doc.vocabulary is not None:
        for v in doc.vocabulary.zh:
            if v.word not in seen and v.occurrences:
                seen.add(v.word)
                occ = rng(req.seed, "readings", label, v.word).choice(v.occurrences)
                words.append(("", occ))
    if doc.vocabulary is None:
        firsts = doc.first_sentence("zh")
        hard: list[tuple[int, int, tuple[str, Occurrence]]] = []
        for p, para in enumerate(doc.zh):
            for tok in para.tokens:
                w = tok.text_in(para.text)
                if tok.hsk and tok.hsk >= 5 and len(w) >= 2 and w not in seen:
                    seen.add(w)
                    sentence = firsts[p] + para.sentence_at(tok.start)
                    occ = Occurrence(p, sentence, tok.start, tok.end, w)
                    hard.append((-(tok.hsk or 0), len(hard), ("", occ)))
        words += [w for *_, w in sorted(hard)]
    return words


def _build(req: Request) -> Draft:
    """Marked Chinese words: glossary counterparts, then suggested Chinese words, then the
    hardest words (by HSK level) of the article."""
    items: list[Item] = []
    order: list[tuple[int, int, int]] = []
    for a, doc in enumerate(req.docs):
        if not any(p.tokens for p in doc.zh):
            continue
        clauses: set[tuple[int, int]] = set()
        for term, occ in _words(req, a, doc):
            para = doc.zh[occ.paragraph]
            if req.reading != "jyutping" and reading_unsure(para, occ.start, occ.end):
                continue  # a reading to check is no answer key
            py = reading_of(para, occ.start, occ.end, "pinyin")
            jp = reading_of(para, occ.start, occ.end, "jyutping")
            if req.reading == "pinyin":
                answer = py
            elif req.reading == "jyutping":
                answer = jp
            else:
                answer = f"{py} / {jp}" if py and jp else None
            if not answer:
                continue
            bounds = sentence_bounds(doc, "zh", occ.sentence)
            if bounds is None:
                continue
            _, s0, s1 = bounds
            lo, hi = _clause(para.text, s0, s1, occ.start, occ.end)
            if (occ.paragraph, lo) in clauses:
                continue  # one marked word per clause (and the worksheet: one per sentence)
            clauses.add((occ.paragraph, lo))
            after = para.text[occ.end : hi]
            if hi > occ.end and para.text[hi - 1] in "，；：,;:":
                after = after[:-1] + _CUT  # 報名…暑期游泳班…… rather than 游泳班，
            prompt = (
                Span(para.text[lo : occ.start]),
                Span(para.text[occ.start : occ.end], mark=True),
                Span(after),
            )
            order.append((a, occ.paragraph, occ.start))
            items.append(
                Item(
                    key=f"readings|{req.refs[a].label}|{occ.text}",
                    prompt=tuple(s for s in prompt if s.text),
                    answers=(answer,),
                    lang=zh_lang(doc),
                    note=term,
                    source=req.refs[a].label,
                    uses=(f"{req.refs[a].label}|zh|{occ.sentence}",),
                )
            )
    # in reading order, article by article
    items = [it for _, it in sorted(zip(order, items, strict=True), key=lambda x: x[0])]
    return Draft(
        tuple(items),
        why="the Chinese text has no readings (it was not annotated)",
        preferred=tuple(bool(it.note) for it in items),  # glossary counterparts first
        instructions=_INSTRUCTIONS[req.reading],
    )


EXERCISE = ExerciseKind(
    name="readings",
    title="Write the readings",
    instructions=_INSTRUCTIONS["pinyin"],
    order=40,
    layout="readings",
    build=_build,
)
