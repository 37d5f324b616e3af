"""Glossary lines (``term (pos)【中文】：definition``) and glossary section headers."""

from __future__ import annotations

import re

from ..model import GlossaryEntry
from ..text.script import HAN_RE, LATIN_RE
from .decode import BLANKS

__all__ = ["bad_glossary_line", "is_glossary_header", "is_table_furniture", "parse_glossary_line"]

_HEADER_WORDS = (  # the longer first: 詞彙表 ("vocabulary list") before 詞彙
    "生字表",
    "詞彙表",
    "词汇表",
    "字詞表",
    "詞語表",
    "词语表",
    "glossary",
    "vocabulary",
    "vocab",
    "keywords",
    "keyterms",
    "wordbank",
    "wordlist",
    "wordstoknow",
    "words",
    "生字",
    "詞彙",
    "词汇",
    "字詞",
    "词语",
    "詞語",
)
#: Words that qualify a header word and are no header alone: "Key words 重點詞彙".
_HEADER_MODIFIERS = ("重點", "重点", "關鍵", "关键", "key", "useful", "new")
_HEADER_NOISE = re.compile(r"[\s/|｜\-—–_*#=~【】\[\]()（）:：.·•「」]+")


def is_glossary_header(line: str) -> bool:
    """True for glossary headers: ``/ Glossary生字 /``, ``Glossary``, ``生字``, ``Vocabulary``,
    ``Key words 重點詞彙``, …

    Examples:
        >>> is_glossary_header("Key words 重點詞彙"), is_glossary_header("Words to know")
        (True, True)
        >>> is_glossary_header("重點"), is_glossary_header("Key"), is_glossary_header("Words")
        (False, False, True)
    """
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
            modifier = next((m for m in _HEADER_MODIFIERS if s.startswith(m)), None)
            if modifier is None:
                return False
            s = s[len(modifier) :]
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
_POS_GROUP = re.compile(r"[(（\[［]([^()（）\[\]［］]*)[)）\]］]")
_POS_WORDS = re.compile(r"[A-Za-z][A-Za-z. /,&]*")
_ZH_GROUP = re.compile(r"[【\[［〔(（]([^【\[［〔(（】\]］〕)）]*)[】\]］〕)）]")
_BULLET = re.compile(r"^(?:[-*•·‧▪●]\s+|\d{1,3}\s*[.)、．]\s*|[(（]\d{1,3}[)）]\s*)")
_SEPARATOR = re.compile(
    r"(?<!\s)\s*[：:]\s*|(?<!\t)\t+\s*|(?<!\s)\s+[–—-]\s+|(?<!\s)\s+[|｜]\s+|(?<!\s)\s*｜\s*"
)
_ZH_SPLIT = re.compile(r"\s*[／/、;；,，|｜]\s*|\s+")
_EMPTY_CELL = re.compile(r"[|｜][\s\u3000]*(?=[|｜])")
_TABLE_EDGES = re.compile(r"^[|｜]\s*|(?<!\s)\s*[|｜]$")
_OPEN, _CLOSE = "【[［〔(（", "】]］〕)）"
_HAN_CHUNK = re.compile(
    f"(?:[{re.escape(_OPEN)}]\\s*)?(?P<zh>{HAN_RE.pattern}(?:{HAN_RE.pattern}|\\s*[／/、]\\s*{HAN_RE.pattern})*)"
    f"(?:\\s*[{re.escape(_CLOSE)}])?"
)
"""A Chinese equivalent written bare or in brackets: ``照顧``, ``【照顧】``, ``(照顧／照料)``."""
_MAX_ZH = 12
"""The longest Chinese equivalent written before its term with no separator (``集群 cluster``)."""
_AFTER_ZH = re.compile(r"\s*[：:;；,，|｜]\s*|\s+[–—-]\s+|\s*")


def _normalise_pos(raw: str) -> str | None:
    parts = re.split(r"\s*[/,&]\s*", raw.strip())
    out = []
    for part in parts:
        key = re.sub(r"[\s.]", "", part.lower())
        if key not in _POS:
            return None
        out.append(_POS[key])
    return " / ".join(out) if out else None


def _zh_words(chunk: str) -> list[str]:
    return [z for z in _ZH_SPLIT.split(chunk.strip()) if z]


def _split(body: str) -> tuple[str, list[str], str] | None:
    """``(head, Chinese, definition)`` of a line: the head holds the term and its part of speech.

    With a separator (``：``, a tab, a spaced dash or bar) the head is what comes before it. Without
    one, the Chinese equivalent or a part of speech in brackets ends the head: ``cater for 照顧 to
    provide …``, ``cater for (v.) 【照顧】``, ``cater for [v] to provide …``.
    """
    # a separator inside brackets separates alternatives (【集群 | 群組】), not the head
    masked = _ZH_GROUP.sub(lambda g: "x" * len(g.group(0)), body)
    m = _SEPARATOR.search(masked)
    if m is not None:
        if m.start() == 0:
            return None
        return body[: m.start()], [], body[m.end() :].strip(BLANKS)
    zh = _HAN_CHUNK.search(body)
    if zh is not None:
        return body[: zh.start()], _zh_words(zh.group("zh")), body[zh.end() :].strip(BLANKS)
    for g in _POS_GROUP.finditer(body):
        if g.start() > 0 and _normalise_pos(g.group(1)) is not None:
            return body[: g.end()], [], body[g.end() :].strip(BLANKS)
    return None


