"""Speed changes to the first pass over new text beside what they replace: the glosses' cheap
literal checks (duizhao.chinese.sense_text) against the regular expressions alone, on every sense
of CC-CEDICT and on made-up senses; word types read once a process (duizhao.chinese.word_types)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.chinese import gloss
from duizhao.chinese.sense_text import numbered_syllable, split_senses, unsuitable
from duizhao.resources.lexicon import cedict


def _clean_sense_plain(sense: str) -> str:
    """gloss.clean_sense as it was, every pattern tried on every sense."""
    if "(" not in sense and "[" not in sense and "|" not in sense:
        return sense.strip()

    def repl(m: re.Match[str]) -> str:
        return f"{m.group(1)} ({gloss._marks(m.group(3))})"

    sense = gloss._PRONUNCIATION_NOTE_RE.sub("", sense)
    sense = gloss._EXAMPLE_RE.sub("", sense)
    sense = gloss._CLASSIFIER_NOTE_RE.sub("", sense)
    out = gloss.MARKUP_RE.sub(repl, sense)
    out = gloss._BARE_PAIR_RE.sub(r"\1", out)
    return re.sub(r"\s*\[[A-Za-z0-9:, ]+\]", "", out).strip()


def _pieces_plain(sense: str) -> list[str]:
    """gloss._pieces as it was: a walk over every character."""
    out, depth, cur = [], 0, ""
    for ch in sense:
        depth += ch == "("
        depth -= ch == ")"
        if ch == ";" and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    out.append(cur.strip())
    return [p for p in out if p and not gloss._POINTER_RE.search(p)]


@pytest.fixture(scope="module")
def senses() -> list[str]:
    return [g for e in cedict().entries() for g in e.glosses]


def test_every_cedict_sense_is_cleaned_cut_and_judged_as_by_the_patterns_alone(
    senses: list[str],
) -> None:
    judged = unfit = 0
    for sense in senses:
        cleaned = gloss.clean_sense(sense)
        assert cleaned == _clean_sense_plain(sense), sense
        pieces = gloss._pieces(cleaned)
        assert pieces == _pieces_plain(cleaned), cleaned
        for piece in pieces:
            judged += 1
            fit = bool(gloss.UNSUITABLE_RE.search(piece))
            unfit += fit
            assert gloss._unsuitable(piece) is fit, piece
    assert judged > 200_000 and unfit > 5_000


def test_the_pinyin_of_every_cedict_entry_is_numbered_as_before(senses: list[str]) -> None:
    from duizhao.chinese.pinyin import numbered, to_tone_marks

    syllables = {s for e in cedict().entries() for s in e.pinyin.split()}
    marked = {to_tone_marks(s) for s in syllables}
    assert len(marked) > 1_000
    for s in marked:
        assert numbered_syllable(s) == numbered(s), s


_WORDS = st.sampled_from(
    ["to emit", "; ", ";", "(", ")", "(CL:個|个[ge4])", " ", "variant of 占[zhan4]", "see ",
     "CL:", "also written", "surname Wang", "Vulgar", "VULGAR", "ſemen", "\u212aounty in X",
     "sexual", "(Tw)", "(tw)", "Taiwan pr. [xx]", "pr.", "(Example: x)", "(Note: y)", "清遠|清远",
     "[Qing1 yuan3]", "place name", "İ", "ı", "district of", "old name for", "a(b;c)d", "x"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=8).map("".join))
def test_made_up_senses_are_cleaned_cut_and_judged_as_by_the_patterns_alone(text: str) -> None:
    assert gloss.clean_sense(text) == _clean_sense_plain(text)
    assert split_senses(text, gloss._POINTER_RE) == _pieces_plain(text)
    assert unsuitable(text, gloss.UNSUITABLE_RE) is bool(gloss.UNSUITABLE_RE.search(text))


def test_only_four_characters_outside_ascii_match_an_ascii_letter_ignoring_case() -> None:
    """Why sense_text asks the pattern directly when one of them is in a sense."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, 0x110000) if letter.match(chr(c))}
    assert found == {"\u0130", "\u0131", "\u017f", "\u212a"}


