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


SUBJECT_FIELDS = ("ngo", "session")


def check_email_rules(rules) -> list:
    """The rules' ``email`` values that go into headers, checked before anything is written:
    InputError (``rules``, one line) for a line break or control character in ``to`` or the
    draft header, an address that cannot be used, or a ``subject_template`` field other than
    ``{ngo}`` and ``{session}``. Returns the warnings: ``email-to`` for each address of ``to``
    that is not one of ``secretariat_addresses``."""
    import string
    import unicodedata
    from email.utils import getaddresses

    from ..findings import InputError, warning

    email = rules.email

    def bad(what: str) -> InputError:
        return InputError(f"rules: {what}", code="rules")

    def one_line(name: str, value: str) -> None:
        if any(unicodedata.category(c) == "Cc" for c in value):
            raise bad(f"email.{name}: {value!r} holds a line break or another control character; write it on one "
                      "line")

    one_line("to", email.to)
    addresses = [a for _, a in getaddresses([email.to]) if a]
    if not addresses:
        raise bad(f"email.to: {email.to!r} is not an e-mail address; the secretariat's is "
                  f"{email.secretariat_addresses[0]}")
    for address in addresses:
        try:
            ascii_address(address)
        except ValueError as e:
            raise bad(f"email.to: {address!r} cannot be used ({e})") from None
    name, value = email.draft_header
    one_line("draft_header", value)
    if not name or any(not (33 <= ord(c) <= 126) or c == ":" for c in name):
        raise bad(f"email.draft_header: {name!r} is not a header name (letters, digits and '-', no spaces)")
    one_line("subject_template", email.subject_template)
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(email.subject_template) if f is not None]
    except ValueError as e:
        raise bad(f"email.subject_template: {e}; write a brace as {{{{ or }}}}") from None
    for field in fields:
        if field not in SUBJECT_FIELDS:
            raise bad(f"email.subject_template: unknown field {{{field}}}; the fields are "
                      + " and ".join(f"{{{f}}}" for f in SUBJECT_FIELDS))
    known = {a.casefold() for a in email.secretariat_addresses}
    return [warning("email-to", f"email.to: {a} is not one of the secretariat's addresses "
                                f"({', '.join(email.secretariat_addresses)}); check the rules file", "rules: email.to")
            for a in addresses if a.casefold() not in known]


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
    check_email_rules(rules)
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
    for header in ("From", "Reply-To"):
        if name.isascii():
            msg[header] = Address(display_name=name, addr_spec=sender)
        else:  # folded by email.header, as the subject below
            msg.set_raw(header, _encoded(name, header) + f"\r\n <{sender}>")
    msg["To"] = email_rules.to
    if subject.isascii():
        msg["Subject"] = subject
    else:
        # RFC 2047 encoded words folded by email.header: the SMTP policy's own folder may put
        # a space of the subject between two encoded words, where readers drop it
        msg.set_raw("Subject", _encoded(subject, "Subject"))
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


def _encoded(text: str, header: str) -> str:
    """RFC 2047 encoded words of a non-ASCII header value, folded by :mod:`email.header`: the
    SMTP policy's own folder may put a space of the text between two encoded words, where
    readers drop it ("𐀀 – NGO" read back as "𐀀– NGO")."""
    from email.header import Header

    return Header(text, "utf-8", header_name=header).encode(linesep="\r\n")


def message_bytes(model, docx_name: str, docx_bytes: bytes, words: dict, date: dt.datetime, rules=None) -> bytes:
    """The .eml file's bytes (:func:`compose`, serialised with CRLF line ends)."""
    return compose(model, docx_name, docx_bytes, words, date, rules).as_bytes()
