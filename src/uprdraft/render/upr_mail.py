"""The e-mail of a UPR stakeholder submission, as a draft (.eml) to review and send [S50].

To ``rules.next_review.submission.to`` (uprsubmissions@ohchr.org), subject "<main
organisation> – individual|joint UPR submission – <State> – <month year of the session>",
the contact person's details in the text and the .docx attached; marked as a draft
(``rules.email.draft_header``) like ``uprdraft email``. With the upload route the body says
where to upload the file instead. The same input and ``today`` give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

BODY = {
    "en": ("Dear Secretariat,", "Please find attached the {type} submission of {organisations} to the Universal "
           "Periodic Review of {state} ({month_year}).", "Contact person", "Attachment", "Kind regards,",
           "This submission is uploaded through the online system for stakeholders: {url}"),
    "fr": ("Madame, Monsieur,", "Veuillez trouver ci-joint la contribution ({type}) de {organisations} à l'Examen "
           "périodique universel de l'État examiné\u00a0: {state} ({month_year}).", "Personne de contact",
           "Pièce jointe", "Veuillez agréer nos salutations distinguées.",
           "Cette contribution est déposée dans le système en ligne des parties prenantes\u00a0: {url}"),
    "es": ("Estimada Secretaría:", "Adjuntamos la contribución ({type}) de {organisations} al Examen Periódico "
           "Universal del Estado examinado: {state} ({month_year}).", "Persona de contacto", "Archivo adjunto",
           "Atentamente,", "Esta contribución se sube al sistema en línea para las partes interesadas: {url}"),
}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def subject(model: Any, rules: Any) -> str:
    from .next_review import month_year

    r = rules.next_review.submission
    return r.subject_template.format(organisation=_one_line(model.organisation.name),
                                     type=r.subject_types[model.submission_type],
                                     state=_one_line(model.state_under_review),
                                     month_year=month_year(model.session_date, r.subject_month_locale))


def compose(model: Any, docx_name: str, docx_bytes: bytes, today: dt.date | None, rules: Any) -> bytes:
    from email import policy, utils
    from email.headerregistry import Address
    from email.message import EmailMessage

    from ..i18n import format_list
    from .next_review import month_year

    r = rules.next_review.submission
    lang = model.language
    greet, intro, contact_l, attach_l, closing, upload = BODY.get(lang, BODY["en"])
    names = [model.organisation.name, *(o.name for o in model.joint_with)]
    c = model.contact
    lines = [greet, "", intro.format(type=r.subject_types[model.submission_type],
                                     organisations=format_list([_one_line(n) for n in names], lang),
                                     state=_one_line(model.state_under_review),
                                     month_year=month_year(model.session_date, lang)), ""]
    lines.append(f"{contact_l}: {_one_line(c.name)}, {c.email}" + (f", {_one_line(c.phone)}" if c.phone else ""))
    lines.append(f"{attach_l}: {docx_name}")
    if r.route == "upload":
        lines += ["", upload.format(url=r.upload_url)]
    lines += ["", closing, _one_line(c.name), _one_line(model.organisation.name), ""]
    body = "\n".join(lines)
    subj = subject(model, rules)
    date = (utils.localtime() if today is None
            else dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc))
    date_header = utils.format_datetime(date)
    digest = hashlib.sha256("\0".join([c.email, r.to, subj, date_header, body]).encode() + docx_bytes).hexdigest()
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = Address(display_name=_one_line(c.name), addr_spec=c.email)
    msg["To"] = r.to
    msg["Subject"] = subj
    msg["Date"] = date_header
    msg["Message-ID"] = f"<{digest[:32]}@{c.email.rpartition('@')[2]}>"
    msg[rules.email.draft_header[0]] = rules.email.draft_header[1]
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    maintype, _, subtype = rules.email.docx_mime.partition("/")
    msg.add_attachment(docx_bytes, maintype=maintype, subtype=subtype, filename=docx_name)
    msg.set_boundary(f"=_uprdraft_{digest[32:64]}")
    return bytes(msg.as_bytes())
