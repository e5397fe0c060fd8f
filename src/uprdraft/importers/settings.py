"""What the importers need from the rules, as plain values.

``uprdraft import recommendations FILE`` with the default rules must not import pydantic or
:mod:`uprdraft.rules` (they are most of the start-up time), so the defaults of
``rules.importing`` are mirrored here as plain data; a test keeps them equal to
``uprdraft.rules.DEFAULT.importing``. With a rules file, a mapping or a ``Rules``, the values
come from it (:func:`uprdraft.rules.resolve`) and nothing here is used.

The importers only read ``rules.importing``: :func:`resolve` gives an object with that one
attribute, the plain defaults or the full rules alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RESPONSES = {
    "supported": "supported", "accepted": "supported", "accepted/supported": "supported",
    "noted": "noted", "not accepted": "noted", "not supported": "noted",
    "rejected": "noted",
    "supported/noted": "supported/noted", "accepted/noted": "supported/noted",
    "partially supported": "supported/noted", "partially accepted": "supported/noted",
    "voluntary pledge": "voluntary", "voluntary commitment": "voluntary",
    "without clear position": "", "no response": "", "pending": "", "": "",
}


@dataclass(frozen=True)
class ImportSettings:  # the fields of uprdraft.rules.ImportRules, with their defaults
    responses: dict[str, str] = field(default_factory=lambda: dict(RESPONSES))
    responses_warn: tuple[str, ...] = ("rejected", "not accepted", "not supported")
    uprinfo_id: str = "UPRI-S{session}-R{row}"
    voluntary_id: str = "VP-S{session}-R{row}"
    uhri_id: str = "UHRI-R{row}"
    encoding_margin: int = 3
    max_file_mb: int = 50
    max_rows: int = 100_000
    max_expanded_mb: int = 40
    max_row_findings: int = 200
    max_expansion_ratio: int = 100


@dataclass(frozen=True)
class PlainRules:
    """The default rules as far as the importers read them (``rules.importing``)."""

    importing: ImportSettings = field(default_factory=ImportSettings)


DEFAULT = PlainRules()


def resolve(rules: Any = None) -> Any:
    """The plain defaults for None; else the rules given (a Rules, a mapping shaped like the
    rules file or the path of one), as :func:`uprdraft.rules.resolve` reads them."""
    if rules is None:
        return DEFAULT
    if isinstance(rules, PlainRules):
        return rules
    from ..rules import resolve as resolve_rules

    return resolve_rules(rules)
