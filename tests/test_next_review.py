"""The next review (issue 16): stakeholder submission, pre-session statement, briefs for
recommending States, child-friendly recommendations, fact sheet and the status chart.
Each rule is tested at its edge: one word over, 12:00 and 12:01 Geneva time on either side
of a change of clocks, thirty recommending States, the speaking-time limit."""
from __future__ import annotations

import email
import io
import json
import re
import shutil
import subprocess
import zipfile
from email import policy
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES

from uprdraft import api
from uprdraft.findings import InputError

NEW_KINDS = ("upr-submission", "pre-session-statement", "recommending-state-briefs",
             "child-friendly-recommendations", "factsheet")


@pytest.fixture
def ex(tmp_path) -> Path:
    """A copy of the examples folder (the inputs name recommendations.yaml beside them)."""
    shutil.copytree(EXAMPLES, tmp_path / "ex")
    return tmp_path / "ex"


def _write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _load(ex: Path, name: str) -> dict:
    return yaml.safe_load((ex / name).read_text(encoding="utf-8"))


def _part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


# --------------------------------------------------------------------------- stakeholder submission
def test_submission_docx_eml_ics(cli, ex):
    out = ex / "sub.docx"
    code, o, err = cli("report", "submission", ex / "upr-submission.yaml", "-o", out, "--eml", ex / "sub.eml",
                       "--ics", ex / "sub.ics", "--today", "2027-03-01")
    assert code == 0, err
    assert "wrote" in o and "joint submission" in o
    data = out.read_bytes()
    doc = _part(data, "word/document.xml")
    # all organisations at the top, before the executive summary
    top = doc[:doc.index("Executive summary")]
    for name in ("Ruritania Child Rights Network", "Save Our Schools Ruritania", "Youth Justice Watch"):
        assert name in top
    # real Word numbering: a definition in numbering.xml, numPr on the paragraphs and on the style
    numbering = _part(data, "word/numbering.xml")
    assert re.search(r'<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>', numbering)
    assert 'w:lvlText w:val="%1."' in numbering
    assert len(re.findall(r'<w:numId w:val="90"/>', doc)) >= 8
    assert re.search(r'w:styleId="UPRParagraph".*?<w:numId w:val="90"/>', _part(data, "word/styles.xml"), re.S)
    # page numbers: a PAGE field in the footer
    footers = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/footer")]
    assert any("PAGE" in _part(data, n) for n in footers)
    # real footnotes, in the order of the text
    notes = _part(data, "word/footnotes.xml")
    assert notes.index("Coalition monitoring database") < notes.index("Bill 112/2024")
    # the chart
    assert "word/charts/chart1.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    # the e-mail draft
    msg = email.message_from_bytes((ex / "sub.eml").read_bytes(), policy=policy.default)
    assert msg["To"] == "uprsubmissions@ohchr.org"
    assert msg["Subject"] == "Ruritania Child Rights Network – joint UPR submission – Ruritania – November 2027"
    assert msg["X-Unsent"] == "1"
    attachment = next(msg.iter_attachments())
    assert attachment.get_filename() == "sub.docx" and attachment.get_content() == data
    assert "ana.petrova@example.org" in msg.get_body(("plain",)).get_content()
    # the calendar: 12:00 Geneva time, reminder one week before
    from uprdraft.ics import read_calendar

    (event,) = read_calendar((ex / "sub.ics").read_bytes())
    start = event.decoded("dtstart")
    assert (start.hour, start.minute, str(start.tzinfo)) == (12, 0, "Europe/Zurich")
    assert start.date().isoformat() == "2027-03-29"
    alarm = event.subcomponents[0]
    assert alarm.decoded("trigger").days == -7
    # our own checker accepts it with the submission's profile
    assert api.check(out, profile="upr-submission").ok


def test_submission_eml_is_deterministic(ex):
    a = api.render_upr_submission(ex / "upr-submission.yaml", ex / "a.docx", eml=ex / "a.eml", today="2027-03-01")
    b = api.render_upr_submission(ex / "upr-submission.yaml", ex / "a.docx", eml=ex / "a.eml", today="2027-03-01",
                                  force=True)
    assert a.ok and b.ok and a.stats["subject"] == b.stats["subject"]


