"""The harness's pytest plugin: run seed, client choice, requirement tags, Allure labels,
evidence, clear errors for undefined steps, and the conformance summary.

Reporting lives here, on pytest and pytest-bdd hooks, never in steps.
"""

from __future__ import annotations

import atexit
import gc
import json
import random
from pathlib import Path

import pytest
from pytest_bdd.exceptions import StepDefinitionNotFoundError
from pytest_bdd.scenario import CONFIG_STACK, scenario_wrapper_template_registry

from clients.adapters import MOBILE_BUILT_IN, NOT_APPLICABLE, declared_capabilities, load_factory
from clients.remote_webdriver import remote_url
from harness import SCENARIO_PLUGINS, evidence, release, scenario_end, step_lookup
from harness.allure_links import SCENARIO_LABEL
from harness.catalogue import load, scenario_description, unknown_ids
from harness.errors import AdapterError, ConformanceFailure
from harness.products import OPTIONS, REFERENCE, REFERENCE_FOLDERS, Implementation, implementations
from harness.suggest import undefined_step_message
from harness.summary import PRECEDENCE, ScenarioResult, Summary
from harness.traffic import product_of
from harness.wire import WireViolation

PRODUCT_OF_FOLDER = {"micollab_client": "MiCollab Client", "mitel_one_web": "Mitel One web application"}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("conformance", "login conformance harness")
    group.addoption("--seed", type=int, default=None, help="run seed: replays a run exactly (default: random)")
    group.addoption(
        "--client",
        default=None,
        help="the MiCollab Client under test: a built-in name or module:Factory (default: the reference stands in)",
    )
    group.addoption("--req", action="append", default=[], metavar="ID", help="run only scenarios tagged @req:ID")
    group.addoption("--reports-dir", default=None, metavar="DIR", help="write the conformance summary here")
    group.addoption(
        "--web-app",
        default=None,
        metavar="DIR",
        help="the Mitel One web application under test, served at one.mitel.io (default: the reference stands in)",
    )
    group.addoption(
        "--micollab-web-client",
        default=None,
        metavar="DIR",
        help="the MiCollab Web Client under test, served at /ucs/micollab/ (default: the reference stands in)",
    )
    group.addoption(
        "--mobile-client",
        default=None,
        help="the Mitel One mobile client under test: module:Factory (default: the reference stands in)",
    )
    group.addoption(
        "--remote-webdriver",
        type=remote_url,
        default=None,
        metavar="URL",
        help="run the browser on this W3C remote WebDriver end (a Selenium Grid, a cloud farm); it must "
        "reach the harness's proxy on 127.0.0.1 (default: Chromium on this machine)",
    )
    group.addoption(
        "--world",
        default=None,
        metavar="URL",
        help="run against a world started elsewhere (python -m mocks serve), driven only over HTTP: "
        "its proxy URL, as it prints it (default: a world in this process)",
    )
    group.addoption(
        "--network",
        choices=("proxy", "direct"),
        default="proxy",
        help="proxy: TLS through mitmproxy at the real host names (default); direct: plain HTTP to the "
        "mocks, only to measure what the proxy costs",
    )


def pytest_configure(config: pytest.Config) -> None:
    skip_last_collection()
    worker = getattr(config, "workerinput", None)
    seed = worker["harness_seed"] if worker else config.option.seed
    config.harness_seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    config.harness_products = chosen_products(config)
    check_world_options(config)
    config.harness_under_test = [p for p, impl in config.harness_products.items() if impl.under_test]
    config.harness_summary = Summary(client_name(config), config.harness_seed, products=config.harness_products)
    try:
        config.harness_client_factory = load_factory(client_name(config))
        config.harness_mobile_factory = load_factory(config.option.mobile_client or REFERENCE, MOBILE_BUILT_IN)
    except AdapterError as exc:
        raise pytest.UsageError(str(exc)) from exc
    config.pluginmanager.register(ConformanceReporter(config), "harness-conformance-reporter")
    if runs_scenarios(config):
        step_lookup.install()
        for module in SCENARIO_PLUGINS:
            config.pluginmanager.import_plugin(module)
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(SeedToWorkers(), "harness-seed-to-workers")


