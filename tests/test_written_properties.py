"""Property tests: arbitrary Unicode gives a clear error or a faithful Word file."""
from __future__ import annotations

import datetime as dt
import json
import string

from docx_text import footnotes, paragraphs, parse_all_parts_strictly
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from uprdraft import api
from uprdraft.findings import ContentError
from uprdraft.xmltext import clean_text

# Body words avoid Markdown syntax and whitespace (they are joined by single spaces, and
# paragraphs by blank lines), so the documented cleaning is only clean_text().
MARKDOWN = set(string.punctuation) | {"\u00a0"}
word = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cn"),
                             blacklist_characters="".join(MARKDOWN)), min_size=1, max_size=12)
para = st.lists(word, min_size=1, max_size=8).map(" ".join)
title = st.text(min_size=1, max_size=80)  # anything, control characters included


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=title, paras=st.lists(para, min_size=1, max_size=4), note=para)
@example(title="\x00\n0", paras=["Hola"], note="x")  # NUL is no whitespace: stripped only once cleaned away
def test_arbitrary_unicode_is_an_error_or_round_trips(tmp_path, title, paras, note):
    body = "\n\n".join(paras[:-1] + [paras[-1] + "[^n]"])
    data = {"kind": "written-statement", "language": "es", "session": 61, "agenda_item": 6,
            "title": title, "organisation": {"name": "ONG", "status": "general"},
            "contact": {"name": "A", "email": "a@example.org"}, "body": body, "footnotes": {"n": note}}
    src = tmp_path / "p.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        report = api.render_written_statement(src, today=dt.date(2026, 1, 1), force=True)
    except ContentError as e:  # a clear validation error, with a location
        assert all(f.location.startswith(str(src)) and f.message for f in e.findings)
        return
    if not report.ok:
        assert all(f.message for f in report.findings)
        assert not clean_text(title).strip()  # only an empty-looking title is refused
        return
    out = open(report.output, "rb").read()
    parse_all_parts_strictly(out)
    got = paragraphs(out)
    assert got[0] == clean_text(title).strip()  # as the statement is made: cleaned, then stripped
    assert got[1:] == [clean_text(p) for p in paras]
    assert footnotes(out) == [clean_text(note)]
