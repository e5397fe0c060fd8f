"""Issue 14: ``uprdraft --help`` and ``uprdraft --version`` within 1.25x of
``python -c "import click"`` (whole processes, interleaved, medians of per-round ratios).

    python benchmarks/bench_startup.py [ROUNDS]
"""
from __future__ import annotations

import sys

from procs import child_env, interleaved, line, ratio, uprdraft_command, verdict

TARGET = 1.25


def main(rounds: int = 25) -> None:
    cli = uprdraft_command()
    contenders = {
        "python -c pass": [sys.executable, "-c", "pass"],
        'python -c "import click"': [sys.executable, "-c", "import click"],
        "uprdraft --help": [*cli, "--help"],
        "uprdraft --version": [*cli, "--version"],
        "uprdraft statement written --help": [*cli, "statement", "written", "--help"],
    }
    res = interleaved(contenders, rounds, child_env())
    print(f"start-up, {rounds} interleaved rounds")
    for name, runs in res.items():
        print(line(name, runs))
    click = res['python -c "import click"']
    for name in ("uprdraft --help", "uprdraft --version", "uprdraft statement written --help"):
        print(verdict(f"{name} / import click", ratio(res[name], click), TARGET))
    for name in ("uprdraft --help", "uprdraft --version"):
        print(f"  {name + ' / import click, cpu':<44} {ratio(res[name], click, cpu=True):5.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 25)
