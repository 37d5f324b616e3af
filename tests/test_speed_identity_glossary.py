"""The glossary stages' speed paths of round 14's second part (``duizhao.glossary.fastpaths``)
beside the plain code they replace, on places and text written here."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.glossary.fastpaths import taken_mask
from duizhao.glossary.features import Candidate
from duizhao.glossary.finder import Claims

_OWNERS = st.sampled_from(["term 0", "term 1", "apiece", "fare", "underscore"])
_PLACE = st.tuples(st.integers(0, 3), st.integers(0, 300), st.integers(-2, 12))
_CLAIM = st.tuples(
    _OWNERS, st.sampled_from([0.2, 0.5, 0.8, 0.9, 2.0]), st.lists(_PLACE, max_size=4)
)


def _plain_share(
    claims: list[tuple[str, float, list[tuple[int, int, int]]]],
    owner: str,
    confidence: float,
    places: list[tuple[int, int, int]],
) -> float:
    """The share as Claims.share worked it out before round 14's second part: a set of the
    others' characters per paragraph, looked up character by character."""
    if not places:
        return 0.0
    total = 0.0
    for p, a, b in places:
        others = {
            i
            for o, conf, where in claims
            for q, x, y in where
            if q == p and o != owner and conf > confidence
            for i in range(x, y)
        }
        hit = sum(1 for i in range(a, b) if i in others) if others else 0
        total += hit / max(1, b - a)
    return total / len(places)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_CLAIM, max_size=6),
    _OWNERS,
    st.sampled_from([0.1, 0.5, 0.85, 0.95]),
    st.lists(_PLACE, max_size=5),
)
def test_claims_share_is_the_plain_share(
    claims: list[tuple[str, float, list[tuple[int, int, int]]]],
    owner: str,
    confidence: float,
    places: list[tuple[int, int, int]],
) -> None:
    made = Claims()
    for o, conf, where in claims:
        made.add(o, conf, [(p, x, x + d) for p, x, d in where])
    written = [(o, conf, [(p, x, x + d) for p, x, d in where]) for o, conf, where in claims]
    mine = [(p, a, a + d) for p, a, d in places]
    got = made.share(owner, confidence)(Candidate("突顯", {}, mine))
    assert got == _plain_share(written, owner, confidence, mine)


def test_taken_mask_is_the_set_of_taken_characters() -> None:
    places = [(2, 4, "a", 0.9), (6, 7, "b", 0.2), (3, 5, "c", 0.8), (9, 8, "a", 0.9),
              (10, 13, "d", 0.95)]  # fmt: skip
    mask = taken_mask(places, "c", 0.5)
    plain = {i for x, y, o, conf in places if o != "c" and conf > 0.5 for i in range(x, y)}
    assert {i for i in range(64) if mask >> i & 1} == plain == {2, 3, 10, 11, 12}
