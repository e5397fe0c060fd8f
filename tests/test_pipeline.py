"""The one pipeline: registry, explicit rules in two threads, outputs all or nothing."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

import uprdraft
from uprdraft.findings import InputError
from uprdraft.kinds import KINDS, resolve_function

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def statement(tmp_path: Path, words: int, name: str = "s.json") -> Path:
    data = {
        "kind": "written-statement", "language": "en", "session": 62, "session_start": "2026-06-15",
        "agenda_item": 6, "segment": "general-debate", "title": "Children first",
        "organisation": {"name": "Lead NGO", "status": "special"},
        "contact": {"name": "Ana", "email": "ana@example.org"},
        "body": " ".join(f"w{i}" for i in range(words - 2)),  # the title has 2 words
    }
    p = tmp_path / name
    p.write_text(json.dumps(data), encoding="utf-8")
    return p


# --------------------------------------------------------------------------- the registry
@pytest.mark.parametrize("name", list(KINDS))
def test_every_kind_resolves(name):
    kind = KINDS[name]
    for target in (kind.model, kind.analyse, kind.summary, *(o.writer for o in kind.outputs)):
        assert callable(resolve_function(target)), target
    assert kind.api and callable(getattr(uprdraft, kind.api))
    assert kind.outputs[0].option is None  # the main output is always written
    assert all(o.option and o.param for o in kind.optional)


@pytest.mark.parametrize("name", [k for k in KINDS if KINDS[k].command and not KINDS[k].inputs])
def test_every_kind_has_its_generated_command(cli, name):
    code, out, _ = cli(*KINDS[name].command, "--help")
    assert code == 0
    for o in KINDS[name].optional:
        assert o.option in out
    assert "--ignore" in out and "--json" in out and "--force" in out


def test_public_api_matches_the_cli():
    for name in ("validate", "check", "fix", "explain", "schema", "new", "email", "import_recommendations"):
        assert callable(getattr(uprdraft, name))
    assert uprdraft.__version__


# --------------------------------------------------------------------------- rules are passed, not global
def test_two_threads_with_different_rules_never_see_each_other(tmp_path):
    """One thread renders with a 100-word limit, the other with the defaults, many times over."""
    strict = {"written": {"word_limit": {"special": 100}}}
    path = statement(tmp_path, 150)
    results: dict[str, list] = {"strict": [], "default": []}
    errors: list[BaseException] = []

    def work(label: str, rules) -> None:
        try:
            for i in range(15):
                out = tmp_path / f"{label}-{i}.docx"
                r = uprdraft.render_written_statement(path, out, today="2026-01-01", rules=rules)
                results[label].append((r.ok, r.stats["limit"], out.exists()))
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=("strict", strict)),
               threading.Thread(target=work, args=("default", None))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert set(results["strict"]) == {(False, 100, False)}
    assert set(results["default"]) == {(True, 1500, True)}


def test_rules_as_mapping_path_or_object_give_the_same_result(tmp_path):
    path = statement(tmp_path, 150)
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text("written:\n  word_limit:\n    special: 100\n", encoding="utf-8")
    from uprdraft.rules import resolve

    for rules in ({"written": {"word_limit": {"special": 100}}}, rules_file, str(rules_file),
                  resolve(rules_file)):
        r = uprdraft.validate(path, today="2026-01-01", rules=rules)
        assert [f.code for f in r.findings if f.severity == "error"] == ["word-limit"]
    assert uprdraft.validate(path, today="2026-01-01").ok  # nothing stayed behind


def test_bad_rules_are_one_plain_error(tmp_path):
    path = statement(tmp_path, 10)
    with pytest.raises(InputError) as e:
        uprdraft.validate(path, rules={"written": {"word_limit": "lots"}})
    assert "written.word_limit" in str(e.value)
    with pytest.raises(InputError):
        uprdraft.validate(path, rules=42)


@pytest.mark.parametrize("today", ["2026-01-01", dt.date(2026, 1, 1), dt.datetime(2026, 1, 1, 9, 30)])
def test_today_accepts_a_date_a_datetime_or_text(tmp_path, today):
    assert uprdraft.validate(statement(tmp_path, 10), today=today).ok


@pytest.mark.parametrize("bad", [{"today": "tomorrow"}, {"today": 5}])
def test_wrong_argument_types_are_usage_errors(tmp_path, bad):
    with pytest.raises(InputError) as e:
        uprdraft.validate(statement(tmp_path, 10), **bad)
    assert e.value.findings[0].code == "usage"


@pytest.mark.parametrize("path", [None, 5, b"x.md", ""])
def test_wrong_paths_are_usage_errors(path):
    with pytest.raises(InputError) as e:
        uprdraft.render_written_statement(path)
    assert e.value.findings[0].code == "usage"


# --------------------------------------------------------------------------- outputs
def test_output_that_is_the_input_is_refused_even_with_force(tmp_path, cli):
    src = tmp_path / "s.md"
    shutil.copy(EXAMPLES / "written-statement.md", src)
    before = src.read_bytes()
    code, _, err = cli("statement", "written", src, "-o", src, "--force", "--today", "2026-01-01")
    assert code == 2 and "input file" in err
    assert src.read_bytes() == before


def test_two_outputs_may_not_be_the_same_file(tmp_path, cli):
    src = tmp_path / "o.yaml"
    shutil.copy(EXAMPLES / "oral-statement.yaml", src)
    code, _, err = cli("statement", "oral", src, "-o", tmp_path / "x.docx", "--text", tmp_path / "x.docx")
    assert code == 2 and "same file" in err
    assert not (tmp_path / "x.docx").exists()


def test_one_unwritable_output_leaves_no_output_behind(tmp_path, cli):
    """The .txt goes to a folder that does not exist: refused before anything is written."""
    src = tmp_path / "o.yaml"
    shutil.copy(EXAMPLES / "oral-statement.yaml", src)
    code, _, err = cli("statement", "oral", src, "--text", tmp_path / "nowhere" / "o.txt")
    assert code == 2 and "nowhere" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.yaml"]


def test_a_write_that_fails_midway_takes_back_the_files_already_placed(tmp_path, monkeypatch):
    """The second rename fails (disk full, say): the first file is removed, and a file that
    --force was replacing comes back as it was."""
    src = tmp_path / "o.yaml"
    shutil.copy(EXAMPLES / "oral-statement.yaml", src)
    docx, txt = tmp_path / "o.docx", tmp_path / "o.txt"
    docx.write_bytes(b"the officer's earlier script")
    real_replace = os.replace
    calls = []

    def failing_replace(a, b):
        calls.append(b)
        if str(b) == str(txt):
            raise OSError(28, "No space left on device", str(b))
        return real_replace(a, b)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(InputError) as e:
        uprdraft.render_oral_statement(src, docx, txt, force=True)
    assert "nothing was written" in str(e.value)
    monkeypatch.setattr(os, "replace", real_replace)
    assert docx.read_bytes() == b"the officer's earlier script"
    assert not txt.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.docx", "o.yaml"]  # no temporary files left


def test_every_output_is_written_when_all_can_be(tmp_path):
    src = tmp_path / "m.yaml"
    shutil.copy(EXAMPLES / "midterm-report.yaml", src)
    for extra in ("recommendations.csv", "recommendations.yaml"):
        if (EXAMPLES / extra).exists():
            shutil.copy(EXAMPLES / extra, tmp_path / extra)
    r = uprdraft.render_midterm_report(src, child_friendly=tmp_path / "cf.docx")
    assert r.ok and Path(r.output).exists() and (tmp_path / "cf.docx").exists()
    assert r.stats["child_friendly"]["output"] == str(tmp_path / "cf.docx")


# --------------------------------------------------------------------------- --ignore through the pipeline
def test_ignore_drops_a_warning_on_a_render_command(tmp_path, cli):
    src = tmp_path / "s.md"
    shutil.copy(EXAMPLES / "written-statement.md", src)
    code, rep = cli.json("statement", "written", src, "--today", "2099-01-01")
    assert code == 0 and "deadline-passed" in [f["code"] for f in rep["findings"]]
    code, rep = cli.json("statement", "written", src, "--today", "2099-01-01", "--force", "--ignore", "deadline-passed")
    assert code == 0 and "deadline-passed" not in [f["code"] for f in rep["findings"]]
    code, rep = cli.json("statement", "written", src, "--force", "--ignore", "word-limit")
    assert code == 2 and "cannot be ignored" in rep["findings"][0]["message"]


def test_new_without_a_kind_lists_the_kinds(cli):
    code, out, err = cli("new")
    assert code == 2 and "written-statement" in err and "action-plan" in err
    code, out, _ = cli("new", "--help")
    assert code == 0 and "Kinds" in out and "midterm-report" in out


def test_python_dash_m_names_itself_uprdraft():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "uprdraft", "--help"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("Usage: uprdraft ")
    version = subprocess.run([sys.executable, "-m", "uprdraft", "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"uprdraft {uprdraft.__version__}"


@pytest.mark.parametrize("text, says", [
    ('written: {word_limit: "lots"}', "written.word_limit"),
    ("nosuch: {a: 1}", "unknown field"),
    ("written: {word_limt: 3}", "did you mean 'word_limit'"),
    ("[1, 2]", "mapping"),
])
def test_a_bad_rules_file_is_one_plain_line(tmp_path, cli, text, says):
    rules = tmp_path / "r.yaml"
    rules.write_text(text + "\n", encoding="utf-8")
    code, out, err = cli("--rules", rules, "validate", EXAMPLES / "written-statement.md", "--today", "2026-01-01")
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1
    assert "Input should" not in err and "internal error" not in err


def test_a_long_report_is_not_refused_by_its_own_self_check(tmp_path):
    """The bounds that protect the checker from hostile Word files (6 MB per XML part, 20,000
    paragraphs) do not apply to a file we wrote from a bounded input."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_big_inputs import midterm_input

    src = midterm_input(tmp_path, 4000)  # its document.xml is about 7.5 MB
    report = uprdraft.render_midterm_report(src, tmp_path / "big.docx")
    assert report.ok and (tmp_path / "big.docx").stat().st_size > 0
