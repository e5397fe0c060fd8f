"""The action-plan template: an A4 landscape matrix, then the follow-up calendar.

Times New Roman 10 pt plain everywhere (the hrc-report profile: HRC font rules, tables
allowed). Bootstrap only: templates/action-plan-<lang>.docx are the source (edit them in
Word); this writes them the first time, the column headers and field labels as literal
text from ``rules.upr.plan_labels``. Context (see ``uprdraft.render.plan.plan_context``):
``title``, ``organisation``, ``state_under_review``, ``cycle``, ``review_date``,
``next_review``, ``items`` (rows of Runs: recommendation, expected_results, action_types,
actors, indicators, milestones, budget, status), ``as_of`` (the plan's date), ``calendar``
(rows: when, step, mark: past, under way or to come on that date).
"""
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

from _common import add, bottom_rule, grid_table, new_document, page_number_footer

from uprdraft.rules import DEFAULT

# (context key, label key, width in cm); 25.7 cm in all: A4 landscape less two 2 cm margins.
# The narrow columns hold their longest word at 10 pt in en, fr and es.
MATRIX = [
    ("recommendation", "recommendation", 5.0),
    ("expected_results", "expected_results", 3.4),
    ("action_types", "action_types", 2.7),
    ("actors", "actors", 3.1),
    ("indicators", "indicators", 3.2),
    ("milestones", "milestones", 3.5),
    ("budget", "budget", 2.4),
    ("status", "status", 2.4),
]
# the follow-up calendar: a compact table, one step or milestone per row
CALENDAR = [("when", "when", 6.4), ("step", "step", 12.0), ("mark", None, 2.8)]


def build(lang: str):
    L = DEFAULT.upr.plan_labels[lang]
    doc = new_document(lang, landscape=True)
    page_number_footer(doc)

    def field(label: str, var: str) -> None:
        add(doc, f"{L[label]}{L['colon']}{{{{ {var} }}}}").paragraph_format.space_after = Pt(2)

    title = add(doc, "{{ title }}", keep_with_next=True)
    title.paragraph_format.space_after = Pt(10)
    bottom_rule(title, space_pt=4)
    field("organisation", "organisation")
    field("state_under_review", "state_under_review")
    add(doc, "{%p if cycle %}")
    field("cycle", "cycle")
    add(doc, "{%p endif %}")
    field("review_date", "review_date")
    field("next_review", "next_review")
    add(doc, "")
    grid_table(doc, [L[label] for _, label, _ in MATRIX], [f"{{{{r row.{key} }}}}" for key, _, _ in MATRIX],
               [w for _, _, w in MATRIX], "items", align=WD_TABLE_ALIGNMENT.CENTER)
    heading = add(doc, L["calendar"], keep_with_next=True)
    heading.paragraph_format.space_before = Pt(14)
    # the last column says where each step stands on the plan's date ("On 28 November 2026")
    grid_table(doc, [L["when"], L["step"], "{{ as_of }}"], [f"{{{{ row.{key} }}}}" for key, _, _ in CALENDAR],
               [w for _, _, w in CALENDAR], "calendar", keep_together=True)
    return doc


LANGUAGES = ("en", "fr", "es")
