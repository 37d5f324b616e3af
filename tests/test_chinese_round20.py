"""Round 20: people's names the segmenter cut or fused, names in lists and repeated names read
with the surname's reading (區諾軒 *Ōu*, 任志剛 *Rén*), and 一 as the digit *yī* in decimals, hours
and January (一點五, 凌晨 一點, 一月 一日). Every sentence is ours (not from a dev set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import words_tokens


def _first(tokens: list[dict], text: str, word: str) -> list[tuple[str, str]]:
    """(pinyin, Jyutping) of the first character of each token ``word``, and of the character a
    token of ``text`` holds at ``word``'s place where the segmenter cut ``word``."""
    found = [(t["pinyin"][0], t["jyutping"][0]) for t in tokens if t["text"].startswith(word)]
    if found:
        return found
    at = text.index(word)
    for t in tokens:
        if t["start"] <= at < t["end"]:
            k = at - t["start"]
            return [(t["pinyin"][k], t["jyutping"][k])]
    raise AssertionError(word)


def _char(tokens: list[dict], at: int) -> tuple[str, str]:
    """(pinyin, Jyutping) of the character at offset ``at``."""
    for t in tokens:
        if t["start"] <= at < t["end"]:
            return t["pinyin"][at - t["start"]], t["jyutping"][at - t["start"]]
    raise AssertionError(at)


@pytest.mark.parametrize(
    ("text", "at", "pinyin", "jyutping"),
    [
        # the segmenter fuses the title and the surname: 議員區 / 諾軒
        ("立法會議員區諾軒昨日表示反對。", 5, "ōu", "au1"),
        ("民主派議員區諾軒在會上指出問題。", 5, "ōu", "au1"),
        # a given name whose first character is also a verb (諾 "to promise", 志)
        ("區諾軒表示，我們不會放棄。", 0, "ōu", "au1"),
        ("任志剛指出，利率會繼續上升。", 0, "rén", "jam4"),
        # an adverb of time between the name and its verb of saying
        ("任志剛昨日說，港元很穩定。", 0, "rén", "jam4"),
        # 指 "to say" of the Hong Kong press, and a verb of a speech act
        ("區諾軒指，政府應該交代。", 0, "ōu", "au1"),
        ("單仲偕批評政府反應太慢。", 0, "shàn", "sin6"),
        # a list of names, with 、 and with 及 / 和 / 與
        ("出席者包括查良鏞、單仲偕及區諾軒。", 5, "zhā", "caa4"),
        ("出席者包括查良鏞、單仲偕及區諾軒。", 9, "shàn", "sin6"),
        ("出席者包括查良鏞、單仲偕及區諾軒。", 13, "ōu", "au1"),
        ("單仲偕與區諾軒昨日會面。", 0, "shàn", "sin6"),
        # a name before a colon that opens a quotation
        ("任志剛：「聯繫匯率不會改變。」", 0, "rén", "jam4"),
        # a name found once is a name where the article repeats it with no cue beside it
        ("記者問任志剛，任志剛說不知道。", 3, "rén", "jam4"),
    ],
)
def test_names_read_with_the_surname(
    tmp_path: Path, text: str, at: int, pinyin: str, jyutping: str
) -> None:
    assert _char(words_tokens(tmp_path, text), at) == (pinyin, jyutping)


@pytest.mark.parametrize(
    "text",
    ["區諾軒及任志剛", "任志剛及區諾軒", "區諾軒和任志剛", "金管局總裁任志剛"],
)
def test_names_the_segmenter_cut(text: str) -> None:
    # one line alone (no article around it): the segmenter leaves 區諾 / 軒 and 任 / 志 / 剛
    from duizhao.chinese import annotate_text

    tokens = annotate_text(text)
    pieces = {text[t.start : t.end] for t in tokens}
    if "任志剛" in pieces and "區諾軒" in pieces:  # pragma: no cover
        pytest.skip("the segmenter keeps these names whole now: not the case of this test")
    for name, reading in (("區", "ōu"), ("任", "rén")):
        at = text.find(name)
        if at < 0:
            continue
        (got,) = [t.pinyin[at - t.start] for t in tokens if t.start <= at < t.end]
        assert got == reading, (text, name)


