"""Kept for old imports: packaging lives in :mod:`uprdraft.ooxml` (reading, editing, the
deterministic zip writer)."""
from __future__ import annotations

from ..ooxml.package import read_parts as read_package
from ..ooxml.writer import CONTENT_TYPES, FIXED_DATE, write_package

__all__ = ["CONTENT_TYPES", "FIXED_DATE", "read_package", "write_package"]
