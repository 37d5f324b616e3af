"""English forms of a glossary term, and where they occur in the English paragraphs.

:func:`find_term` finds every form of a term: inflections (``overtake`` → ``overtook``,
``analysis`` → ``analyses``, from lemminflect's data), British and American spellings
(``commercialise`` / ``commercialize``), any capitalisation, hyphen or space between the words of a
compound, possessives, and multi-word terms whose head inflects (``memoranda of understanding``),
but never a form inside another word (``lag`` is not found in ``flag``) or after a prefix that makes
another word (``non-preferential``).

Examples:
    >>> term_forms("overtake")
    ('overtake', 'overtaken', 'overtakes', 'overtaking', 'overtook')
    >>> pattern = term_pattern("memorandum of understanding", pos="n.")
    >>> [m.group() for m in pattern.finditer("Two Memoranda of Understanding were signed.")]
    ['Memoranda of Understanding']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from duizhao.model import Document, Occurrence
from duizhao.resources.lemmas import lemminflect
from duizhao.text.english import spelling_variants, word_set, zipf

from .noun_use import noun_use
from .phrasal import inner_slot
from .text_words import LEFT, PLAIN, RIGHT, SEP, find_words

__all__ = [
    "TermPattern",
    "closed_compound_split",
    "find_term",
    "spelling_variants",
    "term_forms",
    "term_pattern",
]

#: Words of a multi-word term that never inflect.
_FUNCTION_WORDS = word_set(
    "a an the of to in on at for by with from and or as into onto per via than about against "
    "off up down out over under upon within without between among through"
)

#: Adverbs that may come before the verb of a verb term ("never look back", "not hear of sth").
_PREVERBAL = word_set("never not always hardly barely scarcely seldom rarely just")

#: Placeholders in glossary terms ("lag behind sth") that stand for any short phrase.
#: The possessive ones are slots as "one's" is (round 18: "under sb's feet" → "under her feet").
_PLACEHOLDERS = word_set(
    "sth sb sth. sb. something someone somebody one's oneself sb's sth's someone's somebody's "
    "one’s sb’s sth’s someone’s somebody’s"
)
_PLACEHOLDER_WORD = r"(?:sth|sb|something|someone|somebody)\.?"
#: Possessive determiners, which stand for any other inside a term: "take its toll" is also
#: "taken their toll", "seize his chance" also "seized her chance".
_POSSESSIVES = ("my", "your", "his", "her", "its", "our", "their")
#: Reflexive pronouns: "oneself" ending a term is any of them ("fend for oneself" is also "fend
#: for themselves"; round 13: it was left out of the occurrence, which ended at "fend for").
_REFLEXIVES = (
    "myself", "yourself", "himself", "herself", "itself", "oneself", "ourselves", "yourselves",
    "themselves",
)  # fmt: skip
_PLACEHOLDER_CHOICE = re.compile(
    rf"(?<![\w'’])({_PLACEHOLDER_WORD})(?:\s*/\s*{_PLACEHOLDER_WORD})+(?![\w'’])", re.I
)

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


@lru_cache(maxsize=16384)
def _word_forms(word: str, upos: str | None) -> frozenset[str]:
    """Every inflection (and spelling) of one lower-case word, limited to a POS when given."""
    li = lemminflect()
    getAllInflections, getAllInflectionsOOV, getAllLemmas = (
        li.getAllInflections,
        li.getAllInflectionsOOV,
        li.getAllLemmas,
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


@lru_cache(maxsize=4096)
def _countable_plurals(word: str) -> frozenset[str]:
    """The regular plural of a noun lemminflect knows only as a mass noun (its plural is the word
    itself: "junk" the boat, plural "junks"; round 18), else nothing more.

    Examples:
        >>> sorted(_countable_plurals("junk")), sorted(_countable_plurals("cluster"))
        (['junks'], [])
    """
    li = lemminflect()
    if li.getAllInflections(word, upos="NOUN").get("NNS", (word,)) != (word,):
        return frozenset()
    plural = li.getAllInflectionsOOV(word, "NOUN").get("NNS", ())
    return frozenset(f.lower() for f in plural if f.lower() != word)


@dataclass(frozen=True)
class TermPattern:
    """A search pattern for one glossary term, compiled when first needed.

    Attributes:
        term: The term as given.
        slots: For each word of the term, the forms it may take (a placeholder is ``()``).
        source: The pattern's text (matches whole words only).
        words: When every form is one plain word of ASCII letters, those forms: the term is then
            found by looking each word of the text up (:mod:`.text_words`), which finds exactly
            what ``regex`` finds without compiling it.
        pairs: With ``words``, the closed compounds written as two words (``health care``):
            each head and the forms of its tail (plain words, none of them a form of ``words``
            nor the head a tail's, so that no two matches can overlap).
    """

    term: str
    slots: tuple[tuple[str, ...], ...]
    source: str
    words: frozenset[str] | None = None
    pairs: tuple[tuple[str, frozenset[str]], ...] = ()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return re.compile(self.source)

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        """Non-overlapping matches in ``text`` (not after a prefix such as ``non-``)."""
        if self.words is None:
            found: Iterable[re.Match[str]] = self.regex.finditer(text)
        else:
            found = find_words(self.words, self.pairs, text)
        for m in found:
            if not _PREFIXED.search(text, max(0, m.start() - 12), m.start()):
                yield m


_APOS = "['’]"


def _form_regex(form: str, case_sensitive: bool) -> str:
    # one pass: replacing "'" then "’" rewrote the first's class (round 18: "arm's" never found)
    esc = re.sub("['’]", lambda _: _APOS, re.escape(form))
    esc = re.sub(r"\\-", "[-‐‑]", esc)
    return esc if case_sensitive else f"(?i:{esc})"


def _clean_term(term: str) -> list[str]:
    """The alternatives of a term (``a/b`` split; parentheses and a leading ``to`` removed)."""
    t = re.sub(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】", " ", term)
    # "sb/sth" is one slot ("turn sb/sth down"), not two alternatives of the term
    t = _PLACEHOLDER_CHOICE.sub(lambda m: m.group(1), t)
    alternatives = []
    for alt in _word_choices(re.split(r"\s*[;,]\s*|\s+/\s*|\s*/\s+", t)):
        alt = alt.strip().strip(".:")
        alt = re.sub(r"^(to|be)\s+(?=\w)", "", alt, flags=re.I)
        if alt and not all(w.lower() in _PLACEHOLDERS for w in alt.split()):
            alternatives.append(alt)
    # an alternative of nothing but small words ("rule sth out / in" → "in") would match anywhere
    full = [a for a in alternatives if not all(w.lower() in _FUNCTION_WORDS for w in a.split())]
    alternatives = full or alternatives
    return alternatives or [term.strip()]


def _word_choices(alternatives: list[str]) -> list[str]:
    """Each alternative with its ``a/b`` words spelt out: ``be/get involved in`` is "be involved
    in" or "get involved in" (a slash between two words chooses a word, not a whole term)."""
    out = []
    for alt in alternatives:
        combos = [""]
        for token in alt.split():
            choices = [c for c in token.split("/") if c] or [token]
            combos = [f"{c} {x}".strip() for c in combos for x in choices]
        out.extend(combos[:16])
    return out


def _inflecting_words(words: list[str], upos: str | None) -> set[int]:
    content = [i for i, w in enumerate(words) if w.lower() not in _FUNCTION_WORDS]
    if not content:
        return set()
    if upos is None or upos == "ADJ" or upos == "ADV":
        return set(content)
    if upos == "VERB":
        # a verb, and the verbs coordinated with it (hem and haw → hemmed and hawed); an adverb
        # before it is not the verb (round 18: "never look back" → "never looked back")
        lowered = [w.lower() for w in words]
        verb = next((i for i in content if lowered[i] not in _PREVERBAL), content[0])
        out = {verb}
        for i in range(verb + 1, len(words) - 1):
            if lowered[i] in ("and", "or") and i + 1 in content:
                out.add(i + 1)
        return out
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


@lru_cache(maxsize=4096)
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
    # a noun defined as "a …"/"an …" is countable, whatever lemminflect says of the word
    countable = upos == "NOUN" and re.match(r"an?\s", definition.strip().lower()) is not None
    alternatives = []
    all_slots: list[tuple[str, ...]] = []
    # the forms, while every alternative is one plain word (see TermPattern.words)
    plain: set[str] | None = set()
    pairs: list[tuple[str, frozenset[str]]] = []
    for alt in _clean_term(term):
        words = [w for w in re.split(r"[\s\-‐‑–]+", alt) if w]
        joined_ok = bool(re.search(r"\w[-‐‑]\w", alt))
        words_inflect = _inflecting_words(words, upos)
        hyphenated = len(words) > 1 and re.fullmatch(r"\S+", alt) is not None
        if hyphenated and upos == "VERB":
            # a hyphenated verb inflects its last part: spoon-feed → spoon-fed, fast-tracked
            words_inflect = {len(words) - 1}
        # one hyphenated noun takes its plural on its last part: start-ups, lay-offs
        one_word = hyphenated and upos != "VERB"
        compound_end = len(words) - 1 if one_word else None
        parts: list[str] = []
        word_forms: set[str] | None = None
        for i, w in enumerate(words):
            if w.lower() == "oneself" and i == len(words) - 1 and any(parts):
                all_slots.append(_REFLEXIVES)
                parts.append("(?i:" + "|".join(_REFLEXIVES) + ")")
                continue
            if w.lower() in _PLACEHOLDERS:
                # a slot between words of the term; one at either end adds nothing to find
                inner = i < len(words) - 1 and any(parts)
                parts.append(r"(?:[\w'’\-]+\s+){0,4}?" if inner else "")
                all_slots.append(())
                continue
            if w.lower() in _POSSESSIVES and 0 < i < len(words) - 1:
                all_slots.append(_POSSESSIVES)
                parts.append("(?i:" + "|".join(_POSSESSIVES) + ")")
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
                if countable and i in words_inflect:
                    forms |= _countable_plurals(lw)
                if i == compound_end:  # a particle's plural is +s: lay-offs, sit-ins
                    forms |= {lw + "s"} if lw in _FUNCTION_WORDS else _word_forms(lw, "NOUN")
            word_forms = None if acronym else forms
            ordered = sorted(forms, key=lambda f: (-len(f), f))
            all_slots.append(tuple(sorted(forms)))
            parts.append("(?:" + "|".join(_form_regex(f, acronym) for f in ordered) + ")")
        # a phrasal verb's object or an adverb before its particle (phased them out, lags far
        # behind; glossary/phrasal.py)
        if upos in ("VERB", None) and parts[-1]:
            skip = _PLACEHOLDERS | _FUNCTION_WORDS
            parts[-1] = inner_slot(words, skip, _FUNCTION_WORDS) + parts[-1]
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
                body += f"(?:{SEP}{'|' if joined_ok else ''})" + part
        alternatives.append(body)
        if plain is not None:
            one = len(words) == 1 and word_forms is not None
            if one and word_forms is not None and all(map(PLAIN.fullmatch, word_forms)):
                plain |= word_forms
            else:
                plain = None
        if len(words) == 1 and words[0].isalpha() and words[0].lower() == words[0]:
            split = closed_compound_split(words[0].lower())
            if split is not None:
                head, tail = split
                pairs.append((head, _word_forms(tail, upos)))
                tail_forms = sorted(_word_forms(tail, upos), key=lambda f: (-len(f), f))
                alternatives.append(
                    _form_regex(head, False)
                    + SEP
                    + "(?:"
                    + "|".join(_form_regex(f, False) for f in tail_forms)
                    + ")"
                )
    source = LEFT + "(?:" + "|".join(alternatives) + ")" + RIGHT
    looked_up = None if plain is None else frozenset(plain)
    if looked_up is not None and pairs:
        heads = {h for h, _ in pairs}
        tails = frozenset().union(*(t for _, t in pairs))
        if not (
            all(map(PLAIN.fullmatch, heads | tails))
            and heads.isdisjoint(looked_up | tails)
            and tails.isdisjoint(looked_up)
        ):
            looked_up = None
    return TermPattern(
        term=term,
        slots=tuple(all_slots),
        source=source,
        words=looked_up,
        pairs=tuple(pairs) if looked_up is not None else (),
    )


def closed_compound_split(word: str) -> tuple[str, str] | None:
    """``healthcare`` → ``("health", "care")`` when both halves are common words."""
    if len(word) < 7:
        return None
    best: tuple[float, str, str] | None = None
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        # the tail is looked up only when the head could make the best split (most heads of a
        # word are no word): min(head, tail) must reach 3.5 and pass the best so far
        first = zipf(head)
        if first < 3.5 or (best is not None and first <= best[0]):
            continue
        score = min(first, zipf(tail))
        if score >= 3.5 and (best is None or score > best[0]):
            best = (score, head, tail)
    return None if best is None else (best[1], best[2])


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

    Examples:
        >>> from duizhao.model import Paragraph
        >>> from duizhao.text.sentences import split_sentences
        >>> text = "Shenzhen overtook Tokyo. It is overtaking others."
        >>> doc = Document(en=(Paragraph("en", text, split_sentences(text, "en")),))
        >>> [(o.sentence, o.text) for o in find_term("overtake", doc)]
        [(0, 'overtook'), (1, 'overtaking')]
    """
    pattern = term_pattern(term.strip(), pos=pos, definition=definition)
    firsts = doc.first_sentence("en")
    # a verb's base form where a noun stands is another word (glossary/noun_use.py)
    base = term.strip().lower()
    verb = base.isalpha() and _upos_for(pos, definition) == "VERB"
    out = []
    for p, para in enumerate(doc.en):
        for m in pattern.finditer(para.text):
            start, end = m.span()
            if verb and m.group().lower() == base and noun_use(para.text, start):
                continue
            out.append(
                Occurrence(
                    paragraph=p,
                    sentence=firsts[p] + para.sentence_at(start),
                    start=start,
                    end=end,
                    text=para.text[start:end],
                )
            )
    return tuple(out)