def _submission(ex: Path, **changes) -> Path:
    data = _load(ex, "upr-submission.yaml")
    data.update(changes)
    return _write(ex, "s.yaml", data)


def test_annex_is_refused_with_a_message(ex):
    report = api.validate(_submission(ex, annex="our-full-report.pdf"), today="2027-03-01")
    (f,) = [f for f in report.findings if f.code == "annex"]
    assert f.severity == "error" and "footnotes" in f.message
    report = api.render_upr_submission(ex / "s.yaml", today="2027-03-01")
    assert not report.ok and not (ex / "s.docx").exists()


def test_joint_needs_its_organisations_and_individual_none(ex):
    assert "joint-organisations" in codes(api.validate(_submission(ex, joint_with=[]), today="2027-03-01"))
    report = api.validate(_submission(ex, submission_type="individual"), today="2027-03-01")
    assert "joint-organisations" in codes(report)
    data = _load(ex, "upr-submission.yaml")
    data["submission_type"] = "individual"
    del data["joint_with"]
    assert api.validate(_write(ex, "i.yaml", data), today="2027-03-01").ok


def _words(path: Path, **rules) -> int:
    return api.validate(path, today="2027-03-01", rules=rules or None).stats["counted_words"]


def test_word_limit_one_word_over(ex):
    path = _submission(ex)
    n = _words(path)
    at_limit = {"next_review": {"submission": {"word_limit": {"individual": n, "joint": n}}}}
    assert api.validate(path, today="2027-03-01", rules=at_limit).ok
    data = _load(ex, "upr-submission.yaml")
    data["executive_summary"] += "\nIndeed."
    over = _write(ex, "over.yaml", data)
    report = api.validate(over, today="2027-03-01", rules=at_limit)
    (f,) = [f for f in report.findings if f.code == "submission-length"]
    assert f.severity == "error" and f"{n + 1} words" in f.message and "cut 1 word" in f.message
    assert report.stats["counted_words"] == n + 1


def test_individual_and_joint_limits(ex):
    long_text = "\n\n".join(" ".join(["word"] * 300) for _ in range(10))  # 3,000 words
    data = _load(ex, "upr-submission.yaml")
    data["themes"][0]["assessment"] = long_text
    joint = _write(ex, "joint.yaml", data)
    report = api.validate(joint, today="2027-03-01")
    assert report.ok and 2815 < report.stats["counted_words"] <= 5630 and report.stats["limit"] == 5630
    data["submission_type"] = "individual"
    del data["joint_with"]
    report = api.validate(_write(ex, "ind.yaml", data), today="2027-03-01")
    assert "submission-length" in codes(report) and report.stats["limit"] == 2815


def test_footnotes_counted_or_not_and_page_limit(ex):
    path = _submission(ex)
    counted = api.validate(path, today="2027-03-01")
    words = counted.stats["words"]
    assert words["footnotes"] > 0 and counted.stats["counted_words"] == words["total"]
    body_only = api.validate(path, today="2027-03-01",
                             rules={"next_review": {"submission": {"count_footnotes": False}}})
    assert body_only.stats["counted_words"] == words["body"]
    pages = api.validate(path, today="2027-03-01", rules={"next_review": {"submission": {
        "length_check": "pages", "words_per_page": 100, "page_limit": {"joint": 2}}}})
    assert "submission-length" in codes(pages) and "page" in pages.findings[-1].message


