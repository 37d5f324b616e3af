"""Every command that reads an article honours the corrections file beside it, and saved annotate
JSON is an input like an article (with its corrections); other JSON is refused."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from duizhao.cli import main
from test_corrections import ALL, LABS


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corrected")
    (d / "labs.txt").write_text(LABS, encoding="utf-8")
    # harbour's paragraph is unpinned, so no counterpart can be found for it: the teacher gives
    # one, and the English–Chinese matching has two pairs
    given = ALL.replace('cluster = "實驗室集群"\n', 'cluster = "實驗室集群"\nharbour = "海港"\n')
    assert given != ALL
    (d / "labs.duizhao.toml").write_text(given, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def saved_json(folder, tmp_path_factory) -> Path:
    """`duizhao annotate --format json` of the article *without* its corrections, kept in another
    folder beside a copy of the corrections file (NAME.json → NAME.duizhao.toml)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["annotate", str(folder / "labs.txt"), "--format", "json", "--no-corrections"]) == 0
    d = tmp_path_factory.mktemp("json")
    path = d / "labs.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    shutil.copy(folder / "labs.duizhao.toml", d / "labs.duizhao.toml")
    return path


def _check_json(data: dict) -> None:
    g = data["glossary"][0]
    assert g["zh"][0] == "實驗室集群" and g["counterparts"][0]["text"] == "實驗室集群"
    assert [o["text"] for o in g["occurrences"]["zh"]] == ["實驗室集群"]
    assert not [b for b in data["alignment"]["paragraphs"] if 2 in b["en"] and 2 in b["zh"]]
    tokens = {t["text"]: t for t in data["zh"]["paragraphs"][1]["tokens"]}
    assert tokens["一起"]["pinyin"] == ["yī", "qǐ"] and tokens["電車"]["gloss"] == "tram"
    assert "fare" not in [v["word"] for v in data["vocabulary"]["en"]]
    assert "praise" in [v["word"] for v in data["vocabulary"]["en"]]


def test_annotate(folder, capsys):
    assert main(["annotate", str(folder / "labs.txt"), "--format", "json"]) == 0
    _check_json(json.loads(capsys.readouterr().out))


