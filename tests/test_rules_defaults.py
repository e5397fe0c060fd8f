"""The default rules are made without validation (so that importing them builds no
validator); they must be exactly what validating the same declarations gives."""
from __future__ import annotations

import subprocess
import sys

from pydantic import BaseModel

from uprdraft.rules import DEFAULT, Rules, from_mapping


def _models(value, path="rules"):
    if isinstance(value, BaseModel):
        yield path, value
        for name in type(value).model_fields:
            yield from _models(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _models(v, f"{path}[{k!r}]")
    elif isinstance(value, (tuple, list)):
        for i, v in enumerate(value):
            yield from _models(v, f"{path}[{i}]")


def test_every_default_is_what_validation_gives():
    for path, model in _models(DEFAULT):
        given = {name: getattr(model, name) for name in model.model_fields_set}
        validated = type(model)(**given)  # what the declaration gave when it was validated
        assert repr(model) == repr(validated), path
        assert model == validated, path


def test_defaults_survive_a_round_trip_through_a_rules_mapping():
    again = from_mapping({})
    assert isinstance(again, Rules)
    assert again.model_dump() == DEFAULT.model_dump()
    assert from_mapping({"oral": {"seconds": {"panel": 90}}}).oral.seconds["panel"] == 90


def test_importing_the_rules_builds_no_validator():
    probe = ("from pydantic import BaseModel\nimport uprdraft.rules as r\nd = r.DEFAULT\n"
             "x = d.fonts.profiles['hrc-written'].size_pt, d.written.word_limit\n"
             "built = sorted(c.__name__ for c in vars(r).values() if isinstance(c, type) and "
             "issubclass(c, BaseModel) and c.__pydantic_complete__)\nprint(built)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
