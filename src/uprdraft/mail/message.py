"""The message: the form as a quoted-printable body, the .docx attached, ``X-Unsent: 1``.

The same arguments give the same bytes: the Date comes from ``date``, the Message-ID and the
MIME boundary are derived from the content. Only :mod:`uprdraft.mail.form` and the rules
are used: this is a writer, it knows nothing of the gate or of sending.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from .form import form_text, one_line


def ascii_address(address: str) -> str:
    """The address as it can go in a header without SMTPUTF8 (IDNA domain), or ValueError."""
    from email_validator import EmailNotValidError, validate_email

    try:
        v = validate_email(address, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as e:
        raise ValueError(str(e)) from None
    return v.ascii_email or v.normalized


def date_for(today: dt.date | None) -> dt.datetime:
    """The Date header's moment: midnight UTC of ``today``, or now (local time) without it."""
    from email import utils

    if today is None:
        return utils.localtime()
    return dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)


def compose(model, docx_name: str, docx_bytes: bytes, words: dict, date: dt.datetime, rules=None):
    """The message (``email.message.EmailMessage``); deterministic for the same arguments.
    ``rules``: see :func:`uprdraft.rules.resolve`."""
    from email import policy, utils
    from email.headerregistry import Address
    from email.message import EmailMessage

    from ..rules import resolve

    rules = resolve(rules)
    email_rules = rules.email
    sender = ascii_address(model.contact.email)
    name = one_line(model.contact.name)
    subject = email_rules.subject_template.format(ngo=one_line(model.organisation.name), session=model.session)
    body = form_text(model, words, docx_name, rules)
    date_header = utils.format_datetime(date)
    # the Message-ID and the MIME boundary are derived from the content: same input, same bytes
    digest = hashlib.sha256("\0".join([sender, email_rules.to, subject, date_header, body]).encode()
                            + docx_bytes).hexdigest()

    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = Address(display_name=name, addr_spec=sender)
    msg["Reply-To"] = Address(display_name=name, addr_spec=sender)
    msg["To"] = email_rules.to
    msg["Subject"] = subject
    msg["Date"] = date_header
    msg["Message-ID"] = f"<{digest[:32]}@{sender.rpartition('@')[2]}>"
    msg[email_rules.draft_header[0]] = email_rules.draft_header[1]
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    maintype, _, subtype = email_rules.docx_mime.partition("/")
    msg.add_attachment(docx_bytes, maintype=maintype, subtype=subtype, filename=docx_name)
    # "=_" cannot occur in quoted-printable or base64 text, so this boundary is safe
    msg.set_boundary(f"=_uprdraft_{digest[32:64]}")
    # headers are written unfolded (up to RFC 5322's 998 characters): Python's folding of
    # encoded words can lose the space between two of them; the body is already encoded
    msg.policy = policy.SMTP.clone(max_line_length=998)
    return msg


def message_bytes(model, docx_name: str, docx_bytes: bytes, words: dict, date: dt.datetime, rules=None) -> bytes:
    """The .eml file's bytes (:func:`compose`, serialised with CRLF line ends)."""
    return compose(model, docx_name, docx_bytes, words, date, rules).as_bytes()
