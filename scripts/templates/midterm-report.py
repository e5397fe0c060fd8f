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
from docx.shared import Pt

from _common import add, bottom_rule, each, grid_table, new_document, page_number_footer

from uprdraft.rules import DEFAULT

STATS_WIDTHS = (6.4, 3.2, 3.2, 3.2)  # cm, 16 cm of A4 text width
# identifiers narrow, texts wide; the narrow columns hold their longest word at 10 pt in
# every language (ids such as "147.215") ("Recommending", "recomendante(s)", "Plurinacional", "Desconocida", "Partiellement")
REC_WIDTHS = (1.7, 4.0, 2.7, 2.2, 2.3, 3.1)


def heading(doc, text, level=1):
    p = doc.add_paragraph(text, style=f"Heading {level}")
    p.paragraph_format.keep_with_next = True
    return p


def _heading_styles(doc) -> None:
    """Headings that look like headings without bold (not allowed): space above, and a rule
    under the first level."""
    for level, before in ((1, 16), (2, 10)):
        st = doc.styles[f"Heading {level}"]
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
    bottom_rule(doc.styles["Heading 1"])


def prose(doc, name):
    each(doc, name, "{{ p }}")


def table(doc, header, loop, cells, widths):
    """A grid table: header row (repeated on each page), rows never split, one per item of ``loop``."""
    return grid_table(doc, header, cells, widths, loop)


def build(lang: str):
    L = DEFAULT.midterm.labels[lang]
    doc = new_document(lang)
    _heading_styles(doc)
    page_number_footer(doc)

    def field(label: str, var: str) -> None:
        add(doc, f"{L[label]}{L['colon']}{{{{ {var} }}}}")

    title = add(doc, "{{ title }}", keep_with_next=True)
    title.paragraph_format.space_after = Pt(12)
    bottom_rule(title, space_pt=4)
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
    # the report's symbol is in the details above: the id column stays narrow
    table(doc, [L["col_id"].split(" (")[0], L["col_text"], L["col_states"], L["col_response"],
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
