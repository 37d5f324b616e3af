"""Output files: folders, UTF-8 text with line ends kept, safe names and links, whole files, and
runs that leave nothing behind when they fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duizhao.errors import DuizhaoError
from duizhao.output.files import (
    MAX_STEM_BYTES,
    all_or_nothing,
    file_stem,
    href,
    make_folder,
    output_file,
    safe_stem,
    write_text,
    writing,
)


def test_write_text_makes_the_folder_and_keeps_line_ends(tmp_path):
    path = write_text(tmp_path / "a" / "b" / "page.html", "一\r\n二\n")  # "one", "two"
    assert path == tmp_path / "a" / "b" / "page.html"
    assert path.read_bytes() == "一\r\n二\n".encode()


def test_make_folder_is_idempotent_and_reports_a_file_in_the_way(tmp_path):
    assert make_folder(tmp_path / "x") == make_folder(tmp_path / "x") == tmp_path / "x"
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(DuizhaoError, match=r"file: is a file, not a folder"):
        make_folder(tmp_path / "file")


def test_write_text_reports_a_folder_in_the_way(tmp_path):
    (tmp_path / "page.html").mkdir()
    with pytest.raises(DuizhaoError, match=r"page\.html: cannot write the file"):
        write_text(tmp_path / "page.html", "<p>知識</p>")


@pytest.mark.parametrize(
    ("source", "stem"),
    [
        ("corpus/2025-09-02-wipo-innovation-clusters.txt", "2025-09-02-wipo-innovation-clusters"),
        (Path("notes.md"), "notes"),
        ("文章.txt", "文章"),  # "article"
        (None, "sheet"),
        ("", "sheet"),
    ],
)
def test_file_stem(source, stem):
    assert file_stem(source, "sheet") == stem


# -- safe names, links, whole files, all or nothing (issue 18) ----------------------------------

@given(st.text(max_size=300))
def test_a_safe_stem_is_a_plain_name_in_any_folder(name):
    stem = safe_stem(name)
    assert stem and stem not in (".", "..") and not stem.startswith((".", "-"))
    assert not any(c in stem for c in '/\\:\0\n\t "<>|?*')
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert safe_stem(stem) == stem  # already safe: kept
    url = href(stem + ".html")
    assert url.split("/")[-1].endswith(".html") and ":" not in url


@pytest.mark.parametrize("name", ["../x.html", "a/b.html", "..", ".", "", "x\0.html", "a\\b"])
def test_output_file_refuses_names_that_leave_the_folder(tmp_path, name):
    with pytest.raises(DuizhaoError, match="not a file name inside the output folder"):
        output_file(tmp_path, name)


def test_all_or_nothing_removes_new_files_and_folders_but_keeps_old_ones(tmp_path):
    old = write_text(tmp_path / "old.html", "kept")
    with pytest.raises(RuntimeError), all_or_nothing():
        write_text(tmp_path / "new" / "deep" / "a.html", "gone")
        write_text(old, "overwritten")
        with all_or_nothing():  # an inner block that succeeds belongs to the outer one
            write_text(tmp_path / "inner.html", "gone too")
        raise RuntimeError("the PDF failed")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["old.html"]
    assert old.read_text(encoding="utf-8") == "overwritten"


def test_writing_leaves_no_part_file_when_the_writer_fails(tmp_path):
    with pytest.raises(ValueError), writing(tmp_path / "deck.apkg") as part:
        part.write_bytes(b"PK half a zip")
        raise ValueError("genanki failed")
    assert list(tmp_path.iterdir()) == []
