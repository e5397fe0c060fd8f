"""Dates and lists written the way each language writes them (Babel, imported lazily)."""
from __future__ import annotations

import datetime as dt
import functools

LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "ar": "ar", "zh": "zh_Hans", "ru": "ru_RU"}


def locale_for(lang: str) -> str:
    return LOCALES.get(lang, lang)


@functools.lru_cache(maxsize=4096)
def format_date(d: dt.date, lang: str, fmt: str = "long") -> str:
    """'28 November 2026', '28 novembre 2026', '28 de noviembre de 2026'. Remembered: a
    plan writes the same few hundred dates thousands of times, and Babel takes 40 µs each."""
    from babel.dates import format_date as _fd

    return _fd(d, format=fmt, locale=locale_for(lang))


def format_time(t: dt.time, lang: str) -> str:
    from babel.dates import format_time as _ft

    return _ft(t, format="short", locale=locale_for(lang))


def format_list(items: list[str], lang: str) -> str:
    """'A, B and C' / 'A, B et C' / 'A, B y C'."""
    return _format_list(tuple(items), lang)


@functools.lru_cache(maxsize=4096)
def _format_list(items: tuple[str, ...], lang: str) -> str:
    """Remembered: a report lists the same few recommending States for thousands of rows."""
    from babel.lists import format_list as _fl

    if not items:
        return ""
    if lang == "es" and len(items) > 1 and _takes_e(items[-1]):
        # "y" becomes "e" before a word that starts with the sound i: "Chile e Italia"
        return f"{', '.join(items[:-1])} e {items[-1]}"
    return _fl(items, locale=locale_for(lang))


def _takes_e(word: str) -> bool:
    """Spanish "e" instead of "y" before i-, hi- (not before the diphthongs hie-, hia-, hio-, hiu-)."""
    w = word.strip().lower()
    if w.startswith(("hie", "hia", "hio", "hiu")):
        return False
    return w.startswith(("i", "í", "hi", "hí"))