@pytest.mark.parametrize("deadline, moment, late", [
    # the day summer time starts (28 March 2027): 12:00 Geneva = 10:00 UTC
    ("2027-03-28", "2027-03-28T12:00", False),
    ("2027-03-28", "2027-03-28T12:01", True),
    ("2027-03-28", "2027-03-28T10:00+00:00", False),
    ("2027-03-28", "2027-03-28T10:01+00:00", True),
    # the day before, still winter time: 12:00 Geneva = 11:00 UTC
    ("2027-03-27", "2027-03-27T11:00+00:00", False),
    ("2027-03-27", "2027-03-27T11:01+00:00", True),
    # the day winter time returns (31 October 2027): 12:00 Geneva = 11:00 UTC
    ("2027-10-31", "2027-10-31T12:00", False),
    ("2027-10-31", "2027-10-31T12:01", True),
    ("2027-10-31", "2027-10-31T11:00+00:00", False),
    ("2027-10-31", "2027-10-31T11:01+00:00", True),
    # the day before, still summer time: 12:00 Geneva = 10:00 UTC
    ("2027-10-30", "2027-10-30T10:00+00:00", False),
    ("2027-10-30", "2027-10-30T10:01+00:00", True),
])
def test_deadline_at_noon_geneva_across_clock_changes(ex, cli, deadline, moment, late):
    path = _submission(ex, deadline=deadline)
    report = api.validate(path, today=moment)
    assert ("submission-deadline" in codes(report)) is late
    assert report.ok is (not late)
    code, out, err = cli("report", "submission", path, "--today", moment, "--json")
    assert code == (1 if late else 0), err
    assert json.loads(out)["ok"] is (not late)


def test_deadline_by_date_only(ex):
    path = _submission(ex, deadline="2027-03-29")
    assert "submission-deadline-today" in codes(api.validate(path, today="2027-03-29"))
    assert "submission-deadline" in codes(api.validate(path, today="2027-03-30"))
    assert "submission-deadline-near" in codes(api.validate(path, today="2027-03-25"))
    assert api.validate(path, today="2027-03-01").findings == []
    data = _load(ex, "upr-submission.yaml")
    del data["deadline"]
    report = api.validate(_write(ex, "nd.yaml", data), today="2027-03-01")
    assert codes(report) == ["submission-deadline-unknown"]


def test_submission_rules_are_configurable(ex):
    path = _submission(ex)
    report = api.render_upr_submission(path, eml=ex / "x.eml", today="2027-03-01", rules={"next_review": {
        "submission": {"to": "other@example.org", "subject_types": {"joint": "JOINT"}}}})
    msg = email.message_from_bytes((ex / "x.eml").read_bytes(), policy=policy.default)
    assert report.ok and msg["To"] == "other@example.org" and "– JOINT UPR submission –" in msg["Subject"]


@pytest.mark.parametrize("lang, words", [("fr", "Résumé"), ("es", "Resumen ejecutivo")])
def test_submission_in_french_and_spanish(ex, lang, words):
    report = api.render_upr_submission(_submission(ex, language=lang), ex / f"{lang}.docx", today="2027-03-01")
    assert report.ok
    assert words in _part((ex / f"{lang}.docx").read_bytes(), "word/document.xml")


# --------------------------------------------------------------------------- the status chart
def _chart(data: bytes) -> tuple[str, str]:
    return _part(data, "word/charts/chart1.xml"), _part(data, "word/document.xml")


def test_chart_is_native_with_cached_values_and_alt_text(ex):
    report = api.render_factsheet(ex / "midterm-report.yaml", ex / "fs.docx")
    assert report.ok
    data = (ex / "fs.docx").read_bytes()
    chart, doc = _chart(data)
    assert "<c:chartSpace" in chart and "<c:barChart>" in chart and "externalData" not in chart
    assert "<c:v>Fully implemented</c:v>" in chart and "<c:v>Supported</c:v>" in chart and "<c:v>Noted</c:v>" in chart
    # the midterm example: supported 2 fully, 4 partially, 1 not; noted 1 partially, 1 not, 1 no data
    vals = re.findall(r"<c:val>.*?</c:val>", chart, re.S)
    assert [re.findall(r"<c:v>(\d+)</c:v>", v) for v in vals] == [["2", "4", "1", "0"], ["0", "1", "1", "1"]]
    descr = re.search(r'<wp:docPr [^>]*descr="([^"]*)"', doc).group(1)
    assert "10 recommendations" in descr and "Partially implemented: 4 supported, 1 noted." in descr
    rels = _part(data, "word/_rels/document.xml.rels")
    rid = re.search(r'<c:chart [^>]*r:id="([^"]+)"', doc).group(1)
    assert re.search(rf'Id="{rid}"[^>]*charts/chart1.xml|charts/chart1.xml[^>]*Id="{rid}"', rels)
    assert "drawingml.chart+xml" in _part(data, "[Content_Types].xml")
    # and the same numbers as a table
    assert "Triggered action (fully or partially implemented): 7 of 10" in re.sub(r"<[^>]+>", "", doc)


