"""The UPR stakeholder submission template [S50, S51]: Times New Roman 12 (the
``upr-submission`` profile), every paragraph of the text numbered with Word's own numbering
(``UPR Paragraph`` style + numPr, see _nextreview), numbered pages (PAGE field in the
footer), all submitting organisations at the top, key words, executive summary, the
implementation table with the status chart, then one section per theme. Bootstrap only:
templates/upr-submission-<lang>.docx are the source. Context: see
``uprdraft.render.next_review.submission_context``.
"""
from _common import add, new_document
from _nextreview import chart_paragraph, heading, numbered_each, numbered_style, page_numbers, table

from uprdraft.rules import DEFAULT

STATS_WIDTHS = (6.4, 3.2, 3.2, 3.2)
REC_WIDTHS = (1.6, 5.6, 3.4, 2.4, 3.0)


def build(lang: str):
    L = DEFAULT.next_review.labels[lang]
    M = DEFAULT.midterm.labels[lang]
    resp = DEFAULT.upr.response_labels[lang]
    size = DEFAULT.fonts.profiles["upr-submission"].size_pt
    doc = new_document(lang, size_pt=size)
    numbered_style(doc)
    page_numbers(doc)
    c = L["colon"]

    heading(doc, "{{ title }}", 1)
    add(doc, "{{ session_line }}")
    add(doc, "{%p if joint %}")
    add(doc, f"{L['organisations']}{c.rstrip()}", keep_with_next=True)
    add(doc, "{%p for o in organisations %}")
    add(doc, "{{ o }}")
    add(doc, "{%p endfor %}")
    add(doc, "{%p endif %}")
    add(doc, "{%p if not joint %}")
    add(doc, f"{L['submitted_by']}{c}{{{{ organisations[0] }}}}")
    add(doc, "{%p endif %}")
    add(doc, f"{L['contact']}{c}{{{{ contact }}}}")
    add(doc, f"{L['key_words']}{c}{{{{ key_words }}}}")

    heading(doc, L["executive_summary"])
    numbered_each(doc, "executive_summary")
    add(doc, "{%p if about %}")
    heading(doc, L["about"])
    numbered_each(doc, "about")
    add(doc, "{%p endif %}")
    add(doc, "{%p if introduction %}")
    heading(doc, L["introduction"])
    numbered_each(doc, "introduction")
    add(doc, "{%p endif %}")

    add(doc, "{%p if has_recommendations %}")
    heading(doc, L["implementation"])
    add(doc, "{{ implementation_intro }}", keep_with_next=True)
    table(doc, [M["status"], resp["supported"], resp["noted"], L["col_all"]], "stats_rows",
          ["{{ row.label }}", "{{ row.supported }}", "{{ row.noted }}", "{{ row.all }}"], STATS_WIDTHS)
    chart_paragraph(doc)
    add(doc, "{%p endif %}")

    rec_header = [L["col_id"], L["col_text"], L["col_states"], L["col_response"], L["col_status"]]
    rec_cells = ["{{ row.id }}", "{{ row.text }}", "{{ row.states }}", "{{ row.response }}", "{{ row.status }}"]
    add(doc, "{%p for theme in themes %}")
    heading(doc, "{{ theme.name }}", 2)
    add(doc, "{%p if theme.previous %}")
    heading(doc, L["previous"], 3)
    table(doc, rec_header, "theme.previous", rec_cells, REC_WIDTHS)
    add(doc, "{%p endif %}")
    add(doc, "{%p if theme.assessment %}")
    heading(doc, L["assessment"], 3)
    numbered_each(doc, "theme.assessment")
    add(doc, "{%p endif %}")
    add(doc, "{%p if theme.recommendations %}")
    heading(doc, L["new_recommendations"], 3)
    add(doc, "{{ new_recommendations_intro }}", keep_with_next=True)
    numbered_each(doc, "theme.recommendations")
    add(doc, "{%p endif %}")
    add(doc, "{%p endfor %}")

    add(doc, "{%p if other_recommendations %}")
    heading(doc, L["no_theme"], 2)
    table(doc, rec_header, "other_recommendations", rec_cells, REC_WIDTHS)
    add(doc, "{%p endif %}")
    return doc


LANGUAGES = ("en", "fr", "es")
