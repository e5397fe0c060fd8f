"""Side events in Geneva: the rules, the concept note (.docx) and the calendar file (.ics).

Python API::

    from uprdraft.side_event import render_side_event, side_event_findings
    report = render_side_event("launch.yaml", ics="launch.ics")   # writes launch.docx + .ics
    report.stats["guest_list_due"]      # '2026-03-08T13:00:00+01:00' (48 h before)

    from uprdraft.load import load
    model, src = load("launch.yaml", "side-event")
    findings, stats = side_event_findings(model, src)           # what `validate` reports

Rules (values in ``rules.side_event``, sources in rules.py): the date falls within the
session when its dates are given, on a working day (Monday to Friday, not a UN Geneva
holiday listed in ``side_event.holidays``); a guest-list deadline on a day off moves to the
working day before (in the note, the calendar and the summary); start and end within the lunch window; an allowed duration;
the agenda fits in the slot (the rest is discussion time); an organiser with ECOSOC status
books the room; several languages need the organisers' own interpreters; 3-4 panellists.
"""
from __future__ import annotations

import datetime as dt

from ..findings import Finding, Report, error, warning
from ..kinds import Analysis, Request
from ..programme import (  # noqa: F401
    agenda_schedule,
    event_times,
    geneva,
    guest_list_send_by,
    non_working_day,
    speaker_lines,
    working_day_before,
)
from ..programme import hm as _hm
from ..text import blank_line_paragraphs as paragraphs

KIND = "side-event"


def _clock(value: str) -> dt.time:
    h, m = value.split(":")
    return dt.time(int(h), int(m))


def _names(items) -> list[str]:
    return [i if isinstance(i, str) else i.name for i in items]


def side_event_findings(model, src=None, rules=None) -> tuple[list[Finding], dict]:
    """Apply the side-event rules to a model (``src`` from :func:`uprdraft.load.load` gives
    file:line:col locations). Returns (findings, stats)."""
    from ..rules import resolve

    rules = resolve(rules)
    r = rules.side_event
    out: list[Finding] = []
    at = src.locate if src is not None else (lambda loc: "")  # a model built in Python has no file
    start, end, due = event_times(model, rules)

    # --- the session
    s0, s1 = model.session_start, model.session_end
    if s0 and s1 and s1 < s0:
        out.append(error("session-dates", f"session_end ({s1}) is before session_start ({s0}); check both dates",
                         at(("session_end",))))
    elif (s0 and model.date < s0) or (s1 and model.date > s1):
        span = f"{s0 or '...'} to {s1 or '...'}"
        out.append(error("outside-session",
                         f"the event on {model.date} is outside {model.session} ({span}); side events take place "
                         "during the session: choose a date within it or correct the session dates",
                         at(("date",))))

    # --- a working day of the session: Monday to Friday, not a UN Geneva holiday [S25]
    why = non_working_day(model.date, rules)
    if why is not None:
        before = working_day_before(model.date, rules)
        out.append(error("working-day", f"the event on {model.date} falls on {why}, when the Palais des Nations "
                         "holds no meetings and books no rooms; side events take place on working days of the "
                         f"session (Monday to Friday, not on UN Geneva holidays): choose another date, for "
                         f"example {before.strftime('%A')} {before}", at(("date",))))
    # a guest-list deadline on a weekend or holiday: the list goes out the working day before
    # (the note, the calendar and the summary say so; not a finding: nothing to fix)
    send_by = guest_list_send_by(due, rules)

    # --- time: lunch window and duration [S25]
    w0, w1 = _clock(r.window[0]), _clock(r.window[1])
    window = f"{r.window[0]}-{r.window[1]}"
    if model.start < w0:
        out.append(error("time-window", f"the event starts at {_hm(model.start)}, before the lunch-time window "
                         f"{window} for side events; start at {r.window[0]} or later", at(("start",))))
    end_clock = model.end_at
    if end_clock.date() != model.date or end_clock.time() > w1:
        out.append(error("time-window", f"the event ends at {_hm(end_clock)} ({_hm(model.start)} + "
                         f"{model.duration_minutes} minutes), after the lunch-time window {window}; start by "
                         f"{_hm(dt.datetime.combine(model.date, w1) - dt.timedelta(minutes=model.duration_minutes))} "
                         "or shorten the event", at(("start",))))
    if model.duration_minutes not in r.durations_minutes:
        allowed = " or ".join(str(d) for d in r.durations_minutes)
        out.append(error("duration", f"duration_minutes is {model.duration_minutes}; side-event rooms are booked for "
                         f"{allowed} minutes", at(("duration_minutes",))))

    # --- agenda: must fit; the rest is discussion
    agenda_minutes = model.agenda_minutes
    if agenda_minutes > model.duration_minutes:
        over = agenda_minutes - model.duration_minutes
        out.append(error("agenda-time", f"the agenda adds up to {agenda_minutes} minutes, {over} more than the "
                         f"{model.duration_minutes}-minute slot; shorten the items or book a longer slot",
                         at(("agenda",))))
    known = {n.casefold() for n in [s.name for s in model.speakers] + _names(model.organisers)
             + _names(model.partners) + list(model.co_sponsoring_states)}
    for i, a in enumerate(model.agenda):
        if a.speaker and a.minutes > r.speaker_minutes_max:
            out.append(warning("speaker-time", f"agenda item {i + 1} gives {a.speaker} {a.minutes} minutes; keep each "
                               f"speaker to {r.speaker_minutes_max} minutes or less to leave time for questions",
                               at(("agenda", i, "minutes"))))
        if a.speaker and a.speaker.casefold() not in known:
            out.append(warning("agenda-speaker", f"agenda item {i + 1}: '{a.speaker}' is not the moderator, a "
                               "panellist or an organiser; check the spelling or add them to panellists",
                               at(("agenda", i, "speaker"))))

    # --- who books the room [S7, S24]
    if not any(o.status in r.statuses_booking for o in model.organisers):
        with_status = [p.name for p in model.partners if not isinstance(p, str) and p.status in r.statuses_booking]
        hint = (f"; {', '.join(with_status)} has it: list it under organisers" if with_status
                else "; ask a partner NGO with status to co-organise and book for you")
        out.append(error("consultative-status", "no organiser has ECOSOC consultative status, and only an NGO with "
                         "status (general, special or roster) can book a side-event room at the Palais des "
                         f"Nations{hint}", at(("organisers",))))

    # --- languages [S24] and panel [S7]
    if len(set(model.languages)) > 1 and not model.interpretation:
        out.append(warning("interpretation", f"the event is in {', '.join(model.languages)} but the Secretariat "
                           "provides no interpretation; bring interpreters, tell the Secretariat in advance and "
                           "set interpretation: true, or hold it in one language", at(("languages",))))
    lo, hi = r.panellists_recommended
    n = len(model.panellists)
    if not lo <= n <= hi:
        out.append(warning("panellists", f"{n} panellist{'s' if n != 1 else ''}; {lo}-{hi} speakers are recommended "
                           "for a side event, with time for questions", at(("panellists",))))

    hints = []
    if not model.co_sponsoring_states:
        hints.append("no co-sponsoring State: co-sponsorship by a Permanent Mission makes room booking easier")
    stats = {
        "date": model.date.isoformat(),
        "start": _hm(model.start),
        "end": _hm(model.end_at),
        "timezone": r.timezone,
        "duration_minutes": model.duration_minutes,
        "agenda_minutes": agenda_minutes,
        "discussion_minutes": max(0, model.duration_minutes - agenda_minutes),
        "guest_list_due": due.isoformat(),
        "guest_list_send_by": send_by.isoformat(),
        "guest_list_hours_before": r.guest_list_hours_before,
        "panellists": n,
        "remote_speakers": [s.name for s in model.speakers if s.remote],
        "co_sponsoring_states": len(model.co_sponsoring_states),
        "agenda": [{k: row[k] for k in ("start", "end", "minutes", "item", "speaker")} | (
            {"item": "discussion"} if row["discussion"] else {}) for row in agenda_schedule(model)],
        "hints": hints,
    }
    return out, stats


