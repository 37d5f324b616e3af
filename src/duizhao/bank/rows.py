"""Documents to rows: what one annotated article becomes in the bank, as plain values.

Pure functions, no database and no global state, so an archive too large for one machine can run
:func:`document_rows` as a Dask or Spark map and bulk-load the rows into another database (see
``docs/bank.md``). Rows refer to each other by natural keys (the article's :func:`article_key`, a
term's ``(lang, word)``), never by ids a database hands out.

Examples:
    >>> normalise_term("  Innovation  Cluster ")  # English: lower case, single spaces
    'innovation cluster'
    >>> normalise_term("創新集群")  # "innovation cluster": Chinese is kept as written
    '創新集群'
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from ..model import Counterpart, Document, Meta, TermLink
from ..text.script import term_lang

__all__ = [
    "ROW_TABLES",
    "Kind",
    "article_key",
    "content_hash",
    "document_rows",
    "iter_rows",
    "normalise_term",
]

#: The two kinds of term an article has: its glossary, and the suggested vocabulary.
Kind = Literal["glossary", "vocab"]

#: Tables :func:`document_rows` returns, in the order they are written.
ROW_TABLES = ("article", "sentence", "term", "article_term", "counterpart", "occurrence")


def normalise_term(word: str, lang: str | None = None) -> str:
    """The key a term is stored under: English lower-cased with single spaces; Chinese as is.

    Examples:
        >>> normalise_term("  Memorandum of  Understanding ")
        'memorandum of understanding'
    """
    lang = lang or term_lang(word)
    word = " ".join(word.split())
    return word.lower() if lang == "en" else word


def content_hash(doc: Document) -> str:
    """SHA-256 of what the article *says*: source, date, titles, paragraphs and glossary.

    The file's path, its encoding and the annotations are left out, so the same article read from
    another folder, or annotated again, hashes the same.
    """
    m = doc.meta
    payload = {
        "meta": [m.source, m.date, m.title_zh, m.title_en],
        "en": [p.text for p in doc.en],
        "zh": [p.text for p in doc.zh],
        "glossary": [[e.term, e.definition, e.pos, list(e.zh)] for e in doc.glossary],
    }
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _abspath(path: str | None) -> str | None:
    return os.path.abspath(path) if path else None


def article_key(meta: Meta, chash: str) -> str:
    """The identity of an article (see the module docstring).

    Args:
        meta: The article's metadata.
        chash: Its :func:`content_hash` (used when nothing else identifies it).
    """
    if meta.source and meta.date:
        return f"meta:{meta.source}|{meta.date}|{meta.title_zh or meta.title_en or ''}"
    if meta.path:
        return f"path:{_abspath(meta.path)}"
    return f"hash:{chash}"


def _bead_index(doc: Document) -> dict[tuple[str, int], int]:
    out: dict[tuple[str, int], int] = {}
    if doc.alignment is None:
        return out
    for i, bead in enumerate(doc.alignment.sentences):
        for n in bead.en:
            out[("en", n)] = i
        for n in bead.zh:
            out[("zh", n)] = i
    return out


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """Turn one annotated document into plain rows, one list per table.

    A pure function of the document (no database, no global state), so an archive too large for
    one machine can run it as a Dask or Spark map and bulk-load the rows into another database.
    Rows refer to each other by natural keys, never by database ids: the article by ``article``
    (its :func:`article_key`), a term by ``(lang, word)``, a sentence by ``(article, lang, n)``.

    Args:
        doc: A document; the richer the better (alignment, links and vocabulary are used when
            present, and simply missing from the rows when not).

    Returns:
        ``{"article": [1 row], "sentence": [...], "term": [...], "article_term": [...],
        "counterpart": [...], "occurrence": [...]}`` (see ``docs/bank.md`` for every column).
    """
    chash = content_hash(doc)
    key = article_key(doc.meta, chash)
    m = doc.meta
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in ROW_TABLES}
    rows["article"].append(
        {
            "key": key,
            "content_hash": chash,
            "source": m.source,
            "date": m.date,
            "title_zh": m.title_zh,
            "title_en": m.title_en,
            "path": _abspath(m.path),
        }
    )
    beads = _bead_index(doc)
    starts: dict[tuple[str, int], int] = {}
    for lang in ("en", "zh"):
        paras = doc.paragraphs(lang)
        for n, p, s in doc.sentences(lang):
            starts[(lang, n)] = s.start
            rows["sentence"].append(
                {
                    "article": key,
                    "lang": lang,
                    "n": n,
                    "paragraph": p,
                    "start": s.start,
                    "bead": beads.get((lang, n)),
                    "text": paras[p].text[s.start : s.end],
                }
            )
    terms: dict[tuple[str, str], None] = {}
    seen: set[tuple[str, str, str]] = set()

    def occurrences(lang: str, word: str, kind: str, olang: str, occs: Iterable[Any]) -> None:
        for o in occs:
            rows["occurrence"].append(
                {
                    "article": key,
                    "lang": lang,
                    "word": word,
                    "kind": kind,
                    "occ_lang": olang,
                    "sentence": o.sentence,
                    "paragraph": o.paragraph,
                    "start": o.start,
                    "end": o.end,
                    "text": o.text,
                }
            )

    links = {link.entry: link for link in doc.links}
    for i, entry in enumerate(doc.glossary):
        lang = term_lang(entry.term)
        word = normalise_term(entry.term, lang)
        if not word or (lang, word, "glossary") in seen:
            continue
        seen.add((lang, word, "glossary"))
        terms[(lang, word)] = None
        link = links.get(i)
        counterparts = list(link.counterparts) if link else []
        if not counterparts:
            counterparts = [Counterpart(text=z, score=1.0, source="given") for z in entry.zh]
        unsure = bool(link is not None and link.counterparts and link.uncertain)
        rows["article_term"].append(
            {
                "article": key,
                "lang": lang,
                "word": word,
                "kind": "glossary",
                "date": m.date,
                "display": entry.term,
                "definition": entry.definition or None,
                "pos": entry.pos,
                # an uncertain counterpart is never stored as the answer (see schema version 3)
                "zh": counterparts[0].text if counterparts and not unsure else None,
                "uncertain": int(unsure),
                "confidence": link.confidence if link else None,
                "count": len(link.en) if link else 0,
                "level": None,
                "translation": json.dumps([c.text for c in counterparts], ensure_ascii=False),
                # the readings of the stored counterpart, for a learner of Chinese (bank due
                # --for chinese asks from the Chinese)
                **_readings(doc, link, counterparts[0] if counterparts and not unsure else None),
            }
        )
        for rank, c in enumerate(counterparts):
            rows["counterpart"].append(
                {
                    "article": key,
                    "lang": lang,
                    "word": word,
                    "rank": rank,
                    "text": c.text,
                    "score": c.score,
                    "source": c.source,
                }
            )
        if link:
            occurrences(lang, word, "glossary", "en", link.en)
            occurrences(lang, word, "glossary", "zh", link.zh)
    vocab = doc.vocabulary
    for item in (*(vocab.en if vocab else ()), *(vocab.zh if vocab else ())):
        word = normalise_term(item.word, item.lang)
        if not word or (item.lang, word) in terms:  # one row per term: the glossary's wins
            continue
        seen.add((item.lang, word, "vocab"))
        terms[(item.lang, word)] = None
        rows["article_term"].append(
            {
                "article": key,
                "lang": item.lang,
                "word": word,
                "kind": "vocab",
                "date": m.date,
                "display": item.word,
                "definition": None,
                "pos": None,
                "zh": (
                    item.translation[0]
                    if item.lang == "en" and item.translation and not item.uncertain
                    else None
                ),
                "uncertain": int(item.lang == "en" and item.uncertain),
                "confidence": None,
                "count": item.count or len(item.occurrences),
                "level": item.level,
                "translation": json.dumps(list(item.translation), ensure_ascii=False),
                "pinyin": item.pinyin,
                "jyutping": item.jyutping,
            }
        )
        occurrences(item.lang, word, "vocab", item.lang, item.occurrences)
    rows["term"] = [{"lang": lang, "word": word} for lang, word in terms]
    return rows


def iter_rows(docs: Iterable[Document]) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """:func:`document_rows` over many documents (a generator, for bulk loading)."""
    for d in docs:
        yield document_rows(d)


def _readings(doc: Document, link: TermLink | None, c: Counterpart | None) -> dict[str, str | None]:
    """Pinyin and Jyutping of a glossary term's counterpart ``c``: from the tokens where the text
    uses it, else the readings the counterpart carries (a word the text does not use)."""
    none: dict[str, str | None] = {"pinyin": None, "jyutping": None}
    if c is None:
        return none
    occ = next((o for o in link.zh if o.text == c.text), None) if link else None
    if occ is None or not 0 <= occ.paragraph < len(doc.zh):
        return {"pinyin": c.pinyin, "jyutping": c.jyutping}
    py: list[str] = []
    jp: list[str] = []
    for tok in doc.zh[occ.paragraph].tokens:
        for pos in range(max(occ.start, tok.start), min(occ.end, tok.end)):
            k = pos - tok.start
            if k < len(tok.pinyin) and tok.pinyin[k]:
                py.append(tok.pinyin[k] or "")
            if k < len(tok.jyutping) and tok.jyutping[k]:
                jp.append(tok.jyutping[k] or "")
    return {"pinyin": " ".join(py) or None, "jyutping": " ".join(jp) or None}
