"""`uprdraft email`: the gate, the .eml (headers, form, attachment), determinism, the CLI."""
from __future__ import annotations

import datetime as dt
import io
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.policy import compat32
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.mail import compose
from uprdraft.rules import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BEFORE = "2026-05-01"  # well before the 21-day deadline of a session opening 2026-06-15


def word_docx(paragraphs: list[str], bold: bool = False) -> bytes:
    """A statement "drafted in Word": Times New Roman 10 in every font slot, plain."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")
    for text in paragraphs:
        run = doc.add_paragraph().add_run(text)
        if bold:
            run.bold = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def submission(tmp_path: Path, **over) -> Path:
    from ruamel.yaml import YAML

    y = YAML()
    data = y.load((EXAMPLES / "submission.yaml").read_text(encoding="utf-8"))
    data.update(over)
    path = tmp_path / "form.yaml"
    with path.open("w", encoding="utf-8") as f:
        y.dump(data, f)
    return path


TITLE = "Children's right to be heard: follow-up to the third UPR of Ruritania"


def statement_docx(tmp_path: Path, n_words: int = 0, name="statement.docx", **kw) -> Path:
    """Title + a body so that the file has the title's words + n_words."""
    body = [" ".join(f"word{i}" for i in range(n_words))] if n_words else ["Children must be heard."]
    path = tmp_path / name
    path.write_bytes(word_docx([TITLE, *body], **kw))
    return path


def parse(path: Path):
    return BytesParser(policy=policy.default).parsebytes(Path(path).read_bytes())


def title_words() -> int:
    from uprdraft.wordcount import count_words

    return count_words(TITLE)


# --------------------------------------------------------------------------- the message
def test_submission_and_word_file_give_a_draft_to_the_secretariat(tmp_path, cli):
    form, docx = submission(tmp_path), statement_docx(tmp_path, 100)
    code, rep = cli.json("email", form, docx, "--today", BEFORE)
    assert code == 0, rep
    eml = tmp_path / "statement.eml"  # default: the DOCX name with .eml, beside it
    assert rep["ok"] and rep["output"] == str(eml)
    total = title_words() + 100
    assert rep["stats"]["words"] == {"body": total, "footnotes": 0, "total": total}
    assert rep["stats"]["limit"] == 1500  # special status
    msg = parse(eml)
    assert msg["To"] == "hrcngo@ohchr.org"
    assert msg["From"] == msg["Reply-To"] == "Ana Pérez <ana.perez@childrights-ruritania.org>"
    assert msg["Subject"] == "Child Rights Alliance for Ruritania – NGO written statement – HRC62"
    assert msg["X-Unsent"] == "1"
    assert msg["Message-ID"].endswith("@childrights-ruritania.org>")
    assert msg["Date"] == "Fri, 01 May 2026 00:00:00 +0000"
    text = msg.get_body(("plain",)).get_content()
    for line in ("Contact person: Ana Pérez", "Phone: +41 22 555 01 23",
                 "E-mail: ana.perez@childrights-ruritania.org", "Session: HRC62 (opening 15 June 2026)",
                 "Agenda item: 6", "Segment: General debate (GD)",
                 "Lead NGO (status): Child Rights Alliance for Ruritania (Special)",
                 f"Title: {TITLE}", "Language: English",
                 f"Word count (including footnotes): {total} (body {total}, footnotes 0)",
                 "NGOs without consultative status supporting the statement: Ruritanian Children's Parliament",
                 "Attachment: statement.docx"):
        assert line in text.splitlines(), line
    # co-sponsors grouped General, Special, Roster (the input lists Roster before Special)
    i = text.splitlines().index("Co-sponsors:")
    assert text.splitlines()[i + 1:i + 4] == ["  General: Défense des Enfants International",
                                              "  Special: Youth Voices Network",
                                              "  Roster: Red Latinoamericana por la Infancia"]
    (att,) = msg.iter_attachments()
    assert att.get_content_type() == DOCX_MIME
    assert att.get_filename() == "statement.docx"
    assert att.get_content() == docx.read_bytes()


def test_same_inputs_same_bytes(tmp_path, cli):
    form, docx = submission(tmp_path), statement_docx(tmp_path)
    assert cli("email", form, docx, "--today", BEFORE, "-o", tmp_path / "a.eml")[0] == 0
    assert cli("email", form, docx, "--today", BEFORE, "-o", tmp_path / "b.eml")[0] == 0
    assert (tmp_path / "a.eml").read_bytes() == (tmp_path / "b.eml").read_bytes()
    assert cli("email", form, docx, "--today", "2026-05-02", "-o", tmp_path / "c.eml")[0] == 0
    assert parse(tmp_path / "a.eml")["Message-ID"] != parse(tmp_path / "c.eml")["Message-ID"]


