"""Glossary lines (``term (pos)【中文】：definition``) and glossary section headers."""

from __future__ import annotations

import re

from ..model import GlossaryEntry
from ..text.script import HAN_RE, LATIN_RE
from .decode import BLANKS

__all__ = ["bad_glossary_line", "is_glossary_header", "parse_glossary_line"]

_HEADER_WORDS = (
    "glossary",
    "vocabulary",
    "vocab",
    "keywords",
    "keyterms",
    "wordbank",
    "生字",
    "詞彙",
    "词汇",
    "字詞",
    "词语",
    "詞語",
)
_HEADER_NOISE = re.compile(r"[\s/|｜\-—–_*#=~【】\[\]()（）:：.·•「」]+")


def is_glossary_header(line: str) -> bool:
    """True for glossary headers: ``/ Glossary生字 /``, ``Glossary``, ``生字``, ``Vocabulary``, …"""
    s = _HEADER_NOISE.sub("", line).lower()
    if not s or len(s) > 40:
        return False
    found = False
    while s:
        for word in _HEADER_WORDS:
            if s.startswith(word):
                s = s[len(word) :]
                found = True
                break
        else:
            return False
    return found


_POS = {
    "n": "n.",
    "noun": "n.",
    "v": "v.",
    "verb": "v.",
    "vt": "v.",
    "vi": "v.",
    "adj": "adj.",
    "adjective": "adj.",
    "a": "adj.",
    "adv": "adv.",
    "adverb": "adv.",
    "prep": "prep.",
    "preposition": "prep.",
    "conj": "conj.",
    "conjunction": "conj.",
    "pron": "pron.",
    "pronoun": "pron.",
    "det": "det.",
    "phr": "phr.",
    "phrase": "phr.",
    "phrv": "phr. v.",
    "phrasalverb": "phr. v.",
    "idiom": "idiom",
    "abbr": "abbr.",
    "abbreviation": "abbr.",
    "npl": "n. pl.",
    "pluralnoun": "n. pl.",
    "interj": "interj.",
}
# The patterns take time linear in the line, whatever it holds: a group stops at the next opening
# bracket, and a separator is looked for only where a run of blanks starts (the lookbehinds), so no
# run of blanks or brackets is scanned again from each of its characters.
_POS_GROUP = re.compile(r"[(（]([^()（）]*)[)）]")
_POS_WORDS = re.compile(r"[A-Za-z][A-Za-z. /,&]*")
_ZH_GROUP = re.compile(r"[【\[［〔]([^【\[［〔】\]］〕]*)[】\]］〕]")
_BULLET = re.compile(r"^(?:[-*•·‧▪●]\s+|\d{1,3}\s*[.)、．]\s*|[(（]\d{1,3}[)）]\s*)")
_SEPARATOR = re.compile(r"(?<!\s)\s*[：:]\s*|(?<!\t)\t+\s*|(?<!\s)\s+[–—-]\s+")
_ZH_SPLIT = re.compile(r"\s*[／/、;；,，|｜]\s*")


def _normalise_pos(raw: str) -> str | None:
    parts = re.split(r"\s*[/,&]\s*", raw.strip())
    out = []
    for part in parts:
        key = re.sub(r"[\s.]", "", part.lower())
        if key not in _POS:
            return None
        out.append(_POS[key])
    return " / ".join(out) if out else None


def parse_glossary_line(
    line: str, *, path: str = "<string>", lineno: int | None = None
) -> GlossaryEntry | None:
    """Parse one glossary line into a :class:`GlossaryEntry`.

    Accepted forms (the colon may be ``：`` or ``:``; a tab or a spaced dash also separates)::

        cluster：a group of things …
        cluster (n.)：a group of things …
        cluster (n.)【集群】：a group of things …      teacher-given equivalent
        memorandum of understanding [合作備忘錄／諒解備忘錄]: …   alternatives
        cluster：集群                                  a translation instead of a definition
        1. cluster: …  /  - cluster: …                 numbered or bulleted

    Returns:
        The entry, or ``None`` when the line is not a glossary entry at all.
    """
    body = _BULLET.sub("", line.strip(BLANKS))
    m: re.Match[str] | None = _SEPARATOR.search(body)
    if m is None or m.start() == 0:
        return None
    head, definition = body[: m.start()], body[m.end() :].strip(BLANKS)
    zh: list[str] = []
    for g in _ZH_GROUP.finditer(head):
        zh.extend(z for z in _ZH_SPLIT.split(g.group(1).strip()) if z)
    head = _ZH_GROUP.sub(" ", head)
    pos = None
    for g in list(_POS_GROUP.finditer(head)):
        if not _POS_WORDS.fullmatch(g.group(1).strip()):
            continue
        p = _normalise_pos(g.group(1))
        if p is not None:
            pos = p
            head = head.replace(g.group(0), " ")
    if pos is None:
        lead = _POS_GROUP.match(definition)
        if (
            lead
            and _POS_WORDS.fullmatch(lead.group(1).strip())
            and (p := _normalise_pos(lead.group(1))) is not None
        ):
            pos, definition = p, definition[lead.end() :].strip(BLANKS)
    term = " ".join(head.split())
    if not term or not LATIN_RE.search(term) or HAN_RE.search(term) or len(term.split()) > 8:
        return None
    if re.search(r"[.!?;]$|[,;]\s", term):
        return None
    if definition and not LATIN_RE.search(definition) and HAN_RE.search(definition) and not zh:
        zh = [z for z in _ZH_SPLIT.split(definition) if z]
        definition = ""
    return GlossaryEntry(term=term, definition=definition, pos=pos, zh=tuple(zh), line=lineno)


def bad_glossary_line(line: str) -> str:
    return f"cannot read glossary line {line[:60]!r}: expected 'term：definition'"
