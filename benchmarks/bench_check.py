"""Benchmark of uprdraft check (targets: a 2,000-word statement < 50 ms; the corpus < 15 s).

Run: python benchmarks/bench_check.py [--repeat N]
Prints medians, runs per second, and the ratio to a python-docx baseline measured in the
same run (opening the file and reading every run's direct font, which resolves nothing).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the test-file builder

from docx_build import make_docx  # noqa: E402  (tests/docx_build.py)
from timing import median_ms  # noqa: E402  (benchmarks/timing.py)

from uprdraft.docx_check import check_docx, fix_docx  # noqa: E402
from uprdraft.findings import InputError  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
WORDS = ("the State under review should adopt a national action plan on the rights of the child "
         "and ensure that every recommendation is followed").split()


def statement(words: int = 2000, runs_per_para: int = 6, words_per_para: int = 100) -> bytes:
    paras, n = [], 0
    while n < words:
        chunk = [WORDS[(n + i) % len(WORDS)] for i in range(words_per_para)]
        n += len(chunk)
        size = len(chunk) // runs_per_para + 1
        runs = "".join(f'<w:r><w:t xml:space="preserve">{" ".join(chunk[i:i + size])} </w:t></w:r>'
                       for i in range(0, len(chunk), size))
        paras.append(f"<w:p>{runs}</w:p>")
    return make_docx("".join(paras))


def baseline(data: bytes) -> None:
    import io

    import docx

    d = docx.Document(io.BytesIO(data))
    for p in d.paragraphs:
        for r in p.runs:
            _ = (r.font.name, r.font.size, r.bold)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    import docx  # noqa: F401  (import cost outside the timings)

    data = statement()
    report = check_docx(data)
    runs = report.stats["runs"]
    ours = median_ms(lambda: check_docx(data), args.repeat)
    base = median_ms(lambda: baseline(data), args.repeat)
    print(f"2,000-word statement ({report.stats['words']['total']} words, {runs} runs): check median "
          f"{ours:.1f} ms (target < 50 ms), {runs / ours * 1000:,.0f} runs/s; python-docx direct-only "
          f"baseline {base:.1f} ms; ratio {ours / base:.2f}")

    big = statement(18000, runs_per_para=8)
    r = check_docx(big)
    t = median_ms(lambda: check_docx(big), max(3, args.repeat // 5))
    print(f"18,000-word document ({r.stats['runs']} runs): check median {t:.1f} ms, "
          f"{r.stats['runs'] / t * 1000:,.0f} runs/s")

    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}; skipped")
        return
    files = sorted(CORPUS.glob("docx-*/*.docx"))
    totals, crashes, refused, total_runs = [], 0, 0, 0
    for _ in range(3):
        t = time.perf_counter()
        total_runs = 0
        for f in files:
            try:
                total_runs += check_docx(f).stats["runs"]
            except InputError:
                refused += 1
            except Exception as e:  # noqa: BLE001 - a crash is what we count here
                crashes += 1
                print(f"CRASH {f.name}: {type(e).__name__}: {e}")
        totals.append(time.perf_counter() - t)
    tc = statistics.median(totals)
    print(f"corpus: {len(files)} files checked in {tc:.2f} s median of 3 (target < 15 s), "
          f"{total_runs / tc:,.0f} runs/s, {crashes} crashes, {refused // 3} refused with not-docx/unreadable")

    import tempfile

    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "s.docx"
        src.write_bytes(data)
        t = median_ms(lambda: fix_docx(src, Path(d) / "o.docx", force=True), max(3, args.repeat // 3))
        print(f"fix of the 2,000-word statement (includes the re-check): median {t:.1f} ms")


if __name__ == "__main__":
    main()
