"""Big inputs, whole process (issue 14): a mid-term report with N inline recommendations
and an action plan with N inline items, each made by ``uprdraft`` in its own process.

    python benchmarks/bench_big_inputs.py [--sizes 10,100,1000,5000] [--plan-sizes 10,100,1000,3000]
                                          [--repeat 3] [--src SRC] [--before SRC]

``--src`` runs another checkout's sources; ``--before SRC`` runs SRC too, interleaved, and
prints the ratio (e.g. ``--before ../other-checkout/src``).
Each process reads compiled bytecode, as an installed uprdraft does: it is written to a
temporary cache (``PYTHONPYCACHEPREFIX``) by one run per source before the timed ones, even
where ``PYTHONDONTWRITEBYTECODE`` is set (then every process would compile uprdraft's
sources again, a tenth of a second); ``--no-bytecode`` measures that instead.
Prints, per size, the median wall time of the whole ``uprdraft`` process, its peak resident
memory (the child's maximum RSS), and seconds per 1,000 rows, so linear growth shows.
Targets: mid-term report, 5,000 recommendations <= 2.5 s and <= 200 MiB; plan, 3,000
items <= 3 s.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THEMES = ["Education", "Violence against children", "Juvenile justice", "Health", "Birth registration",
          "Child labour", "Children with disabilities", "Migrant children"]
STATUSES = ["fully-implemented", "partially-implemented", "not-implemented", "no-data"]

MIDTERM_HEAD = """\
kind: midterm-report
language: en
title: "Mid-term report: the rights of the child in Norvalia"
state_under_review: Norvalia
cycle: 4
review_date: 2024-01-24
wg_report_symbol: A/HRC/56/12
organisation:
  name: Norvalia Child Rights Coalition
  status: special
summary: |
  Two and a half years after its fourth review, Norvalia has acted on most recommendations.
methodology: |
  The coalition compared each recommendation with laws, budgets and official statistics.
conclusions: |
  Much remains to be done before the fifth review.
recommendations:
"""

PLAN_HEAD = """\
kind: action-plan
language: en
title: "Follow-up plan: the rights of the child in Ruritania"
organisation:
  name: Child Rights Alliance for Ruritania
  status: special
