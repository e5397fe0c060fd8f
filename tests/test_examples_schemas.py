"""Every shipped example and starter validates against its shipped JSON Schema, read by a
standard JSON Schema validator (what an editor with YAML support does with our schemas)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
FILES = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "examples").glob("*.md"),
                *(ROOT / "src" / "uprdraft" / "starters").glob("*.*")])


def data_of(path: Path) -> dict:
    """The document as an editor sees it: YAML (or front matter + body), dates as text."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    # an editor's YAML language server validates dates as the strings JSON Schema expects
    Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, front, body = text.split("---\n", 2)
        data = yaml.load(front, Loader=Loader)
        data["body"] = body
        return data
    return yaml.load(text, Loader=Loader)


@pytest.mark.parametrize("path", [p for p in FILES if p.name != "recommendations.yaml"], ids=lambda p: p.name)
def test_example_validates_against_its_schema(path):
    import jsonschema

    data = data_of(path)
    schema = json.loads((SCHEMAS / f"{data['kind']}.schema.json").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{'.'.join(map(str, e.path))}: {e.message}" for e in errors[:5])
