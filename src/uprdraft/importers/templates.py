"""Example rows of the recommendations template (``uprdraft new recommendations``), per language.

Child-rights follow-up examples, written like WG report paragraphs. The column names are
the field names of a recommendation (design.md section 3) in every language.
"""
from __future__ import annotations

EXAMPLES = {
    "en": [
        {"id": "115.23", "text": "Adopt a comprehensive child protection law that prohibits corporal punishment in all settings",
         "recommending_states": "Sweden; Uruguay", "response": "supported", "themes": "Rights of the Child; Torture and other CID treatment",
         "status": "partially-implemented", "assessment": "A bill was tabled in 2025; it does not yet cover alternative care.",
         "sources": "Parliament bill 2025/117", "session": "46", "state_under_review": "Exampleland",
         "document_symbol": "A/HRC/58/15"},
        {"id": "115.40", "text": "Raise the minimum age of criminal responsibility to at least 14 years",
         "recommending_states": "Germany", "response": "noted", "themes": "Rights of the Child; Justice",
         "status": "not-implemented", "assessment": "", "sources": "", "session": "46",
         "state_under_review": "Exampleland", "document_symbol": "A/HRC/58/15"},
    ],
    "fr": [
        {"id": "115.23", "text": "Adopter une loi globale de protection de l'enfance interdisant les châtiments corporels dans tous les contextes",
         "recommending_states": "Suède; Uruguay", "response": "supported", "themes": "Droits de l'enfant; Torture et autres traitements cruels",
         "status": "partially-implemented", "assessment": "Un projet de loi a été déposé en 2025 ; il ne couvre pas encore la protection de remplacement.",
         "sources": "Projet de loi 2025/117", "session": "46", "state_under_review": "Exempleland",
         "document_symbol": "A/HRC/58/15"},
        {"id": "115.40", "text": "Relever l'âge minimum de la responsabilité pénale à au moins 14 ans",
         "recommending_states": "Allemagne", "response": "noted", "themes": "Droits de l'enfant; Justice",
         "status": "not-implemented", "assessment": "", "sources": "", "session": "46",
         "state_under_review": "Exempleland", "document_symbol": "A/HRC/58/15"},
    ],
    "es": [
        {"id": "115.23", "text": "Aprobar una ley integral de protección de la infancia que prohíba el castigo corporal en todos los ámbitos",
         "recommending_states": "Suecia; Uruguay", "response": "supported", "themes": "Derechos del niño; Tortura y otros tratos crueles",
         "status": "partially-implemented", "assessment": "En 2025 se presentó un proyecto de ley; aún no cubre el acogimiento alternativo.",
         "sources": "Proyecto de ley 2025/117", "session": "46", "state_under_review": "Ejemplolandia",
         "document_symbol": "A/HRC/58/15"},
        {"id": "115.40", "text": "Elevar la edad mínima de responsabilidad penal a por lo menos 14 años",
         "recommending_states": "Alemania", "response": "noted", "themes": "Derechos del niño; Justicia",
         "status": "not-implemented", "assessment": "", "sources": "", "session": "46",
         "state_under_review": "Ejemplolandia", "document_symbol": "A/HRC/58/15"},
    ],
}
