"""uprdraft plan: follow-up calendar, action-plan rules, matrix .docx and calendar .ics."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uprdraft.rules import DEFAULT, Rules, _merge
from uprdraft.timeline import add_months, followup_calendar, next_review

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
D = dt.date


def rules_with(**upr) -> Rules:
    return Rules.model_validate(_merge(DEFAULT.model_dump(), {"upr": upr}))


def write_plan(tmp_path: Path, items: str, extra: str = "", name: str = "plan.yaml") -> Path:
    """A plan file; ``items`` is the YAML of the items list (indented by two spaces)."""
    text = textwrap.dedent("""\
        kind: action-plan
        language: en
        title: Test plan
        organisation: {name: Child Rights Test Network, status: special}
        state_under_review: Ruritania
        cycle: 4
        review_date: 2024-11-12
        """) + extra + "items:\n" + textwrap.dedent(items)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


INLINE = """\
  - recommendation: {id: "115.1", text: Ban corporal punishment., recommending_states: [Sweden], response: supported}
    actors: [Ministry of Justice]
    milestones: [{date: %s, what: Bill tabled}]
"""


def where(path: Path, needle: str, nth: int = 0) -> str:
    """``file:line:col`` of the ``nth`` occurrence of ``needle`` in ``path`` (1-based)."""
    hits = [(n, line.index(needle) + 1) for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    line, col = hits[nth]
    return f"{path}:{line}:{col}"


def codes(findings):
    return [f.code for f in findings]


# --------------------------------------------------------------------------- the calendar
def test_calendar_exact_dates():
    cal = {m.key: (m.start, m.end) for m in followup_calendar(D(2024, 11, 12))}
    assert cal == {
        "contact-ministries": (D(2025, 4, 12), None),
        "action-plan": (D(2025, 4, 12), D(2026, 11, 12)),
        "midterm-report": (D(2026, 11, 12), D(2027, 5, 12)),
        "stakeholder-submission": (D(2028, 5, 12), D(2028, 11, 12)),
        "next-review": (D(2029, 5, 12), None),
    }
    assert next_review(D(2024, 11, 12)) == D(2029, 5, 12)  # 4.5 years = 54 months


def test_calendar_month_ends_use_calendar_arithmetic():
    cal = {m.key: (m.start, m.end) for m in followup_calendar(D(2024, 1, 31))}
    assert cal["contact-ministries"][0] == D(2024, 6, 30)  # no 31 June
    assert cal["stakeholder-submission"] == (D(2027, 7, 31), D(2028, 1, 31))
    assert next_review(D(2023, 8, 31)) == D(2028, 2, 29)  # leap year


def test_fractional_months_are_explicit():
    assert add_months(D(2024, 1, 15), 5.5) == D(2024, 6, 30)  # 5 months, then half of June (15 days)
    assert add_months(D(2024, 1, 15), 0.5) == D(2024, 1, 31)  # half of 31 days: 15.5, rounds up to 16
    assert add_months(D(2024, 2, 1), 0.25) == D(2024, 2, 8)  # a quarter of February 2024 (29 days): 7
    with pytest.raises(ValueError):
        add_months(D(2024, 1, 1), -1)


def test_calendar_offsets_are_configurable():
    steps = [{"key": "contact-ministries", "start_months": 3},
             {"key": "next-review", "start_months": 60}]
    rules = rules_with(followup_calendar=steps)
    cal = followup_calendar(D(2024, 11, 12), rules)
    assert [(m.key, m.start) for m in cal] == [("contact-ministries", D(2025, 2, 12)),
                                               ("next-review", D(2029, 11, 12))]
    # without a next-review step, the cycle length decides
    rules = rules_with(followup_calendar=steps[:1], cycle_years=5)
    assert next_review(D(2024, 11, 12), rules) == D(2029, 11, 12)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 1, 1)),
       st.integers(min_value=0, max_value=120), st.sampled_from([0, 0.25, 0.5, 0.75]))
def test_add_months_property(day, whole, frac):
    out = add_months(day, whole + frac)
    assert out >= day
    # a month is 28-31 days: the result stays within those bounds
    assert 28 * (whole + frac) - 3 <= (out - day).days <= 31 * (whole + frac) + 1
    assert add_months(day, whole + frac) <= add_months(day, whole + 1)


# --------------------------------------------------------------------------- the rules
def findings_of(path: Path, rules=None):
    from uprdraft.kinds.plan import plan_findings
    from uprdraft.load import load

    model, src = load(path, "action-plan")
    return plan_findings(model, src, rules)


def test_milestone_on_the_next_review_is_allowed_one_day_after_is_an_error(tmp_path):
    findings, stats = findings_of(write_plan(tmp_path, INLINE % "2029-05-12"))
    assert codes(findings) == [] and stats["next_review"] == "2029-05-12"
    path = write_plan(tmp_path, INLINE % "2029-05-13")
    findings, _ = findings_of(path)
    assert codes(findings) == ["milestone-after-review"]
    f = findings[0]
    assert f.severity == "error" and "2029-05-12" in f.message
    assert f.location == where(path, "2029-05-13")  # the date of the milestone


def test_milestone_before_the_review_is_a_warning(tmp_path):
    findings, _ = findings_of(write_plan(tmp_path, INLINE % "2023-11-12"))
    assert [(f.code, f.severity) for f in findings] == [("milestone-before-review", "warning")]


def test_unknown_recommendation_id_is_an_error_with_its_location(tmp_path):
    shutil.copy(EXAMPLES / "recommendations.yaml", tmp_path / "recs.yaml")
    path = write_plan(tmp_path, """\
      - recommendation: "115.23"
        actors: [Ministry of Justice]
        milestones: [{date: 2026-01-01, what: x}]
      - recommendation: "115.24"
        actors: [Ministry of Justice]
        milestones: [{date: 2026-01-01, what: x}]
    """, extra="recommendations_file: recs.yaml\n")
    findings, _ = findings_of(path)
    assert codes(findings) == ["unknown-recommendation"]
    assert findings[0].severity == "error"
    assert findings[0].location == where(path, '"115.24"')
    assert "115.24" in findings[0].message and "115.23" in findings[0].message  # did you mean


def test_id_without_recommendations_file_is_an_error(tmp_path):
    path = write_plan(tmp_path, """\
      - recommendation: "115.23"
        actors: [Ministry of Justice]
        milestones: [{date: 2026-01-01, what: x}]
    """)
    findings, _ = findings_of(path)
    assert codes(findings) == ["unknown-recommendation"]
    assert "recommendations_file" in findings[0].message and findings[0].location == where(path, '"115.23"')


def test_missing_recommendations_file_is_an_input_error(tmp_path, cli):
    path = write_plan(tmp_path, '  - recommendation: "115.23"\n', extra="recommendations_file: nowhere.csv\n")
    code, report = cli.json("plan", path)
    assert code == 2 and report["findings"][0]["location"] == where(path, "nowhere.csv")


def test_item_without_actor_or_milestone_warns(tmp_path):
    path = write_plan(tmp_path, """\
      - recommendation: {id: "115.1", text: Ban corporal punishment.}
      - recommendation: {id: "115.2", text: Free education.}
        lead: Ministry of Education
        milestones: [{date: 2026-01-01, what: x}]
    """)
    findings, _ = findings_of(path)
    assert [(f.code, f.severity, f.location) for f in findings] == [
        ("no-actor", "warning", where(path, "recommendation: {")), ("no-milestone", "warning", where(path, "recommendation: {"))]


def test_action_types_come_from_the_fixed_list(tmp_path):
    path = write_plan(tmp_path, INLINE % "2026-01-01" + "    action_types: [legislative, advocacy]\n")
    findings, _ = findings_of(path)
    assert codes(findings) == ["action-type"] and "advocacy" in findings[0].message
    assert findings[0].location == where(path, "advocacy")


def test_noted_recommendations_are_allowed_and_counted(tmp_path):
    path = write_plan(tmp_path, (INLINE % "2026-01-01").replace("supported", "noted"))
    findings, stats = findings_of(path)
    assert findings == [] and stats["noted"] == 1 and stats["supported"] == 0


def test_duplicate_recommendation_warns(tmp_path):
    findings, _ = findings_of(write_plan(tmp_path, INLINE % "2026-01-01" + INLINE % "2026-02-01"))
    assert codes(findings) == ["duplicate-item"]


def test_schema_errors_point_into_the_source(tmp_path, cli):
    path = write_plan(tmp_path, """\
      - recommendation: {id: "115.1"}
      - recommendation: 115.20
    """)
    code, report = cli.json("plan", path)
    assert code == 1
    got = [(f["message"].split(":")[0], f["location"]) for f in report["findings"]]
    assert got == [("items.0.recommendation.text", where(path, "{id")), ("items.1.recommendation", where(path, "115.20"))]
    assert "quotes" in report["findings"][1]["message"]


def test_validate_runs_the_plan_rules(tmp_path, cli):
    code, report = cli.json("validate", write_plan(tmp_path, INLINE % "2030-01-01"))
    # INLINE is written in brackets, as officers type: flow-style warnings come first
    assert code == 1 and [f["code"] for f in report["findings"] if f["code"] != "flow-style"] == \
        ["milestone-after-review"]
    code, report = cli.json("validate", EXAMPLES / "action-plan.yaml")
    assert code == 0 and report["findings"] == [] and report["stats"]["items"] == 4


def test_recommendations_file_in_csv(tmp_path):
    from uprdraft.importers import template_csv

    (tmp_path / "recs.csv").write_text(template_csv(), encoding="utf-8")
    path = write_plan(tmp_path, """\
      - recommendation: "115.40"
        actors: [Parliament]
        milestones: [{date: 2026-01-01, what: Round table}]
    """, extra="recommendations_file: recs.csv\n")
    findings, stats = findings_of(path)
    assert findings == [] and stats["noted"] == 1


def test_starter_validates(tmp_path, cli):
    out = tmp_path / "mine.yaml"
    code, _, _ = cli("new", "action-plan", "-o", out)
    assert code == 0
    code, report = cli.json("validate", out)
    assert code == 0 and report["findings"] == [], report
