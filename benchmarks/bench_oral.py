"""Issue 4 target: rendering an oral statement in under 100 ms.

Measured in one run on this machine, imports warm, medians over repeated runs:

- baseline: ``render_template`` of the oral-statement template with a ready context (the
  floor of the shared renderer: docxtpl + deterministic packaging);
- script: context building + the same render (``render.oral.render_script``);
- full: ``render_oral_statement`` on the example (load, rules, script, self-check with the
  project checker, atomic writes of the .docx and the .txt): the target.

    python benchmarks/bench_oral.py
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from timing import timed  # noqa: E402  (benchmarks/timing.py)

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 100


def main(runs: int = 30) -> int:
    from uprdraft import render_oral_statement
    from uprdraft.context import make_context
    from uprdraft.kinds.oral import oral_timing
    from uprdraft.load import load
    from uprdraft.render.docx_render import render_template
    from uprdraft.render.oral import TEMPLATE, render_script, script_context

    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "oral-statement.yaml"
        shutil.copy(ROOT / "examples" / "oral-statement.yaml", src)
        model, _ = load(src, "oral-statement")
        timing = oral_timing(model)
        run = make_context()
        ctx = script_context(model, timing, run.rules)

        def baseline():
            render_template(TEMPLATE, "en", ctx, title="t", author="a", language="en")

        def script():
            render_script(model, oral_timing(model), run)

        def full():
            render_oral_statement(src, text_output=Path(d) / "o.txt", force=True)

        for fn in (baseline, script, full):  # warm imports and caches
            fn()
        results = {name: statistics.median(timed(fn, runs)) * 1000
                   for name, fn in (("baseline", baseline), ("script", script), ("full", full))}
    base = results["baseline"]
    print(f"words in the example: {timing['words']}, runs per measure: {runs}")
    for name, ms in results.items():
        print(f"{name:9s} median {ms:7.1f} ms   ratio to baseline {ms / base:5.2f}x")
    ok = results["full"] < TARGET_MS
    print(f"full render under {TARGET_MS} ms: {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
