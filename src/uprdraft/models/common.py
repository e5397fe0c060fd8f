"""Parts shared by every input kind: organisation, contact, language, dates.

Field names are the public input contract (design.md section 3); JSON Schemas in
``schemas/`` are generated from these models.
"""
from __future__ import annotations

import datetime as dt
import re
import types
import typing
from functools import cache
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

Status = Literal["general", "special", "roster", "none"]
ECOSOC_STATUSES = ("general", "special", "roster")


class Strict(BaseModel):
    """Unknown fields are errors: a typo such as ``co_sponsor`` must not be ignored silently.

    Choices are matched whatever their case (``Special``, ``GENERAL``) and stored as defined."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _choices_any_case(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        for name, choices in _choice_fields(cls).items():
            value = data.get(name)
            if isinstance(value, str) and value not in choices:
                folded = choices.get(value.strip().casefold())
                if folded is not None:
                    data = {**data, name: folded}
        return data


@cache
def _choice_fields(cls: type[BaseModel]) -> dict[str, dict[str, str]]:
    """field -> {folded choice: choice} for the fields whose value is one of fixed words."""
    out = {}
    for name, info in cls.model_fields.items():
        ann = info.annotation
        members = get_args(ann) if get_origin(ann) in (typing.Union, types.UnionType) else (ann,)
        words = [w for m in members if get_origin(m) is Literal for w in get_args(m) if isinstance(w, str)]
        if words:
            out[name] = {w.casefold(): w for w in words}
    return out


_SESSION = re.compile(r"\s*(?:HRC)?\s*[-.]?\s*(\d{1,4})\s*", re.IGNORECASE)


def session_number(value: Any) -> Any:
    """64, "64", "HRC64", "HRC 64", "hrc-64" -> 64: one way to store a Council session."""
    if isinstance(value, str):
        m = _SESSION.fullmatch(value)
        if m:
            return int(m.group(1))
        raise ValueError(f"'{value}' is not a Human Rights Council session; write its number, for example 64 "
                         "(HRC64 and \"HRC 64\" are read too)")
    return value


HRCSession = Annotated[
    int, BeforeValidator(session_number), Field(ge=1, le=999),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 999},
                              {"type": "string", "pattern": "^\\s*([Hh][Rr][Cc])?\\s*[-.]?\\s*[0-9]{1,3}\\s*$"}]}),
]


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
