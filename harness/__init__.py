"""The harness's own machinery: requirement catalogue, pytest plugin, reports."""

# Everything a test folder loads to run the features: plugin, fixtures, then step modules.
PYTEST_PLUGINS = [
    "harness.plugin",
    "harness.fixtures",
    "steps.common",
    "steps.mail",
    "steps.micollab_client",
    "steps.micollab_web_client",
    "steps.cloudlink",
    "steps.azure_ad",
    "steps.mitel_one",
    "steps.traffic",
]
