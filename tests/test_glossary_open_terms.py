"""Round 17: a counterpart of a term with a slot the text fills (a placeholder, "beat oneself
up", or a phrasal verb's particle, "talk sb round") is at most ``part`` evidence, so it is shown
as certain only from ``part``'s threshold, however wholly the dictionary translates its fixed
words (:func:`duizhao.glossary.terms.open_term`). Run the way a teacher runs duizhao (``duizhao
annotate`` on an article file), on text written for this test (not from any dev set).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from duizhao.glossary.confidence import evidence_class
from duizhao.glossary.terms import open_term

from conftest import cli_json

_ARTICLE = """He beat himself up over the lost wallet.

Shoppers voted with their feet and went to the new mall.

She talked her father round to buying a dog.

他為丟失銀包而不斷打自己，自責不已。

顧客用腳投票，紛紛轉到新商場。

她說服了父親買一隻狗。

/ Glossary生字 /

beat oneself up：to blame yourself too much

vote with one's feet：to show you do not like sth by leaving

talk sb round：to persuade sb to agree
"""


def _links(tmp_path: Path) -> dict[str, dict[str, Any]]:
    path = tmp_path / "article.txt"
    path.write_text(_ARTICLE, encoding="utf-8")
    return {g["term"]: g for g in cli_json("annotate", str(path), "-q")["glossary"]}


def test_an_open_term_word_by_word_is_marked_check(tmp_path: Path) -> None:
    links = _links(tmp_path)
    # 打 "to beat" translates the term's one fixed content word: before, that was whole
    # evidence and 打 was shown as certain; the counterpart is 自責 "to blame oneself"
    assert links["beat oneself up"]["uncertain"] is True
    # a literal rendering that is right is marked "check" too: the price of the rule
    first = links["vote with one's feet"]["counterparts"][0]["text"]
    assert (first, links["vote with one's feet"]["uncertain"]) == ("用腳投票", True)
    # strong enough for part's threshold: still certain
    first = links["talk sb round"]["counterparts"][0]["text"]
    assert (first, links["talk sb round"]["uncertain"]) == ("說服", False)


def test_only_an_open_term_loses_whole() -> None:
    assert open_term("beat oneself up") and open_term("pull sth back")
    assert not open_term("supply chain") and not open_term("look forward to")
    features = {"dict_term": 1.0, "core_term": 1.0}
    assert evidence_class(features) == "whole"
    assert evidence_class(features, open_term=True) == "part"
