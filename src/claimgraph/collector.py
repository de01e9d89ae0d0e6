"""Python's cyclic garbage collector paused while a stage builds its records.

Loading, linking and assessing each make millions of small objects and no
reference cycles; the collector's passes over them, which grow with the
objects already kept, cost as much as the reading itself at 100,000 claims
(load) and 1.5 to 2.5 s of 11 to 13 s (link and assess). Paused for the stage
and resumed after it, the collector still frees any cycle the stage left.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block (as it was before, after it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
