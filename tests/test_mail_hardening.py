"""Sending never leaks Bcc; e-mail values from the rules are checked (issue 12, items 6 and 7).

Against the real aiosmtpd server on 127.0.0.1 used by test_email_smtp.py.
"""
from __future__ import annotations

from email import policy
from email.parser import BytesParser

import pytest

pytest.importorskip("aiosmtpd")

from test_email_smtp import Sink, auth_ok, certs, eml, free_port, server  # noqa: E402,F401  (fixtures)

from uprdraft.findings import InputError  # noqa: E402
from uprdraft.mail import send_email  # noqa: E402
from uprdraft.mail.smtp import without_bcc  # noqa: E402


def with_header(path, line: bytes, at: int = 1):
    raw = path.read_bytes()
    lines = raw.split(b"\r\n")
    lines.insert(at if at >= 0 else lines.index(b""), line)  # -1: the last header
    path.write_bytes(b"\r\n".join(lines))
    return path


@pytest.mark.parametrize("at", [0, 2, -1])
def test_bcc_by_hand_reaches_its_recipients_but_is_never_transmitted(server, eml, at):  # noqa: F811
    c, sink = server()
    with_header(eml, b"Bcc: Secret Desk <secret@example.org>,\r\n  other@example.org", at)
    sent = send_email(eml, "127.0.0.1", c.port, tls="none", timeout=5)
    (env,) = sink.envelopes
    assert sorted(env.rcpt_tos) == ["hrcngo@ohchr.org", "other@example.org", "secret@example.org"]
    assert b"secret@" not in env.original_content and b"other@" not in env.original_content
    assert b"bcc" not in env.original_content.lower().split(b"\r\n\r\n")[0]
    # everything else byte for byte
    assert env.original_content == without_bcc(eml.read_bytes())
    assert len(env.original_content) == len(eml.read_bytes()) - len(b"Bcc: Secret Desk <secret@example.org>,\r\n"
                                                                     b"  other@example.org\r\n")
    assert sent["to"] == ["hrcngo@ohchr.org"] and sent["bcc"] == ["secret@example.org", "other@example.org"]
    msg = BytesParser(policy=policy.default).parsebytes(env.original_content)
    assert msg["Bcc"] is None and msg["To"] == "hrcngo@ohchr.org"


def test_without_bcc_leaves_other_messages_alone():
    raw = b"From: a@b.org\r\nTo: c@d.org\r\nSubject: Bcc: in the subject\r\n\r\nBcc: in the body\r\n"
    assert without_bcc(raw) == raw
    assert without_bcc(b"BCC : x@y.org\nTo: c@d.org\n\nbody") == b"To: c@d.org\n\nbody"


def test_bcc_through_the_rules_and_a_desk_address_warning(server, tmp_path, cli):  # noqa: F811
    from test_email import BEFORE, statement_docx, submission

    c, sink = server()
    rules = tmp_path / "rules.yaml"
    rules.write_text("email:\n  to: desk@example.org\n  draft_header: [Bcc, watcher@example.org]\n", encoding="utf-8")
    form, docx = submission(tmp_path), statement_docx(tmp_path)
    code, rep = cli.json("--rules", rules, "email", form, docx, "--today", BEFORE, "--send", "--smtp-host",
                         "127.0.0.1", "--smtp-port", c.port, "--smtp-tls", "none")
    assert code == 0, rep
    warnings = [f for f in rep["findings"] if f["code"] == "email-to"]
    assert len(warnings) == 1 and "desk@example.org" in warnings[0]["message"]
    assert warnings[0]["severity"] == "warning"
    (env,) = sink.envelopes
    assert sorted(env.rcpt_tos) == ["desk@example.org", "watcher@example.org"]
    assert b"watcher" not in env.original_content
    saved = (tmp_path / "statement.eml").read_bytes()
    assert b"Bcc: watcher@example.org" in saved  # the draft shows it to its author
    assert env.original_content == without_bcc(saved)


def test_the_secretariat_addresses_give_no_warning(tmp_path, cli):
    from test_email import BEFORE, statement_docx, submission

    for to in ("ohchr-hrcngo@un.org", "HRCNGO@ohchr.org"):
        rules = tmp_path / "rules.yaml"
        rules.write_text(f"email: {{to: '{to}'}}\n", encoding="utf-8")
        code, rep = cli.json("--rules", rules, "email", submission(tmp_path), statement_docx(tmp_path), "--today",
                             BEFORE, "-o", tmp_path / "m.eml", "--force")
        assert code == 0 and not [f for f in rep["findings"] if f["code"] == "email-to"], rep


@pytest.mark.parametrize("value, words", [
    ('{to: "hrcngo@ohchr.org\\r\\nBcc: spy@example.org"}', "email.to"),
    ('{to: "hrcngo@ohchr.org\\nX: y"}', "email.to"),
    ('{to: "not an address"}', "email.to"),
    ('{subject_template: "{foo} statement"}', "unknown field {foo}"),
    ('{subject_template: "{ngo} {"}', "email.subject_template"),
    ('{subject_template: "{ngo.__class__}"}', "unknown field"),
    ('{subject_template: "HRC{session}\\r\\nBcc: spy@example.org"}', "email.subject_template"),
    ('{draft_header: ["X-Unsent\\nBcc", "1"]}', "email.draft_header"),
])
def test_bad_email_rules_are_one_line_exit_2(tmp_path, cli, value, words):
    from test_email import BEFORE, statement_docx, submission

    rules = tmp_path / "rules.yaml"
    rules.write_text(f"email: {value}\n", encoding="utf-8")
    code, out, err = cli("--rules", rules, "email", submission(tmp_path), statement_docx(tmp_path), "--today", BEFORE)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and words in err and "internal" not in err and "Traceback" not in err
    assert not (tmp_path / "statement.eml").exists()


@pytest.mark.parametrize("user, password", [("anä", "s3cret"), ("ana", "sécret€")])
def test_non_ascii_login_is_one_line_that_keeps_the_saved_hint(server, eml, user, password, tmp_path, cli,  # noqa: F811
                                                                monkeypatch):
    c, sink = server(authenticator=auth_ok, auth_require_tls=False)
    with pytest.raises(InputError) as e:
        send_email(eml, "127.0.0.1", c.port, user=user, password=password, tls="none", timeout=5)
    msg = str(e.value.findings[0].message)
    assert "not plain ASCII" in msg and f"the message is saved in {eml}" in msg and password not in msg
    assert sink.envelopes == []

    from test_email import BEFORE, statement_docx, submission

    monkeypatch.setenv("UPRDRAFT_SMTP_PASSWORD", password)
    tmp_path = tmp_path / "cli"
    tmp_path.mkdir()
    code, out, err = cli("email", submission(tmp_path), statement_docx(tmp_path), "--today", BEFORE, "--send",
                         "--smtp-host", "127.0.0.1", "--smtp-port", c.port, "--smtp-tls", "none",
                         "--smtp-user", user)
    assert code == 2 and "Traceback" not in err and "internal" not in err
    lines = [line for line in err.splitlines() if "[smtp]" in line]
    assert len(lines) == 1 and "statement.eml" in lines[0]
    assert (tmp_path / "statement.eml").exists()
