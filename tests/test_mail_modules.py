"""The e-mail's modules: the gate's first-paragraph read, the form text, the message bytes,
the SMTP options, explicit rules, and a light package import."""
from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import threading
import zipfile
from email import policy
from email.parser import BytesParser

import pytest

from uprdraft import build_email
from uprdraft import email as submit
from uprdraft.findings import InputError
from uprdraft.mail.form import form_text
from uprdraft.mail.gate import first_text
from uprdraft.mail.message import compose, message_bytes
from uprdraft.mail.smtp import check_options
from uprdraft.rules import DEFAULT, resolve

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def docx(body: str, ns: str = W) -> bytes:
    """A minimal Word package whose body is ``body``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}'
                                        "</w:body></w:document>")
    return buf.getvalue()


# --------------------------------------------------------------------------- the gate
def test_first_text_reads_runs_and_hyperlinks_not_tables():
    body = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>"
            "<w:p><w:r><w:t>Child</w:t><w:noBreakHyphen/><w:t>rights</w:t><w:tab/></w:r>"
            "<w:hyperlink><w:r><w:t>now</w:t><w:br/><w:t>here</w:t></w:r></w:hyperlink>"
            "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins></w:p><w:p><w:r><w:t>Second</w:t></w:r></w:p>")
    assert first_text(docx(body)) == "Child-rights\tnow\nhere"
    assert first_text(docx(body, ns=STRICT_W)) == "Child-rights\tnow\nhere"
    assert first_text(docx("<w:p/>")) == ""
    assert first_text(b"PK\x03\x04 not a zip") is None


def test_first_text_agrees_with_python_docx_on_the_corpus(corpus):
    from docx import Document

    files = sorted(corpus.glob("docx-*/*.docx"))[:80]
    compared = 0
    for f in files:
        data = f.read_bytes()
        try:
            paragraphs = Document(io.BytesIO(data)).paragraphs
        except Exception:  # noqa: BLE001 (python-docx refuses it: nothing to compare)
            continue
        expected = next((p.text for p in paragraphs if p.text.strip()), "")
        assert first_text(data) == expected, f
        compared += 1
    assert compared > 20


# --------------------------------------------------------------------------- form and message
class Form:
    kind = "submission"
    language = "en"
    session = 62
    session_start = dt.date(2026, 6, 15)
    agenda_item = 3
    segment = "interactive-dialogue"
    title = "A title"
    supporters = ("Local Group",)

    def __init__(self):
        from uprdraft.models.common import Contact, Organisation

        self.organisation = Organisation(name="Lead NGO", status="special")
        self.co_sponsors = [Organisation(name="B", status="roster"), Organisation(name="A", status="general")]
        self.contact = Contact(name="Ana", email="ana@example.org")


WORDS = {"body": 1200, "footnotes": 30, "total": 1230}
DATE = dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)


def test_form_text_follows_the_rules_given():
    lines = form_text(Form(), WORDS, "s.docx", DEFAULT).splitlines()
    assert lines[lines.index("Co-sponsors:") + 1:][:2] == ["  General: A", "  Roster: B"]  # grouped by status
    assert "Word count (including footnotes): 1,230 (body 1,200, footnotes 30)" in lines
    custom = resolve({"email": {"body_labels": {"en": {**DEFAULT.email.body_labels["en"], "title": "Heading"}}},
                      "written": {"count_footnotes": False, "cosponsor_order": ["roster", "general", "special"]}})
    lines = form_text(Form(), WORDS, "s.docx", custom).splitlines()
    assert "Heading: A title" in lines
    assert any(line.endswith(": 1,200 (body 1,200, footnotes 30)") for line in lines)
    assert lines[lines.index("Co-sponsors:") + 1:][:2] == ["  Roster: B", "  General: A"]


def test_message_bytes_are_deterministic_and_take_rules():
    a = message_bytes(Form(), "s.docx", b"PK..", WORDS, DATE)
    assert a == message_bytes(Form(), "s.docx", b"PK..", WORDS, DATE, DEFAULT)
    other = message_bytes(Form(), "s.docx", b"PK..", WORDS, DATE, {"email": {"to": "other@example.org"}})
    assert BytesParser(policy=policy.default).parsebytes(other)["To"] == "other@example.org"
    assert compose(Form(), "s.docx", b"PK..", WORDS, DATE).as_bytes() == a


def test_two_threads_with_different_rules(tmp_path):
    from test_email import BEFORE, statement_docx, submission

    form, word = submission(tmp_path), statement_docx(tmp_path)
    seen: dict = {}

    def run(i):
        to = f"desk{i}@example.org"
        for n in range(3):
            out = tmp_path / f"m{i}-{n}.eml"
            report = build_email(form, word, out, today=dt.date.fromisoformat(BEFORE), rules={"email": {"to": to}})
            seen.setdefault(i, set()).add(report.stats["to"])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {0: {"desk0@example.org"}, 1: {"desk1@example.org"}}


# --------------------------------------------------------------------------- sending
def test_send_options_are_checked_before_anything_is_written(tmp_path):
    with pytest.raises(InputError, match="--smtp-host"):
        check_options(None, None, None, "starttls")
    with pytest.raises(InputError, match="UPRDRAFT_SMTP_PASSWORD"):
        check_options("smtp.example.org", "ana", None, "starttls")
    with pytest.raises(InputError, match="--smtp-tls"):
        check_options("smtp.example.org", None, None, "tls1.0")
    with pytest.raises(InputError, match="--smtp-host"):
        submit(tmp_path / "missing.yaml", tmp_path / "missing.docx", send=True)
    assert not list(tmp_path.iterdir())


def test_the_package_import_is_light():
    probe = ("import sys, uprdraft.mail, uprdraft.importers; "
             "print(sorted(m for m in ('lxml', 'pydantic', 'email_validator', 'babel', 'yaml', 'ruamel', 'docx') "
             "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
