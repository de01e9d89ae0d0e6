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
