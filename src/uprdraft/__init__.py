"""uprdraft: HRC and UPR follow-up documents that the UN accepts the first time.

The public API (each function is also a CLI command of the same name):

- ``load(path, kind=None) -> (model, source)``: read YAML/JSON/Markdown into a model
- ``validate(path, today=None) -> Report``: schema and rules, writes nothing
- ``render_written_statement(path, output=None, force=False, today=None) -> Report``
- ``render_oral_statement(path, output=None, text_output=None, force=False) -> Report``
- ``render_midterm_report(path, output=None, child_friendly=None, force=False) -> Report``
- ``render_side_event(path, output=None, ics=None, force=False) -> Report``
- ``render_plan(path, output=None, ics=None, force=False) -> Report``
- ``check_docx(source, profile="hrc-written", limit=None, status=None) -> Report``
- ``fix_docx(source, output, force=False) -> Report``
- ``build_email(input_path, docx_path, output=None, today=None, late=False, force=False) -> Report``
- ``import_recommendations(path, state=None, theme=None, response=None, session=None, rules=None) -> Report`` (``report.data``: the recommendations)
- ``count_words(text) -> int``; ``get_rules()``, ``load_rules(path)``, ``use_rules(rules)``

Names are imported on first use, so ``import uprdraft`` stays light.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "load": "uprdraft.load",
    "validate": "uprdraft.api",
    "render_written_statement": "uprdraft.api",
    "schemas": "uprdraft.api",
    "render_oral_statement": "uprdraft.oral",
    "render_midterm_report": "uprdraft.midterm",
    "render_side_event": "uprdraft.side_event",
    "render_plan": "uprdraft.plan",
    "check_docx": "uprdraft.docx_check",
    "fix_docx": "uprdraft.docx_check",
    "count_docx_words": "uprdraft.docx_check",
    "build_email": "uprdraft.mail",
    "send_email": "uprdraft.mail",
    "import_recommendations": "uprdraft.importers",
    "read_recommendations": "uprdraft.importers",
    "count_words": "uprdraft.wordcount",
    "get_rules": "uprdraft.rules",
    "load_rules": "uprdraft.rules",
    "use_rules": "uprdraft.rules",
    "Report": "uprdraft.findings",
    "Finding": "uprdraft.findings",
    "InputError": "uprdraft.findings",
    "ContentError": "uprdraft.findings",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        value = getattr(importlib.import_module(_API[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'uprdraft' has no attribute {name!r}")