def test_chart_bytes_are_deterministic(ex):
    api.render_factsheet(ex / "factsheet.yaml", ex / "a.docx")
    api.render_factsheet(ex / "factsheet.yaml", ex / "b.docx")
    assert (ex / "a.docx").read_bytes() == (ex / "b.docx").read_bytes()


# --------------------------------------------------------------------------- pre-session statement
def _pre_session(ex: Path, body: str, **changes) -> Path:
    data = _load(ex, "pre-session-statement.yaml")
    data["body"] = body
    data.update(changes)
    return _write(ex, "ps.yaml", data)


def test_pre_session_speaking_time_edge(ex):
    # 150 words per minute: 1,050 words in one paragraph take exactly 7:00
    exact = _pre_session(ex, " ".join(["word"] * 1050))
    report = api.validate(exact, today="2027-09-01")
    assert report.stats["seconds"] == 420 and "pre-session-time" not in codes(report) and report.ok
    over = _pre_session(ex, " ".join(["word"] * 1051))
    report = api.validate(over, today="2027-09-01")
    (f,) = [f for f in report.findings if f.code == "pre-session-time"]
    assert f.severity == "error" and "cut about 1 word" in f.message
    # two paragraphs: a one-second pause between them counts
    paused = _pre_session(ex, " ".join(["word"] * 525) + "\n\n" + " ".join(["word"] * 525))
    assert "pre-session-time" in codes(api.validate(paused, today="2027-09-01"))
    short = _pre_session(ex, "Thank you.")
    assert "pre-session-short" in codes(api.validate(short, today="2027-09-01"))


def test_pre_session_language_due_date_and_description(ex):
    body = " ".join(["mot"] * 800)
    assert "pre-session-language" in codes(api.validate(_pre_session(ex, body, language="fr"), today="2027-09-01"))
    assert "pre-session-language" not in codes(api.validate(_pre_session(ex, body), today="2027-09-01"))
    # due two weeks before 6 October 2027: 22 September
    report = api.validate(_pre_session(ex, body), today="2027-09-22")
    assert "pre-session-due-near" in codes(report) and report.stats["due"] == "2027-09-22"
    assert "pre-session-due" in codes(api.validate(_pre_session(ex, body), today="2027-09-23"))
    org = _load(ex, "pre-session-statement.yaml")["organisation"]
    org["description"] = " ".join(["word"] * 200)
    assert "description-length" not in codes(api.validate(_pre_session(ex, body, organisation=org),
                                                          today="2027-09-01"))
    org["description"] += " more"
    assert "description-length" in codes(api.validate(_pre_session(ex, body, organisation=org), today="2027-09-01"))


def test_pre_session_script_and_text(cli, ex):
    code, out, err = cli("statement", "pre-session", ex / "pre-session-statement.yaml", "-o", ex / "ps.docx",
                         "--text", ex / "ps.txt", "--today", "2027-09-01")
    assert code == 0, err
    text = (ex / "ps.txt").read_text(encoding="utf-8")
    assert text.startswith("Children's rights in Ruritania since the fourth review\n")
    assert "Speaker: Ana Petrova" in text and "About the organisation" in text
    doc = _part((ex / "ps.docx").read_bytes(), "word/document.xml")
    assert re.search(r"\[\d:\d\d\]", doc)
    assert api.check(ex / "ps.docx", profile="speaker-script").ok


def test_oral_timing_is_unchanged_by_the_move():
    from uprdraft.kinds.oral import Paragraph, oral_timing
    from uprdraft.load import load
    from uprdraft.timing import Paragraph as Shared

    assert Paragraph is Shared
    model, _ = load(EXAMPLES / "oral-statement.yaml")
    t = oral_timing(model)
    assert t["paragraphs"][-1].end_seconds == t["exact_seconds"]


