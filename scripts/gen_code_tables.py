"""Regenerate the tables of finding codes in README.md and docs/*.md from the registry.

Each table sits between ``<!-- codes:start [AREA] -->`` and ``<!-- codes:end -->``: without
AREA every code, with AREA (all, written, oral, midterm, side-event, plan, email, import,
check) the codes of that area. ``--check`` changes nothing and exits 1 when a table is stale.

    python scripts/gen_code_tables.py [--check]
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from uprdraft.codes import update_code_tables

    check = "--check" in argv
    stale = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        new = update_code_tables(text)
        if new != text:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(new, encoding="utf-8")
    for p in stale:
        print(f"{'stale' if check else 'wrote'} {p}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
