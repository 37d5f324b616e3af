"""What the review page shows besides the sheet: the items to check, and the data its clicks need.

:func:`review_data` turns a complete document into plain data: each glossary term with its
counterpart, the candidates to choose from and whether it needs checking; the paragraph pairs;
the vocabulary; the corrections in force; and :func:`to_check`, every uncertain item, each with
the reason it is listed:

* a counterpart the finder is unsure of (``TermLink.uncertain``, or a found counterpart with
  confidence below :data:`UNSURE`), a term not found in the English, or with no Chinese found;
* a paragraph pair the aligner is unsure of, a paragraph left without a counterpart;
* a vocabulary word with no Chinese counterpart, or an uncertain one;
* a Chinese word whose pinyin holds a reading to check (``Token.pinyin_unsure``), once a word;
* every warning (the corrections file's stale entries among them).

Examples:
    >>> from duizhao.model import Document, GlossaryEntry, Paragraph, TermLink
    >>> doc = Document(
    ...     en=(Paragraph("en", "A cluster."),), zh=(Paragraph("zh", "一個集群。"),),
    ...     glossary=(GlossaryEntry("cluster", "a group"),), links=(TermLink(entry=0),))
    >>> [item["what"] for item in to_check(doc)]  # not found in either language (集群 "cluster")
    ['cluster: not found in the English text', 'cluster: no Chinese counterpart found']
"""

from __future__ import annotations

import re
from typing import Any, Literal

from ..model import Document

__all__ = ["UNSURE", "review_data", "to_check"]

#: A found counterpart below this confidence is listed to check, whatever the finder's threshold.
UNSURE = 0.5


def _pairs(doc: Document) -> list[dict[str, Any]]:
    if doc.alignment is None:
        return []
    return [
        {
            "en": list(b.en),
            "zh": list(b.zh),
            "score": b.score,
            "low": b.low_confidence and bool(b.en and b.zh),
            "pinned": b.pinned,
        }
        for b in doc.alignment.paragraphs
    ]


def _sentences(doc: Document, lang: Literal["en", "zh"], n: int) -> list[list[Any]]:
    """Each sentence of one language, numbered across the article: ``[paragraph, excerpt]``."""
    paras = doc.en if lang == "en" else doc.zh
    owner = [p for p, para in enumerate(paras) for _ in para.sentences]
    return [[p, _excerpt(t, n)] for p, t in zip(owner, doc.sentence_texts(lang), strict=True)]


