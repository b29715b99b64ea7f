"""The harness's own machinery: requirement catalogue, pytest plugin, reports."""
