"""duizhao (對照, "side by side"): bilingual English–Chinese articles as study material.

The façade: the functions most users need, imported lazily so that ``import duizhao`` stays cheap.

Example:
    >>> import duizhao
    >>> doc = duizhao.read("corpus/2025-09-02-wipo-innovation-clusters.txt")
    >>> doc.meta.title_zh
    '灣區創科實力獲肯定 知識產權貿易待拓展'
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

# name -> module that defines it; resolved on first use (PEP 562).
_EXPORTS = {
    "read": "reader",
    "read_text": "reader",
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
