"""Round 19, second part: a counterpart of a term with a placeholder (sb, sth, one's) whose
evidence is the dictionary's is held to the ``placeholder`` kind's threshold (never certain):
the Chinese often takes in what the slot stands for (written20: 插上 for "plug sth in", the
answer 插上電源), so such first guesses are marked "check" (docs/glossary.md)."""

from __future__ import annotations

from pathlib import Path

NOTICE = """Before the examination, every candidate must switch their phone off and hand it in at \
the front desk. Invigilators will hand the phones back after the examination.

考試開始前，每名考生必須關掉手機，並在前枱交出。考試結束後，監考員會把手機交還考生。

/ Glossary生字 /

{term}：to turn off a machine or a light

hand sth back：to return sth to the person who gave it to you
"""


def _links(tmp_path: Path, term: str) -> dict[str, tuple[str, bool]]:
    from conftest import cli_json

    article = tmp_path / "notice.txt"
    article.write_text(NOTICE.format(term=term), encoding="utf-8")
    out = cli_json("annotate", str(article), "-q")
    return {e["term"]: (e["counterparts"][0]["text"], e["uncertain"]) for e in out["glossary"]}


def test_a_term_with_a_placeholder_is_marked_check(tmp_path: Path) -> None:
    """關掉 "to switch off" translates the whole term, as written with its placeholder or
    without: the same counterpart, certain only without (main's code showed both certain)."""
    assert _links(tmp_path, "switch off")["switch off"] == ("關掉", False)
    assert _links(tmp_path, "switch sth off")["switch sth off"] == ("關掉", True)


def test_the_placeholder_kind() -> None:
    from duizhao.glossary.confidence import EVIDENCE_CLASSES, term_class
    from duizhao.glossary.terms import has_placeholder
    from duizhao.glossary.weights import CLASS_THRESHOLDS

    assert "placeholder" in EVIDENCE_CLASSES and dict(CLASS_THRESHOLDS)["placeholder"] == 1.0
    assert [has_placeholder(t) for t in ("keep sb at bay", "raise one's voice", "sb/sth")] == [
        True, True, True,
    ]  # fmt: skip
    assert not has_placeholder("someone-else")
    # only the dictionary's kinds: a definition's or no evidence stays what it was
    assert term_class({"dict_term": 0.5}, True) == "placeholder"
    assert term_class({}, True) == "none"
