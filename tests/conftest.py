"""Fixtures the self-tests share."""

import pytest

from mocks.azure_ad import AzureDirectory, azure_app
from mocks.netutil import HttpServerThread
from tests.standalone_world import ARGS, StandaloneWorld

pytest_plugins = ["pytester"]


@pytest.fixture(scope="module")
def azure():
    """An Azure AD mock on its own loopback server: the directory and the server."""
    directory = AzureDirectory()
    server = HttpServerThread(azure_app(directory), "azure").start()
    yield directory, server
    server.stop()


@pytest.fixture(scope="session")
def standalone():
    """`python -m mocks serve` in its own process, once per test session (per xdist worker)."""
    world = StandaloneWorld(*ARGS)
    yield world
    assert world.stop() == 0