#: Markup a teacher's Markdown or pasted HTML leaves in a paragraph: tags, ``**``/``__`` and
#: ``*…*``/``_…_`` emphasis (kept in the text, whose offsets the tokens use; not in a label).
_MARKUP = re.compile(r"<[^>]{1,200}>|\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def _excerpt(text: str, n: int = 40) -> str:
    """A label of a paragraph or sentence for the review page's lists: one line, without
    markup, at most ``n`` characters."""
    text = " ".join(_MARKUP.sub("", text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def to_check(doc: Document) -> list[dict[str, Any]]:
    """Every uncertain item of the document, in page order: ``{"kind", "what", "target"}``.

    ``target`` says what the page should point at: ``term:N`` (glossary number from 1),
    ``en:P`` / ``zh:P`` (a paragraph), ``vocab:WORD``, or ``""``.
    """
    out: list[dict[str, Any]] = []
    links = {link.entry: link for link in doc.links}
    for i, entry in enumerate(doc.glossary):
        link = links.get(i)
        if link is None:
            continue
        target = f"term:{i + 1}"
        given = bool(link.counterparts) and link.counterparts[0].source in ("given", "teacher")
        if not link.en:
            out.append({"kind": "term", "what": f"{entry.term}: not found in the English text",
                        "target": target})
        if entry.no_counterpart:
            continue
        if not link.zh:
            what = (  # a given equivalent the text does not use: say so, not "none found"
                f"{entry.term} → {entry.zh[0]}: not in the Chinese text"
                if entry.zh
                else f"{entry.term}: no Chinese counterpart found"
            )
            out.append({"kind": "term", "what": what, "target": target})
        elif not given and (link.uncertain or link.confidence < UNSURE):
            zh = link.counterparts[0].text if link.counterparts else "?"
            out.append(
                {
                    "kind": "term",
                    "what": f"{entry.term} → {zh}: uncertain counterpart "
                    f"(confidence {link.confidence:.2f})",
                    "target": target,
                }
            )
    for b in _pairs(doc):
        if b["low"]:
            out.append(
                {
                    "kind": "pair",
                    "what": f"English ¶{b['en'][0] + 1} ↔ Chinese ¶{b['zh'][0] + 1}: uncertain "
                    f"pair (score {b['score']:.2f})",
                    "target": f"en:{b['en'][0]}",
                }
            )
        elif b["en"] and not b["zh"]:
            out.append({"kind": "pair",
                        "what": f"English ¶{b['en'][0] + 1}: no Chinese counterpart",
                        "target": f"en:{b['en'][0]}"})
        elif b["zh"] and not b["en"]:
            out.append({"kind": "pair",
                        "what": f"Chinese ¶{b['zh'][0] + 1}: no English counterpart",
                        "target": f"zh:{b['zh'][0]}"})
    seen: set[tuple[str, tuple[str | None, ...]]] = set()
    for p, para in enumerate(doc.zh):  # readings to check, once a word and reading
        for t in para.tokens:
            if not any(t.pinyin_unsure):
                continue
            word = t.text_in(para.text)
            if (word, t.pinyin) in seen:
                continue
            seen.add((word, t.pinyin))
            shown = " ".join(
                r + ("?" if u else "") for r, u in zip(t.pinyin, t.pinyin_unsure, strict=False) if r
            )
            out.append({"kind": "reading",
                        "what": f"{word} {shown}: reading to check (click the word to give it)",
                        "target": f"zh:{p}"})  # fmt: skip
    if doc.vocabulary is not None:
        for v in doc.vocabulary.en:
            if not v.translation:
                out.append({"kind": "vocab", "what": f"{v.word}: no Chinese counterpart",
                            "target": f"vocab:{v.word}"})
            elif v.uncertain:
                out.append({"kind": "vocab",
                            "what": f"{v.word} → {v.translation[0]}: uncertain counterpart",
                            "target": f"vocab:{v.word}"})
    for w in doc.warnings:
        out.append({"kind": "warning", "what": w, "target": ""})
    return out


def review_data(doc: Document, name: str) -> dict[str, Any]:
    """What the page's script needs: terms and their candidates, pairs, paragraphs, corrections."""
    links = {link.entry: link for link in doc.links}
    c = doc.corrections
    chosen = {x.term.lower(): x.zh for x in c.counterparts} if c else {}
    terms = []
    for i, entry in enumerate(doc.glossary):
        link = links.get(i)
        candidates: list[str] = []
        for cp in link.counterparts if link else ():
            if cp.text not in candidates:
                candidates.append(cp.text)
        for z in entry.zh:
            if z not in candidates:
                candidates.append(z)
        terms.append(
            {
                "number": i + 1,
                "term": entry.term,
                "zh": link.counterparts[0].text if link and link.counterparts else "",
                "candidates": candidates,
                "confidence": link.confidence if link else None,
                "no_counterpart": entry.no_counterpart,
                "chosen": entry.term.lower() in chosen,
            }
        )
    return {
        "article": name,
        "terms": terms,
        "pairs": _pairs(doc),
        "en": [_excerpt(p.text) for p in doc.en],
        "zh": [_excerpt(p.text, 24) for p in doc.zh],
        "pins": [list(p) for p in c.pins] if c else [],
        # sentences (numbered across the article): [paragraph, excerpt]; their pairs and pins
        "en_sentences": _sentences(doc, "en", 60),
        "zh_sentences": _sentences(doc, "zh", 30),
        "sentence_pairs": [[list(b.en), list(b.zh)] for b in doc.alignment.sentences]
        if doc.alignment is not None else [],
        "sentence_pins": [list(p) for p in c.sentence_pins] if c else [],
        "unpins": [list(p) for p in c.unpins] if c else [],
        "hidden": list(c.vocabulary_hidden) if c else [],
        "readings": {r.word: [" ".join(r.pinyin or ()), " ".join(r.jyutping or ())]
                     for r in c.readings} if c else {},
        "glosses": {g.word: g.gloss for g in c.glosses} if c else {},
        "words": {w.text: " ".join(w.parts) for w in c.words} if c else {},
        "corrections_file": c.path if c else None,
    }
