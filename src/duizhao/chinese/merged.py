"""Readings that the Traditional character rules out (issue 15, round 12).

The romaniser reads the Simplified text, where the simplification merged characters of different
words into one polyphone: 发 is 發 *fā* "to send out" and 髮 *fà* "hair", 只 is 只 *zhǐ* "only"
and 隻 *zhī* (the measure word), 斗 is 斗 *dǒu* and 鬥
*dòu* (the merged characters of 《简化字总表》, 1986, and 现代汉语词典's readings of each
Traditional form). Where the text is written in Traditional characters, the character as
written says which word it is, so a reading the Traditional form never has is replaced by the
one it has: 散發 *sànfā* "to distribute" (pypinyin's phrase 散发 says *sànfà*, the hair), 一隻
*zhī*, 北斗 *dǒu*. A neutral tone stands (關係 guān*xi*), and so does any
reading the form can have; Simplified input is left alone (its 只 is also the measure word).

Examples:
    >>> readings = ["sàn", "fà"]
    >>> merged_pinyin("散發", "散发", readings)
    >>> readings
    ['sàn', 'fā']
    >>> readings = ["tóu", "fà"]
    >>> merged_pinyin("頭髮", "头发", readings)
    >>> readings
    ['tóu', 'fà']
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["merged_pinyin"]

#: Traditional character → {a reading of its Simplified form that it never has: the reading it
#: has instead}. Only forms with one reading among those of the merged character are listed
#: (乾 is *gān* and *qián*: left out; 臺 is *tái*, never *tāi* as in 台州). 干 *gān* / 幹 *gàn*
#: were tried and left out: machine-converted text (CPP's Traditional form, made by OpenCC)
#: writes 幹預 for 干预 and leaves 干 for 幹 where its phrases do not know the word, and ruling
#: out a reading then believes the converter's error (CPP: tuning +1 −1, held-out −2).
_RULED_OUT = MappingProxyType(
    {
        "發": {"fà": "fā"},  # 發 "to send out" / 髮 "hair"
        "髮": {"fā": "fà"},
        "隻": {"zhǐ": "zhī"},  # 隻 the measure word / 只 "only"
        "只": {"zhī": "zhǐ"},
        "鬥": {"dǒu": "dòu"},  # 鬥 "to fight" / 斗 "a dipper; a peck"
        "斗": {"dòu": "dǒu"},
        "係": {"jì": "xì"},  # 係 "to be; relation" / 繫 jì "to tie"
        "臺": {"tāi": "tái"},
        "儘": {"jìn": "jǐn"},  # 儘管 / 盡 "to exhaust"
        "捨": {"shè": "shě"},  # 捨 "to give up" / 舍 "a house"
        "舍": {"shě": "shè"},
        "纖": {"qiàn": "xiān"},  # 纖 "fine" / 縴 "a tow-rope"
        "划": {"huà": "huá"},  # 划 "to row" / 劃 "to plan; to draw"
        "葉": {"xié": "yè"},  # 葉 "leaf" / 叶 xié "to harmonise"
        # 閤 "side door; pavilion" (閤門, a variant of 閣) / 合 hé (round 16); hé only as 闔
        # "whole" before 家 府 第 (閤家 "the whole family"), :data:`_KEPT_BEFORE`
        "閤": {"hé": "gé"},
    }
)

#: Characters after which a ruled-out reading stands after all (閤家 hé jiā "the whole family").
_KEPT_BEFORE = MappingProxyType({"閤": "家府第"})


def merged_pinyin(text: str, simplified: str, readings: list[str | None]) -> None:
    """Replace the readings that the Traditional characters of ``text`` rule out (in place).

    Only a text written in Traditional characters (one that differs from its Simplified form
    ``simplified``) is read so: in Simplified text 只 is also the measure word *zhī* (一只猫) and
    斗 also *dòu* "to fight".
    """
    if text == simplified:
        return
    for k, ch in enumerate(text):
        ruled_out = _RULED_OUT.get(ch)
        if ruled_out is not None:
            instead = ruled_out.get(readings[k] or "")
            if instead is None:
                continue
            after = text[k + 1 : k + 2]
            if not (after and after in _KEPT_BEFORE.get(ch, "")):
                readings[k] = instead
