"""Import of the 42,013 UPR Info rows (../shared/corpus/upr-info-terman), target < 5 s.

Measures, as medians over repeated runs: encoding detection, import (decode + CSV + models),
writing the YAML, reading it back (PyYAML's C loader vs ruamel on a 500-row slice), and the peak
memory (tracemalloc) of one full import. Baseline in the same run: decoding plus csv.reader
of the same bytes, the floor any importer pays.

    python benchmarks/bench_import.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path
from timing import median_seconds as median_time  # noqa: E402  (benchmarks/timing.py)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("UPRDRAFT_CORPUS", ROOT.parent / "shared" / "corpus")) / "upr-info-terman"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(CORPUS.glob("*.csv"))
    if not files:
        sys.exit(f"corpus not found at {CORPUS}")
    from uprdraft.encoding import detect
    from uprdraft.importers import import_recommendations, read_recommendations, write_recommendations_yaml

    blobs = [f.read_bytes() for f in files]

    def baseline():
        n = 0
        for b in blobs:
            text = b.decode("mac_roman").replace("\r", "\n")
            n += sum(1 for _ in csv.reader(io.StringIO(text))) - 1
        return n

    def detect_all():
        return [detect(b) for b in blobs]

    results = {}

    def import_all():
        results["r"] = [import_recommendations(f).data for f in files]

    def write_all():
        results["y"] = [write_recommendations_yaml(r) for r in results["r"]]

    rows = baseline()
    t_base = median_time(baseline, args.repeat)
    t_detect = median_time(detect_all, args.repeat)
    t_import = median_time(import_all, args.repeat)
    t_write = median_time(write_all, args.repeat)
    imported = sum(r.imported for r in results["r"])

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "all.yaml"
        big.write_text(results["y"][1], encoding="utf-8")
        t_read = median_time(lambda: read_recommendations(big), args.repeat)
        n_read = len(read_recommendations(big))
        # ruamel (what the loader falls back to on errors) on a 500-row slice: it is too slow
        # for the whole file
        from uprdraft.importers.read import load_yaml
        from uprdraft.load import _parse_yaml

        small = write_recommendations_yaml(results["r"][1].recommendations[:500])
        t_small_fast = median_time(lambda: load_yaml(small, big), args.repeat)
        t_small_ruamel = median_time(lambda: _parse_yaml(small, big), max(1, args.repeat // 2))

    tracemalloc.start()
    import_all()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"rows: {rows} in {len(files)} files; imported {imported}")
    print(f"baseline decode + csv.reader   {t_base * 1000:8.1f} ms")
    print(f"encoding detection (6 files)   {t_detect * 1000:8.1f} ms")
    print(f"import_recommendations (all)   {t_import * 1000:8.1f} ms   {t_import / t_base:5.1f}x baseline   "
          f"target < 5000 ms: {'ok' if t_import < 5 else 'MISSED'}")
    print(f"write_recommendations_yaml     {t_write * 1000:8.1f} ms")
    print(f"import + write                 {(t_import + t_write) * 1000:8.1f} ms")
    print(f"read back YAML ({n_read} recs)  {t_read * 1000:8.1f} ms")
    print(f"parse 500 recs: PyYAML C       {t_small_fast * 1000:8.1f} ms; ruamel {t_small_ruamel * 1000:8.1f} ms "
          f"({t_small_ruamel / t_small_fast:5.1f}x slower)")
    print(f"peak memory of one full import {peak / 2**20:8.1f} MiB (tracemalloc)")


if __name__ == "__main__":
    main()
