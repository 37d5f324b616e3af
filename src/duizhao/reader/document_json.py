"""The JSON form of a document as input: recognised by its ``schema`` key, checked, read back.

``duizhao annotate FILE --format json`` (and ``parse``) write a document's JSON form; a teacher may
keep it, edit it, and give it to ``sheet``, ``drill``, ``build`` or ``bank add`` instead of the
article. Any other JSON is refused with a message that says what to give instead, and so is a
document that is not whole: before it is used it is checked against the shipped JSON Schema
(``duizhao schema``: every key of the right type) and then for what a schema cannot say — both
languages present, every offset inside its paragraph, every paragraph and sentence number in
range, each unit in exactly one alignment bead, a real date. The first problem found is reported
with where it is (``en.paragraphs[3].sentences[0].end: 120 is past the end of the paragraph (87
characters)``).

Examples:
    >>> is_document_json("corpus/2025-09-02-wipo-innovation-clusters.txt")  # an article, not JSON
    False
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import math
import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import SCHEMA_VERSION, Document, Occurrence, Paragraph, json_schema
from .decode import MAX_BYTES, read_file_bytes

__all__ = [
    "JSON_BYTES_PER_ARTICLE_BYTE",
    "check_document",
    "document_from_json",
    "is_document_json",
]

#: Annotate JSON is much larger than its article (every Chinese word with its readings and gloss):
#: a JSON file may have this many times the article limit in bytes (its text is then held to the
#: article limit itself).
JSON_BYTES_PER_ARTICLE_BYTE = 64


def is_document_json(path: str | os.PathLike[str]) -> bool:
    """Whether a file is JSON rather than an article: its name ends in ``.json``, or its first
    non-blank character is ``{`` or ``[`` (no article starts so)."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        return True
    try:
        with open(p, "rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def document_from_json(
    path: str | os.PathLike[str], *, max_bytes: int | None = MAX_BYTES
) -> Document:
    """Read a document that ``duizhao annotate --format json`` (or ``parse``) wrote.

    A one-element list (what ``parse`` prints for several files, given one) is accepted.

    Args:
        path: The JSON file.
        max_bytes: The article limit (see :data:`~duizhao.reader.decode.MAX_BYTES`): the text of
            the document may have this many bytes, the file
            :data:`JSON_BYTES_PER_ARTICLE_BYTE` times as many; ``None`` for no limit.

    Raises:
        InputError: The file cannot be read, is too large, is not JSON, or is not a whole duizhao
            document (no ``schema`` key, a schema this version does not read, a key of the wrong
            type, an offset or number out of range).
    """
    where = str(path)
    limit = None if max_bytes is None else max_bytes * JSON_BYTES_PER_ARTICLE_BYTE
    raw = read_file_bytes(path, limit)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise InputError(where, line, f"not UTF-8 JSON ({e.reason})") from None
    except json.JSONDecodeError as e:
        raise InputError(where, e.lineno, f"not valid JSON ({e.msg})") from None
    except RecursionError:
        raise InputError(where, None, "not a duizhao document (nested too deeply)") from None
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    _check_document_dict(data, where)
    problem = _schema_problem(data, _schema(data["schema"]), "")
    if problem is not None:
        raise InputError(where, None, f"not a whole duizhao document: {problem}")
    try:
        doc = Document.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        raise InputError(where, None, f"not a whole duizhao document ({e!r})") from None
    check_document(doc, where)
    if max_bytes is not None:
        size = sum(len(p.text.encode("utf-8")) for p in (*doc.en, *doc.zh))
        if size > max_bytes:
            raise InputError(
                where,
                None,
                f"its text has {size:,} bytes, more than the {max_bytes:,} an article may have",
                remedy=("--max-bytes", f"raise the limit with --max-bytes {size}"),
            )
    return doc


def _check_document_dict(data: Any, where: str) -> None:
    if not isinstance(data, dict) or "schema" not in data:
        raise InputError(
            where,
            None,
            "JSON that is not a duizhao document (no 'schema' key): give an article, or the "
            "output of 'duizhao annotate FILE --format json'",
        )
    schema = data["schema"]
    if not isinstance(schema, int) or isinstance(schema, bool) or not 1 <= schema <= SCHEMA_VERSION:
        raise InputError(
            where,
            None,
            f"document schema {schema!r} is not one this duizhao reads (1 to {SCHEMA_VERSION}); "
            "upgrade duizhao or annotate the article again",
        )
    if "en" not in data or "zh" not in data:
        raise InputError(where, None, "not a duizhao document (no 'en' and 'zh' keys)")


# -- the schema: the shipped JSON Schema, read by a validator of the part of it that it uses -----


# Read-only: the shipped schema, and its schema-1 variant, loaded once a process.
@cache
def _schema(version: int) -> dict[str, Any]:
    schema = json_schema()
    if version != SCHEMA_VERSION:  # schema 1: glossary[].zh was a string, or a list once linked
        schema = copy.deepcopy(schema)
        entry = schema["$defs"]["glossaryEntry"]
        entry["properties"]["zh"] = {"type": ["string", "array", "null"]}
        entry["required"] = [k for k in entry["required"] if k != "zh"]
    # Only what a document needs at least: later stages add keys, older ones lack some.
    schema["required"] = ["schema", "meta", "en", "zh"]
    schema["properties"]["schema"] = {"type": "integer"}
    return schema


_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_NAMES = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "null": "null",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _schema_problem(
    value: Any, schema: Any, path: str, root: dict[str, Any] | None = None
) -> str | None:
    """The first way ``value`` breaks ``schema`` (the subset of JSON Schema the shipped schema
    uses: $ref, type, const, enum, required, properties, items, prefixItems, minItems, minimum,
    maximum, pattern), as ``path: what``; ``None`` when it does not. Unknown keys are allowed."""
    root = schema if root is None else root
    if schema is True or schema == {}:
        return None
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    where = path or "the document"
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(_TYPES[t](value) for t in types):
            want = " or ".join(_NAMES[t] for t in types)
            return f"{where}: expected {want}, found {_shown(value)}"
    if "const" in schema and value != schema["const"]:
        return f"{where}: expected {_shown(schema['const'])}, found {_shown(value)}"
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(_shown(v) for v in schema["enum"])
        return f"{where}: expected one of {allowed}, found {_shown(value)}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            return f"{where}: {_shown(value)} is below {schema['minimum']}"
        if "maximum" in schema and value > schema["maximum"]:
            return f"{where}: {_shown(value)} is above {schema['maximum']}"
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        return f"{where}: {_shown(value)} is not of the form {schema['pattern']}"
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                return f"{where}: the key {key!r} is missing"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                problem = _schema_problem(value[key], sub, f"{path}.{key}" if path else key, root)
                if problem is not None:
                    return problem
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            return f"{where}: expected at least {schema['minItems']} items, found {len(value)}"
        prefix = schema.get("prefixItems", [])
        for i, item in enumerate(value):
            sub = prefix[i] if i < len(prefix) else schema.get("items", {})
            if sub is False:
                return f"{where}: expected at most {len(prefix)} items, found {len(value)}"
            problem = _schema_problem(item, sub, f"{path}[{i}]", root)
            if problem is not None:
                return problem
    return None


# -- what a schema cannot say ---------------------------------------------------------------------


def check_document(doc: Document, where: str = "<document>") -> None:
    """Check what the JSON Schema cannot: both languages, offsets, numbers, beads, the date.

    Raises:
        InputError: The first problem found, naming where it is in the JSON form.

    Examples:
        >>> from duizhao.model import Paragraph, Sentence
        >>> check_document(Document(en=(Paragraph("en", "Hi.", (Sentence(0, 3),)),)))
        Traceback (most recent call last):
        duizhao.errors.InputError: <document>: no Chinese paragraphs
    """

    def fail(message: str) -> None:
        raise InputError(where, None, message)

    if not doc.en:
        fail("no English paragraphs")
    if not doc.zh:
        fail("no Chinese paragraphs")
    counts = {}
    for lang in ("en", "zh"):
        paras = doc.paragraphs(lang)
        for p, para in enumerate(paras):
            problem = _paragraph_problem(para)
            if problem is not None:
                fail(f"{lang}.paragraphs[{p}].{problem}")
        counts[lang] = (len(paras), sum(len(para.sentences) for para in paras))
    if doc.meta.date is not None:
        try:
            _dt.date.fromisoformat(doc.meta.date)
        except ValueError:
            fail(f"meta.date: {doc.meta.date!r} is not a date")
    for i, entry in enumerate(doc.glossary):
        if not entry.term.strip():
            fail(f"glossary[{i}].term: empty")
    for link in doc.links:
        for lang, occs in (("en", link.en), ("zh", link.zh)):
            problem = _occurrences_problem(doc, lang, occs)
            if problem is not None:
                fail(f"glossary[{link.entry}].occurrences.{lang}{problem}")
    if doc.vocabulary is not None:
        for lang, items in (("en", doc.vocabulary.en), ("zh", doc.vocabulary.zh)):
            for i, item in enumerate(items):
                problem = _occurrences_problem(doc, lang, item.occurrences)
                if problem is not None:
                    fail(f"vocabulary.{lang}[{i}].occurrences{problem}")
    for k, (e, z) in enumerate(doc.pins):
        if not (0 <= e < counts["en"][0] and 0 <= z < counts["zh"][0]):
            fail(f"pins[{k}]: {e}:{z} is not a pair of paragraphs of the document")
    if doc.alignment is not None:
        for level, beads, index in (
            ("paragraphs", doc.alignment.paragraphs, 0),
            ("sentences", doc.alignment.sentences, 1),
        ):
            sizes = {"en": counts["en"][index], "zh": counts["zh"][index]}
            problem = _beads_problem(beads, sizes)
            if problem is not None:
                fail(f"alignment.{level}{problem}")


def _paragraph_problem(para: Paragraph) -> str | None:
    n = len(para.text)
    if not para.text.strip():
        return "text: empty"
    if not para.sentences:
        return "sentences: none (a paragraph has at least one)"
    prev = 0
    for k, s in enumerate(para.sentences):
        if not 0 <= s.start < s.end <= n or s.start < prev:
            return (
                f"sentences[{k}]: {s.start}–{s.end} is not a stretch of the paragraph's {n} "
                "characters after the sentence before it"
            )
        prev = s.end
    prev = 0
    for k, t in enumerate(para.tokens):
        if not 0 <= t.start < t.end <= n or t.start < prev:
            return (
                f"tokens[{k}]: {t.start}–{t.end} is not a stretch of the paragraph's {n} "
                "characters after the word before it"
            )
        for name, readings in (("pinyin", t.pinyin), ("jyutping", t.jyutping)):
            if readings and len(readings) != t.end - t.start:
                size = t.end - t.start
                return f"tokens[{k}].{name}: {len(readings)} readings for {size} characters"
        prev = t.end
    return None


def _occurrences_problem(doc: Document, lang: str, occs: Sequence[Occurrence]) -> str | None:
    paras = doc.paragraphs(lang)  # type: ignore[arg-type]
    sentences = sum(len(p.sentences) for p in paras)
    for k, o in enumerate(occs):
        if not 0 <= o.paragraph < len(paras):
            return f"[{k}].paragraph: {o.paragraph} is not one of the {len(paras)} paragraphs"
        if not 0 <= o.sentence < sentences:
            return f"[{k}].sentence: {o.sentence} is not one of the {sentences} sentences"
        n = len(paras[o.paragraph].text)
        if not 0 <= o.start <= o.end <= n:
            return f"[{k}]: {o.start}–{o.end} is outside the paragraph's {n} characters"
        if not isinstance(o.text, str):
            return f"[{k}].text: not a string"
    return None


def _beads_problem(beads: Sequence[Any], sizes: dict[str, int]) -> str | None:
    for lang in ("en", "zh"):
        seen = [False] * sizes[lang]
        for k, bead in enumerate(beads):
            for unit in getattr(bead, lang):
                if not isinstance(unit, int) or not 0 <= unit < sizes[lang]:
                    return f"[{k}].{lang}: {unit!r} is not one of the {sizes[lang]} units"
                if seen[unit]:
                    return f"[{k}].{lang}: unit {unit} is in two beads"
                seen[unit] = True
        if not all(seen):
            return f": {lang} unit {seen.index(False)} is in no bead"
    return None
