"""What an officer types and sees (issue 13, items 1 and 2): words in, words out; every
message in plain words at the exact token."""
from __future__ import annotations

from pathlib import Path

import pytest

from uprdraft.findings import ContentError, InputError
from uprdraft.load import load

WRITTEN = """\
kind: written-statement
language: en
session: 62
session_start: 2026-06-15
agenda_item: 6
title: "Children first"
organisation:
  name: Lead NGO
  status: special
contact:
  name: Ana
  email: ana@example.org
body: |
  One paragraph.
"""

PLAN = """\
kind: action-plan
language: en
title: "Plan"
organisation:
  name: Child Rights Alliance
  status: special
state_under_review: Ruritania
review_date: 2024-11-12
items:
  - recommendation:
      id: "115.1"
      text: Ban corporal punishment.
      response: supported
    actors:
      - Ministry of Justice
"""


def write(tmp_path: Path, text: str, name: str = "in.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def at(path: Path, needle: str, nth: int = 0) -> str:
    """``file:line:col`` of ``needle`` in ``path``."""
    hits = [(n, line.index(needle) + 1) for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    return f"{path}:{hits[nth][0]}:{hits[nth][1]}"


def schema_errors(path: Path) -> list:
    with pytest.raises(ContentError) as e:
        load(path)
    return e.value.findings


def parse_error(path: Path) -> str:
    with pytest.raises(InputError) as e:
        load(path)
    f = e.value.findings[0]
    return f"{f.location + ': ' if f.location else ''}{f.message}"


# --------------------------------------------------------------------------- words in, words out
def test_prose_in_brackets_is_a_flow_style_warning(tmp_path):
    p = write(tmp_path, PLAN + "    expected_results: [Every domestic worker knows how to complain, in her own "
                               "language]\n    milestones:\n      - {date: 2026-09-01, what: Leaflets in Tagalog}\n")
    _, src = load(p)
    assert [f.code for f in src.findings] == ["flow-style", "flow-style"]
    first, second = src.findings
    assert first.location == at(p, "[Every") and "items.0.expected_results" in first.message
    assert "write one item per line, starting with '- '" in first.message
    assert second.location == at(p, "{date") and "items.0.milestones.0" in second.message


def test_flow_style_is_reported_by_validate(tmp_path, cli):
    p = write(tmp_path, PLAN + "    expected_results: [A, b]\n")
    _, report = cli.json("validate", p)
    assert "flow-style" in [f["code"] for f in report["findings"]]


def test_codes_and_quoted_text_in_brackets_are_fine(tmp_path):
    p = write(tmp_path, PLAN + '    action_types: [legislative, awareness]\n    expected_results: ["A, b"]\n')
    _, src = load(p)
    assert src.findings == []


def test_json_is_never_flow_style(tmp_path):
    import json

    p = write(tmp_path, json.dumps({"kind": "action-plan", "language": "en", "title": "T",
                                    "organisation": {"name": "N", "status": "special"},
                                    "state_under_review": "R", "review_date": "2024-11-12",
                                    "items": [{"recommendation": "115.1", "expected_results": ["a, b"]}]}),
              "in.json")
    _, src = load(p)
    assert src.findings == []


def test_starters_are_in_block_style_with_free_text_quoted():
    from yaml import compose
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from uprdraft.load import split_front_matter

    starters = Path(__file__).resolve().parents[1] / "src" / "uprdraft" / "starters"
    for path in starters.iterdir():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = split_front_matter(text, path)[0]
        stack = [compose(text)]
        while stack:
            node = stack.pop()
            if isinstance(node, (SequenceNode, MappingNode)):
                assert not node.flow_style or not node.value, (path.name, node.start_mark)
                stack.extend(n for pair in node.value for n in (pair if isinstance(pair, tuple) else (pair,)))
            elif isinstance(node, ScalarNode) and node.tag.endswith(":str") and not node.style and " " in node.value:
                pytest.fail(f"{path.name}:{node.start_mark.line + 1}: free text not quoted: {node.value}")


# --------------------------------------------------------------------------- YAML syntax in plain words
@pytest.mark.parametrize("line,cause,fixed", [
    ("title: Agenda item 4: Human rights situations",
     "contains ': '", 'title: "Agenda item 4: Human rights situations"'),
    ("title: *Draft* statement", "starts with '*'", 'title: "*Draft* statement"'),
    ("title: & partners", "starts with '&'", 'title: "& partners"'),
    ("title: !Important text", "starts with '!'", 'title: "!Important text"'),
    ("title: %50 of children", "starts with '%'", 'title: "%50 of children"'),
    ("title: @ngo handle", "starts with '@'", 'title: "@ngo handle"'),
    ("title: [Draft, to check", "starts with '['", 'title: "[Draft, to check"'),
])
def test_syntax_errors_say_what_to_quote(tmp_path, line, cause, fixed):
    p = write(tmp_path, WRITTEN.replace('title: "Children first"', line))
    msg = parse_error(p)
    assert msg.startswith(at(p, "title:").rsplit(":", 1)[0])  # on the title's line
    assert cause in msg and fixed in msg and "quotes" in msg


def test_a_comment_sign_inside_brackets(tmp_path):
    p = write(tmp_path, PLAN + "    expected_results: [Report #1, ok]]\n")
    msg = parse_error(p)
    assert "invalid YAML" in msg


def test_a_tab_says_to_use_spaces(tmp_path):
    p = write(tmp_path, WRITTEN.replace("  status: special", "\tstatus: special"))
    msg = parse_error(p)
    assert "tab" in msg and "spaces" in msg and "found character" not in msg


# --------------------------------------------------------------------------- schema errors in plain words
def test_a_date_written_day_first(tmp_path):
    p = write(tmp_path, WRITTEN.replace("session_start: 2026-06-15", "session_start: 22/02/2027"))
    [f] = schema_errors(p)
    assert f.location == at(p, "22/02/2027")
    assert f.message == ("session_start: '22/02/2027' is not a date; write the date as YYYY-MM-DD, for example "
                         "2027-02-22")


def test_numbers_out_of_range_give_the_range(tmp_path):
    p = write(tmp_path, WRITTEN.replace("agenda_item: 6", "agenda_item: 11"))
    [f] = schema_errors(p)
    assert f.message == "agenda_item: 11 is out of range; give a whole number from 1 to 10"
    assert f.location == at(p, "11")


def test_unknown_field_names_the_closest(tmp_path):
    p = write(tmp_path, WRITTEN.replace("organisation:", "co_sponsor: []\norganisation:"))
    [f] = schema_errors(p)
    assert f.location == at(p, "co_sponsor")  # the key itself
    assert "co_sponsor: unknown field; did you mean 'co_sponsors'?" in f.message


def test_missing_field_and_wrong_type(tmp_path):
    p = write(tmp_path, WRITTEN.replace('title: "Children first"', "title: [a, b]").replace("agenda_item: 6\n", ""))
    fs = schema_errors(p)
    msgs = {f.message.split(":")[0]: f.message for f in fs}
    assert msgs["agenda_item"].startswith("agenda_item: this field is required")
    assert msgs["title"].startswith("title: a text is expected here, not a list")
    assert not any("Input should" in f.message for f in fs)


def test_choices_in_any_case(tmp_path):
    p = write(tmp_path, WRITTEN.replace("status: special", "status: Special").replace("language: en", "language: EN"))
    model, _ = load(p)
    assert model.organisation.status == "special" and model.language == "en"
    p = write(tmp_path, WRITTEN.replace("status: special", "status: GENERAL"))
    assert load(p)[0].organisation.status == "general"


@pytest.mark.parametrize("given", ["64", '"64"', "HRC64", "HRC 64", '"hrc 64"'])
def test_session_in_every_form(tmp_path, given):
    p = write(tmp_path, WRITTEN.replace("session: 62", f"session: {given}"))
    assert load(p)[0].session == 64
    oral = write(tmp_path, f"""\
kind: oral-statement
language: en
session: {given}
agenda_item: 6
segment: panel
organisation:
  name: N
  status: general
speaker:
  name: A
body: Text.
""", "oral.yaml")
    assert load(oral)[0].session == 64
    side = Path(__file__).resolve().parents[1] / "examples" / "side-event.yaml"
    text = side.read_text(encoding="utf-8")
    import re

    side_copy = write(tmp_path, re.sub(r"(?m)^session: .*$", f"session: {given}", text), "side.yaml")
    assert load(side_copy)[0].session == "HRC64"


def test_a_session_that_is_no_number(tmp_path):
    p = write(tmp_path, WRITTEN.replace("session: 62", "session: spring"))
    [f] = schema_errors(p)
    assert "is not a Human Rights Council session" in f.message and f.location == at(p, "spring")


def test_deadline_after_session_start_is_an_error(tmp_path):
    p = write(tmp_path, WRITTEN.replace("session_start: 2026-06-15", "session_start: 2026-06-15\ndeadline: 2026-06-20"))
    [f] = schema_errors(p)
    assert f.location == at(p, "2026-06-20") and "deadline" in f.message and "after session_start" in f.message


def test_footnote_marker_located_in_a_yaml_block_body(tmp_path):
    import datetime as dt

    from uprdraft.kinds.written import written_findings
    from uprdraft.rules import DEFAULT

    p = write(tmp_path, WRITTEN.replace("  One paragraph.\n", "  One paragraph.\n\n  Second one, with a note[^x].\n"))
    model, src = load(p)
    findings, _ = written_findings(model, src, DEFAULT, dt.date(2026, 5, 1))
    [f] = [f for f in findings if f.code == "footnote"]
    assert f.location == at(p, "[^x]")


def test_words_after_a_hash_are_not_lost_silently(tmp_path):
    p = write(tmp_path, WRITTEN.replace('title: "Children first"', "title: Report #1 on children")
              .replace("  name: Lead NGO", "  name: Lead NGO     # a comment set apart"))
    model, src = load(p)
    assert model.title == "Report"  # what YAML reads ...
    [f] = src.findings  # ... and the warning that says so; the comment set apart is fine
    assert f.code == "comment-in-text" and f.location == at(p, "#1")
    assert 'title: "Report #1 on children"' in f.message
