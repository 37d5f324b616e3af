"""One paragraph cut for the templates: sentences, then glossary marks, then words, then characters.

A paragraph's text is cut at every boundary of a sentence, a glossary mark and (Chinese only) a
word; the pieces nest ``sentence`` → ``mark`` → ``glue`` → ``word`` (or plain ``text``), and a
word carries its characters with their readings. Where spans overlap, the earliest, then the
longest, wins, so the text is always shown whole and exactly once.

Examples:
    >>> from duizhao.model import Paragraph, Sentence, Token
    >>> para = Paragraph(
    ...     lang="zh",
    ...     text="銀行開門。",  # "The bank opens."
    ...     sentences=(Sentence(0, 5),),
    ...     tokens=(
    ...         Token(0, 2, pinyin=("yín", "háng"), gloss="bank"),
    ...         Token(2, 4, pinyin=("kāi", "mén"), gloss="open"),
    ...         Token(4, 5),
    ...     ),
    ... )
    >>> view = paragraph_view(
    ...     para, lang="zh", index=0, first_sentence=0, sentence_bead={0: 0},
    ...     marks=[(0, 2, 1)], reading="pinyin", text=para.text, html_lang="zh-Hant",
    ... )  # glossary term 1 is 銀行 "bank"
    >>> [node["kind"] for node in walk(view["pieces"])]  # the full stop is glued to 開門
    ['sentence', 'mark', 'word', 'glue', 'word', 'text']
    >>> word = next(node for node in walk(view["pieces"]) if node["kind"] == "word")
    >>> word["gloss"], [(c["ch"], c["py"]) for c in word["chars"]]
    ('bank', [('銀', 'yín'), ('行', 'háng')])
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise
from typing import Any

from ..model import Lang, Paragraph
from ..output.readings import shows_jyutping, shows_pinyin

__all__ = ["TERM_COLOURS", "char_reading", "paragraph_view", "walk"]

#: Number of distinct highlight colours; term n uses colour ``(n - 1) % TERM_COLOURS``.
TERM_COLOURS = 8


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    sentence: int | None  # document-wide sentence number
    mark: int | None  # term number (1-based)
    token: int | None  # index into the paragraph's tokens


def _intervals_cut(n: int, spans: Iterable[tuple[int, int]]) -> set[int]:
    cuts = {0, n}
    for a, b in spans:
        cuts.add(max(0, min(n, a)))
        cuts.add(max(0, min(n, b)))
    return cuts


_BIG = 1 << 62


def _non_overlapping(spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Keep the earliest, then longest, of overlapping ``(start, end, key)`` spans."""
    out: list[tuple[int, int, int]] = []
    last_end = -1
    for a, b, k in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2])):
        if a >= b or a < last_end:
            continue
        out.append((a, b, k))
        last_end = b
    return out


def _lookup(spans: Sequence[tuple[int, int, int]], pos: int) -> int | None:
    """The key of the span containing ``pos`` (spans sorted and disjoint), or ``None``."""
    i = bisect_right(spans, (pos, _BIG, _BIG)) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i][2]
    return None


def char_reading(values: Sequence[str | None], i: int) -> str | None:
    if 0 <= i < len(values):
        v = values[i]
        return v if v else None
    return None


#: Punctuation that must not start a line (it sticks to the word before it) …
_CLOSING = frozenset("，。、；：！？」』）》〉】〕”’,.;:!?)]…—％%-‐–－・·～")
#: … and punctuation that must not end one (it sticks to the word after it).
_OPENING = frozenset("「『（《〈【〔“‘([")


