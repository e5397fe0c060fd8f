"""The secretariat's submission form as the plain-text body of the e-mail, in the statement's
language (labels: ``rules.email.body_labels``; segment names: ``rules.email.segment_names``)."""
from __future__ import annotations


def one_line(text: str) -> str:
    """Names and titles on one line: a line break in a header would start a new header, and a
    control character (NUL, C1 codes) has no place in one: each becomes a space."""
    import unicodedata

    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def labels(lang: str, rules) -> dict[str, str]:
    """The form's labels in ``lang`` (English when the rules have none for it)."""
    table = rules.email.body_labels
    return table.get(lang) or table["en"]


def status_label(status: str, lang: str, rules) -> str:
    """"general consultative status" and the like, in ``lang``."""
    table = rules.written.status_labels
    return table.get(lang, table["en"]).get(status, status)


def ordered_cosponsors(model, rules) -> list:
    """Co-sponsors grouped in ``rules.written.cosponsor_order``, keeping the given order in a group [S2]."""
    order = rules.written.cosponsor_order
    rank = {status: i for i, status in enumerate(order)}
    return sorted(model.co_sponsors, key=lambda o: rank.get(o.status, len(order)))  # sorted() is stable


def language_name(code: str, lang: str) -> str:
    from babel import Locale

    from ..i18n import locale_for

    name = Locale.parse(locale_for(lang)).languages.get(code, code)
    return name[:1].upper() + name[1:]


def number(n: int, lang: str) -> str:
    from babel.numbers import format_decimal

    from ..i18n import locale_for

    return format_decimal(n, locale=locale_for(lang))


def form_text(model, words: dict, attachment_name: str, rules) -> str:
    """The form: contact, session, agenda item, segment, lead NGO and co-sponsors by status,
    supporters, title, language, word count (``words`` from the Word file) and attachment."""
    from ..i18n import format_date

    lang = model.language
    L = labels(lang, rules)
    contact = model.contact
    lines = [L["greeting"], "", L["intro"].format(session=model.session), ""]
    lines.append(f"{L['contact']}: {one_line(contact.name)}")
    lines.append(f"{L['phone']}: {one_line(contact.phone or '') or L['none']}")
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
    lines.append(f"{L['lead']}: {one_line(org.name)} ({status_label(org.status, lang, rules)})")
    groups: dict[str, list[str]] = {}
    for co in ordered_cosponsors(model, rules):
        groups.setdefault(co.status, []).append(one_line(co.name))
    if groups:
        lines.append(f"{L['co_sponsors']}:")
        for status in rules.written.cosponsor_order:
            if status in groups:
                lines.append(f"  {status_label(status, lang, rules)}: {'; '.join(groups[status])}")
    else:
        lines.append(f"{L['co_sponsors']}: {L['none']}")
    supporters = "; ".join(one_line(s) for s in model.supporters)
    lines.append(f"{L['supporters']}: {supporters or L['none']}")
    lines.append(f"{L['title']}: {one_line(model.title)}")
    lines.append(f"{L['language']}: {language_name(model.language, lang)}")
    if rules.written.count_footnotes:
        total = words.get("total", 0)
        label = L["words"]
    else:
        total = words.get("body", 0)
        label = L["words_body_only"]
    detail = L["words_detail"].format(total=number(total, lang), body=number(words.get("body", 0), lang),
                                      footnotes=number(words.get("footnotes", 0), lang))
    lines.append(f"{label}: {detail}")
    lines.append(f"{L['attachment']}: {attachment_name}")
    lines += ["", L["closing"], one_line(contact.name), one_line(org.name), ""]
    return "\n".join(lines)
