"""Mid-term reports: model, rules, statistics, grouping, the .docx files and the CLI."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import EXAMPLES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from uprdraft.context import make_context
from uprdraft.findings import ContentError, InputError

CTX = make_context()

EXAMPLE = EXAMPLES / "midterm-report.yaml"

BASE = """\
kind: midterm-report
language: {lang}
title: Report on <Norvalia> & children
state_under_review: Norvalia
cycle: 4
review_date: 2024-01-24
wg_report_symbol: {symbol}
organisation: {{name: Children First, status: none}}
summary: |
  First paragraph
  still the first.

  Second paragraph.
methodology: We read the laws.
conclusions: Do more.
recommendations:
{recs}
"""


def rec(rid, response="supported", status="fully-implemented", themes=("Education",), text="Do it."):
    th = ", ".join(themes)
    resp = f"\n    response: {response}" if response else ""
    return (f'  - id: "{rid}"\n    text: {text}\n    recommending_states: [Chile, Ghana]{resp}\n'
            f"    themes: [{th}]\n    status: {status}\n")


def write(tmp_path, recs=None, lang="en", symbol="A/HRC/56/12", extra="", name="r.yaml"):
    recs = recs if recs is not None else [rec("115.1"), rec("115.2", "noted", "not-implemented")]
    p = tmp_path / name
    p.write_text(BASE.format(lang=lang, symbol=symbol, recs="".join(recs)) + extra, encoding="utf-8")
    return p


def loaded(path):
    from uprdraft.kinds.midterm import load_midterm

    return load_midterm(path)


def findings(path):
    from uprdraft.kinds.midterm import midterm_findings
    from uprdraft.load import load

    fs, stats = midterm_findings(*load(path, "midterm-report"))
    return fs


def codes(fs):
    return [f.code for f in fs]


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def visible_text(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


# --------------------------------------------------------------------------- model
def test_example_loads_without_findings():
    lr = loaded(EXAMPLE)
    assert len(lr.recommendations) >= 8
    themes = {t for r in lr.recommendations for t in r.themes}
    assert len(themes) >= 3
    assert findings(EXAMPLE) == []


def test_needs_organisation_or_coalition(tmp_path):
    p = write(tmp_path)
    p.write_text(p.read_text().replace("organisation: {name: Children First, status: none}\n", ""))
    with pytest.raises(ContentError) as e:
        loaded(p)
    assert "organisation or the coalition" in str(e.value)
    assert re.search(r"r\.yaml:\d+:\d+", e.value.findings[0].location)


def test_recommendation_id_as_number_is_refused_with_its_line(tmp_path):
    p = write(tmp_path, [rec("115.1").replace('"115.1"', "115.20")])
    with pytest.raises(ContentError) as e:
        loaded(p)
    f = e.value.findings[0]
    assert f.code == "schema" and "quotes" in f.message
    line = p.read_text().splitlines().index("  - id: 115.20") + 1
    assert f.location.startswith(f"{p}:{line}:")


def test_list_and_file_together_is_an_error(tmp_path):
    p = write(tmp_path, extra="recommendations_file: recs.csv\n")
    with pytest.raises(ContentError, match="not both"):
        loaded(p)


# --------------------------------------------------------------------------- rules
def test_wg_report_symbol_checked_with_location(tmp_path):
    p = write(tmp_path, symbol="A/HRC/WG.6/45/NOR/1")
    fs = findings(p)
    f = next(f for f in fs if f.code == "wg-report-symbol")
    assert f.severity == "error"
    line = next(i for i, l in enumerate(p.read_text().splitlines(), 1) if l.startswith("wg_report_symbol"))
    assert f.location == f"{p}:{line}:19"
    assert findings(write(tmp_path, symbol="A/HRC/56/12/Add.1", name="ok.yaml")) == []


@pytest.mark.parametrize("rid, ok", [("115.23", True), ("999.999", True), ("1000.1", False), ("115", False),
                                     ("115.1234", False), ("R-12", False)])
def test_recommendation_id_pattern(tmp_path, rid, ok):
    fs = findings(write(tmp_path, [rec(rid)]))
    assert ("recommendation-id" not in codes(fs)) is ok
    if not ok:
        f = fs[0]
        assert f.severity == "warning" and rid in f.message
        assert f.location.startswith(f"{tmp_path / 'r.yaml'}:")


def test_supported_noted_asks_to_split(tmp_path):
    fs = findings(write(tmp_path, [rec("115.3", "supported/noted")]))
    assert codes(fs) == ["split-recommendation"]
    assert fs[0].severity == "warning" and "split" in fs[0].message


def test_split_parts_may_share_an_id_but_not_the_response(tmp_path):
    ok = [rec("115.3", "supported"), rec("115.3", "noted", "not-implemented")]
    assert findings(write(tmp_path, ok)) == []
    dup = [rec("115.3", "supported"), rec("115.3", "supported", "not-implemented")]
    fs = findings(write(tmp_path, dup, name="dup.yaml"))
    assert codes(fs) == ["duplicate-recommendation"] and fs[0].severity == "error"


def test_missing_response_is_a_warning(tmp_path):
    fs = findings(write(tmp_path, [rec("115.3", response=None)]))
    assert codes(fs) == ["response-missing"]


# --------------------------------------------------------------------------- statistics
def test_statistics_of_the_example():
    from uprdraft.kinds.midterm import midterm_statistics

    s = midterm_statistics(loaded(EXAMPLE).recommendations)
    assert s["total"] == 10
    assert s["by_status"]["fully-implemented"] == {"count": 2, "share": 0.2}
    assert s["triggered_action"] == {"count": 7, "share": 0.7}
    assert s["by_response"]["noted"]["total"] == 3
    assert s["by_response"]["noted"]["triggered_action"]["count"] == 1
    assert s["by_response"]["supported"]["triggered_action"] == {"count": 6, "share": round(6 / 7, 4)}


RECS = st.lists(st.tuples(st.sampled_from(["supported", "noted", "supported/noted", None]),
                          st.sampled_from(["fully-implemented", "partially-implemented", "not-implemented", "no-data"]),
                          st.lists(st.sampled_from(["Education", "education ", "Health", "Justice"]), max_size=3)),
                max_size=40)


def _recs(spec):
    from uprdraft.models.recommendation import Recommendation

    return [Recommendation(id=f"115.{i}", text="t", response=r, status=s, themes=t) for i, (r, s, t) in enumerate(spec)]


@given(RECS)
@settings(max_examples=60, deadline=None)
def test_statistics_add_up(spec):
    from uprdraft.kinds.midterm import midterm_statistics

    recs = _recs(spec)
    s = midterm_statistics(recs)
    assert s["total"] == len(recs)
    assert sum(v["count"] for v in s["by_status"].values()) == len(recs)
    assert sum(v["count"] for v in s["responses"].values()) == len(recs)
    assert s["triggered_action"]["count"] == (s["by_status"]["fully-implemented"]["count"]
                                              + s["by_status"]["partially-implemented"]["count"])
    for resp in ("supported", "noted"):
        assert s["by_response"][resp]["total"] == s["responses"][resp]["count"]


@given(RECS)
@settings(max_examples=60, deadline=None)
def test_grouping_lists_every_recommendation(spec):
    from uprdraft.kinds.midterm import group_by_theme

    recs = _recs(spec)
    each = group_by_theme(recs, "each")
    first = group_by_theme(recs, "first")
    # "first": every recommendation exactly once
    assert sorted(r.id for _, items in first for r, _ in items) == sorted(r.id for r in recs)
    # "each": once per distinct theme (case and spaces ignored), at least once
    expected = sum(max(1, len({t.strip().casefold() for t in r.themes})) for r in recs)
    assert sum(len(items) for _, items in each) == expected
    names = [n for n, _ in each]
    assert len(names) == len(set(names)) and (None not in names or names[-1] is None)


def test_grouping_order_and_cross_references():
    from uprdraft.kinds.midterm import group_by_theme

    recs = _recs([("supported", "no-data", ["Health"]), ("noted", "no-data", ["Education", "Health"]),
                  ("noted", "no-data", [])] + [("supported", "no-data", ["Education"])] * 8)
    groups = group_by_theme(recs, "each")
    assert [n for n, _ in groups] == ["Health", "Education", None]
    edu = [r.id for r, _ in groups[1][1]]
    assert edu == sorted(edu, key=lambda i: int(i.split(".")[1]))  # 115.1 ... 115.10 numerically
    assert edu[:2] == ["115.1", "115.3"] and edu[-1] == "115.10"
    assert groups[0][1][1][1] == ["Education"]  # 115.1 under Health says "also under Education"


# --------------------------------------------------------------------------- the Word files
def test_report_docx_content_and_header_rows():
    from uprdraft.render.midterm import render_report

    data = render_report(loaded(EXAMPLE), CTX)
    xml = document_xml(data)
    text = visible_text(xml)
    for s in ("Norvalia Child Rights Coalition", "A/HRC/56/12", "24 January 2024", "How children took part",
              "Triggered action", "7 (70%)", "Juvenile justice", "Also listed under: Juvenile justice.",
              "Official Gazette No. 51, 12 March 2025", "Voluntary commitments", "Conclusions"):
        assert s in text, s
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    assert len(tables) == 1 + 3  # statistics + one per theme
    for t in tables:
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", t, re.S)
        assert "<w:tblHeader/>" in rows[0] and all("tblHeader" not in r for r in rows[1:])
    assert "{{" not in text and "{%" not in text


def test_report_escapes_text_and_is_deterministic(tmp_path):
    from uprdraft.render.midterm import render_report

    p = write(tmp_path, [rec("115.1", text="'Stop <b> & </w:t>'")])
    a, b = render_report(loaded(p), CTX), render_report(loaded(p), CTX)
    assert a == b
    text = visible_text(document_xml(a))
    assert "Report on &lt;Norvalia&gt; &amp; children" in text
    assert "Stop &lt;b&gt; &amp; &lt;/w:t&gt;" in text
    assert "First paragraph still the first." in text


@pytest.mark.parametrize("lang, date, label, share", [
    ("fr", "24 janvier 2024", "Mise en œuvre à mi-parcours", "1 (50\u00a0%)"),
    ("es", "24 de enero de 2024", "Aplicación a mitad de período", "1 (50\u00a0%)"),
])
def test_report_labels_per_language(tmp_path, lang, date, label, share):
    from uprdraft.render.midterm import render_report

    data = render_report(loaded(write(tmp_path, lang=lang)), CTX)
    text = visible_text(document_xml(data))
    assert date in text and label in text and share in text
    assert "Supported" not in text and "Status" not in text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert f"<dc:language>{lang}</dc:language>" in z.read("docProps/core.xml").decode()


def test_child_friendly_docx_says_version_and_band_in_large_print():
    from uprdraft.render.midterm import render_child_friendly

    data = render_child_friendly(loaded(EXAMPLE), CTX)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode()
        xml = z.read("word/document.xml").decode()
    text = visible_text(xml)
    assert "child-friendly summary" in text and "aged 10 to 13" in text
    assert "hitting children is now against the law" in text
    sizes = [int(v) for v in re.findall(r'<w:sz w:val="(\d+)"/>', styles + xml)]
    assert sizes and min(sizes) >= 24  # half-points: 12 pt


# --------------------------------------------------------------------------- child-friendly rules
CF = """child_friendly:
  version: {version}
  age_band: "{band}"
  text: |
{text}
"""


def with_cf(tmp_path, text, band="10-13", version="literal", lang="en"):
    body = "\n".join("    " + line for line in text.splitlines())
    return write(tmp_path, lang=lang, extra=CF.format(version=version, band=band, text=body))


def test_unknown_age_band_is_an_error_at_its_line(tmp_path):
    p = with_cf(tmp_path, "Short text.", band="9-99")
    fs = findings(p)
    assert codes(fs) == ["age-band"]
    line = next(i for i, l in enumerate(p.read_text().splitlines(), 1) if "age_band" in l)
    assert fs[0].location.startswith(f"{p}:{line}:")


def test_en_dash_band_is_accepted(tmp_path):
    assert findings(with_cf(tmp_path, "We like school. It is fun.", band="10\u201313")) == []


def _sentences(n_words: int, n: int = 4) -> str:
    return " ".join(" ".join(["cat"] * n_words) + "." for _ in range(n))


def test_sentence_length_at_the_limit_and_one_past(tmp_path):
    # rules: 15 words per sentence for 10-13; one-syllable words keep the score high
    assert "sentence-length" not in codes(findings(with_cf(tmp_path, _sentences(15))))
    fs = findings(with_cf(tmp_path, _sentences(16)))
    assert "sentence-length" in codes(fs)
    assert all(f.severity == "warning" for f in fs)


@pytest.mark.parametrize("lang, hard", [
    ("en", "Notwithstanding considerable institutional commitments, comprehensive legislative implementation remains fundamentally incomplete."),
    ("fr", "Nonobstant des engagements institutionnels considérables, la mise en œuvre législative demeure fondamentalement incomplète."),
    ("es", "No obstante considerables compromisos institucionales, la implementación legislativa permanece fundamentalmente incompleta."),
])
def test_readability_warning_per_language(tmp_path, lang, hard):
    fs = findings(with_cf(tmp_path, hard, lang=lang))
    assert "readability" in codes(fs)
    easy = {"en": "We go to school. It is fun.", "fr": "Le chat dort. Il a faim.", "es": "El sol sale. La casa es azul."}
    assert "readability" not in codes(findings(with_cf(tmp_path, easy[lang], lang=lang)))


@given(st.text(max_size=300), st.sampled_from(["en", "fr", "es"]))
@settings(max_examples=40, deadline=None)
def test_readability_never_fails_on_arbitrary_text(text, lang):
    from uprdraft.readability import check_readability
    from uprdraft.rules import DEFAULT

    stats, fs = check_readability(text, lang, "14-18", rules=DEFAULT)
    assert stats["words"] >= 0 and all(f.severity == "warning" for f in fs)


# --------------------------------------------------------------------------- API and CLI
needs_checker = pytest.mark.skipif(
    not hasattr(__import__("uprdraft.docx_check", fromlist=["x"]), "check_docx"), reason="check_docx not there yet")


@needs_checker
def test_cli_writes_both_files_and_reports_json(tmp_path, cli):
    src = tmp_path / "report.yaml"
    src.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    cf = tmp_path / "child.docx"
    code, rep = cli.json("report", "midterm", src, "--child-friendly", cf)
    assert code == 0, rep
    assert rep["ok"] and rep["output"] == str(tmp_path / "report.docx")
    assert rep["stats"]["recommendations"]["triggered_action"]["count"] == 7
    assert rep["stats"]["child_friendly"]["readability"]["age_band"] == "10-13"
    assert (tmp_path / "report.docx").stat().st_size > 0 and cf.stat().st_size > 0
    from uprdraft.docx_check import check_docx

    for path, profile in ((tmp_path / "report.docx", "hrc-report"), (cf, "child-friendly")):
        result = check_docx(path, profile=profile)
        assert not [f for f in result.findings if f.severity == "error"], (profile, result.findings)
    # a second run refuses to overwrite (exit 2), --force replaces
    code, rep = cli.json("report", "midterm", src)
    assert code == 2 and rep["findings"][0]["code"] == "io"
    code, out, err = cli("report", "midterm", src, "--force")
    assert code == 0 and "wrote" in out


@needs_checker
def test_cli_content_error_writes_nothing(tmp_path, cli):
    p = write(tmp_path, [rec("115.3"), rec("115.3")])
    code, rep = cli.json("report", "midterm", p)
    assert code == 1 and not rep["ok"]
    assert "duplicate-recommendation" in codes_of(rep)
    assert not (tmp_path / "r.docx").exists()


@needs_checker
def test_cli_child_friendly_without_section(tmp_path, cli):
    p = write(tmp_path)
    code, out, err = cli("report", "midterm", p, "--child-friendly", tmp_path / "c.docx")
    assert code == 1 and "child_friendly section" in err
    assert not (tmp_path / "r.docx").exists() and not (tmp_path / "c.docx").exists()


def test_cli_bad_yaml_is_exit_2_without_traceback(tmp_path, cli):
    p = tmp_path / "bad.yaml"
    p.write_text("kind: midterm-report\ntitle: [unclosed\n", encoding="utf-8")
    code, out, err = cli("report", "midterm", p)
    assert code == 2 and "Traceback" not in err and "bad.yaml:" in err


def test_output_may_not_replace_input(tmp_path):
    from uprdraft import render_midterm_report

    p = write(tmp_path)
    with pytest.raises(InputError):
        render_midterm_report(p, output=p, force=True)


def codes_of(rep: dict) -> list[str]:
    return [f["code"] for f in rep["findings"]]


def test_help_lists_report_midterm(cli):
    code, out, _ = cli("report", "midterm", "--help")
    assert code == 0 and "--child-friendly" in out


# --------------------------------------------------------------------------- recommendations_file
CSV = ("id,text,recommending_states,response,themes,status,assessment,sources\r\n"
       '115.2,Ban child marriage.,Chile; Ghana,supported,Violence against children,fully-implemented,Law of 2025.,\r\n'
       '115.10,Free schooling.,Peru,noted,Education; Violence against children,partially-implemented,"Fees gone, permits not.",\r\n')


def test_recommendations_file_relative_to_the_report(tmp_path):
    from uprdraft.kinds.midterm import midterm_statistics

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "recs.csv").write_text(CSV, encoding="utf-8")
    p = write(tmp_path)
    text = p.read_text()
    p.write_text(text[: text.index("recommendations:")] + "recommendations_file: data/recs.csv\n", encoding="utf-8")
    lr = loaded(p)
    assert [r.id for r in lr.recommendations] == ["115.2", "115.10"]
    assert midterm_statistics(lr.recommendations)["triggered_action"]["count"] == 2
    from uprdraft.render.midterm import render_report

    text = visible_text(document_xml(render_report(lr, CTX)))
    assert "Fees gone, permits not." in text and "Also listed under: Violence against children." in text


def test_missing_recommendations_file_is_exit_2(tmp_path, cli):
    p = write(tmp_path)
    text = p.read_text()
    p.write_text(text[: text.index("recommendations:")] + "recommendations_file: nowhere.csv\n", encoding="utf-8")
    code, out, err = cli("report", "midterm", p)
    assert code == 2 and "nowhere.csv" in err and f"{p}:" in err


@needs_checker
def test_self_check_stops_a_non_compliant_file(tmp_path, monkeypatch):
    """The report is re-read by check_docx: a 12 pt file is refused and nothing is written."""
    from uprdraft import render_midterm_report
    from uprdraft.render import midterm as render_mod

    p = write(tmp_path, extra=CF.format(version="summary", band="10-13", text="    We like school."))
    monkeypatch.setattr(render_mod, "render_report", render_mod.render_child_friendly)
    with pytest.raises(ContentError) as e:
        render_midterm_report(p)
    assert e.value.findings[0].code == "font-size" and "hrc-report" in e.value.findings[0].message
    assert not (tmp_path / "r.docx").exists()


# --------------------------------------------------------------------------- arbitrary text
@example("a \x00 b", "<w:t>&amp;", "en")
@given(st.text(min_size=1, max_size=80).filter(lambda s: s.strip()),
       st.text(max_size=80), st.sampled_from(["en", "fr", "es"]))
@settings(max_examples=25, deadline=None)
def test_any_text_renders_as_text(text, assessment, lang):
    """Whatever the user typed (markup, control characters, any script) ends up as plain text."""
    from uprdraft.kinds.midterm import LoadedReport
    from uprdraft.models.midterm import MidtermReport
    from uprdraft.render.midterm import render_report
    from uprdraft.xmltext import clean_text

    model = MidtermReport(kind="midterm-report", language=lang, title="T", state_under_review="S", cycle=4,
                          review_date="2024-01-24", wg_report_symbol="A/HRC/56/12",
                          organisation={"name": "N", "status": "none"}, summary="s", methodology="m",
                          conclusions="c", recommendations=[{"id": "115.1", "text": text, "assessment": assessment or None,
                                                              "themes": ["Education"]}])
    rec = model.recommendations[0]
    data = render_report(LoadedReport(model, None, [rec], ["x"]), CTX)
    from xml.sax.saxutils import unescape

    cells = unescape(visible_text(document_xml(data)))
    assert " ".join(clean_text(rec.text).split()) in cells


def test_validate_command_reports_statistics(cli):
    code, rep = cli.json("validate", EXAMPLE)
    assert code == 0 and rep["stats"]["recommendations"]["total"] == 10


def test_starter_renders_without_findings(cli, tmp_path):
    out = tmp_path / "report.yaml"
    code, _, _ = cli("new", "midterm-report", "-o", out)
    assert code == 0
    code, rep = cli.json("validate", out)
    assert code == 0 and rep["findings"] == [], rep


@needs_checker
def test_rules_file_groups_under_first_theme_only(tmp_path, cli):
    rules = tmp_path / "rules.yaml"
    rules.write_text("midterm:\n  group_by_theme: first\n", encoding="utf-8")
    src = tmp_path / "report.yaml"
    src.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, rep = cli.json("--rules", rules, "report", "midterm", src)
    assert code == 0, rep
    text = visible_text(document_xml((tmp_path / "report.docx").read_bytes()))
    assert "listed under its first theme only" in text and "Also listed under" not in text
    assert rep["stats"]["recommendations"]["total"] == 10  # statistics do not change


@needs_checker
def test_hard_child_friendly_text_warns_but_writes(tmp_path, cli):
    hard = "Notwithstanding considerable institutional commitments, comprehensive legislative implementation remains incomplete."
    p = with_cf(tmp_path, hard)
    code, rep = cli.json("report", "midterm", p, "--child-friendly", tmp_path / "c.docx")
    assert code == 0 and rep["ok"]
    assert {"readability"} <= set(codes_of(rep)) and all(f["severity"] == "warning" for f in rep["findings"])
    assert (tmp_path / "c.docx").exists()


# --------------------------------------------------------------------------- places looked up late
def test_places_of_inline_recommendations_are_those_of_the_source(tmp_path):
    from uprdraft.kinds.midterm import resolve
    from uprdraft.load import load

    model, src = load(write(tmp_path, [rec("115.1"), rec("115.2"), rec("115.3")]))
    places = resolve(model, src).locations
    eager = [src.locate(("recommendations", i)) for i in range(3)]
    assert len(places) == 3 and list(places) == eager
    assert places[-1] == eager[2] and places[1:] == eager[1:]
    with pytest.raises(IndexError):
        places[3]
    src.let_go()  # composed again when a message needs a place after the tree was let go
    assert places[0] == eager[0]


def test_duplicate_names_the_place_of_the_first(tmp_path):
    fs = findings(write(tmp_path, [rec("115.3"), rec("115.4"), rec("115.3", status="not-implemented")]))
    assert codes(fs) == ["duplicate-recommendation"]
    first = re.search(r"first at (\S+:\d+:\d+)\)", fs[0].message).group(1)
    assert int(first.rsplit(":", 2)[1]) < int(fs[0].location.rsplit(":", 2)[1])


def test_analysis_let_go_keeps_findings_and_stats():
    from uprdraft.kinds import Analysis

    a = Analysis(object(), object(), ["f"], {"words": 3}, content=object(), inputs={"x": 1})
    a.let_go()
    assert (a.model, a.source, a.content, a.inputs) == (None, None, None, {})
    assert a.findings == ["f"] and a.stats == {"words": 3}
