"""The recommendations in child-friendly words [S46, S47]: large print (at least 12 pt), the
age band and what the document is right under the title, how children took part, then one
two-column table per theme: the simple words beside the official text. Bootstrap only.
Context: see ``uprdraft.render.next_review.child_friendly_context``.
"""
from _common import add, each, new_document
from _nextreview import heading, page_numbers, table

from uprdraft.rules import DEFAULT

WIDTHS = (8.0, 8.0)


def build(lang: str):
    L = DEFAULT.next_review.labels[lang]
    doc = new_document(lang, size_pt=DEFAULT.child_friendly.min_font_pt, line_spacing=1.15, space_after_pt=8)
    page_numbers(doc)
    heading(doc, "{{ title }}", 1)
    heading(doc, L["cf_about"], 2)
    add(doc, "{{ note }}")
    add(doc, f"{L['fs_by']}{L['colon']}{{{{ by }}}}")
    heading(doc, L["cf_children"], 2)
    each(doc, "children_participation", "{{ p }}")
    add(doc, "{%p for theme in themes %}")
    heading(doc, "{{ theme.name }}", 2)
    table(doc, [L["cf_simple"], L["cf_official"]], "theme.rows",
          ["{{ row.simple }}\n{{ row.said }}", "{{ row.official }}\n{{ row.para }}\n{%p if row.from %}\n{{ row.from }}"
           "\n{%p endif %}"], WIDTHS)
    add(doc, "{%p endfor %}")
    return doc


LANGUAGES = ("en", "fr", "es")
