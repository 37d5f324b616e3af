"""Output files: folders, UTF-8 text with line ends kept, the stem a page is named after."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.errors import DuizhaoError
from duizhao.output.files import file_stem, make_folder, write_text


def test_write_text_makes_the_folder_and_keeps_line_ends(tmp_path):
    path = write_text(tmp_path / "a" / "b" / "page.html", "一\r\n二\n")  # "one", "two"
    assert path == tmp_path / "a" / "b" / "page.html"
    assert path.read_bytes() == "一\r\n二\n".encode()


def test_make_folder_is_idempotent_and_reports_a_file_in_the_way(tmp_path):
    assert make_folder(tmp_path / "x") == make_folder(tmp_path / "x") == tmp_path / "x"
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(DuizhaoError, match=r"file: cannot create the folder"):
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
