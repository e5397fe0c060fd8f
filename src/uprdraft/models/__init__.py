"""Input models, one module per document kind; ``KINDS`` maps each ``kind`` to its model.

Models of kinds that are not built yet are simply absent from ``KINDS``.
"""
from __future__ import annotations

import importlib

# kind -> "module:Class"; imported on demand so that start-up stays light
_KINDS = {
    "written-statement": "uprdraft.models.written:WrittenStatement",
    "oral-statement": "uprdraft.models.oral:OralStatement",
    "midterm-report": "uprdraft.models.midterm:MidtermReport",
    "side-event": "uprdraft.models.side_event:SideEvent",
    "action-plan": "uprdraft.models.plan:ActionPlan",
    "submission": "uprdraft.models.submission:Submission",
}


def available_kinds() -> list[str]:
    out = []
    for kind in _KINDS:
        try:
            model_for(kind)
        except (ImportError, AttributeError):
            continue
        out.append(kind)
    return out


def model_for(kind: str):
    target = _KINDS[kind]
    mod, _, cls = target.partition(":")
    return getattr(importlib.import_module(mod), cls)
