"""Anki decks (``.apkg``, via the optional ``genanki``): one note per glossary term.

The note type has the fixed ID :data:`ANKI_MODEL_ID` and two cards per note (*English → meaning*,
*Meaning → English*); for learners of Chinese (``chinese=True``, ``drill --for chinese``) a
second note type, :data:`ANKI_CHINESE_MODEL_ID`, adds a third card, *Chinese → reading and
meaning* (made only for a note that has Chinese); note GUIDs come from (article, term), so a
later export of the same article updates its notes; the file is byte-identical for the same
input (fixed timestamps inside the collection and the zip).

Examples:
    >>> from duizhao.model import Document, Meta
    >>> _deck_name([Document(meta=Meta(date="2025-09-02", title_en="Innovation clusters"))])
    'duizhao::2025-09-02 Innovation clusters'
"""

from __future__ import annotations

import hashlib
import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...errors import MissingExtraError
from ...model import Document
from ...output.files import writing
from ...output.readings import Reading, readings_shown
from ..files import output_stem
from ..model import NothingToDrillError
from .cards import as_list, cards

__all__ = ["ANKI_CHINESE_MODEL_ID", "ANKI_FIELDS", "ANKI_MODEL_ID", "write_apkg"]

#: The Anki note type's ID: fixed forever, so every export updates the same note type.
ANKI_MODEL_ID = 1_607_392_319
#: The note type for learners of Chinese: the same fields, and a card from the Chinese.
ANKI_CHINESE_MODEL_ID = 1_607_392_320
#: The fields of the note type, in order.
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
    "Check",
)

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
.chk { font-size: 14px; font-weight: 700; color: #9f1239; }
"""

_ANKI_FRONT = '<div class="term">{{Term}}</div>{{#POS}}<div class="pos">{{POS}}</div>{{/POS}}'
# the Chinese with its flag: a card that shows an uncertain counterpart says "check" beside it
_ANKI_CHINESE = (
    '{{#Chinese}}<div class="zh">{{Chinese}}</div>{{/Chinese}}'
    '{{#Check}}<div class="chk">{{Check}}</div>{{/Check}}'
)
# the readings the export carries (drill --reading): " · " only between two of them
_ANKI_READINGS = (
    '<div class="rd">{{Pinyin}}{{#Pinyin}}{{#Jyutping}} · {{/Jyutping}}{{/Pinyin}}'
    "{{Jyutping}}</div>"
)
_ANKI_INFO = '<div class="def">{{Definition}}</div>' + _ANKI_CHINESE + _ANKI_READINGS
_ANKI_TAIL = (
    '{{#Example}}<div class="ex">{{Example}}</div>{{/Example}}'
    '<div class="src">{{Source}} {{Date}}</div>'
)


def _anki_model(chinese: bool = False) -> Any:
    import genanki

    from_chinese = {
        "name": "Chinese → reading and meaning",
        "qfmt": _ANKI_CHINESE,
        "afmt": '{{FrontSide}}<hr id="answer">'
        + _ANKI_READINGS
        + _ANKI_FRONT
        + '<div class="def">{{Definition}}</div>'
        + _ANKI_TAIL,
    }
    return genanki.Model(
        ANKI_CHINESE_MODEL_ID if chinese else ANKI_MODEL_ID,
        "duizhao glossary term (Chinese)" if chinese else "duizhao glossary term",
        fields=[{"name": f} for f in ANKI_FIELDS],
        templates=([from_chinese] if chinese else [])
        + [
            {
                "name": "English → meaning",
                "qfmt": _ANKI_FRONT,
                "afmt": '{{FrontSide}}<hr id="answer">' + _ANKI_INFO + _ANKI_TAIL,
            },
            {
                "name": "Meaning → English",
                "qfmt": '{{#Definition}}<div class="def">{{Definition}}</div>{{/Definition}}'
                + _ANKI_CHINESE,
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
        return "duizhao::" + (" ".join(bits) if bits else output_stem(docs))
    return "duizhao::" + output_stem(docs)


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


def _field(s: str) -> str:
    return html.escape(s, quote=False)


def write_apkg(
    docs: Document | Sequence[Document],
    path: str | os.PathLike[str],
    *,
    deck_name: str | None = None,
    vocabulary: bool = False,
    timestamp: float | None = None,
    chinese: bool = False,
    reading: Reading = "both",
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
        chinese: For learners of Chinese: each note with Chinese also gets a card from the
            Chinese (its pinyin, Jyutping, English term and definition on the back), with the
            note type :data:`ANKI_CHINESE_MODEL_ID`.
        reading: The readings the cards give: ``pinyin``, ``jyutping`` or ``both``
            (``drill --reading``, as the sheet shows them); the other field stays empty.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        MissingExtraError: genanki is not installed (``pip install 'duizhao[anki]'``).
        DrillError: There is nothing to put in the deck.

    Examples:
        >>> import tempfile, zipfile
        >>> from duizhao import annotate, read_text
        >>> doc = annotate(read_text(
        ...     "Hong Kong's trams are cheap and slow.\\n\\n香港的電車便宜又慢。\\n\\n"
        ...     "/ Glossary生字 /\\ntram：a vehicle that runs on rails along a street"
        ... ))  # "Hong Kong's trams (電車) are cheap and slow"
        >>> deck = write_apkg(doc, Path(tempfile.mkdtemp()) / "trams.apkg")  # tram ↔ 電車
        >>> deck.name, "collection.anki2" in zipfile.ZipFile(deck).namelist()
        ('trams.apkg', True)
    """
    try:
        import genanki
    except ImportError as e:
        raise MissingExtraError("genanki", "anki", "Anki export") from e
    import itertools
    import sqlite3
    import tempfile
    import zipfile

    docs = as_list(docs)
    cs = cards(docs, vocabulary=vocabulary)
    if not cs:
        raise NothingToDrillError("nothing to put in the Anki deck: the articles have no glossary")
    name = deck_name or _deck_name(docs)
    deck = genanki.Deck(_stable_id("duizhao deck|" + name), name)
    model = _anki_model(chinese)
    for c in cs:
        pinyin, jyutping = readings_shown(c.pinyin, c.jyutping, reading)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    _field(c.term),
                    _field(c.pos),
                    _field(c.definition),
                    _field(c.chinese),
                    _field(pinyin),
                    _field(jyutping),
                    c.example,  # already HTML
                    _field(c.source),
                    _field(c.date),
                    "check: this Chinese counterpart is uncertain" if c.check else (
                        "check: its pinyin is uncertain"
                        if c.reading_check and pinyin else ""
                    ),
                ],
                guid=genanki.guid_for(c.article, c.term.lower()),
                tags=list(c.tags),
            )
        )
    ts = _timestamp(docs) if timestamp is None else timestamp
    out = Path(path)
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
    with writing(out) as part, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, payload in (("collection.anki2", data), ("media", b"{}")):
            info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, payload)
    return out
