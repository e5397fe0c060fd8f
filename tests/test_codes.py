"""The registry of finding codes (src/uprdraft/codes.py).

- every code the source can emit is registered, with the severity it is emitted with (a scan
  of src/ with ``ast``; tests/conftest.py also checks every Finding made while the tests run);
- the registry itself is well formed (one line, plain words, a source tag or a reason);
- ``uprdraft explain`` and ``--ignore`` (on ``validate`` and ``check``);
- the README's code tables are generated from the registry and current.
"""
from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest

from uprdraft import codes as registry
from uprdraft.codes import (
    AREAS,
    CODES,
    drop_ignored,
    explain,
    lookup,
    markdown_table,
    parse_ignore,
)
from uprdraft.findings import Finding, InputError, error, warning

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "uprdraft"
EXAMPLES = ROOT / "examples"
DOMAIN_RULES = ROOT.parent / "shared" / "domain-rules.md"
SEVERITIES = {"error", "warning"}
ERROR_CLASSES = {"InputError", "ContentError", "UprdraftError"}
# module-level tables whose entries are codes: name -> which part holds the code
CODE_TABLES = {"_MESSAGES": "keys", "_FEATURES": "first", "_EMPHASIS": "values"}


# --------------------------------------------------------------------------- the source scan
def _str(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(func) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _severity(node) -> str | None:
    if isinstance(node, ast.Name) and node.id in ("ERROR", "WARNING"):
        return node.id.lower()
    value = _str(node)
    return value if value in SEVERITIES else None


def emitted_codes() -> list[tuple[str, str | None, str]]:
    """``(code, severity or None, "file:line")`` for every code written literally in src/:
    first argument of ``error()``/``warning()``, ``(code, "error"|"warning", ...)`` calls and tuples
    (``Finding``, the Markdown reader's ``Issue``, the oral reader's issue tuples), ``code=`` of our
    exceptions, ``{"code": ...}`` dicts, and the checker's code tables. An exception raised with a
    message and no ``code=`` counts as its default code ``error`` (which is not registered)."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "codes.py":
            continue
        rel = path.relative_to(ROOT)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{rel}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                name = _name(node.func)
                args = node.args
                first = _str(args[0]) if args else None
                if name in ("error", "warning") and isinstance(node.func, ast.Name) and first is not None:
                    out.append((first, name, where))
                elif first is not None and len(args) > 1 and _severity(args[1]):
                    out.append((first, _severity(args[1]), where))
                if name in ERROR_CLASSES:
                    kw = {k.arg: k.value for k in node.keywords}
                    if "code" in kw and _str(kw["code"]) is not None:
                        out.append((_str(kw["code"]), "error", where))
                    elif "code" not in kw and args and isinstance(args[0], (ast.Constant, ast.JoinedStr)):
                        out.append(("error", "error", where))  # the default code of a bare message
            elif isinstance(node, ast.Tuple) and len(node.elts) >= 2:
                first, sev = _str(node.elts[0]), _severity(node.elts[1])
                if first is not None and sev:
                    out.append((first, sev, where))
            elif isinstance(node, ast.Dict):
                for k, v in zip(node.keys, node.values):
                    if k is not None and _str(k) == "code" and _str(v) is not None:
                        out.append((_str(v), None, where))
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                part = CODE_TABLES.get(node.targets[0].id)
                value = node.value
                if part == "keys" and isinstance(value, ast.Dict):
                    out += [(_str(k), None, where) for k in value.keys if k is not None and _str(k)]
                elif part == "values" and isinstance(value, ast.Dict):
                    out += [(_str(v), None, where) for v in value.values if _str(v)]
                elif part == "first" and isinstance(value, (ast.Tuple, ast.List)):
                    out += [(_str(e.elts[0]), None, where) for e in value.elts
                            if isinstance(e, ast.Tuple) and e.elts and _str(e.elts[0])]
    return out


def test_the_scan_finds_the_emitters():
    found = emitted_codes()
    assert len(found) > 100 and len({c for c, _, _ in found}) > 50
    got = {c for c, _, _ in found}
    # one of each pattern: error(), code=, Issue/tuple, dict, checker tables
    assert {"wg-report-symbol", "io", "footnote-unused", "heading", "internal", "font-name", "hyperlink",
            "emphasis"} <= got


def test_every_emitted_code_is_registered_with_its_severity():
    problems = []
    for code, severity, where in emitted_codes():
        known = CODES.get(code)
        if known is None:
            near = registry.closest(code)
            problems.append(f"{where}: code {code!r} is not registered in src/uprdraft/codes.py"
                            + (f" (closest: {', '.join(near)})" if near else ""))
        elif severity is not None and known.severity != severity:
            problems.append(f"{where}: code {code!r} is emitted as {severity} but registered as {known.severity}")
    assert not problems, "\n".join(problems)


def test_every_registered_code_is_emitted_somewhere():
    """A code nobody emits is stale: remove it or emit it."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "codes.py")
    literals = set(re.findall(r"""["']([a-z][a-z0-9-]*)["']""", text))
    assert sorted(set(CODES) - literals) == []


def test_the_runtime_check_is_installed():
    """tests/conftest.py records every Finding made during the session (checked at its end)."""
    assert Finding.__init__.__name__ == "recording_init"


# --------------------------------------------------------------------------- the registry itself
def test_registry_is_well_formed():
    for key, c in CODES.items():
        assert key == c.code and re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", c.code), c
        assert c.severity in SEVERITIES, c
        for text in (c.name, c.summary):
            assert text and "\n" not in text and text == text.strip(), c
        assert len(c.name) <= 45 and c.summary.endswith("."), c
        assert len(c.summary) <= 300, c
        assert c.areas and set(c.areas) <= set(AREAS), c
        if c.source:
            assert re.fullmatch(r"(S\d+|seed)(, (S\d+|seed))*", c.source), c
        else:
            assert c.note, f"{c.code}: no source, so the note must say why (e.g. our choice)"


def test_source_tags_exist_in_the_domain_rules():
    if not DOMAIN_RULES.is_file():
        pytest.skip(f"{DOMAIN_RULES} not found")
    listed = set(re.findall(r"^- (S\d+) ", DOMAIN_RULES.read_text(encoding="utf-8"), re.MULTILINE))
    used = {t for c in CODES.values() for t in c.source.split(", ") if t.startswith("S")}
    assert used and used <= listed, sorted(used - listed)


def test_one_rule_one_code():
    """The renamed pairs stay merged: written, oral and side-event status share one code."""
    assert "ecosoc-status" not in CODES and "booking-status" not in CODES
    assert set(CODES["consultative-status"].areas) >= {"written", "oral", "side-event"}
    names = [c.name.casefold() for c in CODES.values()]
    assert len(names) == len(set(names)), "two codes with the same name: one rule, one code"


# --------------------------------------------------------------------------- lookup, explain, ignore
def test_lookup_and_explain():
    assert lookup("time-limit").severity == "error"
    assert lookup(" Fast-Pace ").code == "fast-pace"
    text = explain("consultative-status")
    for part in ("code: consultative-status", "name: ", "severity: error", "summary: ", "source: S1, S2"):
        assert part in text
    assert "errors cannot be ignored" in text
    assert "--ignore fast-pace" in explain("fast-pace")
    assert "source: our choice" in explain("io")


def test_unknown_code_names_the_closest():
    with pytest.raises(InputError) as e:
        lookup("bolt")
    assert e.value.exit_code == 2 and e.value.findings[0].code == "usage"
    assert "'bolt'" in str(e.value) and "bold" in str(e.value)
    with pytest.raises(InputError) as e:
        lookup("ecosoc-status")
    assert "consultative-status" in str(e.value)


def test_parse_ignore():
    assert parse_ignore(None) == frozenset()
    assert parse_ignore("table,hyperlink") == {"table", "hyperlink"}
    assert parse_ignore(["table", "comment, heading", ""]) == {"table", "comment", "heading"}
    with pytest.raises(InputError, match="errors cannot be ignored"):
        parse_ignore("table,bold")
    with pytest.raises(InputError, match="did you mean table"):
        parse_ignore("tabel")


def test_drop_ignored():
    fs = [warning("table", "t"), warning("hyperlink", "h"), error("bold", "b")]
    assert drop_ignored(fs, ["table"]) == fs[1:]
    assert drop_ignored(fs, "table,hyperlink") == fs[2:]
    assert drop_ignored(fs, []) == fs
    with pytest.raises(InputError) as e:
        drop_ignored(fs, ["bold"])
    assert e.value.exit_code == 2 and "errors cannot be ignored" in str(e.value)
    with pytest.raises(InputError, match="unknown code 'nope'"):
        drop_ignored(fs, ["nope"])


# --------------------------------------------------------------------------- the CLI
def test_cli_explain_known_code(cli):
    code, out, _ = cli("explain", "time-limit-near")
    assert code == 0
    assert out.startswith("code: time-limit-near\n") and "severity: warning" in out and "source: S6" in out
    code, data = cli.json("explain", "word-limit")
    assert code == 0 and data["code"] == "word-limit" and data["severity"] == "error" and data["source"]


def test_cli_explain_unknown_code(cli):
    code, out, err = cli("explain", "word-limt")
    assert code == 2 and out == ""
    assert "unknown code 'word-limt'" in err and "word-limit" in err
    code, data = cli.json("explain", "word-limt")
    assert code == 2 and data["ok"] is False and data["findings"][0]["code"] == "usage"


def test_cli_explain_lists_every_code(cli):
    code, out, _ = cli("explain")
    assert code == 0 and len(out.strip().splitlines()) == len(CODES)


@pytest.fixture
def late_statement(tmp_path):
    """An example written statement validated after its deadline: one warning, deadline-passed."""
    path = tmp_path / "statement.md"
    shutil.copy(EXAMPLES / "written-statement.md", path)
    return path


def test_cli_validate_ignore(cli, late_statement):
    args = ("validate", late_statement, "--today", "2026-12-01")
    code, out, err = cli(*args)
    assert code == 0 and "[deadline-passed]" in err
    code, out, err = cli(*args, "--ignore", "deadline-passed")
    assert code == 0 and "deadline-passed" not in err and out.strip().endswith(": ok")
    code, data = cli.json(*args)
    assert [f["code"] for f in data["findings"]] == ["deadline-passed"]
    code, data = cli.json(*args, "--ignore", "heading,deadline-passed")
    assert code == 0 and data["ok"] and data["findings"] == []


@pytest.mark.parametrize("ignore, message", [
    ("word-limit", "'word-limit' is an error, and errors cannot be ignored"),
    ("deadline-passed,dedline", "unknown code 'dedline'; did you mean deadline"),
])
def test_cli_validate_ignore_refused(cli, late_statement, ignore, message):
    code, out, err = cli("validate", late_statement, "--today", "2026-12-01", "--ignore", ignore)
    assert code == 2 and message in err and out == ""
    code, data = cli.json("validate", late_statement, "--ignore", ignore)
    assert code == 2 and message in data["findings"][0]["message"]


@pytest.fixture(scope="module")
def report_with_tables(tmp_path_factory):
    """A mid-term report written by uprdraft: tables, which the hrc-written profile warns about."""
    from click.testing import CliRunner

    from uprdraft.cli import main

    out = tmp_path_factory.mktemp("codes") / "report.docx"
    res = CliRunner().invoke(main, ["report", "midterm", str(EXAMPLES / "midterm-report.yaml"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_cli_check_ignore(cli, report_with_tables):
    code, out, err = cli("check", report_with_tables)
    assert code == 0 and "[table]" in err
    code, out, err = cli("check", report_with_tables, "--ignore", "table")
    assert code == 0 and "[table]" not in err and out.strip().endswith(": ok")
    code, data = cli.json("check", report_with_tables, "--ignore", "table", "--ignore", "hyperlink")
    assert code == 0 and data["findings"] == [] and data["stats"]["features"]["table"] > 0


@pytest.mark.parametrize("ignore, message", [
    ("font-name", "errors cannot be ignored"),
    ("tables", "did you mean table"),
])
def test_cli_check_ignore_refused(cli, report_with_tables, ignore, message):
    code, _, err = cli("check", report_with_tables, "--ignore", ignore)
    assert code == 2 and message in err
    code, data = cli.json("check", report_with_tables, "--ignore", ignore)
    assert code == 2 and data["ok"] is False and message in data["findings"][0]["message"]


# --------------------------------------------------------------------------- generated tables
def _docs() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_code_tables_are_current():
    stale = [p.relative_to(ROOT) for p in _docs()
             if registry.update_code_tables(t := p.read_text(encoding="utf-8")) != t]
    assert not stale, f"code tables out of date in {', '.join(map(str, stale))}: run {registry.REGENERATE}"


def test_readme_has_the_generated_tables():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- codes:start -->" in readme  # the full table
    for area in ("midterm", "side-event", "check"):
        assert f"<!-- codes:start {area} -->" in readme
    for code in CODES:
        assert f"| `{code}` |" in readme


def test_markdown_table_rows():
    table = markdown_table("side-event").splitlines()
    assert table[0] == "| code | severity | what it means | source |"
    assert len(table) == 2 + sum("side-event" in c.areas for c in CODES.values())
    assert any(row.startswith("| `consultative-status` | error |") for row in table)
    with pytest.raises(InputError):
        markdown_table("nowhere")


def test_update_code_tables_replaces_only_between_markers():
    text = "a\n<!-- codes:start plan -->\nold\n<!-- codes:end -->\nb\n"
    new = registry.update_code_tables(text)
    assert new.startswith("a\n<!-- codes:start plan -->\n") and new.endswith("<!-- codes:end -->\nb\n")
    assert "old" not in new and "`no-milestone`" in new and "`bold`" not in new
    assert registry.update_code_tables(new) == new


def test_explain_json_is_the_registry(cli):
    code, out, _ = cli("explain", "--json")
    assert code == 0 and [c["code"] for c in json.loads(out)] == list(CODES)
