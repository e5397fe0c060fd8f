"""Rendering the pages: the interface language and its strings, and the HTML shell.

The language comes from ``?lang=`` (kept in a cookie), else the browser's Accept-Language,
else English; every string falls back to English, so a missing translation never breaks a page.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..kinds import KINDS

HERE = Path(__file__).resolve().parent
LANGS = ("en", "fr", "es")
LANG_COOKIE = "uprdraft_lang"


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The interface strings of one language, over the English ones (nothing missing)."""
    en = json.loads((HERE / "locales" / "en.json").read_text(encoding="utf-8"))
    if lang == "en":
        return en
    own = json.loads((HERE / "locales" / f"{lang}.json").read_text(encoding="utf-8"))
    return {section: {**values, **own.get(section, {})} for section, values in en.items()}


def pick_language(request: Request) -> str:
    """``?lang=`` first, then the choice kept in a cookie, then Accept-Language, then English."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if chosen in LANGS:
        return str(chosen)
    best: tuple[float, str] = (0.0, "en")
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower()[:2]
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if code in LANGS and q > best[0]:
            best = (q, code)
    return best[1]


def _script_json(value: Any) -> Any:
    """JSON for a <script type="application/json"> block, keys in their order (the form's
    fields come in the model's order), with the characters that could close the block escaped."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, default=str)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(ch, esc)
    return Markup(text)


def page(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    lang = pick_language(request)
    t = catalogue(lang)
    env = request.app.state.jinja
    if "setup" in values:
        values["setup_json"] = _script_json(values["setup"])
    html = env.get_template(template).render(
        lang=lang, langs=LANGS, t=t["ui"], cat=t, kinds=KINDS, path=request.url.path,
        tracker=request.app.state.tracker is not None, **values)
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") in LANGS:
        response.set_cookie(LANG_COOKIE, lang, samesite="strict", httponly=True, max_age=365 * 24 * 3600)
    return response




def environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)
