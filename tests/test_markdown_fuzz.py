"""Fuzzing the Markdown body reader: any text gives paragraphs and issues, never a crash."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.markdown import parse_body

# Markdown's own punctuation, often, so that the odd constructs are reached
MD = st.text(st.sampled_from(list("*_[]^:#>-`!()\\|~ \n\tab1é\u00a0")) | st.characters(blacklist_categories=("Cs",)),
             max_size=300)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(body=MD, notes=st.dictionaries(st.text(max_size=5), st.text(max_size=40), max_size=3))
def test_any_body_is_read_without_a_crash(body, notes):
    parsed = parse_body(body, notes)
    for issue in parsed.issues:
        assert issue.code and issue.message and issue.severity in ("error", "warning")
