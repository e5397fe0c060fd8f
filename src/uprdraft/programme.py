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
