"""`uprdraft import recommendations` against `csv.reader`, whole process, on the UPR Info corpus.

The 42,013-row file is the six UPR Info exports of ../shared/corpus/upr-info-terman (Mac
Roman, CR line ends) joined under one header, byte for byte. Smaller files (10, 100, 1,000,
5,000, 10,000, 20,000 rows) are its first rows, written back in the same encoding and line
ends, to show that the time grows linearly.

For each size, in the same run and interleaved, the medians of ``--repeat`` fresh processes:

- uprdraft: ``python -m uprdraft import recommendations FILE -o OUT.yaml --force`` (encoding
  detection, CSV, every row checked and built, the YAML written);
- reference: ``python -c`` reading the same bytes, decoding them as Mac Roman (the encoding
  uprdraft detects), and counting the rows of ``csv.reader``.

Printed: both medians, the ratio (target <= 4x), the time per row, and the peak memory (RSS)
of each process (target <= 150 MiB for the 42,013 rows). Then, in-process, the import and
the YAML writing apart, and a check that reading the YAML back gives exactly the same
recommendations (texts and fields).

The package is compiled to bytecode first (``compileall``, into the ignored ``__pycache__``
folders), as an installed package is: with PYTHONDONTWRITEBYTECODE set, every process would
otherwise compile uprdraft's source again, which no user's process does.

    python benchmarks/bench_import.py [--repeat 5] [--sizes 10,100,1000,5000,10000,20000,42013]
"""
from __future__ import annotations

import argparse
import compileall
import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("UPRDRAFT_CORPUS", ROOT.parent / "shared" / "corpus")) / "upr-info-terman"
MIB = 1 << 20

BASELINE = """
import csv, io, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("mac_roman").replace("\\r\\n", "\\n").replace("\\r", "\\n")
print(sum(1 for _ in csv.reader(io.StringIO(text))) - 1)
"""


def joined_file(folder: Path) -> Path:
    """The six exports under one header, byte for byte (CR line ends, Mac Roman)."""
    parts = []
    for i, f in enumerate(sorted(CORPUS.glob("*.csv"))):
        data = f.read_bytes().rstrip(b"\r\n")
        if i:
            data = data.split(b"\r", 1)[1]
        parts.append(data)
    out = folder / "uprinfo-42013.csv"
    out.write_bytes(b"\r".join(parts) + b"\r")
    return out


def first_rows(full: Path, n: int, folder: Path) -> Path:
    text = full.read_bytes().decode("mac_roman").replace("\r", "\n")
    rows = list(csv.reader(io.StringIO(text)))
    if n >= len(rows) - 1:
        return full
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r").writerows(rows[: n + 1])
    out = folder / f"uprinfo-{n}.csv"
    out.write_bytes(buf.getvalue().encode("mac_roman"))
    return out


# A small launcher runs each process and reports its time and peak RSS: measured from the
# benchmark itself, a child would inherit the benchmark's own (large) peak at fork.
LAUNCHER = """
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
s = time.perf_counter() - t
if p.returncode:
    sys.exit(p.stderr.decode())
print(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one process."""
    p = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True, env=env)
    if p.returncode:
        sys.exit(f"{' '.join(cmd)} failed: {p.stderr}")
    seconds, kib = p.stdout.split()
    return float(seconds), float(kib) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", default="10,100,1000,5000,10000,20000,42013")
    args = ap.parse_args()
    if not list(CORPUS.glob("*.csv")):
        sys.exit(f"corpus not found at {CORPUS}")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        full = joined_file(folder)
        sizes = [int(s) for s in args.sizes.split(",")]
        print(f"{'rows':>6}  {'uprdraft':>9}  {'csv.reader':>10}  {'ratio':>6}  {'per row':>8}  "
              f"{'peak RSS':>9}  {'ref RSS':>8}")
        for n in sizes:
            f = first_rows(full, n, folder)
            ours, base, mem, base_mem = [], [], [], []
            for _ in range(args.repeat):  # interleaved: both see the same machine
                s, m = run([sys.executable, "-m", "uprdraft", "import", "recommendations", str(f), "-o",
                            str(folder / "out.yaml"), "--force"], env)
                ours.append(s)
                mem.append(m)
                s, m = run([sys.executable, "-c", BASELINE, str(f)], env)
                base.append(s)
                base_mem.append(m)
            a, b = statistics.median(ours), statistics.median(base)
            verdict = "" if n < 42013 else (
                f"   target <= 4x: {'ok' if a / b <= 4 else 'MISSED'}; <= 150 MiB: "
                f"{'ok' if max(mem) <= 150 else 'MISSED'}")
            print(f"{n:>6}  {a * 1000:>7.0f}ms  {b * 1000:>8.0f}ms  {a / b:>5.1f}x  "
                  f"{a / max(n, 1) * 1e6:>6.1f}us  {max(mem):>6.0f}MiB  {max(base_mem):>5.0f}MiB{verdict}")
        in_process(full, args.repeat)


def in_process(full: Path, repeat: int) -> None:
    """The import and the YAML writing apart, and the round trip of every text."""
    sys.path.insert(0, str(ROOT / "src"))
    import yaml

    from uprdraft.importers import import_recommendations, write_recommendations_yaml
    from uprdraft.importers.read import load_yaml
    from uprdraft.models.recommendation import Recommendation

    def timed(fn, times=repeat):
        out = []
        for _ in range(times):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
        return statistics.median(out)

    got: dict = {}
    t_import = timed(lambda: got.__setitem__("r", import_recommendations(full)))
    t_write = timed(lambda: got.__setitem__("y", write_recommendations_yaml(got["r"])))
    # the 42,013 rows make more values than limits.yaml_nodes allows by default: raised here
    from uprdraft.rules import from_mapping

    big = from_mapping({"limits": {"yaml_nodes": 10_000_000, "text_bytes": 100_000_000}})
    t_parse = timed(lambda: got.__setitem__("tree", load_yaml(got["y"], full, big)), 1)
    result = got["r"].data
    loader = "C" if getattr(yaml, "__with_libyaml__", False) else "pure-Python"
    print(f"in-process, {result.rows_read} rows: import {t_import * 1000:.0f} ms, YAML written "
          f"{t_write * 1000:.0f} ms ({len(got['y']) / MIB:.1f} MiB), read back by PyYAML's {loader} loader "
          f"{t_parse * 1000:.0f} ms")
    # the texts read back, made into recommendations as uprdraft.importers does for any YAML
    # (read_recommendations itself refuses a text over limits.text_bytes, 10 MB)
    back = [Recommendation.model_validate(d) for d in got["tree"]["recommendations"]]
    back_vols = [Recommendation.model_validate(d) for d in got["tree"].get("voluntary_commitments", [])]
    same = back == result.recommendations and back_vols == result.voluntary_commitments
    print(f"read back: {len(back)} recommendations and {len(back_vols)} voluntary commitments, "
          f"{'identical' if same else 'DIFFERENT'} texts and fields")


if __name__ == "__main__":
    main()
