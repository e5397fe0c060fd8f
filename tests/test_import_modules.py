"""The importer's modules: YAML read with PyYAML as ruamel reads it, YAML written so that any
text reads back exactly, the Report returned by import_recommendations, explicit rules."""
from __future__ import annotations

import math
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.findings import InputError, Report
from uprdraft.importers import (
    import_recommendations,
    import_to_yaml,
    read_recommendations,
    write_recommendations_yaml,
)
from uprdraft.importers.read import load_yaml
from uprdraft.importers.write import dump_yaml
from uprdraft.load import _parse_yaml, _plain

P = Path("t.yaml")

TRICKY = ["yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "Null", "~", "", " ", "2026-01-01",
          "2026-1-1 10:00:00", "1.0", "115.20", "1e3", "1_000", "0o17", "0777", "0x1F", "0b101", "+5", "-0", ".5",
          ".inf", "-.Inf", ".nan", "1:20", "=", "<<", "- x", "? x", ": x", "a: b", "a #b", "#c", "'q'", '"dq"',
          "[a]", "{a: 1}", "!tag", "&anchor", "*alias", "%dir", "@at", "`bt", "|", ">", "line\nbreak", "trail ",
          " lead", "tab\tin", "\x85", "\u2028", "\u2029", "\ufeff", "\x7f", "\x00", "é ü 中文 🙂", "x" * 300]


def ruamel(text: str):
    tree = _parse_yaml(text, P)
    return _plain(tree) if tree is not None else None


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


# --------------------------------------------------------------------------- writing
@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_reads_back_exactly(text):
    out = dump_yaml({"recommendations": [{"id": text, "themes": [text, text]}]})
    for read in (lambda t: load_yaml(t, P), ruamel):
        back = read(out)["recommendations"][0]
        assert back == {"id": text, "themes": [text, text]}, (text, out)


@given(text=st.one_of(st.text(st.characters(blacklist_categories=("Cs",))), st.text(), st.sampled_from(TRICKY),
                      st.lists(st.sampled_from(TRICKY + ["a", " ", "\n"]), max_size=6).map("".join)))
