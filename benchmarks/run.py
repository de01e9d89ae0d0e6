"""Time the whole pipeline stage by stage on synthetic archives, against the bare YAML parse.

Usage::

    python -m benchmarks.run --sizes 10000,100000 [--million] [--workdir benchmarks/out]

For each size it generates (once, kept under ``--workdir``) a synthetic
archive with :mod:`benchmarks.generate`, then runs, each in a fresh
subprocess so that peak memory (``ru_maxrss``) belongs to that run alone:

- **floor**: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of every claim file;
- **stages**: load (read + validate, including the quote checks), link (positions,
  echoes and the graph), assess, render (every event report and the index)
  and write (atomic writes through the output manifest), without the cache;
- **cold** and **warm**: ``claimgraph report CLAIMS -o OUT`` run twice on a
  fresh output folder and cache: the first run fills the cache, the second
  finds nothing changed (wall time, interpreter start-up included).

Times are CPU seconds (user + system) of the measured process, so that other
work on a shared machine does not inflate them; the wall time of the cold run
is shown next to it. It prints one table and the ratios against the targets: cold ≤ 1.5× the
floor, warm ≤ 0.15× cold, 10× the claims ≤ 11× the time, peak memory ≤ 2 KB
per claim. ``--markdown`` prints the table as Markdown for RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WORKDIR = ROOT / "benchmarks" / "out"
# Reports are written as they are rendered (jobs.stream_reports): one stage.
STAGES = ("load", "link", "assess", "render+write")


# -- the measured work, run inside a fresh subprocess ---------------------------


def _peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def yaml_files(claims_dir: Path) -> list[Path]:
    """Every YAML claim file under the folder, in the loader's order."""
    return sorted(
        (p for p in claims_dir.rglob("*") if p.suffix in (".yaml", ".yml")),
        key=lambda p: p.relative_to(claims_dir).as_posix(),
    )


def measure_floor(claims_dir: Path) -> dict[str, Any]:
    """The floor: read and ``yaml.load`` every claim file with the C safe loader."""
    import yaml

    start, cpu = time.perf_counter(), time.process_time()
    n = 0
    for path in yaml_files(claims_dir):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        n += len(data.get("claims") or []) if isinstance(data, dict) else 0
    return {
        "floor": time.process_time() - cpu,
        "floor_wall": time.perf_counter() - start,
        "claims": n,
        "rss": _peak_rss_bytes(),
    }


def _cpu_with_children() -> float:
    """CPU seconds of this process and of its finished children (the loader's pool)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class _Clock:
    """Context managers that record a stage's CPU time (``name``) and wall time (``name_wall``).

    CPU time (user + system, of this process and of the worker processes it
    started and waited for) is what the targets compare: on
    a shared machine it does not count the time other processes held the CPU.
    """

    def __init__(self, times: dict[str, float]) -> None:
        self.times = times

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), _cpu_with_children()
        try:
            yield
        finally:
            self.times[name] = _cpu_with_children() - cpu
            self.times[f"{name}_wall"] = time.perf_counter() - start


def measure_stages(claims_dir: Path, out_dir: Path) -> dict[str, Any]:
    """Each stage of ``claimgraph report`` timed on its own, without the cache: the
    library's jobs (:mod:`claimgraph.jobs`) called one by one, as ``jobs.report`` does."""
    from claimgraph import jobs

    times: dict[str, float] = {}
    clock = _Clock(times)
    with clock("load"):
        loaded = jobs.load(claims_dir, strict=False)
    if not loaded.report.valid:
        raise SystemExit(f"generated corpus is invalid: {loaded.report.errors[:3]}")
    with clock("link"):
        linked = jobs.link(loaded.corpus)
    with clock("assess"):
        assessment = jobs.assess(linked)
    del linked  # assess consumed its linking: nothing holds it past assess (as jobs.report)
    if hasattr(jobs, "stream_reports"):
        with clock("render+write"):
            n_reports = len(jobs.stream_reports(assessment, out_dir).digests)
    else:  # the code before streaming (timed with PYTHONPATH pointing at it)
        with clock("render"):
            files = jobs.render_reports(assessment)
        with clock("write"):
            jobs.write_reports(files, out_dir)
        n_reports = len(files)
        for suffix in ("", "_wall"):
            times[f"render+write{suffix}"] = times[f"render{suffix}"] + times[f"write{suffix}"]
    corpus = loaded.corpus
    return {
        **times,
        "claims": len(corpus.claims),
        "events": len(corpus.events),
        "reports": n_reports,
        "rss": _peak_rss_bytes(),
    }


