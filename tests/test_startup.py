"""What a command-line run loads, beyond what it needs (times are measured in benchmarks/)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys
from pydantic.plugin import _loader
from uprdraft.cli import main
try:
    main(sys.argv[1:], prog_name="uprdraft")
except SystemExit:
    pass
print("scanned" if _loader._plugins is not None else "not scanned", file=sys.stderr)
"""


def _run(env_extra: dict[str, str], tmp_path: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"} | env_extra
    example = ROOT / "examples" / "written-statement.md"
    done = subprocess.run([sys.executable, "-c", PROBE, "validate", str(example)], capture_output=True, text=True,
                          env=env, cwd=tmp_path)
    return done.stderr.strip().splitlines()[-1]


def test_a_command_does_not_scan_installed_packages_for_pydantic_plugins(tmp_path):
    assert _run({}, tmp_path) == "not scanned"


def test_pydantic_plugins_come_back_when_the_variable_is_set(tmp_path):
    assert _run({"PYDANTIC_DISABLE_PLUGINS": ""}, tmp_path) == "scanned"
