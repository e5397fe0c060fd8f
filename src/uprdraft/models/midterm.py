"""``midterm-report``: a civil-society mid-term report on UPR recommendations.

Mid-term reports are voluntary [S27]: no word limit or template is prescribed. The report
gives the implementation status of each recommendation (UPR Info categories [S28, S30]),
supported and noted alike, grouped by theme [S31, S32], and may come with a child-friendly
version that says whether it is a summary or a literal version and for which age band [S46].

Prose fields (summary, methodology, ...) are plain text; a blank line starts a new paragraph.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .common import Contact, Document, Organisation, Strict
from .recommendation import Recommendation


class Coalition(Strict):
    name: str = Field(min_length=1, description="Name of the coalition submitting the report.")
    members: list[str] = Field(default_factory=list, description="Member organisations, as they wish to be named.")


class ChildFriendly(Strict):
    version: Literal["summary", "literal"] = Field(
        description="summary: the main points only; literal: the whole report in child-friendly words [S46].")
    age_band: str = Field(description='Target age band, one of the bands in the rules, e.g. "10-13" [S46].')
    title: str | None = Field(default=None, description="Title of the child-friendly version (default: from the rules).")
    text: str = Field(min_length=1, description="The child-friendly text; a blank line starts a new paragraph.")

    @field_validator("age_band", mode="before")
    @classmethod
    def _band_text(cls, v):
        # "10–13" typed with an en dash is the same band
        return v.replace("\u2013", "-").replace(" ", "") if isinstance(v, str) else v


class MidtermReport(Document):
    kind: Literal["midterm-report"]
    language: Literal["en", "fr", "es"]
    title: str = Field(min_length=1)
    state_under_review: str = Field(min_length=1)
    cycle: int = Field(ge=1, le=20, description="UPR cycle of the review, e.g. 4.")
    review_date: dt.date = Field(description="Day of the Working Group review.")
    wg_report_symbol: str = Field(min_length=1, description="Symbol of the Working Group report, e.g. A/HRC/58/15.")
    organisation: Organisation | None = Field(default=None, description="The organisation submitting the report.")
    coalition: Coalition | None = Field(default=None, description="Or the coalition submitting it.")
    summary: str = Field(min_length=1)
    methodology: str = Field(min_length=1)
    children_participation: str | None = Field(default=None, description="How children took part [S45, S47].")
    recommendations: list[Recommendation] = Field(default_factory=list)
    recommendations_file: str | None = Field(
        default=None, description="CSV, XLSX or YAML file of recommendations, relative to this file.")
    voluntary_commitments: str | list[str] | None = None
    conclusions: str = Field(min_length=1)
    child_friendly: ChildFriendly | None = None
    contact: Contact | None = Field(default=None, description="Whom readers can ask (shown in the child-friendly version).")
    date: dt.date | None = Field(default=None, description="Date of the report (default: the day it is written).")

    @model_validator(mode="after")
    def _who_and_what(self):
        if self.organisation is None and self.coalition is None:
            raise ValueError("give the organisation or the coalition that submits the report")
        # no recommendations at all is reported by the kind's rules: they may come from the tracker (--db)
        if self.recommendations and self.recommendations_file:
            raise ValueError("give the recommendations either as a list or as recommendations_file, not both")
        return self
