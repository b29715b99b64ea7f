"""Collects the self-test features of this folder, for a nested run that names this file (its
name keeps it out of the ordinary collection of tests/)."""

from pathlib import Path

from pytest_bdd import scenarios

scenarios(str(Path(__file__).parent))
