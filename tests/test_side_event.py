"""Side events: every rule at its edge, the concept note, the .ics, the CLI contract."""
from __future__ import annotations

import copy
import datetime as dt
import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.context import make_context
from uprdraft.kinds.side_event import calendar_bytes, side_event_findings
from uprdraft.load import load

CTX = make_context()

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "side-event.yaml"
GENEVA = ZoneInfo("Europe/Zurich")

BASE = {
    "kind": "side-event",
    "title": "Launch of the mid-term report on children's rights",
    "session": "HRC61",
    "session_start": "2026-02-23",
    "session_end": "2026-04-02",
    "date": "2026-03-10",
    "start": "13:00",
    "duration_minutes": 60,
    "venue": "Palais des Nations, Room XXIV",
    "organisers": [{"name": "Child Rights Alliance", "status": "special"}],
    "moderator": {"name": "Ana Pérez", "function": "Advocacy Officer"},
    "panellists": [
        {"name": "Léa Martin", "function": "Children's Parliament", "remote": True},
        {"name": "Samuel Okoro", "function": "NHRI Commissioner"},
        {"name": "Carmen Ruiz", "function": "Report co-author"},
    ],
    "languages": ["en"],
    "description": "Children and civil society present their mid-term assessment.",
    "objectives": ["Present the findings"],
    "agenda": [
        {"minutes": 5, "item": "Welcome", "speaker": "Ana Pérez"},
        {"minutes": 5, "item": "Children's views", "speaker": "Léa Martin"},
        {"minutes": 5, "item": "Findings", "speaker": "Carmen Ruiz"},
    ],
    "contact": {"name": "Ana Pérez", "email": "ana@example.org"},
}


