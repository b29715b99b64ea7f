"""Steps of the browser isolation self-test (`-p tests.isolation.steps`): a page leaves every kind
of state behind, and in the next scenario looks for it. Test code: it reads the page directly."""

from __future__ import annotations

from pytest_bdd import then, when

from tests.isolation.state import FIND, LEAVE


def page(client):
    return client.inner.browser.driver


@when("the page leaves every kind of state behind")
def leave_state(client):
    assert page(client).execute_async_script(LEAVE) is None
    origin = page(client).execute_script("return location.origin;")
    granted = {"permissions": ["notifications", "audioCapture"], "origin": origin}
    page(client).execute_cdp_cmd("Browser.grantPermissions", granted)  # a permission left granted


@then("the page holds every kind of state")
def holds_state(client):
    found = {**page(client).execute_async_script(FIND), "history": earlier_pages(client)}
    assert all(found.values()), f"the page did not leave every kind of state: {found}"


def earlier_pages(client) -> str:
    """The back/forward history's entries the earlier scenario made (its `#left` entry)."""
    entries = page(client).execute_cdp_cmd("Page.getNavigationHistory", {})["entries"]
    return ",".join(e["url"] for e in entries if e["url"].endswith("#left"))


@then("the page finds no state left behind")
def no_state(client):
    found = {**page(client).execute_async_script(FIND), "history": earlier_pages(client)}
    left = {kind: value for kind, value in found.items() if value}
    assert not left, f"left behind by an earlier scenario: {left}"
