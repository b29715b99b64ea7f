"""Collects every .feature file below this folder: a new feature file needs no Python."""

from pytest_bdd import scenarios

scenarios(".")
