"""Readability of child-friendly text in English, French and Spanish.

Two measures, each against a target per age band from ``rules.child_friendly`` (our choice,
no source prescribes a metric [S46, S47]):

- the average sentence length in words (short sentences [S47]);
- textstat's ``flesch_reading_ease`` after ``textstat.set_lang(lang)``, which applies the
  language's own constants: Flesch (en), Kandel & Moles (fr), Fernandez Huerta (es).
  0-100, higher is easier.

Above a target (longer sentences, or a lower score) is a warning, never an error: the
children who test the text have the last word [S46, S47].

textstat counts English syllables with NLTK's CMU dictionary and, when that data is not
installed, tries to download it at run time. uprdraft never goes on the network for this:
without the local data, English syllables are counted with Pyphen, textstat's own fallback
for words missing from the dictionary (and its method for French and Spanish).
"""
from __future__ import annotations

import threading

from .findings import Finding, warning

_lock = threading.Lock()
_ready = False


def _textstat():
    """textstat, imported lazily (it pulls in NLTK, about a second) and kept offline."""
    global _ready
    import textstat

    with _lock:
        if not _ready:
            try:
                import nltk

                nltk.data.find("corpora/cmudict")
            except (LookupError, ImportError):
                # no local CMU dictionary: make textstat use Pyphen instead of downloading
                from textstat.backend.counts import _count_syllables

                _count_syllables.get_cmudict = lambda lang: None
            _ready = True
    return textstat


def measure(text: str, lang: str) -> dict:
    """Sentences, words, words per sentence and the reading-ease score of ``text``."""
    ts = _textstat()
    with _lock:  # set_lang is global state in textstat
        ts.set_lang(lang)
        sentences = ts.sentence_count(text)
        words = ts.lexicon_count(text)
        score = ts.flesch_reading_ease(text) if words else 0.0
    return {
        "sentences": sentences,
        "words": words,
        "words_per_sentence": round(words / sentences, 1) if sentences else 0.0,
        "score": round(float(score), 1),
    }


def check_readability(text: str, lang: str, age_band: str, location: str = "", *,
                      rules) -> tuple[dict, list[Finding]]:
    """Measure ``text`` and compare it with the targets for ``age_band``.

    Returns (stats, findings); findings are warnings with codes ``readability`` and
    ``sentence-length``. ``age_band`` must be a key of the rules' targets (checked by the
    caller, which knows where the band was written).
    """
    cf = rules.child_friendly
    m = measure(text, lang)
    target_score = cf.readability_min[age_band]
    target_len = cf.max_sentence_words[age_band]
    index = cf.readability_index.get(lang, "Flesch reading ease")
    stats = {**m, "index": index, "target_score": target_score, "target_words_per_sentence": target_len,
             "age_band": age_band, "language": lang}
    findings = []
    if m["words"] and m["words_per_sentence"] > target_len:
        findings.append(warning(
            "sentence-length",
            f"child-friendly text: sentences average {m['words_per_sentence']} words, above {target_len:g} "
            f"for ages {age_band}; split long sentences",
            location))
    if m["words"] and m["score"] < target_score:
        findings.append(warning(
            "readability",
            f"child-friendly text: {index} score {m['score']:g}, below the target {target_score:g} for ages "
            f"{age_band}; use shorter sentences and shorter, everyday words",
            location))
    return stats, findings