def measure_load(claims_dir: Path) -> dict[str, Any]:
    """The load stage alone (for the CSV and JSON Lines copies of an archive)."""
    from claimgraph.load import read_corpus

    times: dict[str, float] = {}
    with _Clock(times)("load"):
        corpus, report = read_corpus(claims_dir)
    if not report.valid:
        raise SystemExit(f"converted corpus is invalid: {report.errors[:3]}")
    return {**times, "claims": len(corpus.claims), "rss": _peak_rss_bytes()}


def _worker(kind: str, claims_dir: Path, out_dir: Path) -> None:
    if kind == "floor":
        result = measure_floor(claims_dir)
    elif kind == "load":
        result = measure_load(claims_dir)
    else:
        result = measure_stages(claims_dir, out_dir)
    print(json.dumps(result))


# -- the driver -------------------------------------------------------------------


def _subprocess(kind: str, claims_dir: Path, out_dir: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.run", "--worker", kind, str(claims_dir), str(out_dir)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_measured(cmd: list[str]) -> tuple[float, float, int, int, str]:
    """Run ``cmd``: wall time, CPU time, exit status, peak memory (bytes), stderr."""
    with (
        open(os.devnull, "wb") as devnull,
        subprocess.Popen(cmd, cwd=ROOT, stdout=devnull, stderr=subprocess.PIPE) as proc,
    ):
        start = time.perf_counter()
        assert proc.stderr is not None
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return elapsed, usage.ru_utime + usage.ru_stime, proc.returncode, peak, err


def _cli_report(claims_dir: Path, out_dir: Path, *extra: str) -> dict[str, float]:
    """CPU time, wall time and peak memory of one ``claimgraph report`` run."""
    cmd = [sys.executable, "-m", "claimgraph", "report", str(claims_dir), "-o", str(out_dir)]
    cmd += extra
    elapsed, cpu, code, peak, err = run_measured(cmd)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err[-3000:]}")
    return {"cpu": cpu, "wall": elapsed, "rss": peak}


def corpus_for(size: int, seed: int, workdir: Path) -> Path:
    """The generated archive for ``size`` claims (generated once, then reused)."""
    folder = workdir / f"corpus-{size}-seed{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        if folder.exists():
            shutil.rmtree(folder)
        # In a subprocess: Linux carries a parent's peak memory into the children
        # it starts, so this process must stay small for their ru_maxrss to count.
        cmd = [sys.executable, "-m", "benchmarks.generate", "--claims", str(size)]
        cmd += ["--out", str(folder), "--seed", str(seed)]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        marker.write_text("generated by benchmarks/generate.py\n")
    return folder


def bench_size(
    size: int,
    seed: int,
    workdir: Path,
    bulk: bool = False,
    formats: tuple[str, ...] = (),
    cli_only: bool = False,
) -> dict[str, Any]:
    """Every measurement for one size (with ``bulk``, also loading its CSV and JSONL copies;
    with ``formats``, a ``report --format F --no-cache`` run to a file for each; with
    ``cli_only``, no in-process stages: the floor and the CLI runs only)."""
    project = corpus_for(size, seed, workdir)
    claims_dir = project / "claims"
    result: dict[str, Any] = {"size": size}
    if bulk:
        for fmt in ("csv", "jsonl"):
            copy = project / f"claims-{fmt}"
            if not (copy / ".complete").exists():
                shutil.rmtree(copy, ignore_errors=True)
                code = (
                    "import sys; from pathlib import Path; from claimgraph.convert import "
                    "convert_corpus as c; c(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])"
                )
                cmd = [sys.executable, "-c", code, str(claims_dir), str(copy), fmt]
                subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
                (copy / ".complete").write_text("converted\n")
            result[f"load_{fmt}"] = _subprocess("load", copy, project / "unused")
    result["floor"] = _subprocess("floor", claims_dir, project / "unused")
    if not cli_only:
        stages_out = project / "reports-stages"
        shutil.rmtree(stages_out, ignore_errors=True)
        result["stages"] = _subprocess("stages", claims_dir, stages_out)
    # Cold then warm CLI runs: a fresh output folder and a fresh cache.
    cli_out = project / "reports-cli"
    shutil.rmtree(cli_out, ignore_errors=True)
    shutil.rmtree(project / ".claimgraph-cache", ignore_errors=True)
    cold = _cli_report(claims_dir, cli_out)
    warm = _cli_report(claims_dir, cli_out)
    result["cli"] = {
        "cold": cold["cpu"],
        "warm": warm["cpu"],
        "cold_wall": cold["wall"],
        "warm_wall": warm["wall"],
        "cold_rss": cold["rss"],
        "warm_rss": warm["rss"],
    }
    for fmt in formats:
        target = project / f"assessment.{fmt}"
        target.unlink(missing_ok=True)
        result[f"cli_{fmt}"] = _cli_report(claims_dir, target, "--format", fmt, "--no-cache")
        result[f"cli_{fmt}"]["bytes"] = target.stat().st_size
    return result


