"""Issue 14: ``uprdraft --help`` and ``uprdraft --version`` within 1.25x of
``python -c "import click"`` (whole processes, interleaved, medians of per-round ratios).

    python benchmarks/bench_startup.py [ROUNDS] [--instructions]

With ``--instructions`` the runs are also counted by valgrind (instructions executed): on
a busy machine these ratios stay steady where times drift.
"""
from __future__ import annotations

import sys

from procs import child_env, instruction_ratios, interleaved, line, ratio, uprdraft_command, verdict

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
    if "--instructions" in sys.argv:
        ref = 'python -c "import click"'
        instruction_ratios({k: contenders[k] for k in (ref, "uprdraft --help", "uprdraft --version")},
                           [("uprdraft --help", ref, TARGET), ("uprdraft --version", ref, TARGET)], child_env())


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 25)
