"""Every HRC/UPR number and wording uprdraft applies, in one place, each with its source.

Sources are the tags of ``shared/domain-rules.md`` ([S1] ... [S50]); the confidence there
(V verified, P partly, U unverified) is repeated where it matters. The Council changes its
modalities from session to session, so nothing here is hard-wired: every value can be
overridden by a YAML file (``uprdraft --rules FILE ...`` or :func:`load_rules`), which is
deep-merged over these defaults and validated.

Sections: ``written`` (written statements), ``fonts`` (font profiles for check/fix and our
own writers), ``oral`` (oral statements), ``side_event``, ``upr`` (cycle, follow-up
calendar, responses, statuses), ``email`` (the submission e-mail), ``child_friendly``,
``limits`` (how much an input may hold).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    # defer_build: a section's validator is built only when a rules file or mapping is
    # validated. The defaults below are trusted values made with ``model_construct`` (no
    # validation), written exactly as validation would give them (floats for float fields;
    # tests/test_rules_defaults.py checks it), so importing the rules builds no validator.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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
    # in the statement's language; {names} is the joined list. French and Spanish put an
    # article before most names as a subject ("La Fédération ... partage"), which we cannot
    # know: the names follow "l'organisation" / "les organisations" (our wording, U).
    supporter_footnote: dict[str, dict[str, str]] = {
        "en": {
            "one": "{names} also shares the views expressed in this statement.",
            "many": "{names} also share the views expressed in this statement.",
        },
        "fr": {
            "one": "L'organisation {names} partage également les opinions exprimées dans la présente déclaration.",
            "many": "Les organisations {names} partagent également les opinions exprimées dans la présente déclaration.",
        },
        "es": {
            "one": "La organización {names} también comparte las opiniones expresadas en esta declaración.",
            "many": "Las organizaciones {names} también comparten las opiniones expresadas en esta declaración.",
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
    # No rule found (U), same reasoning as tables/images: text boxes may be lost when the
    # Secretariat formats the text; raised/lowered text is allowed on note references only
    # (design.md section 4).
    warn_text_boxes: bool = True
    warn_superscript: bool = True


class FontRules(_Section):
    # Conflict [S1, S2, S3]: TNR 10 plain for the whole text (form checklist; Advisory
    # Committee 2023; seed 2020) vs title TNR 12 bold / body TNR 12 / notes TNR 10 (c. 2009
    # guidelines page). Default hrc-written = TNR 10 plain; legacy_2009 kept as a profile.
    default_profile: str = "hrc-written"
    profiles: dict[str, FontProfile] = {
        "hrc-written": FontProfile.model_construct(),
        "legacy-2009": FontProfile.model_construct(size_pt=12.0, title_size_pt=12.0, footnote_size_pt=10.0,
                                                   title_bold=True),
        # reading scripts and child-friendly versions: large print, emphasis still avoided
        "speaker-script": FontProfile.model_construct(size_pt=14.0, min_size_pt=14.0, warn_tables=False),
        "child-friendly": FontProfile.model_construct(size_pt=12.0, min_size_pt=12.0, warn_tables=False),
        "hrc-report": FontProfile.model_construct(warn_tables=False),  # mid-term reports and plans carry tables
        # ---- next review (issue 16) ----
        # The stakeholder submission has numbered pages (a footer) and tables; the 2008 guide's
        # font line is cut off after "in Times" [S50] (U): Times New Roman 12 is our reading.
        "upr-submission": FontProfile.model_construct(size_pt=12.0, warn_tables=False, warn_header_footer=False,
                                                      warn_images=False),
        # briefs and fact sheets: short documents with a chart and tables (our choice, U)
        "upr-brief": FontProfile.model_construct(size_pt=11.0, warn_tables=False, warn_images=False,
                                                 warn_header_footer=False),
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
    # [S6] V: the six UN languages may be spoken in the Council.
    languages: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")
    # [S6] V: non-ECOSOC groups can speak only through an ECOSOC NGO's slot, in its name.
    statuses_allowed: tuple[str, ...] = ("general", "special", "roster")
    # [S9, S17, S23] V: UPR outcomes are adopted in plenary under agenda item 6.
    upr_agenda_item: int = 6
    # Our choice (U): large print for reading aloud; never below
    # fonts.profiles["speaker-script"].min_size_pt (14 pt). Used by the template build script.
    script_font_pt: float = 16
    script_line_spacing: float = 1.5
    # S4, S8, S9 V/U: video statements no longer than the speaking slot.
    # Opening/closing (U): "Thank you, Mr/Madam President" is practice, not a written rule.
    # The opening and closing are spoken, so they are counted in the time. ar, zh and ru
    # wordings are our translations (U): have them read by a native speaker.
    # Grammar (our choice, U): French and Spanish put an article before most organisation
    # names ("de la", "du", "de l'"; "de la", "del") and we cannot know which one, so the
    # names follow a noun that takes a known article: "au nom de l'organisation X", "au nom
    # des organisations X et Y", "en nombre de las organizaciones X e Y". "on_behalf" is for
    # one organisation, "on_behalf_many" for several (missing: "on_behalf" is used).
    wording: dict[str, dict[str, str]] = {
        "en": {
            "salutation": "Thank you, {president_title}.",
            "salutation_neutral": "Thank you, President.",
            "on_behalf": "I speak on behalf of {organisations}.",
            "on_behalf_many": "I speak on behalf of {organisations}.",
            "closing": "Thank you.",
            "and": "and",
        },
        "fr": {
            "salutation": "Merci, {president_title}.",
            "salutation_neutral": "Merci, Président(e).",
            "on_behalf": "Je m'exprime au nom de l'organisation {organisations}.",
            "on_behalf_many": "Je m'exprime au nom des organisations {organisations}.",
            "closing": "Je vous remercie.",
            "and": "et",
        },
        "es": {
            "salutation": "Gracias, {president_title}.",
            "salutation_neutral": "Gracias, Presidencia.",
            "on_behalf": "Hablo en nombre de la organización {organisations}.",
            "on_behalf_many": "Hablo en nombre de las organizaciones {organisations}.",
            "closing": "Muchas gracias.",
            "and": "y",
        },
        "ar": {
            "salutation": "شكراً، {president_title}.",
            "salutation_neutral": "شكراً، سيادة الرئيس.",
            "on_behalf": "أتحدث باسم {organisations}.",
            "closing": "شكراً.",
            "and": "و",
        },
        "zh": {
            "salutation": "谢谢{president_title}。",
            "salutation_neutral": "谢谢主席。",
            "on_behalf": "我代表{organisations}发言。",
            "closing": "谢谢。",
            "and": "和",
        },
        "ru": {
            "salutation": "Спасибо, {president_title}.",
            "salutation_neutral": "Спасибо, Председатель.",
            "on_behalf": "Я выступаю от имени {organisations}.",
            "closing": "Благодарю за внимание.",
            "and": "и",
        },
    }
    # Labels of the speaker's script (not spoken, not counted). Languages without labels
    # fall back to English with a warning. Video note: [S4, S8, S9, S15] V that video
    # statements are allowed and uploaded through the registration system; specs not found
    # (U), so the note only asks for what is certain: no longer than the speaking slot.
    labels: dict[str, dict[str, str]] = {
        "en": {
            "title": "Oral statement: speaker's script", "text_to_read": "Text to read aloud",
            "session": "Session:", "session_value": "Human Rights Council, session {session}",
            "agenda_item": "Agenda item:", "segment": "Segment:",
            "state_under_review": "State under review:", "organisation": "Organisation:",
            "joint_with": "Jointly with:", "speaker": "Speaker:", "delivery": "Delivery:",
            "timing": "Timing:",
            "timing_value": "about {estimate} of {limit} allowed ({words} words at {wpm} words per minute)",
            "reading_note": "The time at the end of each paragraph, e.g. [0:45], is the time elapsed "
                            "when you finish it. The chair cuts the microphone at {limit}.",
            "video_note": "Video statement: the recording must not be longer than {limit}. Upload it "
                          "through the registration system with the text below.",
            "in-person": "in person", "video": "pre-recorded video",
            "general-debate": "General debate", "interactive-dialogue": "Interactive dialogue",
            "panel": "Panel discussion", "upr-adoption": "Adoption of the UPR outcome",
        },
        "fr": {
            "title": "Déclaration orale : texte de l'orateur", "text_to_read": "Texte à lire",
            "session": "Session :", "session_value": "Conseil des droits de l'homme, {session}e session",
            "agenda_item": "Point de l'ordre du jour :", "segment": "Segment :",
            "state_under_review": "État examiné :", "organisation": "Organisation :",
            "joint_with": "Conjointement avec :", "speaker": "Orateur ou oratrice :",
            "delivery": "Mode :", "timing": "Durée :",
            "timing_value": "environ {estimate} sur {limit} autorisées ({words} mots à {wpm} mots par minute)",
            "reading_note": "Le temps à la fin de chaque paragraphe, par exemple [0:45], est le temps écoulé "
                            "quand vous le terminez. La présidence coupe le micro à {limit}.",
            "video_note": "Déclaration vidéo : l'enregistrement ne doit pas dépasser {limit}. Déposez-le "
                          "dans le système d'inscription avec le texte ci-dessous.",
            "in-person": "en personne", "video": "vidéo préenregistrée",
            "general-debate": "Débat général", "interactive-dialogue": "Dialogue interactif",
            "panel": "Réunion-débat", "upr-adoption": "Adoption du document final de l'EPU",
        },
        "es": {
            "title": "Declaración oral: guion del orador", "text_to_read": "Texto para leer en voz alta",
            "session": "Período de sesiones:",
            "session_value": "Consejo de Derechos Humanos, {session}.º período de sesiones",
            "agenda_item": "Tema de la agenda:", "segment": "Segmento:",
            "state_under_review": "Estado examinado:", "organisation": "Organización:",
            "joint_with": "Conjuntamente con:", "speaker": "Orador u oradora:",
            "delivery": "Modalidad:", "timing": "Duración:",
            "timing_value": "unos {estimate} de {limit} permitidos ({words} palabras a {wpm} palabras por minuto)",
            "reading_note": "El tiempo al final de cada párrafo, por ejemplo [0:45], es el tiempo transcurrido "
                            "al terminarlo. La Presidencia corta el micrófono a los {limit}.",
            "video_note": "Declaración en vídeo: la grabación no debe durar más de {limit}. Súbala al "
                          "sistema de inscripción junto con el texto siguiente.",
            "in-person": "en persona", "video": "vídeo pregrabado",
            "general-debate": "Debate general", "interactive-dialogue": "Diálogo interactivo",
            "panel": "Mesa redonda", "upr-adoption": "Aprobación del resultado del EPU",
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
    # Our choice (U): remind the organisers this many hours before the guest-list deadline
    # (an alarm on the deadline entry of the .ics).
    guest_list_alarm_hours_before: int = 24
    # Working days. [S25] V: side events are held during the session, in the lunch break of
    # the Council's meetings, which sit Monday to Friday; the Palais des Nations rooms are
    # booked through UN Geneva's conference services, closed on weekends and on UN Geneva
    # official holidays. Days of the week as in Python: 0 Monday ... 6 Sunday.
    working_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    # UN Geneva official holidays, by date (U: our reading, check every year). Source: the
    # yearly information circular of the UN Office at Geneva on official holidays (ten days a
    # year, set under General Assembly resolution 52/214 A and decision 52/468); the list
    # changes from year to year (the UNOG Staff Union reported on 12 December 2023 that for
    # 2025 Whit Monday and the Jeûne genevois were replaced by 26 and 27 December). Eid
    # dates follow the moon and may move by a day. Override in a --rules file
    # (side_event: holidays: {2027-05-17: Whit Monday}) when the circular differs.
    holidays: dict[dt.date, str] = {
        dt.date(2026, 1, 1): "New Year's Day",
        dt.date(2026, 3, 20): "Eid al-Fitr",
        dt.date(2026, 4, 3): "Good Friday",
        dt.date(2026, 4, 6): "Easter Monday",
        dt.date(2026, 5, 14): "Ascension Day",
        dt.date(2026, 5, 25): "Whit Monday",
        dt.date(2026, 5, 27): "Eid al-Adha",
        dt.date(2026, 9, 10): "Jeûne genevois",
        dt.date(2026, 12, 25): "Christmas Day",
        dt.date(2027, 1, 1): "New Year's Day",
        dt.date(2027, 3, 10): "Eid al-Fitr",
        dt.date(2027, 3, 26): "Good Friday",
        dt.date(2027, 3, 29): "Easter Monday",
        dt.date(2027, 5, 6): "Ascension Day",
        dt.date(2027, 5, 17): "Whit Monday",
        dt.date(2027, 9, 9): "Jeûne genevois",
        dt.date(2027, 12, 25): "Christmas Day",
    }
    # [S24] V: the Secretariat provides no interpretation; NGOs bring their own interpreters
    # and tell the Secretariat in advance. [S7] V: remote speakers noted in the description.
    # [S25] P/U: State co-sponsorship makes room booking easier. [S26] P: accessibility
    # checklist default (captions, step-free room, accessible formats).
    accessibility_checklist: tuple[str, ...] = ("captions", "step-free room", "accessible formats")
    # Labels of the concept note and the calendar entries, per language (en/fr/es are
    # first class). {title}, {hours} and {date} are filled in by the writer.
    labels: dict[str, dict[str, str]] = {
        "en": {
            "concept_note": "Concept note", "side_event": "Side event", "session": "Session", "colon": ": ",
            "date": "Date", "time": "Time", "geneva_time": "Geneva time", "venue": "Venue",
            "to_be_confirmed": "to be confirmed", "organisers": "Organised by",
            "co_sponsors": "Co-sponsored by", "partners": "In partnership with",
            "objectives": "Objectives", "description": "Description", "speakers": "Speakers",
            "moderator": "Moderator", "panellists": "Panellists", "remote": "remote",
            "agenda": "Agenda", "clock": "Time", "minutes": "min", "item": "Item",
            "speaker": "Speaker", "discussion": "Questions and discussion",
            "languages": "Languages", "interpretation": "Interpretation provided by the organisers",
            "no_interpretation": "No interpretation", "accessibility": "Accessibility",
            "webcast": "Webcast", "webcast_yes": "yes", "contact": "Contact",
            "expected_participants": "Expected participants",
            "guests": "Guests without UN accreditation: send your full name to the contact before {time} on {date} ({hours} hours before the event), so that a pass can be requested.",
            # the deadline falls on a weekend or holiday: the last working day before it
            "guests_working_day": "Guests without UN accreditation: send your full name to the contact before {time} on {date} (the last working day before the deadline {hours} hours before the event), so that a pass can be requested.",
            "guest_list_summary": "Guest list due: {title}",
            "guest_list_description": "Send the list of guests without UN accreditation to the HRC Secretariat ({hours} hours before the event).",
        },
        "fr": {
            "concept_note": "Note conceptuelle", "side_event": "Événement parallèle", "session": "Session",
            "colon": "\u00a0: ",  # French typography: no-break space before the colon
            "date": "Date", "time": "Heure", "geneva_time": "heure de Genève", "venue": "Lieu",
            "to_be_confirmed": "à confirmer", "organisers": "Organisé par",
            "co_sponsors": "Coparrainé par", "partners": "En partenariat avec",
            "objectives": "Objectifs", "description": "Description", "speakers": "Intervenants",
            "moderator": "Modération", "panellists": "Panélistes", "remote": "à distance",
            "agenda": "Programme", "clock": "Heure", "minutes": "min", "item": "Point",
            "speaker": "Intervenant(e)", "discussion": "Questions et débat",
            "languages": "Langues", "interpretation": "Interprétation assurée par les organisateurs",
            "no_interpretation": "Sans interprétation", "accessibility": "Accessibilité",
            "webcast": "Diffusion en ligne", "webcast_yes": "oui", "contact": "Contact",
            "expected_participants": "Participants attendus",
            "guests": "Invités sans accréditation auprès de l'ONU\u00a0: envoyez votre nom complet au contact avant le {date} à {time} ({hours} heures avant l'événement) pour qu'un badge soit demandé.",
            "guests_working_day": "Invités sans accréditation auprès de l'ONU\u00a0: envoyez votre nom complet au contact avant le {date} à {time} (dernier jour ouvrable avant l'échéance de {hours} heures avant l'événement) pour qu'un badge soit demandé.",
            "guest_list_summary": "Liste des invités à envoyer : {title}",
            "guest_list_description": "Envoyer au Secrétariat du CDH la liste des invités sans accréditation ({hours} heures avant l'événement).",
        },
        "es": {
            "concept_note": "Nota conceptual", "side_event": "Evento paralelo", "session": "Período de sesiones",
            "colon": ": ",
            "date": "Fecha", "time": "Hora", "geneva_time": "hora de Ginebra", "venue": "Lugar",
            "to_be_confirmed": "por confirmar", "organisers": "Organizado por",
            "co_sponsors": "Copatrocinado por", "partners": "En colaboración con",
            "objectives": "Objetivos", "description": "Descripción", "speakers": "Ponentes",
            "moderator": "Moderación", "panellists": "Panelistas", "remote": "a distancia",
            "agenda": "Programa", "clock": "Hora", "minutes": "min", "item": "Tema",
            "speaker": "Ponente", "discussion": "Preguntas y debate",
            "languages": "Idiomas", "interpretation": "Interpretación a cargo de los organizadores",
            "no_interpretation": "Sin interpretación", "accessibility": "Accesibilidad",
            "webcast": "Transmisión en línea", "webcast_yes": "sí", "contact": "Contacto",
            "expected_participants": "Participantes previstos",
            "guests": "Invitados sin acreditación ante la ONU: envíen su nombre completo al contacto antes del {date} a las {time} ({hours} horas antes del evento) para solicitar un pase.",
            "guests_working_day": "Invitados sin acreditación ante la ONU: envíen su nombre completo al contacto antes del {date} a las {time} (último día laborable antes del plazo de {hours} horas antes del evento) para solicitar un pase.",
            "guest_list_summary": "Enviar lista de invitados: {title}",
            "guest_list_description": "Enviar a la Secretaría del CDH la lista de invitados sin acreditación ({hours} horas antes del evento).",
        },
    }


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
        CalendarStep.model_construct(key="contact-ministries", start_months=5.0),
        CalendarStep.model_construct(key="action-plan", start_months=5.0, end_months=24.0),
        CalendarStep.model_construct(key="midterm-report", start_months=24.0, end_months=30.0),
        CalendarStep.model_construct(key="stakeholder-submission", start_months=42.0, end_months=48.0),
        CalendarStep.model_construct(key="next-review", start_months=54.0),
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
    # ---- action plans (uprdraft plan) ----
    # The step whose date is "the next review": milestones after it are errors (seed, U;
    # cycle length [S19, S21, S22]). Without such a step, review_date + cycle_years is used.
    next_review_step: str = "next-review"
    # Offsets are months (whole months by calendar arithmetic; a fractional part is that
    # share of the days of the following month, see timeline.add_months); our choice (U).
    # [S40, S42, S43] V: plans name clear responsibilities (actors, lead) and timelines;
    # an item without them is a warning, not an error (the seed's plan is a draft tool).
    warn_missing_actor: bool = True
    warn_missing_milestone: bool = True
    # [S30] V, seed note 7: noted recommendations can still be implemented; they are
    # allowed in a plan and marked with the response label below.
    # Labels of the follow-up calendar steps (seed step 2, U) per language.
    calendar_labels: dict[str, dict[str, str]] = {
        "en": {
            "contact-ministries": "Contact the ministries and encourage bilateral follow-up",
            "action-plan": "Develop the organisation's own action plan",
            "midterm-report": "Take stock of progress and submit a mid-term report",
            "stakeholder-submission": "Prepare the next stakeholder submission",
            "next-review": "Next review (estimate)",
        },
        "fr": {
            "contact-ministries": "Contacter les ministères et encourager le suivi bilatéral",
            "action-plan": "Élaborer le plan d'action de l'organisation",
            "midterm-report": "Faire le point sur les progrès et présenter un rapport à mi-parcours",
            "stakeholder-submission": "Préparer la prochaine contribution des parties prenantes",
            "next-review": "Prochain examen (estimation)",
        },
        "es": {
            "contact-ministries": "Contactar a los ministerios y fomentar el seguimiento bilateral",
            "action-plan": "Elaborar el plan de acción de la organización",
            "midterm-report": "Hacer balance de los avances y presentar un informe de mitad de período",
            "stakeholder-submission": "Preparar la próxima contribución de las partes interesadas",
            "next-review": "Próximo examen (estimación)",
        },
    }
    # Matrix wording per language. Columns follow domain-rules.md section 7 "Recommended
    # columns" [S40-S44] and the seed's step 2 (results, types of action, actors, timetable).
    plan_labels: dict[str, dict[str, str]] = {
        "en": {
            "action_plan": "Action plan", "state_under_review": "State under review", "cycle": "UPR cycle",
            "review_date": "Date of the review", "next_review": "Next review (estimate)",
            "organisation": "Organisation", "recommendation": "Recommendation",
            "recommending_states": "Recommending States", "response": "Response",
            "expected_results": "Expected results", "action_types": "Type of action",
            "actors": "Actors", "lead": "Lead", "indicators": "Indicators", "milestones": "Milestones",
            "budget": "Budget", "status": "Status", "calendar": "Follow-up calendar",
            "step": "Step", "when": "When", "range": "{start} to {end}", "from": "from {start}",
            "para": "para.", "colon": ": ", "event": "UPR {state}: {step}",
            # the calendar's last column: where each step stands on the plan's date (--today)
            "as_of": "On {date}", "past": "past", "current": "under way", "future": "to come",
        },
        "fr": {
            "action_plan": "Plan d'action", "state_under_review": "État examiné", "cycle": "Cycle de l'EPU",
            "review_date": "Date de l'examen", "next_review": "Prochain examen (estimation)",
            "organisation": "Organisation", "recommendation": "Recommandation",
            "recommending_states": "États auteurs", "response": "Réponse",
            "expected_results": "Résultats attendus", "action_types": "Type d'action",
            "actors": "Acteurs", "lead": "Chef de file", "indicators": "Indicateurs", "milestones": "Jalons",
            "budget": "Budget", "status": "État d'avancement", "calendar": "Calendrier de suivi",
            "step": "Étape", "when": "Quand", "range": "du {start} au {end}", "from": "à partir du {start}",
            "para": "par.", "colon": "\u00a0: ", "event": "EPU {state}\u00a0: {step}",  # French puts a (no-break) space before a colon
            "as_of": "Au {date}", "past": "passé", "current": "en cours", "future": "à venir",
        },
        "es": {
            "action_plan": "Plan de acción", "state_under_review": "Estado examinado", "cycle": "Ciclo del EPU",
            "review_date": "Fecha del examen", "next_review": "Próximo examen (estimación)",
            "organisation": "Organización", "recommendation": "Recomendación",
            "recommending_states": "Estados recomendantes", "response": "Respuesta",
            "expected_results": "Resultados esperados", "action_types": "Tipo de acción",
            "actors": "Actores", "lead": "Responsable", "indicators": "Indicadores", "milestones": "Hitos",
            "budget": "Presupuesto", "status": "Estado", "calendar": "Calendario de seguimiento",
            "step": "Etapa", "when": "Cuándo", "range": "del {start} al {end}", "from": "a partir del {start}",
            "para": "párr.", "colon": ": ", "event": "EPU {state}: {step}",
            "as_of": "Al {date}", "past": "pasado", "current": "en curso", "future": "por venir",
        },
    }
    # [S34, S21] V: response labels; [S28, S30] V: status labels; action types (design.md 3).
    response_labels: dict[str, dict[str, str]] = {
        "en": {"supported": "Supported", "noted": "Noted", "supported/noted": "Supported/noted"},
        "fr": {"supported": "Soutenue", "noted": "Notée", "supported/noted": "Soutenue/notée"},
        "es": {"supported": "Apoyada", "noted": "Anotada", "supported/noted": "Apoyada/anotada"},
    }
    status_labels: dict[str, dict[str, str]] = {
        "en": {"fully-implemented": "Fully implemented", "partially-implemented": "Partially implemented",
               "not-implemented": "Not implemented", "no-data": "No data"},
        "fr": {"fully-implemented": "Pleinement mise en œuvre", "partially-implemented": "Partiellement mise en œuvre",
               "not-implemented": "Non mise en œuvre", "no-data": "Pas de données"},
        "es": {"fully-implemented": "Plenamente aplicada", "partially-implemented": "Parcialmente aplicada",
               "not-implemented": "No aplicada", "no-data": "Sin datos"},
    }
    action_type_labels: dict[str, dict[str, str]] = {
        "en": {"political": "Political", "legislative": "Legislative", "policy": "Policy",
               "budgetary": "Budgetary", "institutional": "Institutional", "awareness": "Awareness-raising",
               "monitoring": "Monitoring"},
        "fr": {"political": "Politique", "legislative": "Législative", "policy": "Politique publique",
               "budgetary": "Budgétaire", "institutional": "Institutionnelle", "awareness": "Sensibilisation",
               "monitoring": "Suivi"},
        "es": {"political": "Política", "legislative": "Legislativa", "policy": "Política pública",
               "budgetary": "Presupuestaria", "institutional": "Institucional", "awareness": "Sensibilización",
               "monitoring": "Seguimiento"},
    }
    plan_languages: tuple[str, ...] = ("en", "fr", "es")


# --------------------------------------------------------------------------- submission e-mail
class EmailRules(_Section):
    # Conflict [S1, S3, S4, S5]: hrcngo@ohchr.org (older pages; seed 2020; our users) vs
    # ohchr-hrcngo@un.org (Advisory Committee note, 2023).
    to: str = "hrcngo@ohchr.org"
    # [S1, S3, S4, S5]: the secretariat's addresses seen in its guidance (both sides of the
    # conflict above). An email.to outside this list is a warning (email-to) naming the address.
    secretariat_addresses: tuple[str, ...] = ("hrcngo@ohchr.org", "ohchr-hrcngo@un.org")
    # Conflict [S1, S3]: older subject "<NGO> – written statement(s) submitted to <n>th
    # session" vs 2023 "NGO written statement"; this default meets both.
    subject_template: str = "{ngo} – NGO written statement – HRC{session}"
    docx_mime: str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    # Our choice (U): mail programs open a message with this header as a draft to review.
    draft_header: tuple[str, str] = ("X-Unsent", "1")
    # Our choice (U): SMTP ports by TLS mode (RFC 8314: 465 implicit TLS, 587 submission).
    smtp_ports: dict[str, int] = {"starttls": 587, "ssl": 465, "none": 25}
    smtp_timeout_seconds: float = 30
    # [S1, S2] V: the form fields the secretariat asks for (contact person with phone and
    # e-mail, session, agenda item, segment, NGO name and status, co-sponsors, non-ECOSOC
    # supporters, exact title, word count), as the plain-text body, in the statement's
    # language. {placeholders} are filled by uprdraft.mail.
    body_labels: dict[str, dict[str, str]] = {
        "en": {
            "greeting": "Dear Secretariat,",
            "intro": "Please find attached an NGO written statement for session {session} of the Human Rights Council (HRC{session}).",
            "contact": "Contact person", "phone": "Phone", "email": "E-mail",
            "session": "Session", "session_start": "opening {date}",
            "agenda_item": "Agenda item", "segment": "Segment",
            "lead": "Lead NGO (status)", "co_sponsors": "Co-sponsors",
            "supporters": "NGOs without consultative status supporting the statement",
            "title": "Title", "language": "Language",
            "words": "Word count (including footnotes)", "words_body_only": "Word count (excluding footnotes)",
            "words_detail": "{total} (body {body}, footnotes {footnotes})",
            "attachment": "Attachment", "none": "—",
            "closing": "Kind regards,",
        },
        "fr": {
            "greeting": "Madame, Monsieur,",
            "intro": "Veuillez trouver ci-joint une déclaration écrite d'ONG pour la {session}e session du Conseil des droits de l'homme.",
            "contact": "Personne de contact", "phone": "Téléphone", "email": "Courriel",
            "session": "Session", "session_start": "ouverture le {date}",
            "agenda_item": "Point de l'ordre du jour", "segment": "Segment",
            "lead": "ONG principale (statut)", "co_sponsors": "Coauteurs",
            "supporters": "ONG sans statut consultatif qui soutiennent la déclaration",
            "title": "Titre", "language": "Langue",
            "words": "Nombre de mots (notes de bas de page comprises)",
            "words_body_only": "Nombre de mots (hors notes de bas de page)",
            "words_detail": "{total} (texte {body}, notes {footnotes})",
            "attachment": "Pièce jointe", "none": "—",
            "closing": "Veuillez agréer nos salutations distinguées.",
        },
        "es": {
            "greeting": "Estimada Secretaría:",
            "intro": "Adjuntamos una exposición escrita de ONG para el {session}.º período de sesiones del Consejo de Derechos Humanos.",
            "contact": "Persona de contacto", "phone": "Teléfono", "email": "Correo electrónico",
            "session": "Período de sesiones", "session_start": "apertura el {date}",
            "agenda_item": "Tema de la agenda", "segment": "Segmento",
            "lead": "ONG principal (carácter)", "co_sponsors": "Copatrocinadores",
            "supporters": "ONG sin carácter consultivo que apoyan la exposición",
            "title": "Título", "language": "Idioma",
            "words": "Número de palabras (incluidas las notas a pie de página)",
            "words_body_only": "Número de palabras (sin las notas a pie de página)",
            "words_detail": "{total} (texto {body}, notas {footnotes})",
            "attachment": "Archivo adjunto", "none": "—",
            "closing": "Atentamente,",
        },
    }
    # [S2] V: segment names on the form (ID = interactive dialogue, GD = general debate, Panel).
    segment_names: dict[str, dict[str, str]] = {
        "en": {"interactive-dialogue": "Interactive dialogue", "general-debate": "General debate", "panel": "Panel"},
        "fr": {"interactive-dialogue": "Dialogue interactif", "general-debate": "Débat général", "panel": "Réunion-débat"},
        "es": {"interactive-dialogue": "Diálogo interactivo", "general-debate": "Debate general", "panel": "Mesa redonda"},
    }


# --------------------------------------------------------------------------- mid-term reports
class MidtermRules(_Section):
    # [S27] V: CSO mid-term reports are voluntary; no word limit or template was found, so
    # the report uses the HRC font profile (TNR 10, no emphasis) with tables allowed.
    font_profile: str = "hrc-report"
    child_friendly_profile: str = "child-friendly"  # [S47] V: fonts >= 12 pt
    # [S31, S32] V: thematic clustering. Our choice (U): a recommendation with several
    # themes is listed under each of them ("each"), or only under its first ("first");
    # the statistics count every recommendation once either way.
    group_by_theme: str = Field(default="each", pattern="^(each|first)$")
    # [S28, S30] V: status and response labels; "triggered action" = fully + partially
    # implemented; noted recommendations are reported as well. [S31] P: cite the paragraph
    # number with the WG report symbol.
    languages: tuple[str, ...] = ("en", "fr", "es")
    labels: dict[str, dict[str, str]] = {
        "en": {
            "colon": ": ",  # label-value separator (no space before the colon)
            "state_under_review": "State under review", "cycle": "UPR cycle", "review_date": "Date of the review",
            "wg_report": "Report of the Working Group", "submitted_by": "Submitted by",
            "coalition_members": "Members of the coalition",
            "summary": "Summary", "methodology": "Methodology", "children_participation": "How children took part",
            "statistics": "Implementation at mid-term",
            "statistics_intro": "{total} recommendations by implementation status and by the response of the State under review ({state}). "
                                "Triggered action means fully or partially implemented; noted recommendations are reported as well.",
            "status": "Status", "all": "All recommendations", "count": "Number", "share": "Share",
            "triggered_action": "Triggered action (fully or partially implemented)", "total": "Total",
            "recommendations": "Recommendations by theme",
            "grouping_each": "A recommendation with several themes is listed under each of them; the statistics count it once.",
            "grouping_first": "A recommendation with several themes is listed under its first theme only.",
            "col_id": "Para. ({symbol})", "col_text": "Recommendation", "col_states": "Recommending State(s)",
            "col_response": "Response", "col_status": "Status", "col_assessment": "Assessment",
            "also_under": "Also listed under: {themes}.", "sources": "Sources: {sources}",
            "no_theme": "Other recommendations",
            "voluntary_commitments": "Voluntary commitments", "conclusions": "Conclusions",
            "response_supported": "Supported", "response_noted": "Noted",
            "response_supported/noted": "Supported in part, noted in part", "response_none": "Not known",
            "status_fully-implemented": "Fully implemented", "status_partially-implemented": "Partially implemented",
            "status_not-implemented": "Not implemented", "status_no-data": "No data",
            "moved_since_review": "Since the review ({review_date}), statuses as of {as_of}: {items}.",
            "moved_item": "{status} {now} ({moved} moved there)",
        },
        "fr": {
            "colon": "\u00a0: ",  # label-value separator (French: no-break space before the colon)
            "state_under_review": "État examiné", "cycle": "Cycle de l'EPU", "review_date": "Date de l'examen",
            "wg_report": "Rapport du Groupe de travail", "submitted_by": "Présenté par",
            "coalition_members": "Membres de la coalition",
            "summary": "Résumé", "methodology": "Méthodologie", "children_participation": "Participation des enfants",
            "statistics": "Mise en œuvre à mi-parcours",
            "statistics_intro": "{total} recommandations par état de mise en œuvre et selon la réponse de l'État examiné ({state}). "
                                "Une recommandation a donné lieu à une action si elle est pleinement ou partiellement mise en œuvre\u00a0; "
                                "les recommandations dont il a été pris note figurent aussi.",
            "status": "État", "all": "Toutes les recommandations", "count": "Nombre", "share": "Part",
            "triggered_action": "Ayant donné lieu à une action (pleinement ou partiellement mises en œuvre)",
            "total": "Total",
            "recommendations": "Recommandations par thème",
            "grouping_each": "Une recommandation qui relève de plusieurs thèmes figure sous chacun d'eux\u00a0; les statistiques la comptent une seule fois.",
            "grouping_first": "Une recommandation qui relève de plusieurs thèmes figure seulement sous le premier.",
            "col_id": "Par. ({symbol})", "col_text": "Recommandation", "col_states": "État(s) auteur(s)",
            "col_response": "Réponse", "col_status": "État de mise en œuvre", "col_assessment": "Évaluation",
            "also_under": "Figure aussi sous\u00a0: {themes}.", "sources": "Sources\u00a0: {sources}",
            "no_theme": "Autres recommandations",
            "voluntary_commitments": "Engagements volontaires", "conclusions": "Conclusions",
            "response_supported": "Appuyée", "response_noted": "Notée",
            "response_supported/noted": "Appuyée en partie, notée en partie", "response_none": "Inconnue",
            "status_fully-implemented": "Pleinement mise en œuvre",
            "status_partially-implemented": "Partiellement mise en œuvre",
            "status_not-implemented": "Non mise en œuvre", "status_no-data": "Pas de données",
            "moved_since_review": "Depuis l'examen ({review_date}), état au {as_of}\u00a0: {items}.",
            "moved_item": "{status} {now} (dont {moved} depuis l'examen)",
        },
        "es": {
            "colon": ": ",  # label-value separator (no space before the colon)
            "state_under_review": "Estado examinado", "cycle": "Ciclo del EPU", "review_date": "Fecha del examen",
            "wg_report": "Informe del Grupo de Trabajo", "submitted_by": "Presentado por",
            "coalition_members": "Miembros de la coalición",
            "summary": "Resumen", "methodology": "Metodología",
            "children_participation": "Participación de niñas, niños y adolescentes",
            "statistics": "Aplicación a mitad de período",
            "statistics_intro": "{total} recomendaciones según su grado de aplicación y la respuesta del Estado examinado ({state}). "
                                "Una recomendación dio lugar a medidas si se aplicó plena o parcialmente; "
                                "también se informa sobre las recomendaciones de las que se tomó nota.",
            "status": "Situación", "all": "Todas las recomendaciones", "count": "Número", "share": "Porcentaje",
            "triggered_action": "Dieron lugar a medidas (aplicadas plena o parcialmente)", "total": "Total",
            "recommendations": "Recomendaciones por tema",
            "grouping_each": "Una recomendación con varios temas figura en cada uno de ellos; las estadísticas la cuentan una sola vez.",
            "grouping_first": "Una recomendación con varios temas figura solo en el primero.",
            "col_id": "Párr. ({symbol})", "col_text": "Recomendación", "col_states": "Estado(s) recomendante(s)",
            "col_response": "Respuesta", "col_status": "Situación", "col_assessment": "Evaluación",
            "also_under": "Figura también en: {themes}.", "sources": "Fuentes: {sources}",
            "no_theme": "Otras recomendaciones",
            "voluntary_commitments": "Compromisos voluntarios", "conclusions": "Conclusiones",
            "response_supported": "Apoyada", "response_noted": "Anotada",
            "response_supported/noted": "Apoyada en parte, anotada en parte", "response_none": "Desconocida",
            "status_fully-implemented": "Plenamente aplicada", "status_partially-implemented": "Parcialmente aplicada",
            "status_not-implemented": "No aplicada", "status_no-data": "Sin datos",
            "moved_since_review": "Desde el examen ({review_date}), situación al {as_of}: {items}.",
            "moved_item": "{status} {now} ({moved} desde el examen)",
        },
    }


# --------------------------------------------------------------------------- child-friendly
class ChildFriendlyRules(_Section):
    # [S47] V: fonts at least 12 pt; [S46] V: say summary or literal and the age band.
    min_font_pt: float = 12
    versions: tuple[str, ...] = ("summary", "literal")
    # Our choice (U): readability targets per age band (Flesch reading ease, higher is
    # easier; language-specific formulas via textstat) and the longest average sentence.
    readability_min: dict[str, float] = {"6-9": 80, "10-13": 70, "14-18": 60}
    max_sentence_words: dict[str, float] = {"6-9": 12, "10-13": 15, "14-18": 20}
    # [S46] V: bands of 3-5 years, e.g. 10-13, 14-18; an age_band must be one of the keys
    # above. Our choice (U): the index is textstat's flesch_reading_ease after
    # textstat.set_lang(lang), i.e. Flesch (en), Kandel & Moles (fr), Fernandez Huerta (es);
    # all three read 0-100, higher is easier.
    readability_index: dict[str, str] = {
        "en": "Flesch reading ease", "fr": "Flesch (Kandel et Moles)", "es": "Fernández Huerta",
    }
    languages: tuple[str, ...] = ("en", "fr", "es")
    # [S46] V: the document says whether it is a summary or a literal version, and for
    # which age band. {age_band} is filled in; "title" is the default title.
    wording: dict[str, dict[str, str]] = {
        "en": {
            "summary": "This is a child-friendly summary of our report, written for children and young people aged {age_band}.",
            "literal": "This is a child-friendly version of our whole report, written for children and young people aged {age_band}.",
            "title": "{state}: our report in child-friendly words",
            "about": "About this document",
            # age bands written as words: "10-13" -> "10 to 13" (no hyphen to break at)
            "age_range": "{low} to {high}", "by": "Written by", "date": "Date", "contact": "Contact",
        },
        "fr": {
            "summary": "Ceci est un résumé adapté aux enfants de notre rapport, écrit pour les enfants et les jeunes de {age_band} ans.",
            "literal": "Ceci est une version intégrale adaptée aux enfants de notre rapport, écrite pour les enfants et les jeunes de {age_band} ans.",
            "title": "{state}\u00a0: notre rapport en mots simples",
            "about": "À propos de ce document",
            "age_range": "{low} à {high}", "by": "Écrit par", "date": "Date", "contact": "Contact",
        },
        "es": {
            "summary": "Este es un resumen de nuestro informe adaptado a niñas, niños y adolescentes de {age_band} años.",
            "literal": "Esta es una versión completa de nuestro informe adaptada a niñas, niños y adolescentes de {age_band} años.",
            "title": "{state}: nuestro informe en palabras sencillas",
            "about": "Sobre este documento",
            "age_range": "{low} a {high}", "by": "Escrito por", "date": "Fecha", "contact": "Contacto",
        },
    }


# --------------------------------------------------------------------------- importing recommendations
class ImportRules(_Section):
    # How the response wording of exports maps onto ours. [S34, S21, S35] V: the current
    # vocabulary is supported / noted; UPR Info says accepted / noted. [S36] V: 1st-cycle
    # data still says "rejected", which is not an official response: read it as noted, with
    # a warning. "Supported/Noted" (a recommendation the State split) is kept as
    # "supported/noted" and flagged so the author splits it. "Voluntary Pledge" (UPR Info
    # voluntary file) becomes a voluntary commitment, not a recommendation. Keys are
    # compared lowercase, with spaces and hyphens collapsed.
    responses: dict[str, str] = {
        "supported": "supported", "accepted": "supported", "accepted/supported": "supported",
        "noted": "noted", "not accepted": "noted", "not supported": "noted",
        "rejected": "noted",
        "supported/noted": "supported/noted", "accepted/noted": "supported/noted",
        "partially supported": "supported/noted", "partially accepted": "supported/noted",
        "voluntary pledge": "voluntary", "voluntary commitment": "voluntary",
        # [S36] V/U: historic values with no position; kept as no response
        "without clear position": "", "no response": "", "pending": "", "": "",
    }
    # [S36] V: responses that were never official and deserve a warning when read.
    responses_warn: tuple[str, ...] = ("rejected", "not accepted", "not supported")
    # UPR Info rows carry no WG paragraph number (export columns seen in the corpus, U):
    # we synthesise a stable id from the session and the row of the file. The prefix can
    # never match the WG paragraph pattern (digits.digits), so nobody cites it as one.
    uprinfo_id: str = "UPRI-S{session}-R{row}"
    voluntary_id: str = "VP-S{session}-R{row}"
    # UHRI rows normally open with the paragraph number ("140.7 Ratify ..."); when one
    # does not, this id is used instead.
    uhri_id: str = "UHRI-R{row}"
    # Our choice: scores closer than this between cp1252 and Mac Roman are reported as
    # ambiguous (a warning asking to confirm with --encoding).
    encoding_margin: int = 3
    # Input bounds for CSV and XLSX tables (our choice, U): enough for the whole UPR Info
    # database export (42,013 rows, 10.4 MB as CSV; 33 MB of worksheet XML as XLSX), small
    # enough that no file takes more than seconds or a few hundred MB. Over a limit: exit 2,
    # one line naming the key; raise it in a --rules file, e.g. importing: {max_rows: 200000}.
    max_file_mb: int = Field(default=50, ge=1, description="Largest CSV or XLSX file read, in MB (table-too-large).")
    max_rows: int = Field(default=100_000, ge=1, description="Most data rows read from a table (too-many-rows).")
    max_expanded_mb: int = Field(default=40, ge=1, description=(
        "Most MB a workbook's zip parts expand to, each and together, and most MB of cell text read from it "
        "(workbook-too-large)."))
    max_row_findings: int = Field(default=200, ge=1, description=(
        "Most warnings listed for one code, one per row; past it, one line gives the count."))
    max_expansion_ratio: int = Field(default=100, ge=1, description=(
        "Most times a workbook part over 1 MB may expand its packed size (workbook-ratio)."))


# --------------------------------------------------------------------------- input limits
class LimitRules(_Section):
    """Bounds on what uprdraft reads, so that no input (however small) makes it run for
    long or grow without bound. Raise one in a rules file (``limits: {yaml_nodes: 2000000}``)
    to read a bigger input."""

    # our choice: a text input (YAML, JSON, Markdown) of at most 10 MB; a mid-term report of
    # 5,000 recommendations is about 3 MB
    text_bytes: int = Field(default=10_000_000, ge=1)
    # our choice: values in a YAML or JSON input, counting each alias (``*name``) as a full
    # copy of what it refers to; 5,000 recommendations are about 110,000
    yaml_nodes: int = Field(default=500_000, ge=1)
    # our choice: lists and mappings inside one another; our inputs need at most 8
    nesting_depth: int = Field(default=50, ge=1, le=900)
    # our choice: megabytes of text in the body of a Word file we write. Memory grows about
    # 16 MB for each, so 20 keeps any document within 500 MB and 10 s, whatever the input
    # makes of it (a plan of 3,000 items is about 11; 5,000 recommendations, about 10)
    document_mb: int = Field(default=20, ge=1)


# --------------------------------------------------------------------------- bounds on Word files
class WordFileRules(_Section):
    # Our choice (no HRC rule): technical bounds on any Word file that check, fix or a
    # custom template reads, so that no file, however it expands, takes more than 10 s or
    # 500 MB. The defaults are uprdraft.ooxml.limits.Limits (kept equal by a test); each
    # bound has its own finding code (word-file-size, word-part-size, word-expanded-size,
    # word-zip-ratio, word-parts, word-paragraphs, word-runs).
    max_file_bytes: int = Field(50_000_000, gt=0)
    max_member_bytes: int = Field(64_000_000, gt=0)
    max_total_bytes: int = Field(100_000_000, gt=0)
    max_ratio: int = Field(100, gt=0)
    max_members: int = Field(5000, gt=0)
    max_part_bytes: int = Field(6_000_000, gt=0)
    max_xml_bytes: int = Field(12_000_000, gt=0)
    max_paragraphs: int = Field(20_000, gt=0)
    max_runs: int = Field(100_000, gt=0)
    # paragraphs listed per finding code by check; the others are counted in one line
    findings_per_code: int = Field(20, gt=0)


# --------------------------------------------------------------------------- next review (issue 16)
# Stakeholder submissions, pre-session statements, briefs for recommending States,
# child-friendly recommendations and fact sheets. Sources are the tags of domain-rules.md
# section 12 [S50-S53] and the seed; docs/domain-rules-next-review.md says what could and
# could not be checked here (no web access when this was written).
class SubmissionRules(_Section):
    # [S50] V (2008 guide): uprsubmissions@ohchr.org; an online upload system exists since
    # about 2015 [S52] P. The route is a rule: "email" writes an .eml draft, "upload" only
    # reminds where to upload (the draft is still written for the record).
    to: str = "uprsubmissions@ohchr.org"
    route: str = Field(default="email", pattern="^(email|upload)$")
    upload_url: str = "https://uprdoc.ohchr.org"  # U: the address of the online system was not checked
    # [S50] V: "<main stakeholder> – individual or joint UPR submission – <State> – <month
    # year of the session>", e.g. "Women's coalition – joint UPR submission – Brazil – April 2008".
    subject_template: str = "{organisation} – {type} UPR submission – {state} – {month_year}"
    subject_types: dict[str, str] = {"individual": "individual", "joint": "joint"}
    subject_month_locale: str = "en"  # the example is English; month names in this locale
    # Length. [S50] V: 2008 guide, at most 5 pages (individual) and 10 pages (large coalitions).
    # [S51] U: later cycles use word limits, reported as 2,815 words (individual) and 5,630
    # (joint); NOT checked against the current OHCHR guidelines here (no web access), nor
    # whether footnotes count. Defaults: the word limit is checked (length_check "words"),
    # footnotes counted (the stricter reading, as for written statements [S2]).
    word_limit: dict[str, int] = {"individual": 2815, "joint": 5630}
    page_limit: dict[str, int] = {"individual": 5, "joint": 10}
    count_footnotes: bool = True
    length_check: str = Field(default="words", pattern="^(words|pages|both)$")
    # Our estimate (U) for the page check: words on one A4 page in the submission's profile.
    words_per_page: int = 500
    # [S50] V: Word only, paragraphs and pages numbered; Times (the size is cut off in the
    # copy seen, U): see fonts.profiles["upr-submission"].
    font_profile: str = "upr-submission"
    # [S50] V: UN official languages, preferably English, French or Spanish (our templates).
    languages: tuple[str, ...] = ("en", "fr", "es")
    # [S50] V: due by 12:00 noon Geneva time on the published day; late ones not considered.
    deadline_time: str = "12:00"
    timezone: str = "Europe/Zurich"  # Geneva
    deadline_warn_days: int = 7  # our choice (U): warn in the last week
    reminder_days_before: int = 7  # the .ics alarm, one week before (our choice, U)
    # [S50] V: at most the 4 years since the previous review.
    period_years: int = 4
    # [S50] V: refrain from annexing reports of other organisations.
    annexes_allowed: bool = False


class PreSessionRules(_Section):
    # [S53] P (UPR Info FAQ): each speaker has about 5-7 minutes, in English; the statement
    # goes to the organisers about two weeks before; the organisation's description is at
    # most 200 words. The pace and pauses are those of oral statements (rules.oral).
    min_seconds: int = 300
    max_seconds: int = 420
    warn_ratio: float = 0.95  # our choice (U): warn when less than 5% of the time is left
    language: str = "en"
    days_before_due: int = 14
    due_warn_days: int = 7  # our choice (U)
    due_reminder_days: int = 3  # the .ics alarm before the due day (our choice, U)
    description_max_words: int = 200
    font_profile: str = "speaker-script"


class BriefRules(_Section):
    # seed V: brief the recommending States on what they recommended and keep noted
    # recommendations on the table. File names (our choice): ASCII letters, digits and
    # hyphens, at most max_name_length characters, Windows device names avoided.
    file_prefix: str = "brief-"
    max_name_length: int = 60
    index_name: str = "index.docx"
    font_profile: str = "upr-brief"


class NextReviewRules(_Section):
    submission: SubmissionRules = SubmissionRules.model_construct()
    pre_session: PreSessionRules = PreSessionRules.model_construct()
    briefs: BriefRules = BriefRules.model_construct()
    factsheet_profile: str = "upr-brief"
    # Chart colours (our choice): dark blue and orange, told apart by people with the common
    # colour-vision deficiencies; the numbers are also given as a table and in the alt text.
    chart_colours: tuple[str, str] = ("1F4E79", "E07B00")
    languages: tuple[str, ...] = ("en", "fr", "es")
    # Fixed words of the new documents, per language. Status and response names come from
    # rules.upr.status_labels / response_labels.
    labels: dict[str, dict[str, str]] = {
        "en": {
            "colon": ": ",
            "individual_heading": "Submission to the Universal Periodic Review of {state}",
            "joint_heading": "Joint submission to the Universal Periodic Review of {state}",
            "session_line": "Universal Periodic Review, session {session}, {month_year}",
            "session_line_nosession": "Universal Periodic Review, {month_year}",
            "submitted_by": "Submitted by", "organisations": "Submitting organisations",
            "contact": "Contact", "key_words": "Key words", "executive_summary": "Executive summary",
            "about": "About the submitting organisations", "introduction": "Introduction and methodology",
            "implementation": "Implementation of the recommendations of the previous review",
            "implementation_intro": "{total} recommendations of the previous review ({symbol}) by implementation "
                                    "status and by the response of {state}.",
            "previous": "Recommendations of the previous review", "assessment": "Assessment",
            "new_recommendations": "Recommendations",
            "new_recommendations_intro": "We recommend that {state}:",
            "col_id": "Para.", "col_text": "Recommendation", "col_states": "Recommending States",
            "col_response": "Response", "col_status": "Status", "col_all": "All", "total": "Total",
            "no_theme": "Other recommendations",
            "chart_alt": "Bar chart: implementation status of {total} recommendations, supported and noted. {details}",
            "chart_item": "{status}: {supported} supported, {noted} noted.",
            "chart_name": "Implementation status",
            # pre-session statement
            "ps_title": "Pre-session statement: speaker's script",
            "ps_state": "State under review", "ps_date": "Pre-session", "ps_organisation": "Organisation",
            "ps_joint_with": "Jointly with", "ps_speaker": "Speaker", "ps_timing": "Timing",
            "ps_timing_value": "about {estimate} of {limit} ({words} words at {wpm} words per minute)",
            "ps_reading_note": "The time at the end of each paragraph, e.g. [1:45], is the time elapsed when you "
                               "finish it. Each speaker has {min} to {max}.",
            "ps_due": "Send the statement to the organisers by {date}.",
            "ps_about": "About the organisation",
            "ps_text_header": "Pre-session on {state}, {date}",
            # briefs
            "brief_title": "Brief for {recipient}",
            "brief_subtitle": "UPR recommendations made to {state} and their follow-up",
            "brief_intro": "At the review of {state} on {date}, {recipient} made {count} of the recommendations "
                           "({symbol}). Below are the response of {state}, their implementation status and our asks "
                           "for your bilateral follow-up.",
            "brief_yours": "Your recommendations", "brief_asks": "Our asks",
            "brief_noted": "NOTED: {state} did not support this recommendation; it can still be implemented, "
                           "and we ask you to keep it on the table.",
            "brief_from": "From", "brief_no_asks": "No specific asks: please follow up on the recommendations above.",
            "index_title": "Briefs for recommending States: UPR of {state}",
            "index_intro": "{states} States made the {total} recommendations to {state} ({symbol}). One brief per "
                           "State is in this folder.",
            "col_state": "Recommending State", "col_count": "Recommendations", "col_supported": "Supported",
            "col_noted": "Noted", "col_action": "Fully or partially implemented", "col_file": "File",
            # child-friendly recommendations
            "cf_title": "What other countries asked {state} to do: the recommendations in simple words",
            "cf_about": "About this document",
            "cf_note": "These are the recommendations {state} received at its review, written for children and "
                       "young people aged {age_band}. The official text is kept beside each one, so that you can "
                       "check what it really says.",
            "cf_children": "How children took part", "cf_simple": "In simple words", "cf_official": "Official text",
            "cf_para": "Paragraph {id}", "cf_from": "Asked by: {states}",
            "cf_supported": "{state} said yes.", "cf_noted": "{state} did not say yes, but only took note.",
            "cf_missing": "(no simple version yet)",
            # fact sheet
            "fs_label": "Fact sheet", "fs_key_messages": "Key messages", "fs_figures": "Implementation in figures",
            "fs_intro": "{total} recommendations to {state} ({symbol}), reviewed on {date}.",
            "fs_triggered": "Triggered action (fully or partially implemented): {count} of {total}",
            "fs_by": "By",
        },
        "fr": {
            "colon": "\u00a0: ",
            "individual_heading": "Contribution à l'Examen périodique universel de l'État examiné\u00a0: {state}",
            "joint_heading": "Contribution conjointe à l'Examen périodique universel de l'État examiné\u00a0: {state}",
            "session_line": "Examen périodique universel, {session}e session, {month_year}",
            "session_line_nosession": "Examen périodique universel, {month_year}",
            "submitted_by": "Présentée par", "organisations": "Organisations auteurs",
            "contact": "Contact", "key_words": "Mots clés", "executive_summary": "Résumé",
            "about": "Présentation des organisations", "introduction": "Introduction et méthodologie",
            "implementation": "Mise en œuvre des recommandations de l'examen précédent",
            "implementation_intro": "{total} recommandations de l'examen précédent ({symbol}) par état de mise en "
                                    "œuvre et selon la réponse de l'État examiné ({state}).",
            "previous": "Recommandations de l'examen précédent", "assessment": "Évaluation",
            "new_recommendations": "Recommandations",
            "new_recommendations_intro": "Nous recommandons à l'État examiné ({state})\u00a0:",
            "col_id": "Par.", "col_text": "Recommandation", "col_states": "États auteurs",
            "col_response": "Réponse", "col_status": "État de mise en œuvre", "col_all": "Toutes", "total": "Total",
            "no_theme": "Autres recommandations",
            "chart_alt": "Diagramme en barres\u00a0: état de mise en œuvre de {total} recommandations, appuyées et "
                         "notées. {details}",
            "chart_item": "{status}\u00a0: {supported} appuyées, {noted} notées.",
            "chart_name": "État de mise en œuvre",
            "ps_title": "Déclaration de pré-session\u00a0: texte de l'orateur",
            "ps_state": "État examiné", "ps_date": "Pré-session", "ps_organisation": "Organisation",
            "ps_joint_with": "Conjointement avec", "ps_speaker": "Orateur ou oratrice", "ps_timing": "Durée",
            "ps_timing_value": "environ {estimate} sur {limit} ({words} mots à {wpm} mots par minute)",
            "ps_reading_note": "Le temps à la fin de chaque paragraphe, par exemple [1:45], est le temps écoulé "
                               "quand vous le terminez. Chaque intervenant dispose de {min} à {max}.",
            "ps_due": "Envoyez la déclaration aux organisateurs au plus tard le {date}.",
            "ps_about": "Présentation de l'organisation",
            "ps_text_header": "Pré-session sur l'État examiné ({state}), {date}",
            "brief_title": "Note d'information pour l'État auteur\u00a0: {recipient}",
            "brief_subtitle": "Recommandations de l'EPU adressées à l'État examiné ({state}) et leur suivi",
            "brief_intro": "Lors de l'examen de l'État examiné ({state}) le {date}, l'État auteur ({recipient}) a "
                           "formulé {count} des recommandations ({symbol}). Voici la réponse de l'État examiné, "
                           "l'état de mise en œuvre et nos demandes pour votre suivi bilatéral.",
            "brief_yours": "Vos recommandations", "brief_asks": "Nos demandes",
            "brief_noted": "NOTÉE\u00a0: l'État examiné ({state}) n'a pas appuyé cette recommandation\u00a0; elle "
                           "peut encore être mise en œuvre et nous vous demandons de la maintenir à l'ordre du jour.",
            "brief_from": "De la part de",
            "brief_no_asks": "Pas de demande particulière\u00a0: merci d'assurer le suivi des recommandations ci-dessus.",
            "index_title": "Notes d'information pour les États auteurs\u00a0: EPU de l'État examiné ({state})",
            "index_intro": "{states} États ont formulé les {total} recommandations adressées à l'État examiné "
                           "({state}, {symbol}). Ce dossier contient une note par État.",
            "col_state": "État auteur", "col_count": "Recommandations", "col_supported": "Appuyées",
            "col_noted": "Notées", "col_action": "Pleinement ou partiellement mises en œuvre", "col_file": "Fichier",
            "cf_title": "Ce que d'autres pays ont demandé à l'État examiné ({state})\u00a0: les recommandations en mots simples",
            "cf_about": "À propos de ce document",
            "cf_note": "Voici les recommandations reçues par l'État examiné ({state}) lors de son examen, écrites "
                       "pour les enfants et les jeunes de {age_band} ans. Le texte officiel figure à côté de "
                       "chacune, pour vérifier ce qu'elle dit vraiment.",
            "cf_children": "Comment les enfants ont participé", "cf_simple": "En mots simples",
            "cf_official": "Texte officiel", "cf_para": "Paragraphe {id}", "cf_from": "Demandé par\u00a0: {states}",
            "cf_supported": "L'État examiné ({state}) a dit oui.",
            "cf_noted": "L'État examiné ({state}) n'a pas dit oui\u00a0: il en a seulement pris note.",
            "cf_missing": "(pas encore de version simple)",
            "fs_label": "Fiche d'information", "fs_key_messages": "Messages clés",
            "fs_figures": "La mise en œuvre en chiffres",
            "fs_intro": "{total} recommandations adressées à l'État examiné ({state}, {symbol}), examen du {date}.",
            "fs_triggered": "Ayant donné lieu à une action (pleinement ou partiellement mises en œuvre)\u00a0: "
                            "{count} sur {total}",
            "fs_by": "Par",
        },
        "es": {
            "colon": ": ",
            "individual_heading": "Contribución al Examen Periódico Universal del Estado examinado: {state}",
            "joint_heading": "Contribución conjunta al Examen Periódico Universal del Estado examinado: {state}",
            "session_line": "Examen Periódico Universal, {session}.º período de sesiones, {month_year}",
            "session_line_nosession": "Examen Periódico Universal, {month_year}",
            "submitted_by": "Presentada por", "organisations": "Organizaciones que la presentan",
            "contact": "Contacto", "key_words": "Palabras clave", "executive_summary": "Resumen ejecutivo",
            "about": "Presentación de las organizaciones", "introduction": "Introducción y metodología",
            "implementation": "Aplicación de las recomendaciones del examen anterior",
            "implementation_intro": "{total} recomendaciones del examen anterior ({symbol}) según su grado de "
                                    "aplicación y la respuesta del Estado examinado ({state}).",
            "previous": "Recomendaciones del examen anterior", "assessment": "Evaluación",
            "new_recommendations": "Recomendaciones",
            "new_recommendations_intro": "Recomendamos al Estado examinado ({state}):",
            "col_id": "Párr.", "col_text": "Recomendación", "col_states": "Estados recomendantes",
            "col_response": "Respuesta", "col_status": "Situación", "col_all": "Todas", "total": "Total",
            "no_theme": "Otras recomendaciones",
            "chart_alt": "Gráfico de barras: grado de aplicación de {total} recomendaciones, apoyadas y anotadas. "
                         "{details}",
            "chart_item": "{status}: {supported} apoyadas, {noted} anotadas.",
            "chart_name": "Grado de aplicación",
            "ps_title": "Declaración para la presesión: guion del orador",
            "ps_state": "Estado examinado", "ps_date": "Presesión", "ps_organisation": "Organización",
            "ps_joint_with": "Conjuntamente con", "ps_speaker": "Orador u oradora", "ps_timing": "Duración",
            "ps_timing_value": "unos {estimate} de {limit} ({words} palabras a {wpm} palabras por minuto)",
            "ps_reading_note": "El tiempo al final de cada párrafo, por ejemplo [1:45], es el tiempo transcurrido "
                               "al terminarlo. Cada orador dispone de {min} a {max}.",
            "ps_due": "Envíe la declaración a los organizadores a más tardar el {date}.",
            "ps_about": "Presentación de la organización",
            "ps_text_header": "Presesión sobre el Estado examinado ({state}), {date}",
            "brief_title": "Nota informativa para el Estado recomendante: {recipient}",
            "brief_subtitle": "Recomendaciones del EPU al Estado examinado ({state}) y su seguimiento",
            "brief_intro": "En el examen del Estado examinado ({state}) del {date}, el Estado recomendante "
                           "({recipient}) formuló {count} de las recomendaciones ({symbol}). A continuación figuran "
                           "la respuesta del Estado examinado, su grado de aplicación y nuestras peticiones para su "
                           "seguimiento bilateral.",
            "brief_yours": "Sus recomendaciones", "brief_asks": "Nuestras peticiones",
            "brief_noted": "ANOTADA: el Estado examinado ({state}) no apoyó esta recomendación; aún puede aplicarse "
                           "y le pedimos que la mantenga en la agenda.",
            "brief_from": "De", "brief_no_asks": "Sin peticiones concretas: le rogamos dar seguimiento a las "
                                                 "recomendaciones anteriores.",
            "index_title": "Notas informativas para los Estados recomendantes: EPU del Estado examinado ({state})",
            "index_intro": "{states} Estados formularon las {total} recomendaciones al Estado examinado ({state}, "
                           "{symbol}). Esta carpeta contiene una nota por Estado.",
            "col_state": "Estado recomendante", "col_count": "Recomendaciones", "col_supported": "Apoyadas",
            "col_noted": "Anotadas", "col_action": "Aplicadas plena o parcialmente", "col_file": "Archivo",
            "cf_title": "Lo que otros países pidieron al Estado examinado ({state}): las recomendaciones en palabras sencillas",
            "cf_about": "Sobre este documento",
            "cf_note": "Estas son las recomendaciones que recibió el Estado examinado ({state}) en su examen, "
                       "escritas para niñas, niños y adolescentes de {age_band} años. El texto oficial figura al "
                       "lado de cada una, para comprobar lo que dice realmente.",
            "cf_children": "Cómo participaron niñas, niños y adolescentes", "cf_simple": "En palabras sencillas",
            "cf_official": "Texto oficial", "cf_para": "Párrafo {id}", "cf_from": "Lo pidieron: {states}",
            "cf_supported": "El Estado examinado ({state}) dijo que sí.",
            "cf_noted": "El Estado examinado ({state}) no dijo que sí: solo tomó nota.",
            "cf_missing": "(todavía sin versión sencilla)",
            "fs_label": "Hoja informativa", "fs_key_messages": "Mensajes clave",
            "fs_figures": "La aplicación en cifras",
            "fs_intro": "{total} recomendaciones al Estado examinado ({state}, {symbol}), examen del {date}.",
            "fs_triggered": "Dieron lugar a medidas (aplicadas plena o parcialmente): {count} de {total}",
            "fs_by": "Por",
        },
    }


# --------------------------------------------------------------------------- the web application
class ServeRules(_Section):
    # Our choice: the largest request `uprdraft serve` reads (a form's JSON, an uploaded
    # Word file or recommendations export); the Word reader's own bounds still apply.
    max_body_bytes: int = Field(default=32 * 1024 * 1024, ge=1024)
    # Our choice: the files its pages take (the inputs the CLI reads).
    upload_suffixes: tuple[str, ...] = (".docx", ".csv", ".xlsx", ".yaml", ".yml", ".md")


class Rules(_Section):
    written: WrittenRules = WrittenRules.model_construct()
    fonts: FontRules = FontRules.model_construct()
    oral: OralRules = OralRules.model_construct()
    side_event: SideEventRules = SideEventRules.model_construct()
    upr: UprRules = UprRules.model_construct()
    email: EmailRules = EmailRules.model_construct()
    child_friendly: ChildFriendlyRules = ChildFriendlyRules.model_construct()
    midterm: MidtermRules = MidtermRules.model_construct()
    importing: ImportRules = ImportRules.model_construct()
    limits: LimitRules = LimitRules.model_construct()
    word_files: WordFileRules = WordFileRules.model_construct()
    next_review: NextReviewRules = NextReviewRules.model_construct()  # issue 16
    serve: ServeRules = ServeRules.model_construct()


DEFAULT = Rules.model_construct()


def get_rules() -> Rules:
    """The default rules (kept while the last callers move to explicit ``rules``)."""
    return DEFAULT


def _merge(base: Any, over: Any) -> Any:
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = _merge(base.get(k), v) if k in base else v
        return out
    return over


def from_mapping(data: Mapping[str, Any], where: str = "rules") -> Rules:
    """Defaults deep-merged with a mapping shaped like the YAML rules file, validated."""
    from pydantic import ValidationError

    from .findings import InputError

    if not isinstance(data, Mapping):
        raise InputError(f"{where}: the rules must be a mapping of sections (written, oral, ...), "
                         f"not {type(data).__name__}", code="rules")
    try:
        return Rules.model_validate(_merge(DEFAULT.model_dump(), _plain(data)))
    except ValidationError as e:
        from .schema_messages import message, walk

        err = e.errors(include_url=False)[0]
        loc, parent, info, ann = walk(Rules, tuple(err["loc"]))
        name = ".".join(str(p) for p in loc)
        raise InputError(f"{where}: in the rules, {message(dict(err), name, parent, info, ann)}",
                         code="rules") from None


def _plain(value: Any) -> Any:
    """Nested mappings as dicts, so :func:`_merge` goes into every level."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def load_rules(path: str | PathLike[str]) -> Rules:
    """Defaults deep-merged with a YAML override file, e.g. ``oral: {seconds: {panel: 90}}``."""
    from .load import read_yaml_plain  # local import: keeps start-up light

    data = read_yaml_plain(Path(path))
    return from_mapping(data or {}, str(path))


def resolve(rules: Rules | Mapping[str, Any] | str | PathLike[str] | None = None) -> Rules:
    """The rules to apply: the defaults (None), a :class:`Rules`, a mapping shaped like the
    YAML rules file (merged over the defaults), or the path of such a file."""
    if rules is None:
        return DEFAULT
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, (str, PathLike)):
        return load_rules(rules)
    if isinstance(rules, Mapping):
        return from_mapping(rules)
    from .findings import InputError

    raise InputError(f"rules: give a mapping, a Rules object or the path of a YAML rules file, "
                     f"not {type(rules).__name__}", code="usage")