def client_name(config: pytest.Config) -> str:
    return config.option.client or REFERENCE


def chosen_products(config: pytest.Config) -> dict[str, Implementation]:
    """Which implementation of each product runs, and which products the run certifies."""
    chosen = {product: getattr(config.option, option) for product, option in OPTIONS.items()}
    for product in REFERENCE_FOLDERS:
        if chosen[product] is not None and not Path(chosen[product]).is_dir():
            raise pytest.UsageError(f"{product}: {chosen[product]} is not a folder of pages")
    return implementations(chosen)


def check_world_options(config: pytest.Config) -> None:
    """A world started elsewhere serves its own pages over its own proxy, which has one listener
    for a browser: its flows are one holder's at a time, so one harness process drives it."""
    if not config.option.world:
        return
    if config.option.web_app or config.option.micollab_web_client or config.option.network == "direct":
        raise pytest.UsageError(
            "--world: the world serves the web apps; give --web-app or --micollab-web-client to "
            "python -m mocks serve (--network direct: a world in this process only)"
        )
    if config.getoption("numprocesses", None) not in (None, 0, 1):
        raise pytest.UsageError("--world: run one worker (-n 0): the world's proxy lends its browser to one at a time")


def runs_scenarios(config: pytest.Config) -> bool:
    """False only in xdist's controller, which hands scenarios to its workers and collects none
    (xdist's own test for distributing, and --collect-only, which it leaves to the controller).
    Importing the mocks, clients and steps there would delay every worker's start by about 0.3 s."""
    distributing = config.getoption("dist", "no") != "no" and bool(config.getoption("tx", None))
    distributing = distributing and not config.option.collectonly
    return hasattr(config, "workerinput") or not distributing


def skip_last_collection() -> None:
    """At exit Python collects garbage once more over every object the run made: about a second
    after a few hundred scenarios, in each worker, while the controller waits. Everything the
    harness writes is closed by then, so the objects are frozen out of that last collection."""
    atexit.unregister(gc.freeze)  # once per process, however many runs it holds (self-tests)
    atexit.register(gc.freeze)


class SeedToWorkers:
    """xdist: every worker runs with the controller's seed. A class, registered only when xdist
    is loaded, because pytest rejects a hook of a plugin that is not there (`-p no:xdist`)."""

    @staticmethod
    def pytest_configure_node(node) -> None:
        node.workerinput["harness_seed"] = node.config.harness_seed


def pytest_report_header(config: pytest.Config) -> list[str]:
    lines = [f"conformance: client={client_name(config)} seed={config.harness_seed} (replay with --seed)"]
    for product, impl in config.harness_products.items():
        role = "under test" if impl.under_test else "stand-in, not certified"
        lines.append(f"  {product}: {impl.name}{f' ({impl.folder})' if impl.folder else ''} - {role}")
    if config.option.remote_webdriver:
        lines.append(f"browser: on the remote WebDriver at {config.option.remote_webdriver}")
    return lines


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_apply_tag(tag: str, function):
    """`@name:value` becomes the marker `name("value")`, `@name` the marker `name` (for -m).

    Registered here because a QA engineer's new tag must not need a Python change under
    --strict-markers.
    """
    name, _, value = tag.partition(":")
    CONFIG_STACK[-1].addinivalue_line("markers", f"{name}: tag from a feature file")
    mark = getattr(pytest.mark, name)
    return (mark(value) if value else mark)(function)


# -- collection -------------------------------------------------------------------------------


def scenario_of(item: pytest.Item):
    return scenario_wrapper_template_registry.get(getattr(item, "obj", None))


def feature_path(config: pytest.Config, feature) -> str:
    """The feature file's path from the project root, as a user would open it."""
    path = Path(feature.filename)
    return str(path.relative_to(config.rootpath)) if path.is_relative_to(config.rootpath) else str(path)


