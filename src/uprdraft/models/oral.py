"""``oral-statement``: what an NGO speaker reads in the Human Rights Council.

Field names are the public input contract (design.md section 3). Rules that depend on the
rules in force (time limits, pace range, ECOSOC status, ``state_under_review`` for UPR
adoptions) are checked by :func:`uprdraft.oral.oral_findings`, not here, so that a
``--rules`` file can change them and every finding points at its line in the source.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .common import Document, HRCSession, Organisation, Strict

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]
Segment = Literal["general-debate", "interactive-dialogue", "panel", "upr-adoption"]


class Speaker(Strict):
    name: str = Field(min_length=1, description="The person who takes the floor (registered with the text).")
    function: str | None = Field(default=None, description="e.g. 'Youth advocate'.")


class OralStatement(Document):
    kind: Literal["oral-statement"]
    language: Language = Field(description="Language the statement is delivered in (one of the six UN languages).")
    session: HRCSession = Field(description="HRC session number, e.g. 61 (HRC61 is read too).")
    agenda_item: int = Field(ge=1, le=10, description="Agenda item 1-10 (UPR outcomes: item 6).")
    segment: Segment = Field(description="Decides the default time limit.")
    state_under_review: str | None = Field(default=None, min_length=1,
                                           description="Required for upr-adoption: the State whose outcome is adopted.")
    organisation: Organisation = Field(description="The NGO in ECOSOC consultative status that holds the speaking slot.")
    joint_with: list[Organisation | str] = Field(
        default_factory=list,
        description="Partners of a joint statement (name, or {name, status}); named in the opening line.")
    speaker: Speaker
    delivery: Literal["in-person", "video"] = "in-person"
    president_title: str | None = Field(default=None, min_length=1,
                                        description="How to address the chair, e.g. 'Madam President'; else a neutral form.")
    time_limit_seconds: int | None = Field(default=None, gt=0, le=3600,
                                           description="Overrides the segment's limit (the Council sets modalities per session).")
    words_per_minute: int | None = Field(default=None, gt=0,
                                         description="Reading pace for the time estimate (default 150; range-checked).")
    body: str = Field(min_length=1, description="The statement, paragraphs separated by blank lines.")

    @field_validator("joint_with")
    @classmethod
    def _no_empty_partner(cls, v):
        for p in v:
            if isinstance(p, str) and not p.strip():
                raise ValueError("a partner name is empty")
        return [p.strip() if isinstance(p, str) else p for p in v]

    @property
    def partner_names(self) -> list[str]:
        return [p if isinstance(p, str) else p.name for p in self.joint_with]
