"""Benchmark: a synthetic national data set, a plain Material baseline, and the budgets."""