# --------------------------------------------------------------------------- briefs
STATES_30 = ["Sweden", "Uruguay", "Germany", "Chile", "Côte d'Ivoire", "Türkiye", "Korea (Republic of)",
             "Korea, Republic of", "CON", "Bolivia (Plurinational State of)", "Saint Vincent and the Grenadines",
             "São Tomé and Príncipe", "Iran (Islamic Republic of)", "United Kingdom of Great Britain and Northern "
             "Ireland", "Timor-Leste", "Guinea-Bissau", "Lao People's Democratic Republic", "Viet Nam", "Niger",
             "Nigeria", "Peru", "Qatar", "Portugal", "Estonia", "Japan", "Mexico", "Senegal", "Fiji", "Iceland",
             "Costa Rica"]


def _briefs_input(ex: Path) -> Path:
    data = _load(ex, "recommending-state-briefs.yaml")
    del data["recommendations_file"]
    data["recommendations"] = [
        {"id": "115.1", "text": "Ratify the Optional Protocol.", "recommending_states": STATES_30,
         "response": "supported", "themes": ["treaties"], "status": "partially-implemented"},
        {"id": "115.2", "text": "Raise the age of criminal responsibility.", "recommending_states": ["Germany"],
         "response": "noted", "themes": ["juvenile justice"], "status": "not-implemented"},
    ]
    data["asks"] = [{"state": "Côte d'Ivoire", "text": "Ask about the Protocol."},
                    {"theme": "juvenile justice", "text": "Raise the age."},
                    {"state": "Atlantis", "text": "Nobody."}]
    return _write(ex, "briefs.yaml", data)


def test_thirty_recommending_states(cli, ex):
    src = _briefs_input(ex)
    out = ex / "briefs"
    code, o, err = cli("report", "briefs", src, "-o", out)
    assert code == 0, err
    assert "ask-unknown-state" in err
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 31 and "index.docx" in files
    for name in files:
        assert re.fullmatch(r"[a-z0-9-]+\.docx", name), name
        assert len(name) <= 65
    assert "brief-cote-d-ivoire.docx" in files and "brief-turkiye.docx" in files
    assert {"brief-korea-republic-of.docx", "brief-korea-republic-of-2.docx"} <= set(files)
    assert "brief-con.docx" in files  # a prefix keeps it away from the Windows device name
    index = re.sub(r"<[^>]+>", " ", _part((out / "index.docx").read_bytes(), "word/document.xml"))
    assert index.count("brief-") == 30 and "30 States made the 2 recommendations" in " ".join(index.split())
    germany = " ".join(re.sub(r"<[^>]+>", " ", _part((out / "brief-germany.docx").read_bytes(),
                                                     "word/document.xml")).split())
    assert "NOTED: Ruritania did not support this recommendation" in germany and "Raise the age." in germany
    ivory = " ".join(re.sub(r"<[^>]+>", " ", _part((out / "brief-cote-d-ivoire.docx").read_bytes(),
                                                  "word/document.xml")).split())
    assert "Ask about the Protocol." in ivory and "NOTED" not in ivory and "Raise the age." not in ivory
    for name in files:
        assert api.check(out / name, profile="upr-brief").ok, name


def test_existing_briefs_folder_is_refused_without_force(cli, ex):
    src = _briefs_input(ex)
    out = ex / "briefs"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    code, _, err = cli("report", "briefs", src, "-o", out)
    assert code == 2 and "the folder exists already" in err and "--force" in err
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]
    code, _, err = cli("report", "briefs", src, "-o", out, "--force")
    assert code == 0, err
    assert (out / "mine.txt").read_text() == "keep me" and (out / "index.docx").is_file()
    (ex / "afile").write_text("x")
    code, _, err = cli("report", "briefs", src, "-o", ex / "afile", "--force")
    assert code == 2 and "is a file" in err
    with pytest.raises(InputError, match="not a folder"):
        api.render_recommending_state_briefs(src, ex / "afile", force=True)


def test_briefs_all_or_nothing(ex, monkeypatch):
    from uprdraft import fileio

    calls = {"n": 0}
    real = fileio._stage

    def failing(path, data):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(fileio, "_stage", failing)
    with pytest.raises(InputError):
        api.render_recommending_state_briefs(_briefs_input(ex), ex / "briefs")
    assert not (ex / "briefs").exists()


