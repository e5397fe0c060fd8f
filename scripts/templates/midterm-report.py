"""The mid-term report template: HRC font profile (Times New Roman 10, no emphasis), tables.

Cover details, summary, methodology (with how children took part), the statistics table,
one table per theme whose header row repeats on every page (w:tblHeader), voluntary
commitments and conclusions. Bootstrap only: templates/midterm-report-<lang>.docx are the
source (a coalition restyles them in Word); this writes them the first time, every fixed
word as literal text from ``rules.midterm.labels`` in the template's language.
Headings use the Heading 1/2 styles (outline for navigation and screen readers), stripped of
emphasis by ``new_document`` like every style.

Context: see ``uprdraft.render.midterm.report_context``.
"""
from docx.shared import Cm

from _common import add, each, new_document, repeat_header

from uprdraft.rules import DEFAULT

STATS_WIDTHS = (6.4, 3.2, 3.2, 3.2)  # cm, 16 cm of A4 text width
REC_WIDTHS = (1.6, 4.4, 2.2, 1.9, 2.3, 3.6)


def heading(doc, text, level=1):
    p = doc.add_paragraph(text, style=f"Heading {level}")
    p.paragraph_format.keep_with_next = True
    return p


def prose(doc, name):
    each(doc, name, "{{ p }}")


def table(doc, header, loop, cells, widths):
    """A grid table: header row (repeated on each page), then one row per item of ``loop``."""
    t = doc.add_table(rows=4, cols=len(header))
    t.style = "Table Grid"
    t.autofit = False
    for col, w in zip(t.columns, widths):  # w:gridCol, which LibreOffice follows
        col.width = Cm(w)
    for row in t.rows:  # w:tcW, which Word follows
        for cell, w in zip(row.cells, widths):
            cell.width = Cm(w)
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = text
    repeat_header(t.rows[0])
    t.rows[1].cells[0].text = f"{{%tr for row in {loop} %}}"
    for cell, text in zip(t.rows[2].cells, cells):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    return t


def build(lang: str):
    L = DEFAULT.midterm.labels[lang]
    doc = new_document(lang)

    def field(label: str, var: str) -> None:
        add(doc, f"{L[label]}{L['colon']}{{{{ {var} }}}}")

    add(doc, "{{ title }}", keep_with_next=True)
    field("state_under_review", "state")
    field("cycle", "cycle")
    field("review_date", "review_date")
    field("wg_report", "symbol")
    field("submitted_by", "submitted_by")
    add(doc, "{%p if coalition_members %}")
    field("coalition_members", "coalition_members")
    add(doc, "{%p endif %}")

    heading(doc, L["summary"])
    prose(doc, "summary")
    heading(doc, L["methodology"])
    prose(doc, "methodology")
    add(doc, "{%p if children_participation %}")
    heading(doc, L["children_participation"], 2)
    prose(doc, "children_participation")
    add(doc, "{%p endif %}")

    heading(doc, L["statistics"])
    add(doc, "{{ statistics_intro }}", keep_with_next=True)
    table(doc, [L["status"], L["all"], L["response_supported"], L["response_noted"]],
          "stats_rows", ["{{ row.label }}", "{{ row.all }}", "{{ row.supported }}", "{{ row.noted }}"],
          STATS_WIDTHS)
    # the same numbers as a native chart (issue 16): render.chart attaches the chart part
    add(doc, "{{r status_chart }}", keep_with_next=False)

    heading(doc, L["recommendations"])
    add(doc, "{{ grouping_note }}")
    add(doc, "{%p for theme in themes %}")
    heading(doc, "{{ theme.name }}", 2)
    table(doc, [L["col_id"].format(symbol="{{ symbol }}"), L["col_text"], L["col_states"], L["col_response"],
                L["col_status"], L["col_assessment"]],
          "theme.rows", ["{{ row.id }}", "{{ row.text }}", "{{ row.states }}", "{{ row.response }}",
                         "{{ row.status }}", "{{r row.assessment }}"],
          REC_WIDTHS)
    add(doc, "{%p endfor %}")

    add(doc, "{%p if voluntary_commitments %}")
    heading(doc, L["voluntary_commitments"])
    prose(doc, "voluntary_commitments")
    add(doc, "{%p endif %}")
    heading(doc, L["conclusions"])
    prose(doc, "conclusions")
    return doc


LANGUAGES = ("en", "fr", "es")
