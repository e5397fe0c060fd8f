"""``written-statement``: an NGO written statement to the Human Rights Council."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from .common import Contact, Document, HRCSession, Organisation


class StatementForm(Document):
    """The secretariat's submission form [S1, S2]: shared by a statement written here
    (``written-statement``) and one drafted in Word (``submission``)."""

    language: Literal["en", "fr", "es"] = Field(description="The statement is issued unedited in this language [S1].")
    session: HRCSession = Field(description="HRC session number, e.g. 61 (HRC61 is read too).")
    session_start: dt.date | None = Field(default=None, description="Opening day of the session.")
    deadline: dt.date | None = Field(default=None, description="Deadline published for this session; overrides the 21-day rule.")
    agenda_item: int = Field(ge=1, le=10, description="Agenda item 1-10.")
    segment: Literal["general-debate", "interactive-dialogue", "panel"] | None = None
    title: str = Field(min_length=1, description="Exact title, as on the submission form.")
    organisation: Organisation = Field(description="The lead (main) NGO.")
    co_sponsors: list[Organisation] = Field(default_factory=list)
    supporters: list[str] = Field(default_factory=list,
                                  description="NGOs without ECOSOC status; named in a footnote to the title.")
    contact: Contact

    @field_validator("deadline")
    @classmethod
    def _deadline_before_session(cls, v: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("session_start")
        if v is not None and start is not None and v > start:
            raise ValueError(f"{v.isoformat()} is after session_start ({start.isoformat()}); the deadline comes "
                             "before the session opens: check both dates")
        return v

    @field_validator("supporters")
    @classmethod
    def _no_empty(cls, v: list[str]) -> list[str]:
        v = [s.strip() for s in v]
        if any(not s for s in v):
            raise ValueError("a supporter name is empty")
        return v


class WrittenStatement(StatementForm):
    kind: Literal["written-statement"]
    body: str = Field(min_length=1, description="Markdown subset: paragraphs, # headings, lists, [^id] footnotes.")
    footnotes: dict[str, str] = Field(default_factory=dict, description="Footnote texts by id, referenced as [^id] in the body.")

    @field_validator("footnotes", mode="before")
    @classmethod
    def _ids_as_text(cls, v):
        # YAML turns `1: text` into an int key; footnote ids are labels
        if isinstance(v, dict):
            return {str(k): ("" if t is None else t) for k, t in v.items()}
        return v
