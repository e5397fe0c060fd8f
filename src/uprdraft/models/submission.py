"""``submission``: the submission form of a written statement drafted directly in Word.

The same form fields as a ``written-statement`` (design.md section 3) but no ``body`` and no
``footnotes``: the text is the .docx given to ``uprdraft email``, and the word count
comes from that file.
"""
from __future__ import annotations

from typing import Literal

from .written import StatementForm


class Submission(StatementForm):
    kind: Literal["submission"]
