"""The next review and the advocacy around it (issue 16): five input kinds.

- ``upr-submission``: the stakeholder submission to the next UPR [S50, S51];
- ``pre-session-statement``: the statement read at a UPR Info pre-session [S53];
- ``recommending-state-briefs``: one brief per recommending State, for bilateral follow-up (seed);
- ``child-friendly-recommendations``: the recommendations in words for children [S46, S47];
- ``factsheet``: the main figures of a mid-term report on one page.

Recommendations come from ``recommendations_file`` (CSV, XLSX or YAML, relative to the input)
or are given inline, as in mid-term reports. Prose fields are plain text; a blank line starts
a new paragraph. In a submission, ``[^text]`` inside a paragraph is a footnote.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from .common import Contact, Document, Status, Strict
from .recommendation import Recommendation

Language = Literal["en", "fr", "es"]


def _named(v: Any) -> Any:
    """A bare name stands for ``{name: ...}`` (an organisation, a speaker)."""
    return {"name": v} if isinstance(v, str) else v


def _names(v: Any) -> Any:
    return [_named(x) for x in v] if isinstance(v, list) else v


def _words_list(v: Any) -> Any:
    """Key words as a list, or as one text separated by commas or semicolons."""
    if isinstance(v, str):
        return [w.strip() for w in v.replace(";", ",").split(",") if w.strip()]
    return v


def _need_recommendations(model: Any) -> None:
    if not model.recommendations and not model.recommendations_file:
        raise ValueError("give the recommendations, as a list or as recommendations_file")
    if model.recommendations and model.recommendations_file:
        raise ValueError("give the recommendations either as a list or as recommendations_file, not both")


class Submitter(Strict):
    name: str = Field(min_length=1, description="The organisation's name, as it wishes to be named.")
    description: str | None = Field(
        default=None, description="Main activities and date of establishment (welcome, especially the first "
                                  "time an organisation writes to the UN) [S50].")


class ThemeSection(Strict):
    name: str = Field(min_length=1, description="The theme, as written in the recommendations' themes.")
    assessment: str = Field(min_length=1, description="The organisation's assessment of implementation and "
                                                      "impact since the previous review [S51]; [^text] is a footnote.")
    recommendations: list[str] = Field(default_factory=list, description="New recommendations for the next review.")


class UprSubmission(Document):
    """A stakeholder submission to the Universal Periodic Review [S50, S51]."""

    kind: Literal["upr-submission"]
    language: Language = "en"
    title: str | None = Field(default=None, description="Title (default: 'Submission to the UPR of <State>').")
    state_under_review: str = Field(min_length=1, description="One State under review per submission [S50].")
    cycle: int = Field(ge=1, le=20, description="The UPR cycle of the coming review, e.g. 5.")
    session: int | None = Field(default=None, ge=1, description="UPR Working Group session number, when known.")
    session_date: dt.date = Field(description="A day of the Working Group session: its month and year go in "
                                              "the e-mail subject [S50].")
    deadline: dt.date | dt.datetime | None = Field(
        default=None, description="The published deadline day; due by 12:00 noon Geneva time that day [S50]. A "
                                  "date and time (2027-03-29T17:00) sets another hour (Geneva time unless it has "
                                  "an offset).")
    submission_type: Literal["individual", "joint"] = Field(description="individual, or joint (a coalition).")
    organisation: Submitter = Field(description="The (main) submitting organisation.")
    joint_with: list[Submitter] = Field(default_factory=list, description="The other organisations of a joint "
                                                                          "submission, all listed at the top [S50].")
    contact: Contact
    executive_summary: str = Field(min_length=1, description="Introduction summarising the main points [S50].")
    key_words: list[str] = Field(min_length=1, description='Key words, e.g. "domestic violence" [S50].')
    introduction: str | None = Field(default=None, description="Introduction and methodology (period covered, "
                                                               "sources).")
    wg_report_symbol: str | None = Field(default=None, description="Symbol of the previous Working Group report, "
                                                                   "e.g. A/HRC/58/15.")
    previous_review_date: dt.date | None = None
    recommendations: list[Recommendation] = Field(default_factory=list)
    recommendations_file: str | None = Field(
        default=None, description="CSV, XLSX or YAML file of the previous cycle's recommendations, relative to "
                                  "this file.")
    themes: list[ThemeSection] = Field(default_factory=list, description="One section per theme: assessment and "
                                                                        "new recommendations (default: one section "
                                                                        "per theme of the recommendations, with "
                                                                        "their own assessments).")
    annex: Any = Field(default=None, description="Not allowed: refrain from annexing reports of other "
                                                 "organisations [S50]; cite them in footnotes.")
    annexes: Any = Field(default=None, description="Not allowed (see annex).")

    _organisation = field_validator("organisation", mode="before")(classmethod(lambda cls, v: _named(v)))

    @field_validator("state_under_review", mode="before")
    @classmethod
    def _one_state(cls, v: Any) -> Any:
        if isinstance(v, list):
            if len(v) == 1:
                return v[0]
            raise ValueError("one State under review per submission [S50]: write one submission for each State")
        return v
    _joint = field_validator("joint_with", mode="before")(classmethod(lambda cls, v: _names(v)))
    _key_words = field_validator("key_words", mode="before")(classmethod(lambda cls, v: _words_list(v)))

    @model_validator(mode="after")
    def _recommendations(self):
        if self.recommendations and self.recommendations_file:
            raise ValueError("give the recommendations either as a list or as recommendations_file, not both")
        return self


class Speaker(Strict):
    name: str = Field(min_length=1)
    gender: str | None = Field(default=None, description="Asked on the pre-session application [S53].")


class PreSessionOrganisation(Strict):
    name: str = Field(min_length=1)
    status: Status = Field(default="none", description="ECOSOC consultative status (asked on the application) "
                                                       "[S53]; not required to speak.")
    description: str = Field(min_length=1, description="What the organisation does: at most 200 words [S53].")


class PreSessionStatement(Document):
    """The statement a civil-society speaker reads at a pre-session on the State [S53]."""

    kind: Literal["pre-session-statement"]
    language: Literal["en", "fr", "es", "ar", "zh", "ru"] = Field(
        default="en", description="Pre-sessions are held in English [S53]; another UN language is a warning (the "
                                  "script's headings are then in English unless it is French or Spanish).")
    title: str = Field(min_length=1)
    state_under_review: str = Field(min_length=1)
    pre_session_date: dt.date = Field(description="Day of the pre-session (about a month before the review).")
    organisation: PreSessionOrganisation
    joint_with: list[str] = Field(default_factory=list)
    speaker: Speaker
    contact: Contact | None = None
    words_per_minute: int | None = Field(default=None, description="Reading pace (default: the oral rules').")
    time_limit_seconds: int | None = Field(default=None, ge=30, description="The organisers' limit when they gave "
                                                                            "one (default: 7 minutes).")
    body: str = Field(min_length=1, description="What the speaker says; a blank line starts a new paragraph.")

    _speaker = field_validator("speaker", mode="before")(classmethod(lambda cls, v: _named(v)))


class Ask(Strict):
    text: str = Field(min_length=1)
    state: str | None = Field(default=None, description="For the brief of this recommending State only.")
    theme: str | None = Field(default=None, description="For every State that made a recommendation on this theme.")

    @model_validator(mode="after")
    def _one_target(self):
        if self.state and self.theme:
            raise ValueError("an ask is for one State or for one theme, not both")
        return self


class RecommendingStateBriefs(Document):
    """One short brief per recommending State, for bilateral follow-up (seed)."""

    kind: Literal["recommending-state-briefs"]
    language: Language = "en"
    state_under_review: str = Field(min_length=1)
    cycle: int = Field(ge=1, le=20)
    review_date: dt.date
    wg_report_symbol: str = Field(min_length=1)
    organisation: str = Field(min_length=1, description="Who sends the briefs.")
    contact: Contact | None = None
    recommendations: list[Recommendation] = Field(default_factory=list)
    recommendations_file: str | None = None
    asks: list[Ask] = Field(default_factory=list, description="The organisation's asks, per State or per theme "
                                                              "(without either: for every State).")

    @field_validator("asks", mode="before")
    @classmethod
    def _asks(cls, v: Any) -> Any:
        """Also ``asks: {states: {Germany: [...]}, themes: {education: [...]}, all: [...]}`` and plain texts."""
        def texts(x: Any) -> list[Any]:
            return x if isinstance(x, list) else [x]

        if isinstance(v, dict):
            out: list[Any] = []
            for key, value in v.items():
                k = str(key).strip().lower().replace("-", "_")
                if k in ("states", "state", "by_state", "per_state") and isinstance(value, dict):
                    out += [{"state": st, "text": t} for st, items in value.items() for t in texts(items)]
                elif k in ("themes", "theme", "by_theme", "per_theme") and isinstance(value, dict):
                    out += [{"theme": th, "text": t} for th, items in value.items() for t in texts(items)]
                elif k in ("all", "every_state", "all_states", "general"):
                    out += [{"text": t} for t in texts(value)]
                else:
                    raise ValueError(f"asks: '{key}' is not states, themes or all; give asks as a list of "
                                     "{text, state} or {text, theme}, or as {states: {...}, themes: {...}, all: [...]}")
            return out
        if isinstance(v, list):
            return [{"text": x} if isinstance(x, str) else x for x in v]
        return v

    @model_validator(mode="after")
    def _recommendations(self):
        _need_recommendations(self)
        return self


class ChildFriendlyText(Strict):
    id: str = Field(min_length=1, description="The recommendation's paragraph, e.g. \"115.23\".")
    text: str = Field(min_length=1, description="The recommendation in simple words.")

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, v):
        if isinstance(v, float):
            raise ValueError(f'write the id in quotes ("{v}"), so that 115.20 keeps its final zero')
        return str(v) if isinstance(v, int) else v


class ChildFriendlyRecommendations(Document):
    """The recommendations a State received, in words for an age band, beside the official text [S46]."""

    kind: Literal["child-friendly-recommendations"]
    language: Language = "en"
    title: str | None = None
    state_under_review: str = Field(min_length=1)
    wg_report_symbol: str = Field(min_length=1)
    by: str = Field(min_length=1, description="Who made this version (organisation, coalition, children's group).")
    age_band: str = Field(description='Target age band, one of the bands in the rules, e.g. "10-13" [S46].')
    children_participation: str = Field(min_length=1, description="How children took part [S45, S47].")
    recommendations: list[Recommendation] = Field(default_factory=list)
    recommendations_file: str | None = None
    child_friendly: list[ChildFriendlyText] = Field(min_length=1)

    @field_validator("child_friendly", mode="before")
    @classmethod
    def _texts(cls, v: Any) -> Any:
        """Also a mapping ``{"115.23": "text", ...}``."""
        if isinstance(v, dict):
            return [{"id": k, "text": t} for k, t in v.items()]
        return v

    @field_validator("age_band", mode="before")
    @classmethod
    def _band_text(cls, v):
        return v.replace("\u2013", "-").replace(" ", "") if isinstance(v, str) else v

    @model_validator(mode="after")
    def _recommendations(self):
        _need_recommendations(self)
        return self


class FactSheet(Document):
    """One page: the main figures of a mid-term report, with a chart."""

    kind: Literal["factsheet"]
    language: Language = "en"
    title: str = Field(min_length=1)
    state_under_review: str = Field(min_length=1)
    review_date: dt.date
    wg_report_symbol: str = Field(min_length=1)
    by: str = Field(min_length=1, description="The organisation or coalition.")
    key_messages: list[str] = Field(default_factory=list, max_length=5)
    contact: Contact | None = None
    recommendations: list[Recommendation] = Field(default_factory=list)
    recommendations_file: str | None = None

    @model_validator(mode="after")
    def _recommendations(self):
        _need_recommendations(self)
        return self