def calendar_bytes(model, rules=None) -> bytes:
    """The .ics: the event in Geneva time, and the guest-list deadline as a second entry
    with a reminder alarm. Deterministic: UIDs come from the session, title and lead
    organiser; DTSTAMP is the guest-list deadline (both derived from the content)."""
    from ..ics import Entry, build_calendar, stable_uid
    from ..rules import resolve

    rules = resolve(rules)
    r = rules.side_event
    labels = r.labels[model.language]
    start, end, due = event_times(model, rules)
    send_by = guest_list_send_by(due, rules)  # the working day before a weekend or holiday deadline
    lead = model.organisers[0].name
    venue = model.venue or labels["to_be_confirmed"]
    speakers = "\n".join(speaker_lines(model, labels))
    description = "\n\n".join(p for p in ["\n\n".join(paragraphs(model.description)), speakers,
                                           f"{labels['contact']}: {model.contact.name} <{model.contact.email}>"] if p)
    entries = [
        Entry(uid=stable_uid(KIND, model.session, model.title, lead), summary=model.title, start=start, end=end,
              location=venue, description=description, url=model.webcast if isinstance(model.webcast, str) else None,
              categories=[model.session]),
        Entry(uid=stable_uid(KIND, "guest-list", model.session, model.title, lead),
              summary=labels["guest_list_summary"].format(title=model.title), start=send_by,
              end=send_by + dt.timedelta(minutes=30),
              description=labels["guest_list_description"].format(hours=r.guest_list_hours_before),
              alarm_before=dt.timedelta(hours=r.guest_list_alarm_hours_before)),
    ]
    return build_calendar(entries, stamp=due, name=f"{model.session}: {model.title}")


def analyse(model, src, ctx, request: Request | None = None) -> Analysis:
    findings, stats = side_event_findings(model, src, ctx.rules)
    return Analysis(model, src, findings, stats)


def write_docx(analysis: Analysis, ctx) -> bytes:
    from ..render.side_event import render_concept_note

    return render_concept_note(analysis.model, ctx, analysis.stats)


def write_ics(analysis: Analysis, ctx) -> bytes:
    return calendar_bytes(analysis.model, ctx.rules)


def summary_lines(report: Report) -> list[str]:
    """What the CLI prints after a successful run: files, times, deadline, hints."""
    s = report.stats
    lines = [f"wrote {report.output}"] + ([f"wrote {s['ics']}"] if s.get("ics") else [])
    if "start" in s:
        lines.append(f"{s['date']} {s['start']}-{s['end']} ({s['timezone']}); "
                     f"{s['agenda_minutes']} min of agenda, {s['discussion_minutes']} min left for discussion")
        lines.append(f"guest list without accreditation due by {s['guest_list_due'][:16].replace('T', ' ')} "
                     f"({s['guest_list_hours_before']} hours before)")
        if s.get("guest_list_send_by", s["guest_list_due"]) != s["guest_list_due"]:
            lines.append(f"not a working day: send the guest list by {s['guest_list_send_by'][:16].replace('T', ' ')}")
    lines += [f"note: {h}" for h in s.get("hints", [])]
    return lines
