"""uprdraft serve, the HTTP layer: token, cookie, bearer, host, body bound, uploads, and the
JSON API giving the same reports and the same bytes as the CLI."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra (starlette, uvicorn) is not installed")
pytest.importorskip("multipart", reason="the 'serve' extra (python-multipart) is not installed")

import warnings  # noqa: E402

with warnings.catch_warnings():  # newer Starlette prefers another HTTP client for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from uprdraft import api  # noqa: E402
from uprdraft.load import read_source  # noqa: E402
from uprdraft.serve import create_app  # noqa: E402
from uprdraft.serve.engine import input_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STARTERS = ROOT / "src" / "uprdraft" / "starters"
TOKEN = "test-token-0123456789"
BASE = "http://127.0.0.1:8765"
TODAY = "2026-05-01"


def client(**kw) -> TestClient:
    return TestClient(create_app(TOKEN, host="127.0.0.1", port=8765, **kw), base_url=BASE, follow_redirects=False)


def bearer() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def data_of(path: Path) -> dict:
    data, _src = read_source(path)
    return json.loads(json.dumps(data, default=str))


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "uprdraft", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


# --------------------------------------------------------------------------- the guard
def test_no_token_is_refused_everywhere():
    c = client()
    for path in ("/", "/form/written-statement", "/check", "/static/style.css", "/api/kinds"):
        r = c.get(path)
        assert r.status_code == 403, path
        assert r.json()["findings"][0]["code"] == "forbidden"
    r = c.post("/api/validate/written-statement", json={"kind": "written-statement"})
    assert r.status_code == 403
    assert c.get("/api/kinds", headers={"Authorization": "Bearer wrong-token"}).status_code == 403
    assert c.get("/api/kinds?token=wrong").status_code == 403


def test_token_from_the_address_becomes_a_strict_httponly_cookie():
    c = client()
    r = c.get(f"/?token={TOKEN}&lang=fr")
    assert r.status_code == 303
    assert r.headers["location"] == "/?lang=fr"  # the token leaves the address
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    c.cookies.set("uprdraft_token", TOKEN)
    page = c.get("/")
    assert page.status_code == 200 and "uprdraft" in page.text
    assert c.get("/static/form.js").status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_bearer_token_for_scripts():
    r = client().get("/api/kinds", headers=bearer())
    assert r.status_code == 200
    assert {k["name"] for k in r.json()} >= {"written-statement", "oral-statement", "side-event"}


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1:9999", "attacker.test:8765"])
def test_a_foreign_host_is_refused_even_with_the_token(host):
    r = client().get("/api/kinds", headers={**bearer(), "Host": host})
    assert r.status_code == 403
    assert "host" in r.json()["findings"][0]["message"]


def test_localhost_names_are_answered():
    c = client()
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765"):
        assert c.get("/api/kinds", headers={**bearer(), "Host": host}).status_code == 200, host


def test_cross_site_posts_are_refused():
    c = client()
    c.cookies.set("uprdraft_token", TOKEN)
    body = data_of(EXAMPLES / "written-statement.md")
    r = c.post("/api/validate/written-statement", json=body, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    r = c.post("/api/validate/written-statement", json=body, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    r = c.post("/api/validate/written-statement", json=body, headers={"Sec-Fetch-Site": "same-site"})
    assert r.status_code == 403  # another server on this computer (another port)
    r = c.post("/api/validate/written-statement", json=body, headers={"Origin": "null"})
    assert r.status_code == 403
    r = c.post("/api/validate/written-statement", json=body, headers={"Origin": BASE})
    assert r.status_code == 200
    r = c.post("/api/validate/written-statement", json=body, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200  # a form of our own page


def test_request_bodies_are_bounded_by_the_rules():
    c = client(rules={"serve": {"max_body_bytes": 4096}})
    big = {"kind": "written-statement", "body": "word " * 5000}
    r = c.post("/api/validate/written-statement", json=big, headers=bearer())
    assert r.status_code == 413
    assert r.json()["findings"][0]["code"] == "too-large"

    def chunks():
        for _ in range(10):
            yield b"x" * 1000

    r = c.post("/api/check", content=chunks(), headers={**bearer(), "Content-Type": "application/octet-stream"})
    assert r.status_code == 413
    ok = c.post("/api/validate/written-statement", json=data_of(EXAMPLES / "written-statement.md"), headers=bearer())
    assert ok.status_code == 200


def test_uploads_only_of_the_allowed_types():
    c = client()
    docx = (EXAMPLES / "draft-statement.docx").read_bytes()
    for name in ("evil.exe", "notes.txt", "draft.docm", "page.html"):
        r = c.post("/api/check", files={"file": (name, docx)}, headers=bearer())
        assert r.status_code == 400, name
        assert "files only" in r.json()["findings"][0]["message"]
    r = c.post("/api/import", files={"file": ("x.docx", docx)}, headers=bearer())
    assert r.status_code == 400
    r = c.post("/api/check", files={"file": ("draft.docx", docx)}, headers=bearer())
    assert r.status_code == 200


def test_a_field_naming_a_file_on_the_server_is_refused():
    data = data_of(STARTERS / "midterm-report.yaml")
    data["recommendations_file"] = "/etc/passwd"
    r = client().post("/api/validate/midterm-report", json=data, headers=bearer())
    assert r.status_code == 200 and not r.json()["ok"]
    assert "reads no file on the server" in r.json()["findings"][0]["message"]
    r = client().post("/api/render/midterm-report", json=data, headers=bearer())
    assert r.status_code == 422


def test_not_json_is_a_usage_error():
    r = client().post("/api/validate/written-statement", content=b"{not json", headers=bearer())
    assert r.status_code == 400
    assert r.json()["findings"][0]["code"] == "usage"
    assert client().post("/api/validate/no-such-kind", json={}, headers=bearer()).status_code == 404


# --------------------------------------------------------------------------- the same reports as the CLI
def over_limit_statement() -> dict:
    data = data_of(EXAMPLES / "written-statement.md")
    data["body"] += "\n\n" + " ".join(["more"] * 1400)
    data["co_sponsors"].append({"name": "No Status Group", "status": "none"})
    return data


@pytest.mark.parametrize("example", ["written-statement.md", "oral-statement.yaml", "side-event.yaml",
                                     "submission.yaml", "midterm-report.yaml", "over-limit"])
def test_validate_gives_the_cli_json_report(example, tmp_path):
    data = over_limit_statement() if example == "over-limit" else data_of(EXAMPLES / example)
    kind = data["kind"]
    (tmp_path / "input.json").write_text(input_text(data), encoding="utf-8")
    expected = json.loads(cli("validate", "input.json", "--today", TODAY, "--json", cwd=tmp_path).stdout)
    r = client().post(f"/api/validate/{kind}?today={TODAY}", json=data, headers=bearer())
    assert r.status_code == 200
    assert r.json() == expected
    if example == "over-limit":
        codes = {f["code"] for f in expected["findings"]}
        assert {"word-limit", "consultative-status"} <= codes


def test_validate_maps_findings_to_form_fields():
    r = client().post(f"/api/validate/written-statement?today={TODAY}&fields=1", json=over_limit_statement(),
                      headers=bearer())
    fields = {f["code"]: f["field"] for f in r.json()["findings"]}
    assert fields["word-limit"] == "body"
    assert fields["consultative-status"] == "co_sponsors.2"
    data = data_of(EXAMPLES / "written-statement.md")
    data["organisation"]["status"] = "grand"
    data["contact"]["email"] = "not an address"
    r = client().post(f"/api/validate/written-statement?today={TODAY}&fields=1", json=data, headers=bearer())
    fields = {f["field"] for f in r.json()["findings"]}
    assert {"organisation.status", "contact.email"} <= fields


def test_validate_takes_ignore_like_the_cli():
    data = data_of(EXAMPLES / "written-statement.md")
    r = client().post("/api/validate/written-statement?today=2026-05-20", json=data, headers=bearer())
    assert "deadline-near" in {f["code"] for f in r.json()["findings"]}
    r = client().post("/api/validate/written-statement?today=2026-05-20&ignore=deadline-near", json=data,
                      headers=bearer())
    assert "deadline-near" not in {f["code"] for f in r.json()["findings"]}


CASES = [
    # (input file, kind, role, CLI arguments after INPUT; {out} is the output path)
    (EXAMPLES / "written-statement.md", "document", ["statement", "written", "{in}", "-o", "{out}", "--today", TODAY]),
    (EXAMPLES / "oral-statement.yaml", "document", ["statement", "oral", "{in}", "-o", "{out}"]),
    (EXAMPLES / "oral-statement.yaml", "text", ["statement", "oral", "{in}", "-o", "main.docx", "--text", "{out}"]),
    (EXAMPLES / "side-event.yaml", "document", ["side-event", "{in}", "-o", "{out}"]),
    (EXAMPLES / "side-event.yaml", "ics", ["side-event", "{in}", "-o", "main.docx", "--ics", "{out}"]),
    (EXAMPLES / "midterm-report.yaml", "document", ["report", "midterm", "{in}", "-o", "{out}"]),
    (EXAMPLES / "midterm-report.yaml", "child-friendly",
     ["report", "midterm", "{in}", "-o", "main.docx", "--child-friendly", "{out}"]),
    (STARTERS / "action-plan.yaml", "document", ["plan", "{in}", "-o", "{out}"]),
    (STARTERS / "action-plan.yaml", "ics", ["plan", "{in}", "-o", "main.docx", "--ics", "{out}"]),
]


@pytest.mark.parametrize("source,role,args", CASES, ids=[f"{c[0].stem}-{c[1]}" for c in CASES])
def test_render_gives_the_bytes_the_cli_writes(source, role, args, tmp_path):
    data = data_of(source)
    data.pop("recommendations_file", None)
    (tmp_path / "input.json").write_text(input_text(data), encoding="utf-8")
    out = tmp_path / "cli-output"
    done = cli(*[a.replace("{in}", "input.json").replace("{out}", str(out)) for a in args], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    query = f"?output={role}" + (f"&today={TODAY}" if "--today" in args else "")
    r = client().post(f"/api/render/{data['kind']}{query}", json=data, headers=bearer())
    assert r.status_code == 200, r.text
    assert r.content == out.read_bytes()
    assert "attachment" in r.headers["content-disposition"]


def test_the_email_of_a_written_statement_is_the_cli_email(tmp_path):
    data = data_of(EXAMPLES / "written-statement.md")
    (tmp_path / "input.json").write_text(input_text(data), encoding="utf-8")
    assert cli("statement", "written", "input.json", "-o", "input.docx", "--today", TODAY, cwd=tmp_path).returncode == 0
    done = cli("email", "input.json", "input.docx", "-o", "cli.eml", "--today", TODAY, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    r = client().post(f"/api/render/written-statement?output=eml&today={TODAY}&name=input", json=data,
                      headers=bearer())
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("message/rfc822")
    assert r.content == (tmp_path / "cli.eml").read_bytes()


def test_render_refuses_with_the_report(tmp_path):
    r = client().post(f"/api/render/written-statement?today={TODAY}", json=over_limit_statement(), headers=bearer())
    assert r.status_code == 422
    report = r.json()
    assert not report["ok"] and report["output"] is None
    assert "word-limit" in {f["code"] for f in report["findings"]}
    r = client().post("/api/render/written-statement?output=ics", json=over_limit_statement(), headers=bearer())
    assert r.status_code == 400


def test_rendered_statement_passes_check(tmp_path):
    r = client().post(f"/api/render/written-statement?today={TODAY}", json=data_of(EXAMPLES / "written-statement.md"),
                      headers=bearer())
    (tmp_path / "s.docx").write_bytes(r.content)
    done = cli("check", "s.docx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- check, fix, import
def test_check_gives_the_cli_check_report(tmp_path):
    docx = tmp_path / "draft-statement.docx"
    docx.write_bytes((EXAMPLES / "draft-statement.docx").read_bytes())
    expected = json.loads(cli("check", docx.name, "--json", "--status", "special", cwd=tmp_path).stdout)
    c = client()
    r = c.post("/api/check", files={"file": ("draft-statement.docx", docx.read_bytes())}, data={"status": "special"},
               headers=bearer())
    assert r.status_code == 200
    assert r.json() == expected
    raw = c.post("/api/check?name=draft-statement.docx&status=special", content=docx.read_bytes(), headers=bearer())
    assert raw.json() == expected
    bad = c.post("/api/check", files={"file": ("fake.docx", b"this is not a zip")}, headers=bearer())
    assert bad.status_code == 200 and not bad.json()["ok"]


def test_fix_offers_a_copy_that_passes_check(tmp_path):
    docx = EXAMPLES / "draft-statement.docx"
    assert not api.check(docx).ok
    r = client().post("/api/fix", files={"file": ("draft-statement.docx", docx.read_bytes())}, headers=bearer())
    assert r.status_code == 200
    assert 'filename="draft-statement-fixed.docx"' in r.headers["content-disposition"]
    done = cli("fix", str(docx), "-o", str(tmp_path / "cli-fixed.docx"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert r.content == (tmp_path / "cli-fixed.docx").read_bytes()
    assert api.check(r.content).ok


def test_import_gives_the_cli_yaml(tmp_path):
    src = EXAMPLES / "recommendations.csv"
    done = cli("import", "recommendations", str(src), "-o", str(tmp_path / "cli.yaml"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    r = client().post("/api/import", files={"file": ("recommendations.csv", src.read_bytes())}, headers=bearer())
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["yaml"] == (tmp_path / "cli.yaml").read_text(encoding="utf-8")
    assert out["report"]["ok"] and out["recommendations"]
    assert out["recommendations"][0]["id"]


# --------------------------------------------------------------------------- files the CLI reads
@pytest.mark.parametrize("source,fmt", [(EXAMPLES / "written-statement.md", "md"),
                                        (EXAMPLES / "written-statement.md", "yaml"),
                                        (EXAMPLES / "side-event.yaml", "yaml"),
                                        (EXAMPLES / "midterm-report.yaml", "yaml"),
                                        (EXAMPLES / "oral-statement.yaml", "yaml")])
def test_save_and_load_round_trip_through_the_cli_reader(source, fmt, tmp_path):
    from uprdraft.load import load

    data = data_of(source)
    c = client()
    r = c.post(f"/api/save/{data['kind']}?format={fmt}", json=data, headers=bearer())
    assert r.status_code == 200
    saved = tmp_path / f"saved.{fmt}"
    saved.write_bytes(r.content)
    assert "{" not in saved.read_text(encoding="utf-8").split("---")[-1 if fmt == "md" else 0].split("body")[0]
    assert load(saved)[0] == load(source)[0]
    back = c.post("/api/load", files={"file": (saved.name, r.content)}, headers=bearer())
    assert back.status_code == 200
    assert load_model(back.json()["data"], tmp_path) == load(source)[0]


def load_model(data: dict, tmp_path: Path):
    from uprdraft.load import load

    p = tmp_path / "again.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    return load(p)[0]


def test_load_reports_a_broken_file():
    r = client().post("/api/load", files={"file": ("bad.yaml", b"title: [unclosed\n")}, headers=bearer())
    assert r.status_code == 422
    finding = r.json()["report"]["findings"][0]
    assert finding["code"] == "parse"
    assert (finding["location"] + finding["message"]).startswith("bad.yaml:1:8:")
    assert "/tmp" not in json.dumps(r.json())


def test_every_kind_has_a_form_and_a_starter():
    c = client()
    for kind in api.schemas():
        page = c.get(f"/form/{kind}", headers=bearer())
        assert page.status_code == 200
        assert 'id="setup"' in page.text and "<script src=\"/static/form.js\">" in page.text
        starter = c.get(f"/api/starter/{kind}", headers=bearer()).json()
        assert starter["data"]["kind"] == kind


@pytest.mark.parametrize("accept,lang,word", [("fr-CH,fr;q=0.9,en;q=0.5", "fr", "Vérifier un fichier Word"),
                                              ("es-ES,es;q=0.9", "es", "Comprobar un archivo Word"),
                                              ("de-DE", "en", "Check a Word file")])
def test_interface_language_follows_the_browser(accept, lang, word):
    page = client().get("/", headers={**bearer(), "Accept-Language": accept})
    assert f'<html lang="{lang}">' in page.text
    assert word in page.text


def test_interface_language_can_be_switched():
    c = client()
    r = c.get("/?lang=es", headers={**bearer(), "Accept-Language": "fr"})
    assert '<html lang="es">' in r.text
    assert "uprdraft_lang=es" in r.headers["set-cookie"]


def test_every_field_has_a_label_in_every_language():
    from uprdraft.serve.app import catalogue

    names: set[str] = set()

    def walk(o):
        if isinstance(o, dict):
            names.update(o.get("properties", {}))
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(api.schemas())
    for lang in ("en", "fr", "es"):
        missing = names - set(catalogue(lang)["fields"])
        assert not missing, (lang, missing)


# --------------------------------------------------------------------------- the command
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_another_host_needs_an_explicit_token(tmp_path):
    done = cli("serve", "--host", "0.0.0.0", "--no-browser", cwd=tmp_path)
    assert done.returncode == 2
    assert "--token" in done.stderr


def test_the_command_serves_the_api(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "uprdraft", "serve", "--no-browser", "--port", str(port),
                             "--token", TOKEN], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/?token={TOKEN}" in line
        url = f"http://127.0.0.1:{port}/api/kinds"
        for _ in range(100):
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=bearer()), timeout=5) as r:
                    assert r.status == 200
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(url, timeout=5)
        assert e.value.code == 403
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(urllib.request.Request(url, headers={**bearer(), "Host": "evil.example"}), timeout=5)
        assert e.value.code == 403
        body = json.dumps(data_of(EXAMPLES / "written-statement.md")).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/validate/written-statement?today={TODAY}",
                                     data=body, headers={**bearer(), "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            assert json.loads(r.read())["ok"] is True
        assert list(tmp_path.iterdir()) == []  # nothing written where it runs
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_submission_email_takes_its_word_file(tmp_path):
    data = data_of(EXAMPLES / "submission.yaml")
    docx = (EXAMPLES / "submission-statement.docx").read_bytes()
    (tmp_path / "input.json").write_text(input_text(data), encoding="utf-8")
    (tmp_path / "input.docx").write_bytes(docx)
    done = cli("email", "input.json", "input.docx", "-o", "cli.eml", "--today", TODAY, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    c = client()
    r = c.post(f"/api/render/submission?today={TODAY}", json=data, headers=bearer())
    assert r.status_code == 400 and "docx" in r.json()["findings"][0]["message"]
    r = c.post(f"/api/render/submission?today={TODAY}", data={"input": json.dumps(data)},
               files={"docx": ("input.docx", docx)}, headers=bearer())
    assert r.status_code == 200, r.text
    assert r.content == (tmp_path / "cli.eml").read_bytes()
    r = c.post(f"/api/render/submission?today={TODAY}", data={"input": json.dumps(data)},
               files={"docx": ("input.exe", docx)}, headers=bearer())
    assert r.status_code == 400


def test_hosts_answered_on_every_interface():
    import socket

    from uprdraft.serve.security import allowed_hosts

    hosts = allowed_hosts("0.0.0.0", 8765)
    assert {"127.0.0.1:8765", "localhost:8765", f"{socket.gethostname().lower()}:8765"} <= hosts
    assert "evil.example:8765" not in hosts
    assert allowed_hosts("192.0.2.10", 9000) == frozenset({"192.0.2.10:9000"})


def test_a_busy_port_is_one_line(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = cli("serve", "--no-browser", "--port", str(port), cwd=tmp_path)
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_no_asset_from_the_internet():
    import re

    c = client()
    pages = ["/", "/check", "/import"] + [f"/form/{k}" for k in api.schemas()]
    static = ROOT / "src" / "uprdraft" / "serve" / "static"
    texts = [c.get(p, headers=bearer()).text for p in pages]
    texts += [p.read_text(encoding="utf-8") for p in static.iterdir()]
    for text in texts:
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text, re.I)
        assert not re.search(r"""url\(\s*["']?(https?:)?//|@import|fetch\(\s*["']https?:""", text, re.I)
    for p in ("/static/form.js", "/static/tools.js", "/static/style.css", "/static/favicon.svg"):
        assert c.get(p, headers=bearer()).status_code == 200


def test_yaml_and_markdown_inputs_are_read_as_the_cli_reads_them(tmp_path):
    md = (EXAMPLES / "written-statement.md").read_bytes()
    c = client()
    as_json = c.post(f"/api/render/written-statement?today={TODAY}", json=data_of(EXAMPLES / "written-statement.md"),
                     headers=bearer())
    as_md = c.post(f"/api/render/written-statement?today={TODAY}", content=md,
                   headers={**bearer(), "Content-Type": "text/markdown"})
    assert as_md.status_code == 200 and as_md.content == as_json.content
    yaml_text = (EXAMPLES / "side-event.yaml").read_bytes()
    r = c.post("/api/validate/side-event", content=yaml_text, headers={**bearer(), "Content-Type": "application/yaml"})
    assert r.json()["ok"] is True
    bad = c.post("/api/validate/side-event", content=b"title: [", headers={**bearer(), "Content-Type": "application/yaml"})
    assert bad.status_code == 400 and bad.json()["findings"][0]["code"] == "parse"