state_under_review: Ruritania
cycle: 4
review_date: 2024-11-12
items:
"""


def midterm_input(folder: Path, n: int) -> Path:
    rows = []
    for i in range(n):
        themes = [THEMES[i % len(THEMES)]] + ([THEMES[(i + 3) % len(THEMES)]] if i % 4 == 0 else [])
        rows.append(
            f'  - id: "{115 + i // 300}.{i % 300 + 1}"\n'
            f"    text: Take all necessary measures to guarantee the rights of every child under recommendation {i}, "
            "including through adequate budget allocations and the participation of children.\n"
            "    recommending_states:\n      - Chile\n      - Ghana\n      - Norway\n"
            f"    response: {'supported' if i % 5 else 'noted'}\n"
            "    themes:\n" + "".join(f"      - {t}\n" for t in themes) +
            f"    status: {STATUSES[i % 4]}\n"
            "    assessment: The ministry adopted a plan in 2025, but no budget line exists and children in rural "
            "areas are not yet reached.\n"
            '    sources:\n      - "Ministry of Education, annual report 2025"\n')
    p = folder / f"midterm-{n}.yaml"
    p.write_text(MIDTERM_HEAD + "".join(rows), encoding="utf-8")
    return p


def plan_input(folder: Path, n: int) -> Path:
    rows = []
    for i in range(n):
        rows.append(
            "  - recommendation:\n"
            f'      id: "{115 + i // 300}.{i % 300 + 1}"\n'
            f"      text: Take all necessary measures to guarantee the rights of every child ({i}).\n"
            "      recommending_states:\n        - Chile\n"
            "      response: supported\n"
            "    expected_results:\n      - Every child knows how to complain, in her own language\n"
            "    action_types:\n      - legislative\n      - awareness\n"
            "    actors:\n      - Ministry of Justice\n      - Parliament\n"
            "    lead: Ministry of Justice\n"
            "    indicators:\n      - Amendment adopted\n"
            "    milestones:\n"
            "      - date: 2025-06-30\n        what: Draft amendment shared with the ministry\n"
            "      - date: 2026-03-31\n        what: Bill tabled in Parliament\n"
            '    budget: "EUR 15,000"\n'
            f"    status: {STATUSES[i % 3]}\n")
    p = folder / f"plan-{n}.yaml"
    p.write_text(PLAN_HEAD + "".join(rows), encoding="utf-8")
    return p


BYTECODE: dict[str, str] = {}  # the environment that gives the children a bytecode cache


def run_once(args: list[str], src: Path) -> tuple[float, float]:
    """(seconds, peak MiB of the child) of one whole ``uprdraft`` process."""
    env = dict(os.environ, PYTHONPATH=str(src))
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(BYTECODE)
    code = ("import resource, sys, time; t = time.perf_counter()\n"
            "from uprdraft.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    rc = e.code\n"
            "else:\n    rc = 0\n"
            "sys.stderr.write(f'\\n@@{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
            "sys.exit(rc)")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False)
    dt = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"uprdraft {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    peak_kib = int(proc.stderr.rsplit("@@", 1)[1].split()[0])
    return dt, peak_kib / 1024


def measure(label: str, make, command: list[str], sizes: list[int], repeat: int, sources: dict[str, Path],
            folder: Path) -> None:
    print(f"\n{label}")
    print(f"{'rows':>6} {'sources':>8} {'seconds':>8} {'peak MiB':>9} {'s / 1,000 rows':>15}")
    for n in sizes:
        path = make(folder, n)
        runs: dict[str, list] = {name: [] for name in sources}
        for _ in range(repeat):  # interleaved, so a busy machine slows both alike
            for name, src in sources.items():
                out = folder / f"{path.stem}-{name}.docx"
                runs[name].append(run_once([*command, str(path), "-o", str(out), "--force"], src))
        for name, got in runs.items():
            secs = statistics.median(r[0] for r in got)
            peak = max(r[1] for r in got)
            print(f"{n:>6} {name:>8} {secs:>8.2f} {peak:>9.0f} {secs / n * 1000:>15.3f}")
        if len(runs) == 2:
            (a, ra), (b, rb) = runs.items()
            print(f"{'':>6} {'ratio':>8} {statistics.median(r[0] for r in rb) / statistics.median(r[0] for r in ra):>8.2f}"
                  f"  ({b} / {a})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000,5000")
    ap.add_argument("--plan-sizes", default="10,100,1000,3000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--src", type=Path, default=ROOT / "src")
    ap.add_argument("--before", type=Path, help="another checkout's src to compare with (e.g. ../other-checkout/src)")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="let the environment decide whether compiled bytecode is written and read")
    a = ap.parse_args()
    sources = {"before": a.before, "after": a.src} if a.before else {"this": a.src}
    print(f"sources: {', '.join(f'{k}={v}' for k, v in sources.items())}; median of {a.repeat} whole processes; "
          "peak = the child's maximum RSS; " + ("bytecode as the environment says" if a.no_bytecode
                                                 else "bytecode cached, as installed"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not a.no_bytecode:
            BYTECODE["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
            for name, src in sources.items():  # writes the cache; not timed
                for command, made in ((["report", "midterm"], midterm_input(folder, 10)), (["plan"], plan_input(folder, 10))):
                    run_once([*command, str(made), "-o", str(folder / f"warm-{name}.docx"), "--force"], src)
        measure("mid-term report (target: 5,000 recommendations <= 2.5 s, <= 200 MiB)", midterm_input,
                ["report", "midterm"], [int(s) for s in a.sizes.split(",")], a.repeat, sources, folder)
        measure("action plan (target: 3,000 items <= 3 s)", plan_input, ["plan"],
                [int(s) for s in a.plan_sizes.split(",")], a.repeat, sources, folder)


if __name__ == "__main__":
    _ = resource  # the child reports its own peak through getrusage
    main()
