from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# In CI the property tests and fuzzers run a fixed set of examples (derandomized): a run that
# passed here passes there. Locally they keep exploring new examples on every run.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

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


# --------------------------------------------------------------------------- every code registered
# Every Finding created while the tests run (in this process) is recorded; at the end of the
# session an unregistered code, or a severity other than the code's registered one, fails the run.
_SEEN_FINDINGS: dict[tuple[str, str], str] = {}  # (code, severity) -> the test that first made it


def pytest_sessionstart(session):
    import uprdraft.findings as findings_module

    original = findings_module.Finding.__init__

    def recording_init(self, code, severity, *args, **kwargs):
        original(self, code, severity, *args, **kwargs)
        key = (code, severity)
        if key not in _SEEN_FINDINGS:
            _SEEN_FINDINGS[key] = os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0]

    findings_module.Finding.__init__ = recording_init


def unregistered_findings() -> list[str]:
    """Findings made so far whose code is unknown or whose severity is not the registered one."""
    from uprdraft.codes import CODES

    bad = []
    for (code, severity), where in sorted(_SEEN_FINDINGS.items()):
        known = CODES.get(code)
        if known is None:
            bad.append(f"{code!r} ({severity}) is not registered in src/uprdraft/codes.py; first made in {where}")
        elif known.severity != severity:
            bad.append(f"{code!r} is registered as {known.severity} but was made as {severity} in {where}")
    return bad


def pytest_sessionfinish(session, exitstatus):
    bad = unregistered_findings()
    if bad:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = ["findings with unregistered codes (register them in src/uprdraft/codes.py):", *bad]
        if reporter is not None:
            reporter.write_line("")
            for line in lines:
                reporter.write_line(line, red=True)
        else:
            print("\n".join(lines), file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