def test_annotate_without_corrections(folder, capsys):
    assert main(["annotate", str(folder / "labs.txt"), "--format", "json", "--no-corrections"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["glossary"][0]["counterparts"][0]["text"] == "集群"


def test_annotate_json_as_input(saved_json, capsys):
    before = json.loads(saved_json.read_text(encoding="utf-8"))
    assert before["glossary"][0]["counterparts"][0]["text"] == "集群"  # saved uncorrected
    assert main(["annotate", str(saved_json), "--format", "json"]) == 0
    _check_json(json.loads(capsys.readouterr().out))


def test_align(folder, capsys):
    assert main(["align", str(folder / "labs.txt")]) == 0
    beads = json.loads(capsys.readouterr().out)["paragraphs"]
    assert not [b for b in beads if 2 in b["en"] and 2 in b["zh"]]


def _check_sheet(html: str) -> None:
    assert '<td lang="zh-Hant" class="zh-cell">實驗室集群' in html  # glossary table
    assert 'data-g="tram"' in html
    assert '<rt class="py">yī</rt></ruby><ruby>起' in html  # 一起 yī qǐ
    assert '<td lang="en" class="vw">fare</td>' not in html
    assert '<td lang="en" class="vw">praise</td>' in html


@pytest.mark.parametrize("which", ["article", "json"])
def test_sheet(folder, saved_json, tmp_path, which):
    src = folder / "labs.txt" if which == "article" else saved_json
    assert main(["sheet", str(src), "-o", str(tmp_path), "-q"]) == 0
    _check_sheet((tmp_path / f"{src.stem}.html").read_text(encoding="utf-8"))


def test_build(folder, tmp_path):
    assert main(["build", str(folder), "-o", str(tmp_path), "-q", "--no-drills"]) == 0
    _check_sheet((tmp_path / "labs.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["article", "json"])
def test_drill(folder, saved_json, tmp_path, which):
    src = folder / "labs.txt" if which == "article" else saved_json
    tsv, apkg = tmp_path / "w.tsv", tmp_path / "w.apkg"
    args = ["drill", str(src), "-o", str(tmp_path), "--kinds", "zh", "--vocab"]
    assert main([*args, "--tsv", str(tsv), "--anki", str(apkg), "-q"]) == 0
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "cluster\ta group of similar things close together (實驗室集群)"
    assert not [x for x in lines if x.startswith("fare\t")]
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "實驗室集群" in html  # the key of the English–Chinese exercise
    import zipfile

    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        fields = [r[0] for r in conn.execute("SELECT flds FROM notes")]
    assert any(f.startswith("cluster\x1f") and "實驗室集群" in f for f in fields)


@pytest.mark.parametrize("which", ["article", "json"])
def test_bank_add(folder, saved_json, tmp_path, which):
    src = folder / "labs.txt" if which == "article" else saved_json
    db = tmp_path / "bank.sqlite3"
    assert main(["bank", "add", str(src), "--db", str(db), "-q"]) == 0
    with sqlite3.connect(db) as conn:
        sql = "SELECT word, {} FROM article_term JOIN term ON term.id = term_id WHERE lang = ?"
        rows = dict(conn.execute(sql.format("zh"), ("en",)).fetchall())
        zh = dict(conn.execute(sql.format("pinyin"), ("zh",)).fetchall())
    assert rows["cluster"] == "實驗室集群"
    assert "fare" not in rows and "praise" in rows
    assert "電車" in zh


@pytest.mark.parametrize(
    "command",
    [
        ["sheet", "{f}", "-o", "{out}"],
        ["drill", "{f}", "-o", "{out}"],
        ["bank", "add", "{f}", "--db", "{out}/b.sqlite3"],
        ["annotate", "{f}"],
    ],
)
def test_other_json_is_refused(tmp_path, capsys, command):
    f = tmp_path / "settings.json"
    f.write_text('{"theme": "dark"}', encoding="utf-8")
    args = [a.format(f=f, out=tmp_path / "o") for a in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {f}: JSON that is not a duizhao document")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "command",
    [
        ["annotate", "{f}"],
        ["align", "{f}"],
        ["sheet", "{f}", "-o", "{out}"],
        ["drill", "{f}", "-o", "{out}"],
        ["bank", "add", "{f}", "--db", "{out}/b.sqlite3"],
        ["build", "{d}", "-o", "{out}"],
    ],
)
def test_a_broken_corrections_file_stops_every_command(tmp_path, capsys, command):
    d = tmp_path / "in"
    d.mkdir()
    (d / "labs.txt").write_text(LABS, encoding="utf-8")
    broken = '[counterparts]\ncluster = "集群"\n\n[readings]\n"一起" = "yi1"\n'
    (d / "labs.duizhao.toml").write_text(broken, encoding="utf-8")
    args = [a.format(f=d / "labs.txt", d=d, out=tmp_path / "o") for a in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert f"{d / 'labs.duizhao.toml'}:5: '一起' has 2 Han characters" in err
    assert (d / "labs.duizhao.toml").read_text(encoding="utf-8") == broken


def test_a_counterpart_given_by_hand_in_saved_json_is_honoured(saved_json, tmp_path, capsys):
    data = json.loads(saved_json.read_text(encoding="utf-8"))
    data["glossary"][0]["zh"] = ["實驗室集群"]  # the teacher edits the saved JSON
    data["meta"]["path"] = None  # no corrections file beside it, no article to look beside
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["sheet", str(edited), "-o", str(tmp_path), "-q"]) == 0
    html = (tmp_path / "edited.html").read_text(encoding="utf-8")
    assert '<td lang="zh-Hant" class="zh-cell">實驗室集群' in html


@pytest.mark.parametrize(
    "line, message",
    [
        ('遮蔭 = {jyutping = "ze1 jam3"}', 'a key in Chinese must be in quotes: "遮蔭" = …'),
        ('沿海邊 = "沿 海邊"', 'a key in Chinese must be in quotes: "沿海邊" = …'),
        ('"遮蔭" = "zhē yìn', "not TOML"),  # another slip: TOML's own words
    ],
)
def test_an_unquoted_chinese_key_is_explained(tmp_path, capsys, line, message):
    """A teacher editing the file by hand writes a Chinese word bare, as the English terms are
    written; TOML only said "Empty key". The error names the file and line and says to quote it."""
    (tmp_path / "labs.txt").write_text(LABS, encoding="utf-8")
    (tmp_path / "labs.duizhao.toml").write_text(f"[readings]\n{line}\n", encoding="utf-8")
    assert main(["sheet", str(tmp_path / "labs.txt"), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path / 'labs.duizhao.toml'}:2: not TOML")
    assert message in err and err.count("\n") == 1 and not (tmp_path / "o").exists()