def _glue(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep Chinese punctuation on the line of the word it belongs to (``kind: "glue"`` groups)."""
    out: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    for item in items:
        t = item["text"]
        if item["kind"] == "text" and t and all(c in _CLOSING for c in t) and out and not pending:
            last = out[-1]
            if last["kind"] != "glue":
                last = out[-1] = {"kind": "glue", "children": [last]}
            last["children"].append(item)
        elif item["kind"] == "text" and t and all(c in _OPENING for c in t):
            pending.append(item)
        elif pending:
            out.append({"kind": "glue", "children": [*pending, item]})
            pending = []
        else:
            out.append(item)
    out.extend(pending)
    return out


def paragraph_view(
    para: Paragraph,
    *,
    lang: Lang,
    index: int,
    first_sentence: int,
    sentence_bead: dict[int, int],
    low_beads: frozenset[int] = frozenset(),
    marks: list[tuple[int, int, int]],
    reading: str,
    text: str,
    html_lang: str,
    checks: frozenset[int] = frozenset(),
    wants_reading: Callable[[str, int | None], bool] | None = None,
) -> dict[str, Any]:
    """Cut one paragraph into sentences → marks → words → characters for the templates.

    ``checks`` are the term numbers whose Chinese counterpart is uncertain (their marks carry
    ``check``); ``wants_reading(word, hsk)`` says which words get readings (default: all).
    """
    n = len(text)
    sents = _non_overlapping(
        (s.start, s.end, first_sentence + i) for i, s in enumerate(para.sentences)
    )
    marks = _non_overlapping(marks)
    use_tokens = lang == "zh" and bool(para.tokens)
    toks = (
        _non_overlapping((t.start, t.end, i) for i, t in enumerate(para.tokens))
        if use_tokens
        else []
    )
    cuts = sorted(
        _intervals_cut(n, [(a, b) for a, b, _ in sents])
        | _intervals_cut(n, [(a, b) for a, b, _ in marks])
        | _intervals_cut(n, [(a, b) for a, b, _ in toks])
    )
    atoms = [
        _Atom(a, b, _lookup(sents, a), _lookup(marks, a), _lookup(toks, a))
        for a, b in pairwise(cuts)
        if a < b
    ]
    want_py = shows_pinyin(reading)
    want_jp = shows_jyutping(reading)
    with_readings = False  # a word of the paragraph shows readings (no second walk over it)
    with_unsure = False  # a reading shown is marked "check" (Token.pinyin_unsure)

    def word(group: list[_Atom]) -> dict[str, Any]:
        nonlocal with_readings, with_unsure
        a, b = group[0].start, group[-1].end
        k = group[0].token
        if k is None:
            return {"kind": "text", "text": text[a:b]}
        tok = para.tokens[k]
        chars = []
        any_reading = False
        this = want_py or want_jp
        if this and wants_reading is not None:
            this = wants_reading(text[tok.start : tok.end], tok.hsk)
        for pos in range(a, b):
            py = char_reading(tok.pinyin, pos - tok.start) if want_py and this else None
            jp = char_reading(tok.jyutping, pos - tok.start) if want_jp and this else None
            any_reading = any_reading or bool(py or jp)
            k = pos - tok.start
            unsure = bool(py) and k < len(tok.pinyin_unsure) and tok.pinyin_unsure[k]
            with_unsure = with_unsure or unsure
            chars.append({"ch": text[pos], "py": py, "jp": jp, "unsure": unsure})
        full_py = " ".join(p for p in tok.pinyin if p) if tok.pinyin else ""
        full_jp = " ".join(p for p in tok.jyutping if p) if tok.jyutping else ""
        if not any_reading and not tok.gloss:
            return {"kind": "text", "text": text[a:b]}
        with_readings = with_readings or any_reading
        return {
            "kind": "word",
            "text": text[a:b],
            "chars": chars if any_reading else [],
            "gloss": tok.gloss,
            "hsk": tok.hsk,
            "pinyin": full_py,
            "jyutping": full_jp,
            "word": text[tok.start : tok.end],
        }

    def words(group: list[_Atom]) -> list[dict[str, Any]]:
        out = []
        for k, it in groupby(group, key=lambda x: x.token):
            g = list(it)
            if k is None:
                out.append({"kind": "text", "text": text[g[0].start : g[-1].end]})
            else:
                out.append(word(g))
        return _glue(out) if use_tokens else out

    def parts(group: list[_Atom]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for m, it in groupby(group, key=lambda x: x.mark):
            g = list(it)
            if m is None:
                out.extend(words(g))
            else:
                out.append(
                    {
                        "kind": "mark",
                        "term": m,
                        "colour": (m - 1) % TERM_COLOURS,
                        "check": m in checks,
                        "children": words(g),
                    }
                )
        return out

    pieces: list[dict[str, Any]] = []
    for s, it in groupby(atoms, key=lambda x: x.sentence):
        g = list(it)
        if s is None:
            pieces.append({"kind": "gap", "children": parts(g)})
        else:
            pieces.append(
                {
                    "kind": "sentence",
                    "number": s,
                    "bead": sentence_bead.get(s),
                    "low_confidence": sentence_bead.get(s) in low_beads,
                    "children": parts(g),
                }
            )
    return {
        "lang": lang,
        "html_lang": html_lang,
        "has_readings": with_readings,
        "has_unsure": with_unsure,
        "has_sentences": any(x["kind"] == "sentence" for x in pieces),
        "index": index,
        "line": para.line,
        "pieces": pieces,
        "text": text,
    }


def walk(pieces: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every node of a paragraph view, depth first (for tests and custom templates)."""
    for p in pieces:
        yield p
        yield from walk(p.get("children", ()))
