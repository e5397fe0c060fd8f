"""The programme of a side event: clock times in Geneva, agenda rows, speaker lines.

Pure functions shared by the side-event kind (its rules, its calendar) and its writer.
"""
from __future__ import annotations

import datetime as dt


def hm(t: dt.time | dt.datetime) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def geneva(rules):
    """The time zone of Geneva (``rules.side_event.timezone``; ``rules`` is a Rules)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(rules.side_event.timezone)


def event_times(model, rules) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """(start, end, guest-list deadline) as aware Geneva datetimes.

    The deadline is counted in real hours, so it stays right across a change of clocks.
    """
    r = rules.side_event
    tz = geneva(rules)
    start = model.start_at.replace(tzinfo=tz)
    end = model.end_at.replace(tzinfo=tz)
    due = (start.astimezone(dt.timezone.utc) - dt.timedelta(hours=r.guest_list_hours_before)).astimezone(tz)
    return start, end, due


def non_working_day(day: dt.date, rules) -> str | None:
    """Why ``day`` is not a working day in Geneva ("Saturday", "a UN Geneva holiday (Good
    Friday)"), or None for a working day (``rules.side_event``: working_weekdays, holidays)."""
    r = rules.side_event
    if day in r.holidays:
        return f"a UN Geneva holiday ({r.holidays[day]})"
    if day.weekday() not in r.working_weekdays:
        return day.strftime("%A")  # English names: for messages, which are in English
    return None


def working_day_before(day: dt.date, rules) -> dt.date:
    """The last working day before ``day`` (at most a month back)."""
    for back in range(1, 32):
        d = day - dt.timedelta(days=back)
        if non_working_day(d, rules) is None:
            return d
    return day - dt.timedelta(days=1)


def guest_list_send_by(due: dt.datetime, rules) -> dt.datetime:
    """When to send the guest list: the deadline, or, when it falls on a weekend or a
    holiday, the same time on the working day before (nobody reads the list on a Sunday)."""
    if non_working_day(due.date(), rules) is None:
        return due
    return dt.datetime.combine(working_day_before(due.date(), rules), due.time(), tzinfo=due.tzinfo)


def agenda_schedule(model) -> list[dict]:
    """Agenda rows with clock times from ``start``; the time left becomes a discussion row."""
    rows, at = [], model.start_at
    for i, a in enumerate(model.agenda):
        nxt = at + dt.timedelta(minutes=a.minutes)
        rows.append({"index": i, "start": hm(at), "end": hm(nxt), "minutes": a.minutes,
                     "item": a.item, "speaker": a.speaker or "", "discussion": False})
        at = nxt
    left = model.duration_minutes - model.agenda_minutes
    if model.agenda and left > 0:
        rows.append({"index": None, "start": hm(at), "end": hm(model.end_at), "minutes": left,
                     "item": None, "speaker": "", "discussion": True})
    return rows


def _speaker_line(s, labels) -> str:
    parts = [s.name] + ([s.function] if s.function else [])
    line = ", ".join(parts)
    return f"{line} ({labels['remote']})" if s.remote else line


def speaker_lines(model, labels: dict) -> list[str]:
    """'Moderator: name, function', then one line per panellist; remote speakers marked [S7]."""
    lines = []
    if model.moderator:
        lines.append(f"{labels['moderator']}{labels['colon']}{_speaker_line(model.moderator, labels)}")
    return lines + [_speaker_line(s, labels) for s in model.panellists]
