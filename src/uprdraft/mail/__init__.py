"""The submission e-mail to the HRC secretariat: a gate, an .eml file, and SMTP sending.

The gate (:mod:`.gate`) checks everything the secretariat would check before anything is
written; the message (:mod:`.message`) carries the secretariat's form as a plain-text body
(:mod:`.form`), the .docx attached, ``X-Unsent: 1`` so that mail programs open it as a draft
(the same inputs and ``today`` give the same bytes). :func:`send_email` (:mod:`.smtp`) sends
the saved .eml, byte for byte, over SMTP with STARTTLS, implicit TLS or (for local test
servers) no TLS. The pipeline runs them as the ``submission`` kind
(:mod:`uprdraft.kinds.submission`); ``uprdraft.build_email`` and ``uprdraft.email`` are the API.

Every public function takes ``rules=None`` (see :func:`uprdraft.rules.resolve`). Importing
this package is light: the modules load on first use.
"""
from __future__ import annotations

from ..lazy import exports

__all__ = ["send_email", "compose", "message_bytes", "form_text", "check_submission", "submission_findings"]

_LAZY = {
    "send_email": ".smtp",
    "TLS_MODES": ".smtp",
    "compose": ".message",
    "message_bytes": ".message",
    "form_text": ".form",
    "check_submission": ".gate",
    "submission_findings": ".gate",
    "deadline_findings": ".gate",
    "KINDS": ".gate",
    "check_options": ".smtp",
}


__getattr__ = exports(__name__, _LAZY, globals())
