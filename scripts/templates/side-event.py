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

from _common import add, each, new_document, repeat_header

from uprdraft.rules import DEFAULT

WIDTHS = (Cm(2.8), Cm(9.2), Cm(4.0))  # time, item, speaker: 16 cm of text width


def _heading(doc, text: str):
    """A section label: plain text (no bold is allowed), set apart by space above."""
    p = add(doc, text, keep_with_next=True)
    p.paragraph_format.space_before = Pt(12)
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
    doc = new_document(lang)
    add(doc, f"{L['side_event']} – {{{{ session }}}}")
    add(doc, "{{ title }}", keep_with_next=True)
    add(doc, L['concept_note']).paragraph_format.space_after = Pt(12)
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
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles["Table Grid"]
    head, loop, row, end = table.rows
    for cell, text in zip(head.cells, (L['clock'], L['item'], L['speaker'])):
        cell.text = text
    repeat_header(head)
    loop.cells[0].text = "{%tr for row in agenda %}"
    for cell, text in zip(row.cells, ("{{ row.clock }}", "{{ row.item }}", "{{ row.speaker }}")):
        cell.text = text
    end.cells[0].text = "{%tr endfor %}"
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS):  # the grid LibreOffice reads
        column.width = width
    for r in table.rows:
        for cell, width in zip(r.cells, WIDTHS):
            cell.width = width
    add(doc, "{%p endif %}")

    _heading(doc, f"{L['languages']}{L['colon']}{{{{ languages }}}}. {{{{ interpretation }}}}.")
    _block(doc, "accessibility", f"{L['accessibility']}{L['colon']}{{{{ accessibility }}}}")
    _block(doc, "webcast", f"{L['webcast']}{L['colon']}{{{{ webcast }}}}")
    _block(doc, "expected_participants", f"{L['expected_participants']}{L['colon']}{{{{ expected_participants }}}}")
    add(doc, "{{ guests }}")
    add(doc, f"{L['contact']}{L['colon']}{{{{ contact }}}}")
    return doc


LANGUAGES = ("en", "fr", "es")
