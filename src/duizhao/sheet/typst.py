"""The study sheet as an A4 PDF typeset by Typst: the view data, compacted, into ``sheet.typ``.

The layout lives in the template ``templates/sheet.typ`` (a user's templates folder may hold its
own); this module only turns :func:`~duizhao.sheet.view.sheet_context` into the compact JSON the
template reads as ``sys.inputs.data``:

* a paragraph is ``{"lang", "number", "rd", "x": [piece, …]}`` (``rd``: it has readings);
* a piece is a string (text), ``{"w": [[char, pinyin, jyutping], …]}`` (a word with readings;
  ``[char, pinyin, jyutping, true]`` where the pinyin is one to check),
  ``{"g": [piece, …]}`` (punctuation kept with its word) or ``{"m": term number, "c": colour,
  "k": check, "x": [piece, …]}`` (a glossary mark).

Examples:
    >>> from duizhao.reader import read
    >>> from duizhao.sheet.view import sheet_context
    >>> data = print_data(sheet_context(read("corpus/2025-09-02-wipo-innovation-clusters.txt")))
    >>> data["rows"][0]["en"][0]["x"][0][:16]
    'On this occasion'
"""

from __future__ import annotations

import json
import os
from typing import Any

from ..output.pdf import typst_to_pdf
from ..output.templates import environment

__all__ = ["print_data", "sheet_typst_pdf"]


def _pieces(nodes: list[dict[str, Any]]) -> list[Any]:
    out: list[Any] = []
    for n in nodes:
        k = n["kind"]
        if k in ("sentence", "gap"):
            out.extend(_pieces(n["children"]))
        elif k == "mark":
            out.append(
                {
                    "m": n["term"],
                    "c": n["colour"],
                    "k": n.get("check", False),
                    "x": _pieces(n["children"]),
                }
            )
        elif k == "glue":
            out.append({"g": _pieces(n["children"])})
        elif k == "word" and n["chars"]:
            # a reading to check (``chk``) is a fourth element, only where there is one
            chars = [[c["ch"], c["py"], c["jp"]] for c in n["chars"]]
            for c, row in zip(n["chars"], chars, strict=True):
                if c.get("unsure"):
                    row.append(True)
            out.append({"w": chars})
        else:
            text = n["text"]
            if out and isinstance(out[-1], str):
                out[-1] += text
            else:
                out.append(text)
    return out


def _para(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "lang": p["lang"],
        "number": p["number"],
        "rd": p["has_readings"],
        "x": _pieces(p["pieces"]),
    }


def print_data(ctx: dict[str, Any]) -> dict[str, Any]:
    """The compact form of the sheet's view data that ``sheet.typ`` reads."""
    return {
        "title": ctx["title"],
        "meta": ctx["meta"],
        "zh_lang": ctx["zh_lang"],
        "reading": ctx["reading"],
        "legend": ctx["legend"],
        "columns": ctx["columns"],
        "options": ctx["options"],
        "rows": [
            {
                "kind": r["kind"],
                "low": r["low_confidence"],
                "en": [_para(p) for p in r["en"]],
                "zh": [_para(p) for p in r["zh"]],
            }
            for r in ctx["rows"]
        ],
        "glossary": ctx["glossary"],
        "vocabulary": ctx["vocabulary"],
        "has_glosses": ctx["has_glosses"],
        "cedict_attribution": ctx["cedict_attribution"],
        "generator": ctx["generator"],
    }


def _timestamp(date: str | None) -> int:
    import datetime as dt

    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return 1_700_000_000
    return int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp())


def sheet_typst_pdf(
    ctx: dict[str, Any],
    path: str | os.PathLike[str] | None = None,
    *,
    templates: str | os.PathLike[str] | None = None,
) -> bytes:
    """Typeset the sheet's view data with ``sheet.typ``; write it to ``path`` if given.

    Returns:
        The PDF (the same bytes for the same document and options).
    """
    env = environment(templates)
    source, _, _ = env.loader.get_source(env, "sheet.typ")  # type: ignore[union-attr]
    data = json.dumps(print_data(ctx), ensure_ascii=False)
    return typst_to_pdf(
        source, path, inputs={"data": data}, timestamp=_timestamp(ctx["meta"]["date"])
    )
