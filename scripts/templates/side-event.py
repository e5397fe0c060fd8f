"""The side-event concept note: a plain A4 note in Times New Roman 10, no emphasis.

Bootstrap only: templates/side-event-<lang>.docx are the source (edit them in Word); this
writes them the first time, the fixed words as literal text from ``rules.side_event.labels``.
Context (built by ``uprdraft.render.side_event.concept_note_context``): ``session``, ``title``, ``date_text``, ``time_text``, ``venue``, ``organisers``,
``co_sponsors``, ``partners``, ``objectives`` (list), ``description`` (paragraphs),
``speakers`` (lines), ``agenda`` (rows: ``clock``, ``item``, ``speaker``), ``languages``,
``interpretation``, ``accessibility``, ``webcast``, ``expected_participants``, ``guests``,
``contact``.
"""
from docx.shared import Cm, Pt

from _common import add, bottom_rule, each, grid_table, new_document, page_number_footer

from uprdraft.rules import DEFAULT

WIDTHS = (2.6, 8.6, 4.8)  # time, item, speaker: 16 cm of text width


def _heading(doc, text: str):
    """A section label: plain text (no bold is allowed), set apart by space above."""
    p = add(doc, text, keep_with_next=True)
    p.paragraph_format.space_before = Pt(8)
    p.paragraph_format.space_after = Pt(3)
    return p


def _block(doc, condition: str, *lines: str, heading: str | None = None) -> None:
    add(doc, f"{{%p if {condition} %}}")
    if heading:
        _heading(doc, heading)
    for line in lines:
        add(doc, line)
    add(doc, "{%p endif %}")


def build(lang: str):
    L = DEFAULT.side_event.labels[lang]
    # a one-page note: 2 cm margins, 4 pt between paragraphs
    doc = new_document(lang, space_after_pt=4)
    for section in doc.sections:
        section.top_margin = section.bottom_margin = Cm(2.0)
        section.footer_distance = Cm(1.0)
    page_number_footer(doc)
    add(doc, f"{L['side_event']} – {{{{ session }}}}")
    add(doc, "{{ title }}", keep_with_next=True)
    note = add(doc, L['concept_note'])
    note.paragraph_format.space_after = Pt(10)
    bottom_rule(note, space_pt=4)
    add(doc, f"{L['date']}{L['colon']}{{{{ date_text }}}}")
    add(doc, f"{L['time']}{L['colon']}{{{{ time_text }}}} ({L['geneva_time']})")
    add(doc, f"{L['venue']}{L['colon']}{{{{ venue }}}}")
    add(doc, f"{L['organisers']}{L['colon']}{{{{ organisers }}}}")
    _block(doc, "co_sponsors", f"{L['co_sponsors']}{L['colon']}{{{{ co_sponsors }}}}")
    _block(doc, "partners", f"{L['partners']}{L['colon']}{{{{ partners }}}}")

    _block(doc, "objectives", "{%p for o in objectives %}", "– {{ o }}", "{%p endfor %}",
           heading=L['objectives'])
    _heading(doc, L['description'])
    each(doc, "description", "{{ para }}", "para")
    _block(doc, "speakers", "{%p for s in speakers %}", "{{ s }}", "{%p endfor %}", heading=L['speakers'])

    add(doc, "{%p if agenda %}")
    _heading(doc, L['agenda'])
    grid_table(doc, [L['clock'], L['item'], L['speaker']], ["{{ row.clock }}", "{{ row.item }}", "{{ row.speaker }}"],
               WIDTHS, "agenda")
    add(doc, "{%p endif %}")

    _heading(doc, f"{L['languages']}{L['colon']}{{{{ languages }}}}. {{{{ interpretation }}}}.")
    _block(doc, "accessibility", f"{L['accessibility']}{L['colon']}{{{{ accessibility }}}}")
    _block(doc, "webcast", f"{L['webcast']}{L['colon']}{{{{ webcast }}}}")
    _block(doc, "expected_participants", f"{L['expected_participants']}{L['colon']}{{{{ expected_participants }}}}")
    add(doc, "{{ guests }}")
    add(doc, f"{L['contact']}{L['colon']}{{{{ contact }}}}")
    return doc


LANGUAGES = ("en", "fr", "es")
