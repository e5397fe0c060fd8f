"""Recommendations from files: UPR Info and UHRI exports, our CSV/XLSX template, our YAML.

Public API (used by ``uprdraft import recommendations``, mid-term reports and action plans):

- :func:`import_recommendations` (forgiving): a :class:`~uprdraft.findings.Report` whose
  ``stats`` holds the counts and whose ``data`` is the
  :class:`~uprdraft.importers.normalise.ImportResult` (recommendations, voluntary
  commitments); every good row imported, every bad row skipped *and reported* with its row
  number and reason, filters applied.
- :func:`read_recommendations` (strict): the recommendations of a file, or ContentError /
  InputError naming each bad row (``file:row N`` for tables, ``file:line:col`` for YAML).
- :func:`write_recommendations_yaml`: YAML usable as ``recommendations_file``;
  :func:`import_to_yaml`: import and write it (the CLI command).
- :func:`template_csv`: the starter CSV written by ``uprdraft new recommendations``.

Modules, one job each: :mod:`.read` (files -> entries: :mod:`.table` for CSV/XLSX,
:mod:`.formats` for the export layouts, YAML/JSON), :mod:`.normalise` (entries ->
recommendations: responses, ids, bad rows, filters), :mod:`.write` (YAML and CSV out).
Every public function takes ``rules=None``: the defaults, as plain values (:mod:`.settings`, no
pydantic), or the rules given (see :func:`uprdraft.rules.resolve`).
"""
from __future__ import annotations

from pathlib import Path

from ..findings import ContentError, Finding, Report
from ..lazy import exports

__all__ = ["ImportResult", "import_recommendations", "import_to_yaml", "read_recommendations",
           "read_voluntary_commitments", "template_csv", "write_recommendations_yaml"]

_LAZY = {
    "ImportResult": ".normalise",
    "normalise_response": ".normalise",
    "write_recommendations_yaml": ".write",
    "template_csv": ".write",
    "import_to_yaml": ".write",
}


__getattr__ = exports(__name__, _LAZY, globals())


def import_recommendations(path, *, state: str | None = None, theme: str | None = None,
                           response: str | None = None, session: int | None = None,
                           encoding: str | None = None, rules=None) -> Report:
    """Read recommendations from a UPR Info / UHRI export, our template (CSV, XLSX) or our YAML.

    Returns a Report: ``findings`` (bad rows skipped with warning ``bad-row`` and their
    place, response and encoding warnings), ``stats`` (format, encoding, rows_read,
    imported, recommendations, voluntary_commitments, skipped, skipped_reasons,
    filtered_out), ``output`` None, and ``data``: the ImportResult with the
    ``recommendations`` and ``voluntary_commitments`` themselves.

    Filters: ``state`` (State under review, case- and accent-insensitive), ``theme``
    (case-insensitive substring of any theme: "child" matches "Rights of the Child"),
    ``response`` (supported, noted, supported/noted, voluntary; export wordings such as
    "accepted" work too), ``session`` (UPR Working Group session number).
    Raises InputError when the file cannot be read, or has unknown columns.
    """
    from .normalise import Filters, ImportResult, collect
    from .read import entries
    from .settings import resolve

    rules = resolve(rules)
    path = Path(path)
    filters = Filters.make(rules, state=state, theme=theme, response=response, session=session)
    result = ImportResult(path=path, format="yaml")
    collect(entries(path, encoding, result, rules), result, filters, rules)
    return result.to_report()


def read_recommendations(path, encoding: str | None = None, rules=None) -> list:
    """The recommendations of a file (YAML, CSV, XLSX; any format :func:`import_recommendations`
    reads), strictly: any bad row raises ContentError naming every bad row and how to fix it.
    Voluntary commitments are left out (see :func:`read_voluntary_commitments`)."""
    return _read_strict(path, encoding, rules).recommendations


def read_voluntary_commitments(path, encoding: str | None = None, rules=None) -> list:
    """The voluntary commitments (UPR Info "Voluntary Pledge" rows, or ``voluntary_commitments:``
    in our YAML) of a file, strictly like :func:`read_recommendations`."""
    return _read_strict(path, encoding, rules).voluntary_commitments


def _read_strict(path, encoding, rules):
    report = import_recommendations(path, encoding=encoding, rules=rules)
    bad = [Finding("bad-recommendation", "error", f.message.replace("; this row was skipped", ""), f.location)
           for f in report.findings if f.code == "bad-row"]
    if bad:
        raise ContentError(bad)
    return report.data