def test_a_word_type_read_once_a_process_is_read_as_afresh() -> None:
    from duizhao.chinese.g2pm import polyphone_model
    from duizhao.chinese.pinyin import PhraseWeights, PinyinRomaniser, _pinyin_table
    from duizhao.chinese.word_types import read_word_type

    words = [("银行", "銀行"), ("会计", "會計"), ("重新", "重新"), ("的", "的"), ("长", "長")]
    for romaniser in (PinyinRomaniser(), PinyinRomaniser(large_phrases=False),
                      PinyinRomaniser(phrase_weights=PhraseWeights(0, 0, 0))):  # fmt: skip
        model = polyphone_model()
        cands = model.candidates if model is not None else {}
        table = _pinyin_table(romaniser.large_phrases)
        for simp, text in words:
            fresh = romaniser._read_word(simp, text, table, cands)
            assert read_word_type(romaniser, simp, text) == fresh
            assert read_word_type(romaniser, simp, text) == fresh  # remembered
    # a setting changed after the first reading is another key, not the remembered reading
    romaniser = PinyinRomaniser()
    before = read_word_type(romaniser, "会计", "會計")
    romaniser.phrase_weights = PhraseWeights(0, 0, 0)
    after = read_word_type(romaniser, "会计", "會計")
    assert after == romaniser._read_word("会计", "會計", _pinyin_table(True), cands)
    assert before[2] != after[2]


def test_texts_read_one_call_at_a_time_or_together_read_the_same() -> None:
    """The memo of word types outlives a call: a later call reads as a fresh process would."""
    from duizhao.chinese import default_annotator
    from duizhao.chinese.word_types import _read

    texts = ["香港銀行的會計重新計算長期利率。", "他長大後在銀行做會計。", "行長說：重新開始。"]
    a = default_annotator()
    a.annotate_many(texts)  # every word type remembered
    remembered = [a.annotate(t) for t in texts]
    fresh = []
    for t in texts:
        _read.cache_clear()
        fresh.append(a.annotate(t))
    assert remembered == fresh


def test_every_alternative_of_the_unsuitable_pattern_has_a_needle() -> None:
    """A word added to UNSUITABLE_RE without its literal in UNSUITABLE_NEEDLES would never be
    searched for (round 13: 'offensive' was added to one and not the other in two branches)."""
    import re as _re

    from duizhao.chinese.gloss import UNSUITABLE_RE
    from duizhao.chinese.sense_text import UNSUITABLE_NEEDLES

    alternatives, depth, cur = [], 0, ""
    for ch in UNSUITABLE_RE.pattern:  # the top-level alternatives: groups kept whole
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            alternatives.append(cur)
            cur = ""
        else:
            cur += ch
    alternatives.append(cur)
    assert len(alternatives) > 20
    for alternative in alternatives:
        plain = _re.sub(r"\\b|\^|\?:|\\|[()?]", "", alternative).lower()
        assert any(n.strip("()") in plain for n in UNSUITABLE_NEEDLES), alternative


def test_precomputed_senses_are_the_plain_senses_of_every_headword() -> None:
    """Every CC-CEDICT headword (either script): the cached table's senses, where it has them,
    are those worked out from the entries; where it has none the word has several entries or no
    sense fit to show; a word under neither form has none."""
    from duizhao.chinese.sense_table import precomputed_senses

    dictionary = cedict()
    kept = 0
    for word in dictionary._table:
        found = precomputed_senses(word, word)
        if found is None:
            entries = dictionary.lookup(word)
            assert len(entries) > 1 or not gloss.entry_senses(entries)[0], word
            continue
        kept += 1
        for reading in ((), (None,) * len(word)):
            assert found == gloss.senses_plain(word, word, reading), word
    assert kept > 100_000
    assert precomputed_senses("qqq不是詞", "qqq不是词") == ()
    assert precomputed_senses("不是詞qqq", "排放") == gloss.senses_plain("不是詞qqq", "排放", ())


def test_a_gloss_with_the_table_is_the_gloss_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """choose_gloss with the table and with every word worked out on the fly, as a user calls it."""
    from duizhao.chinese import sense_table

    words = [("排放", "排放", ("pái", "fàng")), ("清新", "清新", ("qīng", "xīn")),
             ("佔", "占", ("zhàn",)), ("行", "行", ("xíng",)), ("電動", "电动", ("diàn", "dòng")),
             ("集群", "集群", ("jí", "qún")), ("微細", "微细", ("wēi", "xì"))]  # fmt: skip
    english = [None, "Emissions fell and the air is fresh.", "The group went up the ranking."]

    def answers() -> list[str | None]:
        for memo in (gloss._senses, gloss._gloss_alone):
            memo.cache_clear()
        return [gloss.choose_gloss(w, s, p, 3, english=e) for w, s, p in words for e in english]

    fast = answers()
    monkeypatch.setattr(sense_table, "precomputed_senses", lambda word, simplified: None)
    assert answers() == fast
    gloss._senses.cache_clear()
