from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = Path(os.environ.get("UPRDRAFT_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture
def corpus() -> Path:
    """The shared real-file corpus; tests using it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set UPRDRAFT_CORPUS)")
    return CORPUS


class Cli:
    """Run the CLI in-process (fast) and return (exit_code, stdout, stderr)."""

    def __call__(self, *args, input=None):
        from uprdraft.cli import main

        runner = CliRunner()
        res = runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
        return res.exit_code, res.stdout, res.stderr

    def json(self, *args):
        code, out, err = self(*args, "--json")
        return code, json.loads(out)


@pytest.fixture
def cli() -> Cli:
    return Cli()


def run_process(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    """Run ``python -m uprdraft ...`` in a fresh process."""
    return subprocess.run([sys.executable, "-m", "uprdraft", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
