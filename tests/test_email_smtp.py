"""Sending the submission e-mail to a real SMTP server started on 127.0.0.1 (aiosmtpd)."""
from __future__ import annotations

import datetime as dt
import socket
import ssl
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest

aiosmtpd = pytest.importorskip("aiosmtpd")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult  # noqa: E402

from uprdraft.findings import InputError  # noqa: E402
from uprdraft.mail import send_email  # noqa: E402

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    """Keeps every message; rejects all of them when ``reject`` is set."""

    def __init__(self, reject: str | None = None):
        self.reject = reject
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        if self.reject:
            return self.reject
        self.envelopes.append(envelope)
        return "250 OK"


def auth_ok(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"ana" and auth_data.password == b"s3cret"
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


@pytest.fixture
def server():
    started = []

    def start(handler=None, **kw):
        handler = handler or Sink()
        c = Controller(handler, hostname="127.0.0.1", port=free_port(), **kw)
        c.start()
        started.append(c)
        return c, handler

    yield start
    for c in started:
        c.stop()


@pytest.fixture
def eml(tmp_path):
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = "Ana Pérez <ana@example.org>"
    msg["To"] = "hrcngo@ohchr.org"
    msg["Subject"] = "Défense des Enfants – NGO written statement – HRC62"
    msg["X-Unsent"] = "1"
    msg.set_content("Contact person: Ana Pérez\nTitle: «Niños» ünïcode\n", cte="quoted-printable")
    msg.add_attachment(bytes(range(256)) * 40, maintype="application",
                       subtype=DOCX_MIME.split("/")[1], filename="Déclaration écrite.docx")
    path = tmp_path / "statement.eml"
    path.write_bytes(msg.as_bytes())
    return path


def test_received_message_equals_the_eml(server, eml):
    c, sink = server()
    sent = send_email(eml, "127.0.0.1", c.port, tls="none", timeout=5)
    assert sent["to"] == ["hrcngo@ohchr.org"] and sent["from"] == "ana@example.org"
    (env,) = sink.envelopes
    assert env.mail_from == "ana@example.org" and env.rcpt_tos == ["hrcngo@ohchr.org"]
    raw = eml.read_bytes()
    assert env.original_content == raw  # byte for byte
    got = BytesParser(policy=policy.default).parsebytes(env.original_content)
    want = BytesParser(policy=policy.default).parsebytes(raw)
    assert got.items() == want.items()
    assert got["Subject"] == "Défense des Enfants – NGO written statement – HRC62"
    assert got.get_body(("plain",)).get_content() == want.get_body(("plain",)).get_content()
    (att,) = got.iter_attachments()
    assert att.get_content_type() == DOCX_MIME
    assert att.get_filename() == "Déclaration écrite.docx"
    assert att.get_content() == bytes(range(256)) * 40


def test_server_rejecting_the_message(server, eml):
    c, _ = server(Sink(reject="554 5.7.1 Message refused by policy"))
    before = eml.read_bytes()
    with pytest.raises(InputError) as e:
        send_email(eml, "127.0.0.1", c.port, tls="none", timeout=5)
    (f,) = e.value.findings
    assert f.code == "smtp" and "554" in f.message and "refused by policy" in f.message
    assert str(eml) in f.message and "\n" not in f.message
    assert eml.read_bytes() == before


def test_nothing_listening(eml):
    port = free_port()
    with pytest.raises(InputError) as e:
        send_email(eml, "127.0.0.1", port, tls="none", timeout=5)
    assert "connection refused" in e.value.findings[0].message
    assert eml.exists()


def test_timeout_when_the_server_never_answers(eml):
    with socket.socket() as silent:  # accepts connections (backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(InputError) as e:
            send_email(eml, "127.0.0.1", port, tls="none", timeout=0.3)
    assert "no answer within 0.3 s" in e.value.findings[0].message


def test_starttls_refused_when_the_server_does_not_offer_it(server, eml):
    c, sink = server()
    with pytest.raises(InputError) as e:
        send_email(eml, "127.0.0.1", c.port, tls="starttls", timeout=5)
    assert "STARTTLS" in e.value.findings[0].message
    assert sink.envelopes == []  # never falls back to plain text


def test_wrong_tls_mode():
    with pytest.raises(InputError, match="not one of"):
        send_email("x.eml", "127.0.0.1", 1, tls="tls1.0")


# --------------------------------------------------------------------------- TLS with a test CA
@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    """A throwaway CA and a certificate for 127.0.0.1 signed by it."""
    x509 = pytest.importorskip("cryptography.x509")
    import ipaddress

    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    d = tmp_path_factory.mktemp("certs")
    now = dt.datetime.now(dt.timezone.utc)

    def name(cn):
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("uprdraft test CA")).issuer_name(name("uprdraft test CA"))
          .public_key(ca_key.public_key()).serial_number(1).not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(2).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    (d / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (d / "cert.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    (d / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))
    return d


def server_context(certs) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(certs / "cert.pem", certs / "key.pem")
    return ctx


def test_starttls_with_login(server, eml, certs):
    c, sink = server(tls_context=server_context(certs), require_starttls=True, authenticator=auth_ok,
                     auth_require_tls=True)
    send_email(eml, "127.0.0.1", c.port, user="ana", password="s3cret", tls="starttls",
               cafile=str(certs / "ca.pem"), timeout=5)
    (env,) = sink.envelopes
    assert env.original_content == eml.read_bytes()


def test_starttls_wrong_password(server, eml, certs):
    c, sink = server(tls_context=server_context(certs), require_starttls=True, authenticator=auth_ok,
                     auth_require_tls=True)
    with pytest.raises(InputError) as e:
        send_email(eml, "127.0.0.1", c.port, user="ana", password="hunter2x", tls="starttls",
                   cafile=str(certs / "ca.pem"), timeout=5)
    msg = e.value.findings[0].message
    assert "login refused for 'ana'" in msg and "UPRDRAFT_SMTP_PASSWORD" in msg and "hunter2x" not in msg
    assert sink.envelopes == []


def test_untrusted_certificate_is_refused_by_default(server, eml, certs):
    c, sink = server(tls_context=server_context(certs), require_starttls=True)
    with pytest.raises(InputError) as e:
        send_email(eml, "127.0.0.1", c.port, tls="starttls", timeout=5)
    assert "cannot be trusted" in e.value.findings[0].message
    assert sink.envelopes == []


# --------------------------------------------------------------------------- the command line
def test_cli_send_saves_then_sends_the_same_bytes(server, tmp_path, cli):
    from test_email import BEFORE, statement_docx, submission

    c, sink = server()
    form, docx = submission(tmp_path), statement_docx(tmp_path)
    code, rep = cli.json("email", form, docx, "--today", BEFORE, "--send", "--smtp-host", "127.0.0.1",
                         "--smtp-port", c.port, "--smtp-tls", "none")
    assert code == 0, rep
    assert rep["stats"]["sent"] is True and rep["stats"]["smtp"]["to"] == ["hrcngo@ohchr.org"]
    (env,) = sink.envelopes
    assert env.original_content == (tmp_path / "statement.eml").read_bytes()
    assert env.mail_from == "ana.perez@childrights-ruritania.org"


def test_cli_send_failure_keeps_the_eml_and_exits_2(tmp_path, cli):
    from test_email import BEFORE, statement_docx, submission

    form, docx = submission(tmp_path), statement_docx(tmp_path)
    code, out, err = cli("email", form, docx, "--today", BEFORE, "--send", "--smtp-host", "127.0.0.1",
                         "--smtp-port", free_port(), "--smtp-tls", "none")
    assert code == 2
    lines = [l for l in err.splitlines() if "[smtp]" in l]
    assert len(lines) == 1 and "connection refused" in lines[0] and "statement.eml" in lines[0]
    assert "Traceback" not in err
    assert (tmp_path / "statement.eml").read_bytes().startswith(b"From:")


def test_cli_login_with_password_from_the_environment(server, tmp_path, cli, certs, monkeypatch):
    from test_email import BEFORE, statement_docx, submission

    c, sink = server(tls_context=server_context(certs), require_starttls=True, authenticator=auth_ok,
                     auth_require_tls=True)
    monkeypatch.setenv("UPRDRAFT_SMTP_PASSWORD", "s3cret")
    monkeypatch.setenv("UPRDRAFT_SMTP_CAFILE", str(certs / "ca.pem"))
    code, out, err = cli("email", submission(tmp_path), statement_docx(tmp_path), "--today", BEFORE, "--send",
                         "--smtp-host", "127.0.0.1", "--smtp-port", c.port, "--smtp-user", "ana")
    assert code == 0, err
    assert "sent it to hrcngo@ohchr.org" in out
    assert len(sink.envelopes) == 1


def test_implicit_tls(server, eml, certs):
    c, sink = server(ssl_context=server_context(certs))
    send_email(eml, "127.0.0.1", c.port, tls="ssl", cafile=str(certs / "ca.pem"), timeout=5)
    (env,) = sink.envelopes
    assert env.original_content == eml.read_bytes()
