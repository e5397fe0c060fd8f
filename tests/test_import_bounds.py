"""Tables read whole and within bounds: stale XLSX dimensions, zip bombs, huge files and rows,
damaged workbooks, special files, and a fuzz test over the CSV/XLSX reader.

Each hostile input is built here; the limits are rules (``importing.max_*``) with their own
finding codes, and every refusal is one line with exit 2.
"""
from __future__ import annotations

import io
import os
import re
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uprdraft.findings import ContentError, InputError
from uprdraft.importers import import_recommendations
from uprdraft.importers.table import read_table

HEADER = ["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue",
          "Session"]


def row(i: int) -> list:
    return ["Chad", "Africa", "AU", f"Recommendation number {i}", "France", "WEOG", "EU", "Accepted", 4,
            "Justice", 12]


def workbook(path: Path, rows: int = 5) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i in range(rows):
        ws.append(row(i))
    wb.save(path)
    return path


def rewrite(path: Path, name: str, change) -> Path:
    """The workbook with one member's bytes changed by ``change``."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            z.writestr(info.filename, change(data) if info.filename == name else data)
    path.write_bytes(out.getvalue())
    return path


SHEET = "xl/worksheets/sheet1.xml"


# --------------------------------------------------------------------------- issue 12 (2)
def test_stale_dimension_does_not_drop_rows(tmp_path):
    p = workbook(tmp_path / "stale.xlsx", rows=5)
    rewrite(p, SHEET, lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:K2"/>', d))
    assert b'ref="A1:K2"' in zipfile.ZipFile(p).read(SHEET)
    res = import_recommendations(p)
    assert res.stats["rows_read"] == 5 and len(res.data.recommendations) == 5
    assert [r.text for r in res.data.recommendations][-1] == "Recommendation number 4"


def test_missing_dimension_and_rows_without_numbers(tmp_path):
    p = workbook(tmp_path / "nodim.xlsx", rows=3)
    rewrite(p, SHEET, lambda d: re.sub(rb' r="[A-Z]*[0-9]+"', b"", re.sub(rb"<dimension[^>]*/>", b"", d)))
    res = import_recommendations(p)
    assert len(res.data.recommendations) == 3
    assert res.data.recommendations[0].id == "UPRI-S12-R2"


def test_cell_values_as_a_spreadsheet_shows_them(tmp_path):
    import datetime as dt

    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["id", "text", "session", "assessment", "sources"])
    ws.append(["115.20", "Ratify", 48, dt.date(2026, 1, 2), True])
    ws.append(["115.21", "Abolish", 48.0, 1.5, "=1+1"])
    wb.save(tmp_path / "v.xlsx")
    t = read_table(tmp_path / "v.xlsx")
    t.rows = list(t.rows)
    assert t.rows[0][1] == ["115.20", "Ratify", "48", "2026-01-02T00:00:00", "True"]
    assert t.rows[1][1][:4] == ["115.21", "Abolish", "48", "1.5"]
    ref = load_workbook(tmp_path / "v.xlsx", read_only=True)
    assert ref.worksheets[0].title == t.sheet


# --------------------------------------------------------------------------- bounds
def bomb(path: Path, member: str, size: int) -> Path:
    """A workbook whose ``member`` is ``size`` bytes of repeated XML, deflated."""
    p = workbook(path, rows=1)
    src = zipfile.ZipFile(io.BytesIO(p.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != member:
                z.writestr(info.filename, src.read(info))
        with z.open(member, "w", force_zip64=True) as f:
            chunk = b"<row/>" * (1 << 16)
            for _ in range(size // len(chunk)):
                f.write(chunk)
    p.write_bytes(out.getvalue())
    return p


@pytest.mark.parametrize("member", [SHEET, "xl/media/unused.bin"])
def test_zip_bomb_in_any_member_is_refused_before_parsing(tmp_path, cli, member):
    p = bomb(tmp_path / "bomb.xlsx", member, 1 << 30)  # 1 GB expands from about 1 MB
    assert p.stat().st_size < 2 << 20
    with pytest.raises(InputError) as e:
        list(read_table(p).rows)
    assert e.value.findings[0].code == "workbook-too-large"
    assert "importing.max_expanded_mb" in str(e.value) and "--rules" in str(e.value)
    code, out, err = cli("import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_expansion_ratio_and_raising_the_limits(tmp_path, cli):
    p = bomb(tmp_path / "ratio.xlsx", "xl/media/unused.bin", 20 << 20)  # 20 MB, ratio ~1000
    with pytest.raises(InputError) as e:
        list(read_table(p).rows)
    assert e.value.findings[0].code == "workbook-ratio" and "max_expansion_ratio" in str(e.value)
    rules = tmp_path / "rules.yaml"
    rules.write_text("importing: {max_expansion_ratio: 100000}\n", encoding="utf-8")
    code, out, err = cli("--rules", rules, "import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert code == 0, err


def test_file_size_and_row_limits(tmp_path, cli):
    lines = [",".join(HEADER)] + [f"Chad,Africa,AU,Text {i},France,WEOG,EU,Accepted,4,Justice,12"
                                  for i in range(30)]
    p = tmp_path / "rows.csv"
    p.write_text("\n".join(lines), encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("importing: {max_rows: 29}\n", encoding="utf-8")
    code, report = cli.json("--rules", rules, "import", "recommendations", p)
    assert code == 2 and report["findings"][0]["code"] == "too-many-rows"
    assert "importing.max_rows" in report["findings"][0]["message"]
    rules.write_text("importing: {max_rows: 30}\n", encoding="utf-8")
    code, report = cli.json("--rules", rules, "import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert code == 0 and report["stats"]["imported"] == 30
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate((1 << 20) + 10)
    with pytest.raises(InputError) as e:
        import_recommendations(big, rules={"importing": {"max_file_mb": 1}})
    assert e.value.findings[0].code == "table-too-large" and "max_file_mb" in str(e.value)


def test_xlsx_row_limit(tmp_path):
    p = workbook(tmp_path / "rows.xlsx", rows=12)
    with pytest.raises(InputError) as e:
        import_recommendations(p, rules={"importing": {"max_rows": 11}})
    assert e.value.findings[0].code == "too-many-rows"
    assert import_recommendations(p, rules={"importing": {"max_rows": 12}}).stats["imported"] == 12


def test_shared_string_amplification_is_bounded(tmp_path):
    """One 1 MB shared string used by 30 cells: counted at each use."""
    import random

    text = "".join(random.Random(1).choices("abcdefghijklmnopqrstuvwxyz ", k=1 << 20))
    head = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in HEADER)
    rows = "".join('<row><c t="inlineStr"><is><t>Chad</t></is></c><c/><c/><c t="s"><v>0</v></c></row>'
                   for _ in range(30))
    p = tmp_path / "amp.xlsx"
    p.write_bytes(_zip_of(_parts(f"<row>{head}</row>{rows}".encode(), f"<sst><si><t>{text}</t></si></sst>".encode())))
    assert len(list(read_table(p).rows)) == 30
    with pytest.raises(InputError) as e:
        import_recommendations(p, rules={"importing": {"max_expanded_mb": 20}})
    assert e.value.findings[0].code == "workbook-too-large"


@pytest.mark.parametrize("kind", ["fifo", "dir", "device"])
def test_input_must_be_a_regular_file(tmp_path, cli, kind):
    if kind == "fifo":
        p = tmp_path / "pipe.csv"
        os.mkfifo(p)
    elif kind == "dir":
        p = tmp_path / "folder.xlsx"
        p.mkdir()
    else:
        p = Path("/dev/zero")
    done = threading.Event()
    result = {}

    def run():
        result["r"] = cli("import", "recommendations", p, "-o", tmp_path / "o.yaml")
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(10), "the command blocked"
    code, out, err = result["r"]
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


MALFORMED = {
    "truncated": lambda b: b[: len(b) // 2],
    "not-zip": lambda b: b"PK\x03\x04" + b"\0" * 100,
    "ole": lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
    "empty": lambda b: b"",
}


def _member_change(name, change):
    def make(b):
        p = io.BytesIO(b)
        src = zipfile.ZipFile(p)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == name:
                    data = change(data)
                    if data is None:
                        continue
                z.writestr(info.filename, data)
        return out.getvalue()

    return make


MALFORMED.update({
    "no-workbook": _member_change("xl/workbook.xml", lambda d: None),
    "no-sheet": _member_change(SHEET, lambda d: None),
    "bad-xml": _member_change(SHEET, lambda d: d[: len(d) // 2]),
    "dtd": _member_change(SHEET, lambda d: d.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)),
    "xxe": _member_change(SHEET, lambda d: d.replace(
        b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1).replace(b"Chad", b"&e;", 1)),
    "bad-shared-index": _member_change(SHEET, lambda d: re.sub(rb'(t="s"[^>]*><v>)\d+', rb"\g<1>99999", d, count=1)),
    "bad-number": _member_change(SHEET, lambda d: re.sub(rb"<v>12</v>", b"<v>1x2</v>", d, count=1)),
    "bad-column": _member_change(SHEET, lambda d: d.replace(b'r="A2"', b'r="ZZZZZZZ2"', 1)),
    "huge-row-number": _member_change(SHEET, lambda d: d.replace(b'<row r="2"', b'<row r="99999999999999999"', 1)),
    "bad-styles": _member_change("xl/styles.xml", lambda d: b"<styleSheet"),
    "bad-rels": _member_change("xl/_rels/workbook.xml.rels", lambda d: b"\xff\xfe<"),
})


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_workbook_is_one_line_exit_2(tmp_path, cli, name):
    good = workbook(tmp_path / "good.xlsx", rows=2).read_bytes()
    p = tmp_path / f"{name}.xlsx"
    p.write_bytes(MALFORMED[name](good))
    code, out, err = cli("import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert code in (0, 2), err
    assert "Traceback" not in err and "internal error" not in err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err
    assert "root:" not in err  # nothing from /etc/passwd


def test_duplicate_member_names_are_unreadable(tmp_path):
    p = workbook(tmp_path / "dup.xlsx", rows=1)
    with zipfile.ZipFile(p, "a") as z, pytest.warns(UserWarning):
        z.writestr(SHEET, b"<worksheet/>")
    with pytest.raises(InputError, match="two parts are named"):
        list(read_table(p).rows)


# --------------------------------------------------------------------------- fuzz
def _zip_of(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8")),
    st.lists(st.text(alphabet=',;\t"\r\n aTo-xSession1é', max_size=40), max_size=12).map(
        lambda ls: ("To,Text,From,Response,Session\n" + "\n".join(ls)).encode("utf-8")),
), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_fuzz_table_reader_raises_only_documented_errors(tmp_path, data, suffix):
    p = tmp_path / f"f{suffix}"
    p.write_bytes(data)
    try:
        import_recommendations(p)
    except (InputError, ContentError):
        pass


def _parts(sheet: bytes, shared: bytes) -> dict[str, bytes]:
    return {
        "xl/workbook.xml": b'<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<Relationships><Relationship Id="rId1" Type="x/worksheet" '
                                      b'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
                                      b'Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        SHEET: b"<worksheet><sheetData>" + sheet + b"</sheetData></worksheet>",
        "xl/sharedStrings.xml": shared,
    }


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=st.binary(max_size=300) | st.text(alphabet='<>/="rowcvtsi AB12xl:is', max_size=300).map(str.encode),
       shared=st.binary(max_size=100) | st.just(b'<sst><si><t>To</t></si></sst>'))
def test_fuzz_workbook_parts(tmp_path, sheet, shared):
    p = tmp_path / "f.xlsx"
    p.write_bytes(_zip_of(_parts(b'<row><c t="s"><v>0</v></c></row>' + sheet, shared)))
    try:
        import_recommendations(p)
    except (InputError, ContentError):
        pass


def test_row_warnings_past_the_cap_are_counted_in_one_line(tmp_path):
    lines = [",".join(HEADER)] + [f"Chad,Africa,AU,Text {i},France,WEOG,EU,Maybe,4,Justice,12" for i in range(250)]
    p = tmp_path / "bad.csv"
    p.write_text("\n".join(lines), encoding="utf-8")
    res = import_recommendations(p, rules={"importing": {"max_row_findings": 20}})
    assert res.stats["skipped"] == 250
    bad = [f for f in res.findings if f.code == "bad-row"]
    assert len(bad) == 21 and bad[-1].location == str(p) and "and 230 more rows" in bad[-1].message
    assert len([f for f in import_recommendations(p).findings if f.code == "bad-row"]) == 201


# --------------------------------------------------------------------------- our YAML and JSON
def _alias_bomb(levels: int = 7, width: int = 50) -> str:
    lines = ['s: &l0 "lol"']
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + (f"\nrecommendations:\n  - id: '1'\n    text: x\n    themes: *l{levels}\n"
                               "    state_under_review: X\n    session: 1\n")


@pytest.mark.parametrize("name, text, code", [
    ("deep.json", '{"recommendations": [{"id": "1", "text": ' + "[" * 100_000 + "]" * 100_000 + "}]}", "input-depth"),
    ("deep.yaml", "recommendations:\n  - id: '1'\n    text: " + "[" * 100_000 + "]" * 100_000 + "\n", "input-depth"),
    ("bomb.yaml", _alias_bomb(), "input-nodes"),
])
def test_yaml_and_json_imports_are_bounded_like_every_input(tmp_path, cli, name, text, code):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    got, report = cli.json("import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert got == 2 and [f["code"] for f in report["findings"]] == [code], report
    assert "limits." in report["findings"][0]["message"] and not (tmp_path / "o.yaml").exists()


def test_yaml_import_takes_its_limits_from_the_rules(tmp_path, cli):
    p = tmp_path / "recs.yaml"
    p.write_text("".join(f"- id: '{i}'\n  text: Text {i}\n  state_under_review: Chad\n  session: 12\n"
                         for i in range(20)), encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("limits: {yaml_nodes: 50}\n", encoding="utf-8")
    code, report = cli.json("--rules", rules, "import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert code == 2 and report["findings"][0]["code"] == "input-nodes", report
    rules.write_text("limits: {yaml_nodes: 5000}\n", encoding="utf-8")
    code, report = cli.json("--rules", rules, "import", "recommendations", p, "-o", tmp_path / "o.yaml")
    assert code == 0 and report["stats"]["imported"] == 20, report
