"""Benchmark of uprdraft check against python-docx, every ratio against a reference measured
in the same run (issue 14).

    python benchmarks/bench_check.py [--files N] [--runs R]

1. ``uprdraft check FILE``, one process per file, against
   ``python -c "import docx; docx.Document(FILE)"``: whole-process wall time, the two
   interleaved file by file, median of R runs per file, then the median over the files
   (target <= 1.5x).
2. check in-process over the corpus against python-docx ``Document()`` over the same files:
   median of R passes, interleaved (target <= 1.5x).
3. ``uprdraft check --quiet FOLDER`` (one process for the whole corpus) against the
   in-process API time of item 2 (target <= 1.2x), with the summary line and exit code.
4. Hostile inputs: whole-process time and peak memory of ``uprdraft check`` on the reported
   files (bound: 10 s and 500 MB), and the 2,000-word statement in-process.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test-file builder
sys.path.insert(0, str(ROOT / "src"))

from docx_build import make_docx
from procs import child_env
from timing import median_ms

CORPUS = Path(os.environ.get("UPRDRAFT_CORPUS", ROOT.parent / "shared" / "corpus"))
# children read cached bytecode, as an installed uprdraft and python-docx do (see procs.child_env)
ENV = child_env()
WORDS = ("the State under review should adopt a national action plan on the rights of the child "  # noqa: SIM905
         "and ensure that every recommendation is followed").split()


def uprdraft_cmd() -> list[str]:
    """The installed console script, as a user runs it (else ``python -m uprdraft``)."""
    exe = shutil.which("uprdraft", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "uprdraft"]


def wall(cmd: list[str]) -> tuple[float, int, int]:
    """(seconds, 0, exit code) of one whole process."""
    t = time.perf_counter()
    code = subprocess.run(cmd, check=False, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return time.perf_counter() - t, 0, code


MEASURE = ("import resource, subprocess, sys, time\n"
           "t = time.perf_counter()\n"
           "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
           "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss, code)")


def measured(cmd: list[str]) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak MiB, exit code), measured from a small parent
    process: a child forked from this big one would count our memory as its own. CPU time
    is given too because wall time on a loaded machine includes waiting for a processor."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], check=False, env=ENV, capture_output=True,
                         text=True).stdout
    took, cpu, kib, code = out.split()
    return float(took), float(cpu), int(kib) // 1024, int(code)


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


def per_process(files: list[Path], runs: int) -> None:
    ours_cmd = uprdraft_cmd()
    ours, theirs = [], []
    for f in files:
        a, b = [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            a.append(wall([*ours_cmd, "check", str(f)])[0])
            b.append(wall([sys.executable, "-c", f"import docx; docx.Document({str(f)!r})"])[0])
        ours.append(statistics.median(a))
        theirs.append(statistics.median(b))
    mo, mt = statistics.median(ours), statistics.median(theirs)
    print(f"1. uprdraft check FILE, one process per file ({len(files)} files, median of {runs} runs each): "
          f"{mo * 1000:.0f} ms; python -c 'import docx; docx.Document(FILE)': {mt * 1000:.0f} ms; "
          f"ratio {mo / mt:.2f} (target <= 1.5)")


def in_process(files: list[Path], runs: int) -> float:
    import docx

    from uprdraft import api
    from uprdraft.findings import InputError

    def ours():
        for f in files:
            try:
                api.check(f)
            except InputError:
                pass

    def theirs():
        for f in files:
            try:
                docx.Document(str(f))
            except Exception:  # noqa: BLE001, S110 - python-docx refuses some files we read
                pass

    ours()
    theirs()  # warm both: imports and first-call set-up are item 1's business
    a, b = [], []
    for _ in range(runs):
        t = time.perf_counter()
        ours()
        a.append(time.perf_counter() - t)
        t = time.perf_counter()
        theirs()
        b.append(time.perf_counter() - t)
    mo, mt = statistics.median(a), statistics.median(b)
    print(f"2. check in-process over {len(files)} files: {mo * 1000:.0f} ms; python-docx Document() on each: "
          f"{mt * 1000:.0f} ms; ratio {mo / mt:.2f} (target <= 1.5)")
    return mo


def batch(folder: Path, api_seconds: float, runs: int) -> None:
    times = []
    for _ in range(runs):
        took, _, code = wall([*uprdraft_cmd(), "check", "--quiet", str(folder)])
        times.append(took)
    peak = measured([*uprdraft_cmd(), "check", "--quiet", str(folder)])[2]
    m = statistics.median(times)
    out = subprocess.run([*uprdraft_cmd(), "check", "--quiet", str(folder)], check=False, env=ENV, capture_output=True, text=True)
    print(f"3. uprdraft check --quiet FOLDER, one process: {m * 1000:.0f} ms (median of {runs}), peak {peak} MiB, "
          f"exit {code}; in-process API time {api_seconds * 1000:.0f} ms; ratio {m / api_seconds:.2f} "
          f"(target <= 1.2); summary: {out.stdout.strip().splitlines()[-1]}")


def hostile(tmp: Path) -> None:
    bold = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>'
    cases = {
        "1.1 million bold paragraphs (179 KB)": make_docx(bold * 1_100_000),
        "20,000 paragraphs, each bold (at the bound)": make_docx(
            "".join(f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Paragraph {i * 7919 % 100_003}</w:t></w:r></w:p>'
                    for i in range(20_000))),
    }
    import random

    rnd = random.Random(1)
    dense = "".join(f'<w:b w:val="{rnd.randrange(36 ** 3):x}"/>' for _ in range(5_500_000 // 19))
    cases["5.5 MB of elements in one run's properties (within the bounds)"] = make_docx(
        f"<w:p><w:r><w:rPr>{dense}</w:rPr><w:t>x</w:t></w:r></w:p>")
    for label, data in cases.items():
        f = tmp / "hostile.docx"
        f.write_bytes(data)
        took, cpu, peak, code = measured([*uprdraft_cmd(), "check", str(f)])
        print(f"4. {label}, {len(data) / 1024:.0f} KB: {took:.2f} s wall, {cpu:.2f} s CPU, peak {peak} MiB, "
              f"exit {code} (bound: 10 s, 500 MB)")
        took, cpu, peak, code = measured([*uprdraft_cmd(), "fix", str(f), "-o", str(tmp / "fixed.docx"), "--force"])
        print(f"   fix of the same: {took:.2f} s wall, {cpu:.2f} s CPU, peak {peak} MiB, exit {code}")
    from uprdraft.docx_check import check_docx

    data = statement()
    r = check_docx(data)
    t = median_ms(lambda: check_docx(data), 20)
    print(f"   2,000-word statement ({r.stats['runs']} runs) in-process: {t:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=30, help="files for item 1 (0: all); evenly spread")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}; set UPRDRAFT_CORPUS")
    files = sorted(CORPUS.rglob("*.docx"))
    step = max(1, len(files) // args.files) if args.files else 1
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "corpus"
        folder.mkdir()
        for i, f in enumerate(files):  # one flat folder, as an officer's would be
            shutil.copy(f, folder / f"{i:03d}-{f.name}")
        per_process(files[::step], args.runs)
        api_seconds = in_process(files, max(args.runs, 5))
        batch(folder, api_seconds, max(args.runs, 5))
        hostile(Path(d))


if __name__ == "__main__":
    main()
