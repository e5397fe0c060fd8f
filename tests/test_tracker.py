"""``uprdraft track``: the follow-up tracker, against SQLite and a real PostgreSQL server.

Every test taking ``db`` runs twice: on an SQLite file and on a new PostgreSQL database
(see tests/tracker_backends.py). Figures of ``list --as-of``, ``stats`` and ``export`` are
compared with an independent computation in pure Python over the dump.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tracker_backends import start_server

ROOT = Path(__file__).resolve().parents[1]
STATUSES = ("fully-implemented", "partially-implemented", "not-implemented", "no-data")
TRIGGERED = ("fully-implemented", "partially-implemented")


# --------------------------------------------------------------------------- backends
@pytest.fixture(scope="session")
def pg_server():
    server = start_server()
    if server is None:
        pytest.skip("no PostgreSQL: set UPRDRAFT_TEST_POSTGRES or install the postgresql package")
    yield server
    server.stop()


def _new_db(request, tmp_path, backend: str, name: str = "tracker.db"):
    if backend == "sqlite":
        return str(tmp_path / name), None
    server = request.getfixturevalue("pg_server")
    dbname = server.create()
    request.addfinalizer(lambda: server.drop(dbname))
    return server.url(dbname), dbname


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    url, _ = _new_db(request, tmp_path, request.param)
    return url


@pytest.fixture
def other_db(request, tmp_path):
    """A second, empty database of the other backend than ``db`` (for round trips)."""
    def make(backend: str) -> str:
        url, _ = _new_db(request, tmp_path, backend, name=f"other-{backend}.db")
        return url
    return make


# --------------------------------------------------------------------------- input files
TEMPLATE = """id,text,recommending_states,response,themes,status,assessment,sources,session,state_under_review,document_symbol
115.1,Ratify the Optional Protocol on a communications procedure,Chile;Peru,supported,Rights of the child,,,,48,Slovenia,A/HRC/59/15
115.2,Abolish the death penalty,France,noted,Death penalty,,,,48,Slovenia,A/HRC/59/15
115.3,Train police officers in human rights,Spain,supported,Justice;Human rights education,,,,48,Slovenia,A/HRC/59/15
115.4,Adopt a national action plan on children,Italy,supported,Rights of the child,,,,48,Slovenia,A/HRC/59/15
115.1,Ratify the Convention on enforced disappearance,Argentina,supported,Enforced disappearances,,,,34,Slovenia,A/HRC/45/10
115.1,Create a national human rights institution,Ghana,noted,National human rights institution,,,,35,Chile,A/HRC/46/8
,no id here,Ghana,noted,,,,,35,Chile,A/HRC/46/8
"""


def template_csv(tmp_path: Path, text: str = TEMPLATE) -> Path:
    p = tmp_path / "recs.csv"
    p.write_text(text, encoding="utf-8")
    return p


def uhri_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Text", "Countries Concerned", "UPR Reccomending States", "UPR Position", "Themes",
               "Document Symbol", "UPR Session", "Affected Persons", "SDGs", "Body"])
    ws.append(["140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and "
               "Cultural Rights (Maldives) (Portugal);", "- Slovenia", "- Maldives\n- Portugal", "Supported",
               "- Rights of the child", "A/HRC/59/15", 48, "- Children\n- Persons with disabilities",
               "- 4.1 By 2030, ensure that all girls and boys complete free primary education\n- Goal 16 - Peace",
               "- Universal Periodic Review"])
    ws.append(["140.8 Raise the age of marriage to 18 (Spain);", "- Slovenia", "- Spain", "Noted",
               "- Women's rights", "A/HRC/59/15", "48", "- Girls", "- 5.3", "UPR"])
    wb.save(path)
    return path


# --------------------------------------------------------------------------- helpers
def ok(cli, *args):
    code, out, err = cli(*args)
    assert code == 0, (args, out, err)
    return out


def fails(cli, code_expected: int, *args) -> str:
    code, out, err = cli(*args)
    assert code == code_expected, (args, code, out, err)
    assert "Traceback" not in out + err
    lines = [line for line in err.strip().splitlines() if line]
    assert len(lines) == 1, err
    return lines[0]


def dump(cli, db) -> dict:
    return json.loads(ok(cli, "track", "dump", "--db", db))


def expected_rows(data: dict, as_of: dt.date) -> dict[tuple, tuple]:
    """Independent computation: (state, review, id) -> (status, status_date) over a dump."""
    best: dict[int, dict] = {}
    for a in data["tables"]["assessments"]:
        if dt.date.fromisoformat(a["date"]) > as_of:
            continue
        cur = best.get(a["recommendation"])
        if cur is None or (a["date"], a["pk"]) > (cur["date"], cur["pk"]):
            best[a["recommendation"]] = a
    out = {}
    for r in data["tables"]["recommendations"]:
        a = best.get(r["pk"])
        out[(r["state"] or None, r["session"], r["rec_id"])] = (a["status"], a["date"]) if a else ("no-data", None)
    return out


def expected_stats(data: dict, as_of: dt.date) -> dict:
    rows = expected_rows(data, as_of)
    response = {(r["state"] or None, r["session"], r["rec_id"]): r["response"] for r in data["tables"]["recommendations"]}
    out = {}
    for group in ("all", "supported", "noted"):
        keys = [k for k in rows if group == "all" or response[k] == group]
        total = len(keys)
        counts = {s: sum(1 for k in keys if rows[k][0] == s) for s in STATUSES}
        out[group] = {"total": total, "by_status": {s: {"count": n, "share": round(n / total, 4) if total else 0.0}
                                                    for s, n in counts.items()},
                      "triggered_action": {"count": sum(counts[s] for s in TRIGGERED),
                                           "share": round(sum(counts[s] for s in TRIGGERED) / total, 4) if total else 0.0}}
    return out


def list_json(cli, db, *args) -> list[dict]:
    return json.loads(ok(cli, "track", "list", "--db", db, "--format", "json", *args))


# --------------------------------------------------------------------------- init and errors
def test_init_refuses_an_existing_tracker(db, cli):
    assert "created the tracker" in ok(cli, "track", "init", "--db", db)
    line = fails(cli, 2, "track", "init", "--db", db)
    assert "--force" in line and "[track-exists]" in line
    ok(cli, "track", "init", "--db", db, "--force")
    code, report = cli.json("track", "stats", "--db", db)
    assert code == 0 and report["stats"]["all"]["total"] == 0


def test_commands_on_a_missing_tracker_say_init(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UPRDRAFT_DB", raising=False)
    line = fails(cli, 2, "track", "list")
    assert "uprdraft.db" in line and "uprdraft track init" in line
    assert not (tmp_path / "uprdraft.db").exists()  # nothing created by a failed command
    ok(cli, "track", "init")
    assert (tmp_path / "uprdraft.db").is_file()
    monkeypatch.setenv("UPRDRAFT_DB", str(tmp_path / "env.db"))
    ok(cli, "track", "init")
    assert (tmp_path / "env.db").is_file()


def test_foreign_corrupted_and_locked_files_give_one_line(tmp_path, cli, monkeypatch):
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    assert "not a uprdraft tracker" in fails(cli, 2, "track", "list", "--db", foreign)
    corrupted = tmp_path / "corrupted.db"
    corrupted.write_bytes(b"this is not SQLite at all " * 200)
    assert "not a readable database" in fails(cli, 2, "track", "stats", "--db", corrupted)
    damaged = tmp_path / "damaged.db"
    ok(cli, "track", "init", "--db", damaged)
    data = bytearray(damaged.read_bytes())
    data[0:16] = b"garbage garbage!"
    damaged.write_bytes(bytes(data))
    assert "[track-db]" in fails(cli, 2, "track", "list", "--db", damaged)
    locked = tmp_path / "locked.db"
    ok(cli, "track", "init", "--db", locked)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", locked)
    holder = sqlite3.connect(locked, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setenv("UPRDRAFT_DB_TIMEOUT", "0.2")
        line = fails(cli, 2, "track", "assess", "115.4", "--status", "not-implemented", "--date", "2025-01-01",
                     "--db", locked)
        assert "locked" in line
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "[track-db]" in fails(cli, 2, "track", "list", "--db", "postgresql://[bad")
    assert "not supported" in fails(cli, 2, "track", "list", "--db", "mysql://u@h/db")


def test_unreachable_server_is_one_line(cli, monkeypatch):
    monkeypatch.setenv("UPRDRAFT_DB_TIMEOUT", "1")
    line = fails(cli, 2, "track", "list", "--db", "postgresql://someone:secret@127.0.0.1:1/none")
    assert "cannot" in line and "secret" not in line


def test_out_of_date_schema_says_upgrade(db, cli):
    from uprdraft.tracker.migrate import alembic_head, init
    from uprdraft.tracker.schema import HEAD

    assert alembic_head() == HEAD
    init(db, revision="0001")
    line = fails(cli, 2, "track", "list", "--db", db)
    assert "run uprdraft track upgrade" in line and "[track-upgrade]" in line
    assert "from schema 0001 to " + HEAD in ok(cli, "track", "upgrade", "--db", db)
    assert "up to date" in ok(cli, "track", "upgrade", "--db", db)
    code, report = cli.json("track", "stats", "--db", db)
    assert code == 0


def test_migrated_schema_matches_the_tables(db):
    import sqlalchemy as sa

    from uprdraft.tracker.db import locate, make_engine
    from uprdraft.tracker.migrate import init
    from uprdraft.tracker.schema import metadata

    init(db)
    engine = make_engine(locate(db))
    try:
        insp = sa.inspect(engine)
        for table in metadata.sorted_tables:
            assert {c["name"] for c in insp.get_columns(table.name)} == set(table.c.keys()), table.name
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- import
def test_import_twice_adds_nothing(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    path = template_csv(tmp_path)
    code, first = cli.json("track", "import", path, "--db", db)
    s = first["stats"]
    assert code == 0 and (s["inserted"], s["updated"], s["unchanged"]) == (6, 0, 0)
    assert s["skipped"] == 1 and s["skipped_reasons"] == {"no-id": 1}
    code, again = cli.json("track", "import", path, "--db", db)
    s = again["stats"]
    assert (s["inserted"], s["updated"], s["unchanged"], s["skipped"]) == (0, 0, 6, 1)
    changed = TEMPLATE.replace("Abolish the death penalty", "Abolish the death penalty in law")
    code, third = cli.json("track", "import", template_csv(tmp_path, changed), "--db", db)
    assert (third["stats"]["inserted"], third["stats"]["updated"], third["stats"]["unchanged"]) == (0, 1, 5)
    rows = list_json(cli, db)
    assert len(rows) == 6
    assert {r["text"] for r in rows if r["id"] == "115.2"} == {"Abolish the death penalty in law"}


def test_import_filters(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    code, report = cli.json("track", "import", template_csv(tmp_path), "--db", db, "--state", "slovenia",
                            "--session", "48")
    s = report["stats"]
    assert s["inserted"] == 4 and s["skipped_reasons"]["filtered-out"] == 2


def test_uhri_sdgs_persons_and_mechanism_are_kept(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", uhri_xlsx(tmp_path / "uhri.xlsx"), "--db", db)
    rows = {r["id"]: r for r in list_json(cli, db)}
    assert rows["140.7"]["sdgs"] == ["4.1", "16"]
    assert rows["140.7"]["groups_of_persons"] == ["Children", "Persons with disabilities"]
    assert rows["140.7"]["mechanism"] == "upr" and rows["140.8"]["sdgs"] == ["5.3"]
    assert [r["id"] for r in list_json(cli, db, "--sdg", "4")] == ["140.7"]
    assert [r["id"] for r in list_json(cli, db, "--sdg", "5.3")] == ["140.8"]
    # a later file without those columns does not erase them
    csv = tmp_path / "same.csv"
    csv.write_text("id,text,recommending_states,response,themes,session,state_under_review,document_symbol\n"
                   "140.8,Raise the age of marriage to 18 (Spain);,Spain,noted,Women's rights,48,Slovenia,A/HRC/59/15\n",
                   encoding="utf-8")
    ok(cli, "track", "import", csv, "--db", db)
    assert {r["id"]: r for r in list_json(cli, db)}["140.8"]["sdgs"] == ["5.3"]


def test_statuses_in_the_file_need_a_date(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    text = TEMPLATE.replace("Rights of the child,,,,48", "Rights of the child,partially-implemented,Bill tabled,Gazette,48", 1)
    path = template_csv(tmp_path, text)
    code, report = cli.json("track", "import", path, "--db", db)
    assert [f["code"] for f in report["findings"]][-1] == "track-status-ignored"
    code, report = cli.json("track", "import", path, "--db", db, "--assessed-on", "2025-05-01", "--by", "Ana")
    assert report["stats"]["assessments_added"] == 1
    code, report = cli.json("track", "import", path, "--db", db, "--assessed-on", "2025-05-01", "--by", "Ana")
    assert report["stats"]["assessments_added"] == 0  # the same file again adds nothing


# --------------------------------------------------------------------------- assess, history, link
def test_assess_out_of_order_and_as_of(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    w = ("--state", "Slovenia", "--session", "48")
    ok(cli, "track", "assess", "115.2", "--status", "fully-implemented", "--date", "2026-03-01", "--db", db,
       "--evidence", "Law 12/2026", "--source", "https://example.org/law", "--by", "Ana")
    ok(cli, "track", "assess", "115.2", "--status", "not-implemented", "--date", "2025-02-01", "--db", db, "--by", "Bo")
    ok(cli, "track", "assess", "115.2", "--status", "partially-implemented", "--date", "2025-09-15", "--db", db)
    ok(cli, "track", "assess", "115.1", "--status", "partially-implemented", "--date", "2025-09-15", "--db", db, *w)
    ok(cli, "track", "assess", "115.1", "--status", "not-implemented", "--date", "2025-09-15", "--db", db, *w)
    data = dump(cli, db)
    assert len(data["tables"]["assessments"]) == 5
    for day in ("2025-01-31", "2025-02-01", "2025-09-14", "2025-09-15", "2026-02-28", "2026-03-01", "2027-01-01"):
        rows = list_json(cli, db, "--as-of", day)
        got = {(r["state_under_review"], r["session"], r["id"]): (r["status"], r["status_date"]) for r in rows}
        assert got == expected_rows(data, dt.date.fromisoformat(day)), day
    # the same date twice: the one recorded last counts
    assert {r["id"]: r["status"] for r in list_json(cli, db, "--state", "Slovenia", "--session", "48")}["115.1"] == \
        "not-implemented"
    history = cli.json("track", "history", "115.2", "--db", db)[1]["stats"]
    assert [a["date"] for a in history["assessments"]] == ["2025-02-01", "2025-09-15", "2026-03-01"]
    assert history["assessments"][-1]["evidence"] == "Law 12/2026" and history["assessments"][0]["by"] == "Bo"
    assert all(a["recorded_at"] for a in history["assessments"])
    assert [r["id"] for r in list_json(cli, db, "--status", "fully-implemented", "--as-of", "2026-06-01")] == ["115.2"]


def test_ambiguous_id_lists_the_candidates(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    line = fails(cli, 1, "track", "assess", "115.1", "--status", "no-data", "--date", "2025-01-01", "--db", db)
    assert "3 reviews" in line and "Chile" in line and "A/HRC/45/10" in line and "--state" in line
    line = fails(cli, 1, "track", "assess", "115.1", "--status", "no-data", "--date", "2025-01-01", "--db", db,
                 "--state", "Slovenia")
    assert "2 reviews" in line
    ok(cli, "track", "assess", "115.1", "--status", "no-data", "--date", "2025-01-01", "--db", db,
       "--state", "Slovenia", "--session", "34")
    ok(cli, "track", "assess", "115.1", "--status", "no-data", "--date", "2025-01-01", "--db", db, "--state", "chile")
    ok(cli, "track", "history", "115.1", "--db", db, "--session", "A/HRC/59/15")
    assert "track-unknown-id" in fails(cli, 1, "track", "history", "999.9", "--db", db)


def test_link_shows_in_history_and_export(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    out = ok(cli, "track", "link", "115.4", "--mechanism", "CRC", "--document", "CRC/C/SVN/CO/5-6",
             "--paragraph", "23(b)", "--note", "same concern", "--db", db)
    assert "CRC/C/SVN/CO/5-6" in out
    assert "linked: CRC CRC/C/SVN/CO/5-6, para. 23(b)" in ok(cli, "track", "history", "115.4", "--db", db)
    ok(cli, "track", "export", "midterm-report", "-o", tmp_path / "m.yaml", "--db", db, "--state", "Slovenia")
    assert "CRC: CRC/C/SVN/CO/5-6, para. 23(b) (same concern)" in (tmp_path / "m.yaml").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- stats
def random_assessments(cli, db, tmp_path, n=60, seed=7):
    from uprdraft import api

    rng = random.Random(seed)
    rows = list_json(cli, db)
    for _ in range(n):
        r = rng.choice(rows)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
        api.track_assess(r["id"], rng.choice(STATUSES), day, db=db, state=r["state_under_review"],
                         session=r["session"])


def test_stats_and_by_month_match_an_independent_computation(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    random_assessments(cli, db, tmp_path)
    data = dump(cli, db)
    for day in ("2023-12-31", "2024-06-30", "2025-03-15", "2026-12-31"):
        code, report = cli.json("track", "stats", "--db", db, "--as-of", day)
        want = expected_stats(data, dt.date.fromisoformat(day))
        assert {g: report["stats"][g] for g in ("all", "supported", "noted")} == want, day
    code, report = cli.json("track", "stats", "--db", db, "--as-of", "2026-06-30", "--by-month")
    months = report["stats"]["by_month"]
    assert months[0]["month"] == min(a["date"] for a in data["tables"]["assessments"])[:7]
    assert months[-1]["as_of"] == "2026-06-30"
    for m in months:
        want = expected_stats(data, dt.date.fromisoformat(m["as_of"]))
        assert {g: m[g] for g in ("all", "supported", "noted")} == want, m["month"]
    code, report = cli.json("track", "stats", "--db", db, "--state", "Chile")
    assert report["stats"]["all"]["total"] == 1


# --------------------------------------------------------------------------- list formats
def test_list_formats(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    rows = json.loads(ok(cli, "track", "list", "--db", db, "--json"))
    for key in ("id", "text", "state_under_review", "session", "recommending_states", "response", "themes", "sdgs",
                "status", "status_date"):
        assert key in rows[0]
    assert "115.3" in ok(cli, "track", "list", "--db", db)
    csv_text = ok(cli, "track", "list", "--db", db, "--format", "csv", "--theme", "child")
    assert csv_text.count("\n") == 3
    ok(cli, "track", "list", "--db", db, "--format", "xlsx", "-o", tmp_path / "l.xlsx")
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "l.xlsx").active.max_row == 7
    assert len(list_json(cli, db, "--response", "noted")) == 2
    assert "xlsx needs -o" in fails(cli, 2, "track", "list", "--db", db, "--format", "xlsx")


# --------------------------------------------------------------------------- export and documents
STATUS_LINE = "#   status: special  # ECOSOC consultative status: general, special, roster or none"
FILL = {"# organisation:": "organisation:", "#   name: Your organisation": "  name: Slovenian NGO Coalition",
        STATUS_LINE: "  status: special",
        "# summary: >-": "summary: >-", "#   The main findings, in a few sentences.": "  Progress is slow.",
        "# methodology: >-": "methodology: >-",
        "#   How the information was gathered (sources, consultations, dates).": "  Desk review.",
        "# conclusions: >-": "conclusions: >-",
        "#   What remains to be done, and what you ask of the State.": "  Act now.",
        "# cycle: 4  # the UPR cycle of the review": "cycle: 4"}


def fill(text: str) -> str:
    return "\n".join(FILL.get(line, line) for line in text.splitlines()) + "\n"


def test_export_midterm_matches_the_tracker_and_renders(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    random_assessments(cli, db, tmp_path, n=30, seed=3)
    out = tmp_path / "midterm.yaml"
    code, report = cli.json("track", "export", "midterm-report", "-o", out, "--db", db, "--state", "Slovenia",
                            "--as-of", "2025-12-31", "--review-date", "2024-05-01")
    assert code == 0 and report["stats"]["review"] == "A/HRC/59/15" and report["stats"]["recommendations"] == 4
    text = out.read_text(encoding="utf-8")
    assert "# summary:" in text and "# Since the review (2024-05-01): fully-implemented " in text
    code, _, err = cli("validate", out)
    assert code == 1 and "summary" in err  # placeholders must be written first
    from uprdraft.importers import read_recommendations

    data = dump(cli, db)
    want = expected_rows(data, dt.date(2025, 12, 31))
    filled = tmp_path / "filled.yaml"
    filled.write_text(fill(text), encoding="utf-8")
    from uprdraft.load import load

    model, _ = load(filled)
    got = {("Slovenia", r.session, r.id): r.status for r in model.recommendations}
    assert got == {k: v[0] for k, v in want.items() if k[0] == "Slovenia" and k[1] == 48}
    moved = report["stats"]["moved_since_review"]
    at_review = expected_rows(data, dt.date(2024, 5, 1))
    keys = [k for k in want if k[0] == "Slovenia" and k[1] == 48]
    for s in STATUSES:
        assert moved[s]["now"] == sum(1 for k in keys if want[k][0] == s)
        assert moved[s]["moved_in"] == sum(1 for k in keys if want[k][0] == s and at_review[k][0] != s)
    assert read_recommendations is not None
    ok(cli, "report", "midterm", filled, "-o", tmp_path / "m.docx")


def test_export_action_plan(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    out = tmp_path / "plan.yaml"
    ok(cli, "track", "export", "action-plan", "-o", out, "--db", db, "--state", "Slovenia", "--review-date",
       "2025-01-20")
    text = out.read_text(encoding="utf-8").replace("# organisation:", "organisation:").replace(
        "#   name: Your organisation", "  name: NGO").replace(STATUS_LINE, "  status: none")
    filled = tmp_path / "plan-filled.yaml"
    filled.write_text(text, encoding="utf-8")
    code, report = cli.json("validate", filled)
    assert code == 0, report
    assert "say which with --state" in fails(cli, 2, "track", "export", "action-plan", "-o", tmp_path / "x.yaml",
                                             "--db", db)


# --------------------------------------------------------------------------- dump and load
@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_dump_load_round_trip_across_backends(db, cli, tmp_path, other_db, target):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    ok(cli, "track", "import", uhri_xlsx(tmp_path / "u.xlsx"), "--db", db)
    random_assessments(cli, db, tmp_path, n=25)
    ok(cli, "track", "link", "140.7", "--mechanism", "CESCR", "--document", "E/C.12/SVN/CO/3", "--db", db)
    ok(cli, "track", "dump", "-o", tmp_path / "backup.json", "--db", db)
    second = other_db(target)
    out = ok(cli, "track", "load", tmp_path / "backup.json", "--db", second)
    assert "loaded 8 recommendations, 25 assessments and 1 links" in out
    a, b = dump(cli, db), dump(cli, second)
    a.pop("dumped_at"), b.pop("dumped_at")
    assert a == b
    # the loaded tracker keeps working: new rows get new keys
    ok(cli, "track", "assess", "140.8", "--status", "not-implemented", "--date", "2026-01-01", "--db", second)
    assert "load a dump into an empty tracker" in fails(cli, 2, "track", "load", tmp_path / "backup.json",
                                                       "--db", second)


# --------------------------------------------------------------------------- safety
def test_interrupted_import_leaves_the_database_as_before(db, cli, tmp_path, monkeypatch):
    from uprdraft import api
    from uprdraft.tracker import importing

    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    ok(cli, "track", "assess", "115.2", "--status", "not-implemented", "--date", "2025-02-01", "--db", db)
    before = dump(cli, db)
    before.pop("dumped_at")
    big = tmp_path / "big.csv"
    lines = [TEMPLATE.splitlines()[0]] + [f"200.{i},Recommendation {i},Chile,supported,Justice,,,,40,Peru,A/HRC/40/1"
                                          for i in range(40)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(importing, "BATCH", 10)
    calls = []
    real = importing._insert_batch

    def cut(conn, table, rows):
        calls.append(len(rows))
        if len(calls) == 3:
            raise KeyboardInterrupt  # the power goes after 20 rows
        real(conn, table, rows)

    monkeypatch.setattr(importing, "_insert_batch", cut)
    with pytest.raises(KeyboardInterrupt):
        api.track_import(big, db=db)
    after = dump(cli, db)
    after.pop("dumped_at")
    assert calls == [10, 10, 10] and after == before


def test_killed_import_process_leaves_the_database_as_before(tmp_path, cli):
    db = str(tmp_path / "t.db")
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    before = dump(cli, db)
    before.pop("dumped_at")
    big = tmp_path / "big.csv"
    lines = [TEMPLATE.splitlines()[0]] + [f"200.{i},Recommendation {i},Chile,supported,Justice,,,,40,Peru,A/HRC/40/1"
                                          for i in range(40)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = (
        "import os, sys\n"
        "from uprdraft.tracker import importing\n"
        "importing.BATCH = 10\n"
        "real = importing._insert_batch\n"
        "n = [0]\n"
        "def cut(conn, table, rows):\n"
        "    n[0] += 1\n"
        "    if n[0] == 3:\n"
        "        os._exit(9)  # the process dies: no rollback, no clean-up\n"
        "    real(conn, table, rows)\n"
        "importing._insert_batch = cut\n"
        "from uprdraft import api\n"
        f"api.track_import({str(big)!r}, db={db!r})\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    after = dump(cli, db)
    after.pop("dumped_at")
    assert after == before


ASSESSOR = """
import sys
from uprdraft import api
db, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(n):
    api.track_assess("115.4", "partially-implemented" if i % 2 else "not-implemented", "2025-06-01", db=db,
                     evidence=f"{who} {i}", by=who)
