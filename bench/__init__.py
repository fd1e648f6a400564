"""Benchmarks and evaluation tools of the project (run from the repository root)."""
