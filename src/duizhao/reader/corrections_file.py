"""Changing a corrections file (``NAME.duizhao.toml``) and writing it back, comments kept.

``duizhao review`` changes the file one entry at a time through :class:`CorrectionsFile`; tomlkit
keeps the teacher's comments, order and layout. The file's form is described in
:mod:`duizhao.reader.corrections`.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Corrections
from .corrections import SUFFIX, parse_corrections, read_text
from .pins import parse_pin, pins_path, read_pins

__all__ = ["CorrectionsFile"]

_HEADER = """\
# Corrections for {name}, read by every duizhao command (sheet, drill, build, bank add, …).
# `duizhao review` writes this file; you may edit it too: your comments are kept. See
# docs/review.md for every section.
"""


class CorrectionsFile:
    """A corrections file being changed: each method changes one entry, :meth:`save` writes it.

    The file keeps its comments, order and layout (tomlkit); a section is added at the end when
    it is first needed. :meth:`save` checks that the new text reads back before replacing the file
    (written to a temporary file in the same folder, then renamed), so a failed change never
    leaves a broken file.

    Args:
        path: The corrections file (created by :meth:`save` if it does not exist).
        article: The article it belongs to: its old ``NAME.align.toml`` is folded in on save.

    Raises:
        InputError: The existing file cannot be read (it is left untouched).

    Examples:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> f = CorrectionsFile(folder / "trams.duizhao.toml")
        >>> f.set_counterpart("tram", "電車")  # "tram"
        >>> f.hide_vocabulary("affection")
        >>> _ = f.save()
        >>> print(f.path.read_text(encoding="utf-8").split("\\n\\n", 1)[1], end="")
        [counterparts]
        tram = "電車"
        <BLANKLINE>
        [vocabulary]
        hide = ["affection"]
    """

    def __init__(
        self, path: str | os.PathLike[str], *, article: str | os.PathLike[str] | None = None
    ) -> None:
        import tomlkit

        self.path = Path(path)
        self.article = Path(article) if article is not None else None
        name = self.article.name if self.article else self.path.name.removesuffix(SUFFIX)
        if self.path.is_file():
            text = read_text(self.path)
            parse_corrections(text, self.path)  # refuse to rewrite a file with a broken line
            self.doc = tomlkit.parse(text)
        else:
            self.doc = tomlkit.parse(_HEADER.format(name=name))

    # -- tables and arrays ----------------------------------------------------------------------

    def _table(self, name: str) -> Any:
        import tomlkit

        if name not in self.doc:
            self.doc.add(name, tomlkit.table())
        return self.doc[name]

    def _array(self, section: str, key: str) -> Any:
        import tomlkit

        table = self._table(section)
        if key not in table:
            table.add(key, tomlkit.array())
        return table[key]

    def _drop_empty(self, section: str) -> None:
        if section in self.doc:
            table = self.doc[section]
            for k in list(table):
                v = table[k]
                if isinstance(v, list) and not v:
                    del table[k]
            if not table:
                del self.doc[section]

    def _remove_from(self, section: str, key: str, match: Any) -> bool:
        if section not in self.doc or key not in self.doc[section]:
            return False
        arr = self.doc[section][key]
        hits = [i for i, v in enumerate(arr) if match(_plain(v))]
        for i in reversed(hits):
            del arr[i]
        self._drop_empty(section)
        return bool(hits)

    def _set_key(self, section: str, key: str, value: Any) -> None:
        self._table(section)[key] = value

    def _del_key(self, section: str, key: str) -> bool:
        if section in self.doc and key in self.doc[section]:
            del self.doc[section][key]
            self._drop_empty(section)
            return True
        return False

    # -- the corrections ---------------------------------------------------------------------

    def pin(self, en: int, zh: int) -> None:
        """English paragraph ``en`` is translated by Chinese paragraph ``zh`` (others of ``en``
        are dropped, and so is an unpin of the same pair)."""
        self._remove_from("paragraphs", "pin", lambda v: _pin_of(v)[0] == en)
        self._remove_from("paragraphs", "unpin", lambda v: _pin_of(v) == (en, zh))
        self._array("paragraphs", "pin").append(f"{en}:{zh}")

    def unpin(self, en: int, zh: int) -> None:
        """English paragraph ``en`` and Chinese paragraph ``zh`` do not translate each other."""
        self._remove_from("paragraphs", "pin", lambda v: _pin_of(v) == (en, zh))
        if (en, zh) not in [_pin_of(v) for v in self._array("paragraphs", "unpin")]:
            self._array("paragraphs", "unpin").append(f"{en}:{zh}")

    def clear_pairing(self, en: int) -> bool:
        """Forget every pin and unpin of English paragraph ``en``."""
        a = self._remove_from("paragraphs", "pin", lambda v: _pin_of(v)[0] == en)
        b = self._remove_from("paragraphs", "unpin", lambda v: _pin_of(v)[0] == en)
        return a or b

    def pin_sentences(self, en: int, zh: int) -> None:
        """English sentence ``en`` goes with Chinese sentence ``zh`` (numbered across the article;
        other pins of either sentence stay: two sentences may share a partner)."""
        if (en, zh) not in [_pin_of(v) for v in self._array("sentences", "pin")]:
            self._array("sentences", "pin").append(f"{en}:{zh}")
        self._drop_empty("sentences")

    def clear_sentence_pins(self, en: Sequence[int]) -> bool:
        """Forget every sentence pin of the English sentences ``en``."""
        return self._remove_from("sentences", "pin", lambda v: _pin_of(v)[0] in set(en))

    def set_counterpart(self, term: str, zh: str | None) -> None:
        """The Chinese counterpart of a glossary term (``None``: none in this article)."""
        self._set_key("counterparts", term, "none" if zh is None else zh)

    def clear_counterpart(self, term: str) -> bool:
        """Let duizhao choose the counterpart of ``term`` again."""
        return self._del_key("counterparts", term)

    def add_highlight(self, term: str, zh: str, paragraph: int | None = None) -> None:
        """Highlight ``zh`` as the term's counterpart (in one Chinese paragraph, or everywhere)."""
        import tomlkit

        key = (term, zh, paragraph)
        self._remove_from("highlights", "remove", lambda v: _hl_key(v) == key)
        if key not in [_hl_key(_plain(v)) for v in self._array("highlights", "add")]:
            item = tomlkit.inline_table()
            item.update({"term": term, "zh": zh})
            if paragraph is not None:
                item["paragraph"] = paragraph
            self._array("highlights", "add").append(item)

    def remove_highlight(self, term: str, zh: str, paragraph: int | None = None) -> None:
        """No longer highlight ``zh`` for the term (in one Chinese paragraph, or anywhere)."""
        import tomlkit

        key = (term, zh, paragraph)
        if self._remove_from("highlights", "add", lambda v: _hl_key(v) == key):
            return  # it was the teacher's own addition
        if key not in [_hl_key(_plain(v)) for v in self._array("highlights", "remove")]:
            item = tomlkit.inline_table()
            item.update({"term": term, "zh": zh})
            if paragraph is not None:
                item["paragraph"] = paragraph
            self._array("highlights", "remove").append(item)
        self._drop_empty("highlights")

    def set_reading(
        self, word: str, *, pinyin: str | None = None, jyutping: str | None = None
    ) -> None:
        """The reading of ``word`` in this article (pinyin, Jyutping or both; a space between
        syllables)."""
        import tomlkit

        if pinyin is None and jyutping is None:
            raise ValueError("give pinyin, jyutping or both")
        if jyutping is None:
            self._set_key("readings", word, pinyin)
            return
        item = tomlkit.inline_table()
        if pinyin is not None:
            item["pinyin"] = pinyin
        item["jyutping"] = jyutping
        self._set_key("readings", word, item)

    def clear_reading(self, word: str) -> bool:
        return self._del_key("readings", word)

    def set_gloss(self, word: str, gloss: str) -> None:
        """The English gloss shown for ``word``."""
        self._set_key("glosses", word, gloss)

    def clear_gloss(self, word: str) -> bool:
        return self._del_key("glosses", word)

    def set_words(self, text: str, parts: Sequence[str]) -> None:
        """Cut ``text`` into ``parts`` (one part keeps it whole)."""
        self._set_key("words", text, " ".join(parts))

    def clear_words(self, text: str) -> bool:
        return self._del_key("words", text)

    def hide_vocabulary(self, word: str) -> None:
        """Leave a suggested word out of the vocabulary lists."""
        if self._remove_from("vocabulary", "add", lambda v: _word_of(v) == word):
            return
        if word not in [_plain(v) for v in self._array("vocabulary", "hide")]:
            self._array("vocabulary", "hide").append(word)

    def unhide_vocabulary(self, word: str) -> bool:
        return self._remove_from("vocabulary", "hide", lambda v: v == word)

    def add_vocabulary(self, word: str, translation: Sequence[str] = ()) -> None:
        """Add a word of the article to the vocabulary lists."""
        import tomlkit

        self._remove_from("vocabulary", "hide", lambda v: v == word)
        self._remove_from("vocabulary", "add", lambda v: _word_of(v) == word)
        if translation:
            item = tomlkit.inline_table()
            item.update({"word": word, "translation": "; ".join(translation)})
            self._array("vocabulary", "add").append(item)
        else:
            self._array("vocabulary", "add").append(word)

    # -- saving -------------------------------------------------------------------------------

    def text(self) -> str:
        """The file as it would be saved."""
        return self.doc.as_string()

    def corrections(self) -> Corrections:
        """The corrections as they would be read back."""
        return parse_corrections(self.text(), self.path)

    def save(self) -> Path:
        """Check the new text and write it (atomically). Folds in the old pin file.

        Returns:
            The file written.

        Raises:
            InputError: The new text would not read back (nothing is written).
        """
        old = pins_path(self.article) if self.article is not None else None
        folded = old is not None and old.is_file()
        if folded:
            assert old is not None
            pins = [_pin_of(v) for v in self._array("paragraphs", "pin")]
            for e, z in read_pins(old):
                if (e, z) not in pins:
                    self._array("paragraphs", "pin").append(f"{e}:{z}")
            self._table("paragraphs").comment(
                f"pins moved in from {old.name} on {dt.date.today().isoformat()}"
            )
        text = self.text()
        parse_corrections(text, self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            os.replace(tmp, self.path)
        except OSError as e:
            Path(tmp).unlink(missing_ok=True)
            why = e.strerror or e
            raise InputError(str(self.path), None, f"cannot write the file: {why}") from e
        if folded:
            assert old is not None
            os.replace(old, old.with_name(old.name + ".bak"))
        return self.path


def _plain(v: Any) -> Any:
    return v.unwrap() if hasattr(v, "unwrap") else v


def _pin_of(v: Any) -> tuple[int, int]:
    v = _plain(v)
    if isinstance(v, str):
        try:
            return parse_pin(v)
        except ValueError:
            return (-1, -1)
    return (int(v[0]), int(v[1])) if isinstance(v, list) and len(v) == 2 else (-1, -1)


def _hl_key(v: Any) -> tuple[Any, Any, Any]:
    v = _plain(v)
    return (v.get("term"), v.get("zh"), v.get("paragraph")) if isinstance(v, dict) else ()  # type: ignore[return-value]


def _word_of(v: Any) -> str | None:
    v = _plain(v)
    return v if isinstance(v, str) else v.get("word") if isinstance(v, dict) else None
