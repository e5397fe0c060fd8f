"""Input models, one module per document kind; the registry (:mod:`uprdraft.kinds`) names
each kind's model."""
from __future__ import annotations

from typing import Any


def available_kinds() -> list[str]:
    from ..kinds import KINDS

    return list(KINDS)


def model_for(kind: str) -> Any:
    from ..kinds import get, resolve_function

    return resolve_function(get(kind).model)
