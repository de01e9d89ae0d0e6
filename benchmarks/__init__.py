"""Benchmarks of the whole pipeline: a synthetic archive generator and a timed run."""
