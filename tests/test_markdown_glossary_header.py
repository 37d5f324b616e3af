"""A Markdown article's glossary header is checked: ``Glossary`` or ``**Glossary**`` written as a
line of its own (not a ``#`` heading) no longer turns the glossary into Chinese paragraphs, and an
unknown heading over glossary lines says how to write it."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.cli import main

from conftest import cli_json

TRAMS = Path(__file__).resolve().parents[1] / "corpus" / "2025-10-06-hong-kong-trams.md"


def _article(tmp_path: Path, header: str) -> tuple[Path, int]:
    text = TRAMS.read_text(encoding="utf-8").replace("\n# Glossary\n", f"\n{header}\n")
    path = tmp_path / "trams.md"
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines().index(header) + 1


@pytest.mark.parametrize("header", ["Glossary", "**Glossary**", "Glossary：", "__Key words__"])
def test_a_glossary_header_that_is_not_a_heading(
    header: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = _article(tmp_path, header)
    doc = cli_json("parse", str(path))
    # on main: no glossary, and the four lines were a Chinese paragraph "that looks like en"
    assert [e["term"] for e in doc["glossary"]] == [
        "affection", "subsidy", "dedicated", "low-carbon"
    ]  # fmt: skip
    assert len(doc["zh"]["paragraphs"]) == 3
    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert (
        f"warning: {path}:{line}: {header!r} is not a heading; the lines under it are read as "
        "the glossary (write '# Glossary')"
    ) in err


def test_an_unknown_heading_over_a_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = _article(tmp_path, "# Words we met")
    assert main(["parse", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {path}:{line}: unknown section 'Words we met' (use English, 中文 or Glossary; "
        "the lines under it look like a glossary: write '# Glossary')\n"
    )
