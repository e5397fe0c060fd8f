"""The written-statement template: a plain sheet, title first, then the body paragraphs.

No header, no footer, no UN logo (domain-rules.md section 1, [S1, S2]); Times New Roman
10 pt in every font slot, no emphasis, the title included. Footnotes are added by the
renderer. Context: ``title`` (Runs, may carry the supporters footnote), ``paragraphs``
(list of Runs).
"""
from _common import add, each, new_document


def build(lang: str):
    doc = new_document(lang)
    add(doc, "{{r title }}", keep_with_next=True)
    each(doc, "paragraphs", "{{r p }}")
    return doc


LANGUAGES = ("en", "fr", "es")
