"""Every item of ``bank due --for chinese`` in a Chinese sentence where the bank has one (round 16's
QA: on main 6 of 8 items of the seed's sheet had none — a glossary term's counterpart was looked
for in the English sentences, and a word whose only sentence held another due word got none).

Read back as a learner sees it: the PDF with ``pdftotext``, the HTML in Chromium, the terminal
review's transcript. With two smaller fixes of the same QA pass on the seed's bank: the English
sheet's key flags an uncertain term, and the HTML concordance never cuts a highlighted word.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest

from duizhao.cli import main


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


ARGS = ["bank", "due", "--for", "chinese", "--date", "2025-09-10", "--new", "8", "--reading", "both"]


@pytest.fixture(scope="module")
def db(seed_json: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("bank") / "bank.sqlite3")
    assert main(["bank", "add", str(seed_json), "--db", path, "-q"]) == 0
    return path


def _words(db: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main([*ARGS, "--db", db]) == 0
    return [r.split()[0] for r in capsys.readouterr().out.splitlines()[1:]]


def test_every_item_of_the_pdf_has_its_sentence(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = _words(db, capsys)
    assert len(words) == 8 and "集群" in words and "特惠" in words  # two glossary counterparts
    out = tmp_path / "due.pdf"
    assert main([*ARGS, "--db", db, "-o", str(out)]) == 0
    text = pdftotext(out)
    sheet, key = text.split("Answer key")
    # each numbered item: the word, then its sentence (a line with the word and a 。or ，)
    # (the number on the word's line, or on a line of its own as WeasyPrint's list markers were)
    items = re.split(r"\n\s*\d\.[ \t]*\n?", "\n" + sheet)[1:]
    assert len(items) == 8
    for word, item in zip(words, items, strict=True):
        lines = [ln.replace(" ", "") for ln in item.splitlines() if ln.strip()]
        assert lines[0] == word, item
        context = "".join(ln for ln in lines[1:] if ln not in {"Reading", "Meaning"})
        assert word in context and re.search("[，。…]", context), f"{word}: no sentence\n{item}"
    # the key gives each sentence too (after the word, its readings and meaning)
    answers = re.split(r"\n\d\. ", key)[1:]
    assert len(answers) == 8
    for word, answer in zip(words, answers, strict=True):
        head, _, rest = answer.partition("\n")
        assert head.startswith(word) and "/" in head, answer
        assert word in rest.replace("\n", "") and re.search("[，。…]", rest), answer


def test_every_item_of_the_html_has_its_sentence_in_chromium(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], browser
) -> None:  # type: ignore[no-untyped-def]
    words = _words(db, capsys)
    out = tmp_path / "due.html"
    assert main([*ARGS, "--db", db, "-o", str(out)]) == 0
    page = browser.new_page()
    page.goto(out.as_uri())
    items = page.locator("main.sheet ol.zh-items > li")
    assert items.count() == 8
    for i, word in enumerate(words):
        li = items.nth(i)
        assert li.locator(".zh-word").inner_text() == word
        ctx = li.locator(".zh-context")
        assert ctx.count() == 1 and ctx.is_visible(), word
        # only this item's word is marked, though the sentence may hold another due word
        assert li.locator(".zh-context u").all_inner_texts() == [word]
    keys = page.locator("main.key ol.answers > li")
    assert [keys.nth(i).locator("u").inner_text() for i in range(8)] == words
    page.close()


def test_the_terminal_review_shows_the_sentence(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    argv = ["bank", "review", "--for", "chinese", "--date", "2025-09-10", "--new", "1"]
    assert main([*argv, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "集群" in out and re.search(r"【集群】[^\n]*[，。]", out), out


def test_the_english_key_marks_an_uncertain_term_check(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """*metric*'s counterpart in the seed is uncertain: the list says "? check", and so does the
    sheet's key now (with a legend), while the pupils' page gives it no Chinese clue."""
    argv = ["bank", "due", "--db", db, "--date", "2025-09-10", "--new", "3"]
    capsys.readouterr()
    assert main(argv) == 0
    assert "? check" in next(r for r in capsys.readouterr().out.splitlines() if "metric" in r)
    out = tmp_path / "due.pdf"
    assert main([*argv, "-o", str(out)]) == 0
    sheet, key = pdftotext(out).split("Answer key")
    assert "check" not in sheet and "指標" not in sheet + key
    assert re.search(r"metric\s+\? check", key) and "not sure of this term's Chinese" in key
    assert key.count("? check") == 2  # the legend and metric's line, not the certain terms'


def test_a_counterparts_sentence_is_the_one_aligned_with_the_term(
    seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The teacher gives *metric* its counterpart 指標 (the corrections file, as the review page
    writes it). 指標 occurs twice: in 兩項核心指標 ("two measures") and in 第三個核心指標 ("a third
    metric"); the sheet shows the second, the one the English term is aligned with."""
    seed = (
        Path(__file__).resolve().parents[2] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
    )
    art = tmp_path / seed.name
    art.write_bytes(seed.read_bytes())
    art.with_name(art.stem + ".duizhao.toml").write_text(
        '[counterparts]\nmetric = "指標"\n', encoding="utf-8"
    )
    db = str(tmp_path / "bank.sqlite3")
    assert main(["bank", "add", str(art), "--db", db, "-q"]) == 0
    out = tmp_path / "due.html"
    assert main([*ARGS, "--db", db, "-o", str(out)]) == 0
    assert "指標" in capsys.readouterr().out
    sheet = out.read_text(encoding="utf-8").split('<main class="paper key">')[0]
    item = sheet.split('<span class="zh-word" lang="zh-Hant">指標</span>')[1].split("</li>")[0]
    assert "第三個核心<u>指標</u>" in item, item


