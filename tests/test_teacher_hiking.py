"""A teacher's own article in a layout the corpus does not show (round 16's QA pass): Big5-HKSCS,
the Chinese first, a date line and a byline under each headline, the glossary a bare Markdown
table (tests/fixtures/teacher/2026-11-28-hiking-big5.txt), through ``duizhao drill``."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.cli import main

ARTICLE = Path(__file__).parent / "fixtures" / "teacher" / "2026-11-28-hiking-big5.txt"

#: Every blank of the page whose next character is punctuation: [blank's line top, punctuation's
#: line top, the punctuation].
_AFTER_BLANKS_JS = r"""() => {
  const out = [];
  for (const b of document.querySelectorAll('.blank')) {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walk.currentNode = b.lastChild || b;
    let n = walk.nextNode();
    while (n && b.contains(n)) n = walk.nextNode();
    if (!n || !n.data.length || !/^[.,;:!?)\]'"’”…。，、；：！？）」』》]/.test(n.data)) continue;
    const r = document.createRange(); r.setStart(n, 0); r.setEnd(n, 1);
    out.push([b.getBoundingClientRect().top, r.getBoundingClientRect().top, n.data[0]]);
  }
  return out;
}"""


def test_the_article_is_read_as_written(capsys) -> None:
    assert main(["parse", str(ARTICLE)]) == 0
    out, err = capsys.readouterr()
    assert "encoding: big5hkscs" in out and "date: 2026-11-28" in out
    assert "author: By Chan Mei-ling / 文：陳美玲" in out
    assert "glossary: 4 entries" in out and "litter (v.) 【丟棄垃圾】" in out
    assert f"{ARTICLE}:3: read '文：陳美玲' as the byline" in err
    assert f"{ARTICLE}:13: read 'By Chan Mei-ling' as the byline" in err
    # in the order of their lines (the Chinese comes first here); the author keeps English first
    assert err.index(f"{ARTICLE}:3: read") < err.index(f"{ARTICLE}:13: read")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1200, 900, 390])
def test_a_blank_keeps_the_full_stop_after_it(browser, tmp_path: Path, width: int) -> None:  # type: ignore[no-untyped-def]
    """The cloze's last blank ended a line at 1200 px and its full stop went alone to the next
    line ("… damaging the (3)________" / "."). A blank and the punctuation after it stay on one
    line, at any width."""
    # seed 4: with round 20's glossary ("their litter", a noun, is no occurrence of the verb
    # "litter") seed 2's cloze has no blank before punctuation
    assert main(["drill", str(ARTICLE), "-o", str(tmp_path), "--seed", "4", "-q"]) == 0
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((tmp_path / f"{ARTICLE.stem}.drills.html").as_uri())
    after = page.evaluate(_AFTER_BLANKS_JS)
    page.close()
    assert after, "no blank followed by punctuation: the test would test nothing"
    apart = [ch for blank_top, punct_top, ch in after if abs(punct_top - blank_top) > 8]
    assert apart == []
