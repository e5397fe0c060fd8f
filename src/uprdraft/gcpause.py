"""The cyclic garbage collector held off while one document is made.

Making a big document keeps hundreds of thousands of objects alive at once (the input's
YAML nodes, the model, the rendered rows, the checker's paragraphs); each full pass of the
cyclic collector walks all of them, and a 3,000-item plan paid seconds for passes that
freed nothing (none of this work makes reference cycles; reference counting frees it).
Reference counting goes on as ever: only the cycle search waits until the run ends.

Runs may overlap (threads of the web app): the collector comes back when the last one ends,
and only if it was on when the first one began.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """Hold off the cyclic collector inside the ``with`` block (nested and threaded blocks share one pause)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
