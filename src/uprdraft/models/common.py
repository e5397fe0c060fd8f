"""Parts shared by every input kind: organisation, contact, language, dates.

Field names are the public input contract (design.md section 3); JSON Schemas in
``schemas/`` are generated from these models.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Status = Literal["general", "special", "roster", "none"]
ECOSOC_STATUSES = ("general", "special", "roster")


class Strict(BaseModel):
    """Unknown fields are errors: a typo such as ``co_sponsor`` must not be ignored silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Organisation(Strict):
    name: str = Field(min_length=1, description="Exactly as in the ECOSOC/UNOG NGO database.")
    status: Status = Field(description="ECOSOC consultative status: general, special, roster or none.")

    @property
    def has_ecosoc_status(self) -> bool:
        return self.status in ECOSOC_STATUSES


class Contact(Strict):
    name: str = Field(min_length=1)
    email: str
    phone: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, v: str) -> str:
        from email_validator import EmailNotValidError, validate_email

        try:
            return validate_email(v, check_deliverability=False).normalized
        except EmailNotValidError as e:
            raise ValueError(f"not a valid e-mail address ({e})") from None


class Document(Strict):
    """Base of every input kind."""

    kind: str


Date = dt.date
