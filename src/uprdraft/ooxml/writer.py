"""Deterministic packaging: the same parts always give the same bytes.

``[Content_Types].xml`` first, the rest sorted by name, one fixed timestamp, fixed
attributes and compression (design.md section 4: two renders otherwise differ only in zip
timestamps, and a rebuilt template would show a git diff for nothing).
"""
from __future__ import annotations

import io
import zipfile

FIXED_DATE = (2000, 1, 1, 0, 0, 0)
CONTENT_TYPES = "[Content_Types].xml"


def write_package(parts: dict[str, bytes]) -> bytes:
    """Zip ``parts`` (name -> bytes) deterministically."""
    names = sorted(n for n in parts if n != CONTENT_TYPES)
    if CONTENT_TYPES in parts:
        names.insert(0, CONTENT_TYPES)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            z.writestr(info, parts[name], compresslevel=6)
    return buf.getvalue()
