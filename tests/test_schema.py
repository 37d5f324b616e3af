"""The shipped JSON Schema describes what duizhao writes, in every stage, and nothing else."""

from __future__ import annotations

import copy
import json

import pytest

from duizhao.cli import main
from duizhao.model import SCHEMA_VERSION, json_schema

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator, d) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(d)]


def test_the_schema_number_is_the_model_s():
    assert json_schema()["properties"]["schema"]["const"] == SCHEMA_VERSION


def test_the_samples_validate_after_parse_and_after_annotate(validator, seed_doc, annotated_seed):
    from duizhao.pipeline import annotate
    from duizhao.reader import read

    from conftest import MARKDOWN_SAMPLE

    trams = read(MARKDOWN_SAMPLE)
    for doc in (seed_doc, annotated_seed, trams, annotate(trams)):
        assert errors(validator, doc.to_dict()) == []


def test_a_string_glossary_zh_fails(validator, annotated_seed):
    d = copy.deepcopy(annotated_seed.to_dict())
    d["glossary"][0]["zh"] = "集群"  # the schema-1 habit: a string after parse
    assert any("is not of type 'array'" in e for e in errors(validator, d))


def test_unknown_keys_and_wrong_types_fail(validator, annotated_seed):
    d = copy.deepcopy(annotated_seed.to_dict())
    d["glossary"][0]["zh_given"] = []  # gone in schema 2
    d["alignment"]["paragraphs"][0]["score"] = "high"
    found = errors(validator, d)
    assert any("zh_given" in e for e in found) and any("'high'" in e for e in found)


def test_cli_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
