"""Sending a saved .eml over SMTP, byte for byte, except ``Bcc``.

The envelope recipients are the addresses of ``To``, ``Cc`` and ``Bcc``; the ``Bcc`` header
itself (added by hand to the draft, or through the rules) is taken out of the bytes sent, so
no recipient learns who else got a blind copy.

TLS modes: ``starttls`` (port 587), ``ssl`` (implicit TLS, port 465) or ``none`` (port 25;
for local test servers). Certificates are always verified; a private CA can be trusted with
``cafile`` (CLI: ``UPRDRAFT_SMTP_CAFILE``). Every failure (refused connection, failed login,
timeout, refused message, untrusted certificate) is an InputError of one line that says
what to check; the .eml file is never touched, so it stays when sending fails.
"""
from __future__ import annotations

from pathlib import Path

from ..findings import InputError

TLS_MODES = ("starttls", "ssl", "none")


def check_tls(tls: str) -> None:
    if tls not in TLS_MODES:
        raise InputError(f"--smtp-tls: '{tls}' is not one of {', '.join(TLS_MODES)}", code="usage")


def check_options(host: str | None, user: str | None, password: str | None, tls: str) -> None:
    """The usage errors of ``--send``, raised before anything is read or written."""
    if not host:
        raise InputError("--send needs --smtp-host (your organisation's mail server)", code="usage")
    if user and not password:
        raise InputError("--smtp-user needs the password in the UPRDRAFT_SMTP_PASSWORD environment variable",
                         code="usage")
    check_tls(tls)


def _load_message(eml):
    from email import policy
    from email.message import EmailMessage
    from email.parser import BytesParser

    if isinstance(eml, EmailMessage):
        return eml, eml.as_bytes(policy=policy.SMTP), "the message"
    path = Path(eml)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read the message ({e.strerror})", code="io") from None
    return BytesParser(policy=policy.SMTP).parsebytes(raw), raw, str(path)


def _addresses(msg, name: str) -> list[str]:
    from email.utils import getaddresses

    return [a for _, a in getaddresses([str(v) for v in msg.get_all(name, [])]) if a]


def without_bcc(raw: bytes) -> bytes:
    """The message's bytes with every ``Bcc`` header (and its folded lines) taken out; the
    rest byte for byte."""
    import re

    m = re.search(rb"\r?\n(?=\r?\n)", raw)
    end = m.end() if m else len(raw)
    head = raw[:end]
    if not re.search(rb"(?im)^bcc[ \t]*:", head):
        return raw
    out = []
    skipping = False
    for line in head.splitlines(keepends=True):
        if skipping and line[:1] in (b" ", b"\t"):
            continue
        skipping = re.match(rb"(?i)bcc[ \t]*:", line) is not None
        if not skipping:
            out.append(line)
    return b"".join(out) + raw[end:]