print("done")
"""


def test_two_processes_assessing_at_once_both_succeed(db, cli, tmp_path):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    script = tmp_path / "assessor.py"
    script.write_text(ASSESSOR, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    n = 25
    procs = [subprocess.Popen([sys.executable, str(script), db, who, str(n)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for who in ("Ana", "Bo")]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    history = cli.json("track", "history", "115.4", "--db", db)[1]["stats"]["assessments"]
    assert len(history) == 2 * n
    assert {a["evidence"] for a in history} == {f"{w} {i}" for w in ("Ana", "Bo") for i in range(n)}


# --------------------------------------------------------------------------- start-up and API
def test_cli_start_up_does_not_import_sqlalchemy():
    probe = ("import sys\nfrom uprdraft.cli import main\n"
             "for args in (['--help'], ['track', '--help'], ['track', 'list', '--help']):\n"
             "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
             "print(sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_api_functions_have_the_command_names():
    import uprdraft.api as api

    for name in ("init", "import", "assess", "list", "history", "link", "stats", "export", "dump", "load", "upgrade"):
        assert callable(getattr(api, f"track_{name}")) and f"track_{name}" in api.__all__


# --------------------------------------------------------------------------- documents straight from the tracker
MIDTERM = """kind: midterm-report
language: en
title: Mid-term report on Slovenia
state_under_review: Slovenia
cycle: 4
review_date: 2024-05-01
wg_report_symbol: A/HRC/59/15
organisation:
  name: Slovenian NGO Coalition
  status: special
