"""``side-event``: a side event in Geneva during an HRC or UPR Working Group session.

The model holds what the organisers decide; the rules (time window, durations, booking
status, guest list, interpretation, panel size) are applied by :mod:`uprdraft.side_event`
with the values of ``rules.side_event``, so they stay configurable.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, field_validator

from .common import Contact, Document, Organisation, Strict

_HRC_SESSION = re.compile(r"\s*(?:HRC)?\s*[-.]?\s*(\d{1,4})\s*", re.IGNORECASE)
_CLOCK = re.compile(r"^([01]?\d|2[0-3])\s*[:hH.]\s*([0-5]\d)$")


def parse_clock(value) -> dt.time:
    """'13:00', '13h00' (French) or '13.00' -> time; anything else is refused."""
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        m = _CLOCK.match(value.strip())
        if m:
            return dt.time(int(m.group(1)), int(m.group(2)))
    raise ValueError(f"'{value}' is not a time of day; write it as HH:MM in quotes, e.g. \"13:00\"")


class Speaker(Strict):
    name: str = Field(min_length=1)
    function: str | None = Field(default=None, description="Title and organisation, as printed in the note.")
    remote: bool = Field(default=False, description="Speaks online; marked in the note [S7].")


class AgendaItem(Strict):
    minutes: int = Field(ge=1, le=600)
    item: str = Field(min_length=1)
    speaker: str | None = None


class SideEvent(Document):
    kind: Literal["side-event"]
    language: Literal["en", "fr", "es"] = Field(default="en", description="Language of the note's labels and dates.")
    title: str = Field(min_length=1)
    session: str = Field(min_length=1, description='e.g. "HRC61" (61 and "HRC 61" are read too) or "UPR WG50".')
    session_start: dt.date | None = Field(default=None, description="First day of the session (optional).")
    session_end: dt.date | None = Field(default=None, description="Last day of the session (optional).")
    date: dt.date
    start: dt.time = Field(description='Start time in Geneva, "13:00".')
    duration_minutes: int = Field(ge=1, le=600)
    venue: str | None = Field(default=None, description="Room and building; 'to be confirmed' when absent.")
    organisers: list[Organisation] = Field(min_length=1, description="NGOs organising the event, {name, status}.")
    co_sponsoring_states: list[str] = Field(default_factory=list, description="Permanent Missions co-sponsoring the event.")
    partners: list[str | Organisation] = Field(default_factory=list)
    moderator: Speaker | None = None
    panellists: list[Speaker] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=lambda: ["en"], min_length=1, description="ISO 639-1 codes.")
    interpretation: bool = Field(default=False, description="The organisers bring interpreters [S24].")
    accessibility: list[str] = Field(default_factory=list, description="e.g. captions, step-free room.")
    webcast: bool | str = Field(default=False, description="true, or the webcast link.")

    @field_validator("webcast")
    @classmethod
    def _webcast_link(cls, v: bool | str) -> bool | str:
        # a link is one line without spaces: a line break would end up inside the calendar file
        if isinstance(v, str) and (not v.strip() or any(c.isspace() or ord(c) < 32 for c in v.strip())):
            raise ValueError("write the webcast link on one line without spaces, e.g. https://webtv.un.org/..., "
                             "or true when the event is webcast")
        return v.strip() if isinstance(v, str) else v
    description: str = Field(min_length=1)
    objectives: list[str] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    contact: Contact
    expected_participants: int | None = Field(default=None, ge=1)

    @field_validator("start", mode="before")
    @classmethod
    def _clock(cls, v):
        if isinstance(v, int):  # YAML 1.1 reads 13:00 unquoted as 780 (base 60)
            raise ValueError(f"{v} is not a time of day; write it in quotes, e.g. \"13:00\"")
        return parse_clock(v)

    @field_validator("session", mode="before")
    @classmethod
    def _session_text(cls, v):
        # 64, "64", "HRC64", "HRC 64" are one session, stored as "HRC64"; "UPR WG50" stays
        if isinstance(v, int) and not isinstance(v, bool):
            return f"HRC{v}"
        if isinstance(v, str) and _HRC_SESSION.fullmatch(v):
            return f"HRC{int(_HRC_SESSION.fullmatch(v).group(1))}"
        return v

    @field_validator("languages")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        out = [c.strip().lower() for c in v]
        bad = [c for c in out if not re.fullmatch(r"[a-z]{2}", c)]
        if bad:
            raise ValueError(f"{', '.join(bad)}: give two-letter ISO 639-1 codes such as en, fr, es")
        return out

    @field_validator("accessibility", "objectives", "co_sponsoring_states", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        return [v] if isinstance(v, str) else v

    # ------------------------------------------------------------------ derived values
    @property
    def start_at(self) -> dt.datetime:
        """Start as a naive Geneva wall-clock datetime."""
        return dt.datetime.combine(self.date, self.start)

    @property
    def end_at(self) -> dt.datetime:
        return self.start_at + dt.timedelta(minutes=self.duration_minutes)

    @property
    def agenda_minutes(self) -> int:
        return sum(a.minutes for a in self.agenda)

    @property
    def speakers(self) -> list[Speaker]:
        return ([self.moderator] if self.moderator else []) + list(self.panellists)