def scenario_id(item: pytest.Item, template) -> str:
    """`<feature file>::<scenario name>`, an outline's name rendered with its example's values."""
    example = item.callspec.params.get("_pytest_bdd_example", {}) if hasattr(item, "callspec") else {}
    return f"{feature_path(item.config, template.feature)}::{template.render(example).name}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = set(config.option.req)
    if unknown_ids(sorted(wanted)):
        raise pytest.UsageError(f"--req names unknown requirement IDs: {unknown_ids(sorted(wanted))}")
    errors, kept = [], []
    for item in items:
        template = scenario_of(item)
        if template is None:
            kept.append(item)
            continue
        reqs = sorted({m.args[0] for m in item.iter_markers("req")})
        if unknown_ids(reqs):
            where = f"{feature_path(config, template.feature)}:{template.line_number}"
            errors.append(f"{where}: scenario {template.name!r} names unknown requirement IDs {unknown_ids(reqs)}")
            continue
        label_scenario(item, template, reqs)
        mark_not_applicable(item, config.harness_client_factory)
        if not wanted or wanted & set(reqs):
            kept.append(item)
    if errors:
        known = "harness/requirements.toml"
        raise pytest.UsageError(f"@req tags name requirements that {known} does not have:\n" + "\n".join(errors))
    if wanted:
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


def mark_not_applicable(item: pytest.Item, factory) -> None:
    """A scenario tagged @needs:<capability> is not-applicable to a client that does not declare it."""
    missing = [m.args[0] for m in item.iter_markers("needs") if m.args[0] not in declared_capabilities(factory)]
    if missing:
        item.add_marker(pytest.mark.skip(reason=f"{NOT_APPLICABLE}: the client does not declare {', '.join(missing)}"))


def kill_matrix(config: pytest.Config) -> dict[str, list[str]]:
    """Scenario -> the mutants that fail it, from the kill matrix `make test` wrote beside the
    reports, if there is one."""
    if not hasattr(config, "harness_kills"):
        path = Path(config.option.reports_dir or "reports") / "kill-matrix.json"
        config.harness_kills = json.loads(path.read_text()).get("scenarios", {}) if path.exists() else {}
    return config.harness_kills


def label_scenario(item: pytest.Item, template, reqs: list[str]) -> None:
    """Allure labels (epic = product, feature = procedure, story = branch) and requirement links."""
    folder = Path(template.feature.filename).parent.name
    catalogue = load()
    product = PRODUCT_OF_FOLDER.get(folder) or (catalogue[reqs[0]].product if reqs else folder)
    item.add_marker(pytest.mark.allure_label(product, label_type="epic"))
    if template.rule:  # the documented branch
        item.add_marker(pytest.mark.allure_label(template.rule.name, label_type="story"))
    for req_id in reqs:
        name = f"{req_id} ({catalogue[req_id].basis}): {catalogue[req_id].text}"
        item.add_marker(pytest.mark.allure_link(req_id, name=name, link_type="requirement"))
    item.add_marker(pytest.mark.allure_description(scenario_description(template, reqs)))  # the seed's words
    scenario = scenario_id(item, template)
    item.add_marker(pytest.mark.allure_label(scenario, label_type=SCENARIO_LABEL))  # links into the report
    for mutant in kill_matrix(item.config).get(scenario, []):  # which faulty products it catches
        item.add_marker(pytest.mark.allure_label(f"fails for mutant {mutant}", label_type="tag"))
    item.user_properties.append(("scenario_id", scenario))
    item.user_properties.extend(("req", req_id) for req_id in reqs)


# -- running ----------------------------------------------------------------------------------


@pytest.hookimpl(trylast=True)
def pytest_bdd_step_func_lookup_error(request, feature, scenario, step, exception) -> None:
    where = feature_path(request.config, feature)
    message = undefined_step_message(step.keyword, step.name, where, step.line_number)
    raise StepDefinitionNotFoundError(message)


@pytest.hookimpl(wrapper=True)
def pytest_bdd_before_step_call(request, feature, scenario, step, step_func, step_func_args):
    """Allure records a step's arguments as its parameters. Around its hook, the arguments are
    only the step's own parameters from the Gherkin text, masked: never fixtures, which hold
    passwords, codes and links. The step itself is then called with all of them."""
    everything = dict(step_func_args)
    step_func_args.clear()
    step_func_args.update(evidence.step_parameters(request.node, step, step_func))
    try:
        return (yield)
    finally:
        step_func_args.clear()
        step_func_args.update(everything)


