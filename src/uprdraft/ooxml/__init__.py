"""The one OOXML layer: every read and write of a Word package goes through here.

- :mod:`.xml`: namespaces, the hardened parser (no DTD, no entities, no network, no huge
  trees), Strict <-> Transitional mapping, serialisation.
- :mod:`.package`: safe reading of a package from a path or bytes (size and member bounds,
  ``not-docx``/``unreadable`` InputErrors), its main part and relationships.
- :mod:`.rels` and :mod:`.parts`: relationships and ``[Content_Types].xml`` edited through
  lxml in a parts dict (add a part with its content type and relationship, drop a part and
  every reference to it, next free ``rId``); never by string replacement.
- :mod:`.props`: schema order of run, paragraph, style and settings children.
- :mod:`.writer`: the deterministic zip writer (same parts, same bytes).

This layer imports nothing from uprdraft above ``findings``; the checker, the fixer and the
writers import it, never the reverse.
"""
from __future__ import annotations

from .package import Package, open_package, read_parts
from .parts import add_part, content_type, drop_part, remove_override, set_override
from .props import insert_in_order, insert_ppr, insert_rpr, insert_style_child
from .rels import (
    Rel,
    add_relationship,
    drop_relationships_to,
    next_rid,
    relationships,
    rels_name,
)
from .writer import write_package

__all__ = [
    "Package", "Rel", "add_part", "add_relationship", "content_type", "drop_part", "drop_relationships_to",
    "insert_in_order", "insert_ppr", "insert_rpr", "insert_style_child", "next_rid", "open_package",
    "read_parts", "relationships", "rels_name", "remove_override", "set_override", "write_package",
]
