"""A brief for one recommending State (bilateral follow-up, seed): its recommendations with
the response, the status and our assessment (noted ones marked), then our asks. Times New
Roman 11 (the ``upr-brief`` profile), page numbers. Bootstrap only. Context: see
``uprdraft.render.next_review.brief_context``.
"""
from _common import add, each, new_document
from _nextreview import heading, page_numbers, table

from uprdraft.rules import DEFAULT

WIDTHS = (1.6, 8.0, 2.2, 4.2)


def build(lang: str):
    L = DEFAULT.next_review.labels[lang]
    doc = new_document(lang, size_pt=DEFAULT.fonts.profiles["upr-brief"].size_pt)
    page_numbers(doc)
    heading(doc, "{{ title }}", 1)
    add(doc, "{{ subtitle }}")
    add(doc, "{{ intro }}")
    heading(doc, L["brief_yours"], 2)
    table(doc, [L["col_id"], L["col_text"], L["col_response"], f"{L['col_status']} / {L['assessment']}"],
          "recommendations",
          ["{{ row.id }}", "{{ row.text }}\n{%p if row.noted %}\n{{ row.noted }}\n{%p endif %}", "{{ row.response }}",
           "{{ row.status }}\n{{ row.assessment }}"], WIDTHS)
    heading(doc, L["brief_asks"], 2)
    each(doc, "asks", "{{ a }}", "a").style = doc.styles["List Bullet"]
    add(doc, f"{L['brief_from']}{L['colon']}{{{{ from }}}}")
    return doc


LANGUAGES = ("en", "fr", "es")