def write(tmp_path: Path, name: str = "event.yaml", **changes) -> Path:
    """The base event with ``changes``, written as YAML (JSON is valid YAML)."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def check(tmp_path, rules=None, **changes):
    model, src = load(write(tmp_path, **changes), "side-event")
    findings, stats = side_event_findings(model, src, rules)
    return {f.code: f for f in findings}, stats, findings


def codes(tmp_path, rules=None, **changes) -> set[str]:
    return set(check(tmp_path, rules, **changes)[0])


def docx_text(data: bytes) -> str:
    import docx

    doc = docx.Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(lines)


# --------------------------------------------------------------------------- the example
def test_example_has_no_findings():
    model, src = load(EXAMPLE, "side-event")
    findings, stats = side_event_findings(model, src)
    assert findings == []
    assert stats["agenda_minutes"] == 25 and stats["discussion_minutes"] == 35
    assert stats["guest_list_due"] == "2026-03-08T13:00:00+01:00"
    assert stats["remote_speakers"] == ["Léa Martin"]


# --------------------------------------------------------------------------- lunch window and duration
def test_start_at_1200_exactly_is_inside_the_window(tmp_path):
    assert "time-window" not in codes(tmp_path, start="12:00")


def test_start_at_1159_is_outside_the_window(tmp_path):
    found, _, _ = check(tmp_path, start="11:59")
    assert found["time-window"].severity == "error"
    assert "11:59" in found["time-window"].message and "12:00-15:00" in found["time-window"].message


@pytest.mark.parametrize("start, minutes", [("14:00", 60), ("13:30", 90)])
def test_end_at_1500_exactly_is_inside_the_window(tmp_path, start, minutes):
    assert "time-window" not in codes(tmp_path, start=start, duration_minutes=minutes, agenda=[])


def test_1401_plus_60_minutes_ends_after_the_window(tmp_path):
    found, stats, _ = check(tmp_path, start="14:01", duration_minutes=60)
    f = found["time-window"]
    assert f.severity == "error" and "15:01" in f.message and "14:00" in f.message  # says when to start
    assert stats["end"] == "15:01"


def test_window_is_configurable(tmp_path):
    from uprdraft import rules

    custom = rules.resolve({"side_event": {"window": ["13:00", "16:00"]}})
    assert "time-window" not in codes(tmp_path, custom, start="14:30", duration_minutes=90, agenda=[])
    assert "time-window" in codes(tmp_path, custom, start="12:30")


@pytest.mark.parametrize("minutes, ok", [(60, True), (90, True), (75, False), (120, False), (45, False)])
def test_duration_is_60_or_90(tmp_path, minutes, ok):
    found, _, _ = check(tmp_path, start="12:00", duration_minutes=minutes, agenda=[])
    assert ("duration" not in found) is ok


@pytest.mark.parametrize("value", ["1300", "25:00", "13:60", "noon"])
def test_start_must_be_a_clock_time(tmp_path, value, cli):
    path = write(tmp_path, start=value)
    code, report = cli.json("validate", path)
    assert code == 1
    (f,) = report["findings"]
    assert f["code"] == "schema" and "HH:MM" in f["message"]
    line = next(i for i, l in enumerate(path.read_text().splitlines(), 1) if '"start"' in l)
    assert f["location"].startswith(f"{path}:{line}:")


def test_french_clock_13h00_is_accepted(tmp_path):
    _, stats, _ = check(tmp_path, start="13h00")
    assert stats["start"] == "13:00"


# --------------------------------------------------------------------------- agenda
def test_agenda_filling_the_slot_exactly_leaves_no_discussion(tmp_path):
    agenda = [{"minutes": 30, "item": "Panel", "speaker": None}, {"minutes": 30, "item": "Q&A", "speaker": None}]
    found, stats, _ = check(tmp_path, agenda=agenda)
    assert "agenda-time" not in found
    assert stats["discussion_minutes"] == 0 and len(stats["agenda"]) == 2


def test_61_agenda_minutes_in_a_60_minute_slot_is_an_error(tmp_path):
    agenda = [{"minutes": 31, "item": "Panel"}, {"minutes": 30, "item": "Q&A"}]
    found, stats, _ = check(tmp_path, agenda=agenda)
    f = found["agenda-time"]
    assert f.severity == "error" and "61 minutes" in f.message and "1 more" in f.message
    assert stats["discussion_minutes"] == 0


def test_discussion_time_and_clock_times(tmp_path):
    _, stats, _ = check(tmp_path, start="13:15")
    assert [(r["start"], r["end"]) for r in stats["agenda"]] == [
        ("13:15", "13:20"), ("13:20", "13:25"), ("13:25", "13:30"), ("13:30", "14:15")]
    assert stats["agenda"][-1]["item"] == "discussion" and stats["discussion_minutes"] == 45


def test_speaker_over_five_minutes_and_unknown_speaker_warn(tmp_path):
    agenda = [{"minutes": 6, "item": "Keynote", "speaker": "Ana Pérez"},
              {"minutes": 5, "item": "Views", "speaker": "Lea Martín"}]  # misspelt
    found, _, _ = check(tmp_path, agenda=agenda)
    assert found["speaker-time"].severity == "warning"
    assert found["agenda-speaker"].severity == "warning" and "Lea Martín" in found["agenda-speaker"].message


# --------------------------------------------------------------------------- session dates
@pytest.mark.parametrize("date, ok", [("2026-02-23", True), ("2026-04-02", True),
                                      ("2026-02-22", False), ("2026-04-03", False)])
def test_date_inside_the_session(tmp_path, date, ok):
    assert ("outside-session" not in codes(tmp_path, date=date)) is ok


def test_session_dates_are_optional(tmp_path):
    assert "outside-session" not in codes(tmp_path, session_start=None, session_end=None, date="2027-01-05")


def test_session_end_before_start(tmp_path):
    assert "session-dates" in codes(tmp_path, session_start="2026-04-02", session_end="2026-02-23")


# --------------------------------------------------------------------------- organisers and booking
def test_no_organiser_with_ecosoc_status_is_an_error(tmp_path):
    found, _, _ = check(tmp_path, organisers=[{"name": "Local Youth Group", "status": "none"}])
    f = found["consultative-status"]
    assert f.severity == "error" and "ECOSOC" in f.message and "book" in f.message


def test_booking_error_names_a_partner_with_status(tmp_path):
    found, _, _ = check(tmp_path, organisers=[{"name": "Local Youth Group", "status": "none"}],
                        partners=[{"name": "DEI", "status": "general"}, "Friends"])
    assert "DEI has it" in found["consultative-status"].message


@pytest.mark.parametrize("status", ["general", "special", "roster"])
def test_one_organiser_with_status_is_enough(tmp_path, status):
    orgs = [{"name": "Local Youth Group", "status": "none"}, {"name": "Lead", "status": status}]
    assert "consultative-status" not in codes(tmp_path, organisers=orgs)


def test_no_co_sponsoring_state_is_a_hint_not_a_finding(tmp_path):
    found, stats, _ = check(tmp_path)
    assert found == {} and "co-sponsorship" in stats["hints"][0]
    _, stats, _ = check(tmp_path, co_sponsoring_states=["Permanent Mission of Chile"])
    assert stats["hints"] == []


# --------------------------------------------------------------------------- languages and panel
def test_several_languages_without_interpretation_warn(tmp_path):
    found, _, _ = check(tmp_path, languages=["en", "fr"])
    assert found["interpretation"].severity == "warning"
    assert "interpretation" not in codes(tmp_path, languages=["en", "fr"], interpretation=True)
    assert "interpretation" not in codes(tmp_path, languages=["fr"])


@pytest.mark.parametrize("n, warns", [(2, True), (3, False), (4, False), (5, True)])
def test_three_or_four_panellists_recommended(tmp_path, n, warns):
    panel = [{"name": f"Speaker {i}"} for i in range(n)]
    assert ("panellists" in codes(tmp_path, panellists=panel, agenda=[])) is warns


# --------------------------------------------------------------------------- guest list deadline
def test_guest_list_due_48_hours_before_across_a_clock_change(tmp_path):
    # clocks go forward on 29 March 2026: 48 real hours before 13:00 CEST is 12:00 CET
    _, stats, _ = check(tmp_path, date="2026-03-30")
    assert stats["guest_list_due"] == "2026-03-28T12:00:00+01:00"


# --------------------------------------------------------------------------- calendar file
def test_ics_parses_back_with_geneva_times_and_the_guest_list_entry(tmp_path):
    from icalendar import Calendar

    model, _ = load(write(tmp_path, co_sponsoring_states=["Chile"]), "side-event")
    data = calendar_bytes(model)
    cal = Calendar.from_ical(data)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Zurich"]
    event, guests = cal.walk("VEVENT")
    assert event["DTSTART"].dt == dt.datetime(2026, 3, 10, 13, 0, tzinfo=GENEVA)
    assert event["DTEND"].dt == dt.datetime(2026, 3, 10, 14, 0, tzinfo=GENEVA)
    assert str(event["SUMMARY"]) == BASE["title"]
    assert str(event["LOCATION"]) == "Palais des Nations, Room XXIV"
    # 48 hours before is Sunday 8 March: the entry is on the working day before
    assert guests["DTSTART"].dt == dt.datetime(2026, 3, 6, 13, 0, tzinfo=GENEVA)
    assert "Guest list" in str(guests["SUMMARY"])
    (alarm,) = guests.walk("VALARM")
    assert alarm["TRIGGER"].dt == -dt.timedelta(hours=24)
    assert event["UID"] != guests["UID"]
    assert calendar_bytes(model) == data  # deterministic


def test_ics_uid_is_stable_when_the_time_changes(tmp_path):
    from uprdraft.ics import read_calendar

    a, _ = load(write(tmp_path, name="a.yaml"), "side-event")
    b, _ = load(write(tmp_path, name="b.yaml", start="13:30"), "side-event")
    ua = [str(e["UID"]) for e in read_calendar(calendar_bytes(a))]
    ub = [str(e["UID"]) for e in read_calendar(calendar_bytes(b))]
    assert ua == ub  # a calendar client updates the entry instead of duplicating it


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=80).filter(lambda s: s.strip()))
def test_ics_round_trips_any_title(title):
    from uprdraft.ics import Entry, build_calendar, read_calendar, stable_uid
    from uprdraft.xmltext import clean_text

    start = dt.datetime(2026, 3, 10, 13, 0, tzinfo=GENEVA)
    data = build_calendar([Entry(uid=stable_uid(title), summary=title, start=start,
                                 end=start + dt.timedelta(hours=1))], stamp=start)
    (event,) = read_calendar(data)
    assert str(event["SUMMARY"]) == clean_text(title)


# --------------------------------------------------------------------------- the concept note
def test_concept_note_contents_in_english(tmp_path, cli):
    path = write(tmp_path, languages=["en", "fr"], interpretation=True, co_sponsoring_states=["Chile"])
    code, report = cli.json("side-event", path)
    assert code == 0, report
    text = docx_text(Path(report["output"]).read_bytes())
    for expected in ("Tuesday, 10 March 2026", "13:00–14:00 (Geneva time)", "Palais des Nations, Room XXIV",
                     "Organised by: Child Rights Alliance", "Co-sponsored by: Chile",
                     "Léa Martin, Children's Parliament (remote)", "Moderator: Ana Pérez",
                     "13:15–14:00 | Questions and discussion | Ana Pérez", "English and French",
                     "before 13:00 on Friday, 6 March 2026 (the last working day before the deadline 48 hours", "Contact: Ana Pérez, ana@example.org"):
        assert expected in text, expected


@pytest.mark.parametrize("lang, expected", [
    ("fr", ["mardi 10 mars 2026", "heure de Genève", "Organisé par\u00a0: Child Rights Alliance",
            "(à distance)", "Questions et débat", "anglais", "vendredi 6 mars 2026 à 13:00"]),
    ("es", ["martes, 10 de marzo de 2026", "hora de Ginebra", "Organizado por: Child Rights Alliance",
            "(a distancia)", "Preguntas y debate", "inglés", "viernes, 6 de marzo de 2026 a las 13:00"]),
])
def test_concept_note_labels_and_dates_per_language(tmp_path, cli, lang, expected):
    code, report = cli.json("side-event", write(tmp_path, language=lang))
    assert code == 0, report
    text = docx_text(Path(report["output"]).read_bytes())
    for e in expected:
        assert e in text, e


def test_concept_note_is_deterministic_and_passes_the_checker(tmp_path):
    from uprdraft.docx_check import check_docx
    from uprdraft.render.side_event import render_concept_note

    model, _ = load(EXAMPLE, "side-event")
    a, b = render_concept_note(model, CTX), render_concept_note(model, CTX)
    assert a == b
    report = check_docx(a, profile="hrc-report")
    assert [f for f in report.findings if f.severity == "error"] == []


def test_user_text_is_escaped_and_cleaned(tmp_path, cli):
    title = "Children & <b>States</b>\x0b \"quoted\""
    code, report = cli.json("side-event", write(tmp_path, title=title))
    assert code == 0, report
    text = docx_text(Path(report["output"]).read_bytes())
    assert "Children & <b>States</b> \"quoted\"" in text


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(description=st.text(min_size=1, max_size=200).filter(lambda s: s.strip()))
def test_any_description_renders(description):
    from uprdraft.models.side_event import SideEvent
    from uprdraft.render.side_event import render_concept_note

    data = copy.deepcopy(BASE) | {"description": description}
    model = SideEvent.model_validate(data)
    text = docx_text(render_concept_note(model, CTX))
    first_word = model.description.split()[0] if model.description.split() else ""
    from uprdraft.xmltext import clean_text

    assert clean_text(first_word) in text


# --------------------------------------------------------------------------- CLI contract
def test_cli_writes_docx_and_ics(tmp_path, cli):
    path = write(tmp_path)
    code, out, err = cli("side-event", path, "--ics", tmp_path / "event.ics")
    assert code == 0, err
    assert (tmp_path / "event.docx").is_file() and (tmp_path / "event.ics").is_file()
    assert "guest list without accreditation due by 2026-03-08 13:00" in out
    assert "45 min left for discussion" in out


def test_cli_json_report(tmp_path, cli):
    code, report = cli.json("side-event", write(tmp_path), "-o", tmp_path / "note.docx", "--ics", tmp_path / "e.ics")
    assert code == 0
    assert report["ok"] is True and report["output"] == str(tmp_path / "note.docx")
    assert report["stats"]["ics"] == str(tmp_path / "e.ics")
    assert report["stats"]["discussion_minutes"] == 45


def test_rule_error_exits_1_and_writes_nothing(tmp_path, cli):
    path = write(tmp_path, start="14:01")
    code, report = cli.json("side-event", path, "--ics", tmp_path / "e.ics")
    assert code == 1 and report["ok"] is False and report["output"] is None
    assert [f["code"] for f in report["findings"]] == ["time-window"]
    assert report["findings"][0]["location"].startswith(f"{path}:")
    assert not (tmp_path / "event.docx").exists() and not (tmp_path / "e.ics").exists()


def test_refuses_to_overwrite_without_force(tmp_path, cli):
    path = write(tmp_path)
    (tmp_path / "event.ics").write_text("keep")
    code, _, err = cli("side-event", path, "--ics", tmp_path / "event.ics")
    assert code == 2 and "--force" in err
    assert (tmp_path / "event.ics").read_text() == "keep" and not (tmp_path / "event.docx").exists()
    code, _, _ = cli("side-event", path, "--ics", tmp_path / "event.ics", "--force")
    assert code == 0 and (tmp_path / "event.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_missing_input_and_bad_yaml_exit_2(tmp_path, cli):
    code, _, err = cli("side-event", tmp_path / "nope.yaml")
    assert code == 2 and "no such file" in err and "Traceback" not in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: side-event\ntitle: [unclosed\n")
    code, _, err = cli("side-event", bad)
    assert code == 2 and f"{bad}:" in err


def test_validate_reports_the_rules(tmp_path, cli):
    code, report = cli.json("validate", write(tmp_path, organisers=[{"name": "Youth", "status": "none"}]))
    assert code == 1
    assert "consultative-status" in {f["code"] for f in report["findings"]}


def test_starter_file_is_valid(tmp_path, cli):
    code, out, _ = cli("new", "side-event", "-o", tmp_path / "starter.yaml")
    assert code == 0
    code, report = cli.json("validate", tmp_path / "starter.yaml")
    assert code == 0 and report["findings"] == []


def test_findings_without_a_source_file():
    from uprdraft.models.side_event import SideEvent

    model = SideEvent.model_validate(copy.deepcopy(BASE) | {"start": "11:00"})
    findings, stats = side_event_findings(model)
    assert [(f.code, f.location) for f in findings] == [("time-window", "")]


@settings(max_examples=200, deadline=None)
@given(minute_of_day=st.integers(min_value=9 * 60, max_value=17 * 60), duration=st.sampled_from([60, 90]),
       agenda=st.lists(st.integers(min_value=1, max_value=40), max_size=6))
def test_window_and_agenda_rules_match_their_definition(minute_of_day, duration, agenda):
    from uprdraft.models.side_event import SideEvent

    start = dt.time(minute_of_day // 60, minute_of_day % 60)
    data = copy.deepcopy(BASE) | {"start": start.strftime("%H:%M"), "duration_minutes": duration,
                                  "agenda": [{"minutes": m, "item": f"Item {i}"} for i, m in enumerate(agenda)]}
    findings, stats = side_event_findings(SideEvent.model_validate(data))
    found = {f.code for f in findings}
    inside = 12 * 60 <= minute_of_day and minute_of_day + duration <= 15 * 60
    assert ("time-window" not in found) is inside
    assert ("agenda-time" in found) is (sum(agenda) > duration)
    assert stats["discussion_minutes"] == max(0, duration - sum(agenda))
    if agenda:
        assert stats["agenda"][0]["start"] == start.strftime("%H:%M")


# --------------------------------------------------------------------------- working days
@pytest.mark.parametrize("date, why", [
    ("2026-03-14", "Saturday"),
    ("2026-03-15", "Sunday"),
    ("2026-03-20", "a UN Geneva holiday (Eid al-Fitr)"),
])
def test_event_on_a_day_off_is_an_error(tmp_path, date, why):
    f = check(tmp_path, date=date)[0]["working-day"]
    assert f.severity == "error" and why in f.message and "Monday to Friday" in f.message
    line = next(i for i, t in enumerate((tmp_path / "event.yaml").read_text().splitlines(), 1) if '"date"' in t)
    assert f":{line}:" in f.location


def test_working_days_and_holidays_come_from_the_rules(tmp_path):
    # a Tuesday that a rules file lists as a holiday; a Saturday that it makes a working day
    found = check(tmp_path, rules={"side_event": {"holidays": {"2026-03-10": "Staff day"}}})[0]
    assert "Staff day" in found["working-day"].message
    assert "working-day" not in codes(tmp_path, {"side_event": {"working_weekdays": [0, 1, 2, 3, 4, 5]}},
                                      date="2026-03-14")


def test_guest_list_on_a_weekend_goes_out_the_working_day_before(tmp_path, cli):
    # Tuesday 13:00: 48 hours before is Sunday 13:00, so the list goes out on Friday
    found, stats, _ = check(tmp_path)
    assert stats["guest_list_due"] == "2026-03-08T13:00:00+01:00"
    assert stats["guest_list_send_by"] == "2026-03-06T13:00:00+01:00"
    assert "working-day" not in found
    code, out, err = cli("side-event", write(tmp_path))
    assert code == 0, err
    assert "not a working day: send the guest list by 2026-03-06 13:00" in out
    # Thursday 13:00: 48 hours before is Tuesday, a working day: nothing moves
    _, stats, _ = check(tmp_path, date="2026-03-12")
    assert stats["guest_list_send_by"] == stats["guest_list_due"] == "2026-03-10T13:00:00+01:00"


def test_guest_list_before_easter_monday_skips_the_long_weekend():
    from uprdraft.programme import guest_list_send_by
    from uprdraft.rules import DEFAULT

    due = dt.datetime(2026, 4, 6, 13, 0, tzinfo=GENEVA)  # Easter Monday
    assert guest_list_send_by(due, DEFAULT) == dt.datetime(2026, 4, 2, 13, 0, tzinfo=GENEVA)  # Thursday
