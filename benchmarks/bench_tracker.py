"""The tracker (``uprdraft track``) on the 42,013-row UPR Info export (../shared/corpus).

Targets (issue 15):
- importing the export into an empty SQLite tracker < 3x the time of ``uprdraft import
  recommendations`` on the same file (the reference, measured in the same run);
- ``track list --as-of`` over 42,013 recommendations with 100,000 assessments < 0.5 s;
- ``track stats --by-month`` over the same < 1 s.

The six CSV files of ``upr-info-terman/`` are joined into one file (one header; Mac Roman
bytes and CR line ends kept as they are). The 100,000 assessments are random (fixed seed),
dated over four years, inserted directly. Times are medians of in-process API calls, which
are what the CLI commands run (``list`` includes rendering the default table).

    python benchmarks/bench_tracker.py [--repeat 3] [--db postgresql://...]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from timing import median_seconds  # noqa: E402  (benchmarks/timing.py)


def median_cpu(fn, repeat: int) -> float:
    """Median CPU seconds of this process (less disturbed than wall time on a busy machine)."""
    out = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        out.append(time.process_time() - t)
    return sorted(out)[len(out) // 2]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("UPRDRAFT_CORPUS", ROOT.parent / "shared" / "corpus")) / "upr-info-terman"
STATUSES = ("fully-implemented", "partially-implemented", "not-implemented", "no-data")


def joined_export(folder: Path) -> Path:
    """The six CSV files as one (the header once)."""
    files = sorted(CORPUS.glob("*.csv"))
    if not files:
        sys.exit(f"corpus not found at {CORPUS}")
    parts = []
    for i, f in enumerate(files):
        data = f.read_bytes()
        if i:
            data = data.split(b"\r", 1)[1]
        parts.append(data if data.endswith(b"\r") else data + b"\r")
    out = folder / "uprinfo-all.csv"
    out.write_bytes(b"".join(parts))
    return out


def add_assessments(db: str, n: int, seed: int = 15) -> None:
    import sqlalchemy as sa

    from uprdraft.tracker.db import connect, now
    from uprdraft.tracker.schema import assessments, recommendations

    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    stamp = now()
    with connect(db) as tracker, tracker.write() as conn:
        pks = [r.pk for r in conn.execute(sa.select(recommendations.c.pk))]
        rows = [{"recommendation": rng.choice(pks), "status": rng.choice(STATUSES),
                 "date": start + dt.timedelta(days=rng.randrange(4 * 365)), "evidence": f"evidence {i}",
                 "source": None, "author": "bench", "recorded_at": stamp} for i in range(n)]
        conn.execute(sa.insert(assessments), rows)


AS_OF = "2024-06-30"


def verdict(wall: float, cpu: float, limit: float) -> str:
    return f"target < {limit:g} s: wall {'ok' if wall < limit else 'MISSED'}, CPU {'ok' if cpu < limit else 'MISSED'}"


def measure(api, name: str, db: str, args) -> None:
    """list --as-of (table and JSON) and stats --by-month on one tracker."""
    count = {}

    def listing():
        count["n"] = api.track_list(db=db, as_of=AS_OF, format="table").stats["count"]

    def listing_json():
        api.track_list(db=db, as_of=AS_OF, format="json")

    def by_month():
        count["m"] = len(api.track_stats(db=db, as_of="2025-12-31", by_month=True).stats["by_month"])

    t_list, c_list = median_seconds(listing, args.repeat), median_cpu(listing, args.repeat)
    c_json = median_cpu(listing_json, args.repeat)
    t_stats, c_stats = median_seconds(by_month, args.repeat), median_cpu(by_month, args.repeat)
    print(f"[{name}] {count['n']} recommendations, {args.assessments} assessments")
    print(f"[{name}] track list --as-of {AS_OF} (table)  {t_list:6.3f} s wall, {c_list:6.3f} s CPU   "
          + verdict(t_list, c_list, 0.5))
    print(f"[{name}] track list --as-of {AS_OF} --format json   {c_json:6.3f} s CPU (no target)")
    print(f"[{name}] track stats --by-month ({count['m']} months) {t_stats:6.3f} s wall, {c_stats:6.3f} s CPU   "
          + verdict(t_stats, c_stats, 1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--assessments", type=int, default=100_000)
    ap.add_argument("--db", help="a PostgreSQL URL to measure list and stats there too (its tracker is replaced)")
    args = ap.parse_args()
    from uprdraft import api

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        big = joined_export(tmp)
        out_yaml = tmp / "out.yaml"

        def reference():
            api.import_recommendations(big, out_yaml, force=True)

        runs = {"n": 0}

        def tracker_import():
            runs["n"] += 1
            db = str(tmp / f"import-{runs['n']}.db")
            api.track_init(db)
            t = time.perf_counter()
            report = api.track_import(big, db=db)
            runs["last"] = (time.perf_counter() - t, report.stats, db)

        reference()  # warm caches and imports
        t_ref = median_seconds(reference, args.repeat)
        c_ref = median_cpu(reference, 1)
        times = []
        for _ in range(args.repeat):
            tracker_import()
            times.append(runs["last"][0])
        times.sort()
        t_track = times[len(times) // 2]
        _, stats, db = runs["last"]
        print(f"file: {big.name}, {stats['rows_read']} rows; tracker: inserted {stats['inserted']}, "
              f"skipped {stats['skipped']} {stats['skipped_reasons']}")
        print(f"uprdraft import recommendations   {t_ref:7.3f} s (reference; {c_ref:.3f} s CPU)")
        print(f"uprdraft track import (SQLite)    {t_track:7.3f} s   {t_track / t_ref:4.2f}x reference   "
              f"target < 3x: {'ok' if t_track < 3 * t_ref else 'MISSED'}")
        again = api.track_import(big, db=db).stats
        print(f"import again: inserted {again['inserted']}, unchanged {again['unchanged']}")

        targets = [("SQLite", db)]
        if args.db:
            api.track_init(args.db, force=True)
            t = time.perf_counter()
            api.track_import(big, db=args.db)
            print(f"uprdraft track import (PostgreSQL) {time.perf_counter() - t:7.3f} s")
            targets.append(("PostgreSQL", args.db))
        for name, target in targets:
            add_assessments(target, args.assessments)
            measure(api, name, target, args)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"load average during the run: {load:.1f} on {os.cpu_count()} CPUs (wall times grow with it)")


if __name__ == "__main__":
    main()
