"""A plain one-word glossary term is found by looking the text's words up, not by compiling its
pattern (round 16, second speed pass): the same matches as the compiled pattern, beside it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao import read
from duizhao.glossary import term_pattern

ROOT = Path(__file__).resolve().parents[1]

#: Terms of every shape: plain words, inflecting ones, a/b choices, hyphens, acronyms,
#: phrases, placeholders, closed compounds, apostrophes.
_TERMS = [
    ("overtake", None), ("analysis", "n."), ("cluster", "n."), ("cluster", "v."), ("lag", None),
    ("commercialise", "v."), ("preferential", "adj."), ("healthcare", "n."), ("start-up", "n."),
    ("memorandum of understanding", "n."), ("phase out", "v."), ("lag behind sth", None),
    ("take its toll", None), ("fend for oneself", None), ("GDP", "n."), ("be/get involved in", None),
    ("hem and haw", "v."), ("o'clock", None), ("café", "n."), ("spoon-feed", "v."),
    ("subsidy; subsidies", "n."), ("vouchers / coupons", "n."), ("Kelvin", None), ("is", None),
    ("sit", "v."), ("kiss", None), ("issue", "n."), ("ski", "v."), ("overtake", "v."),
    ("healthcare; overtake", None), ("bookkeeper", "n."), ("townhouse", "n."),
]  # fmt: skip

_PIECES = st.sampled_from(
    ["overtook", "Overtaking", "OVERTAKES", "analyses", "clusters", "clustered", "flag", "lag",
     "lags", "commercialize", "non-preferential", "preferential", "health care", "healthcare",
     "start-ups", "Memoranda of Understanding", "phased them out", "lagging far behind",
     "took their toll", "fend for themselves", "GDP", "gdp", "got involved in", "o'clock",
     "café", "spoon-fed", "subsidies", "coupons", "\u212aelvin", "kelvin", "İs", "ıs", "ſit",
     "\u212aiſſ", "KISS", "ıssue", "skı", "lag-3", "lag3", "lag_x", "x'lag", "’lag", "lag’s",
     "over", "OVER", "took", "taken", " - ", " – ", "\t-", "\u00a0", "\n\n", "health",
     "care", "cares", "Health\u00a0Care", "over took", "over-taken", "over x'took", "care3",
     "é", "\u0301", " ", "  ", "-", "‑", ", ", ".", "\n", "\u00a0", "3", "the", "and", "it"]
)  # fmt: skip


def _compiled(term: str, pos: str | None, text: str, d: str = "") -> list[tuple[int, int, str]]:
    pattern = term_pattern(term, pos=pos, definition=d)
    prefixed = re.compile(r"(?i)(?<![\w])(?:non|un|anti|counter|de|dis|mis|re|pre|post|co|"
                          r"sub|super|inter|intra|multi|semi|over|under)[-‐‑]$")  # fmt: skip
    return [
        (m.start(), m.end(), m.group())
        for m in pattern.regex.finditer(text)
        if not prefixed.search(text, max(0, m.start() - 12), m.start())
    ]


def _found(term: str, pos: str | None, text: str, d: str = "") -> list[tuple[int, int, str]]:
    pattern = term_pattern(term, pos=pos, definition=d)
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_plain_terms_take_the_lookup_and_the_others_the_pattern() -> None:
    assert term_pattern("cluster", pos="n.").words is not None
    overtake = term_pattern("overtake")  # also "over took" and "over-taken": a closed compound
    assert overtake.words is not None and overtake.pairs[0][0] == "over"
    assert term_pattern("subsidy; subsidies", pos="n.").words is not None
    for term in ("GDP", "start-up", "phase out", "café", "o'clock"):
        assert term_pattern(term).words is None, term


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join), st.sampled_from(_TERMS))
def test_term_matches_are_the_compiled_patterns(text: str, entry: tuple[str, str | None]) -> None:
    term, pos = entry
    assert _found(term, pos, text) == _compiled(term, pos, text)


def test_term_matches_on_the_articles_are_the_compiled_patterns() -> None:
    """Every glossary term of the corpus and fixtures, and every word of their English, in
    every English paragraph of them."""
    docs = [read(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    docs += [read(p) for p in sorted((ROOT / "tests" / "fixtures" / "glossary").glob("*.txt"))]
    paras = [p.text for d in docs for p in d.en]
    terms = {(e.term, e.pos, e.definition) for d in docs for e in d.glossary}
    terms |= {(w, None, "") for t in paras[:40] for w in re.findall(r"[A-Za-z]+", t)}
    plain = 0
    for term, pos, d in sorted(terms, key=str):
        plain += term_pattern(term, pos=pos, definition=d).words is not None
        for text in paras:
            assert _found(term, pos, text, d) == _compiled(term, pos, text, d), (term, text[:60])
    assert plain > len(terms) / 2


def test_fold_is_what_ignorecase_matches_for_every_ascii_letter() -> None:
    """Every code point that ``(?i:[a-z])`` matches folds to the letter it matches."""
    from duizhao.glossary.text_words import FOLD as _FOLD

    letter = re.compile("(?i:[a-z])")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if letter.fullmatch(c):
            folded = c.translate(_FOLD)
            assert re.fullmatch(f"(?i:{folded})", c), hex(cp)
            assert folded in "abcdefghijklmnopqrstuvwxyz", hex(cp)
        else:
            assert c.translate(_FOLD) == c, hex(cp)


def _split_every_half(word: str) -> tuple[str, str] | None:
    """closed_compound_split as it was: both halves of every split looked up."""
    from duizhao.text.english import zipf

    if len(word) < 7:
        return None
    best: tuple[float, str, str] | None = None
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        score = min(zipf(head), zipf(tail))
        if score >= 3.5 and (best is None or score > best[0]):
            best = (score, head, tail)
    return None if best is None else (best[1], best[2])


def test_closed_compound_split_is_the_split_of_every_half() -> None:
    from duizhao.glossary.terms import closed_compound_split

    words = {w.lower() for p in sorted((ROOT / "corpus").glob("*.txt"))
             for w in re.findall(r"[A-Za-z]{7,}", p.read_text(encoding="utf-8"))}  # fmt: skip
    words |= {"healthcare", "overtake", "townhouse", "lighthouse", "breakthrough", "bookkeeper"}
    found = 0
    for w in sorted(words):
        assert closed_compound_split(w) == _split_every_half(w), w
        found += closed_compound_split(w) is not None
    assert found >= 5


def test_closed_compounds_written_apart_are_the_compiled_patterns() -> None:
    texts = [
        "They over took it, over-taken, over – took, over\u00a0took, over\n\ntook.",
        "over -, took; over.took; over x took; over took3; over tooks; OVER TOOK; ſo over\ttook",
        "Health care, health-care, health - care, health,care, health--care, health care-5.",
        "a book keeper, book-keepers, book  keeper's, book keeper3, town house, town-houses",
    ]
    for text in texts:
        for term, pos in [("overtake", "v."), ("healthcare", "n."), ("bookkeeper", "n."),
                          ("townhouse", "n."), ("healthcare; overtake", None)]:  # fmt: skip
            assert term_pattern(term, pos=pos).pairs, term
            assert _found(term, pos, text) == _compiled(term, pos, text), (term, text)