def send_email(eml, host: str, port: int | None = None, user: str | None = None, password: str | None = None,
               tls: str = "starttls", timeout: float | None = None, cafile: str | None = None, rules=None) -> dict:
    """Send a saved .eml (path) or an ``EmailMessage`` over SMTP, exactly as it is but for
    its ``Bcc`` header: Bcc addresses get the message as envelope recipients, the header is
    never transmitted.

    ``tls``: ``starttls`` (default, port 587), ``ssl`` (implicit TLS, port 465) or ``none``
    (port 25; for local test servers). Certificates are verified against the system store,
    or ``cafile``. A refused connection, a failed login, a timeout or a refused message
    raises InputError with one line; the .eml is never touched. Returns what was sent.
    ``rules`` (default ports, timeout): see :func:`uprdraft.rules.resolve`.
    """
    import smtplib
    import socket
    import ssl

    from ..rules import resolve

    email_rules = resolve(rules).email
    check_tls(tls)
    msg, raw, where = _load_message(eml)
    port = port or email_rules.smtp_ports[tls]
    timeout = timeout if timeout is not None else email_rules.smtp_timeout_seconds
    sender = (_addresses(msg, "From") or [""])[0]
    visible = _addresses(msg, "To") + _addresses(msg, "Cc")
    bcc = _addresses(msg, "Bcc")
    recipients = list(dict.fromkeys(visible + bcc))
    raw = without_bcc(raw)
    if not sender or not visible:
        raise InputError(f"{where}: the message has no From or no To address", code="smtp")
    server = f"{host}:{port}"
    keep = f"; the message is saved in {where}" if where != "the message" else ""
    try:
        context = ssl.create_default_context(cafile=cafile) if tls != "none" else None
    except (OSError, ssl.SSLError) as e:
        raise InputError(f"{cafile}: cannot read the CA file ({e})", code="smtp") from None

    def fail(what: str):
        return InputError(f"{server}: {what}{keep}", code="smtp")

    try:
        smtp: smtplib.SMTP
        if tls == "ssl":
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        with smtp:
            if tls == "starttls":
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise fail("the server does not offer STARTTLS; use --smtp-tls ssl, or ask your mail "
                               "provider for the submission port")
                smtp.starttls(context=context)
                smtp.ehlo()
            if user:
                try:
                    smtp.login(user, password or "")
                except UnicodeEncodeError:
                    raise fail("the user name or the password holds a character that is not plain ASCII, "
                               "which SMTP login cannot send; check --smtp-user and UPRDRAFT_SMTP_PASSWORD") from None
            refused = smtp.sendmail(sender, recipients, raw)
    except InputError:
        raise
    except UnicodeError:
        raise fail("an address holds a character that is not plain ASCII, which this server cannot take") from None
    except ConnectionRefusedError:
        raise fail("connection refused; check --smtp-host and --smtp-port") from None
    except TimeoutError:
        raise fail(f"no answer within {timeout:g} s; check the host, the port and --smtp-tls") from None
    except socket.gaierror:
        raise fail("unknown host; check --smtp-host") from None
    except smtplib.SMTPAuthenticationError as e:
        raise fail(f"login refused for '{user}' ({_smtp_text(e)}); check --smtp-user and "
                   "UPRDRAFT_SMTP_PASSWORD") from None
    except smtplib.SMTPServerDisconnected as e:
        # smtplib wraps a timeout while reading the greeting into "unexpectedly closed: timed out"
        if "timed out" in str(e):
            raise fail(f"no answer within {timeout:g} s; check the host, the port and --smtp-tls") from None
        raise fail(f"the server closed the connection ({e}); check --smtp-port and --smtp-tls") from None
    except smtplib.SMTPNotSupportedError as e:
        raise fail(f"the server does not support this ({e}); check --smtp-tls and --smtp-user") from None
    except smtplib.SMTPRecipientsRefused as e:
        which = "; ".join(f"{a}: {_smtp_text(r)}" for a, r in e.recipients.items())
        raise fail(f"the server refused the recipient ({which})") from None
    except smtplib.SMTPSenderRefused as e:
        raise fail(f"the server refused the sender {sender} ({_smtp_text(e)})") from None
    except smtplib.SMTPResponseException as e:
        raise fail(f"the server refused the message ({_smtp_text(e)})") from None
    except ssl.SSLCertVerificationError as e:
        raise fail(f"the server's certificate cannot be trusted ({e.verify_message}); for a private CA "
                   "set UPRDRAFT_SMTP_CAFILE") from None
    except ssl.SSLError as e:
        raise fail(f"TLS failed ({e.reason or e}); check --smtp-tls (starttls on 587, ssl on 465)") from None
    except smtplib.SMTPException as e:
        raise fail(f"SMTP error ({e})") from None
    except OSError as e:
        raise fail(f"cannot connect ({e.strerror or e})") from None
    if refused:
        raise fail("the server refused some recipients (" + "; ".join(refused) + ")")
    return {"host": host, "port": port, "tls": tls, "from": sender, "to": visible, "bcc": bcc,
            "message_id": str(msg.get("Message-ID", ""))}



def _smtp_text(e) -> str:
    code = getattr(e, "smtp_code", None)
    err = getattr(e, "smtp_error", b"")
    if isinstance(err, tuple):  # SMTPRecipientsRefused values are (code, message)
        code, err = err
    if isinstance(e, tuple):
        code, err = e
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else str(err)
    return f"{code} {text}".strip()
