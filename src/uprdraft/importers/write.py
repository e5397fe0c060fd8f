"""Writing recommendations: YAML usable as ``recommendations_file``, and the starter CSV.

YAML is written by PyYAML's emitter (C-accelerated where libyaml is there). A string that
YAML 1.1 or 1.2 would read as something else (``yes``, ``null``, ``2026-01-01``, ``1.0``,
``0o17``, ``115.20``) is quoted, so every text reads back exactly as given, by
:func:`uprdraft.load` (ruamel.yaml) and by :func:`uprdraft.importers.read.load_yaml` alike.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ..findings import InputError, Report, error
from .formats import FORMAT_NAMES

FIELDS = ("id", "text", "recommending_states", "response", "themes", "status", "assessment", "sources", "session",
          "state_under_review", "document_symbol", "action_category")
WIDTH = 1 << 20  # one line per value: no folding of long texts


@functools.cache
def _dumpers() -> tuple[type, type]:
    """(fast, pure-Python) safe dumpers that also quote what YAML 1.2 would not read as text."""
    import yaml

    from .read import YAML12_RESOLVERS

    def mapping(dumper, data):  # one "key: value" line each
        return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False)

    def text(dumper, data):  # PyYAML's pure-Python emitter writes NEL raw, which readers fold: escape it
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"' if "\x85" in data else None)

    def sequence(dumper, data):  # lists of texts on one line: [a, b]
        flow = all(not isinstance(v, (dict, list)) for v in data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)

    out = []
    for base in (getattr(yaml, "CSafeDumper", None) or yaml.SafeDumper, yaml.SafeDumper):
        dumper: Any = type("Dumper", (base,), {})
        for tag, regexp, first in YAML12_RESOLVERS:  # on top of YAML 1.1's own
            dumper.add_implicit_resolver(tag, regexp, list(first))
        dumper.add_representer(dict, mapping)
        dumper.add_representer(list, sequence)
        dumper.add_representer(str, text)
        out.append(dumper)
    return out[0], out[1]


def dump_yaml(data, pure: bool = False) -> str:
    """YAML text of plain data: keys in the given order, Unicode as is, lists of scalars on
    one line. ``pure``: PyYAML's pure-Python emitter (used anyway without libyaml)."""
    import yaml

    fast, slow = _dumpers()
    if not pure:
        try:
            return yaml.dump(data, Dumper=fast, allow_unicode=True, sort_keys=False, width=WIDTH)
        except UnicodeEncodeError:  # lone surrogates: the pure-Python emitter escapes them
            pass
    return yaml.dump(data, Dumper=slow, allow_unicode=True, sort_keys=False, width=WIDTH)


def _item(rec) -> dict:
    out = {}
    for name in FIELDS:
        value = getattr(rec, name)
        if value is None or value == []:
            continue
        out[name] = list(value) if isinstance(value, (list, tuple)) else value
    return out


def write_recommendations_yaml(result_or_list, voluntary_commitments=None) -> str:
    """YAML text with a ``recommendations:`` list (and ``voluntary_commitments:`` when there are
    any) that works as ``recommendations_file``. Takes the Report of
    :func:`~uprdraft.importers.import_recommendations`, its ``data``, or a list of
    recommendations. Strings that YAML would read as numbers, dates, booleans or null are
    quoted, so ids such as "115.20" stay strings and keep their final zero."""
    from .normalise import ImportResult

    if isinstance(result_or_list, Report):
        result_or_list = result_or_list.data
    if isinstance(result_or_list, ImportResult):
        head = [f"# Imported by uprdraft from {result_or_list.path.name} ({FORMAT_NAMES[result_or_list.format]})."]
        if result_or_list.format == "upr-info":
            head.append("# UPR Info rows have no paragraph number: ids such as UPRI-S5-R2 mean session 5, row 2 of the")
            head.append("# file. Replace them with the WG report paragraph (e.g. \"115.23\") before citing them.")
        recs = result_or_list.recommendations
        vols = result_or_list.voluntary_commitments
    else:
        head, recs, vols = [], list(result_or_list), list(voluntary_commitments or [])
    data: dict = {"recommendations": [_item(r) for r in recs]}
    if vols:
        data["voluntary_commitments"] = [_item(r) for r in vols]
    return "".join(line + "\n" for line in head) + dump_yaml(data)


def template_csv(lang: str = "en") -> str:
    """The starter CSV of ``uprdraft new recommendations``: the header (field names) and two
    example rows. Lists (recommending_states, themes, sources) are separated by ';'."""
    import csv
    import io

    from .formats import TEMPLATE_COLUMNS
    from .templates import EXAMPLES

    rows = EXAMPLES.get(lang, EXAMPLES["en"])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(TEMPLATE_COLUMNS)
    for row in rows:
        w.writerow([row.get(c, "") for c in TEMPLATE_COLUMNS])
    return buf.getvalue()


def import_to_yaml(path, output=None, *, force: bool = False, state: str | None = None, theme: str | None = None,
                   response: str | None = None, session: int | None = None, encoding: str | None = None,
                   rules=None) -> Report:
    """``uprdraft import recommendations``: import, then write the YAML (default: beside the
    input, suffix .yaml). Refuses to overwrite without ``force`` before reading anything.

    Returns the Report of :func:`~uprdraft.importers.import_recommendations` with ``output``
    set (None when nothing was imported: error ``nothing-imported``, nothing written);
    ``report.data`` is the :class:`~uprdraft.importers.normalise.ImportResult`."""
    from ..fileio import check_writable, default_output, write_atomic
    from . import import_recommendations
    from .read import YAML_SUFFIXES

    path = Path(path)
    if output is None:
        output = default_output(path, ".yaml")
        if path.suffix.lower() in YAML_SUFFIXES:
            output = path.with_name(path.stem + "-imported.yaml")
    output = Path(output)
    if output.resolve() == path.resolve():
        raise InputError(f"{output}: this is the input file; choose another name with -o", code="io")
    check_writable(output, force)
    report = import_recommendations(path, state=state, theme=theme, response=response, session=session,
                                    encoding=encoding, rules=rules)
    result = report.data
    if not result.imported:
        why = "every row was skipped (see the warnings)" if result.skipped else (
            "no row matches the filters" if result.filtered_out else "the file has no rows")
        result.findings.append(error("nothing-imported", f"no recommendation imported: {why}; nothing was written",
                                     str(path)))
        return result.to_report(None)
    write_atomic(output, write_recommendations_yaml(result), force=force)
    return result.to_report(str(output))
