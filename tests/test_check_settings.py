"""The checker's plain settings mirror the rules, and checking a file loads no rules machinery."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict, fields

from docx_build import make_docx, para


def test_plain_defaults_equal_the_rules_defaults():
    from uprdraft.docx_check.settings import DEFAULT, Profile
    from uprdraft.ooxml.limits import Limits
    from uprdraft.rules import DEFAULT as RULES

    assert DEFAULT.default_profile == RULES.fonts.default_profile
    assert set(DEFAULT.profiles) == set(RULES.fonts.profiles)
    for name, prof in RULES.fonts.profiles.items():
        assert asdict(DEFAULT.profiles[name]) == prof.model_dump(), name
    assert {f.name for f in fields(Profile)} == set(RULES.fonts.profiles["hrc-written"].model_dump())
    assert dict(DEFAULT.status_limits) == dict(RULES.written.word_limit)
    assert asdict(Limits()) == RULES.word_files.model_dump() == asdict(DEFAULT.limits)


def test_a_rules_mapping_reaches_the_checker():
    from uprdraft.docx_check import check_docx

    doc = make_docx(para("x", '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'))
    r = check_docx(doc, rules={"fonts": {"profiles": {"hrc-written": {"font": "Arial"}}}})
    assert "font-name" not in {f.code for f in r.findings}


PROBE = """
import sys
from uprdraft.cli import main
sys.argv = ["uprdraft", "check", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(sorted(m for m in ("pydantic", "uprdraft.rules", "docxtpl", "docx", "jinja2") if m in sys.modules))
"""


def test_check_imports_no_rules_machinery(tmp_path):
    f = tmp_path / "s.docx"
    f.write_bytes(make_docx(para("Fine.")))
    out = subprocess.run([sys.executable, "-c", PROBE, str(f)], check=False, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
