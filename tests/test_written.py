"""Written statements end to end: rules, rendering, CLI contract."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx_text import footnotes, paragraphs, parse_all_parts_strictly

from uprdraft import api

TODAY = "2026-01-10"


def statement(**over) -> dict:
    data = {
        "kind": "written-statement",
        "language": "en",
        "session": 62,
        "session_start": "2026-06-15",
        "agenda_item": 6,
        "segment": "general-debate",
        "title": "Children first",
        "organisation": {"name": "Lead NGO", "status": "special"},
        "co_sponsors": [],
        "supporters": [],
        "contact": {"name": "Ana", "email": "ana@example.org", "phone": "+41 22 000"},
        "body": "Paragraph one.",
    }
    data.update(over)
    return data


def write(tmp_path: Path, data: dict, name="s.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def words(n: int) -> str:
    return " ".join(f"w{i}" for i in range(n))


# --------------------------------------------------------------------------- word limits
@pytest.mark.parametrize("status,limit", [("general", 2000), ("special", 1500), ("roster", 1500)])
@pytest.mark.parametrize("extra", [0, 1])
def test_word_limit_edges(tmp_path, status, limit, extra):
    # title (2 words) + body + one footnote of 3 words = limit + extra
    body = words(limit + extra - 2 - 3) + "[^n]"
    p = write(tmp_path, statement(organisation={"name": "Lead", "status": status}, body=body,
                                  footnotes={"n": "three word note"}))
    report = api.render_written_statement(p, today=dt.date(2026, 1, 1))
    assert report.stats["words"] == {"body": limit + extra - 3, "footnotes": 3, "total": limit + extra}
    assert report.stats["limit"] == limit
    codes = [f.code for f in report.findings if f.severity == "error"]
    if extra:
        assert codes == ["word-limit"] and report.output is None
        assert not (tmp_path / "s.docx").exists()
        assert "cut 1 word" in report.findings[0].message
    else:
        assert codes == [] and Path(report.output).exists()


def test_status_none_cannot_lead(tmp_path):
    p = write(tmp_path, statement(organisation={"name": "Small NGO", "status": "none"}), "s.yaml")
    report = api.render_written_statement(p, today=dt.date(2026, 1, 1))
    f = [f for f in report.findings if f.code == "consultative-status"]
    assert f and "a partner with status must lead" in f[0].message and not report.ok


def test_cosponsor_without_status_is_an_error(tmp_path):
    p = write(tmp_path, statement(co_sponsors=[{"name": "No Status", "status": "none"}]))
    report = api.validate(p, today=dt.date(2026, 1, 1))
    assert [f.code for f in report.findings] == ["consultative-status"]
    assert "supporters" in report.findings[0].message


def test_cosponsor_order_general_special_roster():
    from uprdraft.kinds.written import ordered_cosponsors
    from uprdraft.load import load
    from uprdraft.rules import DEFAULT

    cos = [{"name": n, "status": s} for n, s in
           [("R1", "roster"), ("S1", "special"), ("G1", "general"), ("S2", "special"), ("G2", "general"), ("R2", "roster")]]
    tmp = Path(__file__).parent / "_tmp_order.json"
    try:
        tmp.write_text(json.dumps(statement(co_sponsors=cos)))
        model, _ = load(tmp)
    finally:
        tmp.unlink()
    assert [o.name for o in ordered_cosponsors(model, DEFAULT)] == ["G1", "G2", "S1", "S2", "R1", "R2"]


@pytest.mark.parametrize("lang,one,many", [
    ("en", "Youth Forum also shares the views expressed in this statement.",
     "Youth Forum, Parents Network and Kids Club also share the views expressed in this statement."),
    ("fr", "L'organisation Youth Forum partage également les opinions exprimées dans la présente déclaration.",
     "Les organisations Youth Forum, Parents Network et Kids Club partagent également les opinions exprimées dans la présente déclaration."),
    ("es", "La organización Youth Forum también comparte las opiniones expresadas en esta declaración.",
     "Las organizaciones Youth Forum, Parents Network y Kids Club también comparten las opiniones expresadas en esta declaración."),
])
def test_supporters_footnote_on_the_title(tmp_path, lang, one, many):
    for supporters, expected in ((["Youth Forum"], one), (["Youth Forum", "Parents Network", "Kids Club"], many)):
        p = write(tmp_path, statement(language=lang, supporters=supporters, body="Text[^a].", footnotes={"a": "Note."}))
        report = api.render_written_statement(p, today=dt.date(2026, 1, 1), force=True)
        data = Path(report.output).read_bytes()
        assert footnotes(data) == [expected, "Note."]
        # the title carries note 1, the body note 2
        assert b'Children first</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/>' in \
            __import__("zipfile").ZipFile(report.output).read("word/document.xml")


# --------------------------------------------------------------------------- deadline
@pytest.mark.parametrize("today,expect", [
    ("2026-05-17", None),        # 8 days before the 21-day deadline of 2026-05-25
    ("2026-05-18", "7 days left"),
    ("2026-05-25", "0 days left"),
    ("2026-05-26", "1 day ago"),
])
def test_deadline_21_days_before_session(tmp_path, today, expect):
    p = write(tmp_path, statement())
    report = api.validate(p, today=dt.date.fromisoformat(today))
    msgs = [f.message for f in report.findings if f.code in ("deadline-near", "deadline-passed")]
    assert report.ok  # late is a warning for rendering; the e-mail step refuses it
    if expect is None:
        assert msgs == []
    else:
        assert len(msgs) == 1 and expect in msgs[0] and "2026-05-25" in msgs[0]


def test_published_deadline_overrides_rule(tmp_path):
    p = write(tmp_path, statement(deadline="2026-06-01"))
    report = api.validate(p, today=dt.date(2026, 5, 30))
    assert report.stats["deadline"] == "2026-06-01"
    assert "published" in report.findings[0].message


# --------------------------------------------------------------------------- loading errors
def test_yaml_errors_have_file_line_col(tmp_path, cli):
    src = tmp_path / "bad.yaml"
    src.write_text("kind: written-statement\nlanguage: de\nsession: 62\nagenda_item: 12\ntitle: T\n"
                   "organisation:\n  name: X\n  status: speciall\ncontact: {name: A, email: a@example.org}\n"
                   "body: text\n")
    code, out, err = cli("validate", src)
    assert code == 1
    lines = err.strip().splitlines()
    assert f"{src}:2:11: language: 'de' is not one of the choices; give 'en', 'fr' or 'es' [schema]" in lines
    assert f"{src}:4:14: agenda_item: 12 is out of range; give a whole number from 1 to 10 [schema]" in lines
    assert (f"{src}:8:11: organisation.status: 'speciall' is not one of the choices (did you mean 'special'?); "
            "give 'general', 'special', 'roster' or 'none' [schema]") in lines
    assert f"{src}:1:1: session_start: this field is required [schema]" not in lines  # optional


def test_malformed_yaml_and_json_exit_2(tmp_path, cli):
    y = tmp_path / "bad.yaml"
    y.write_text("kind: written-statement\ntitle: [unclosed\n")
    code, _, err = cli("statement", "written", y)
    assert code == 2 and err.startswith(f"{y}:") and "invalid YAML" in err and "Traceback" not in err
    j = tmp_path / "bad.json"
    j.write_text('{"kind": "written-statement",\n "title": }')
    code, _, err = cli("validate", j)
    assert code == 2 and err.startswith(f"{j}:2:11: invalid JSON")


def test_missing_file_exit_2(tmp_path, cli):
    code, _, err = cli("statement", "written", tmp_path / "nope.yaml")
    assert code == 2 and "no such file" in err


def test_markdown_errors_point_into_the_body(tmp_path, cli):
    md = tmp_path / "s.md"
    md.write_text("---\nkind: written-statement\nlanguage: en\nsession: 62\nagenda_item: 4\ntitle: T\n"
                  "organisation: {name: N, status: general}\ncontact: {name: A, email: a@example.org}\n---\n"
                  "First paragraph.\n\nA *stressed* word and a missing note[^x].\n")
    code, out, err = cli("statement", "written", md, "--today", TODAY)
    assert code == 1
    assert f"{md}:12:37: footnote [^x] is used but never defined" in err  # at the marker itself
    assert f"{md}:12:1: warning: emphasis (*...*)" in err


def test_emphasis_is_written_as_plain_text(tmp_path):
    p = write(tmp_path, statement(body="A **bold** and _italic_ claim."))
    report = api.render_written_statement(p, today=dt.date(2026, 1, 1))
    assert {f.code for f in report.findings} == {"emphasis"}
    data = Path(report.output).read_bytes()
    assert paragraphs(data)[1] == "A bold and italic claim."
    assert b"<w:b/>" not in data and b"<w:i/>" not in data


# --------------------------------------------------------------------------- output files
def test_default_output_beside_input_and_no_overwrite(tmp_path, cli):
    p = write(tmp_path, statement(), "stmt.yaml")
    code, out, err = cli("statement", "written", p, "--today", TODAY)
    assert code == 0 and (tmp_path / "stmt.docx").exists()
    before = (tmp_path / "stmt.docx").read_bytes()
    code, out, err = cli("statement", "written", p, "--today", TODAY)
    assert code == 2 and "--force" in err
    assert (tmp_path / "stmt.docx").read_bytes() == before
    code, out, err = cli("statement", "written", p, "--today", TODAY, "--force")
    assert code == 0


def test_json_report_contract(tmp_path, cli):
    p = write(tmp_path, statement(body="One two three[^a].", footnotes={"a": "Four five."}))
    code, rep = cli.json("statement", "written", p, "--today", TODAY, "-o", tmp_path / "x.docx")
    assert code == 0 and rep["ok"] is True
    assert rep["stats"]["words"] == {"body": 5, "footnotes": 2, "total": 7}
    assert rep["stats"]["limit"] == 1500
    assert rep["output"] == str(tmp_path / "x.docx")
    assert set(rep) == {"ok", "findings", "stats", "output"}
    # the checker reads the same counts from the file
    code, chk = cli.json("check", tmp_path / "x.docx", "--status", "special")
    assert code == 0 and chk["stats"]["words"] == rep["stats"]["words"]


# --------------------------------------------------------------------------- the Word file
NASTY = 'Rights & "duties" <b>not bold</b> \'quoted\' لحقوق الطفل 👧🏽 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>x'


def test_escaping_and_strict_xml(tmp_path):
    p = write(tmp_path, statement(title=NASTY, body=NASTY.replace("<", "&lt;") + "[^a]",
                                  footnotes={"a": NASTY.replace("<", "&lt;")}, supporters=["A & B <Org>"]))
    report = api.render_written_statement(p, today=dt.date(2026, 1, 1))
    data = Path(report.output).read_bytes()
    assert parse_all_parts_strictly(data) >= 8
    paras = paragraphs(data)
    assert paras[0] == NASTY and paras[1] == NASTY
    assert footnotes(data) == ["A & B <Org> also shares the views expressed in this statement.", NASTY]
    assert b"<w:b/>" not in data


def test_control_characters_are_stripped(tmp_path):
    p = write(tmp_path, statement(title="Ti\x00tle\x0b here", body="Bo\x07dy text\ufffe."))
    report = api.render_written_statement(p, today=dt.date(2026, 1, 1))
    data = Path(report.output).read_bytes()
    assert paragraphs(data)[:2] == ["Title here", "Body text."]
    assert any(f.code == "control-characters" for f in report.findings)


def test_fonts_language_and_properties(tmp_path):
    import zipfile

    p = write(tmp_path, statement(language="fr", title="Les droits de l'enfant"))
    report = api.render_written_statement(p, today=dt.date(2026, 1, 1))
    z = zipfile.ZipFile(report.output)
    styles = z.read("word/styles.xml").decode()
    assert 'w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"' in styles
    assert '<w:sz w:val="20"/><w:szCs w:val="20"/>' in styles and 'w:val="fr-FR"' in styles
    assert "Theme" not in styles  # no asciiTheme/hAnsiTheme anywhere
    core = z.read("docProps/core.xml").decode()
    assert "<dc:title>Les droits de l'enfant</dc:title>" in core and "<dc:creator>Lead NGO</dc:creator>" in core
    names = z.namelist()
    assert not any("header" in n or "footer" in n or n.startswith("word/media") for n in names)


def test_identical_bytes_across_processes(tmp_path):
    src = Path(__file__).resolve().parents[1] / "examples" / "written-statement.md"
    outs = []
    for i in range(2):
        out = tmp_path / f"o{i}.docx"
        subprocess.run([sys.executable, "-m", "uprdraft", "statement", "written", str(src), "-o", str(out),
                        "--today", TODAY], check=True, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_yaml_json_markdown_are_equivalent(tmp_path):
    base = statement(body="Alpha beta[^1].\n\nGamma.", footnotes={"1": "Delta."})
    j = write(tmp_path, base, "a.json")
    from ruamel.yaml import YAML

    y = tmp_path / "b.yaml"
    YAML().dump(base, y.open("w"))
    fm = {k: v for k, v in base.items() if k not in ("body", "footnotes")}
    m = tmp_path / "c.md"
    buf = __import__("io").StringIO()
    YAML().dump(fm, buf)
    m.write_text("---\n" + buf.getvalue() + "---\nAlpha beta[^1].\n\nGamma.\n\n[^1]: Delta.\n")
    outs = [Path(api.render_written_statement(p, today=dt.date(2026, 1, 1)).output).read_bytes() for p in (j, y, m)]
    assert outs[0] == outs[1] == outs[2]
