"""uprdraft import recommendations: encodings, formats, bad rows, filters, YAML round trip.

Fixtures are written by the tests themselves (bytes spelled out below) so that each trap is
visible: a Mac Roman file with CR line endings that cp1252 would garble silently, a UTF-8
file with BOM, UTF-16 from Excel, a UHRI-style workbook and files with broken rows.
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.encoding import detect
from uprdraft.findings import ContentError, InputError
from uprdraft.importers import (
    import_recommendations,
    read_recommendations,
    read_voluntary_commitments,
    template_csv,
    write_recommendations_yaml,
)

HEADER = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session"
ROWS = [
    "Côte d'Ivoire,Africa,\"AU, OIF\",Protéger les enfants contre la traite,Sénégal,Africa,\"AU, OIC\",Accepted,4,\"Rights of the Child,Trafficking\",12",
    "São Tomé and Príncipe,Africa,AU,Ratify the Optional Protocol,Brazil,GRULAC,OEI,Noted,5,International instruments,12",
    "Côte d'Ivoire,Africa,\"AU, OIF\",Abolish the death penalty,France,WEOG,EU,Noted,5,Death penalty,12",
]


def uprinfo_bytes(encoding="mac_roman", newline="\r", rows=ROWS) -> bytes:
    return newline.join([HEADER, *rows]).encode(encoding)


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


# --------------------------------------------------------------------------- encodings
def test_mac_roman_cr_file_that_cp1252_would_garble(tmp_path):
    data = uprinfo_bytes("mac_roman", "\r")
    data.decode("cp1252")  # the trap: cp1252 decodes it without complaint ...
    assert "C™te" in data.decode("cp1252")  # ... into nonsense
    res = import_recommendations(write(tmp_path, "mac.csv", data))
    assert res.data.encoding == "mac_roman"
    assert res.data.format == "upr-info"
    assert [r.state_under_review for r in res.data.recommendations] == ["Côte d'Ivoire", "São Tomé and Príncipe",
                                                                  "Côte d'Ivoire"]
    assert res.data.recommendations[0].text == "Protéger les enfants contre la traite"
    assert res.data.recommendations[0].recommending_states == ["Sénégal"]
    assert res.data.recommendations[0].themes == ["Rights of the Child", "Trafficking"]
    assert res.data.rows_read == 3 and res.stats["imported"] == 3 and res.stats["skipped"] == 0


def test_cp1252_file_is_read_as_cp1252(tmp_path):
    rows = [r.replace("Protéger", "Protéger l’enfant") for r in ROWS]
    res = import_recommendations(write(tmp_path, "win.csv", uprinfo_bytes("cp1252", "\r\n", rows)))
    assert res.data.encoding == "cp1252"
    assert res.data.recommendations[0].text.startswith("Protéger l’enfant")


def test_utf8_bom_header_is_clean(tmp_path):
    res = import_recommendations(write(tmp_path, "bom.csv", b"\xef\xbb\xbf" + uprinfo_bytes("utf-8", "\n")))
    assert res.data.encoding == "utf-8-sig"
    assert res.data.recommendations[1].state_under_review == "São Tomé and Príncipe"


def test_utf16_tab_separated_from_excel(tmp_path):
    buf = io.StringIO()  # Excel's "Unicode text": UTF-16 with BOM, tab-separated
    w = csv.writer(buf, delimiter="\t", lineterminator="\r\n")
    for line in [HEADER, *ROWS]:
        w.writerow(next(csv.reader([line])))
    res = import_recommendations(write(tmp_path, "u16.csv", buf.getvalue().encode("utf-16")))
    assert res.data.encoding == "utf-16"
    assert res.data.recommendations[0].recommending_states == ["Sénégal"]
    assert res.data.recommendations[0].themes == ["Rights of the Child", "Trafficking"]


def test_utf16_without_bom(tmp_path):
    data = "\n".join([HEADER, *ROWS]).encode("utf-16-le")
    res = import_recommendations(write(tmp_path, "u16le.csv", data))
    assert res.data.encoding == "utf-16-le"
    assert res.data.recommendations[0].state_under_review == "Côte d'Ivoire"


def test_plain_utf8_and_ascii(tmp_path):
    assert import_recommendations(write(tmp_path, "u8.csv", uprinfo_bytes("utf-8", "\n"))).data.encoding == "utf-8"
    ascii_rows = [ROWS[2].replace("ô", "o")]
    assert import_recommendations(write(tmp_path, "a.csv", uprinfo_bytes("ascii", "\n", ascii_rows))).data.encoding == "ascii"


def test_encoding_option_overrides_and_says_so(tmp_path):
    p = write(tmp_path, "mac.csv", uprinfo_bytes("mac_roman", "\r"))
    res = import_recommendations(p, encoding="cp1252")
    assert res.data.encoding == "cp1252" and res.data.encoding_reason == "given with --encoding"
    with pytest.raises(InputError, match="not valid utf-8"):
        import_recommendations(p, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        import_recommendations(p, encoding="klingon")


def test_ambiguous_encoding_is_a_warning(tmp_path):
    # only "í" (0x92 in Mac Roman, a right quote in cp1252): both readings are plausible
    rows = ["Peru,GRULAC,OAS,Protect the Guaraní peoples,Spain,WEOG,EU,Accepted,4,Minorities,12"]
    res = import_recommendations(write(tmp_path, "amb.csv", uprinfo_bytes("mac_roman", "\r", rows)))
    assert [f.code for f in res.findings] == ["encoding-ambiguous"]
    assert "--encoding" in res.findings[0].message


WORDS = st.lists(st.sampled_from(["Côte", "éducation", "Sénégal", "enfant", "niño", "acción", "São", "Tomé",
                                  "naïve", "à", "protège", "l’enfant", "droits", "über", "Québec", "años",
                                  "rights", "child", "Guaraní", "déjà", "élève"]), min_size=1, max_size=30)


@given(WORDS, st.sampled_from(["cp1252", "mac_roman"]))
@settings(max_examples=300, deadline=None)
def test_detection_is_right_or_says_it_is_unsure(words, enc):
    text = " ".join(words)
    data = text.encode(enc)
    got = detect(data)
    if data.isascii():
        assert got.encoding == "ascii"
    else:
        assert got.encoding == enc or got.ambiguous, (text, got)


# --------------------------------------------------------------------------- bad rows
def test_broken_rows_are_reported_with_row_numbers_and_counted(tmp_path):
    rows = [
        ROWS[0],
        "Chad,Africa,AU,,France,WEOG,EU,Accepted,4,Justice,12",  # row 3: empty text
        "Chad,Africa,AU,Free detainees, now,France,WEOG,EU,Accepted,4,Justice,12",  # row 4: unquoted comma
        "Chad,Africa,AU,Fight impunity,France,WEOG,EU,Maybe,4,Justice,12",  # row 5: unknown response
        "Chad,Africa,AU,Fight impunity,France,WEOG,EU,Accepted,4,Justice,twelve",  # row 6: session
        "Chad,Africa,AU,Fight impunity,France,WEOG,EU,Accepted,9,Justice,12",  # row 7: action category kept out
        "",  # a blank line is not a row
        ROWS[1],
    ]
    p = write(tmp_path, "broken.csv", uprinfo_bytes("utf-8", "\n", rows))
    res = import_recommendations(p)
    assert res.data.rows_read == 7
    assert len(res.data.recommendations) == 3
    assert res.stats["skipped_reasons"] == {"empty-text": 1, "extra-cells": 1, "unknown-response": 1,
                                            "bad-session": 1}
    assert [f.location for f in res.findings if f.code == "action"] == [f"{p}:row 7"]
    locs = [f.location for f in res.findings if f.code == "bad-row"]
    assert locs == [f"{p}:row {n}" for n in (3, 4, 5, 6)]
    assert any("double quotes" in f.message for f in res.findings)
    # the strict reader refuses the file and names every bad row
    with pytest.raises(ContentError) as e:
        read_recommendations(p)
    assert [f.location for f in e.value.findings] == locs
    assert all(f.severity == "error" for f in e.value.findings)


def test_text_in_the_action_cell_keeps_the_row_with_a_warning(tmp_path, cli):
    """Issue 13 (8): "Category 5" in Action dropped the row over a column the documents never use."""
    rows = [
        "Chad,Africa,AU,Fight impunity,France,WEOG,EU,Accepted,Category 5,Justice,12",
        "Chad,Africa,AU,Free the press,Spain,WEOG,EU,Noted,General action,Justice,12",
        "Chad,Africa,AU,Ratify the OP,Italy,WEOG,EU,Noted,7,Justice,12",
        "Chad,Africa,AU,End torture,Peru,GRULAC,,Noted,3,Justice,12",
    ]
    p = write(tmp_path, "action.csv", uprinfo_bytes("utf-8", "\n", rows))
    res = import_recommendations(p)
    assert [r.action_category for r in res.data.recommendations] == [5, None, None, 3]
    assert res.stats["skipped"] == 0
    actions = [f for f in res.findings if f.code == "action"]
    assert [f.location for f in actions] == [f"{p}:row {n}" for n in (2, 3, 4)]
    assert all(f.severity == "warning" for f in actions) and "Category 5" in actions[0].message
    assert len(read_recommendations(p)) == 4  # the strict reader keeps them too
    code, out, err = cli("import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert code == 0 and "imported 4 recommendations" in err


def test_unknown_columns_are_an_input_error(tmp_path):
    p = write(tmp_path, "x.csv", b"name,age\nAda,36\n")
    with pytest.raises(InputError, match="row 1: the columns are not those of a known export"):
        import_recommendations(p)


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        import_recommendations(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="empty"):
        import_recommendations(write(tmp_path, "empty.csv", b""))


# --------------------------------------------------------------------------- responses
def test_response_mapping(tmp_path):
    rows = [ROWS[0].replace("Accepted", r) for r in
            ("Supported", "Accepted", "Noted", "Supported/Noted", "Rejected", "Voluntary Pledge")]
    p = write(tmp_path, "resp.csv", uprinfo_bytes("utf-8", "\n", rows))
    res = import_recommendations(p)
    assert [r.response for r in res.data.recommendations] == ["supported", "supported", "noted", "supported/noted", "noted"]
    assert len(res.data.voluntary_commitments) == 1
    assert res.data.voluntary_commitments[0].id == "VP-S12-R7"
    warns = {f.location: f.message for f in res.findings if f.code == "response"}
    assert "split it" in warns[f"{p}:row 5"]
    assert "does not reject" in warns[f"{p}:row 6"]
    assert [v.id for v in read_voluntary_commitments(p)] == ["VP-S12-R7"]


def test_uprinfo_ids_are_synthesised_and_never_look_like_paragraphs(tmp_path):
    res = import_recommendations(write(tmp_path, "m.csv", uprinfo_bytes()))
    assert [r.id for r in res.data.recommendations] == ["UPRI-S12-R2", "UPRI-S12-R3", "UPRI-S12-R4"]
    assert not any(r.id_is_paragraph(r"^\d{1,3}\.\d{1,3}$") for r in res.data.recommendations)
    assert all(r.session == 12 for r in res.data.recommendations)


# --------------------------------------------------------------------------- filters
def test_filters(tmp_path):
    p = write(tmp_path, "m.csv", uprinfo_bytes())
    res = import_recommendations(p, theme="child")
    assert [r.id for r in res.data.recommendations] == ["UPRI-S12-R2"] and res.data.filtered_out == 2
    assert len(import_recommendations(p, theme="CHILD").data.recommendations) == 1
    assert len(import_recommendations(p, state="cote d'ivoire").data.recommendations) == 2  # accents and case
    assert len(import_recommendations(p, response="noted").data.recommendations) == 2
    assert len(import_recommendations(p, response="accepted").data.recommendations) == 1  # export wording
    assert len(import_recommendations(p, session=12).data.recommendations) == 3
    assert len(import_recommendations(p, session=13).data.recommendations) == 0
    res = import_recommendations(p, state="Cote d Ivoir")
    assert res.findings[-1].code == "filter" and "Côte d'Ivoire" in res.findings[-1].message
    with pytest.raises(InputError, match="--response"):
        import_recommendations(p, response="maybe")


# --------------------------------------------------------------------------- UHRI and template
def uhri_xlsx(path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Text", "Countries Concerned", "UPR Reccomending States", "UPR Position", "Themes",
               "Document Symbol", "UPR Session", "Affected Persons"])
    ws.append(["140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and "
               "Cultural Rights (Maldives) (Portugal);", "- Slovenia", "- Maldives\n- Portugal", "Supported",
               "- Ratification of & accession to international instruments\n- Rights of the child",
               "A/HRC/59/15", 48, "- Children"])
    ws.append(["140.8 Raise the age of marriage to 18 (Spain);", "- Slovenia", "- Spain", "Noted",
               "- Women's rights", "A/HRC/59/15", "48", ""])
    ws.append([None, "- Slovenia", "- Chile", "Noted", "- Justice", "A/HRC/59/15", 48, ""])  # broken: no text
    wb.save(path)
    return path


def test_uhri_xlsx(tmp_path):
    p = uhri_xlsx(tmp_path / "uhri.xlsx")
    res = import_recommendations(p)
    assert res.data.format == "uhri" and res.data.encoding is None
    a, b = res.data.recommendations
    assert a.id == "140.7" and a.text.startswith("Ratify the Optional Protocol")
    assert a.recommending_states == ["Maldives", "Portugal"]
    assert a.themes == ["Ratification of & accession to international instruments", "Rights of the child"]
    assert (a.response, a.session, a.state_under_review, a.document_symbol) == ("supported", 48, "Slovenia",
                                                                               "A/HRC/59/15")
    assert b.response == "noted"
    assert [f.location for f in res.findings] == [f"{p}:row 4"]
    assert len(import_recommendations(p, theme="child").data.recommendations) == 1


def test_uhri_csv_semicolons_and_no_paragraph(tmp_path):
    text = ('Text;Countries Concerned;UPR Reccomending States;UPR Position;Themes;UPR Session\r\n'
            '"Protect children (Chile);";"- Peru";"- Chile";"Supported";"- Rights of the child";"34"\r\n')
    res = import_recommendations(write(tmp_path, "uhri.csv", text.encode("cp1252")))
    assert res.data.recommendations[0].id == "UHRI-R2"


def test_template_csv_round_trip(tmp_path):
    for lang in ("en", "fr", "es"):
        p = tmp_path / f"t-{lang}.csv"
        p.write_text(template_csv(lang), encoding="utf-8", newline="")
        recs = read_recommendations(p)
        assert [r.id for r in recs] == ["115.23", "115.40"]
        assert recs[0].status == "partially-implemented"
        assert len(recs[0].recommending_states) == 2
        y = tmp_path / f"t-{lang}.yaml"
        y.write_text(write_recommendations_yaml(recs), encoding="utf-8")
        assert read_recommendations(y) == recs


def test_template_bad_status_and_duplicate_id(tmp_path):
    text = template_csv() + "115.23,Again,France,supported,,,,,46,Exampleland,A/HRC/58/15\r\n115.50,X,France,supported,,done,,,,,\r\n"
    p = write(tmp_path, "t.csv", text.encode("utf-8"))
    res = import_recommendations(p)
    assert res.stats["skipped_reasons"] == {"duplicate-id": 1, "invalid": 1}
    assert [f.location for f in res.findings] == [f"{p}:row 4", f"{p}:row 5"]
    assert "status" in res.findings[1].message


# --------------------------------------------------------------------------- our YAML
def test_yaml_list_forms_and_locations(tmp_path):
    plain = tmp_path / "plain.yaml"
    plain.write_text('- id: "1.1"\n  text: A\n- id: "1.2"\n  text: B\n  response: accepted\n', encoding="utf-8")
    recs = read_recommendations(plain)
    assert [r.response for r in recs] == [None, "supported"]
    bad = tmp_path / "bad.yaml"
    bad.write_text('recommendations:\n  - id: "1.1"\n    text: A\n  - id: 115.20\n    text: B\n'
                   '  - id: "1.3"\n    text: C\n    status: done\n', encoding="utf-8")
    with pytest.raises(ContentError) as e:
        read_recommendations(bad)
    msgs = [(f.location, f.message) for f in e.value.findings]
    assert msgs[0][0] == f"{bad}:4:9" and "quotes" in msgs[0][1]
    assert msgs[1][0] == f"{bad}:8:13" and msgs[1][1].startswith("status:")
    broken = tmp_path / "broken.yaml"
    broken.write_text("recommendations:\n  - id: [\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.yaml:\d+:\d+: invalid YAML"):
        read_recommendations(broken)


SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1).map(
    str.strip).filter(bool)


@given(st.lists(st.tuples(SAFE_TEXT, st.lists(SAFE_TEXT, max_size=3)), min_size=1, max_size=5))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_yaml_round_trip_of_arbitrary_text(tmp_path, items):
    from uprdraft.models.recommendation import Recommendation

    recs = [Recommendation(id=f"{i}.{i}0", text=t, themes=th, response="noted") for i, (t, th) in enumerate(items)]
    p = tmp_path / "rt.yaml"
    p.write_text(write_recommendations_yaml(recs), encoding="utf-8")
    assert read_recommendations(p) == recs


# --------------------------------------------------------------------------- CLI
def test_cli_writes_yaml_beside_input_with_summary(cli, tmp_path):
    p = write(tmp_path, "mac.csv", uprinfo_bytes())
    code, out, err = cli("import", "recommendations", p, "--theme", "child")
    assert code == 0, err
    assert out.strip() == f"wrote {tmp_path / 'mac.yaml'}"
    assert "mac_roman" in err and "imported 1 recommendations" in err and "left out 2 rows" in err
    assert [r.id for r in read_recommendations(tmp_path / "mac.yaml")] == ["UPRI-S12-R2"]
    # never overwrite without --force
    code, out, err = cli("import", "recommendations", p)
    assert code == 2 and "--force" in err
    code, out, err = cli("import", "recommendations", p, "--force")
    assert code == 0


def test_cli_json_one_object(cli, tmp_path):
    p = write(tmp_path, "mac.csv", uprinfo_bytes())
    code, report = cli.json("import", "recommendations", p, "-o", tmp_path / "o.yaml", "--response", "noted")
    assert code == 0 and report["ok"] is True
    assert report["output"] == str(tmp_path / "o.yaml")
    assert report["stats"]["rows_read"] == 3 and report["stats"]["recommendations"] == 2
    assert report["stats"]["filtered_out"] == 1 and report["stats"]["encoding"] == "mac_roman"


def test_cli_nothing_imported_is_exit_1_and_writes_nothing(cli, tmp_path):
    p = write(tmp_path, "mac.csv", uprinfo_bytes())
    code, out, err = cli("import", "recommendations", p, "--session", "40")
    assert code == 1 and "nothing was written" in err
    assert not (tmp_path / "mac.yaml").exists()


def test_cli_bad_input_exit_2_no_traceback(cli, tmp_path):
    code, out, err = cli("import", "recommendations", tmp_path / "missing.csv")
    assert code == 2 and "no such file" in err and "Traceback" not in err
    p = write(tmp_path, "x.csv", b"a,b\n1,2\n")
    code, report = cli.json("import", "recommendations", p)
    assert code == 2 and report["findings"][0]["code"] == "columns"
    y = tmp_path / "r.yaml"
    y.write_text('- id: "1.1"\n  text: A\n', encoding="utf-8")
    code, out, err = cli("import", "recommendations", y, "-o", y, "--force")
    assert code == 2 and "input file" in err


def test_json_stats_are_serialisable(tmp_path):
    res = import_recommendations(write(tmp_path, "m.csv", uprinfo_bytes()))
    json.dumps(res.to_dict())


def test_yaml_reader_agrees_with_ruamel(tmp_path):
    recs = read_recommendations(write(tmp_path, "t.csv", template_csv("fr").encode("utf-8")))
    ours = write_recommendations_yaml(recs)
    edited = ours.replace('response: "supported"', "response: supported")  # quoting changes nothing
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(ours, encoding="utf-8")
    b.write_text(edited, encoding="utf-8")
    assert read_recommendations(a) == read_recommendations(b) == recs
    # the same error is reported at the same place, whatever the quoting
    a.write_text(ours.replace('status: "not-implemented"', "status: done"), encoding="utf-8")
    b.write_text(edited.replace('status: "not-implemented"', "status: 'done'"), encoding="utf-8")
    locs = []
    for p in (a, b):
        with pytest.raises(ContentError) as e:
            read_recommendations(p)
        locs.append(e.value.findings[0].location.split(":", 1)[1])
    assert locs[0] == locs[1]
