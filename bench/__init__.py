"""Benchmarks (`make bench`): speed goals are checked here, never by timed tests."""