def test_briefs_default_folder_and_safe_names():
    from uprdraft.kinds.briefs import safe_name

    taken: set[str] = set()
    assert safe_name("", taken) == "brief-state.docx"
    assert safe_name("NUL", taken, prefix="") == "nul-state.docx"
    assert safe_name("../../etc", taken) == "brief-etc.docx"
    assert safe_name("x" * 200, taken).__len__() <= 65


# --------------------------------------------------------------------------- child-friendly recommendations
def test_child_friendly_recommendations(cli, ex):
    out = ex / "cf.docx"
    code, o, err = cli("report", "child-friendly-recommendations", ex / "child-friendly-recommendations.yaml",
                       "-o", out)
    assert code == 0, err
    text = " ".join(re.sub(r"<[^>]+>", " ", _part(out.read_bytes(), "word/document.xml")).split())
    assert "Adults must never hit children." in text
    assert "Prohibit corporal punishment of children in all settings" in text  # the official text beside it
    assert "Paragraph 115.23 (A/HRC/58/15)" in text and "How children took part" in text
    assert "aged 10-13" in text
    assert api.check(out, profile="child-friendly").ok


def test_child_friendly_recommendations_rules(ex):
    data = _load(ex, "child-friendly-recommendations.yaml")
    data["child_friendly"].append({"id": "999.1", "text": "Nothing."})
    data["child_friendly"] = [c for c in data["child_friendly"] if c["id"] != "115.67"]
    report = api.validate(_write(ex, "cf.yaml", data))
    assert "unknown-recommendation" in codes(report) and "child-friendly-text-missing" in codes(report)
    data = _load(ex, "child-friendly-recommendations.yaml")
    data["age_band"] = "3-5"
    assert "age-band" in codes(api.validate(_write(ex, "cf2.yaml", data)))
    data = _load(ex, "child-friendly-recommendations.yaml")
    data["child_friendly"][0]["text"] = ("Notwithstanding considerable jurisprudential developments, legislative "
                                         "harmonisation concerning disciplinary prerogatives remains incomplete, "
                                         "necessitating comprehensive institutional transformation.")
    report = api.validate(_write(ex, "cf3.yaml", data))
    assert "readability" in codes(report) or "sentence-length" in codes(report)


# --------------------------------------------------------------------------- every kind
@pytest.mark.parametrize("kind", NEW_KINDS)
def test_json_schema_and_validate(cli, tmp_path, kind):
    code, out, _ = cli("schema", kind)
    assert code == 0 and json.loads(out)["properties"]["kind"]
    code, out, err = cli("new", kind, "-o", tmp_path / "s")
    assert code == 0, err
    code, out = cli.json("validate", out.strip().removeprefix("wrote "), "--today", "2027-01-01")
    assert code == 0 and out["ok"] is True


def test_unknown_field_and_tracker_hook(ex):
    from uprdraft.findings import ContentError
    from uprdraft.kinds import Request
    from uprdraft.kinds.recommendation_source import load_recommendations
    from uprdraft.load import load

    with pytest.raises(ContentError):
        api.validate(_submission(ex, annex_reports=["x"]))
    model, src = load(ex / "factsheet.yaml")
    with pytest.raises(InputError, match="tracker"):
        load_recommendations(model, src, Request(options={"db": "tracker.db"}))


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE or not shutil.which("pdftotext"), reason="LibreOffice or poppler not installed")
def test_libreoffice_opens_every_new_document(tmp_path, ex):
    api.render_upr_submission(ex / "upr-submission.yaml", tmp_path / "sub.docx", today="2027-03-01")
    api.render_pre_session_statement(ex / "pre-session-statement.yaml", tmp_path / "ps.docx", today="2027-09-01")
    api.render_recommending_state_briefs(ex / "recommending-state-briefs.yaml", tmp_path / "briefs")
    api.render_child_friendly_recommendations(ex / "child-friendly-recommendations.yaml", tmp_path / "cf.docx")
    api.render_factsheet(ex / "factsheet.yaml", tmp_path / "fs.docx")
    docs = [tmp_path / n for n in ("sub.docx", "ps.docx", "cf.docx", "fs.docx")]
    docs += [tmp_path / "briefs" / "index.docx", tmp_path / "briefs" / "brief-germany.docx"]
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), *map(str, docs)], check=True, capture_output=True,
                   timeout=240)
    expected = {"sub": ["Joint submission to the Universal Periodic Review of Ruritania", "1.", "Executive summary",
                        "Fully implemented"],
                "ps": ["Pre-session statement", "[0:"], "cf": ["In simple words", "Official text"],
                "fs": ["Implementation in figures", "Partially implemented"],
                "index": ["Recommending", "Germany"], "brief-germany": ["Brief for Germany", "NOTED"]}
    for stem, words in expected.items():
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "pdf" / f"{stem}.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        for w in words:
            assert w in text, (stem, w)
    # the chart is drawn: its category labels appear a second time, beside the bars
    fs = subprocess.run(["pdftotext", str(tmp_path / "pdf" / "fs.pdf"), "-"], capture_output=True, text=True,
                        check=True).stdout
    assert fs.count("Not implemented") >= 2


