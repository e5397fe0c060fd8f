"""Issue 2 targets, as ratios and medians measured in one run on this machine.

1. `uprdraft --help` start-up within 4x of `python -c pass`.
2. A 2,000-word statement with 30 footnotes loaded, validated, rendered and packaged in
   under 150 ms (in-process, after imports are warm), including the self-check.

    python benchmarks/bench_written.py
"""
from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from timing import timed  # noqa: E402  (benchmarks/timing.py)


def startup(runs: int = 15) -> None:
    bare = lambda: subprocess.run([sys.executable, "-c", "pass"], check=True)  # noqa: E731
    cli = lambda: subprocess.run([sys.executable, "-m", "uprdraft", "--help"], check=True, capture_output=True)  # noqa: E731
    bare(), cli()  # warm the file cache
    ratios, b_all, c_all = [], [], []
    for _ in range(runs):  # interleaved pairs, so drift affects both
        b, c = timed(bare, 1)[0], timed(cli, 1)[0]
        ratios.append(c / b)
        b_all.append(b)
        c_all.append(c)
    print(f"python -c pass      median {statistics.median(b_all) * 1000:7.1f} ms")
    print(f"uprdraft --help     median {statistics.median(c_all) * 1000:7.1f} ms")
    r = statistics.median(ratios)
    print(f"ratio --help / bare median {r:5.2f}x  (target <= 4x: {'ok' if r <= 4 else 'MISSED'})")


def statement(runs: int = 20) -> None:
    from uprdraft import api

    paras = []
    for i in range(30):  # 30 paragraphs, one footnote each
        paras.append(" ".join(f"word{i}x{j}" for j in range(60)) + f"[^n{i}]")
    notes = {f"n{i}": "Report of the Working Group, A/HRC/57/12, para. 115.1." for i in range(30)}
    data = {"kind": "written-statement", "language": "en", "session": 61, "agenda_item": 6,
            "title": "A statement of two thousand words", "organisation": {"name": "NGO", "status": "general"},
            "contact": {"name": "A", "email": "a@example.org"}, "body": "\n\n".join(paras), "footnotes": notes}
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "s.json"
        src.write_text(json.dumps(data))
        out = Path(d) / "s.docx"
        go = lambda: api.render_written_statement(src, output=out, force=True, today=dt.date(2026, 1, 1))  # noqa: E731
        rep = go()
        words = rep.stats["words"]
        t = timed(go, runs)
    med = statistics.median(t) * 1000
    print(f"statement of {words['total']} words ({words['footnotes']} in 30 footnotes): "
          f"median {med:.1f} ms, min {min(t) * 1000:.1f} ms over {runs} runs (target < 150 ms: {'ok' if med < 150 else 'MISSED'})")


if __name__ == "__main__":
    startup()
    statement()
