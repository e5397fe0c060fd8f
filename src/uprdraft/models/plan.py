"""``action-plan``: a civil-society plan to follow up UPR recommendations (seed step 2).

Each item follows one recommendation, given inline (the same fields as in a mid-term
report) or by its id (e.g. "115.23") in ``recommendations_file``, a YAML, CSV or XLSX file
such as one written by ``uprdraft import recommendations``. For each: the results expected,
the types of action, who must act (actors, lead), indicators, dated milestones, budget and
status. The rules (``uprdraft.plan.plan_findings``) check action types, milestones against
the next review, missing actors and milestones, and unknown ids.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, ValidationError, field_validator, model_validator

from .common import Document, Organisation, Strict
from .recommendation import ImplementationStatus, Recommendation


def _inline_or_id(v) -> str:
    return "inline" if isinstance(v, (dict, Recommendation)) else "id"


def _id_text(v):
    # YAML reads 115.20 as the float 115.2: the id would lose its final zero
    if isinstance(v, float):
        raise ValueError(f'write the recommendation id in quotes ("{v}"), so that 115.20 keeps its final zero')
    return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


RecommendationId = Annotated[str, Field(min_length=1,
                                        description='Id of a recommendation in recommendations_file, e.g. "115.23".')]


def _as_list(v):
    """A single text where a list is expected is a one-element list (``actors: Ministry``)."""
    if v is None:
        return []
    if isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return [str(v)]
    return v


class PlanMilestone(Strict):
    date: dt.date = Field(description="YYYY-MM-DD; must fall before the next review.")
    what: str = Field(min_length=1, description="What is done or achieved by then.")


class PlanItem(Strict):
    recommendation: Annotated[
        Annotated[Recommendation, Tag("inline")] | Annotated[RecommendationId, Tag("id")],
        Discriminator(_inline_or_id),
    ] = Field(description="The recommendation itself (id, text, recommending_states, response, ...) "
                          "or its id in recommendations_file.")
    expected_results: list[str] = Field(default_factory=list)
    action_types: list[str] = Field(
        default_factory=list,
        description="political, legislative, policy, budgetary, institutional, awareness, monitoring.")
    actors: list[str] = Field(default_factory=list, description="Who must act (ministries, parliament, NHRI, ...).")
    lead: str | None = Field(default=None, description="The actor leading this item.")
    indicators: list[str] = Field(default_factory=list)
    milestones: list[PlanMilestone] = Field(default_factory=list)
    budget: str | None = None
    status: ImplementationStatus | None = Field(
        default=None, description="Implementation status; default: the recommendation's own status.")

    @field_validator("expected_results", "action_types", "actors", "indicators", mode="before")
    @classmethod
    def _lists(cls, v):
        return _as_list(v)

    @field_validator("action_types")
    @classmethod
    def _types_any_case(cls, v: list[str]) -> list[str]:
        return [t.strip().lower() for t in v]

    @field_validator("budget", mode="before")
    @classmethod
    def _budget_text(cls, v):
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v

    @field_validator("recommendation", mode="before")
    @classmethod
    def _rec_id(cls, v):
        return _id_text(v)

    @model_validator(mode="wrap")
    @classmethod
    def _plain_locations(cls, data, handler):
        # The union's tag ("inline") would show in error paths as
        # items.0.recommendation.inline.text; users wrote items.0.recommendation.text.
        try:
            return handler(data)
        except ValidationError as e:
            from pydantic_core import InitErrorDetails, PydanticCustomError

            details = []
            for err in e.errors(include_url=False):
                loc = tuple(p for p in err["loc"] if p != "inline")
                detail = InitErrorDetails(type=err["type"], loc=loc, input=err.get("input"))
                if err["type"] == "value_error":  # our own messages: keep them as written
                    detail["type"] = PydanticCustomError("value_error", err["msg"].replace("{", "{{").replace("}", "}}"))
                elif "ctx" in err:
                    detail["ctx"] = err["ctx"]
                details.append(detail)
            raise ValidationError.from_exception_data(e.title, details) from None

    @property
    def recommendation_id(self) -> str:
        r = self.recommendation
        return r.id if isinstance(r, Recommendation) else r


class ActionPlan(Document):
    kind: Literal["action-plan"]
    language: Literal["en", "fr", "es"] = Field(description="Language of the matrix: en, fr or es.")
    title: str = Field(min_length=1)
    organisation: Organisation
    state_under_review: str = Field(min_length=1)
    cycle: int | None = Field(default=None, ge=1, le=20, description="UPR cycle of the review, e.g. 4.")
    review_date: dt.date = Field(description="Day of the review in the UPR Working Group (YYYY-MM-DD).")
    recommendations_file: str | None = Field(
        default=None, description="YAML, CSV or XLSX file of recommendations (path relative to this file).")
    items: list[PlanItem] = Field(min_length=1)