def test_midterm_report_carries_the_chart(ex, tmp_path):
    report = api.render_midterm_report(ex / "midterm-report.yaml", ex / "mt.docx")
    assert report.ok
    data = (ex / "mt.docx").read_bytes()
    chart, doc = _chart(data)
    assert "<c:barChart>" in chart and 'descr="Bar chart: implementation status of 10 recommendations' in doc
    assert doc.index("Triggered action") < doc.index("<c:chart ")  # the table, then the chart
    # a house template made before the chart existed still renders, without a chart
    from conftest import ROOT
    from docx import Document

    old = Document(str(ROOT / "templates" / "midterm-report-en.docx"))
    for p in old.paragraphs:
        if "status_chart" in p.text:
            p._p.getparent().remove(p._p)
    old.save(str(tmp_path / "house.docx"))
    report = api.render_midterm_report(ex / "midterm-report.yaml", ex / "mt2.docx", template=tmp_path / "house.docx")
    assert report.ok
    assert "word/charts/chart1.xml" not in zipfile.ZipFile(ex / "mt2.docx").namelist()


@pytest.mark.parametrize("deadline, moment, late", [
    ("2027-03-28T17:00", "2027-03-28T17:00", False),
    ("2027-03-28T17:00", "2027-03-28T17:01", True),
    ("2027-03-28T12:00:00+02:00", "2027-03-28T10:00+00:00", False),
    ("2027-03-28T12:00:00+02:00", "2027-03-28T10:01+00:00", True),
])
def test_deadline_with_its_own_hour(ex, deadline, moment, late):
    report = api.validate(_submission(ex, deadline=deadline), today=moment)
    assert ("submission-deadline" in codes(report)) is late


@pytest.mark.parametrize("kind, limit", [("individual", 2815), ("joint", 5630)])
def test_default_word_limits_at_the_edge(ex, kind, limit):
    def source(words: int) -> Path:
        data = _load(ex, "upr-submission.yaml")
        if kind == "individual":
            data["submission_type"] = "individual"
            del data["joint_with"]
        data["themes"][0]["assessment"] = " ".join(["word"] * words)
        return _write(ex, f"{kind}.yaml", data)

    base = api.validate(source(1), today="2027-03-01").stats["counted_words"]
    at = api.validate(source(1 + limit - base), today="2027-03-01")
    assert at.stats["counted_words"] == limit and at.ok, at.findings
    over = api.validate(source(2 + limit - base), today="2027-03-01")
    assert over.stats["counted_words"] == limit + 1 and "submission-length" in codes(over)