@pytest.hookimpl(tryfirst=True)  # before Allure closes the step, so the screenshot lands in it
def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception) -> None:
    scenario_end.of(request.node).step_failed = True
    evidence.attach_failed_step_screens(request.node)


def pytest_bdd_after_scenario(request, feature, scenario) -> None:
    __tracebackhide__ = True  # a wire violation's report starts at the audit, not in pluggy
    evidence.attach_screens(request.node)  # while the devices still show them
    try:
        if not scenario_end.of(request.node).step_failed:  # else the step's failure is the verdict
            scenario_end.finish(request.node)
    finally:
        evidence.attach_traffic(request.node)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem):
    try:
        return (yield)
    finally:
        evidence.forget(item)  # after the fixtures' own teardown, which reads it
        scenario_end.forget(item)
        release.torn_down(item)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    try:
        return (yield)
    finally:
        release.reported(item)


@pytest.hookimpl(trylast=True)  # after every reporter has read it
def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    release.logged(report)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    if call.excinfo is None or call.excinfo.errisinstance(pytest.skip.Exception):
        return report
    if call.excinfo.errisinstance(WireViolation):  # found after the steps: each by the product that sent it
        found = call.excinfo.value.violations
        report.user_properties.extend(("violation", f"{v.req_id}={product_of(v.flow)}") for v in found)
    conformance = call.excinfo.errisinstance(WireViolation) or (
        call.when == "call" and call.excinfo.errisinstance((ConformanceFailure, AssertionError))
    )
    report.user_properties.append(("harness_status", "failed" if conformance else "error"))
    report.user_properties.append(("reason", short_reason(call.excinfo.value)))
    return report


def short_reason(exc: BaseException) -> str:
    """What went wrong in a few lines a reader of the summary understands without the code."""
    lines = [line for line in str(exc).splitlines() if line.strip()][:4]
    return " / ".join(line.strip() for line in lines)[:600] or type(exc).__name__


# -- the summary (on the controller when running under xdist) -------------------------------


def outcome_status(report: pytest.TestReport) -> str:
    """A skipped scenario never counts as passed: it is not-applicable when the client declared
    it cannot do what the scenario needs, and not-run otherwise."""
    if report.passed:
        return "passed"
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        return "not-applicable" if NOT_APPLICABLE in reason else "not-run"
    return "error"


class ConformanceReporter:
    """Collects each scenario's status from its reports and writes the summary at the end."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.results: dict[str, ScenarioResult] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Setup, call and teardown: a passing setup or teardown says nothing of the scenario;
        anything else counts, the worst first, and every requirement ID any phase named."""
        properties = dict(report.user_properties)
        if "scenario_id" not in properties:
            return
        quiet = report.passed and report.when != "call"
        status = None if quiet else properties.get("harness_status", outcome_status(report))
        reqs = [value for key, value in report.user_properties if key == "req"]
        notes = [value for key, value in report.user_properties if key == "known_issue"]
        violations = [value for key, value in report.user_properties if key == "violation"]
        reason = next((value for key, value in report.user_properties if key == "reason"), "")
        previous = self.results.get(report.nodeid)
        if previous is not None:
            reqs = sorted(set(reqs) | set(previous.reqs))
            notes = sorted(set(notes) | set(previous.known_issues))
            violations = sorted(set(violations) | set(previous.violations))
            reason = previous.reason or reason
            known = [s for s in (status, previous.status) if s != "pending" and s is not None]
            status = min(known, key=PRECEDENCE.index) if known else "pending"
        scenario = properties["scenario_id"]
        self.results[report.nodeid] = ScenarioResult(scenario, status or "pending", reqs, notes, reason, violations)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if hasattr(self.config, "workerinput") or not self.results:
            return
        summary = self.config.harness_summary
        for result in self.results.values():
            summary.add(result if result.status != "pending" else ScenarioResult(result.id, "not-run", result.reqs))
        if self.config.option.reports_dir:
            summary.write(Path(self.config.option.reports_dir))

    def pytest_terminal_summary(self, terminalreporter) -> None:
        summary = self.config.harness_summary
        if summary.scenarios:
            counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.counts().items()))
            terminalreporter.write_sep("=", f"conformance ({summary.client}, seed {summary.seed}): {counts}")
