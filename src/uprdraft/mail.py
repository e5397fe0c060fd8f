"""The submission e-mail to the HRC secretariat: a gate, an .eml file, and SMTP sending.

:func:`build_email` checks everything the secretariat would check before it writes anything:
the .docx against the ``hrc-written`` profile (fonts, emphasis, word count including
footnotes), the statement's rules (word limit for the lead NGO's status, deadline, ECOSOC
status). Only then does it write a message ready to send: the secretariat's form as a
plain-text body, the .docx attached, ``X-Unsent: 1`` so that mail programs open it as a
draft. The same inputs and ``today`` give the same bytes (Date from ``today``, Message-ID
and MIME boundary derived from the content).

:func:`send_email` sends the saved .eml, byte for byte, over SMTP with STARTTLS, implicit
TLS or (for local test servers) no TLS. Certificates are always verified; a private CA can
be trusted with ``cafile`` (CLI: ``UPRDRAFT_SMTP_CAFILE``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .findings import ContentError, Finding, InputError, Report, error, has_errors, warning
from .rules import get_rules
from .kinds.written import status_findings

TLS_MODES = ("starttls", "ssl", "none")
KINDS = ("written-statement", "submission")


# --------------------------------------------------------------------------- the gate
def _read_docx(docx_path: Path) -> bytes:
    from .fileio import read_bytes

    data = read_bytes(docx_path, "Word file")
    if not data.startswith(b"PK"):
        raise InputError(f"{docx_path}: not a Word .docx file; save it from Word as .docx (not PDF or .doc)",
                         code="not-docx")
    return data


def deadline_findings(model, src, today: dt.date, late: bool = False) -> list[Finding]:
    """The deadline gate of the e-mail [S2, S3, S4, S5].

    Past the deadline (the published ``deadline``, else ``deadline_days_before`` days before
    ``session_start``) is an error unless ``late``, which keeps it as a warning. Without a
    published deadline, fewer than ``hard_min_days`` before the session opens breaks the
    secretariat's own "two weeks" rule: an error that ``late`` does not lift.
    """
    from .kinds.written import deadline_for

    rules = get_rules().written
    deadline, basis = deadline_for(model, get_rules())
    if deadline is None:
        return [warning("deadline-unknown", "no deadline known: give session_start (or the published deadline) to "
                                    "check that the statement is on time", src.locate(()))]
    where = src.locate(("deadline",)) if model.deadline else src.locate(("session_start",))
    days_late = (today - deadline).days
    if days_late <= 0:
        left = -days_late
        if left <= rules.deadline_warn_days:
            return [warning("deadline-near", f"the deadline is {deadline.isoformat()} ({basis}): "
                                        f"{left} day{'s' if left != 1 else ''} left", where)]
        return []
    if not model.deadline and model.session_start and (model.session_start - today).days < rules.hard_min_days:
        return [error("deadline", f"the session opens on {model.session_start.isoformat()}, less than "
                                  f"{rules.hard_min_days} days from {today.isoformat()}: too late for a written "
                                  "statement; if the secretariat published a later deadline for this session, "
                                  "give it as 'deadline:'", where)]
    what = (f"the deadline was {deadline.isoformat()} ({basis}), {days_late} day{'s' if days_late > 1 else ''} "
            f"before {today.isoformat()}")
    if late:
        return [warning("deadline-passed", f"{what}; prepared late with --late: the secretariat may refuse it", where)]
    return [error("deadline", f"{what}; to prepare the e-mail anyway, add --late", where)]


def submission_findings(model, src, today: dt.date | None = None, late: bool = False) -> tuple[list[Finding], dict]:
    """Rule findings of the form alone (``uprdraft validate`` on a ``submission``); the
    word count needs the .docx and is checked by :func:`check_submission`."""
    from .kinds.written import applicable_limit, deadline_for

    today = today or dt.date.today()
    findings = status_findings(model, src, get_rules()) + deadline_findings(model, src, today, late)
    if not model.segment:
        findings.append(warning("segment", "segment: not given; the secretariat's form asks for it "
                                           "(general-debate, interactive-dialogue or panel)", src.locate(())))
    deadline = deadline_for(model, get_rules())[0]
    return findings, {"limit": applicable_limit(model, get_rules()), "deadline": deadline.isoformat() if deadline else None}


def _first_text(docx_bytes: bytes) -> str | None:
    """The first non-empty paragraph of the document: where the title must be [S1, S2].
    None when python-docx cannot open a file that the checker could (the check is skipped)."""
    import io

    from docx import Document

    try:
        paragraphs = Document(io.BytesIO(docx_bytes)).paragraphs
    except Exception:  # e.g. strict OOXML or an unusual main part: not worth failing the e-mail
        return None
    for p in paragraphs:
        if p.text.strip():
            return p.text
    return ""


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check_submission(model, src, docx_path, docx_bytes: bytes, today: dt.date | None = None,
                     late: bool = False) -> tuple[list[Finding], dict]:
    """Every finding that stops the e-mail, and the word count of the Word file.

    The .docx is checked against the ``hrc-written`` profile with the limit for the lead
    NGO's status (``word-limit`` comes from the file: it is what the secretariat counts);
    the statement's own rules come from :mod:`uprdraft.written` for a written statement,
    from :func:`submission_findings` for a submission form.
    """
    from .docx_check import check_docx
    from .kinds.written import applicable_limit, deadline_for, written_findings

    today = today or dt.date.today()
    limit = applicable_limit(model, get_rules())
    check = check_docx(docx_bytes, profile="hrc-written", limit=limit, name=str(docx_path))
    words = check.stats.get("words", {})
    findings = list(check.findings)
    if model.kind == "written-statement":
        rule_findings, input_stats = written_findings(model, src, get_rules(), today or dt.date.today())
        # the file's word count and deadline gate replace the input's
        findings += [f for f in rule_findings if f.code not in ("word-limit", "deadline-passed", "deadline-near")]
        findings += deadline_findings(model, src, today, late)
        if input_stats.get("words") and words and input_stats["words"].get("total") != words.get("total"):
            findings.append(warning(
                "word-count-differs",
                f"the Word file has {words.get('total')} words but the input gives {input_stats['words'].get('total')}; "
                "the Word file is what is sent: check that it is the latest version", str(docx_path)))
    else:
        findings += submission_findings(model, src, today, late)[0]
    first = _first_text(docx_bytes)
    if first is not None and not _same_text(first, model.title):
        findings.append(warning(
            "title",
            f"the Word file starts with \"{first[:40]}\", not with the title on the form; the title must open "
            "the statement exactly as on the form", f"{docx_path}: document, paragraph 1"))
    deadline = deadline_for(model, get_rules())[0]
    stats = {"words": words, "limit": limit, "deadline": deadline.isoformat() if deadline else None}
    return findings, stats


# --------------------------------------------------------------------------- the message
def _labels(lang: str) -> dict[str, str]:
    from .rules import get_rules

    labels = get_rules().email.body_labels
    return labels.get(lang) or labels["en"]


def _language_name(code: str, lang: str) -> str:
    from babel import Locale

    from .i18n import locale_for

    name = Locale.parse(locale_for(lang)).languages.get(code, code)
    return name[:1].upper() + name[1:]


def _number(n: int, lang: str) -> str:
    from babel.numbers import format_decimal

    from .i18n import locale_for

    return format_decimal(n, locale=locale_for(lang))


def form_text(model, words: dict, attachment_name: str) -> str:
    """The secretariat's submission form as the plain-text body, in the statement's language."""
    from .kinds import written
    from .i18n import format_date
    from .rules import get_rules

    rules = get_rules()
    lang = model.language
    L = _labels(lang)
    contact = model.contact
    lines = [L["greeting"], "", L["intro"].format(session=model.session), ""]
    lines.append(f"{L['contact']}: {_one_line(contact.name)}")
    lines.append(f"{L['phone']}: {_one_line(contact.phone or '') or L['none']}")
    lines.append(f"{L['email']}: {contact.email}")
    session = f"HRC{model.session}"
    if model.session_start:
        session += f" ({L['session_start'].format(date=format_date(model.session_start, lang))})"
    lines.append(f"{L['session']}: {session}")
    lines.append(f"{L['agenda_item']}: {model.agenda_item}")
    if model.segment:
        names = rules.email.segment_names.get(lang) or rules.email.segment_names["en"]
        code = rules.written.segment_codes.get(model.segment, "")
        lines.append(f"{L['segment']}: {names.get(model.segment, model.segment)} ({code})")
    else:
        lines.append(f"{L['segment']}: {L['none']}")
    org = model.organisation
    lines.append(f"{L['lead']}: {_one_line(org.name)} ({written.status_label(org.status, lang, get_rules())})")
    groups: dict[str, list[str]] = {}
    for co in written.ordered_cosponsors(model, get_rules()):
        groups.setdefault(co.status, []).append(_one_line(co.name))
    if groups:
        lines.append(f"{L['co_sponsors']}:")
        for status in rules.written.cosponsor_order:
            if status in groups:
                lines.append(f"  {written.status_label(status, lang, get_rules())}: {'; '.join(groups[status])}")
    else:
        lines.append(f"{L['co_sponsors']}: {L['none']}")
    supporters = "; ".join(_one_line(s) for s in model.supporters)
    lines.append(f"{L['supporters']}: {supporters or L['none']}")
    lines.append(f"{L['title']}: {_one_line(model.title)}")
    lines.append(f"{L['language']}: {_language_name(model.language, lang)}")
    if rules.written.count_footnotes:
        total = words.get("total", 0)
        label = L["words"]
    else:
        total = words.get("body", 0)
        label = L["words_body_only"]
    detail = L["words_detail"].format(total=_number(total, lang), body=_number(words.get("body", 0), lang),
                                      footnotes=_number(words.get("footnotes", 0), lang))
    lines.append(f"{label}: {detail}")
    lines.append(f"{L['attachment']}: {attachment_name}")
    lines += ["", L["closing"], _one_line(contact.name), _one_line(org.name), ""]
    return "\n".join(lines)


def _ascii_address(address: str) -> str:
    """The address as it can go in a header without SMTPUTF8 (IDNA domain), or an error."""
    from email_validator import EmailNotValidError, validate_email

    try:
        v = validate_email(address, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as e:
        raise ValueError(str(e)) from None
    return v.ascii_email or v.normalized


def _one_line(text: str) -> str:
    """Names and titles on one line: a line break in a header would start a new header."""
    return " ".join(text.split())


def compose(model, docx_name: str, docx_bytes: bytes, words: dict, date: dt.datetime):
    """The message (``email.message.EmailMessage``); deterministic for the same arguments."""
    from email import policy, utils
    from email.headerregistry import Address
    from email.message import EmailMessage

    from .rules import get_rules

    rules = get_rules().email
    sender = _ascii_address(model.contact.email)
    name = _one_line(model.contact.name)
    subject = rules.subject_template.format(ngo=_one_line(model.organisation.name), session=model.session)
    body = form_text(model, words, docx_name)
    date_header = utils.format_datetime(date)
    # the Message-ID and the MIME boundary are derived from the content: same input, same bytes
    digest = hashlib.sha256("\0".join([sender, rules.to, subject, date_header, body]).encode()
                            + docx_bytes).hexdigest()

    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = Address(display_name=name, addr_spec=sender)
    msg["Reply-To"] = Address(display_name=name, addr_spec=sender)
    msg["To"] = rules.to
    msg["Subject"] = subject
    msg["Date"] = date_header
    msg["Message-ID"] = f"<{digest[:32]}@{sender.rpartition('@')[2]}>"
    msg[rules.draft_header[0]] = rules.draft_header[1]
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    maintype, _, subtype = rules.docx_mime.partition("/")
    msg.add_attachment(docx_bytes, maintype=maintype, subtype=subtype, filename=docx_name)
    # "=_" cannot occur in quoted-printable or base64 text, so this boundary is safe
    msg.set_boundary(f"=_uprdraft_{digest[32:64]}")
    return msg


def _date_for(today: dt.date | None) -> dt.datetime:
    from email import utils

    if today is None:
        return utils.localtime()
    return dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)


def build_email(input_path, docx_path, output=None, today: dt.date | None = None, late: bool = False,
                force: bool = False) -> Report:
    """Check INPUT (``written-statement`` or ``submission``) and DOCX, then write the .eml.

    Returns a Report: findings (warnings only when the message was written), stats
    (``words`` from the .docx, ``limit``, ``deadline``, ``to``, ``subject``,
    ``message_id``) and ``output`` (the .eml path, or None when the gate refused).
    A deadline passed is an error unless ``late`` is true, which keeps it as a warning.
    """
    from . import fileio
    from .load import load

    docx_path = Path(docx_path)
    out = Path(output) if output else fileio.default_output(docx_path, ".eml")
    fileio.check_writable(out, force)
    model, src = load(input_path)
    if model.kind not in KINDS:
        raise ContentError(error("schema", f"kind: 'uprdraft email' takes a written-statement or a submission "
                                           f"file, not '{model.kind}'", src.locate(("kind",))))
    docx_bytes = _read_docx(docx_path)
    try:
        _ascii_address(model.contact.email)
    except ValueError as e:
        raise ContentError(error("email", f"contact.email: cannot be used as the sender ({e}); give an address "
                                          "with an ASCII user name", src.locate(("contact", "email")))) from None
    findings, stats = check_submission(model, src, docx_path, docx_bytes, today=today, late=late)
    if has_errors(findings):
        return Report(findings=findings, stats=stats, output=None)
    msg = compose(model, docx_path.name, docx_bytes, stats["words"], _date_for(today))
    fileio.write_atomic(out, msg.as_bytes(), force=force)
    stats.update(to=str(msg["To"]), subject=str(msg["Subject"]), message_id=str(msg["Message-ID"]))
    return Report(findings=findings, stats=stats, output=str(out))


# --------------------------------------------------------------------------- sending
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


def send_email(eml, host: str, port: int | None = None, user: str | None = None, password: str | None = None,
               tls: str = "starttls", timeout: float | None = None, cafile: str | None = None) -> dict:
    """Send a saved .eml (path) or an ``EmailMessage`` over SMTP, exactly as it is.

    ``tls``: ``starttls`` (default, port 587), ``ssl`` (implicit TLS, port 465) or ``none``
    (port 25; for local test servers). Certificates are verified against the system store,
    or ``cafile``. A refused connection, a failed login, a timeout or a refused message
    raises InputError with one line; the .eml is never touched. Returns what was sent.
    """
    import smtplib
    import socket
    import ssl

    from .rules import get_rules

    rules = get_rules().email
    if tls not in TLS_MODES:
        raise InputError(f"--smtp-tls: '{tls}' is not one of {', '.join(TLS_MODES)}", code="usage")
    msg, raw, where = _load_message(eml)
    port = port or rules.smtp_ports[tls]
    timeout = timeout if timeout is not None else rules.smtp_timeout_seconds
    sender = (_addresses(msg, "From") or [""])[0]
    recipients = _addresses(msg, "To") + _addresses(msg, "Cc") + _addresses(msg, "Bcc")
    if not sender or not recipients:
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
                smtp.login(user, password or "")
            refused = smtp.sendmail(sender, recipients, raw)
    except InputError:
        raise
    except ConnectionRefusedError:
        raise fail("connection refused; check --smtp-host and --smtp-port") from None
    except (socket.timeout, TimeoutError):
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
        refused = "; ".join(f"{a}: {_smtp_text(r)}" for a, r in e.recipients.items())
        raise fail(f"the server refused the recipient ({refused})") from None
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
    return {"host": host, "port": port, "tls": tls, "from": sender, "to": recipients,
            "message_id": str(msg.get("Message-ID", ""))}


def submit(input_path, docx_path, output=None, today: dt.date | None = None, late: bool = False,
           force: bool = False, send: bool = False, smtp_host: str | None = None, smtp_port: int | None = None,
           smtp_user: str | None = None, smtp_password: str | None = None, smtp_tls: str = "starttls",
           cafile: str | None = None) -> Report:
    """``uprdraft email``: :func:`build_email`, then :func:`send_email` when ``send`` is true.

    The .eml is written before sending and stays when sending fails (InputError, exit 2,
    whose findings keep the build's warnings).
    """
    if send:
        if not smtp_host:
            raise InputError("--send needs --smtp-host (your organisation's mail server)", code="usage")
        if smtp_user and not smtp_password:
            raise InputError("--smtp-user needs the password in the UPRDRAFT_SMTP_PASSWORD environment variable",
                             code="usage")
        if smtp_tls not in TLS_MODES:
            raise InputError(f"--smtp-tls: '{smtp_tls}' is not one of {', '.join(TLS_MODES)}", code="usage")
    report = build_email(input_path, docx_path, output=output, today=today, late=late, force=force)
    if not send or not report.ok:
        report.stats["sent"] = False
        return report
    try:
        report.stats["smtp"] = send_email(report.output, smtp_host, smtp_port, user=smtp_user,
                                          password=smtp_password, tls=smtp_tls, cafile=cafile)
    except InputError as e:
        raise InputError(report.findings + e.findings) from None
    report.stats["sent"] = True
    return report


def _smtp_text(e) -> str:
    code = getattr(e, "smtp_code", None)
    err = getattr(e, "smtp_error", b"")
    if isinstance(err, tuple):  # SMTPRecipientsRefused values are (code, message)
        code, err = err
    if isinstance(e, tuple):
        code, err = e
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else str(err)
    return f"{code} {text}".strip()
