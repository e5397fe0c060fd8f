"""UPR recommendations, shared by mid-term reports and action plans."""
from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from .common import Strict

Response = Literal["supported", "noted", "supported/noted"]
ImplementationStatus = Literal["fully-implemented", "partially-implemented", "not-implemented", "no-data"]


class Recommendation(Strict):
    id: str = Field(min_length=1, description='WG report paragraph, e.g. "115.23".')
    text: str = Field(min_length=1)
    recommending_states: list[str] = Field(default_factory=list)
    response: Response | None = Field(default=None,
                                      description="supported or noted; 'supported/noted' must be split by the author.")
    themes: list[str] = Field(default_factory=list)
    status: ImplementationStatus = "no-data"
    assessment: str | None = None
    sources: list[str] = Field(default_factory=list)
    session: int | None = Field(default=None, description="UPR Working Group session, when known.")
    state_under_review: str | None = None
    document_symbol: str | None = Field(default=None, description="Symbol of the WG report, e.g. A/HRC/58/15 [S31].")
    action_category: int | None = Field(default=None, ge=1, le=5,
                                        description="UPR Info action category 1-5 (5 = specific action) [S35].")

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, v):
        # YAML reads 115.23 as a float; 115.20 would lose its zero, so ask for quotes
        if isinstance(v, float):
            raise ValueError(f'write the id in quotes ("{v}"), so that 115.20 keeps its final zero')
        return str(v) if isinstance(v, int) else v

    def id_is_paragraph(self, pattern: str) -> bool:
        return re.match(pattern, self.id) is not None
