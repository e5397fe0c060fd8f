"""uprdraft: HRC and UPR follow-up documents that the UN accepts the first time.

The public API: one function per CLI command, with the same names and options, each
returning a :class:`Report` (``ok``, ``findings``, ``stats``, ``output``):

- ``validate(path, today=None, *, rules=None, ignore=None)``: schema and rules, writes nothing
- ``render_written_statement(path, output=None, force=False, today=None, *, rules, template, ignore)``
- ``render_oral_statement(path, output=None, text_output=None, force=False, *, rules, template, ignore)``
- ``render_midterm_report(path, output=None, child_friendly=None, force=False, *, rules, template, ...)``
- ``render_side_event(path, output=None, ics=None, force=False, *, rules, template, profile, ignore)``
- ``render_plan(path, output=None, ics=None, force=False, *, rules, template, profile, ignore)``
- ``build_email(input_path, docx_path, output=None, today=None, late=False, force=False, *, rules)``
- ``email(...)``: ``build_email`` then, with ``send=True``, SMTP (``uprdraft email``)
- ``check(docx, profile=None, limit=None, status=None, *, rules, ignore)``, ``fix(docx, output=None, ...)``
- ``import_recommendations(path, output=None, force=False, *, state, theme, response, session)``
- ``explain(code)``, ``schema(kind=None, output=None)``, ``new(kind, output=None, force=False)``
- helpers: ``load(path, kind=None) -> (model, source)``, ``count_words(text)``, ``check_docx``,
  ``fix_docx``, ``count_docx_words``, ``read_recommendations``, ``make_context``, ``resolve_rules``

``rules`` is a mapping shaped like the YAML rules file, the path of one, or a ``Rules``; it
is passed explicitly and never kept between calls. Names are imported on first use, so
``import uprdraft`` stays light.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what type checkers see; at run time names are imported on first use
    from .api import (
        build_email,
        check,
        email,
        explain,
        fix,
        import_recommendations,
        new,
        render_child_friendly_recommendations,
        render_factsheet,
        render_midterm_report,
        render_oral_statement,
        render_plan,
        render_pre_session_statement,
        render_recommending_state_briefs,
        render_side_event,
        render_upr_submission,
        render_written_statement,
        schema,
        schema_json,
        schemas,
        send_email,
        validate,
        write_schemas,
    )
    from .context import Context, make_context
    from .docx_check import check_docx, count_docx_words, fix_docx
    from .findings import ContentError, Finding, InputError, Report
    from .importers import read_recommendations
    from .load import load
    from .rules import DEFAULT, Rules, load_rules
    from .rules import resolve as resolve_rules
    from .wordcount import count_words

_API = {
    **{name: "uprdraft.api" for name in (
        "validate", "render_written_statement", "render_oral_statement", "render_midterm_report",
        "render_side_event", "render_plan", "build_email", "email", "send_email", "check", "fix",
        "import_recommendations", "explain", "schema", "schemas", "schema_json", "write_schemas", "new")},
    # the next review (issue 16)
    **{name: "uprdraft.api" for name in (
        "render_upr_submission", "render_pre_session_statement", "render_recommending_state_briefs",
        "render_child_friendly_recommendations", "render_factsheet")},
    "load": "uprdraft.load",
    "check_docx": "uprdraft.docx_check",
    "fix_docx": "uprdraft.docx_check",
    "count_docx_words": "uprdraft.docx_check",
    "read_recommendations": "uprdraft.importers",
    "count_words": "uprdraft.wordcount",
    "load_rules": "uprdraft.rules",
    "Rules": "uprdraft.rules",
    "DEFAULT": "uprdraft.rules",
    "Context": "uprdraft.context",
    "make_context": "uprdraft.context",
    "Report": "uprdraft.findings",
    "Finding": "uprdraft.findings",
    "InputError": "uprdraft.findings",
    "ContentError": "uprdraft.findings",
}
_RENAMED = {"resolve_rules": ("uprdraft.rules", "resolve")}

__all__ = sorted([*_API, *_RENAMED, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _API or name in _RENAMED:
        module, attr = _RENAMED.get(name, (_API.get(name, ""), name))
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'uprdraft' has no attribute {name!r}")
