"""``uprdraft check`` over many files or folders in one process.

Each file gets the lines a single check prints; a progress bar goes to a terminal only
(never into a pipe or a log, and not with ``--quiet``); one summary line ends the run; the
exit code is the worst of the files (2 unreadable, 1 not compliant, 0 ok). A file that
cannot be read is one line and the others are still checked.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

SUFFIXES = (".docx", ".docm")


def expand(paths: Iterable[str]) -> list[str]:
    """The files named, and the Word files under each folder named (sorted, recursively)."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(str(f) for f in Path(p).rglob("*")
                          if f.suffix.lower() in SUFFIXES and not f.name.startswith("~$") and f.is_file())
        else:
            out.append(p)
    return out


class Progress:
    """``[#####     ] 37/147`` on the terminal, rewritten in place; silent elsewhere."""

    def __init__(self, total: int, stream: Any, on: bool):
        self.total, self.stream, self.on = total, stream, on
        self.shown = False

    def show(self, done: int) -> None:
        if self.on:
            filled = 30 * done // max(self.total, 1)
            self.stream.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {done}/{self.total} files")
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.shown = False


def check_many(paths: list[str] | tuple[str, ...], check_one: Callable[[str], Any], as_json: bool = False,
               quiet: bool = False) -> int:
    """Check every file; print; return the exit code."""
    from ..findings import UprdraftError
    from .output import lines

    files = expand(paths)
    err = sys.stderr
    if not files:
        err.write(f"{', '.join(paths)}: no .docx or .docm files found [io]\n")
        return 2
    bar = Progress(len(files), err, on=not (quiet or as_json) and err.isatty())
    counts = {"ok": 0, "failed": 0, "unreadable": 0}
    worst = 0
    results: list[dict] = []
    for i, path in enumerate(files):
        bar.show(i)
        try:
            report = check_one(path)
            text = lines(report.findings)
            code = 0 if report.ok else 1
            if as_json:
                results.append({"file": path, **report.to_dict()})
        except UprdraftError as e:
            code = e.exit_code
            text = lines(e.findings, fix_hint=False)
            if as_json:
                results.append({"file": path, "ok": False, "findings": [f.to_dict() for f in e.findings],
                                "stats": {}, "output": None})
        except Exception as e:  # noqa: BLE001 - a bug: one line, and the other files are still checked
            code = 2
            text = [f"{path}: internal error: {type(e).__name__}: {e} (please report this)"]
            if as_json:
                results.append({"file": path, "ok": False, "findings": [{"code": "internal", "severity": "error",
                                "message": text[0], "location": path}], "stats": {}, "output": None})
        counts["ok" if code == 0 else "failed" if code == 1 else "unreadable"] += 1
        worst = max(worst, code)
        if text and not as_json:
            bar.clear()
            err.write("\n".join(text) + "\n")
    bar.clear()
    summary = (f"{len(files)} files checked: {counts['ok']} ok, {counts['failed']} not compliant, "
               f"{counts['unreadable']} could not be read")
    if as_json:
        print(json.dumps({"ok": worst == 0, "files": results, "stats": {"files": len(files), **counts}},
                         ensure_ascii=False, default=str))
    else:
        print(summary)
    return worst
