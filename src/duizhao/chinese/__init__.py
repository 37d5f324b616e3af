"""Chinese text: script conversion, word segmentation, readings (pinyin, Jyutping), glosses, HSK.

The input is usually Traditional Chinese as written in Hong Kong. Every step keeps offsets into
the text as given: the text is converted to Simplified characters with OpenCC ``hk2s`` (which keeps
the length; where a conversion would not, the affected characters are kept as they are), words are
found on the Simplified text with a private jieba tokenizer, and the spans are used unchanged on
the original characters.

Readings:

* **pinyin** (tone marks) comes from the Simplified text: pypinyin's phrase and character data, a
  filtered part of the ``pypinyin-dict`` ``large_pinyin`` phrases, and g2pM's polyphone model
  (a small BiLSTM whose weights ship in its wheel, run here in batches with numpy) for characters
  with more than one reading that no dictionary phrase settles;
* **Jyutping** comes from the Traditional text, with the dictionary of ``ToJyutping``: the text
  is cut into dictionary entries with as few pieces as possible, ties broken against pieces that
  cross one of the segmenter's words.

Both can be corrected word by word with an override file (see :func:`load_overrides`).

Examples:
    >>> from duizhao.chinese import annotate_text
    >>> text = "香港銀行"  # "Hong Kong banks"
    >>> [(text[t.start:t.end], t.pinyin) for t in annotate_text(text)]
    [('香港', ('xiāng', 'gǎng')), ('銀行', ('yín', 'háng'))]
    >>> [t.jyutping for t in annotate_text(text)]
    [('hoeng1', 'gong2'), ('ngan4', 'hong4')]

The sub-stages, one module each:

* :mod:`.segment`: the :class:`Segmenter` protocol, :class:`JiebaSegmenter` and its dictionary
  tables, user dictionaries;
* :mod:`.pinyin`: the :class:`Romaniser` protocol and :class:`PinyinRomaniser`;
* :mod:`.g2pm`: the g2pM polyphone model, run with numpy;
* :mod:`.jyutping`: :class:`JyutpingRomaniser`;
* :mod:`.gloss`: CC-CEDICT glosses chosen by reading;
* :mod:`.overrides`: per-word corrections (:func:`load_overrides`);
* :mod:`.annotator`: :class:`ChineseAnnotator`, which puts them together;
* :mod:`.convert`: :func:`convert_document` (the string conversion is
  :mod:`duizhao.text.convert`);
* :mod:`.wordgraph`: jieba's algorithm over the compact dictionary table.

Everything heavy is loaded lazily, once per process, and the derived tables (the segmenter's
dictionary, the Jyutping table, the phrase table) are built once into the user cache directory
(``platformdirs.user_cache_dir("duizhao")``), keyed by the versions and sizes of their sources,
as memory-mapped tries (:mod:`duizhao.resources.compact`): opened in a millisecond, a few MB each
in a process's memory, shared by worker processes.
"""

from __future__ import annotations

from .annotator import ChineseAnnotator, annotate_document, annotate_text, default_annotator
from .convert import convert_document
from .jyutping import JyutpingRomaniser
from .overrides import Override, load_overrides
from .pinyin import PhraseWeights, PinyinRomaniser, Romaniser
from .segment import (
    JiebaSegmenter,
    Segmenter,
    StockJiebaSegmenter,
    hk_user_dict_path,
    load_user_dict,
)

__all__ = [
    "ChineseAnnotator",
    "JiebaSegmenter",
    "JyutpingRomaniser",
    "Override",
    "PhraseWeights",
    "PinyinRomaniser",
    "Romaniser",
    "Segmenter",
    "StockJiebaSegmenter",
    "annotate_document",
    "annotate_text",
    "convert_document",
    "default_annotator",
    "hk_user_dict_path",
    "load_overrides",
    "load_user_dict",
]
