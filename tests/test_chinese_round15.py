"""Round 15 (issue 15): glosses matched to the English sentence through irregular verb forms
(sense_match.py), words whose sense their neighbours settle (會 before a language, 在 after a
verb of placing, 並非), the CityU cuts of round 15 — each as a user meets it: ``duizhao words``
or the public gloss API."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from duizhao.chinese.gloss import choose_gloss
from duizhao.cli import main

from conftest import words_pinyin, words_tokens


def _words(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    """(word, gloss) of every token ``duizhao words --format jsonl`` prints for a line."""
    return [(t["text"], t.get("gloss")) for t in words_tokens(tmp_path, text) if t["text"].strip()]


def _gloss(tmp_path: Path, text: str, word: str) -> str:
    found = [g for w, g in _words(tmp_path, text) if w == word]
    assert found, (word, _words(tmp_path, text))
    return found[0] or ""


# -- sense matching through irregular forms -----------------------------------------------------


def test_an_irregular_past_finds_its_sense() -> None:
    assert choose_gloss("說", "说", ("shuō",), 3).startswith("to speak")  # type: ignore[union-attr]
    said = choose_gloss("說", "说", ("shuō",), 3, english="The minister said no.")
    assert said is not None and said.startswith("to say")


def test_a_phrasal_sense_needs_its_particle() -> None:
    plain = choose_gloss("脫", "脱", ("tuō",), 3)
    assert choose_gloss("脫", "脱", ("tuō",), 3, english="She took the bus home.") == plain
    off = choose_gloss("脫", "脱", ("tuō",), 3, english="She took off her coat.")
    assert off is not None and off.startswith("to take off")


def test_auxiliaries_and_modals_are_not_lemmas() -> None:
    # "was" is no "be", "should" no "shall": 應's "(legal) shall" stays behind "to agree"
    got = choose_gloss("應", "应", ("yīng",), 3, english="The government should act.")
    assert got == "should; to agree (to do sth); ought to"


# -- words whose neighbours settle their sense ---------------------------------------------------


def test_can_before_a_language_or_a_skill(tmp_path: Path) -> None:
    assert _gloss(tmp_path, "她會普通話。", "會").startswith("can")
    assert _gloss(tmp_path, "他會游泳。", "會").startswith("can")
    assert not _gloss(tmp_path, "政府會研究。", "會").startswith("can; to know how to")


def test_at_after_a_verb_of_placing(tmp_path: Path) -> None:
    assert _gloss(tmp_path, "他把書放在桌上。", "在").startswith("at; in; on")


def test_bing_fei_is_not(tmp_path: Path) -> None:
    assert _gloss(tmp_path, "這並非易事。", "並非") == "is not; not (at all)"


# -- the benchmarks' own imports -----------------------------------------------------------------


def test_every_name_a_benchmark_imports_from_another_exists() -> None:
    """``pinyin_classes.py`` imported ``_inputs`` from ``fit_pinyin_weights``, which no longer
    had it, inside a function: the error showed only when it was run. Every ``from SIBLING
    import NAME`` of benchmarks/ names a top-level definition of that sibling."""
    import ast

    bench = Path(__file__).resolve().parents[1] / "benchmarks"
    defined: dict[str, set[str]] = {}
    for path in bench.glob("*.py"):
        names: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(t.id for t in targets if isinstance(t, ast.Name))
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
        defined[path.stem] = names
    missing = [
        (path.name, node.module, a.name)
        for path in bench.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module in defined
        for a in node.names
        if a.name not in defined[node.module]
    ]
    assert not missing


# -- CityU cuts -----------------------------------------------------------------------------------


def test_several_is_a_word_before_what_it_counts(tmp_path: Path) -> None:
    words = [w for w, _ in _words(tmp_path, "現場有數人受傷。")]
    assert words[:4] == ["現場", "有", "數", "人"]
    # 心中有數 "to know what one is about" is an idiom, not a count
    assert "心中有數" in [w for w, _ in _words(tmp_path, "他心中有數。")]


# -- readings -------------------------------------------------------------------------------------


def test_de_of_obtaining_is_de2(tmp_path: Path) -> None:
    """pypinyin's phrase table reads 奪得, 所得 … with a neutral *de*; CC-CEDICT (and a
    teacher) say *dé* (賺 is *zhuàn*, not pypinyin's *zuàn*)."""
    readings = words_pinyin(tmp_path, "他奪得冠軍，個人所得增加，也賺得很多。")
    assert readings["奪得"] == "duó dé"
    assert readings["所得"] == "suǒ dé"
    assert readings["賺得"] == "zhuàn dé"


def test_zung6_still_in_spoken_cantonese(tmp_path: Path) -> None:
    """Cantonese 重 (仲) "still; even more" before a word: *zung6*, not *cung5* "heavy"."""
    src = tmp_path / "in.txt"
    src.write_text("我諗佢哋重慘囖。\n呢個箱好重。\n佢重達五公斤。\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["words", str(src), "--format", "jsonl"]) == 0
    zung = [
        [
            j
            for t in json.loads(line)["tokens"]
            for c, j in zip(t["text"], t["jyutping"], strict=True)
            if c == "重"
        ]
        for line in out.getvalue().splitlines()
    ]
    assert zung == [["zung6"], ["cung5"], ["cung5"]]


def test_cantonese_verb_suffix_haa5(tmp_path: Path) -> None:
    """Cantonese V下 "(do) a bit" is *haa5* (睇下, 幫下佢); 下個禮拜 "next week" stays *haa6*,
    and so does 下 in written Chinese (放下)."""
    src = tmp_path / "in.txt"
    src.write_text("你睇下佢啦。\n跟住下個禮拜佢唔得閒。\n他在桌子下放了書。\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["words", str(src), "--format", "jsonl"]) == 0
    haa = [
        [
            j
            for t in json.loads(line)["tokens"]
            for c, j in zip(t["text"], t["jyutping"], strict=True)
            if c == "下"
        ]
        for line in out.getvalue().splitlines()
    ]
    assert haa == [["haa5"], ["haa6"], ["haa6"]]


def test_cantonese_mai6_inside_a_clause(tmp_path: Path) -> None:
    """咪 inside a clause is *mai6* "then; isn't it" (噉咪係囉); opening one, the imperative
    "don't" keeps ToJyutping's *mai5* (咪郁)."""
    src = tmp_path / "in.txt"
    src.write_text("噉咪係囉。\n咪郁！\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["words", str(src), "--format", "jsonl"]) == 0
    mai = [
        [
            j
            for t in json.loads(line)["tokens"]
            for c, j in zip(t["text"], t["jyutping"], strict=True)
            if c == "咪"
        ]
        for line in out.getvalue().splitlines()
    ]
    assert mai == [["mai6"], ["mai5"]]