def parse_glossary_line(
    line: str, *, path: str = "<string>", lineno: int | None = None
) -> GlossaryEntry | None:
    """Parse one glossary line into a :class:`GlossaryEntry`.

    Accepted forms (the colon may be ``：`` or ``:``; a tab, a spaced dash or a bar also
    separates)::

        cluster：a group of things …
        cluster (n.)：a group of things …
        cluster (n.)【集群】：a group of things …      teacher-given equivalent
        memorandum of understanding [合作備忘錄／諒解備忘錄]: …   alternatives
        cluster：集群                                  a translation instead of a definition
        cluster (n.) – 集群 – a group of things …      the equivalent between spaced dashes
        cluster (集群)：…  /  cluster 集群：…          the equivalent in round brackets, or bare
        cluster 集群 a group of things …               no separator: the Chinese ends the term
        cluster [n] a group of things …                …or the part of speech does
        cluster | 集群 | a group of things …           a row of a table
        集群：cluster  /  集群 cluster                  the Chinese first
        1. cluster: …  /  - cluster: …                 numbered or bulleted

    Returns:
        The entry, or ``None`` when the line is not a glossary entry at all.
    """
    body = _BULLET.sub("", line.strip(BLANKS))
    if body[:1] in "|｜":  # a table row: an empty cell (no Chinese given) is no cell
        body = _EMPTY_CELL.sub("", body)
    body = _TABLE_EDGES.sub("", body)
    parts = _split(body)
    if parts is None:
        return None
    head, zh, definition = parts
    if not head.strip(BLANKS) and zh:  # the Chinese first and no separator: 集群 cluster
        if HAN_RE.search(definition) or sum(map(len, zh)) > _MAX_ZH:
            return None  # a Chinese sentence with a Latin word in it, not a glossary line
        head, definition = definition, ""
    if HAN_RE.search(head) and not LATIN_RE.search(head) and not HAN_RE.search(definition):
        # the Chinese first, then the term: 集群：cluster
        zh, head, definition = zh + _zh_words(_strip_brackets(head)), definition, ""
    if not zh and (lead := _HAN_CHUNK.match(definition)):
        rest = definition[lead.end() :]
        sep = _AFTER_ZH.match(rest)
        after = rest[sep.end() :] if sep else rest
        if not rest.strip(BLANKS) or re.match(r"[A-Za-z(（]", after):
            # the definition opens with the equivalent: cluster：集群；a group of things, or
            # cluster (n.) – 集群 – a group of things
            zh = _zh_words(lead.group("zh"))
            definition = after.strip(BLANKS)
    for g in _ZH_GROUP.finditer(head):
        if HAN_RE.search(g.group(1)):
            zh.extend(_zh_words(g.group(1)))
    head = _ZH_GROUP.sub(lambda g: " " if HAN_RE.search(g.group(1)) else g.group(0), head)
    tail = _HAN_CHUNK.search(head)
    if tail is not None and not LATIN_RE.search(head[tail.start() :]):
        zh.extend(_zh_words(tail.group("zh")))  # cluster 集群：…
        head = head[: tail.start()]
    pos = None
    for g in list(_POS_GROUP.finditer(head)):
        if not _POS_WORDS.fullmatch(g.group(1).strip()):
            continue
        p = _normalise_pos(g.group(1))
        if p is not None:
            pos = p
            head = head.replace(g.group(0), " ")
    if pos is None:
        lead_pos = _POS_GROUP.match(definition)
        if (
            lead_pos
            and _POS_WORDS.fullmatch(lead_pos.group(1).strip())
            and (p := _normalise_pos(lead_pos.group(1))) is not None
        ):
            pos, definition = p, definition[lead_pos.end() :].strip(BLANKS)
    term = " ".join(head.split())
    if not term or not LATIN_RE.search(term) or HAN_RE.search(term) or len(term.split()) > 8:
        return None
    if re.search(r"[.!?;]$|[,;]\s", term):
        return None
    if definition and not re.search(r"[^\W\d_]", definition):
        return None  # a definition with no word in it: drift (v.) – ### ~~~
    if definition and not LATIN_RE.search(definition) and HAN_RE.search(definition) and not zh:
        zh = _zh_words(definition)
        definition = ""
        if any(not re.search(r"[^\W\d_]", z) for z in zh):
            return None  # a cell with no word in it: | litter | 垃圾 | ### |
    return GlossaryEntry(term=term, definition=definition, pos=pos, zh=tuple(zh), line=lineno)


def _strip_brackets(text: str) -> str:
    return text.strip(BLANKS + _OPEN + _CLOSE)


_TABLE_RULE = re.compile(r"^\s*[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$")
_COLUMN_NAMES = frozenset(
    re.findall(
        r"\S+",
        "term terms word words english en phrase expression vocabulary glossary keyword meaning "
        "meanings definition definitions explanation pos partofspeech chinese 中文 中譯 譯文 詞語 "
        "詞彙 生字 解釋 意思 詞性 # no",
    )
)


def is_table_furniture(line: str) -> bool:
    """True for the rule under a table's header (``|---|---|``) and for a header row whose every
    cell names a column (``| Term | 中文 | Meaning |``): lines of a glossary written as a table
    that are not entries.

    Examples:
        >>> is_table_furniture("|------|:----:|---|")
        True
        >>> is_table_furniture("| Term | 中文 | Meaning |")
        True
        >>> is_table_furniture("| cater for | 照顧 | to provide |")
        False
    """
    if _TABLE_RULE.match(line):
        return True
    if "|" not in line and "｜" not in line:
        return False
    cells = [c for c in re.split(r"[|｜]", line) if c.strip()]
    return bool(cells) and all(
        re.sub(r"[\s.()（）]", "", c).lower() in _COLUMN_NAMES for c in cells
    )


def bad_glossary_line(line: str) -> str:
    return f"cannot read glossary line {line[:60]!r}: expected 'term：definition'"
