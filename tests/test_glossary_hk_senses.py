"""Hong Kong senses as translation evidence for glossary counterparts (round 20's QA: a typhoon
article whose glossary named "gale" was given 代表 as its counterpart, because 烈風 "gale" was
only in the reader's table of Hong Kong names, which the finder does not read). Everyday words of
that table moved to ``hk_glosses.tsv``, the Hong Kong senses the finder weighs."""

from __future__ import annotations

from duizhao import annotate
from duizhao.reader import read_text

ARTICLE = """天文台今早改發八號烈風或暴風信號。當局提醒市民，雨勢持續，山坡或會出現山泥傾瀉。

The Observatory issued the No. 8 Gale or Storm Signal this morning. The authorities reminded \
the public that with the rain continuing, slopes may see landslides.

Glossary
gale: a very strong wind
landslide: a mass of earth and rock falling down a slope
"""


def test_gale_and_landslide_find_their_hong_kong_words() -> None:
    doc = annotate(read_text(ARTICLE, path="typhoon.txt"))
    found = {doc.glossary[link.entry].term: link for link in doc.links}
    assert found["gale"].counterparts[0].text == "烈風"
    assert found["landslide"].counterparts[0].text == "山泥傾瀉"
