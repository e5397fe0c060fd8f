"""uprdraft plan: the written files (matrix .docx, calendar .ics), in en, fr and es."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as hypothesis_example
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def example(tmp_path: Path, lang: str = "en", name: str = "action-plan.yaml") -> Path:
    """The example plan (and its recommendations file) copied into ``tmp_path``."""
    shutil.copy(EXAMPLES / "recommendations.yaml", tmp_path / "recommendations.yaml")
    text = (EXAMPLES / "action-plan.yaml").read_text(encoding="utf-8")
    text = text.replace("language: en ", f"language: {lang} ", 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def docx_text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    import docx

    d = docx.Document(str(path))
    return [p.text for p in d.paragraphs], [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]


def test_plan_writes_matrix_and_calendar(tmp_path, cli):
    src = example(tmp_path)
    code, report = cli.json("plan", src, "--ics", tmp_path / "plan.ics", "--today", "2026-11-28")
    assert code == 0, report
    assert report["ok"] and report["findings"] == []
    assert report["output"] == str(tmp_path / "action-plan.docx")  # default: beside the input
    assert report["stats"]["noted"] == 1 and report["stats"]["next_review"] == "2029-05-12"
    paras, tables = docx_text(tmp_path / "action-plan.docx")
    matrix, calendar = tables
    assert matrix[0] == ["Recommendation", "Expected results", "Type of action", "Actors", "Indicators",
                         "Milestones", "Budget", "Status"]
    assert len(matrix) == 1 + 4
    first = matrix[1]
    assert first[0].startswith("115.23 (A/HRC/58/15, para. 115.23)\nProhibit corporal punishment")
    assert "Recommending States: Sweden, Uruguay and Estonia" in first[0]
    assert first[0].endswith("Response: Supported")
    assert first[2] == "Legislative\nAwareness-raising"
    assert first[3].startswith("Lead: Ministry of Justice\n\u2013 ")
    # one milestone per line, each after a dash
    assert first[5].splitlines()[0] == "\u2013 30 June 2025: Draft amendment shared with the Ministry of Justice"
    assert len(first[5].splitlines()) == 3
    assert first[6] == "EUR 15,000" and first[7] == "Not implemented"
    assert matrix[3][0].endswith("Response: Noted")  # the noted recommendation is marked
    # the calendar: steps and milestones one per row in date order, marked on the plan's date
    assert calendar[0] == ["When", "Step", "On 28 November 2026"]
    assert calendar[2] == ["12 April 2025 to 12 November 2026", "Develop the organisation's own action plan", "past"]
    assert calendar[3] == ["30 June 2025", "115.23: Draft amendment shared with the Ministry of Justice", "past"]
    marks = {row[1]: row[2] for row in calendar[1:]}
    assert marks["Take stock of progress and submit a mid-term report"] == "under way"
    assert marks["115.23: Law adopted and in force"] == ""
    dates = [row[0] for row in calendar[1:]]
    assert dates[-1] == "12 May 2029" and len(calendar) == 1 + 5 + 7
    assert "Next review (estimate): 12 May 2029" in paras


def test_matrix_is_landscape_and_passes_the_hrc_report_check(tmp_path, cli):
    import docx
    from docx.enum.section import WD_ORIENT

    from uprdraft.docx_check import check_docx

    code, _, _ = cli("plan", example(tmp_path))
    assert code == 0
    out = tmp_path / "action-plan.docx"
    section = docx.Document(str(out)).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    report = check_docx(out.read_bytes(), profile="hrc-report")
    assert [f for f in report.findings if f.severity == "error"] == []


@pytest.mark.parametrize("lang, header, date, noted, range_", [
    ("fr", "Recommandation", "12 novembre 2024", "Réponse\u00a0: Notée", "du 12 avril 2025 au 12 novembre 2026"),
    ("es", "Recomendación", "12 de noviembre de 2024", "Respuesta: Anotada",
     "del 12 de abril de 2025 al 12 de noviembre de 2026"),
])
def test_labels_and_dates_per_language(tmp_path, cli, lang, header, date, noted, range_):
    code, report = cli.json("plan", example(tmp_path, lang))
    assert code == 0, report
    paras, (matrix, calendar) = docx_text(tmp_path / "action-plan.docx")
    assert matrix[0][0] == header
    assert any(date in p for p in paras)
    assert matrix[3][0].endswith(noted)
    assert calendar[2][0] == range_


def test_calendar_read_back(tmp_path, cli):
    from icalendar import Calendar

    ics = tmp_path / "plan.ics"
    code, _, _ = cli("plan", example(tmp_path), "--ics", ics)
    assert code == 0
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert len(events) == 7 + 5  # every item milestone and every follow-up step
    for ev in events:  # all-day events, DTEND exclusive
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        assert type(start) is dt.date and type(end) is dt.date and end > start
    by_summary = {str(ev["summary"]): ev for ev in events}
    window = by_summary["UPR Ruritania: Take stock of progress and submit a mid-term report"]
    assert (window.decoded("dtstart"), window.decoded("dtend")) == (dt.date(2026, 11, 12), dt.date(2027, 5, 13))
    review = by_summary["UPR Ruritania: Next review (estimate)"]
    assert review.decoded("dtstart") == dt.date(2029, 5, 12)
    bill = by_summary["115.23: Bill tabled in Parliament"]
    assert bill.decoded("dtstart") == dt.date(2026, 3, 31)
    assert len({str(ev["uid"]) for ev in events}) == len(events)


def test_outputs_are_deterministic(tmp_path, cli):
    outs = []
    for run in ("a", "b"):
        d = tmp_path / run
        d.mkdir()
        code, _, _ = cli("plan", example(d), "--ics", d / "plan.ics")
        assert code == 0
        outs.append(((d / "action-plan.docx").read_bytes(), (d / "plan.ics").read_bytes()))
    assert outs[0] == outs[1]
    assert b"DTSTAMP:20241112T000000Z" in outs[0][1]


def test_never_overwrites_without_force(tmp_path, cli):
    src = example(tmp_path)
    out = tmp_path / "action-plan.docx"
    out.write_bytes(b"keep me")
    code, _, err = cli("plan", src)
    assert code == 2 and "--force" in err and out.read_bytes() == b"keep me"
    ics = tmp_path / "plan.ics"
    ics.write_text("keep me")
    code, _, _ = cli("plan", src, "-o", tmp_path / "other.docx", "--ics", ics)
    assert code == 2 and not (tmp_path / "other.docx").exists() and ics.read_text() == "keep me"
    code, _, _ = cli("plan", src, "--force", "--ics", ics)
    assert code == 0 and out.read_bytes()[:2] == b"PK" and ics.read_text().startswith("BEGIN:VCALENDAR")


def test_rule_error_writes_nothing(tmp_path, cli):
    src = example(tmp_path)
    src.write_text(src.read_text().replace("2027-06-30", "2031-06-30"), encoding="utf-8")
    code, report = cli.json("plan", src, "--ics", tmp_path / "plan.ics")
    assert code == 1 and report["output"] is None
    assert [f["code"] for f in report["findings"]] == ["milestone-after-review"]
    assert not (tmp_path / "action-plan.docx").exists() and not (tmp_path / "plan.ics").exists()
    code, out, err = cli("plan", src)
    assert code == 1 and "action-plan.yaml:" in err and "Traceback" not in err + out


def test_same_file_for_docx_and_ics_is_refused(tmp_path, cli):
    code, _, err = cli("plan", example(tmp_path), "-o", tmp_path / "x.docx", "--ics", tmp_path / "x.docx")
    assert code == 2 and "different" in err


# Arbitrary user text (XML specials, control characters, any script) never breaks the files.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(what=TEXT, result=TEXT)
@hypothesis_example(what="x", result="0 \x1f")  # whitespace to Python's strip, not to the model's
def test_arbitrary_text_round_trips(tmp_path, what, result):
    import json

    from icalendar import Calendar

    from uprdraft import render_plan
    from uprdraft.xmltext import clean_text

    plan = {
        "kind": "action-plan", "language": "en", "title": "T", "state_under_review": "Ruritania",
        "organisation": {"name": "N", "status": "none"}, "review_date": "2024-11-12",
        "items": [{"recommendation": {"id": "115.1", "text": "Ban <b> & \"it\""}, "actors": ["A"],
                   "expected_results": [result], "milestones": [{"date": "2026-01-01", "what": what}]}],
    }
    src = tmp_path / "p.json"
    src.write_text(json.dumps(plan), encoding="utf-8")
    report = render_plan(src, ics=tmp_path / "p.ics", force=True)
    assert report.ok
    _, (matrix, _) = docx_text(tmp_path / "p.docx")
    # python-docx reads tabs and breaks back as \t and \n; the strip of the model stays (the
    # model's strip, not Python's: "\x1f" is whitespace to str.strip only)
    from typing import Annotated

    from pydantic import StringConstraints, TypeAdapter

    stripped = TypeAdapter(Annotated[str, StringConstraints(strip_whitespace=True)]).validate_python(result)
    expected = clean_text(stripped)
    assert matrix[1][1].replace("\t", "").replace("\n", "") == expected.replace("\t", "").replace("\n", "")
    assert matrix[1][0].endswith('Ban <b> & "it"')
    events = list(Calendar.from_ical((tmp_path / "p.ics").read_bytes()).walk("VEVENT"))
    assert len(events) == 6
