"""Document-level script conversion: the Chinese of a whole document in one script.

The string conversion itself is :mod:`duizhao.text.convert` (OpenCC, keeping the length); this
module applies it to every Chinese text a document holds, so every offset stays valid.

Examples:
    >>> from duizhao.model import Document, Meta
    >>> doc = Document(meta=Meta(title_zh="香港銀行"))  # "Hong Kong banks"
    >>> convert_document(doc, "simplified").meta.title_zh
    '香港银行'
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from duizhao.text.convert import to_simplified, to_traditional
from duizhao.text.script import has_han

if TYPE_CHECKING:
    from collections.abc import Callable

    from duizhao.model import Document, Token

__all__ = ["convert_document"]


def convert_document(doc: Document, script: str) -> Document:
    """Convert the Chinese text of a document to one script, keeping every offset valid.

    Converts the Chinese paragraphs, the Chinese title, the source and the byline, the glossary's
    Chinese equivalents, the Chinese quoted in word glosses (``don't (Cantonese 不要)``) and any
    Chinese text in links and vocabulary.

    Args:
        doc: The document.
        script: ``"simplified"`` or ``"traditional"``.

    Returns:
        A new document with :attr:`~duizhao.model.Document.script` set.

    Raises:
        ValueError: For any other script name.
    """
    if script == "simplified":
        conv = to_simplified
    elif script == "traditional":
        conv = to_traditional
    else:
        raise ValueError(f"script must be 'simplified' or 'traditional', not {script!r}")
    rep = dataclasses.replace
    meta = rep(
        doc.meta,
        title_zh=conv(doc.meta.title_zh) if doc.meta.title_zh else None,
        source=conv(doc.meta.source) if doc.meta.source else None,  # 明報社評 → 明报社评
        author=conv(doc.meta.author) if doc.meta.author else None,
    )
    zh = tuple(
        rep(p, text=conv(p.text), tokens=tuple(_gloss_in(t, conv) for t in p.tokens))
        for p in doc.zh
    )
    glossary = tuple(rep(e, zh=tuple(conv(z) for z in e.zh)) for e in doc.glossary)
    links = tuple(
        rep(
            link,
            counterparts=tuple(rep(c, text=conv(c.text)) for c in link.counterparts),
            zh=tuple(rep(o, text=conv(o.text)) for o in link.zh),
        )
        for link in doc.links
    )
    vocabulary = doc.vocabulary
    if vocabulary is not None:
        vocabulary = rep(
            vocabulary,
            zh=tuple(
                rep(
                    v,
                    word=conv(v.word),
                    forms=tuple(conv(f) for f in v.forms),
                    occurrences=tuple(rep(o, text=conv(o.text)) for o in v.occurrences),
                    translation=tuple(_han_in(t, conv) for t in v.translation),
                )
                for v in vocabulary.zh
            ),
            en=tuple(
                rep(v, translation=tuple(conv(t) for t in v.translation)) for v in vocabulary.en
            ),
        )
    return rep(
        doc,
        meta=meta,
        zh=zh,
        glossary=glossary,
        links=links,
        vocabulary=vocabulary,
        script=script,
    )


def _han_in(text: str, conv: Callable[[str], str]) -> str:
    """An English gloss in the document's script where it quotes Chinese (a cross-reference,
    "don't (Cantonese 不要)", a body's full name): round 14, a Simplified sheet showed them in
    Traditional characters."""
    return conv(text) if has_han(text) else text


def _gloss_in(token: Token, conv: Callable[[str], str]) -> Token:
    if token.gloss is None or not has_han(token.gloss):
        return token
    return dataclasses.replace(token, gloss=conv(token.gloss))
