"""Reading inputs: hostile files fail at once with one line (issue 12), the YAML reader keeps
the values and positions of the round-trip reader it replaced (issue 14)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.findings import ContentError, InputError
from uprdraft.load import _plain, _yaml, load, read_source

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STARTERS = ROOT / "src" / "uprdraft" / "starters"


def bomb(levels: int = 10) -> str:
    """The reviewer's "billion laughs": ``levels`` anchors, each a list of 9 aliases of the last."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + f"\nkind: *a{levels - 1}\n"


def run(*args, timeout=60) -> subprocess.CompletedProcess:
    """A whole ``uprdraft`` process; the timeout turns "runs for hours" into a failure."""
    return subprocess.run([sys.executable, "-m", "uprdraft", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, check=False)


def one_line(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    return lines[0]


# --------------------------------------------------------------------------- hostile YAML
def test_alias_bomb_fails_at_once_with_one_line(tmp_path):
    p = tmp_path / "bomb.yaml"
    p.write_text(bomb())
    assert len(p.read_bytes()) < 600  # the reviewer's file was 513 bytes
    proc = run("validate", p, timeout=30)
    assert proc.returncode == 2
    line = one_line(proc)
    assert "limits.yaml_nodes" in line and "--rules" in line and "[input-nodes]" in line


def test_alias_bomb_in_a_rules_file(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(bomb().replace("kind:", "written:"))
    proc = run("--rules", rules, "validate", EXAMPLES / "side-event.yaml", timeout=30)
    assert proc.returncode == 2 and "limits.yaml_nodes" in one_line(proc)


def test_merge_key_bomb_and_self_reference(tmp_path):
    merges = ["m0: &m0 {x: 1}"] + [f"m{i}: &m{i} {{<<: [" + ", ".join([f"*m{i - 1}"] * 9) + "]}"
                                    for i in range(1, 10)]
    for text in ("\n".join(merges) + "\nkind: *m9\n", "kind: &a [*a]\n", "a: &a {b: *a}\nkind: x\n"):
        p = tmp_path / "m.yaml"
        p.write_text(text)
        with pytest.raises(InputError) as e:
            load(p)
        assert e.value.findings[0].code == "input-nodes"


def test_values_over_the_limit_name_the_rule(tmp_path):
    from uprdraft.rules import from_mapping

    p = tmp_path / "s.yaml"
    p.write_text("kind: side-event\nlist:\n" + "".join(f"  - item {i}\n" for i in range(50)))
    rules = from_mapping({"limits": {"yaml_nodes": 20}})
    with pytest.raises(InputError) as e:
        load(p, rules=rules)
    f = e.value.findings[0]
    assert f.code == "input-nodes" and "limits.yaml_nodes" in f.message and "limits: {yaml_nodes: 40}" in f.message


def test_explicitly_tagged_values_are_counted_too(tmp_path):
    from uprdraft.rules import from_mapping

    p = tmp_path / "tagged.yaml"
    p.write_text("kind: [" + ", ".join(["!!str a"] * 50) + "]\n")
    with pytest.raises(InputError) as e:
        load(p, rules=from_mapping({"limits": {"yaml_nodes": 20}}))
    assert e.value.findings[0].code == "input-nodes"


@pytest.mark.parametrize("text", [
    "kind: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "kind: x\nx:\n" + "- " * 5_000 + "x\n",
    "kind: x\n" + "".join(" " * i + f"k{i}:\n" for i in range(60)),
])
def test_deep_nesting_is_one_line(tmp_path, text):
    p = tmp_path / "deep.yaml"
    p.write_text(text)
    proc = run("validate", p)
    assert proc.returncode == 2 and "limits.nesting_depth" in one_line(proc)


def test_deep_json_and_long_numbers(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"kind": ' + "[" * 100_000 + "]" * 100_000 + "}")
    proc = run("validate", deep)
    assert proc.returncode == 2 and "nesting_depth" in one_line(proc)
    for name, text in (("n.yaml", "kind: written-statement\nsession: " + "7" * 100_000 + "\n"),
                       ("n.json", '{"kind": "written-statement", "session": ' + "7" * 100_000 + "}")):
        p = tmp_path / name
        p.write_text(text)
        proc = run("validate", p)
        assert proc.returncode == 2 and "put it in quotes" in one_line(proc)


def test_kind_as_a_list_is_one_line(tmp_path):
    p = tmp_path / "k.yaml"
    p.write_text("kind: [list]\n")
    proc = run("validate", p)
    assert proc.returncode == 1 and "kind: unknown kind" in one_line(proc)


def test_text_input_size_is_bounded(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("limits:\n  text_bytes: 100\n")
    p = tmp_path / "big.yaml"
    p.write_text("kind: side-event\n" + "# padding\n" * 50)
    proc = run("--rules", rules, "validate", p)
    line = one_line(proc)
    assert proc.returncode == 2 and "limits.text_bytes" in line and "--rules" in line and "[input-size]" in line


# --------------------------------------------------------------------------- not a regular file
def test_a_folder_is_refused(tmp_path):
    d = tmp_path / "folder.yaml"
    d.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        load(d)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    proc = run("validate", fifo, timeout=30)
    assert proc.returncode == 2 and "not a regular file" in one_line(proc)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_at_once():
    proc = run("validate", "/dev/zero", timeout=30)
    assert proc.returncode == 2 and "not a regular file" in one_line(proc)


# --------------------------------------------------------------------------- fuzzing the loader
_ERRORS = (InputError, ContentError)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".yaml", ".json", ".md"]))
def test_any_bytes_give_a_documented_error(tmp_path, data, suffix):
    p = tmp_path / f"f{suffix}"
    p.write_bytes(data)
    try:
        load(p)
    except _ERRORS:
        pass


_PIECES = ["[", "]", "{", "}", ", ", ": ", "- ", "\n", "  ", "&a ", "*a", "<<: ", "? ", "!!str ", "!x ", "'",
           '"', "#", "|", ">", "\t", "kind", "written-statement", "1e9", "0x1F", "2026-13-45", "~", "%", "@",
           "---\n", "...", "999999999999999999999999"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=60), depth=st.integers(0, 300),
       suffix=st.sampled_from([".yaml", ".md"]))
def test_any_structure_gives_a_documented_error(tmp_path, pieces, depth, suffix):
    text = "kind: " + "[" * depth + "".join(pieces) + "]" * depth
    if suffix == ".md":
        text = "---\n" + text + "\n---\nbody\n"
    p = tmp_path / f"f{suffix}"
    p.write_text(text, encoding="utf-8")
    try:
        load(p)
    except _ERRORS:
        pass


# --------------------------------------------------------------------------- same values, same places
_SCALARS = st.sampled_from(["0777", "0o17", "0x1F", "0b101", "1_000", "+5", "-0", "1e3", "1.5e3", ".5", "1.",
                            ".inf", "-.inf", "True", "FALSE", "yes", "on", "null", "~", "NULL", "2024-01-02",
                            "2024-01-02 10:00:00", "12:30", "13:00:00", "=", "0", "00", "08", "115.20",
                            "1__0", "_1", "'quoted'", '"x: y"', "A/HRC/58/15", "Special", "é", "a b"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_SCALARS, min_size=1, max_size=8))
def test_values_are_those_of_the_round_trip_reader(values):
    from uprdraft.yamlread import compose

    text = "".join(f"k{i}: {v}\n" for i, v in enumerate(values)) + "l: [" + ", ".join(values) + "]\n"
    assert repr(compose(text)[0]) == repr(_plain(_yaml().load(text)))


def _paths(value, loc=()):
    yield loc
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, loc + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, loc + (i,))


