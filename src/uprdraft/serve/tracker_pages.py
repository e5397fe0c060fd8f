"""Tracker pages (list, history, assessment, statistics) behind one narrow interface.

The tracker (``uprdraft.tracker`` and the ``track_*`` API functions) is being built on its
own branch. Until it is there, :func:`open_tracker` gives None and no tracker page is
served; the menu then leaves the tracker out. When it lands, the pages call only the API
functions ``track_list``, ``track_history``, ``track_assess`` and ``track_stats`` with the
database URL given to ``uprdraft serve --db`` (the same functions as the CLI), never the
database directly.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any

API_FUNCTIONS = ("track_list", "track_history", "track_assess", "track_stats")


@dataclass(frozen=True)
class Tracker:
    db: str | None  # the --db URL (None: the tracker's own default)
    api: Any  # the module with the track_* functions


def tracker_available() -> bool:
    """True when this installation has the tracker and its API functions."""
    if importlib.util.find_spec("uprdraft.tracker") is None:
        return False
    from .. import api

    return all(hasattr(api, name) for name in API_FUNCTIONS)


def open_tracker(db: str | None) -> Tracker | None:
    """The tracker the pages read and write, or None when this installation has none."""
    if not tracker_available():
        return None
    from .. import api

    return Tracker(db, api)


def tracker_routes(tracker: Tracker | None) -> list[Any]:
    """The routes of the tracker pages; none without a tracker."""
    if tracker is None:
        return []
    return []  # the pages come with the tracker branch (see the module's docstring)
