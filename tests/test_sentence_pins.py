"""Sentence pins in the corrections file: ``[sentences] pin = ["EN:ZH", …]`` keeps sentences
together inside the paragraphs aligned together, as the teacher says (the one place to mend a
sentence pair the aligner got wrong)."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.cli import main

# The Chinese adds a sentence of praise the English leaves out (這是…值得肯定。), and gives in
# one sentence what the English says in two.
ARTICLE = """本港公共圖書館下月起在四區試行開放至晚上十時。這是康文署近年少有的便民措施，值得肯定。延長開放時間回應了多年來的訴求：住在狹窄單位的學生放學後沒有安靜地方溫習，不少人擠到快餐店直至深夜。

Public libraries in four districts will stay open until ten at night from next month. The extension answers a long-standing complaint. Students in cramped flats have nowhere quiet to revise, and many crowd into fast-food restaurants until midnight.
"""


def _align(
    tmp_path: Path, corrections: str | None, capsys: pytest.CaptureFixture[str]
) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...]]], str]:
    import json

    art = tmp_path / "library.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    toml = tmp_path / "library.duizhao.toml"
    if corrections is None:
        toml.unlink(missing_ok=True)
    else:
        toml.write_text(corrections, encoding="utf-8")
    assert main(["align", str(art), "--format", "json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    beads = [(tuple(b["en"]), tuple(b["zh"])) for b in data["sentences"]]
    return beads, out.err


def test_sentence_pins_keep_the_teachers_pairs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed, err = _align(tmp_path, '[sentences]\npin = ["0:0", "1:2", "2:2"]\n', capsys)
    assert ((1, 2), (2,)) in fixed  # both English sentences with the one Chinese sentence
    assert ((), (1,)) in fixed  # the untranslated Chinese sentence alone
    assert ((0,), (0,)) in fixed
    assert "warning" not in err


def test_bad_sentence_pins_are_warnings_with_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain, _ = _align(tmp_path, None, capsys)
    beads, err = _align(tmp_path, '[sentences]\npin = [\n  "1:2",\n  "2:1",\n  "7:0",\n]\n', capsys)
    assert "library.duizhao.toml:4: sentence pin 2:1 crosses sentence pin 1:2; left out" in err
    assert "library.duizhao.toml:5: sentence pin 7:0: there is no English sentence 7" in err
    assert any(1 in en and 2 in zh for en, zh in beads)  # the good pin is kept
    assert beads != plain or any(1 in en and 2 in zh for en, zh in plain)


def test_a_sentence_pin_is_not_toml_of_pairs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    art = tmp_path / "library.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "library.duizhao.toml").write_text(
        '[sentences]\npin = ["one:two"]\n', encoding="utf-8"
    )
    assert main(["align", str(art)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "library.duizhao.toml:2:" in err


def _long_article(tmp_path: Path, corrections: str) -> Path:
    """An article with an English paragraph too long to align as one unit (LONG_PARAGRAPH): it is
    aligned sentence by sentence, in stretches between the paragraph pins."""
    from duizhao.align.document import LONG_PARAGRAPH

    districts = ["Central", "Wan Chai", "Causeway Bay", "North Point", "Quarry Bay", "Shau Kei Wan"]
    zh_names = ["中環", "灣仔", "銅鑼灣", "北角", "鰂魚涌", "筲箕灣"]
    en = [f"Tram stop {k} in {districts[k % 6]} serves {100 + k} passengers an hour."
          for k in range(30)]  # fmt: skip
    zh = [f"{zh_names[k % 6]}第{k}個電車站每小時服務{100 + k}名乘客。" for k in range(30)]
    assert len("".join(en).replace(" ", "")) > LONG_PARAGRAPH["en"]
    art = tmp_path / "stops.txt"
    art.write_text(
        " ".join(en) + "\n\nThe fare is flat.\n\n" + "".join(zh) + "\n\n車費劃一。\n",
        encoding="utf-8",
    )
    (tmp_path / "stops.duizhao.toml").write_text(corrections, encoding="utf-8")
    return art


def test_a_sentence_pin_across_a_paragraph_pin_in_a_long_article_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In an article aligned sentence by sentence (a very long paragraph), a sentence pin whose
    sentences are on either side of a paragraph pin cannot be kept: it is a warning naming its
    line in the corrections file, never dropped silently; the pins that can be kept are kept."""
    import json

    art = _long_article(
        tmp_path, '[paragraphs]\npin = ["1:1"]\n\n[sentences]\npin = [\n  "3:4",\n  "5:30",\n]\n'
    )
    assert main(["align", str(art), "--format", "json"]) == 0
    out = capsys.readouterr()
    toml = tmp_path / "stops.duizhao.toml"
    assert (
        f"warning: {toml}:7: sentence pin 5:30: its sentences are on either side of a paragraph"
        " pin" in out.err
    )
    assert out.err.count("warning") == 1  # the pin 3:4 inside one stretch is kept, silently
    beads = [(tuple(b["en"]), tuple(b["zh"])) for b in json.loads(out.out)["sentences"]]
    assert ((3,), (4,)) in beads
    assert not any(5 in en and 30 in zh for en, zh in beads)
    # the teacher who only makes the sheet sees the same warning
    assert main(["sheet", str(art), "-o", str(tmp_path / "out")]) == 0
    assert f"warning: {toml}:7: sentence pin 5:30:" in capsys.readouterr().err


def test_align_prints_the_warning_of_a_sentence_pin_across_unaligned_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``duizhao align`` printed the reader's warnings before aligning, so a sentence pin the
    alignment left out was never reported there (only by ``sheet``)."""
    art = tmp_path / "two.txt"
    art.write_text(
        "Trams are slow.\n\nBut they are cheap.\n\n電車很慢。\n\n但是車費便宜。\n", encoding="utf-8"
    )
    (tmp_path / "two.duizhao.toml").write_text('[sentences]\npin = ["0:1"]\n', encoding="utf-8")
    assert main(["align", str(art)]) == 0
    err = capsys.readouterr().err
    assert (
        f"{tmp_path / 'two.duizhao.toml'}:2: sentence pin 0:1: its sentences are in paragraphs"
        " that are not aligned together" in err
    )
