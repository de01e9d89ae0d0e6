"""Python's cyclic garbage collector paused while a stage builds its records.

Loading, linking and assessing each make millions of small objects and no
reference cycles; the collector's passes over them, which grow with the
objects already kept, cost as much as the reading itself at 100,000 claims
(load) and 1.5 to 2.5 s of 11 to 13 s (link and assess). Paused for the stage
and resumed after it, the collector still frees any cycle the stage left.

What a stage made is what it returns and the caller keeps (the corpus, the
linking, the assessment), so when the pause ends every object made meanwhile is
moved to the collector's oldest generation at once (``gc.freeze()`` then
``gc.unfreeze()``: two list splices, no walk), instead of being walked by the next
young collection, then by the one after: about 1.3 s at 100,000 claims. They stay
collectable: the next full collection walks them as it walks every other object.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the ``with`` block (as it was before, after it), and what
    the block made moved to the oldest generation when it ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        _promote()
        if was_enabled:
            gc.enable()


def _promote() -> None:
    """Move every tracked object to the oldest generation without walking them, unless
    objects are frozen already (a caller's ``gc.freeze()``, which unfreezing would undo)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