def test_french_non_ascii_names_and_file_name(tmp_path, cli):
    form = submission(tmp_path, language="fr",
                      organisation={"name": "Défense des Enfants – Ruritanie", "status": "general"},
                      contact={"name": "Zoë Müller-Ñúñez", "email": "zoe@enfants.example.org", "phone": "+41 22 555"},
                      title=TITLE)
    docx = tmp_path / "Déclaration écrite.docx"
    docx.write_bytes(word_docx([TITLE, "Les enfants doivent être entendus."]))
    code, rep = cli.json("email", form, docx, "--today", BEFORE)
    assert code == 0, rep
    raw = Path(rep["output"]).read_bytes()
    assert raw.isascii()  # everything non-ASCII is encoded (RFC 2047 / 2231 / quoted-printable)
    msg = parse(rep["output"])
    assert msg["Subject"] == "Défense des Enfants – Ruritanie – NGO written statement – HRC62"
    assert decoded(BytesParser(policy=compat32).parsebytes(raw)["From"]) == "Zoë Müller-Ñúñez <zoe@enfants.example.org>"
    text = msg.get_body(("plain",)).get_content()
    assert "Personne de contact: Zoë Müller-Ñúñez" in text
    assert "ONG principale (statut): Défense des Enfants – Ruritanie (statut consultatif général)" in text
    assert "Session: HRC62 (ouverture le 15 juin 2026)" in text
    assert "Langue: Français" in text
    assert next(msg.iter_attachments()).get_filename() == "Déclaration écrite.docx"


def test_address_and_subject_come_from_the_rules(tmp_path, cli):
    rules = tmp_path / "rules.yaml"
    rules.write_text("email:\n  to: ohchr-hrcngo@un.org\n  subject_template: '{ngo} - written statement(s) "
                     "submitted to HRC{session}'\n", encoding="utf-8")
    form, docx = submission(tmp_path), statement_docx(tmp_path)
    code, rep = cli.json("--rules", rules, "email", form, docx, "--today", BEFORE)
    assert code == 0, rep
    msg = parse(rep["output"])
    assert msg["To"] == "ohchr-hrcngo@un.org"
    # a 77-character ASCII subject is folded whole onto the next line; parsers keep the fold space
    assert msg["Subject"].strip() == "Child Rights Alliance for Ruritania - written statement(s) submitted to HRC62"


# --------------------------------------------------------------------------- the gate
def test_word_limit_exact_and_one_past(tmp_path, cli):
    limit = DEFAULT.written.word_limit["special"]
    form = submission(tmp_path)
    at = statement_docx(tmp_path, limit - title_words(), name="at.docx")
    code, rep = cli.json("email", form, at, "--today", BEFORE)
    assert code == 0 and rep["stats"]["words"]["total"] == limit
    over = statement_docx(tmp_path, limit - title_words() + 1, name="over.docx")
    code, rep = cli.json("email", form, over, "--today", BEFORE)
    assert code == 1 and not rep["ok"] and rep["output"] is None
    assert "word-limit" in [f["code"] for f in rep["findings"]]
    assert not (tmp_path / "over.eml").exists()
    # the same file is within the limit of an NGO in General status (2,000)
    code, rep = cli.json("email", submission(tmp_path, organisation={"name": "Big NGO", "status": "general"}),
                         over, "--today", BEFORE)
    assert code == 0 and rep["stats"]["limit"] == 2000


def test_non_compliant_word_file_stops_the_message(tmp_path, cli):
    docx = statement_docx(tmp_path, bold=True)
    code, out, err = cli("email", submission(tmp_path), docx, "--today", BEFORE)
    assert code == 1
    assert "[bold]" in err and "statement.docx" in err
    assert not (tmp_path / "statement.eml").exists()


def test_lead_without_ecosoc_status(tmp_path, cli):
    form = submission(tmp_path, organisation={"name": "Local Group", "status": "none"})
    code, rep = cli.json("email", form, statement_docx(tmp_path), "--today", BEFORE)
    assert code == 1
    (f,) = [f for f in rep["findings"] if f["code"] == "consultative-status"]
    assert f["location"].startswith(f"{form}:") and "supporter" in f["message"]


@pytest.mark.parametrize("today, code, finding, severity", [
    ("2026-05-25", 0, "deadline-near", "warning"),   # the deadline day itself (21 days before 15 June): on time
    ("2026-05-26", 1, "deadline", "error"),          # one day late
])
def test_deadline_21_days_before_session(tmp_path, cli, today, code, finding, severity):
    got, rep = cli.json("email", submission(tmp_path), statement_docx(tmp_path), "--today", today)
    assert got == code
    (f,) = [f for f in rep["findings"] if f["code"].startswith("deadline")]
    assert f["code"] == finding and f["severity"] == severity
    if severity == "error":
        assert "--late" in f["message"] and rep["output"] is None


