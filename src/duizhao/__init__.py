"""duizhao (對照, "side by side"): bilingual English–Chinese articles as study material.

The façade: the functions most users need, imported lazily so that ``import duizhao`` stays cheap.

Examples:
    >>> import duizhao
    >>> doc = duizhao.read("corpus/2025-09-02-wipo-innovation-clusters.txt")
    >>> doc.meta.title_zh
    '灣區創科實力獲肯定 知識產權貿易待拓展'
    >>> doc = duizhao.annotate(doc)  # the whole pipeline: a few seconds the first time
    >>> [link.counterparts[0].text for link in doc.links]  # cluster, metric, preferential
    ['集群', '指標', '特惠']

The stages, each a pure function from a document to a new document: :func:`read` →
:func:`align_document` → :func:`annotate_document` (Chinese words and readings) →
:func:`link_glossary` → :func:`suggest_vocabulary`; :func:`annotate` runs them all. Outputs:
:func:`render_sheet` / :func:`render_pdf` / :func:`build_site`, :func:`make_worksheets` /
:func:`render_worksheet` / :func:`write_apkg`, and the :class:`TermBank`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (``duizhao --help``)
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.2.0"

# name -> module that defines it; resolved on first use (PEP 562).
_EXPORTS = {
    "read": "reader",
    "read_text": "reader",
    "annotate": "pipeline",
    "align_document": "align",
    "annotate_document": "chinese",
    "annotate_text": "chinese",
    "link_glossary": "glossary",
    "suggest_vocabulary": "glossary",
    "render_sheet": "sheet",
    "render_pdf": "sheet",
    "build_site": "sheet",
    "make_worksheets": "drills",
    "render_worksheet": "drills",
    "write_apkg": "drills",
    "TermBank": "bank",
    "Document": "model",
    "DuizhaoError": "errors",
    "InputError": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'duizhao' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted(__all__)
