"""Run axe-core (the accessibility checker, shipped inside the axe-selenium-python package) on
the page a selenium driver shows; the serious and critical violations."""
from __future__ import annotations

from pathlib import Path
from typing import Any


def axe_script() -> str:
    import axe_selenium_python

    found = sorted(Path(axe_selenium_python.__file__).resolve().parent.rglob("axe.min.js"))
    if not found:
        raise RuntimeError("axe-selenium-python ships no axe.min.js")
    return found[0].read_text(encoding="utf-8")


def serious_violations(driver: Any) -> list[dict[str, Any]]:
    driver.execute_script(axe_script())
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r); },"
        " function (e) { done({error: String(e)}); });")
    if "error" in results:
        raise RuntimeError(results["error"])
    return [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
                     for v in violations)
