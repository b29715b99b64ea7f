"""The three kinds of failure a run can end in; Allure's categories (allurerc.mjs) sort by these names.

A module of its own, importing nothing of the project: the clients (what a vendor implements)
and the mocks raise these without depending on the harness that runs them."""


class ConformanceFailure(AssertionError):
    """The client under test did not do what the documentation says."""

    def __init__(self, what: str, expected: object, actual: object, evidence: str = "") -> None:
        self.what, self.expected, self.actual = what, expected, actual
        lines = [f"ConformanceFailure: {what}", f"  expected: {expected}", f"  actual:   {actual}"]
        if evidence:
            lines.append(evidence)
        super().__init__("\n".join(lines))


class HarnessError(RuntimeError):
    """The harness itself failed (a mock did not start or died): not the client's fault."""


class AdapterError(RuntimeError):
    """The client adapter could not be loaded or could not drive its client."""
