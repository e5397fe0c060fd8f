"""The summary of all briefs (``index.docx``): one row per recommending State with its
number of recommendations, supported, noted, acted on, and the file of its brief. Bootstrap
only. Context: see ``uprdraft.render.next_review.index_context``.
"""
from _common import add, new_document
from _nextreview import heading, page_numbers, table

from uprdraft.rules import DEFAULT

WIDTHS = (3.4, 2.6, 2.0, 1.6, 2.4, 4.0)


def build(lang: str):
    L = DEFAULT.next_review.labels[lang]
    doc = new_document(lang, size_pt=DEFAULT.fonts.profiles["upr-brief"].size_pt)
    page_numbers(doc)
    heading(doc, "{{ title }}", 1)
    add(doc, "{{ intro }}")
    table(doc, [L["col_state"], L["col_count"], L["col_supported"], L["col_noted"], L["col_action"], L["col_file"]],
          "rows", ["{{ row.state }}", "{{ row.count }}", "{{ row.supported }}", "{{ row.noted }}", "{{ row.action }}",
                   "{{ row.file }}"], WIDTHS)
    add(doc, f"{L['brief_from']}{L['colon']}{{{{ from }}}}")
    return doc


LANGUAGES = ("en", "fr", "es")
