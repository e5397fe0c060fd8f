"""The README's examples are run: every `$ uprdraft ...` line of a ```console block (its
output lines must appear), and every ```python block."""
from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(console|python)\n(.*?)```", re.S)


def blocks(kind: str) -> list[str]:
    return [body for k, body in BLOCK.findall(README) if k == kind]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "out").mkdir()  # example outputs go to out/, ignored by git
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("block", blocks("console"))
def test_console_examples(block, workdir):
    """Each `$ uprdraft ...` line runs, and what it prints (stdout and stderr as a terminal shows
    them) is exactly the lines below it; `# exit N` at the end of the line gives its exit code."""
    from click.testing import CliRunner

    from uprdraft.cli import main

    lines = block.strip().splitlines()
    i = 0
    while i < len(lines):
        assert lines[i].startswith("$ uprdraft "), lines[i]
        command, _, comment = lines[i][len("$ uprdraft "):].partition("  # exit ")
        want_code = int(comment) if comment else 0
        args = shlex.split(command)
        expected = []
        i += 1
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        res = CliRunner().invoke(main, args, catch_exceptions=False)
        assert res.exit_code == want_code, (args, res.output)
        got = res.output.splitlines()
        # "..." in an expected line stands for text that changes from run to run (a timestamp)
        assert len(got) == len(expected) and all(
            re.fullmatch(".*".join(map(re.escape, want.split("..."))), line) for want, line in zip(expected, got)
        ), (args, res.output)


@pytest.mark.parametrize("block", blocks("python"))
def test_python_examples(block, workdir):
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})


def test_setup_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    test_cmd = 'python -m pip install -e ".[test]" && python -m pytest'
    assert test_cmd in README
    assert test_cmd in ci
