"""uprdraft serve's tracker pages: list with filters and status as of a date, a page per
recommendation with its history, the assessment form, statistics with their chart. They run
only where the tracker is installed (``uprdraft.tracker`` and the ``track_*`` API functions)."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed")
pytest.importorskip("uprdraft.tracker", reason="the tracker (uprdraft.tracker) is not in this installation")

from uprdraft.serve.tracker_pages import tracker_available  # noqa: E402

if not tracker_available():
    pytest.skip("the tracker's API functions (track_list, track_assess, ...) are not in this installation",
                allow_module_level=True)

from uprdraft import api  # noqa: E402
from uprdraft.serve import create_app  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "tracker-test-token-1"
H = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    api.track_init(db=url)
    api.track_import(ROOT / "examples" / "recommendations.csv", db=url)
    return url


@pytest.fixture
def client(db) -> TestClient:
    return TestClient(create_app(TOKEN, host="127.0.0.1", port=8765, db=db), base_url="http://127.0.0.1:8765",
                      follow_redirects=False)


def first_id(db: str) -> str:
    return str(api.track_list(db=db).data[0]["id"])


def test_the_menu_offers_the_tracker(client):
    assert 'href="/tracker"' in client.get("/", headers=H).text


def test_list_with_filters_and_status_as_of_a_date(client, db):
    rid = first_id(db)
    api.track_assess(rid, "partially-implemented", "2026-01-10", db=db, evidence="Draft law tabled")
    api.track_assess(rid, "fully-implemented", "2026-06-01", db=db, evidence="Law adopted")
    page = client.get("/tracker", headers=H)
    assert page.status_code == 200
    for row in api.track_list(db=db).data:
        assert f">{row['id']}</a>" in page.text
    before = client.get("/tracker?as_of=2026-03-01&status=partially-implemented", headers=H).text
    assert f">{rid}</a>" in before
    after = client.get("/tracker?as_of=2026-07-01&status=partially-implemented", headers=H).text
    assert f">{rid}</a>" not in after
    expected = len(api.track_list(db=db, as_of="2026-07-01", status="fully-implemented").data)
    shown = client.get("/tracker?as_of=2026-07-01&status=fully-implemented", headers=H).text
    assert len(re.findall(r'class="status-tag status-fully-implemented"', shown)) == expected
    bad = client.get("/tracker?status=done", headers=H)
    assert bad.status_code == 422 and "finding error" in bad.text


def test_a_recommendation_with_its_history_and_the_assessment_form(client, db):
    rid = first_id(db)
    page = client.get(f"/tracker/recommendation?id={rid}", headers=H)
    assert page.status_code == 200 and 'id="assess-form"' in page.text
    r = client.post("/tracker/assess", data={"id": rid, "status": "not-implemented", "date": "2026-02-01",
                                             "evidence": "No bill yet", "by": "Ana"}, headers=H)
    assert r.status_code == 303
    history = api.track_history(rid, db=db).stats["assessments"]
    assert [(a["status"], a["date"], a["evidence"]) for a in history] == [("not-implemented", "2026-02-01", "No bill yet")]
    page = client.get(r.headers["location"], headers=H).text
    assert "No bill yet" in page and 'id="history"' in page
    bad = client.post("/tracker/assess", data={"id": rid, "status": "done", "date": "2026-02-01"}, headers=H)
    assert bad.status_code == 422
    assert len(api.track_history(rid, db=db).stats["assessments"]) == 1
    assert client.get("/tracker/recommendation?id=no-such-id", headers=H).status_code == 404


def test_cross_site_assessment_is_refused(client, db):
    client.cookies.set("uprdraft_token", TOKEN)
    r = client.post("/tracker/assess", data={"id": first_id(db), "status": "no-data", "date": "2026-02-01"},
                    headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert api.track_history(first_id(db), db=db).stats["assessments"] == []


def test_statistics_with_their_chart(client, db):
    rid = first_id(db)
    api.track_assess(rid, "fully-implemented", "2026-06-01", db=db)
    page = client.get("/tracker/stats?as_of=2026-07-01", headers=H)
    assert page.status_code == 200
    assert '<svg id="status-chart" role="img"' in page.text and "<title id=\"chart-title\">" in page.text
    stats = api.track_stats(db=db, as_of="2026-07-01").stats
    table = page.text[page.text.index('id="stats-table"'):]
    assert f"<td>{stats['all']['total']}</td>" in table
    assert f"<td>{stats['all']['by_status']['fully-implemented']['count']} (" in table


def test_import_into_the_tracker(client, db):
    src = ROOT / "examples" / "recommendations.csv"
    r = client.post("/tracker/import", files={"file": ("recommendations.csv", src.read_bytes())}, headers=H)
    assert r.status_code == 200
    assert 'id="import-result"' in r.text
    assert "/tmp" not in r.text
    r = client.post("/tracker/import", files={"file": ("notes.txt", b"x")}, headers=H)
    assert r.status_code == 400


# --------------------------------------------------------------------------- in a real browser
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_tracker_pages_in_chromium_screenshots_and_accessibility(db, lang, tmp_path):
    import shutil
    import socket
    import threading
    import time

    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("Chromium is absent: apt-get install chromium chromium-driver (.ci/run does)")
    pytest.importorskip("selenium", reason="selenium is not installed")
    import uvicorn
    from axe_check import describe, serious_violations
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    rid = first_id(db)
    api.track_assess(rid, "partially-implemented", "2026-01-10", db=db, evidence="Draft law tabled", by="Ana")
    api.track_assess(rid, "fully-implemented", "2026-06-01", db=db, evidence="Law adopted", by="Ana")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(TOKEN, host="127.0.0.1", port=port, db=db), host="127.0.0.1",
                                           port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1400"):
        options.add_argument(arg)
    d = webdriver.Chrome(service=Service(driver_path), options=options)
    artifacts = ROOT / "test-artifacts" / "serve"
    artifacts.mkdir(parents=True, exist_ok=True)
    try:
        base = f"http://127.0.0.1:{port}"
        d.get(f"{base}/?token={TOKEN}&lang={lang}")
        for name, path in (("tracker-list", "/tracker"), ("tracker-recommendation", f"/tracker/recommendation?id={rid}"),
                           ("tracker-stats", "/tracker/stats?as_of=2026-07-01")):
            d.get(base + path)
            d.find_element(By.TAG_NAME, "h1")
            height = d.execute_script("return document.body.scrollHeight")
            d.set_window_size(1400, min(int(height) + 150, 5000))
            d.save_screenshot(str(artifacts / f"{name}-{lang}.png"))
            bad = serious_violations(d)
            assert not bad, describe(bad)
        # record an assessment through the form, as an officer would
        d.get(f"{base}/tracker/recommendation?id={rid}")
        d.find_element(By.ID, "as-evidence").send_keys("Checked again with the ministry")
        d.find_element(By.CSS_SELECTOR, "#assess-form button[type=submit]").click()
        # the click returns before the browser follows the redirect: wait for it, do not race it
        try:
            WebDriverWait(d, 20, poll_frequency=0.1).until(lambda drv: "saved=1" in drv.current_url)
        except TimeoutException:
            pytest.fail(d.find_element(By.TAG_NAME, "body").text[:1500])
        assert "Checked again with the ministry" in d.find_element(By.ID, "history").text
    finally:
        d.quit()
        server.should_exit = True
        thread.join(timeout=10)
