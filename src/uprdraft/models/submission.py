"""``submission``: the submission form of a written statement drafted directly in Word.

The same form fields as a ``written-statement`` (design.md section 3) but no ``body`` and no
``footnotes``: the text is the .docx given to ``uprdraft email``, and the word count
comes from that file.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from .common import Contact, Document, Organisation


class Submission(Document):
    kind: Literal["submission"]
    language: Literal["en", "fr", "es"] = Field(description="Language of the statement in the .docx [S1].")
    session: int = Field(ge=1, le=999, description="HRC session number, e.g. 61.")
    session_start: dt.date | None = Field(default=None, description="Opening day of the session.")
    deadline: dt.date | None = Field(default=None, description="Deadline published for this session; overrides the 21-day rule.")
    agenda_item: int = Field(ge=1, le=10, description="Agenda item 1-10.")
    segment: Literal["general-debate", "interactive-dialogue", "panel"] | None = None
    title: str = Field(min_length=1, description="Exact title, as at the start of the statement.")
    organisation: Organisation = Field(description="The lead (main) NGO.")
    co_sponsors: list[Organisation] = Field(default_factory=list)
    supporters: list[str] = Field(default_factory=list, description="NGOs without ECOSOC status that support the statement.")
    contact: Contact

    @field_validator("supporters")
    @classmethod
    def _no_empty(cls, v: list[str]) -> list[str]:
        v = [s.strip() for s in v]
        if any(not s for s in v):
            raise ValueError("a supporter name is empty")
        return v
