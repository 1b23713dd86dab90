"""Benchmarks (`make bench`): a synthetic library generator and measurements against baselines."""
