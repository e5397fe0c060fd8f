"""Mid-term report at scale: 400 recommendations rendered in under 1 s (issue 5).

    python benchmarks/bench_midterm.py [--n 400] [--repeat 7]

Prints medians over repeated runs of each stage (load + validate, statistics + grouping,
render, self-check with check_docx, and the whole ``render_midterm_report`` call writing the
file), the ratio of each to the same stage for the 10-recommendation example measured in the
same run, and the peak memory (tracemalloc: Python allocations during one whole call; and
the process's maximum resident set size).
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import median_ms  # noqa: E402  (benchmarks/timing.py)

from uprdraft.context import make_context  # noqa: E402
from uprdraft.docx_check import check_docx  # noqa: E402
from uprdraft.kinds.midterm import (
    check,
    group_by_theme,
    load_midterm,
    midterm_statistics,
    render_midterm_report,  # noqa: E402
)
from uprdraft.render.midterm import render_report  # noqa: E402

EXAMPLE = ROOT / "examples" / "midterm-report.yaml"
THEMES = ["Education", "Violence against children", "Juvenile justice", "Health", "Birth registration",
          "Child labour", "Children with disabilities", "Migrant children"]
STATUSES = ["fully-implemented", "partially-implemented", "not-implemented", "no-data"]


def big_input(folder: Path, n: int) -> Path:
    head = EXAMPLE.read_text(encoding="utf-8").split("recommendations:\n")[0]
    tail = "voluntary_commitments:" + EXAMPLE.read_text(encoding="utf-8").split("voluntary_commitments:")[1]
    recs = []
    for i in range(n):
        themes = [THEMES[i % len(THEMES)]] + ([THEMES[(i + 3) % len(THEMES)]] if i % 4 == 0 else [])
        recs.append(
            f'  - id: "{115 + i // 300}.{i % 300 + 1}"\n'
            f"    text: Take all necessary measures to guarantee the rights of every child under recommendation {i}, "
            "including through adequate budget allocations and the participation of children.\n"
            f"    recommending_states: [Chile, Ghana, Norway]\n"
            f"    response: {'supported' if i % 5 else 'noted'}\n"
            f"    themes: [{', '.join(themes)}]\n"
            f"    status: {STATUSES[i % 4]}\n"
            "    assessment: The ministry adopted a plan in 2025, but no budget line exists and children in rural "
            "areas are not yet reached.\n"
            '    sources: ["Ministry of Education, annual report 2025"]\n')
    p = folder / f"midterm-{n}.yaml"
    p.write_text(head + "recommendations:\n" + "".join(recs) + tail, encoding="utf-8")
    return p


def big_csv_input(folder: Path, n: int) -> Path:
    """The same report with its recommendations in a CSV (the uprdraft template columns)."""
    import csv

    from uprdraft.kinds.midterm import load_midterm as _load

    recs = _load(big_input(folder, n)).recommendations
    csv_path = folder / f"recs-{n}.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "recommending_states", "response", "themes", "status", "assessment", "sources"])
        for r in recs:
            w.writerow([r.id, r.text, "; ".join(r.recommending_states), r.response, "; ".join(r.themes), r.status,
                        r.assessment, "; ".join(r.sources)])
    text = EXAMPLE.read_text(encoding="utf-8")
    head, tail = text.split("recommendations:\n")[0], "voluntary_commitments:" + text.split("voluntary_commitments:")[1]
    p = folder / f"midterm-{n}-csv.yaml"
    p.write_text(head + f"recommendations_file: {csv_path.name}\n" + tail, encoding="utf-8")
    return p


def stages(path: Path, out: Path, repeat: int) -> dict[str, float]:
    loaded = load_midterm(path)
    data = render_report(loaded, make_context())
    return {
        "load + validate": median_ms(lambda: check(load_midterm(path)), repeat, warmup=True),
        "statistics + grouping": median_ms(lambda: (midterm_statistics(loaded.recommendations),
                                                    group_by_theme(loaded.recommendations)), repeat),
        "render .docx": median_ms(lambda: render_report(loaded, make_context()), repeat, warmup=True),
        "check_docx": median_ms(lambda: check_docx(data, profile="hrc-report"), repeat, warmup=True),
        "whole call (writes file)": median_ms(lambda: render_midterm_report(path, output=out, force=True), repeat, warmup=True),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = big_input(tmp, args.n)
        big_csv = big_csv_input(tmp, args.n)
        base = stages(EXAMPLE, tmp / "base.docx", args.repeat)
        large = stages(big_csv, tmp / "big.docx", args.repeat)
        inline = stages(big, tmp / "big.docx", args.repeat)
        tracemalloc.start()
        render_midterm_report(big_csv, output=tmp / "big.docx", force=True)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = (tmp / "big.docx").stat().st_size
    print(f"mid-term report, median of {args.repeat} runs (ms); baseline = the 10-recommendation example;")
    print(f"{args.n} recommendations from recommendations_file (CSV), and listed inline in the YAML")
    print(f"{'stage':28} {'10 recs':>9} {'CSV':>8} {'ratio':>7} {'inline':>8} {'ratio':>7}")
    for k in base:
        print(f"{k:28} {base[k]:9.1f} {large[k]:8.1f} {large[k] / base[k]:7.1f} {inline[k]:8.1f} "
              f"{inline[k] / base[k]:7.1f}")
    verdict = "PASS" if large["whole call (writes file)"] < 1000 else "FAIL"
    print(f"target: {args.n} recommendations (CSV) in under 1 s (whole call): {verdict}")
    print("inline YAML: 'load + validate' is ruamel.yaml's round-trip parser (kept for file:line:col)")
    print(f"output size {size / 1024:.0f} KiB; peak Python memory during one call {peak / 2**20:.1f} MiB; "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
