"""A CI-sized run of the benchmark: the generator's archive validates and every report is written.

No timing assertions: this checks that the benchmark and the pipeline it
measures still work together, in a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.generate import generate
from benchmarks.run import measure_floor, measure_stages, table, targets
from claimgraph.load import read_corpus
from claimgraph.model import Stance

N = 2000


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "archive"
    counts = generate(N, out, seed=7)
    assert counts == {"claims": N, "events": N // 10, "parties": 200, "sources": counts["sources"]}
    return out


def test_generated_archive_is_valid_and_complete(archive: Path) -> None:
    corpus, report = read_corpus(archive / "claims")
    assert report.problems == []
    assert len(corpus.claims) == N
    assert len(corpus.events) == N // 10
    assert {c.event for c in corpus.claims.values()} == set(corpus.events)  # none left empty
    assert len(corpus.parties) == 200
    assert {p.side for p in corpus.parties.values()} == {
        "russia",
        "ukraine",
        "independent",
        "international",
    }
    stances = {c.stance for c in corpus.claims.values()}
    assert stances == {Stance.ASSERTS, Stance.DENIES, Stance.DECLINES}
    assert any(c.links.contradicts for c in corpus.claims.values())
    assert any(c.links.supersedes for c in corpus.claims.values())
    lengths = [len(c.quote) for c in corpus.claims.values()]
    assert min(lengths) >= 40 and max(lengths) <= 250
    sizes = [
        len(yaml.safe_load(p.read_text())["claims"])
        for p in (archive / "claims").rglob("src-*.yaml")
    ]
    assert sum(sizes) == N and max(sizes) <= 150


def test_generator_is_deterministic(archive: Path, tmp_path: Path) -> None:
    generate(N, tmp_path / "again", seed=7)
    for path in sorted((archive / "claims").rglob("*.yaml"))[:5]:
        twin = tmp_path / "again" / path.relative_to(archive)
        assert twin.read_bytes() == path.read_bytes()


def test_generator_never_writes_into_a_full_folder(archive: Path) -> None:
    with pytest.raises(FileExistsError):
        generate(10, archive, seed=1)


def test_pipeline_stages_run_and_write_every_report(archive: Path, tmp_path: Path) -> None:
    floor = measure_floor(archive / "claims")
    assert floor["claims"] == N
    result = measure_stages(archive / "claims", tmp_path / "reports")
    assert result["claims"] == N
    written = sorted(p.name for p in (tmp_path / "reports").glob("*.md"))
    assert len(written) == result["reports"] == N // 10 + 1
    assert "index.md" in written
    fake = {"size": N, "floor": floor, "stages": result, "cli": {"cold": 2.0, "warm": 0.2}}
    assert "cold/floor" in table([fake])
    assert len(targets([fake, {**fake, "size": 10 * N}])) == 3