def test_inputs_in_their_shorter_forms(ex):
    """Names as plain text, key words as one text, asks and child-friendly texts as mappings,
    and a submission without theme sections (one per theme of the recommendations)."""
    data = _load(ex, "upr-submission.yaml")
    data.update(organisation="Ruritania Child Rights Network", joint_with=["Save Our Schools", "Youth Justice Watch"],
                key_words="corporal punishment; education")
    del data["themes"]
    report = api.render_upr_submission(_write(ex, "short.yaml", data), ex / "short.docx", today="2027-03-01")
    assert report.ok, report.findings
    text = " ".join(re.sub(r"<[^>]+>", " ", _part((ex / "short.docx").read_bytes(), "word/document.xml")).split())
    assert "Save Our Schools" in text and "juvenile justice" in text and "Key words: corporal punishment; education" in text
    ps = _load(ex, "pre-session-statement.yaml")
    ps["speaker"] = "Ana Petrova"
    assert api.validate(_write(ex, "ps.yaml", ps), today="2027-09-01").ok
    briefs = _load(ex, "recommending-state-briefs.yaml")
    briefs["asks"] = {"states": {"Germany": ["Raise the age."]}, "themes": {"education": "Fund assistants."},
                      "all": "Repeat your recommendation."}
    report = api.render_recommending_state_briefs(_write(ex, "b.yaml", briefs), ex / "b")
    assert report.ok
    germany = _part((ex / "b" / "brief-germany.docx").read_bytes(), "word/document.xml")
    assert "Raise the age." in germany and "Repeat your recommendation." in germany
    assert "Fund assistants." not in germany
    assert "Fund assistants." in _part((ex / "b" / "brief-qatar.docx").read_bytes(), "word/document.xml")
    cf = _load(ex, "child-friendly-recommendations.yaml")
    cf["child_friendly"] = {c["id"]: c["text"] for c in cf["child_friendly"]}
    assert api.validate(_write(ex, "cf.yaml", cf)).ok


def _bad_writer(analysis, ctx):
    return {"../escape.docx": b"x"}


def test_a_writer_of_many_files_gives_plain_names(tmp_path):
    from uprdraft.context import make_context
    from uprdraft.kinds import Analysis, Kind, Output
    from uprdraft.pipeline import render_many

    out = Output("document", "-files", "test_next_review:_bad_writer", many=True)
    kind = Kind(name="x", title="x", model="m:M", analyse="m:a", summary="m:s", outputs=(out,))
    with pytest.raises(ValueError, match="plain file names"):
        render_many(kind, out, Analysis(None, None, [], {}), make_context(), tmp_path / "files")


@pytest.mark.parametrize("lang", ["es", "zh", "ar"])
def test_pre_session_in_another_language_is_a_warning(ex, lang):
    body = {"es": "Gracias. " * 400, "zh": "谢谢主席。" * 150, "ar": "شكراً سيدي الرئيس. " * 300}[lang]
    report = api.render_pre_session_statement(_pre_session(ex, body, language=lang), ex / "ps.docx",
                                              text_output=ex / "ps.txt", today="2027-09-01")
    assert report.ok and "pre-session-language" in codes(report)
    assert (ex / "ps.txt").read_text(encoding="utf-8").count(body.split()[0].strip()) >= 1


def test_chart_part_reads_back_with_an_independent_reader(ex):
    """openpyxl's DrawingML chart classes (which write charts Excel opens) read our part back."""
    from openpyxl.chart.chartspace import ChartSpace
    from openpyxl.xml.functions import fromstring

    api.render_factsheet(ex / "factsheet.yaml", ex / "fs.docx")
    chart = zipfile.ZipFile(ex / "fs.docx").read("word/charts/chart1.xml")
    (bar,) = ChartSpace.from_tree(fromstring(chart)).chart.plotArea._charts
    assert (bar.barDir, bar.grouping, len(bar.ser)) == ("bar", "clustered", 2)
    assert [p.v for p in bar.ser[1].val.numRef.numCache.pt] == [0, 0, 1, 0]
    assert [p.v for p in bar.ser[0].cat.strRef.strCache.pt] == ["Fully implemented", "Partially implemented",
                                                                 "Not implemented", "No data"]


def test_pre_session_calendar(cli, ex):
    code, out, err = cli("statement", "pre-session", ex / "pre-session-statement.yaml", "--ics", ex / "ps.ics",
                         "--today", "2027-09-01")
    assert code == 0, err
    from uprdraft.ics import read_calendar

    due, day = read_calendar((ex / "ps.ics").read_bytes())
    assert due.decoded("dtstart").isoformat() == "2027-09-22" and day.decoded("dtstart").isoformat() == "2027-10-06"
    assert due.subcomponents[0].decoded("trigger").days == -3
