"""uprdraft serve in a real headless Chromium (Debian's chromium and chromium-driver, driven
with selenium): the written-statement form end to end in English and in French, the check
and import pages, a screenshot of every page (``test-artifacts/serve/``, git-ignored) and an
accessibility check of every page with axe-core (shipped by the axe-selenium-python package),
with no serious or critical violation."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "test-artifacts" / "serve"
TOKEN = "browser-test-token-42"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
DRIVER = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                       reason="Chromium is absent: apt-get install chromium chromium-driver (.ci/run does)"),
]
selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
pytest.importorskip("axe_selenium_python", reason="axe-selenium-python (axe-core) is not installed")
pytest.importorskip("starlette", reason="the 'serve' extra is not installed")
pytest.importorskip("uvicorn", reason="the 'serve' extra is not installed")

from axe_check import describe, serious_violations  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from uprdraft import api  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from uprdraft.serve import create_app

    port = free_port()
    app = create_app(TOKEN, host="127.0.0.1", port=port)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(server, downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1600",
                "--lang=en-GB"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "en-GB,en"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_script_timeout(60)
    driver.get(f"{server}/?token={TOKEN}")  # the address printed by the command
    yield driver
    driver.quit()


def shot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = driver.execute_script("return Math.max(document.body.scrollHeight, 900)")
    driver.set_window_size(1400, min(int(height) + 150, 6000))
    driver.save_screenshot(str(path))
    driver.set_window_size(1400, 1600)
    return path


def wait(driver, condition, timeout: float = 30):
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))


def open_form(driver, server, kind: str, lang: str) -> None:
    driver.get(f"{server}/form/{kind}?lang={lang}")
    driver.execute_script("localStorage.clear(); sessionStorage.clear();")
    driver.get(f"{server}/form/{kind}?lang={lang}")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#fields .field"))
    wait(driver, lambda d: d.find_element(By.ID, "summary").text.strip())


def settled(driver) -> None:
    """Wait for the answer to the last change (the panel is busy until the latest check is back)."""
    time.sleep(0.05)
    wait(driver, lambda d: d.execute_script("return !document.getElementById('summary').hasAttribute('aria-busy');"))


def words(driver) -> tuple[int, int]:
    """(words, limit) as the page shows them now (read in one go: the panel is redrawn often)."""
    got = wait(driver, lambda d: d.execute_script(
        "var g = document.getElementById('word-count');"
        "return g ? [g.getAttribute('data-words'), g.getAttribute('data-limit')] : null;"))
    return int(got[0]), int(got[1])


def type_into(driver, element_id: str, text: str) -> None:
    box = driver.find_element(By.ID, element_id)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text)


def set_value(driver, element_id: str, text: str) -> None:
    """A long paste: the value set at once, then the same input event as typing."""
    driver.execute_script("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                          "e.dispatchEvent(new Event('input', {bubbles: true}));", element_id, text)


def _poll(fn, timeout: float = 60):
    end = time.time() + timeout
    while time.time() < end:
        got = fn(None)
        if got:
            return got
        time.sleep(0.1)
    raise AssertionError("nothing downloaded in time")


def prune(value):
    """The draft as the form sends it: empty optional values left out."""
    if isinstance(value, dict):
        out = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", {})}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "uprdraft", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


BODY = {
    "en": ("During its review, Examplestan supported recommendations on the rights of the child. "
           "Two years on, our network has followed how these commitments were kept.\n\n"
           "We call on Examplestan to adopt the law before its mid-term report."),
    "fr": ("Lors de son examen, l'Examplestan a accepté des recommandations sur les droits de l'enfant. "
           "Deux ans plus tard, notre réseau a suivi la mise en œuvre de ces engagements.\n\n"
           "Nous appelons l'Examplestan à adopter la loi avant son rapport à mi-parcours."),
}
LABELS = {"en": ("Title", "Check a Word file"), "fr": ("Titre", "Vérifier un fichier Word")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_written_statement_form_end_to_end(browser, server, downloads, lang, tmp_path):
    d = browser
    open_form(d, server, "written-statement", lang)
    assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    assert d.find_element(By.CSS_SELECTOR, "label[for='f-title']").text.startswith(LABELS[lang][0])
    assert LABELS[lang][1] in d.find_element(By.TAG_NAME, "nav").text

    # fill the form as an officer would
    if lang == "fr":
        from selenium.webdriver.support.ui import Select

        Select(d.find_element(By.ID, "f-language")).select_by_value("fr")
    type_into(d, "f-title", "Examplestan: deux ans après l'examen" if lang == "fr" else
              "Examplestan: two years after the review")
    type_into(d, "f-organisation-name", "Child Rights Example Network")
    type_into(d, "f-contact-email", "officer@example.org")
    type_into(d, "f-body", BODY[lang])
    d.find_element(By.ID, "add-footnote").click()  # a marker at the cursor, and its note to write
    wait(d, lambda _: d.find_element(By.ID, "f-body").get_attribute("value").endswith("[^1]"))
    assert d.switch_to.active_element.get_attribute("id") == "f-footnotes-1"
    d.switch_to.active_element.send_keys("A/HRC/58/15, para. 115.23.")
    wait(d, lambda _: d.execute_script(
        "var s = JSON.parse(localStorage.getItem('uprdraft:draft:written-statement') || '{}');"
        "return s.footnotes && s.footnotes['1'] === 'A/HRC/58/15, para. 115.23.';"))
    settled(d)
    base, limit = words(d)
    assert limit == 1500 and 30 < base < 100
    shot(d, f"written-statement-{lang}-filled")

    # past the limit: the count turns red and the finding stands next to the body
    extra = " ".join(["word"] * (limit - base + 20))
    set_value(d, "f-body", BODY[lang] + "[^1]\n\n" + extra)
    settled(d)
    assert words(d)[0] > limit
    assert "over" in d.find_element(By.ID, "word-count").get_attribute("class")
    finding = wait(d, lambda _: d.find_elements(By.CSS_SELECTOR, "[data-findings='body'] li[data-code='word-limit']"))[0]
    wait(d, lambda _: "word" in (d.execute_script(
        "return localStorage.getItem('uprdraft:draft:written-statement')") or "")[-400:])
    draft = json.loads(d.execute_script("return localStorage.getItem('uprdraft:draft:written-statement');"))
    (tmp_path / "over.json").write_text(json.dumps(prune(draft), ensure_ascii=False), encoding="utf-8")
    report = json.loads(cli("validate", "over.json", "--json", cwd=tmp_path).stdout)
    cli_words = [f["message"] for f in report["findings"] if f["code"] == "word-limit"][0]
    assert cli_words in finding.text  # the same words as the CLI
    assert d.find_element(By.ID, "f-body").get_attribute("aria-invalid") == "true"
    shot(d, f"written-statement-{lang}-over-limit")

    # and back under it
    set_value(d, "f-body", BODY[lang] + "[^1]")
    settled(d)
    assert words(d)[0] <= limit
    wait(d, lambda _: not d.find_elements(By.CSS_SELECTOR, "li[data-code='word-limit']"))
    assert words(d)[0] == base

    # the draft survives closing the tab
    d.get(f"{server}/form/written-statement?lang={lang}")
    wait(d, lambda _: d.find_element(By.ID, "f-organisation-name").get_attribute("value") == "Child Rights Example Network")
    wait(d, lambda _: words(d)[0] == base)

    # download the .docx: it passes `uprdraft check`, and it is the CLI's file byte for byte
    before = {p.name for p in downloads.iterdir()}
    d.find_element(By.ID, "download-document").click()
    docx = _poll(lambda _: next((p for p in downloads.iterdir() if p.name not in before and p.suffix == ".docx"
                                 and not any(q.suffix == ".crdownload" for q in downloads.iterdir())), None))
    shot(d, f"written-statement-{lang}-downloaded")
    local = tmp_path / "statement.docx"
    local.write_bytes(docx.read_bytes())
    done = cli("check", "statement.docx", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    draft = d.execute_script("return localStorage.getItem('uprdraft:draft:written-statement');")
    (tmp_path / "input.json").write_text(json.dumps(prune(json.loads(draft)), ensure_ascii=False, indent=2) + "\n",
                                         encoding="utf-8")
    assert cli("statement", "written", "input.json", "-o", "cli.docx", cwd=tmp_path).returncode == 0
    assert (tmp_path / "cli.docx").read_bytes() == local.read_bytes()
    if lang == "fr":
        assert api.check(local).ok


def test_check_and_fix_page(browser, server, downloads):
    d = browser
    d.get(f"{server}/check?lang=en")
    d.find_element(By.ID, "check-file").send_keys(str(EXAMPLES / "draft-statement.docx"))
    d.find_element(By.ID, "run-check").click()
    wait(d, lambda _: d.find_elements(By.CSS_SELECTOR, "#results li.finding"))
    codes = {li.get_attribute("data-code") for li in d.find_elements(By.CSS_SELECTOR, "#results li.finding")}
    assert codes == {f.code for f in api.check(EXAMPLES / "draft-statement.docx").findings}
    before = {p.name for p in downloads.iterdir()}
    d.find_element(By.ID, "run-fix").click()
    fixed = _poll(lambda _: next((p for p in downloads.iterdir() if p.name not in before and p.suffix == ".docx"
                                  and not any(q.suffix == ".crdownload" for q in downloads.iterdir())), None))
    assert api.check(fixed).ok
    link = wait(d, lambda _: d.find_elements(By.ID, "fixed-link"))[0]
    assert link.get_attribute("download") == fixed.name  # offered again, to download once more
    shot(d, "check-en-results")


def test_import_page(browser, server):
    d = browser
    d.get(f"{server}/import?lang=es")
    d.find_element(By.ID, "import-file").send_keys(str(EXAMPLES / "recommendations.csv"))
    d.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
    wait(d, lambda _: d.find_element(By.ID, "import-actions").is_displayed())
    assert "Importadas" in d.find_element(By.ID, "results").text
    shot(d, "import-es-results")
    d.find_element(By.ID, "use-midterm").click()
    wait(d, lambda _: d.current_url.endswith("/form/midterm-report"))
    wait(d, lambda _: d.find_elements(By.ID, "f-recommendations-0-group"))
    shot(d, "midterm-report-es-imported")


PAGES = ["/", "/check", "/import"] + [f"/form/{k}" for k in ("written-statement", "oral-statement", "midterm-report",
                                                                "side-event", "action-plan", "submission")]


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_screenshot_and_accessibility(browser, server, path, lang):
    d = browser
    if path.startswith("/form/"):
        open_form(d, server, path.rsplit("/", 1)[1], lang)
    else:
        d.get(f"{server}{path}?lang={lang}")
        wait(d, lambda _: d.find_elements(By.TAG_NAME, "h1"))
    name = (path.strip("/").replace("/", "-") or "home") + f"-{lang}"
    shot(d, name)
    bad = serious_violations(d)
    assert not bad, describe(bad)


def test_keyboard_reaches_the_content_and_every_control(browser, server):
    d = browser
    open_form(d, server, "written-statement", "en")
    body = d.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = d.switch_to.active_element
    assert skip.get_attribute("class") == "skip"
    skip.send_keys(Keys.ENTER)
    assert d.switch_to.active_element.get_attribute("id") == "main"
    # Tab walks through the form's fields in order; no control is out of reach
    seen = []
    for _ in range(12):
        d.switch_to.active_element.send_keys(Keys.TAB)
        seen.append(d.switch_to.active_element.get_attribute("id"))
    assert "f-language" in seen and "f-session" in seen
    # a list grows from the keyboard, and focus lands in the new item
    add = d.find_element(By.ID, "f-co_sponsors-add")
    count = len(d.find_elements(By.CSS_SELECTOR, "#f-co_sponsors-group > ol > li"))
    add.send_keys(Keys.ENTER)
    wait(d, lambda _: len(d.find_elements(By.CSS_SELECTOR, "#f-co_sponsors-group > ol > li")) == count + 1)
    assert d.switch_to.active_element.get_attribute("id") == f"f-co_sponsors-{count}-name"