summary: Progress is slow.
methodology: Desk review.
conclusions: Act now.
"""


def test_midterm_report_from_the_tracker(db, cli, tmp_path):
    from docx import Document

    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    random_assessments(cli, db, tmp_path, n=30, seed=5)
    ok(cli, "track", "assess", "115.3", "--status", "fully-implemented", "--date", "2025-01-10", "--db", db)
    src = tmp_path / "midterm.yaml"
    src.write_text(MIDTERM, encoding="utf-8")
    assert "recommendations_file" in fails(cli, 1, "report", "midterm", src)  # no recommendations, no --db
    code, report = cli.json("report", "midterm", src, "--db", db, "--as-of", "2025-12-31", "-o", tmp_path / "m.docx")
    assert code == 0, report
    data = dump(cli, db)
    want = expected_rows(data, dt.date(2025, 12, 31))
    keys = [k for k in want if k[0] == "Slovenia" and k[1] == 48]
    stats = report["stats"]["recommendations"]
    assert stats["total"] == len(keys) == 4
    for s in STATUSES:
        assert stats["by_status"][s]["count"] == sum(1 for k in keys if want[k][0] == s)
    moved = report["stats"]["tracker"]["moved_since_review"]
    at_review = expected_rows(data, dt.date(2024, 5, 1))
    for s in STATUSES:
        assert moved[s]["moved_in"] == sum(1 for k in keys if want[k][0] == s and at_review[k][0] != s)
    text = "\n".join(p.text for p in Document(tmp_path / "m.docx").paragraphs)
    assert "Since the review (1 May 2024), statuses as of 31 December 2025:" in text
    assert f"Fully implemented {moved['fully-implemented']['now']} " \
           f"({moved['fully-implemented']['moved_in']} moved there)" in text
    assert "--as-of needs --db" in fails(cli, 2, "report", "midterm", src, "--as-of", "2025-12-31")


PLAN = """kind: action-plan
language: en
title: Plan
organisation:
  name: NGO
  status: special
