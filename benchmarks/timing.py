"""Timing helpers shared by the benchmark scripts (in-process, perf_counter, medians)."""
from __future__ import annotations

import statistics
import time


def timed(fn, runs: int) -> list[float]:
    """Seconds taken by each of ``runs`` calls of ``fn``."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def median_ms(fn, repeat: int, warmup: bool = False) -> float:
    """Median milliseconds of ``repeat`` calls (after one uncounted call with ``warmup``)."""
    if warmup:
        fn()
    return statistics.median(timed(fn, repeat)) * 1000


def median_seconds(fn, repeat: int) -> float:
    return statistics.median(timed(fn, repeat))
