"""The corrections file (NAME.duizhao.toml): read with its lines, rewritten keeping comments, and
honoured by the pipeline; entries that no longer match the article are warnings naming the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.documents import load_document
from duizhao.errors import InputError
from duizhao.model import Corrections
from duizhao.pipeline import first_stage
from duizhao.reader import read
from duizhao.reader.corrections import corrections_path, parse_corrections, read_corrections
from duizhao.reader.corrections_file import CorrectionsFile

LABS = """\
The government will build a new cluster of laboratories next year.

Tram fares will rise by ten cents from Monday.

Visitors praised the harbour views.

政府明年將興建一個新的實驗室集群。

電車車費下周一起加價一毫。

旅客稱讚海港景色。

/ Glossary生字 /
cluster：a group of similar things close together
harbour：an area of water where ships are safe
"""

ALL = """\
# my notes on the labs article
[paragraphs]
unpin = ["2:2"]          # the harbour paragraph is not translated (a test)

[counterparts]
cluster = "實驗室集群"

[readings]
"一起" = "yi1 qi3"       # a teacher's reading

[glosses]
"電車" = "tram"

[words]
"一毫" = "一毫"

[vocabulary]
hide = ["fare"]
add = ["praise"]
"""


@pytest.fixture()
def labs(tmp_path: Path) -> Path:
    article = tmp_path / "labs.txt"
    article.write_text(LABS, encoding="utf-8")
    return article


def _tokens(doc, p):
    para = doc.zh[p]
    return {para.text[t.start : t.end]: t for t in para.tokens}


def test_every_kind_of_entry_is_read_with_its_line():
    c = parse_corrections(ALL, "labs.duizhao.toml")
    assert c.unpins == ((2, 2),) and c.line_of("unpins", 0) == 3
    assert [(x.term, x.zh, x.line) for x in c.counterparts] == [("cluster", "實驗室集群", 6)]
    assert [(x.word, x.pinyin, x.line) for x in c.readings] == [("一起", ("yī", "qǐ"), 9)]
    assert [(x.word, x.gloss) for x in c.glosses] == [("電車", "tram")]
    assert [(x.text, x.parts) for x in c.words] == [("一毫", ("一毫",))]
    assert c.vocabulary_hidden == ("fare",) and c.line_of("vocabulary_hidden", 0) == 18
    assert [(a.lang, a.word, a.line) for a in c.vocabulary_added] == [("en", "praise", 19)]
    assert first_stage(c) == "align"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[paragraphs]\npin = [\"0:1\",\n  \"0x1\"]\n", 3, "is not EN:ZH"),
        ("[readings]\n\"會計\" = \"kuai4\"\n", 2, "2 Han characters but the pinyin"),
        ("[readings]\n\"行\" = {jyutping = \"hong\"}\n", 2, "not a Jyutping syllable"),
        ("[words]\n\"萬人次\" = \"萬 人\"\n", 2, "do not join back"),
        ("\n[colours]\na = 1\n", 2, "unknown section [colours]"),
        ("[counterparts]\ncluster = 3\n", 2, "is \"中文\" or \"none\""),
        ("[vocabulary]\nhide = \"fare\"\n", 2, "must be a list of strings"),
        ("[counterparts]\ncluster = \"集群\n", 2, "not TOML"),
    ],
)
def test_a_broken_line_is_an_error_naming_it(text, line, message):
    with pytest.raises(InputError) as e:
        parse_corrections(text, "x.duizhao.toml")
    assert e.value.line == line and message in e.value.message


def test_the_pipeline_honours_every_correction(labs):
    corrections_path(labs).write_text(ALL, encoding="utf-8")
    doc = load_document(labs)
    assert doc.corrections is not None and doc.corrections.path.endswith("labs.duizhao.toml")
    # the unpinned pair is apart; the other paragraphs pair as before
    assert not [b for b in doc.alignment.paragraphs if 2 in b.en and 2 in b.zh]
    assert ((0,), (0,)) in [(b.en, b.zh) for b in doc.alignment.paragraphs]
    # the counterpart choice is the given equivalent, and what is highlighted
    assert doc.glossary[0].zh[0] == "實驗室集群"
    assert doc.links[0].counterparts[0].text == "實驗室集群"
    assert [o.text for o in doc.links[0].zh] == ["實驗室集群"]
    tokens = _tokens(doc, 1)
    assert tokens["一起"].pinyin == ("yī", "qǐ")
    assert tokens["電車"].gloss == "tram"
    assert "一毫" in tokens  # kept whole
    assert "fare" not in [v.word for v in doc.vocabulary.en]
    added = next(v for v in doc.vocabulary.en if v.word == "praise")
    assert added.forms == ("praised",)
    assert not [w for w in doc.warnings if "duizhao.toml" in w]


def test_stale_entries_are_warnings_naming_their_lines(labs):
    corrections_path(labs).write_text(
        '[paragraphs]\npin = ["7:0"]\n[counterparts]\nmetric = "指標"\ncluster = "產業集群"\n'
        '[readings]\n"會計" = "kuai4 ji4"\n[vocabulary]\nhide = ["nothing"]\n',
        encoding="utf-8",
    )
    doc = load_document(labs)
    name = str(corrections_path(labs))
    warnings = [w for w in doc.warnings if w.startswith(name)]
    assert [w.split(":")[1] for w in warnings] == ["2", "4", "5", "7", "9"]
    assert "no English paragraph 7" in warnings[0]
    assert "'metric' is not a term" in warnings[1]
    assert "產業集群" in warnings[2] and "not in the Chinese text" in warnings[2]
    # nothing was applied elsewhere: the counterpart is duizhao's own
    assert doc.links[0].counterparts[0].text == "集群" and not doc.pins


def test_no_counterpart_shows_none(labs):
    corrections_path(labs).write_text('[counterparts]\ncluster = "none"\n', encoding="utf-8")
    doc = load_document(labs)
    assert doc.glossary[0].no_counterpart and doc.links[0].zh == ()
    assert doc.links[0].en  # the English is still found


def test_highlights_are_added_and_taken_away(labs):
    corrections_path(labs).write_text(
        '[highlights]\nadd = [{term = "cluster", zh = "實驗室", paragraph = 0}]\n'
        'remove = [{term = "cluster", zh = "集群"}]\n',
        encoding="utf-8",
    )
    doc = load_document(labs)
    assert [o.text for o in doc.links[0].zh] == ["實驗室"]


def test_the_writer_keeps_comments_and_reads_back(labs):
    path = corrections_path(labs)
    path.write_text(ALL, encoding="utf-8")
    f = CorrectionsFile(path, article=labs)
    f.set_counterpart("cluster", None)
    f.pin(0, 0)
    f.set_reading("車費", pinyin="chē fèi", jyutping="ce1 fai3")
    f.unhide_vocabulary("fare")
    f.hide_vocabulary("harbour")
    f.add_highlight("cluster", "實驗室", 0)
    f.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my notes on the labs article\n")
    assert "# the harbour paragraph is not translated (a test)" in text
    assert '"一起" = "yi1 qi3"       # a teacher\'s reading' in text
    c = read_corrections(path)
    assert c.pins == ((0, 0),) and c.unpins == ((2, 2),)
    assert c.counterparts[0].zh is None
    assert c.vocabulary_hidden == ("harbour",)
    assert [(r.word, r.jyutping) for r in c.readings][-1] == ("車費", ("ce1", "fai3"))
    assert c.highlights_added[0].paragraph == 0


def test_a_broken_file_is_never_rewritten(labs):
    path = corrections_path(labs)
    broken = '[counterparts]\ncluster = "集群"\n[readings]\n"會計" = "kuai4"\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match=r"duizhao.toml:4: "):
        CorrectionsFile(path, article=labs)
    assert path.read_text(encoding="utf-8") == broken


def test_the_old_pin_file_is_read_with_a_note_and_folded_in_on_save(labs):
    old = labs.with_name("labs.align.toml")
    old.write_text('pins = ["1:1"]\n', encoding="utf-8")
    doc = read(labs)
    assert doc.pins == ((1, 1),)
    assert any("labs.align.toml" in w and "labs.duizhao.toml" in w for w in doc.warnings)
    f = CorrectionsFile(corrections_path(labs), article=labs)
    f.hide_vocabulary("fare")
    f.save()
    assert not old.exists() and old.with_name("labs.align.toml.bak").exists()
    c = read_corrections(corrections_path(labs), article=labs)
    assert c.pins == ((1, 1),) and c.folded is None
    assert "moved in from labs.align.toml" in corrections_path(labs).read_text(encoding="utf-8")


def test_corrections_can_be_given_or_turned_off(labs, tmp_path):
    corrections_path(labs).write_text('[paragraphs]\npin = ["0:1"]\n', encoding="utf-8")
    assert read(labs).pins == ((0, 1),)
    assert read(labs, corrections=False).pins == () and read(labs, corrections=False).corrections is None
    other = tmp_path / "other.toml"
    other.write_text('[paragraphs]\npin = ["1:2"]\n', encoding="utf-8")
    assert read(labs, corrections=other).pins == ((1, 2),)
    assert read(labs, corrections=Corrections(pins=((2, 2),))).pins == ((2, 2),)
    with pytest.raises(InputError, match="no such corrections file"):
        read(labs, corrections=tmp_path / "missing.toml")


def test_the_teachers_chinese_for_a_suggested_english_word_replaces_duizhaos(tmp_path, capsys):
    """A suggested English vocabulary word with an uncertain Chinese equivalent (the seed's
    'apiece', shown as 突顯 "? check") could only be hidden: ``[vocabulary] add`` with a translation
    was skipped silently because the word was already suggested. The teacher's Chinese now
    replaces duizhao's, in its place, and is no longer marked "check"."""
    import re
    import shutil

    from duizhao.cli import main

    seed = Path(__file__).parents[1] / "corpus" / "2025-09-02-wipo-innovation-clusters.txt"
    art = tmp_path / seed.name
    shutil.copy(seed, art)

    def row(word: str) -> str:
        assert main(["sheet", str(art), "-o", str(tmp_path / "out"), "-q"]) == 0
        page = (tmp_path / "out" / f"{seed.stem}.html").read_text(encoding="utf-8")
        found = re.search(rf'<tr><td lang="en" class="vw">{word}</td>.*?</tr>', page)
        assert found, word
        return found.group(0)

    before = row("apiece")
    assert "? check" in before and "各" not in before
    corrections_path(art).write_text(
        '[vocabulary]\nadd = [{word = "apiece", translation = "各"}]\n', encoding="utf-8"
    )
    after = row("apiece")
    assert ">各<" in after and "check" not in after
    assert "warning" not in capsys.readouterr().err
