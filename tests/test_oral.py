"""Oral statements: time limits by segment, overrides, pauses, opening/closing, languages.

Arithmetic used throughout (English, no president_title, no partners, organisation
"Child Rights Alliance"): the opening "Thank you, President. I speak on behalf of Child
Rights Alliance." is 11 words and the closing "Thank you." 2, so a one-paragraph body of
``n`` words gives ``n + 13`` spoken words in 3 paragraphs (2 pauses of 1 s). At 150 words
per minute a 90 s slot holds 88 s of speech = 220 words (body 207); 120 s holds 295 (body
282).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uprdraft.kinds.oral import clock, oral_findings, oral_timing
from uprdraft.load import load
from uprdraft.rules import DEFAULT, Rules
from uprdraft.wordcount import count_words

OVERHEAD = 13  # opening 11 + closing 2 words (see module docstring)
PAUSES = 2.0


def body_of(n: int, word: str = "children") -> str:
    return " ".join([word] * n)


def write(tmp_path: Path, name: str = "s.yaml", **fields) -> Path:
    data = {
        "kind": "oral-statement",
        "language": "en",
        "session": 61,
        "agenda_item": 6,
        "segment": "general-debate",
        "organisation": {"name": "Child Rights Alliance", "status": "special"},
        "speaker": {"name": "Léa Martin", "function": "Youth advocate"},
        "body": "Children must be heard.",
    }
    data.update(fields)
    if data.get("segment") == "upr-adoption":
        data.setdefault("state_under_review", "Ruritania")
    data = {k: v for k, v in data.items() if v is not None}
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # JSON is valid YAML
    return path


def analyse(path: Path, rules=None):
    model, src = load(path, "oral-statement")
    findings, stats = oral_findings(model, src, rules)
    return findings, stats


def codes(findings, severity=None):
    return [f.code for f in findings if severity is None or f.severity == severity]


# --------------------------------------------------------------------------- limits per segment
SEGMENTS = [("general-debate", 90, 207), ("interactive-dialogue", 120, 282), ("panel", 120, 282),
            ("upr-adoption", 120, 282)]


@pytest.mark.parametrize("segment,limit,body_words", SEGMENTS)
def test_exactly_at_the_limit_passes_with_a_warning(tmp_path, segment, limit, body_words):
    findings, stats = analyse(write(tmp_path, segment=segment, body=body_of(body_words)))
    assert stats["limit_seconds"] == limit
    assert stats["words"] == body_words + OVERHEAD
    assert stats["seconds"] == limit
    assert "time-limit" not in codes(findings, "error")
    assert "time-limit-near" in codes(findings, "warning")  # above 90 % of the limit


@pytest.mark.parametrize("segment,limit,body_words", SEGMENTS)
def test_one_word_over_the_limit_is_an_error(tmp_path, segment, limit, body_words):
    findings, stats = analyse(write(tmp_path, segment=segment, body=body_of(body_words + 1)))
    assert stats["seconds"] == pytest.approx(limit + 0.4)
    errs = [f for f in findings if f.code == "time-limit" and f.severity == "error"]
    assert len(errs) == 1
    assert errs[0].message.endswith("cut about 1 word")
    assert errs[0].location.startswith(f"{tmp_path / 's.yaml'}:")


def test_warning_threshold_is_ninety_percent(tmp_path):
    # 90 s * 0.9 = 81 s = 79 s of speech + 2 s pauses = 197.5 words: 197 is under, 198 over
    findings, stats = analyse(write(tmp_path, body=body_of(197 - OVERHEAD)))
    assert stats["seconds"] == 80.8 and codes(findings) == []
    findings, stats = analyse(write(tmp_path, body=body_of(198 - OVERHEAD)))
    assert codes(findings, "warning") == ["time-limit-near"]


@pytest.mark.parametrize("limit,cap", [(90, 250), (120, 300)])
def test_word_cap_at_and_one_over(tmp_path, limit, cap):
    segment = "general-debate" if limit == 90 else "panel"
    # at 200 words per minute the time estimate allows more than the cap: the cap decides
    at = write(tmp_path, segment=segment, words_per_minute=200, body=body_of(cap - OVERHEAD))
    findings, stats = analyse(at)
    assert stats["words"] == cap and stats["limit"] == cap
    assert "word-limit" not in codes(findings)
    findings, stats = analyse(write(tmp_path, segment=segment, words_per_minute=200, body=body_of(cap - OVERHEAD + 1)))
    assert codes(findings, "error") == ["word-limit"]
    assert f"over the {cap}-word maximum" in findings[-1].message


# --------------------------------------------------------------------------- overrides
def test_time_limit_override(tmp_path):
    # 60 s: 58 s of speech = 145 words
    findings, stats = analyse(write(tmp_path, segment="panel", time_limit_seconds=60, body=body_of(145 - OVERHEAD)))
    assert stats["limit_seconds"] == 60 and stats["seconds"] == 60
    assert stats["limit"] is None  # no sourced word cap for a 60 s slot; the time decides
    assert "time-limit" not in codes(findings, "error")
    path = write(tmp_path, segment="panel", time_limit_seconds=60, body=body_of(146 - OVERHEAD))
    findings, _ = analyse(path)
    err = [f for f in findings if f.code == "time-limit"][0]
    assert err.severity == "error" and "time_limit_seconds" in err.message
    assert err.location.endswith(":1:" + str(path.read_text().index('"time_limit_seconds"') + 23))


def test_words_per_minute_override(tmp_path):
    # 120 wpm, 90 s: 88 s of speech = 176 words
    findings, stats = analyse(write(tmp_path, words_per_minute=120, body=body_of(176 - OVERHEAD)))
    assert stats["words_per_minute"] == 120 and stats["seconds"] == 90
    assert "time-limit" not in codes(findings, "error")
    findings, _ = analyse(write(tmp_path, words_per_minute=120, body=body_of(177 - OVERHEAD)))
    assert "time-limit" in codes(findings, "error")


@pytest.mark.parametrize("wpm,expected", [(79, "words-per-minute"), (80, None), (165, None), (166, "fast-pace"),
                                          (200, "fast-pace"), (201, "words-per-minute")])
def test_words_per_minute_range(tmp_path, wpm, expected):
    findings, _ = analyse(write(tmp_path, words_per_minute=wpm))
    got = [(f.code, f.severity) for f in findings if f.code in ("words-per-minute", "fast-pace")]
    severity = {"words-per-minute": "error", "fast-pace": "warning"}
    assert got == ([(expected, severity[expected])] if expected else [])


def test_rules_file_changes_the_segment_limit(tmp_path):
    rules = Rules.model_validate({**DEFAULT.model_dump(), "oral": {**DEFAULT.oral.model_dump(),
                                                                   "seconds": {**DEFAULT.oral.seconds, "panel": 90}}})
    _, stats = analyse(write(tmp_path, segment="panel"), rules)
    assert stats["limit_seconds"] == 90 and stats["limit"] == 250


# --------------------------------------------------------------------------- pauses
def test_pause_per_paragraph(tmp_path):
    one = analyse(write(tmp_path, body=body_of(50)))[1]
    two = analyse(write(tmp_path, body=body_of(25) + "\n\n" + body_of(25)))[1]
    assert two["words"] == one["words"]
    assert two["paragraphs"] == one["paragraphs"] + 1
    assert two["seconds"] - one["seconds"] == pytest.approx(DEFAULT.oral.pause_seconds_per_paragraph)


def test_pause_comes_from_the_rules(tmp_path):
    rules = Rules.model_validate({**DEFAULT.model_dump(),
                                  "oral": {**DEFAULT.oral.model_dump(), "pause_seconds_per_paragraph": 3}})
    _, stats = analyse(write(tmp_path, body=body_of(150 - OVERHEAD)), rules)  # 60 s of speech, 2 pauses
    assert stats["seconds"] == 66 and stats["pause_seconds"] == 3


def test_cumulative_marks(tmp_path):
    model, _ = load(write(tmp_path, body=body_of(64) + "\n\n" + body_of(71)), "oral-statement")
    t = oral_timing(model)
    marks = [p.mark for p in t["paragraphs"]]
    # 11 words = 4.4 s; +64 = 75 words = 30 s + 1 pause; +71 = 146 words = 58.4 s + 2; +2 = 59.2 s + 3
    assert marks == ["0:05", "0:31", "1:01", "1:03"]
    assert [p.role for p in t["paragraphs"]] == ["opening", "body", "body", "closing"]


def test_clock_rounds_up():
    assert clock(0) == "0:00" and clock(45) == "0:45" and clock(45.01) == "0:46"
    assert clock(90) == "1:30" and clock(119.99) == "2:00" and clock(88.00000000001) == "1:28"


# --------------------------------------------------------------------------- opening and closing
def test_opening_and_closing_are_counted(tmp_path):
    model, _ = load(write(tmp_path, body="One."), "oral-statement")
    paras = oral_timing(model)["paragraphs"]
    assert paras[0].text == "Thank you, President. I speak on behalf of Child Rights Alliance."
    assert paras[-1].text == "Thank you."
    assert oral_timing(model)["words"] == 1 + OVERHEAD


def test_president_title_and_joint_partners_in_the_opening(tmp_path):
    path = write(tmp_path, president_title="Madam President", body="One.",
                 joint_with=[{"name": "Défense des Enfants International", "status": "general"}, "Youth Voices"])
    model, _ = load(path, "oral-statement")
    t = oral_timing(model)
    assert t["paragraphs"][0].text == ("Thank you, Madam President. I speak on behalf of Child Rights Alliance, "
                                       "Défense des Enfants International and Youth Voices.")
    assert t["words"] == 1 + OVERHEAD + 1 + 7  # "Madam", the partners' six words and "and"


@pytest.mark.parametrize("lang,opening,closing", [
    ("fr", "Merci, Madame la Présidente. Je m'exprime au nom des organisations Child Rights Alliance et Amis.", "Je vous remercie."),
    ("es", "Gracias, Señora Presidenta. Hablo en nombre de las organizaciones Child Rights Alliance y Amis.", "Muchas gracias."),
])
def test_opening_in_the_statement_language(tmp_path, lang, opening, closing):
    title = {"fr": "Madame la Présidente", "es": "Señora Presidenta"}[lang]
    model, src = load(write(tmp_path, language=lang, president_title=title, joint_with=["Amis"]), "oral-statement")
    paras = oral_timing(model)["paragraphs"]
    assert paras[0].text == opening and paras[-1].text == closing
    findings, _ = oral_findings(model, src)
    assert "labels-in-english" not in codes(findings)  # fr and es have their own labels


def test_wording_comes_from_the_rules(tmp_path):
    oral = DEFAULT.oral.model_dump()
    oral["wording"]["en"]["closing"] = "I thank you for your attention."
    model, _ = load(write(tmp_path, body="One."), "oral-statement")
    t = oral_timing(model, Rules.model_validate({**DEFAULT.model_dump(), "oral": oral}))
    assert t["paragraphs"][-1].text == "I thank you for your attention." and t["words"] == 1 + 11 + 6


# --------------------------------------------------------------------------- languages
def test_arabic_counted_by_spaces(tmp_path):
    body = "يجب أن يُستمع إلى الأطفال في كل قرار"  # 8 words
    assert count_words(body) == 8
    model, src = load(write(tmp_path, language="ar", body=body), "oral-statement")
    t = oral_timing(model)
    # opening: "شكراً، سيادة الرئيس." (3) + "أتحدث باسم Child Rights Alliance." (5); closing "شكراً." (1)
    assert t["words"] == 8 + 3 + 5 + 1
    findings, _ = oral_findings(model, src)
    assert [f.severity for f in findings if f.code == "labels-in-english"] == ["warning"]  # English labels


def test_chinese_each_ideograph_is_a_word(tmp_path):
    assert count_words("儿童权利很重要") == 7
    short = oral_timing(load(write(tmp_path, language="zh", body="儿童权利"), "oral-statement")[0])
    long = oral_timing(load(write(tmp_path, language="zh", body="儿童权利很重要"), "oral-statement")[0])
    assert long["words"] - short["words"] == 3
    assert short["paragraphs"][0].text == "谢谢主席。我代表Child Rights Alliance发言。"


@pytest.mark.parametrize("lang", ["ar", "zh", "ru"])
def test_other_un_languages_fall_back_to_english_labels(tmp_path, lang):
    findings, _ = analyse(write(tmp_path, language=lang))
    assert any(f.code == "labels-in-english" and f.severity == "warning" and "English" in f.message
               for f in findings)
    assert not codes(findings, "error")


def test_language_outside_the_six_is_a_schema_error(tmp_path):
    from uprdraft.findings import ContentError

    with pytest.raises(ContentError) as e:
        load(write(tmp_path, language="de"), "oral-statement")
    assert e.value.findings[0].code == "schema" and "language" in e.value.findings[0].message


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
                min_size=1, max_size=5))
def test_timing_is_consistent_for_any_text(paragraphs):
    from uprdraft.models.oral import OralStatement

    body = "\n\n".join(p.replace("\n", " ") for p in paragraphs)
    if not body.strip():
        return
    model = OralStatement.model_validate({
        "kind": "oral-statement", "language": "en", "session": 61, "agenda_item": 4, "segment": "panel",
        "organisation": {"name": "NGO", "status": "general"}, "speaker": {"name": "A"}, "body": body})
    t = oral_timing(model)
    paras = t["paragraphs"]
    assert t["words"] == sum(p.words for p in paras)
    ends = [p.end_seconds for p in paras]
    assert ends == sorted(ends)
    rules = DEFAULT.oral
    assert ends[-1] == pytest.approx(t["words"] * 60 / 150 + rules.pause_seconds_per_paragraph * (len(paras) - 1))


# --------------------------------------------------------------------------- other rules
def test_upr_adoption_requires_state_under_review(tmp_path):
    path = write(tmp_path, segment="upr-adoption", state_under_review=None)
    assert "state_under_review" not in path.read_text()
    findings, _ = analyse(path)
    err = [f for f in findings if f.severity == "error"]
    assert len(err) == 1 and "state_under_review" in err[0].message


def test_upr_adoption_outside_item_6_is_a_warning(tmp_path):
    findings, _ = analyse(write(tmp_path, segment="upr-adoption", agenda_item=4))
    assert codes(findings) == ["agenda-item"]


def test_status_none_cannot_speak(tmp_path):
    findings, _ = analyse(write(tmp_path, organisation={"name": "Youth Voices", "status": "none"}))
    err = [f for f in findings if f.severity == "error"]
    assert [f.code for f in err] == ["consultative-status"]
    assert "ECOSOC consultative status" in err[0].message and "joint_with" in err[0].message


def test_partner_without_status_is_fine(tmp_path):
    findings, _ = analyse(write(tmp_path, joint_with=[{"name": "Youth Voices", "status": "none"}]))
    assert codes(findings) == []


def test_markdown_body(tmp_path):
    path = tmp_path / "s.md"
    path.write_text("---\nkind: oral-statement\nlanguage: en\nsession: 61\nagenda_item: 3\nsegment: panel\n"
                    "organisation: {name: Child Rights Alliance, status: general}\nspeaker: {name: A}\n---\n"
                    "We ask for **action** now.\n\nA second paragraph.\n", encoding="utf-8")
    model, src = load(path, "oral-statement")
    findings, stats = oral_findings(model, src)
    assert [f.severity for f in findings] == ["warning"]  # emphasis is written as plain text
    assert findings[0].location == f"{path}:10:1"
    t = oral_timing(model)
    assert t["paragraphs"][1].text == "We ask for action now."
    assert stats["paragraphs"] == 4


def test_lists_headings_and_footnotes_in_the_body(tmp_path):
    body = ("# Our asks\n\nWe ask for three things[^1]:\n\n- a law\n- a budget\n\n1. first this\n\n"
            "[^1]: A/HRC/58/15, para. 115.23.\n")
    model, src = load(write(tmp_path, body=body), "oral-statement")
    findings, _ = oral_findings(model, src)
    assert sorted(codes(findings, "warning")) == ["footnote-dropped", "heading"]
    body_paras = [p for p in oral_timing(model)["paragraphs"] if p.role == "body"]
    assert [p.text for p in body_paras] == ["Our asks", "We ask for three things:", "\u2022 a law",
                                            "\u2022 a budget", "1. first this"]
    # a bullet is not spoken; a number is; the note text is left out
    assert [p.words for p in body_paras] == [2, 5, 2, 2, 3]
