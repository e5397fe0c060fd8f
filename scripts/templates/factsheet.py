"""The one-page fact sheet: title, who, key messages, the implementation chart and its
numbers as a table, the share that triggered action. Times New Roman 11 (``upr-brief``).
Bootstrap only. Context: see ``uprdraft.render.next_review.factsheet_context``.
"""
from _common import add, each, new_document, page_number_footer
from docx.shared import Pt
from _nextreview import chart_paragraph, heading, table

from uprdraft.rules import DEFAULT

WIDTHS = (6.4, 3.2, 3.2, 3.2)


def build(lang: str):
    L = DEFAULT.next_review.labels[lang]
    M = DEFAULT.midterm.labels[lang]
    resp = DEFAULT.upr.response_labels[lang]
    doc = new_document(lang, size_pt=DEFAULT.fonts.profiles["upr-brief"].size_pt, space_after_pt=4)
    page_number_footer(doc)
    add(doc, L["fs_label"])
    heading(doc, "{{ title }}", 1)
    add(doc, f"{L['fs_by']}{L['colon']}{{{{ by }}}}")
    add(doc, "{{ intro }}")
    add(doc, "{%p if key_messages %}")
    heading(doc, L["fs_key_messages"], 2)
    each(doc, "key_messages", "{{ m }}", "m").style = doc.styles["List Bullet"]
    add(doc, "{%p endif %}")
    heading(doc, L["fs_figures"], 2)
    chart_paragraph(doc)
    table(doc, [M["status"], resp["supported"], resp["noted"], L["col_all"]], "stats_rows",
          ["{{ row.label }}", "{{ row.supported }}", "{{ row.noted }}", "{{ row.all }}"], WIDTHS)
    add(doc, "{{ triggered }}").paragraph_format.space_before = Pt(6)
    add(doc, "{%p if contact %}")
    add(doc, f"{L['contact']}{L['colon']}{{{{ contact }}}}")
    add(doc, "{%p endif %}")
    return doc


LANGUAGES = ("en", "fr", "es")