@settings(max_examples=400, deadline=None)
def test_any_text_round_trips(text):
    """Any text (lone surrogates too) reads back exactly, with PyYAML (C and pure Python) and ruamel."""
    import yaml

    out = dump_yaml({"t": text, "l": [text], "m": [{"k": text}]})
    want = {"t": text, "l": [text], "m": [{"k": text}]}
    assert load_yaml(out, P) == want
    assert ruamel(out) == want
    assert yaml.load(out, Loader=yaml.SafeLoader) == want
    if not any("\ud800" <= c <= "\udfff" for c in text):
        assert load_yaml(out.encode("utf-8").decode("utf-8"), P) == want  # the file's bytes are UTF-8


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1).map(str.strip)
       .filter(bool), st.sampled_from(TRICKY[:30]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_recommendations_round_trip_through_the_file(tmp_path, text, tricky):
    from uprdraft.models.recommendation import Recommendation

    recs = [Recommendation(id=tricky.strip() or "1.10", text=text, themes=[tricky, text], sources=[text],
                           assessment=tricky or None, session=3)]
    p = tmp_path / "r.yaml"
    p.write_text(write_recommendations_yaml(recs), encoding="utf-8")
    assert read_recommendations(p) == recs


def test_written_yaml_is_plain_and_ordered():
    from uprdraft.models.recommendation import Recommendation

    rec = Recommendation(id="115.20", text="Adopt a law", recommending_states=["Chile", "Peru"], response="noted",
                         session=46)
    out = write_recommendations_yaml([rec])
    assert out.splitlines() == ["recommendations:", '- id: "115.20"', '  text: "Adopt a law"',
                                "  recommending_states:", '  - "Chile"', '  - "Peru"', '  response: "noted"',
                                '  status: "no-data"', "  session: 46"]
    assert write_recommendations_yaml([]) == "recommendations: []\n"


# --------------------------------------------------------------------------- reading
PLAIN = st.text("0123456789_.-+eExobXaf:~nulTFrs ", max_size=8).map(str.strip).filter(
    lambda s: s and s[0] not in "-:" and ": " not in s and " #" not in s)


@given(PLAIN)
@settings(max_examples=400, deadline=None)
def test_plain_scalars_mean_what_ruamel_says(s):
    text = f"a: {s}\nb: [{s}]\n" if "," not in s else f"a: {s}\n"
    try:
        expected = ruamel(text)
    except Exception as e:  # noqa: BLE001 (ruamel's own failures: ours must fail alike)
        with pytest.raises(type(e)):
            load_yaml(text, P)
        return
    got = load_yaml(text, P)
    assert got.keys() == expected.keys()
    for k in got:
        a, b = got[k], expected[k]
        if isinstance(a, list):
            assert len(a) == len(b) and all(same(x, y) for x, y in zip(a, b)), (s, a, b)
        else:
            assert same(a, b), (s, a, b)


def test_ruamel_decides_duplicates_tags_and_errors():
    with pytest.raises(InputError, match=r"t.yaml:2:1: the field 'a' is given twice"):
        load_yaml("a: 1\na: 2\n", P)
    with pytest.raises(InputError, match=r"t.yaml:1:4: invalid YAML: .*tag.*quotes"):  # the bounded reader
        load_yaml("a: !custom x\n", P)
    with pytest.raises(InputError, match=r"t.yaml:1:4: invalid YAML: .*brackets"):
        load_yaml("a: [\nb: 1\n", P)
    assert load_yaml("", P) is None
    assert load_yaml("d: 2026-13-45\n", P) == {"d": "2026-13-45"}  # dates stay text: the model checks them


def test_error_positions_only_when_needed(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text("recommendations:\n- id: '1.1'\n  text: A\n  response: rejected\n- id: '1.2'\n  text: B\n"
                 "  colour: blue\n- id: '1.1'\n  text: C\n", encoding="utf-8")
    report = import_recommendations(p)
    assert [(f.code, f.location) for f in report.findings] == [
        ("response", f"{p}:2:3"), ("bad-row", f"{p}:7:11"), ("bad-row", f"{p}:8:3")]
    assert "appears already at " + f"{p}:2:3" in report.findings[2].message


def test_json_file_is_read(tmp_path):
    p = tmp_path / "r.json"
    p.write_text('{"recommendations": [{"id": "1.10", "text": "A", "response": "Accepted"},'
                 ' {"id": "1.11", "text": "B", "status": "done"}]}', encoding="utf-8")
    report = import_recommendations(p)
    assert [r.id for r in report.data.recommendations] == ["1.10"]
    assert report.data.recommendations[0].response == "supported"
    assert [f.location for f in report.findings] == [f"{p}:1:113"]  # the value "done"


# --------------------------------------------------------------------------- the Report
CSV = ("To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\n"
       "Chile,GRULAC,,Protect children,Peru,GRULAC,,Accepted,4,Rights of the Child,12\n"
       "Chile,GRULAC,,Abolish it,France,WEOG,,Okay,5,Death penalty,12\n")


def test_import_returns_a_report_with_data(tmp_path):
    p = tmp_path / "u.csv"
    p.write_text(CSV, encoding="utf-8")
    report = import_recommendations(p)
    assert isinstance(report, Report) and report.ok and report.output is None
    assert report.stats["imported"] == 1 and report.stats["skipped_reasons"] == {"unknown-response": 1}
    assert [r.text for r in report.data.recommendations] == ["Protect children"]
    assert "data" not in report.to_dict()
    out = import_to_yaml(p, tmp_path / "o.yaml")
    assert out.output == str(tmp_path / "o.yaml") and out.data.imported == 1
    assert write_recommendations_yaml(report) == write_recommendations_yaml(report.data)


def test_rules_are_passed_not_global(tmp_path):
    p = tmp_path / "u.csv"
    p.write_text(CSV, encoding="utf-8")
    okay = {"importing": {"responses": {"okay": "noted"}}}
    results: dict = {}

    def run(name, rules):
        for _ in range(20):
            results.setdefault(name, set()).add(import_recommendations(p, rules=rules).stats["imported"])

    threads = [threading.Thread(target=run, args=("okay", okay)), threading.Thread(target=run, args=("default", None))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {"okay": {2}, "default": {1}}
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text("importing:\n  uprinfo_id: 'X{row}'\n", encoding="utf-8")
    assert [r.id for r in import_recommendations(p, rules=rules_file).data.recommendations] == ["X2"]
    with pytest.raises(InputError, match="importing.encoding_margin"):
        import_recommendations(p, rules={"importing": {"encoding_margin": "many"}})


def test_pure_python_yaml_when_libyaml_is_missing(monkeypatch, tmp_path):
    import yaml

    from uprdraft.importers import read

    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    read._loader.cache_clear()
    try:
        assert read._loader().__mro__[1] is yaml.SafeLoader
        for text in TRICKY:
            out = dump_yaml({"t": [text]})
            assert load_yaml(out, P) == ruamel(out) == {"t": [text]}, text
        assert load_yaml("a: 0777\nb: yes\nc: 1e3\n", P) == {"a": 777, "b": "yes", "c": 1000.0}
    finally:
        read._loader.cache_clear()