@pytest.mark.parametrize(
    ("text", "word", "pinyin", "jyutping"),
    [
        ("本區議員表示，區內設施不足。", "區議員", "qū", "keoi1"),  # 議員 is a word: no name
        ("本區議員表示，區內設施不足。", "區內", "qū", "keoi1"),
        ("任何人及區域組織都可以參加。", "任何", "rèn", "jam6"),
        ("任何人及區域組織都可以參加。", "區域", "qū", "keoi1"),
        ("任由他說，單位面積縮小。", "任由", "rèn", "jam6"),
        ("他曾任局長，任期兩年。", "任期", "rèn", "jam6"),
        ("解決問題後，查明原因表示歡迎。", "查明", "chá", "caa4"),
    ],
)
def test_ordinary_words_stay(
    tmp_path: Path, text: str, word: str, pinyin: str, jyutping: str
) -> None:
    assert all(r == (pinyin, jyutping) for r in _first(words_tokens(tmp_path, text), text, word))


@pytest.mark.parametrize(
    ("text", "at", "pinyin"),
    [
        ("今年經濟增長一點五個百分點。", 6, "yī"),  # 1.5, not 一點 "a little" (yì)
        ("失業率上升零點一個百分點，達三點一。", 7, "yī"),
        ("達九成的一點七倍。", 4, "yī"),
        ("事發於凌晨一點，下午一點半再開會。", 5, "yī"),  # an hour
        ("事發於凌晨一點，下午一點半再開會。", 10, "yī"),
        ("會議在下午一點鐘開始。", 5, "yī"),
        ("新例自明年一月一日起實施。", 5, "yī"),  # January
        ("最冷的一月也有二十度。", 3, "yī"),
        ("請快一點，一點點就夠了。", 2, "yì"),  # "a little": the tone sandhi stays
        ("這件事要在一月之內完成。", 5, "yí"),  # "one month"
    ],
)
def test_yi_as_a_digit(tmp_path: Path, text: str, at: int, pinyin: str) -> None:
    assert _char(words_tokens(tmp_path, text), at)[0] == pinyin


def test_bit_by_bit_is_no_decimal(tmp_path: Path) -> None:
    # 一點一滴 "bit by bit" is an idiom, not the number 一點一 "1.1" and 滴 "a drop"
    tokens = words_tokens(tmp_path, "問題一點一滴地累積。")
    assert "一點一滴" in [t["text"] for t in tokens]


@pytest.mark.parametrize(
    ("text", "char", "pinyin"),
    [
        # the verb reading where its complement, aspect marker or object makes it certain
        ("博物館所藏的古璽很多。", "藏", "cáng"),
        ("警方懷疑他藏有武器。", "藏", "cáng"),
        ("媽媽先盛米飯，再盛湯。", "盛", "chéng"),
        ("杯裏盛滿清水。", "盛", "chéng"),
        ("她隨便挑了一件外套。", "挑", "tiāo"),
        ("村民每天去挑水。", "挑", "tiāo"),
        ("他大喝一聲，衝了出去。", "喝", "hè"),
        ("最後撒上少量鹽。", "撒", "sǎ"),
        ("加重刑罰可以收阻嚇作用。", "嚇", "hè"),
        ("圖書館館藏豐富。", "藏", "cáng"),
        # the other readings stay
        ("清朝設駐藏大臣，西藏的藏族人。", "藏", "zàng"),
        ("唐代由盛轉衰。", "盛", "shèng"),
        ("政府面對很多挑戰。", "挑", "tiǎo"),
        ("他不應撒謊，也不應撒了謊再道歉。", "撒", "sā"),
        ("我們一起喝茶。", "喝", "hē"),
    ],
)
def test_verbs_read_by_their_frame(tmp_path: Path, text: str, char: str, pinyin: str) -> None:
    tokens = words_tokens(tmp_path, text)
    got = [t["pinyin"][k] for t in tokens for k, ch in enumerate(t["text"]) if ch == char]
    assert got and all(r == pinyin for r in got), got


def test_fill_a_bowl_in_cantonese(tmp_path: Path) -> None:
    # 盛 chéng "to fill" is sing4 in Cantonese (shèng "flourishing" sing6)
    tokens = words_tokens(tmp_path, "媽媽先盛米飯。唐代由盛轉衰。")
    got = [t["jyutping"][0] for t in tokens if t["text"] == "盛"]
    assert got == ["sing4", "sing6"]
