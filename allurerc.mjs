// Allure 3 configuration: `python -m harness.report` generates the report with it, `make quality-gate`
// checks the results with it. The harness passes the output folder on the command line.

// A result's message starts with the exception's type (`failures.HarnessError: …`); its trace is no
// guide, as the source lines it quotes may name any exception.
const raised = (...types) => new RegExp(`^(?:[\\w.]+\\.)?(?:${types.join("|")})\\b`);

// The exceptions that say the harness (not the client) failed: such a scenario is an `error` in
// the conformance summary, never a verdict on the client.
const HARNESS_SIDE = raised("HarnessError", "AdapterError", "StepDefinitionNotFoundError");
const harnessError = (tr) => tr.status === "broken" || HARNESS_SIDE.test(tr.error?.message ?? "");

// Set by `python -m harness.report` for `generate` only: `allure quality-gate` given a history path
// appends a run to it as well, which would count every run twice in the trends.
const history = process.env.HARNESS_ALLURE_HISTORY;

export default {
  name: "Login conformance",
  // `generate` is given its folder; `quality-gate` writes files there too (the harness gives it a scratch one).
  output: process.env.HARNESS_ALLURE_REPORT ?? "reports/allure-report",
  ...(history ? { historyPath: history } : {}),
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportLanguage: "en",
        // product -> documented procedure -> documented branch, as the feature files are written
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
  // First match wins: a conformance failure says the client broke the documentation; the others
  // say the run could not judge it.
  categories: [
    { name: "Conformance failures", matchers: { statuses: ["failed"], message: raised("ConformanceFailure", "WireViolation") } },
    { name: "Harness errors", matchers: { statuses: ["broken", "failed"], message: raised("HarnessError") } },
    { name: "Adapter errors", matchers: { statuses: ["broken", "failed"], message: raised("AdapterError") } },
    { name: "Undefined steps", matchers: { statuses: ["broken", "failed"], message: raised("StepDefinitionNotFoundError") } },
    { name: "Other errors", matchers: { statuses: ["broken"] } },
  ],
  // `make quality-gate` exits non-zero when any rule is broken.
  qualityGate: {
    rules: [
      { id: "scenarios-ran", minTestsCount: 1 },
      { id: "no-failed-scenario", maxFailures: 0, filter: (tr) => !harnessError(tr) },
      { id: "no-harness-error", maxFailures: 0, filter: harnessError },
    ],
  },
};
