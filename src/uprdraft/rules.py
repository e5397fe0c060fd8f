"""Every HRC/UPR number and wording uprdraft applies, in one place, each with its source.

Sources are the tags of ``shared/domain-rules.md`` ([S1] ... [S50]); the confidence there
(V verified, P partly, U unverified) is repeated where it matters. The Council changes its
modalities from session to session, so nothing here is hard-wired: every value can be
overridden by a YAML file (``uprdraft --rules FILE ...`` or :func:`load_rules`), which is
deep-merged over these defaults and validated.

Sections: ``written`` (written statements), ``fonts`` (font profiles for check/fix and our
own writers), ``oral`` (oral statements), ``side_event``, ``upr`` (cycle, follow-up
calendar, responses, statuses), ``email`` (the submission e-mail), ``child_friendly``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- written statements
class WrittenRules(_Section):
    # [S1, S3, S49] V: 2,000 words for General status, 1,500 for Special and Roster
    # (ECOSOC res. 1996/31); "A"-status NHRIs 2,000 [S4].
    word_limit: dict[str, int] = Field(
        default={"general": 2000, "special": 1500, "roster": 1500, "nhri_a": 2000},
        description="Word limit by the lead organisation's consultative status [S1, S3, S49].",
    )
    # No rule found for joint statements (U): default is the lead NGO's status;
    # "strict_min" applies the lowest status among the ECOSOC co-sponsors.
    joint_limit_rule: str = Field(default="lead", pattern="^(lead|strict_min)$")
    # [S2] P: the form asks for the count *including* footnotes/endnotes.
    count_footnotes: bool = True
    # [S1, S2] V
    languages: tuple[str, ...] = ("en", "fr", "es")
    # [S2] V: main sponsor first, then co-sponsors General, Special, Roster.
    cosponsor_order: tuple[str, ...] = ("general", "special", "roster")
    # [S1, S2] V: who may submit.
    statuses_allowed: tuple[str, ...] = ("general", "special", "roster")
    # [S17, S23] V
    agenda_items: tuple[int, int] = (1, 10)
    # Deadline [S2, S3, S4, S5] conflict: "exactly two weeks" vs "at least three weeks" vs
    # a dated per-session deadline. Default: the published date when given, else 21 days
    # before the session opens; error from 14 days (hard_min_days) on, warning in the last
    # week before the deadline.
    deadline_days_before: int = 21
    hard_min_days: int = 14
    deadline_warn_days: int = 7
    # [S1, S2] V: non-ECOSOC supporters go in a footnote to the title with this wording,
    # in the statement's language; {names} is the joined list.
    supporter_footnote: dict[str, dict[str, str]] = {
        "en": {
            "one": "{names} also shares the views expressed in this statement.",
            "many": "{names} also share the views expressed in this statement.",
            "and": "and",
        },
        "fr": {
            "one": "{names} partage également les opinions exprimées dans la présente déclaration.",
            "many": "{names} partagent également les opinions exprimées dans la présente déclaration.",
            "and": "et",
        },
        "es": {
            "one": "{names} también comparte las opiniones expresadas en esta declaración.",
            "many": "{names} también comparten las opiniones expresadas en esta declaración.",
            "and": "y",
        },
    }
    # [S1, S2] V: the NGO name is followed by its status in brackets, e.g. "(Special)".
    status_labels: dict[str, dict[str, str]] = {
        "en": {"general": "General", "special": "Special", "roster": "Roster"},
        "fr": {"general": "statut consultatif général", "special": "statut consultatif spécial",
               "roster": "Liste"},
        "es": {"general": "carácter consultivo general", "special": "carácter consultivo especial",
               "roster": "Lista"},
    }
    # [S2] V: segment codes on the form (ID, GD, Panel).
    segment_codes: dict[str, str] = {
        "interactive-dialogue": "ID", "general-debate": "GD", "panel": "Panel",
    }


# --------------------------------------------------------------------------- font profiles
class FontProfile(_Section):
    font: str = "Times New Roman"
    size_pt: float = 10
    # sizes allowed per story when they differ from size_pt (legacy_2009 only)
    title_size_pt: float | None = None
    footnote_size_pt: float | None = None
    min_size_pt: float | None = None  # child-friendly and speaker scripts: "at least"
    bold: bool = False
    italic: bool = False
    underline: bool = False
    title_bold: bool = False
    word_limit: int | None = None
    warn_tables: bool = True
    warn_images: bool = True
    warn_hyperlinks: bool = True
    warn_comments: bool = True
    warn_tracked_changes: bool = True
    warn_header_footer: bool = True


class FontRules(_Section):
    # Conflict [S1, S2, S3]: TNR 10 plain for the whole text (form checklist; Advisory
    # Committee 2023; seed 2020) vs title TNR 12 bold / body TNR 12 / notes TNR 10 (c. 2009
    # guidelines page). Default hrc-written = TNR 10 plain; legacy_2009 kept as a profile.
    default_profile: str = "hrc-written"
    profiles: dict[str, FontProfile] = {
        "hrc-written": FontProfile(),
        "legacy-2009": FontProfile(size_pt=12, title_size_pt=12, footnote_size_pt=10, title_bold=True),
        # reading scripts and child-friendly versions: large print, emphasis still avoided
        "speaker-script": FontProfile(size_pt=14, min_size_pt=14, warn_tables=False),
        "child-friendly": FontProfile(size_pt=12, min_size_pt=12, warn_tables=False),
        "hrc-report": FontProfile(warn_tables=False),  # mid-term reports and plans carry tables
    }


# --------------------------------------------------------------------------- oral statements
class OralRules(_Section):
    # [S6, S12, S13] V, conflicting over the years; current ISHR guidance: GD 1 min 30 s,
    # everything else 2 min. Overridable per session with time_limit_seconds.
    seconds: dict[str, int] = {
        "general-debate": 90, "interactive-dialogue": 120, "panel": 120, "upr-adoption": 120,
    }
    # [S6] V: 90 s ~ 250 words max; 2 min ~ 300 words max.
    max_words: dict[int, int] = {90: 250, 120: 300}
    # [S6] V: pace estimate 150 wpm; reading faster loses the interpreters (warn above 165).
    words_per_minute: int = 150
    words_per_minute_range: tuple[int, int] = (80, 200)
    fast_pace_wpm: int = 165
    # our choice (U): a breath between paragraphs
    pause_seconds_per_paragraph: float = 1.0
    warn_ratio: float = 0.9
    languages: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")
    # S4, S8, S9 V/U: video statements no longer than the speaking slot.
    # Opening/closing (U): "Thank you, Mr/Madam President" is practice, not a written rule.
    wording: dict[str, dict[str, str]] = {
        "en": {
            "salutation": "Thank you, {president_title}.",
            "salutation_neutral": "Thank you, President.",
            "on_behalf": "I speak on behalf of {organisations}.",
            "closing": "Thank you.",
            "and": "and",
        },
        "fr": {
            "salutation": "Merci, {president_title}.",
            "salutation_neutral": "Merci, Président(e).",
            "on_behalf": "Je m'exprime au nom de {organisations}.",
            "closing": "Je vous remercie.",
            "and": "et",
        },
        "es": {
            "salutation": "Gracias, {president_title}.",
            "salutation_neutral": "Gracias, Presidencia.",
            "on_behalf": "Hablo en nombre de {organisations}.",
            "closing": "Muchas gracias.",
            "and": "y",
        },
    }


# --------------------------------------------------------------------------- side events
class SideEventRules(_Section):
    # [S25] P: 1 h or 1 h 30 over lunch 12:00-15:00 (seed); observed 14:00-15:00, 14:00-15:30.
    durations_minutes: tuple[int, ...] = (60, 90)
    window: tuple[str, str] = ("12:00", "15:00")
    timezone: str = "Europe/Zurich"  # Geneva
    # [S7, S24] V: guests without accreditation listed 48 h before.
    guest_list_hours_before: int = 48
    # [S7] V: 3-4 speakers, at most 5 minutes each.
    panellists_recommended: tuple[int, int] = (3, 4)
    speaker_minutes_max: int = 5
    # [S7, S24] V: only an NGO with ECOSOC status can book a room.
    statuses_booking: tuple[str, ...] = ("general", "special", "roster")


# --------------------------------------------------------------------------- UPR follow-up
class CalendarStep(_Section):
    key: str
    start_months: float
    end_months: float | None = None


class UprRules(_Section):
    # [S19, S21, S22] conflict: 4.5 years (OHCHR, res. 16/21) vs 5 (one UPR Info page).
    cycle_years: float = 4.5
    # [S28] V: mid-term about 2-2.5 years after the review.
    midterm_months: tuple[int, int] = (24, 30)
    # Seed milestones (U, configurable): contact ministries/bilateral follow-up from ~5
    # months; own action plan 5-24 months; stock-taking and mid-term report 24-30 months;
    # next stakeholder submission 3.5-4 years; next review ~4.5 years.
    followup_calendar: tuple[CalendarStep, ...] = (
        CalendarStep(key="contact-ministries", start_months=5),
        CalendarStep(key="action-plan", start_months=5, end_months=24),
        CalendarStep(key="midterm-report", start_months=24, end_months=30),
        CalendarStep(key="stakeholder-submission", start_months=42, end_months=48),
        CalendarStep(key="next-review", start_months=54),
    )
    # [S34, S21, S35] V: supported / noted; "rejected" is not an official response [S36].
    responses: tuple[str, ...] = ("supported", "noted")
    response_aliases: dict[str, str] = {
        "supported": "supported", "accepted": "supported", "accepted/supported": "supported",
        "noted": "noted", "not accepted": "noted", "rejected": "noted",
    }
    # [S28, S30] V: UPR Info Follow-up Programme categories, plus no-data.
    statuses: tuple[str, ...] = ("fully-implemented", "partially-implemented", "not-implemented", "no-data")
    triggered_action: tuple[str, ...] = ("fully-implemented", "partially-implemented")
    # [S31] P: recommendation ids are WG report paragraphs, e.g. 115.23.
    recommendation_id_pattern: str = r"^\d{1,3}\.\d{1,3}$"
    wg_report_symbol_pattern: str = r"^A/HRC/\d{1,3}/\d{1,3}(/Add\.\d+)?$"
    action_types: tuple[str, ...] = (
        "political", "legislative", "policy", "budgetary", "institutional", "awareness", "monitoring",
    )


# --------------------------------------------------------------------------- submission e-mail
class EmailRules(_Section):
    # Conflict [S1, S3, S4, S5]: hrcngo@ohchr.org (older pages; seed 2020; our users) vs
    # ohchr-hrcngo@un.org (Advisory Committee note, 2023).
    to: str = "hrcngo@ohchr.org"
    # Conflict [S1, S3]: older subject "<NGO> – written statement(s) submitted to <n>th
    # session" vs 2023 "NGO written statement"; this default meets both.
    subject_template: str = "{ngo} – NGO written statement – HRC{session}"
    docx_mime: str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --------------------------------------------------------------------------- child-friendly
class ChildFriendlyRules(_Section):
    # [S47] V: fonts at least 12 pt; [S46] V: say summary or literal and the age band.
    min_font_pt: float = 12
    versions: tuple[str, ...] = ("summary", "literal")
    # Our choice (U): readability targets per age band (Flesch reading ease, higher is
    # easier; language-specific formulas via textstat) and the longest average sentence.
    readability_min: dict[str, float] = {"6-9": 80, "10-13": 70, "14-18": 60}
    max_sentence_words: dict[str, float] = {"6-9": 12, "10-13": 15, "14-18": 20}


class Rules(_Section):
    written: WrittenRules = WrittenRules()
    fonts: FontRules = FontRules()
    oral: OralRules = OralRules()
    side_event: SideEventRules = SideEventRules()
    upr: UprRules = UprRules()
    email: EmailRules = EmailRules()
    child_friendly: ChildFriendlyRules = ChildFriendlyRules()


DEFAULT = Rules()
_current: Rules = DEFAULT


def get_rules() -> Rules:
    """The rules in force (the defaults unless :func:`use_rules` or ``--rules`` changed them)."""
    return _current


def use_rules(rules: Rules) -> None:
    global _current
    _current = rules


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = _merge(base.get(k), v) if k in base else v
        return out
    return over


def load_rules(path: str | Path) -> Rules:
    """Defaults deep-merged with a YAML override file, e.g. ``oral: {seconds: {panel: 90}}``."""
    from .load import read_yaml_plain  # local import: keeps start-up light

    data = read_yaml_plain(Path(path))
    return Rules.model_validate(_merge(DEFAULT.model_dump(), data or {}))
