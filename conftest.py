"""pytest wiring only: the harness's plugin, its fixtures and the step modules.

A vendor's or QA engineer's own test folder can load the same list to use the harness.
"""

from harness import PYTEST_PLUGINS

pytest_plugins = PYTEST_PLUGINS
