"""Links from a conformance table into the Allure report: scenario ID -> `index.html#<id>`.

Allure 3 addresses a test result in its report as `#<id>`, where the id is made when the report is
generated (not the result file's UUID). So the links are read from the generated single-file
report, whose data it embeds as `d("data/test-results/<id>.json","<base64>")`; each scenario is
found by the `scenario` label the plugin gives it (harness.plugin).
"""

from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

SCENARIO_LABEL = "scenario"
TEST_RESULT = re.compile(r'd\("data/test-results/(?P<id>[0-9a-f]+)\.json","(?P<data>[A-Za-z0-9+/=]+)"\)')


def result_ids(index_html: Path) -> dict[str, str]:
    """Scenario ID -> the report's id for it (the last one, if a scenario ran more than once)."""
    found = {}
    for match in TEST_RESULT.finditer(index_html.read_text()):
        labels = json.loads(base64.b64decode(match["data"])).get("labels", [])
        for label in labels:
            if label["name"] == SCENARIO_LABEL:
                found[label["value"]] = match["id"]
    return found


def scenario_links(index_html: Path, relative_to: Path) -> dict[str, str]:
    """Scenario ID -> a link to its result, relative to the folder of the page that links it;
    none when there is no report."""
    if not index_html.exists():
        return {}
    page = Path(os.path.relpath(index_html, relative_to)).as_posix()
    return {scenario: f"{page}#{result_id}" for scenario, result_id in result_ids(index_html).items()}
