"""Import of the real UPR Info export (../shared/corpus/upr-info-terman: 42,013 rows, Mac Roman,
CR line endings). Skipped when the corpus is absent."""
from __future__ import annotations

import csv
import io

import pytest

from uprdraft.importers import import_recommendations, read_recommendations, write_recommendations_yaml

FILES = {
    "uprinfo-sessions-1-5.csv": 6094,
    "uprinfo-sessions-6-9.csv": 8343,
    "uprinfo-sessions-10-13.csv": 9047,
    "uprinfo-sessions-14-17.csv": 9598,
    "uprinfo-sessions-17-20.csv": 7984,
    "uprinfo-voluntary-pledges-sessions-1-19.csv": 947,
}


@pytest.fixture
def terman(corpus):
    d = corpus / "upr-info-terman"
    if not d.is_dir():
        pytest.skip(f"{d} not found")
    return d


@pytest.mark.parametrize("name,rows", sorted(FILES.items()))
def test_every_row_imported_as_mac_roman(terman, name, rows):
    res = import_recommendations(terman / name)
    assert res.data.format == "upr-info"
    assert res.data.encoding == "mac_roman", res.data.encoding_reason
    assert res.data.rows_read == rows and res.data.imported == rows
    assert res.stats["skipped"] == 0 and not res.findings
    if "voluntary" in name:
        assert len(res.data.voluntary_commitments) == rows and not res.data.recommendations
        assert all(v.id.startswith("VP-") for v in res.data.voluntary_commitments)
    else:
        assert {r.response for r in res.data.recommendations} == {"supported", "noted"}
    # nothing garbled: no cp1252-only symbols or misplaced capitals slipped in
    texts = " ".join(r.text + " ".join(r.recommending_states) for r in res.data.recommendations + res.data.voluntary_commitments)
    assert not set(texts) & set("Ž™‡ˆ‰")


def test_accented_names_decode(terman):
    res = import_recommendations(terman / "uprinfo-sessions-6-9.csv")
    texts = [r.text for r in res.data.recommendations]
    assert any("Guaraní" in t for t in texts)
    assert any("vis-à-vis" in t for t in texts)
    assert any("Autorité" in t for t in texts)


def test_theme_filter_matches_a_plain_count(terman):
    p = terman / "uprinfo-sessions-1-5.csv"
    text = p.read_bytes().decode("mac_roman").replace("\r", "\n")
    expected = sum(1 for row in csv.DictReader(io.StringIO(text)) if "child" in row["Issue"].lower())
    res = import_recommendations(p, theme="child")
    assert len(res.data.recommendations) == expected > 0
    assert res.data.filtered_out == FILES["uprinfo-sessions-1-5.csv"] - expected


def test_state_session_response_filters(terman):
    res = import_recommendations(terman / "uprinfo-sessions-1-5.csv", state="france", session=2, response="noted")
    assert res.data.recommendations
    assert all(r.state_under_review == "France" and r.session == 2 and r.response == "noted"
               for r in res.data.recommendations)


def test_yaml_output_works_as_recommendations_file(terman, tmp_path):
    res = import_recommendations(terman / "uprinfo-sessions-17-20.csv", theme="child")
    out = tmp_path / "child.yaml"
    out.write_text(write_recommendations_yaml(res), encoding="utf-8")
    assert read_recommendations(out) == res.data.recommendations
