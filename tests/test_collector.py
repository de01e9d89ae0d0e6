"""The garbage collector paused for a stage, then as it was."""

from __future__ import annotations

import gc
import weakref

from claimgraph import collector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_the_collector_is_off_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one in place
    assert gc.isenabled()


def test_a_cycle_left_by_a_paused_stage_is_still_freed_after_it() -> None:
    with collector.paused():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        seen = weakref.ref(a)
        del a, b
    gc.collect()
    assert seen() is None


def test_what_a_paused_stage_made_is_moved_to_the_oldest_generation() -> None:
    with collector.paused():
        kept = [[] for _ in range(1000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(o) in oldest for o in kept)
    assert gc.get_freeze_count() == 0


def test_objects_a_caller_froze_stay_frozen_after_a_paused_stage() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.paused():
            kept = [[] for _ in range(10)]
        assert gc.get_freeze_count() == frozen
        assert kept
    finally:
        gc.unfreeze()