state_under_review: Slovenia
review_date: 2025-01-20
items:
  - recommendation: "115.4"
    actors: [Ministry of Labour]
    milestones: [{date: 2026-05-01, what: Draft plan}]
"""


def test_plan_from_the_tracker(db, cli, tmp_path, monkeypatch):
    ok(cli, "track", "init", "--db", db)
    ok(cli, "track", "import", template_csv(tmp_path), "--db", db)
    ok(cli, "track", "assess", "115.4", "--status", "partially-implemented", "--date", "2025-06-01", "--db", db)
    src = tmp_path / "plan.yaml"
    src.write_text(PLAN, encoding="utf-8")
    from uprdraft import api

    report = api.render_plan(src, tmp_path / "p.docx", db=db, as_of="2025-07-01")
    assert report.ok and report.output
    src.write_text(PLAN.replace('"115.4"', '"115.9"'), encoding="utf-8")
    assert "in the tracker" in cli("plan", src, "--db", db, "-o", tmp_path / "q.docx")[2]
    # --db alone: $UPRDRAFT_DB
    monkeypatch.setenv("UPRDRAFT_DB", db)
    src.write_text(PLAN, encoding="utf-8")
    ok(cli, "plan", src, "--db", "--as-of", "2025-07-01", "-o", tmp_path / "r.docx")


UPR_INFO = ("To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
            "Slovenia,EEG,EU,Ratify the Optional Protocol on a communications procedure,Chile,GRULAC,,Accepted,4,"
            "Rights of the Child,48\r"
            "Slovenia,EEG,EU,Abolish the death penalty,France,WEOG,EU,Noted,5,Death penalty,48\r"
            "Slovenia,EEG,EU,Train police officers in human rights,Spain,WEOG,EU,Accepted,4,Justice,48\r")


def test_upr_info_rows_that_move_keep_their_assessments(db, cli, tmp_path):
    """UPR Info rows have no id: a newer export with a row added above, and one text corrected,
    must not hand one recommendation's assessments to another."""
    ok(cli, "track", "init", "--db", db)
    first = tmp_path / "uprinfo-1.csv"
    first.write_bytes(UPR_INFO.encode("mac_roman"))
    code, report = cli.json("track", "import", first, "--db", db)
    assert code == 0 and report["stats"]["inserted"] == 3
    before = {r["text"]: r["id"] for r in list_json(cli, db)}
    police = before["Train police officers in human rights"]
    ok(cli, "track", "assess", police, "--status", "partially-implemented", "--date", "2026-02-01", "--db", db,
       "--evidence", "Curriculum adopted")
    head, *lines = UPR_INFO.split("\r")[:-1]
    added = "Slovenia,EEG,EU,Adopt a national action plan on children,Italy,WEOG,EU,Accepted,4,Rights of the Child,48"
    corrected = lines[1].replace("Abolish the death penalty", "Abolish the death penalty in law")
    newer = tmp_path / "uprinfo-2.csv"
    newer.write_bytes("\r".join([head, added, lines[0], corrected, lines[2], ""]).encode("mac_roman"))
    code, report = cli.json("track", "import", newer, "--db", db)
    s = report["stats"]
    assert code == 0 and (s["inserted"], s["updated"], s["unchanged"]) == (2, 0, 2), s
    after = {r["text"]: r for r in list_json(cli, db)}
    assert len(after) == 5  # the old wording stays, with whatever was recorded on it
    assert {t: after[t]["id"] for t in before} == before  # nobody's id moved
    assert len({r["id"] for r in after.values()}) == 5
    assert after["Train police officers in human rights"]["status"] == "partially-implemented"
    assert after["Adopt a national action plan on children"]["status"] == "no-data"
    code, again = cli.json("track", "import", newer, "--db", db)
    assert (again["stats"]["inserted"], again["stats"]["unchanged"]) == (0, 4)
