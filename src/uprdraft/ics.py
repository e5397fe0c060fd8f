"""iCalendar (.ics) files written with the maintained ``icalendar`` library, deterministically.

Shared helper for every command that writes a calendar (``side-event --ics``, ``plan --ics``).
The same entries always give the same bytes: no wall-clock timestamp and no random UID
enters the file. ``DTSTAMP`` is a value the caller passes (derive it from the content, e.g.
the first entry's start) and UIDs come from :func:`stable_uid` over identifying fields, so
a re-run after an edit updates the entry in a calendar client instead of duplicating it.

Usage::

    from uprdraft.ics import Entry, build_calendar, stable_uid, read_calendar
    from zoneinfo import ZoneInfo
    geneva = ZoneInfo("Europe/Zurich")
    entries = [
        Entry(uid=stable_uid("HRC61", "Launch"), summary="Launch",
              start=dt.datetime(2026, 3, 10, 13, 0, tzinfo=geneva),
              end=dt.datetime(2026, 3, 10, 14, 0, tzinfo=geneva),
              location="Palais des Nations", alarm_before=dt.timedelta(hours=24)),
        Entry(uid=stable_uid("plan", "115.23", "2026-06-30"), summary="Milestone",
              start=dt.date(2026, 6, 30)),                      # all-day entry
    ]
    data: bytes = build_calendar(entries, stamp=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    events = read_calendar(data)     # list of icalendar.Event, for tests and checks

Aware datetimes are written with ``TZID`` and the matching ``VTIMEZONE`` (generated from the
tz database), so Outlook, Google Calendar and Apple Calendar place them at the Geneva time.
A ``date`` gives an all-day entry (``end`` defaults to the next day).
Text is cleaned of XML-illegal control characters (:func:`uprdraft.xmltext.clean_text`)
because calendar clients choke on them too.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from .findings import InputError
from .xmltext import clean_text

PRODID = "-//uprdraft//uprdraft//EN"


@dataclass
class Entry:
    """One calendar entry (VEVENT)."""

    uid: str
    summary: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None = None
    description: str = ""
    location: str = ""
    url: str | None = None
    categories: list[str] = field(default_factory=list)
    alarm_before: dt.timedelta | None = None  # a DISPLAY alarm this long before the start
    alarm_text: str | None = None


def stable_uid(*parts, domain: str = "uprdraft") -> str:
    """A UID that depends only on ``parts`` (e.g. session, title, organiser)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{domain}"


def _clean(text: str) -> str:
    # XML-illegal control characters also break calendar clients; strip them like the .docx writer
    return clean_text(text or "")


def build_calendar(entries: list[Entry], *, stamp: dt.datetime, name: str | None = None) -> bytes:
    """The .ics bytes for ``entries``; ``stamp`` (aware or UTC-naive) is every DTSTAMP."""
    from icalendar import Alarm, Calendar, Event

    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    stamp = stamp.astimezone(dt.timezone.utc)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", _clean(name))
    for e in entries:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("summary", _clean(e.summary))
        ev.add("dtstart", e.start)
        end = e.end
        if end is None and not isinstance(e.start, dt.datetime):
            end = e.start + dt.timedelta(days=1)
        if end is not None:
            ev.add("dtend", end)
        if e.description:
            ev.add("description", _clean(e.description))
        if e.location:
            ev.add("location", _clean(e.location))
        if e.url:
            ev.add("url", _clean(e.url))
        if e.categories:
            ev.add("categories", [_clean(c) for c in e.categories])
        if e.alarm_before is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _clean(e.alarm_text or e.summary))
            alarm.add("trigger", -abs(e.alarm_before))
            ev.add_component(alarm)
        cal.add_component(ev)
    cal.add_missing_timezones()  # VTIMEZONE for every TZID used, from the tz database
    return cal.to_ical()


def read_calendar(data: bytes | str) -> list:
    """Parse .ics bytes back into ``icalendar.Event`` objects (raises InputError if invalid)."""
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(data)
    except ValueError as e:
        raise InputError(f"not a valid iCalendar file ({e})", code="unreadable") from None
    return list(cal.walk("VEVENT"))
