"""A recommendation as plain values, checked as the model would check it, without building one.

Building a pydantic ``Recommendation`` for every row was a large part of a 40,000-row
import, and the command writes YAML, not models. So a table row whose values are already
exactly what the model would keep (texts without surrounding spaces, ids given, choices
spelt as defined, numbers of the right type and range, known fields only) becomes a plain
tuple of the model's field values (in :data:`FIELDS` order, the model's defaults filled in:
a third of a dict's memory); any other row goes through the model,
so a bad row's error is the model's own, word for word. The models themselves are built
only when someone asks for them (:attr:`~uprdraft.importers.normalise.ImportResult.recommendations`).

The caller makes sure no text holds a lone surrogate (the model refuses those): table text
comes from strict decoders or from XML, which never produce one.
"""
from __future__ import annotations

from operator import itemgetter
from typing import Any

# the fields of uprdraft.models.recommendation.Recommendation, in order (a test keeps them equal)
FIELDS = ("id", "text", "recommending_states", "response", "themes", "status", "assessment", "sources", "session",
          "state_under_review", "document_symbol", "action_category")
RESPONSES = frozenset(("supported", "noted", "supported/noted"))
STATUSES = frozenset(("fully-implemented", "partially-implemented", "not-implemented", "no-data"))
DEFAULT_STATUS = "no-data"
_NO_LIST: Any = object()  # a list field not given: a new empty list each time
_DEFAULTS = {"id": None, "text": None, "recommending_states": _NO_LIST, "response": None, "themes": _NO_LIST,
             "status": DEFAULT_STATUS, "assessment": None, "sources": _NO_LIST, "session": None,
             "state_under_review": None, "document_symbol": None, "action_category": None}
VALUES = itemgetter(*FIELDS)  # a dict of the fields -> their values, in order
ID, SESSION, STATE, SYMBOL = (FIELDS.index(f) for f in ("id", "session", "state_under_review", "document_symbol"))
_BIG = 1 << 63  # whole numbers the model surely keeps as they are


def _kept(v: Any) -> bool:
    """A text the model keeps as it is: a str with no whitespace to strip (``str.strip``
    strips every character the model strips, and a few more)."""
    return type(v) is str and v.strip() == v


def _texts_kept(values: Any) -> bool:
    """A list of texts the model keeps as it is."""
    if type(values) is not list:
        return False
    for v in values:
        if type(v) is not str or v.strip() != v:
            return False
    return True


def plain(data: dict) -> tuple | None:
    """The model's field values for ``data`` (all fields, in :data:`FIELDS` order, defaults
    filled in), or None when the model might change a value or refuse the row: then build the
    model.
    (Written out in one piece: it runs once per row.)"""
    rec = {**_DEFAULTS, **data}
    if len(rec) != len(FIELDS):
        return None  # a key that is no field
    rid, text, states, response, themes, status, assessment, sources, session, state, symbol, action = VALUES(rec)
    if not (type(rid) is str and rid and rid.strip() == rid and type(text) is str and text and text.strip() == text
            and (response is None or (type(response) is str and response in RESPONSES))
            and type(status) is str and status in STATUSES
            and (session is None or (type(session) is int and -_BIG < session < _BIG))
            and (action is None or (type(action) is int and 1 <= action <= 5))
            and (state is None or (type(state) is str and state.strip() == state))  # (as _kept, without a call)
            and (assessment is None or _kept(assessment)) and (symbol is None or _kept(symbol))):
        return None
    # the lists, item by item (written out: a call per list would cost more than the check)
    if states is _NO_LIST:
        states = []
    elif type(states) is not list:
        return None
    else:
        for v in states:
            if type(v) is not str or v.strip() != v:
                return None
    if themes is _NO_LIST:
        themes = []
    elif type(themes) is not list:
        return None
    else:
        for v in themes:
            if type(v) is not str or v.strip() != v:
                return None
    if sources is _NO_LIST:
        sources = []
    elif not _texts_kept(sources):
        return None
    return rid, text, states, response, themes, status, assessment, sources, session, state, symbol, action
