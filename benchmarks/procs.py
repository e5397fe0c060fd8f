"""Whole-process timing for the benchmark scripts: contenders run as child processes,
interleaved round by round (so drift on a busy machine hits every contender alike), with
wall time, CPU time (user + system) and peak memory (``ru_maxrss``, as ``/usr/bin/time -v``
reports it) of each run. Ratios are taken within each round, then their median is given.

The children run the source tree under test (``PYTHONPATH``) with byte-code caching on, in
a private cache folder (``PYTHONPYCACHEPREFIX``): an installed package has its ``.pyc``
files, so a run that recompiled our modules every time would measure something no user
sees.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
_CACHE = tempfile.mkdtemp(prefix="uprdraft-bench-pyc-")


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)  # seconds
    cpu: list[float] = field(default_factory=list)  # seconds, user + system
    rss: list[int] = field(default_factory=list)  # KiB, peak resident set

    def median_ms(self) -> float:
        return statistics.median(self.wall) * 1000

    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000

    def peak_mib(self) -> float:
        return max(self.rss) / 1024


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _CACHE
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra or {})
    return env


def uprdraft_command() -> list[str]:
    """What a user types: the ``uprdraft`` console script beside this Python (it imports the
    package from ``PYTHONPATH`` first), else ``python -m uprdraft``."""
    script = Path(sys.executable).parent / "uprdraft"
    if script.is_file():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "uprdraft"]


def run_once(cmd: Sequence[str], env: Mapping[str, str], cwd: Path | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak KiB) of one run; a failing run stops the benchmark."""
    t = time.perf_counter()
    proc = subprocess.Popen(list(cmd), env=dict(env), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else b""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def interleaved(contenders: Mapping[str, Sequence[str]], rounds: int, env: Mapping[str, str],
                cwd: Path | None = None, warmup: int = 2) -> dict[str, Runs]:
    """Run every contender once per round, the order rotating from round to round."""
    names = list(contenders)
    for _ in range(warmup):
        for name in names:
            run_once(contenders[name], env, cwd)
    out = {name: Runs() for name in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            wall, cpu, rss = run_once(contenders[name], env, cwd)
            out[name].wall.append(wall)
            out[name].cpu.append(cpu)
            out[name].rss.append(rss)
    return out


def ratio(a: Runs, b: Runs, cpu: bool = False) -> float:
    """Median over the rounds of a/b (each round's pair measured back to back)."""
    xs, ys = (a.cpu, b.cpu) if cpu else (a.wall, b.wall)
    return statistics.median(x / y for x, y in zip(xs, ys, strict=True))


def line(name: str, runs: Runs) -> str:
    return (f"  {name:<44} wall median {runs.median_ms():7.1f} ms   cpu median {runs.cpu_ms():7.1f} ms   "
            f"peak {runs.peak_mib():6.1f} MiB")


def verdict(label: str, value: float, target: float) -> str:
    return f"  {label:<44} {value:5.2f}x   (target <= {target:g}x: {'ok' if value <= target else 'MISSED'})"


def instructions(cmd: Sequence[str], env: Mapping[str, str], cwd: Path | None = None) -> int | None:
    """Instructions executed by one run, counted by valgrind (callgrind): the same on a busy
    machine as on an idle one, so ratios of counts are steady where times are not. None
    without valgrind."""
    import re

    if not shutil.which("valgrind"):
        return None
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], env=dict(env),
                          cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    return int(found.group(1)) if found else None


def instruction_ratios(contenders: Mapping[str, Sequence[str]], pairs: Sequence[tuple[str, str, float | None]],
                       env: Mapping[str, str], cwd: Path | None = None) -> None:
    """Print each contender's instruction count and the ratios of ``pairs`` (name, reference, target)."""
    counts = {name: instructions(cmd, env, cwd) for name, cmd in contenders.items()}
    if any(c is None for c in counts.values()):
        print("  (valgrind not found: no instruction counts)")
        return
    for name, count in counts.items():
        print(f"  {name:<44} {count / 1e6:9.1f} M instructions")
    for name, ref, target in pairs:
        value = counts[name] / counts[ref]  # type: ignore[operator]
        text = f"{name} / {ref}, instructions"
        print(verdict(text, value, target) if target else f"  {text:<44} {value:5.2f}x")


def ensure_pandoc() -> str | None:
    """pandoc's path, installed with apt-get when absent (and possible)."""
    found = shutil.which("pandoc")
    if found or not shutil.which("apt-get"):
        return found
    print("pandoc is absent: installing it with apt-get ...", flush=True)
    subprocess.run(["apt-get", "install", "-y", "pandoc"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not shutil.which("pandoc"):
        subprocess.run(["apt-get", "update"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "pandoc"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("pandoc")
