"""The action-plan template: an A4 landscape matrix, then the follow-up calendar.

Times New Roman 10 pt plain everywhere (the hrc-report profile: HRC font rules, tables
allowed). Bootstrap only: templates/action-plan-<lang>.docx are the source (edit them in
Word); this writes them the first time, the column headers and field labels as literal
text from ``rules.upr.plan_labels``. Context (see ``uprdraft.render.plan.plan_context``):
``title``, ``organisation``, ``state_under_review``, ``cycle``, ``review_date``,
``next_review``, ``items`` (rows of Runs: recommendation, expected_results, action_types,
actors, indicators, milestones, budget, status), ``calendar`` (rows: step, when).
"""
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from _common import add, new_document, repeat_header

from uprdraft.rules import DEFAULT

# (context key, label key, width in cm); 25.7 cm in all: A4 landscape less two 2 cm margins
MATRIX = [
    ("recommendation", "recommendation", 5.0),
    ("expected_results", "expected_results", 3.3),
    ("action_types", "action_types", 2.9),
    ("actors", "actors", 3.1),
    ("indicators", "indicators", 3.2),
    ("milestones", "milestones", 3.4),
    ("budget", "budget", 2.2),
    ("status", "status", 2.6),
]


def _table(doc, columns, header, loop, cell_tag):
    """A grid table: a repeated header row, then one row per element of ``loop``."""
    table = doc.add_table(rows=4, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, (key, label, width) in enumerate(columns):
        table.columns[col].width = Cm(width)  # w:gridCol: what LibreOffice and Word lay out
        for row in table.rows:
            row.cells[col].width = Cm(width)
        table.rows[0].cells[col].text = header(label)
        table.rows[2].cells[col].text = cell_tag(key)
    repeat_header(table.rows[0])
    table.rows[1].cells[0].text = f"{{%tr for row in {loop} %}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    return table


def build(lang: str):
    L = DEFAULT.upr.plan_labels[lang]
    doc = new_document(lang, landscape=True)

    def field(label: str, var: str) -> None:
        add(doc, f"{L[label]}{L['colon']}{{{{ {var} }}}}")

    add(doc, "{{ title }}", keep_with_next=True)
    field("organisation", "organisation")
    field("state_under_review", "state_under_review")
    add(doc, "{%p if cycle %}")
    field("cycle", "cycle")
    add(doc, "{%p endif %}")
    field("review_date", "review_date")
    field("next_review", "next_review")
    _table(doc, MATRIX, lambda label: L[label], "items", lambda key: f"{{{{r row.{key} }}}}")
    add(doc, "")
    add(doc, L["calendar"], keep_with_next=True)
    _table(doc, [("step", "step", 14.0), ("when", "when", 11.7)], lambda label: L[label],
           "calendar", lambda key: f"{{{{ row.{key} }}}}")
    return doc


LANGUAGES = ("en", "fr", "es")
