"""Forked workers (claimgraph.workers): results in order, errors reach the caller, and no
worker outlives a parent that is killed outright."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph import workers

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


def _slow_square(i: int) -> int:
    time.sleep(0.002 * (i % 3))  # finish out of order
    return i * i


def _from_shared(i: int) -> int:
    table: dict[int, int] = workers.shared()
    return table[i]


def test_results_come_back_in_the_order_of_the_work() -> None:
    assert list(workers.ordered_map(_slow_square, range(50), 2, ahead=2)) == [
        i * i for i in range(50)
    ]


def test_workers_read_what_they_inherited_without_it_being_sent() -> None:
    table = {i: -i for i in range(20)}
    assert list(workers.ordered_map(_from_shared, range(20), 2, shared=table)) == [
        -i for i in range(20)
    ]
    assert workers.shared() is None


def test_an_error_in_a_worker_is_raised_here() -> None:
    with pytest.raises(KeyError):
        list(workers.ordered_map(_from_shared, [1, 2, 99], 2, shared={1: 1, 2: 2}))


DRIVER = """
import os, signal, sys, time
from claimgraph import workers
def work(i):
    with open(sys.argv[1], "a") as f:
        f.write(f"{os.getpid()}\\n")
    time.sleep(0.05)
    return i
for i in workers.ordered_map(work, range(1000), 2):
    if i == 4:
        os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie waiting to be reaped is dead


def test_no_worker_outlives_a_parent_killed_outright(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", DRIVER, str(pids)], env=env, timeout=60)
    assert done.returncode == -9
    children = {int(line) for line in pids.read_text().split()}
    assert len(children) == 2
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in children)