@pytest.mark.parametrize("path", sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*.md"),
                                         *STARTERS.glob("*")]), ids=lambda p: p.name)
def test_every_position_is_that_of_the_round_trip_reader(path):
    from uprdraft.load import Source, split_front_matter

    data, src = read_source(path)
    text = path.read_text(encoding="utf-8")
    offset = 0
    if path.suffix == ".md":
        text, _, _ = split_front_matter(text, path)
        offset = 1
    old = Source(path, path.read_text(encoding="utf-8"), _yaml().load(text), line_offset=offset)
    checked = 0
    for loc in _paths({k: v for k, v in data.items() if not (k == "body" and src.body_line)}):
        assert src.locate(loc) == old.locate(loc), loc
        checked += 1
    assert checked > 10


def test_json_positions(tmp_path):
    p = tmp_path / "s.json"
    p.write_text(json.dumps({"kind": "written-statement", "language": "de"}, indent=2))
    with pytest.raises(ContentError) as e:
        load(p)
    assert any(f.location == f"{p}:3:15" for f in e.value.findings)


def test_reader_defaults_are_the_rules_defaults():
    """load() without rules bounds inputs by the same values as the default rules."""
    from uprdraft.rules import DEFAULT
    from uprdraft.yamlread import Limits

    assert (Limits().nodes, Limits().depth, Limits().text_bytes) == (
        DEFAULT.limits.yaml_nodes, DEFAULT.limits.nesting_depth, DEFAULT.limits.text_bytes)


@given(st.one_of(st.text(max_size=12), st.sampled_from(["", "~", "null", "True", "FALSE", "<<", "-", "+", ".5",
                                                         "0x1F", "1_000", "2024-01-02", ".inf", ".NaN", "yes"])))
@settings(max_examples=500, deadline=None)
def test_plain_scalars_resolve_as_the_full_rules_say(value):
    from yaml.nodes import ScalarNode

    from uprdraft.yamlread import STR, Limits, _Loader, _resolve_plain

    loader = _Loader("", Limits())
    assert loader.resolve(ScalarNode, value, (True, False)) == _resolve_plain(value)
    assert loader.resolve(ScalarNode, value, (False, True)) == STR
