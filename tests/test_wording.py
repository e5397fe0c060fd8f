"""Sentences built around names are grammatical for any name, and shares add up to 100."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uprdraft.i18n import format_list
from uprdraft.recommendation_stats import largest_remainder
from uprdraft.rules import DEFAULT

NAME = "Fédération internationale pour l'éducation inclusive"
STATE = "Republic of Kestrovia"


# --------------------------------------------------------------------------- shares
@pytest.mark.parametrize("counts, shares", [
    ([5, 3], [63, 37]),  # 62.5 and 37.5: not 62 + 37 = 99
    ([1, 1, 1], [34, 33, 33]),
    ([2, 2, 2, 1], [29, 29, 28, 14]),
    ([0, 0, 0], [0, 0, 0]),
    ([7, 0, 0], [100, 0, 0]),
])
def test_largest_remainder(counts, shares):
    assert largest_remainder(counts) == shares


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=8).filter(lambda c: sum(c) > 0))
def test_shares_always_add_up_to_100(counts):
    shares = largest_remainder(counts)
    assert sum(shares) == 100
    total = sum(counts)
    assert all(abs(s - c * 100 / total) < 1 for s, c in zip(shares, counts))


def test_statistics_table_columns_add_up_to_100():
    """5 of 8 fully and 3 of 8 partially implemented (62.5 and 37.5): 63 % and 37 %, adding up to 100."""
    from uprdraft.render.midterm import _cells

    stats_block = {"total": 8, "by_status": {s: {"count": 0, "share": 0.0} for s in DEFAULT.upr.statuses},
                   "triggered_action": {"count": 8, "share": 1.0}}
    stats_block["by_status"]["fully-implemented"]["count"] = 5
    stats_block["by_status"]["partially-implemented"]["count"] = 3
    cells = _cells(stats_block, DEFAULT, "en")
    shares = [int(re.search(r"\((\d+)", cells[s]).group(1)) for s in DEFAULT.upr.statuses]
    assert sum(shares) == 100
    assert cells["fully-implemented"] == "5 (63%)" and cells["partially-implemented"] == "3 (37%)"
    assert cells["triggered_action"] == "8 (100%)"


# --------------------------------------------------------------------------- names in sentences
@pytest.mark.parametrize("lang, one, many", [
    ("fr", f"Je m'exprime au nom de l'organisation {NAME}.",
     f"Je m'exprime au nom des organisations {NAME} et Amis."),
    ("es", f"Hablo en nombre de la organización {NAME}.",
     f"Hablo en nombre de las organizaciones {NAME} y Amis."),
    ("en", f"I speak on behalf of {NAME}.", f"I speak on behalf of {NAME} and Amis."),
])
def test_on_behalf_needs_no_article(lang, one, many):
    from types import SimpleNamespace

    from uprdraft.kinds.oral import opening_text

    wording = DEFAULT.oral.wording[lang]
    org = SimpleNamespace(name=NAME)
    alone = SimpleNamespace(president_title=None, organisation=org, partner_names=[], language=lang)
    joint = SimpleNamespace(president_title=None, organisation=org, partner_names=["Amis"], language=lang)
    assert opening_text(alone, wording).endswith(one)
    assert opening_text(joint, wording).endswith(many)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_state_names_need_no_article(lang):
    intro = DEFAULT.midterm.labels[lang]["statistics_intro"].format(total=8, state=STATE)
    assert f"({STATE})" in intro  # after "the State under review": no article to guess
    assert f"of {STATE}" not in intro and f"de {STATE}" not in intro
    title = DEFAULT.child_friendly.wording[lang]["title"].format(state=STATE)
    assert title.startswith(STATE)  # "Republic of Kestrovia: our report ...", not "on Republic of"


@pytest.mark.parametrize("items, text", [
    (["Chile", "Italia"], "Chile e Italia"),
    (["Chile", "Perú", "Irlanda"], "Chile, Perú e Irlanda"),
    (["Chile", "Hidalgo"], "Chile e Hidalgo"),
    (["Chile", "Hielo"], "Chile y Hielo"),  # "hie-" is a diphthong: "y" stays
    (["Chile", "Uruguay"], "Chile y Uruguay"),
])
def test_spanish_and_before_an_i_sound(items, text):
    assert format_list(items, "es") == text


@pytest.mark.parametrize("lang, band, words", [
    ("en", "10-13", "aged 10 to 13"), ("fr", "14-18", "de 14 à 18 ans"), ("es", "14-18", "de 14 a 18 años"),
])
def test_age_bands_as_words(lang, band, words):
    from uprdraft.render.midterm import age_range

    wording = DEFAULT.child_friendly.wording[lang]
    assert words in wording["summary"].format(age_band=age_range(band, wording))