def test_a_highlighted_word_of_the_concordance_is_never_cut(
    db: str, tmp_path: Path, browser
) -> None:  # type: ignore[no-untyped-def]
    """``bank kwic 集群 --html`` in Chromium at many widths: each highlighted word stays on one
    line (before, 集 could end a line and 群 start the next)."""
    out = tmp_path / "kwic.html"
    assert main(["bank", "kwic", "集群", "--db", db, "--html", str(out)]) == 0
    page = browser.new_page()
    page.goto(out.as_uri())
    marks = page.locator("mark")
    assert marks.count() >= 4
    for width in range(360, 1000, 15):
        page.set_viewport_size({"width": width, "height": 800})
        lines = page.evaluate(
            "() => [...document.querySelectorAll('mark')].map(m => "
            "new Set([...m.getClientRects()].map(r => Math.round(r.top))).size)"
        )
        assert set(lines) == {1}, (width, lines)
    page.close()


def test_the_terminal_review_flags_an_uncertain_term(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The English class's terminal review of *metric* (uncertain counterpart) says so in the
    answer, as ``bank due`` and the sheet's key do; *cluster*'s answer has its Chinese."""
    copy = tmp_path / "bank.sqlite3"
    copy.write_bytes(Path(db).read_bytes())
    monkeypatch.setattr("sys.stdin", io.StringIO("\n3\n\n3\n\n3\n"))
    argv = ["bank", "review", "--db", str(copy), "--date", "2025-09-10", "--new", "3"]
    capsys.readouterr()
    assert main(argv) == 0
    out = capsys.readouterr().out
    metric = out.split("] metric")[1].split("next review")[0]
    assert (
        "= ? check (no certain Chinese) | " in metric
        and "指標" not in metric.split("\n    = ")[1].split("\n")[0]
    )
    cluster = out.split("] cluster")[1].split("next review")[0]
    assert "= 集群 | jí qún" in cluster and "check" not in cluster


def test_a_long_sentence_is_cut_to_the_clauses_around_the_word(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A learner reviewing 數據庫 reads its clause, not the whole 60-character sentence the
    seed's sheet repeated for several items (round 16's QA): a sentence longer than 40
    characters keeps the clauses around the word, with "…" where text is left out."""
    words = _words(db, capsys)
    out = tmp_path / "due.html"
    assert main([*ARGS, "--db", db, "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    sheet = page.split('class="key', 1)[0]
    contexts = [
        re.sub(r"<[^>]+>|\s", "", c)
        for c in re.findall(r'class="zh-context"[^>]*>(.*?)</div>', sheet, flags=re.S)
    ]
    assert len(contexts) == len(words) == 8
    cut = [c for c in contexts if "…" in c]
    assert cut, contexts
    for word, c in zip(words, contexts, strict=True):
        assert word in c
        if len(c) > 40:  # only a clause without a mark inside it may be that long
            assert not re.search("[，；：。！？]", c.rstrip("。！？…")), c


def test_the_terminal_review_cuts_a_long_sentence_as_the_sheet_does(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``bank review --for chinese`` showed a long sentence whole where ``bank due --for chinese``
    cuts it to the clauses around the word (round 17's QA): each card's sentence in the terminal
    is now the one of the same item on the review sheet, "…" and all."""
    words = _words(db, capsys)
    out = tmp_path / "due.html"
    assert main([*ARGS, "--db", db, "-o", str(out)]) == 0
    sheet = out.read_text(encoding="utf-8").split('class="key', 1)[0]
    contexts = [
        re.sub(r"<[^>]+>|\s", "", c)
        for c in re.findall(r'class="zh-context"[^>]*>(.*?)</div>', sheet, flags=re.S)
    ]
    assert len(contexts) == 8 and any("…" in c for c in contexts)
    copy = tmp_path / "bank.sqlite3"  # the ratings go to a copy: the module's bank stays new
    copy.write_bytes(Path(db).read_bytes())
    monkeypatch.setattr("sys.stdin", io.StringIO("\n3\n" * 8))
    argv = ["bank", "review", "--for", "chinese", "--date", "2025-09-10", "--new", "8"]
    assert main([*argv, "--db", str(copy)]) == 0
    text = capsys.readouterr().out
    shown = re.findall(r"\[\d/8\] (\S+)\n    (\S+)\n", text)
    assert [w for w, _ in shown] == words, text
    for (word, line), context in zip(shown, contexts, strict=True):
        assert f"【{word}】" in line and line.replace("【", "").replace("】", "") == context