def test_late_keeps_the_warning(tmp_path, cli):
    code, rep = cli.json("email", submission(tmp_path), statement_docx(tmp_path), "--today", "2026-05-28", "--late")
    assert code == 0 and rep["ok"] and Path(rep["output"]).exists()
    (f,) = [f for f in rep["findings"] if f["code"].startswith("deadline")]
    assert f["code"] == "deadline-passed" and f["severity"] == "warning" and "--late" in f["message"]


def test_hard_minimum_is_not_lifted_by_late(tmp_path, cli):
    hard = DEFAULT.written.hard_min_days
    start = dt.date(2026, 6, 15)
    ok_day = (start - dt.timedelta(days=hard)).isoformat()  # exactly the hard minimum: late but allowed
    assert cli("email", submission(tmp_path), statement_docx(tmp_path), "--today", ok_day, "--late", "--force")[0] == 0
    too_late = (start - dt.timedelta(days=hard - 1)).isoformat()
    code, rep = cli.json("email", submission(tmp_path), statement_docx(tmp_path), "--today", too_late, "--late",
                         "--force")
    assert code == 1 and "deadline:" in rep["findings"][0]["message"]


def test_published_deadline_overrides_the_rule(tmp_path, cli):
    # NHRI note 2024: 5 September for a session opening 9 September
    form = submission(tmp_path, session_start=dt.date(2026, 9, 9), deadline=dt.date(2026, 9, 5))
    assert cli("email", form, statement_docx(tmp_path), "--today", "2026-09-05")[0] == 0
    code, rep = cli.json("email", form, statement_docx(tmp_path), "--today", "2026-09-06", "--force")
    assert code == 1 and rep["findings"][0]["location"].startswith(f"{form}:")


# --------------------------------------------------------------------------- written statements
def test_written_statement_input_and_its_rendered_file(tmp_path, cli):
    src = tmp_path / "statement.md"
    src.write_text((EXAMPLES / "written-statement.md").read_text(encoding="utf-8"), encoding="utf-8")
    code, rendered = cli.json("statement", "written", src, "--today", BEFORE)
    assert code == 0, rendered
    code, rep = cli.json("email", src, tmp_path / "statement.docx", "--today", BEFORE)
    assert code == 0, rep
    assert rep["stats"]["words"] == rendered["stats"]["words"]
    assert not [f for f in rep["findings"] if f["code"] in ("word-count-differs", "title")]
    w = rendered["stats"]["words"]
    text = parse(rep["output"]).get_body(("plain",)).get_content()
    assert f"Word count (including footnotes): {w['total']:,} (body {w['body']:,}, footnotes {w['footnotes']:,})" in text


def test_title_must_open_the_word_file(tmp_path, cli):
    docx = tmp_path / "other.docx"
    docx.write_bytes(word_docx(["Another title", "Text."]))
    code, rep = cli.json("email", submission(tmp_path), docx, "--today", BEFORE)
    assert code == 0
    (f,) = [f for f in rep["findings"] if f["code"] == "title"]
    assert f["severity"] == "warning" and "Another title" in f["message"]


# --------------------------------------------------------------------------- input and output errors
def test_no_overwrite_without_force(tmp_path, cli):
    form, docx = submission(tmp_path), statement_docx(tmp_path)
    (tmp_path / "statement.eml").write_text("mine")
    code, out, err = cli("email", form, docx, "--today", BEFORE)
    assert code == 2 and "--force" in err
    assert (tmp_path / "statement.eml").read_text() == "mine"
    assert cli("email", form, docx, "--today", BEFORE, "--force")[0] == 0
    assert (tmp_path / "statement.eml").read_bytes().startswith(b"From:")


def test_missing_or_non_word_file_exit_2(tmp_path, cli):
    form = submission(tmp_path)
    code, out, err = cli("email", form, tmp_path / "nope.docx")
    assert code == 2 and "nope.docx" in err and "Traceback" not in err
    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(b"%PDF-1.4 not a word file")
    code, out, err = cli("email", form, pdf)
    assert code == 2 and "statement.pdf" in err


def test_wrong_kind(tmp_path, cli):
    code, out, err = cli("email", EXAMPLES / "oral-statement.yaml", statement_docx(tmp_path))
    assert code == 1 and "written-statement or a submission" in err


def test_sender_needs_an_ascii_address(tmp_path, cli):
    form = submission(tmp_path, contact={"name": "José", "email": "josé@example.org"})
    code, rep = cli.json("email", form, statement_docx(tmp_path), "--today", BEFORE)
    assert code == 1 and rep["findings"][0]["code"] == "email"
    assert rep["findings"][0]["location"].startswith(f"{form}:")


