"""`uprdraft --help` must stay near bare-Python start-up: no heavy import on the way."""
from __future__ import annotations

import subprocess
import sys

HEAVY = ("docx", "docxtpl", "lxml", "pydantic", "openpyxl", "babel", "icalendar", "textstat", "jinja2",
         "ruamel", "markdown_it", "email_validator", "charset_normalizer", "aiosmtpd")

PROBE = f"""
import sys
from uprdraft.cli import main
for args in (['--help'], ['statement', '--help'], ['statement', 'written', '--help']):
    try:
        main(args)
    except SystemExit:
        pass
print(sorted(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_help_imports_nothing_heavy():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
