"""pytest-bdd step definitions, one module per domain. Each step is a few lines that call the
client's driver, a mock's public API or a named check from `harness.checks`."""