def test_invalid_contact_email_is_a_schema_error(tmp_path, cli):
    form = submission(tmp_path, contact={"name": "Ana", "email": "ana@@example"})
    code, rep = cli.json("email", form, statement_docx(tmp_path), "--today", BEFORE)
    assert code == 1 and rep["findings"][0]["code"] == "schema" and "contact.email" in rep["findings"][0]["message"]


def test_send_options_are_checked_before_any_work(tmp_path, cli, monkeypatch):
    form, docx = submission(tmp_path), statement_docx(tmp_path)
    code, out, err = cli("email", form, docx, "--today", BEFORE, "--send")
    assert code == 2 and "--smtp-host" in err
    monkeypatch.delenv("UPRDRAFT_SMTP_PASSWORD", raising=False)
    code, out, err = cli("email", form, docx, "--today", BEFORE, "--send", "--smtp-host", "127.0.0.1",
                         "--smtp-user", "ana")
    assert code == 2 and "UPRDRAFT_SMTP_PASSWORD" in err
    assert not (tmp_path / "statement.eml").exists()


def test_validate_a_submission_form(cli):
    code, rep = cli.json("validate", EXAMPLES / "submission.yaml", "--today", BEFORE)
    assert code == 0 and rep["stats"]["limit"] == 1500 and rep["stats"]["deadline"] == "2026-05-25"


# --------------------------------------------------------------------------- arbitrary text
def decoded(header) -> str:
    value = str(make_header(decode_header(str(header))))
    # a quoted display name: "a\\"b" -> a"b (an encoded word is decoded above)
    if str(header).startswith('"'):
        from email.utils import parseaddr

        name, addr = parseaddr(value)
        return f"{name} <{addr}>"
    return value


class Form:
    """A model-like object for compose(): any names and titles."""

    def __init__(self, name, org, title, supporters):
        from uprdraft.models.common import Contact, Organisation

        self.kind = "submission"
        self.language = "en"
        self.session = 62
        self.session_start = None
        self.agenda_item = 6
        self.segment = "panel"
        self.title = title
        self.organisation = Organisation(name=org, status="special")
        self.co_sponsors = []
        self.supporters = supporters
        self.contact = Contact(name=name, email="ana@example.org")


def _visible(s: str) -> bool:  # names and titles have visible text (the models require it)
    from uprdraft.mail.form import one_line

    return bool(one_line(s))


text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60).filter(_visible)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=text, org=text, title=text, supporters=st.lists(text, max_size=3), data=st.binary(max_size=300))
def test_any_names_survive_the_round_trip(name, org, title, supporters, data):
    form = Form(name, org, title, supporters)
    msg = compose(form, "statement.docx", data, {"body": 1, "footnotes": 0, "total": 1},
                  dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc))
    raw = msg.as_bytes()
    back = BytesParser(policy=policy.default).parsebytes(raw)
    from uprdraft.mail.form import one_line

    def one(words):  # the words of a name on one line, control characters dropped as in headers
        return one_line(" ".join(words))

    assert back["Subject"] == DEFAULT.email.subject_template.format(ngo=one(form.organisation.name.split()),
                                                                        session=62)
    # decoded as RFC 2047 says (Python's own address parser wrongly adds a space between
    # adjacent encoded words of a display name; mail programs do not)
    sender = decoded(BytesParser(policy=compat32).parsebytes(raw)["From"])
    assert sender == f"{one(form.contact.name.split())} <ana@example.org>"
    assert len(back.keys()) == len(msg.keys())  # no header injected by a line break
    body = back.get_body(("plain",)).get_content()
    assert f"Title: {one(form.title.split())}" in body.splitlines()
    assert next(back.iter_attachments()).get_content() == data


def test_readme_example(tmp_path, cli):
    """docs/readme-email.md: the example form and Word file give a message."""
    out = tmp_path / "statement.eml"
    code, rep = cli.json("email", EXAMPLES / "submission.yaml", EXAMPLES / "submission-statement.docx",
                         "-o", out, "--today", BEFORE)
    assert code == 0 and rep["findings"] == []
    assert rep["stats"]["words"] == {"body": 96, "footnotes": 5, "total": 101}
    assert "Word count (including footnotes): 101 (body 96, footnotes 5)" in \
        parse(out).get_body(("plain",)).get_content()


def test_a_nul_in_the_contact_name_never_reaches_a_header():
    form = Form("Ana\x00 Pérez\x85", "NGO\x00", "Title", [])
    raw = compose(form, "statement.docx", b"x", {"body": 1, "footnotes": 0, "total": 1},
                  dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)).as_bytes()
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\x00" not in headers and "\x85".encode() not in headers
    back = BytesParser(policy=policy.default).parsebytes(raw)
    assert str(back["From"]) == "Ana Pérez <ana@example.org>"