def memory(sizes: list[int], seed: int, workdir: Path) -> list[str]:
    """Peak memory (``ru_maxrss``) of the in-process stages for each size, and the marginal
    bytes per claim between consecutive sizes (the target's measure), nothing else timed."""
    peaks = []
    for size in sizes:
        project = corpus_for(size, seed, workdir)
        out = project / "reports-stages"
        shutil.rmtree(out, ignore_errors=True)
        peaks.append(_subprocess("stages", project / "claims", out)["rss"])
    lines = [
        f"{n:,} claims: peak {rss / 2**20:,.0f} MB" for n, rss in zip(sizes, peaks, strict=True)
    ]
    for i in range(1, len(sizes)):
        a, b = sizes[i - 1], sizes[i]
        marginal = (peaks[i] - peaks[i - 1]) / (b - a)
        lines.append(f"{a:,} → {b:,} claims: marginal memory {marginal:,.0f} B/claim")
    return lines


def machine() -> dict[str, str]:
    """A description of the machine and the software measured."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import yaml

    versions = {
        name: metadata.version(name) for name in ("claimgraph", "networkx", "pandas", "PyYAML")
    }
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "os": platform.platform(),
        "libyaml": str(getattr(yaml, "__with_libyaml__", False)),
        **versions,
    }


def _fmt(x: float) -> str:
    return f"{x:.2f}" if x < 100 else f"{x:.0f}"


def table(results: list[dict[str, Any]], markdown: bool = False) -> str:
    """The results as one table (plain text or Markdown), one row per size."""
    head = [
        "claims",
        "floor s",
        *(f"{s} s" for s in STAGES),
        "cold s",
        "cold wall s",
        "claims/s",
        "cold/floor",
        "CLI cold s",
        "CLI warm s",
        "warm/cold",
        "peak MB",
        "B/claim",
    ]
    rows = []
    for r in results:
        st, floor, cli = r["stages"], r["floor"]["floor"], r["cli"]
        cold = sum(st[s] for s in STAGES)
        rows.append(
            [
                f"{r['size']:,}",
                _fmt(floor),
                *(_fmt(st[s]) for s in STAGES),
                _fmt(cold),
                _fmt(sum(st.get(f"{s}_wall", st[s]) for s in STAGES)),
                f"{r['size'] / cold:,.0f}",
                f"{cold / floor:.2f}",
                _fmt(cli["cold"]),
                _fmt(cli["warm"]),
                f"{cli['warm'] / cli['cold']:.2f}",
                f"{st['rss'] / 2**20:,.0f}",
                f"{st['rss'] / r['size']:,.0f}",
            ]
        )
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def targets(results: list[dict[str, Any]]) -> list[str]:
    """Each target with the measured figure and whether it is met."""
    out = []
    for r in results:
        st, floor, cli = r["stages"], r["floor"]["floor"], r["cli"]
        cold = sum(st[s] for s in STAGES)
        n = r["size"]
        out.append(
            f"{n:,} claims: cold/floor {cold / floor:.2f} (target ≤ 1.5: "
            f"{'met' if cold / floor <= 1.5 else 'MISSED'}); warm/cold "
            f"{cli['warm'] / cli['cold']:.2f} (≤ 0.15: "
            f"{'met' if cli['warm'] / cli['cold'] <= 0.15 else 'MISSED'}); peak "
            f"{st['rss'] / n:,.0f} B/claim (≤ 2048: {'met' if st['rss'] / n <= 2048 else 'MISSED'})"
        )
    for small, big in zip(results, results[1:], strict=False):
        a = sum(small["stages"][s] for s in STAGES)
        b = sum(big["stages"][s] for s in STAGES)
        factor = big["size"] / small["size"]
        limit = factor * 1.1
        marginal = (big["stages"]["rss"] - small["stages"]["rss"]) / (big["size"] - small["size"])
        out.append(
            f"{small['size']:,} → {big['size']:,} claims ({factor:g}×): time {b / a:.1f}× "
            f"(target ≤ {limit:g}×: {'met' if b / a <= limit else 'MISSED'}); "
            f"marginal memory {marginal:,.0f} B/claim"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated claim counts")
    parser.add_argument("--million", action="store_true", help="also run 1,000,000 claims")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--markdown", action="store_true", help="print Markdown for RESULTS.md")
    parser.add_argument(
        "--bulk", action="store_true", help="also time loading CSV and JSON Lines copies"
    )
    parser.add_argument(
        "--formats",
        default="",
        help="comma-separated report formats (json,csv) also timed as CLI runs to a file",
    )
    parser.add_argument(
        "--cli-only",
        action="store_true",
        help="skip the in-process stages (the floor and the CLI runs only; for --million)",
    )
    parser.add_argument(
        "--memory",
        action="store_true",
        help="only the in-process stages: their peak memory and the marginal bytes per claim",
    )
    parser.add_argument("--json", type=Path, help="also write the raw results to this file")
    parser.add_argument(
        "--worker", nargs=3, metavar=("KIND", "CLAIMS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.worker:
        kind, claims, out = args.worker
        _worker(kind, Path(claims), Path(out))
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.million and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.memory:
        print("\n".join(memory(sizes, args.seed, args.workdir)))
        return 0
    results = []
    for size in sizes:
        print(f"benchmarking {size:,} claims ...", file=sys.stderr, flush=True)
        formats = tuple(f for f in args.formats.split(",") if f)
        results.append(
            bench_size(
                size,
                args.seed,
                args.workdir,
                bulk=args.bulk,
                formats=formats,
                cli_only=args.cli_only,
            )
        )
    info = machine()
    print(
        "machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
    )
    staged = [r for r in results if "stages" in r]
    if staged:
        print(table(staged, markdown=args.markdown))
        for line in targets(staged):
            print(("- " if args.markdown else "") + line)
    for r in results:
        cli, floor = r["cli"], r["floor"]
        print(
            ("- " if args.markdown else "")
            + f"{r['size']:,} claims: floor {floor['floor']:.2f} s CPU; report (Markdown) cold "
            f"{cli['cold']:.2f} s CPU, {cli['cold_wall']:.2f} s wall, peak "
            f"{cli['cold_rss'] / 2**20:,.0f} MB; warm {cli['warm']:.2f} s CPU, "
            f"{cli['warm_wall']:.2f} s wall, peak {cli['warm_rss'] / 2**20:,.0f} MB; "
            f"CLI cold/floor {cli['cold'] / floor['floor']:.2f}"
        )
    for r in results:
        for fmt in ("csv", "jsonl"):
            if f"load_{fmt}" in r:
                got, yaml_load = r[f"load_{fmt}"]["load"], r.get("stages", {}).get("load", 0.0)
                print(
                    ("- " if args.markdown else "")
                    + f"{r['size']:,} claims as {fmt.upper()}: load {got:.2f} s "
                    f"(YAML {yaml_load:.2f} s)"
                )
    for r in results:
        for fmt in ("json", "csv"):
            if f"cli_{fmt}" in r:
                m = r[f"cli_{fmt}"]
                print(
                    ("- " if args.markdown else "")
                    + f"{r['size']:,} claims, report --format {fmt} --no-cache: "
                    f"{m['cpu']:.2f} s CPU, {m['wall']:.2f} s wall, "
                    f"peak {m['rss'] / 2**20:,.0f} MB "
                    f"({m['rss'] / r['size']:,.0f} B/claim), {m['bytes'] / 2**20:,.0f} MB written"
                )
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
