"""The README's examples are run: every `$ uprdraft ...` line of a ```console block (its
output lines must appear), and every ```python block."""
from __future__ import annotations

import os
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
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("block", blocks("console"))
def test_console_examples(block, workdir, cli):
    lines = block.strip().splitlines()
    i = 0
    while i < len(lines):
        assert lines[i].startswith("$ uprdraft "), lines[i]
        args = shlex.split(lines[i][len("$ uprdraft "):])
        expected = []
        i += 1
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        code, out, err = cli(*args)
        assert code == 0, (args, out, err)
        for line in expected:
            assert line in (out + err), (line, out, err)


@pytest.mark.parametrize("block", blocks("python"))
def test_python_examples(block, workdir):
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})


def test_setup_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    test_cmd = 'python -m pip install -e ".[test]" && python -m pytest'
    assert test_cmd in README
    assert test_cmd in ci
