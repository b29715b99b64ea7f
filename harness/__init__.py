"""The harness's own machinery: requirement catalogue, pytest plugin, reports."""

# What a test folder loads to run the features: the plugin. It loads the fixtures and step modules
# below itself, wherever scenarios run (not in xdist's controller, which only hands them out).
PYTEST_PLUGINS = ["harness.plugin"]
SCENARIO_PLUGINS = [
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
