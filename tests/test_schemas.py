"""schemas/ is generated from the models and must not drift."""
from __future__ import annotations

import json
from pathlib import Path

from uprdraft import api

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_committed_schemas_match_the_models():
    current = api.schemas()
    assert "written-statement" in current
    for kind, schema in current.items():
        path = SCHEMAS / f"{kind}.schema.json"
        assert path.exists(), f"run: uprdraft schema -o schemas  (missing {path.name})"
        assert json.loads(path.read_text(encoding="utf-8")) == schema, f"run: uprdraft schema -o schemas ({kind} drifted)"
    extra = {p.name for p in SCHEMAS.glob("*.schema.json")} - {f"{k}.schema.json" for k in current}
    assert not extra, f"schemas for unknown kinds: {extra}"


def test_schema_cli(cli, tmp_path):
    code, out, _ = cli("schema", "written-statement")
    assert code == 0 and json.loads(out)["properties"]["organisation"]
    code, out, _ = cli("schema", "-o", tmp_path)
    assert code == 0 and (tmp_path / "written-statement.schema.json").exists()
    code, _, err = cli("schema", "no-such-kind")
    assert code == 2 and "unknown kind" in err


def test_new_starter_validates(cli, tmp_path):
    out = tmp_path / "mine.md"
    code, _, _ = cli("new", "written-statement", "-o", out)
    assert code == 0
    code, _, err = cli("validate", out, "--today", "2026-01-01")
    assert code == 0, err
    code, _, err = cli("new", "written-statement", "-o", out)
    assert code == 2 and "--force" in err


STARTERS = sorted(p.stem for p in (Path(__file__).resolve().parents[1] / "src" / "uprdraft" / "starters").glob("*.*"))


def test_every_kind_has_a_starter():
    assert set(api.schemas()) <= set(STARTERS)


import pytest  # noqa: E402


@pytest.mark.parametrize("kind", STARTERS)
def test_each_starter_validates(cli, tmp_path, kind):
    code, out, err = cli("new", kind, "-o", tmp_path / "starter")
    assert code == 0, err
    written = out.strip().removeprefix("wrote ")
    code, _, err = cli("validate", written, "--today", "2026-01-01")
    assert code == 0, err


def test_new_recommendations_template_imports(cli, tmp_path):
    code, out, err = cli("new", "recommendations", "-o", tmp_path / "recs")
    assert code == 0 and out.strip().endswith(".csv")
    code, out, err = cli("import", "recommendations", out.strip().removeprefix("wrote "), "-o", tmp_path / "r.yaml")
    assert code == 0, err
