"""The next-review kinds' writers and contexts for the template tests (issue 16)."""
from __future__ import annotations

from functools import cache

from conftest import EXAMPLES

NEXT_KINDS = ("upr-submission", "pre-session-statement", "state-brief", "state-briefs-index",
              "recommendations-for-children", "factsheet")


@cache
def _analysis(kind: str, name: str):
    from uprdraft.context import make_context
    from uprdraft.kinds import Request, get
    from uprdraft.load import load

    k = get(kind)
    model, src = load(EXAMPLES / name, kind)
    return k.function("analyse")(model, src, make_context(today="2027-03-01"), Request())


def _sub():
    return _analysis("upr-submission", "upr-submission.yaml")


def _ps():
    return _analysis("pre-session-statement", "pre-session-statement.yaml")


def _briefs():
    a = _analysis("recommending-state-briefs", "recommending-state-briefs.yaml")
    state, recs = next(iter(a.content["states"].items()))
    return a.model, state, recs


def _cf():
    return _analysis("child-friendly-recommendations", "child-friendly-recommendations.yaml")


def _fs():
    return _analysis("factsheet", "factsheet.yaml")


def next_context(kind: str, rules) -> dict:
    from uprdraft.render import next_review as nr
    from uprdraft.render.docx_render import Notes

    if kind == "upr-submission":
        a = _sub()
        return nr.submission_context(a.model, a.content["recs"], rules, Notes())
    if kind == "pre-session-statement":
        a = _ps()
        return nr.pre_session_context(a.model, a.content["timing"], a.content["due"], rules)
    if kind == "state-brief":
        model, state, recs = _briefs()
        return nr.brief_context(model, state, recs, ["An ask."], rules)
    if kind == "state-briefs-index":
        model, state, recs = _briefs()
        row = {"state": state, "count": "1", "supported": "1", "noted": "0", "action": "0", "file": "b.docx"}
        return nr.index_context(model, [row], 1, rules)
    if kind == "recommendations-for-children":
        a = _cf()
        return nr.child_friendly_context(a.model, a.content["groups"], rules)
    a = _fs()
    return nr.factsheet_context(a.content["sheet"], a.content["recs"], rules)


def next_render(kind: str, ctx) -> bytes:
    from uprdraft.render import next_review as nr

    if kind == "upr-submission":
        a = _sub()
        return nr.render_submission(a.model, a.content["recs"], ctx)
    if kind == "pre-session-statement":
        a = _ps()
        return nr.render_pre_session(a.model, a.content["timing"], a.content["due"], ctx)
    if kind == "state-brief":
        model, state, recs = _briefs()
        return nr.render_brief(model, state, recs, ["An ask."], ctx)
    if kind == "state-briefs-index":
        from uprdraft.render.docx_render import render_template

        model, state, recs = _briefs()
        context = nr.index_context(model, [{"state": state, "count": "1", "supported": "1", "noted": "0",
                                            "action": "0", "file": "b.docx"}], 1, ctx.rules)
        return render_template("state-briefs-index", model.language, context, template=ctx.template)
    if kind == "recommendations-for-children":
        a = _cf()
        return nr.render_child_friendly_recommendations(a.model, a.content["groups"], ctx)
    a = _fs()
    return nr.render_factsheet(a.content["sheet"], a.content["recs"], ctx)
