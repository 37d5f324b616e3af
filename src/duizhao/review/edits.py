"""One change a teacher makes on the review page, made in the corrections file.

The page sends a change as a small JSON object, e.g. ``{"action": "counterpart", "term":
"cluster", "zh": "產業集群"}``; :func:`apply_edit` checks it against the article as it is now
(the Chinese chosen must be in the Chinese text, a pin must not cross another, a reading must have
one syllable per character) and writes the corrections file, or raises :class:`EditError` with a
message for the page and leaves the file as it was.

The actions and their keys:

* ``counterpart`` (``term``, ``zh``: Chinese, or ``null`` for none), ``clear-counterpart``
  (``term``);
* ``pair`` and ``unpair`` (``en``, ``zh``: paragraph numbers from 0), ``clear-pairing`` (``en``);
* ``pin-sentences`` (``en``, ``zh``: sentence numbers from 0, across the article, in paragraphs
  paired together), ``clear-sentence-pins`` (``en``: a list of English sentence numbers);
* ``reading`` (``word``, ``pinyin``, ``jyutping``: one left out stays as it is, an empty one is
  computed again), ``gloss`` (``word``, ``gloss``), ``words`` (``text``, ``parts``: the words
  separated by spaces), ``clear`` (``field``: readings, glosses or words; ``key``);
* ``hide``, ``unhide`` and ``add-vocabulary`` (``word``; ``translation``: the Chinese of an
  English word, as written in the Chinese text, which replaces duizhao's);
* ``highlight`` (``term``, ``zh``, ``paragraph``, ``remove``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DuizhaoError, InputError
from ..model import Document
from ..reader.corrections_file import CorrectionsFile

__all__ = ["ACTIONS", "EditError", "apply_edit"]


class EditError(DuizhaoError):
    """A change the page asked for that cannot be made (the message says why)."""


def _text(change: Mapping[str, Any], key: str, *, empty: bool = False) -> str:
    value = change.get(key)
    if value is not None and not isinstance(value, str):
        raise EditError(f"'{key}' must be text")
    if value is None or (not empty and not value.strip()):
        raise EditError(f"'{key}' is missing")
    return value.strip()


def _index(value: Any, key: str, limit: int, what: str) -> int:
    """``value`` as a number from 0 below ``limit`` (the page counts from 0, people from 1)."""
    if value is None:
        raise EditError(f"'{key}' is missing")
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise EditError(f"'{key}' must be a whole number from 0 ({what}s are counted from 0)")
    if value >= limit:
        raise EditError(f"there is no {what} {value + 1}: the article has {limit}")
    return value


def _number(change: Mapping[str, Any], key: str, limit: int, what: str) -> int:
    return _index(change.get(key), key, limit, f"{what} paragraph")


def _in_chinese(doc: Document, text: str) -> bool:
    return any(text in p.text for p in doc.zh)


def _term(doc: Document, change: Mapping[str, Any]) -> str:
    term = _text(change, "term")
    if not any(e.term == term for e in doc.glossary):
        raise EditError(f"'{term}' is not a term of the glossary")
    return term


def _pair(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    en = _number(change, "en", len(doc.en), "English")
    zh = _number(change, "zh", len(doc.zh), "Chinese")
    others = [p for p in f.corrections().pins if p[0] != en]
    crossed = next(
        (p for p in [*doc.pins, *others]
         if p[0] != en and ((p[0] < en and p[1] > zh) or (p[0] > en and p[1] < zh))),
        None,
    )
    if crossed is not None:
        raise EditError(
            f"English ¶{en + 1} cannot go with Chinese ¶{zh + 1}: English ¶{crossed[0] + 1} is "
            f"pinned to Chinese ¶{crossed[1] + 1} (pairs keep their order); unpin it first"
        )
    f.pin(en, zh)


def _sentence(doc: Document, change: Mapping[str, Any], lang: str) -> tuple[int, int]:
    """The sentence number ``change[lang]`` and the paragraph it is in."""
    paras = doc.en if lang == "en" else doc.zh
    owner = [p for p, para in enumerate(paras) for _ in para.sentences]
    what = "English" if lang == "en" else "Chinese"
    value = _index(change.get(lang), lang, len(owner), f"{what} sentence")
    return value, owner[value]


def _pin_sentences(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    (en, pe), (zh, pz) = _sentence(doc, change, "en"), _sentence(doc, change, "zh")
    beads = doc.alignment.paragraphs if doc.alignment is not None else ()
    if not any(pe in b.en and pz in b.zh for b in beads):
        raise EditError(
            f"English sentence {en + 1} (¶{pe + 1}) and Chinese sentence {zh + 1} (¶{pz + 1}) "
            "are in paragraphs that are not paired: pair the paragraphs first"
        )
    crossed = next(
        (p for p in f.corrections().sentence_pins
         if (p[0] < en and p[1] > zh) or (p[0] > en and p[1] < zh)),
        None,
    )  # fmt: skip
    if crossed is not None:
        raise EditError(
            f"English sentence {en + 1} cannot go with Chinese sentence {zh + 1}: English sentence "
            f"{crossed[0] + 1} is pinned to Chinese sentence {crossed[1] + 1} (pairs keep their "
            "order); let duizhao pair that one first"
        )
    f.pin_sentences(en, zh)


def _clear_sentence_pins(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    en = change.get("en")
    if not isinstance(en, list) or not en:
        raise EditError("'en' must be a list of English sentence numbers (from 0)")
    f.clear_sentence_pins([_sentence(doc, {"en": n}, "en")[0] for n in en])


def _add_vocabulary(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    """A word added to the vocabulary, or (``translation``: Chinese for an English word) the
    teacher's Chinese for it, which replaces duizhao's."""
    word = _text(change, "word")
    if change.get("translation") is None:
        f.add_vocabulary(word)
        return
    zh = _text(change, "translation")
    if not _in_chinese(doc, zh):
        raise EditError(f"{zh} is not in the Chinese text (type it as it is written there)")
    f.add_vocabulary(word, [zh])


def _counterpart(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    term = _term(doc, change)
    zh = change.get("zh")
    if zh is None:
        f.set_counterpart(term, None)
        return
    zh = _text(change, "zh")
    if not _in_chinese(doc, zh):
        raise EditError(f"{zh} is not in the Chinese text: give the counterpart as it is written")
    f.set_counterpart(term, zh)


def _reading(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    """A reading left out of the change keeps what the file says; an empty one is computed."""
    word = _text(change, "word")
    if not _in_chinese(doc, word):
        raise EditError(f"{word} is not in the Chinese text")
    now = next((r for r in f.corrections().readings if r.word == word), None)
    values = {}
    for kind in ("pinyin", "jyutping"):
        if change.get(kind) is not None:
            values[kind] = _text(change, kind, empty=True)
        else:
            kept = getattr(now, kind) if now is not None else None
            values[kind] = " ".join(kept) if kept else ""
    if not values["pinyin"] and not values["jyutping"]:
        f.clear_reading(word)
    else:
        f.set_reading(word, pinyin=values["pinyin"] or None, jyutping=values["jyutping"] or None)


def _words(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    text = _text(change, "text")
    parts = _text(change, "parts").split()
    if not _in_chinese(doc, text):
        raise EditError(f"{text} is not in the Chinese text")
    f.set_words(text, parts)


def _highlight(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    term = _term(doc, change)
    zh = _text(change, "zh")
    para = change.get("paragraph")
    if para is not None:
        para = _number(change, "paragraph", len(doc.zh), "Chinese")
    if change.get("remove"):
        f.remove_highlight(term, zh, para)
    else:
        if not _in_chinese(doc, zh):
            raise EditError(f"{zh} is not in the Chinese text")
        f.add_highlight(term, zh, para)


def _clear(f: CorrectionsFile, doc: Document, change: Mapping[str, Any]) -> None:
    field, key = _text(change, "field"), _text(change, "key")
    clear = {"readings": f.clear_reading, "glosses": f.clear_gloss, "words": f.clear_words}
    if field not in clear:
        raise EditError(f"cannot clear {field!r}")
    clear[field](key)


ACTIONS = {
    "counterpart": _counterpart,
    "clear-counterpart": lambda f, doc, c: f.clear_counterpart(_term(doc, c)),
    "pair": _pair,
    "unpair": lambda f, doc, c: f.unpin(
        _number(c, "en", len(doc.en), "English"), _number(c, "zh", len(doc.zh), "Chinese")
    ),
    "clear-pairing": lambda f, doc, c: f.clear_pairing(_number(c, "en", len(doc.en), "English")),
    "pin-sentences": _pin_sentences,
    "clear-sentence-pins": _clear_sentence_pins,
    "reading": _reading,
    "gloss": lambda f, doc, c: f.set_gloss(_text(c, "word"), _text(c, "gloss")),
    "words": _words,
    "clear": _clear,
    "hide": lambda f, doc, c: f.hide_vocabulary(_text(c, "word")),
    "unhide": lambda f, doc, c: f.unhide_vocabulary(_text(c, "word")),
    "add-vocabulary": _add_vocabulary,
    "highlight": _highlight,
}


def apply_edit(
    path: Path, article: Path, doc: Document, change: Mapping[str, Any]
) -> Path:
    """Make one change in the corrections file ``path`` of ``article`` (whose document is
    ``doc``) and save it.

    Raises:
        EditError: The change is not one the page can make, or does not fit the article.
        InputError: The corrections file has a broken line (it is left untouched).
    """
    action = change.get("action")
    if not isinstance(action, str) or not action:
        raise EditError("'action' is missing")
    if action not in ACTIONS:
        raise EditError(f"unknown change '{action}' (the changes: {', '.join(ACTIONS)})")
    f = CorrectionsFile(path, article=article)
    ACTIONS[action](f, doc, change)
    try:
        f.corrections()
    except InputError as e:
        raise EditError(e.message) from None
    return f.save()
