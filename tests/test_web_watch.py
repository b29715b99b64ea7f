"""What the browser driver watches in a page, in the real browser on the simulated network: the
work a page has started (short timers, requests), which a closing device lets it finish, and the
browser's permission prompts, held until the user answers them."""

from __future__ import annotations

import pytest

from clients.web import WebAppDriver, wait_until
from clients.web_inspect import FINISHED, PROMPTS

APP = "https://one.mitel.io/"


@pytest.fixture
def page(simulated, chromium) -> WebAppDriver:
    driver = WebAppDriver(chromium, APP)
    driver.open_app()
    return driver


def finished(page: WebAppDriver) -> bool:
    return page.browser.driver.execute_script(FINISHED)


def run(page: WebAppDriver, script: str):
    return page.browser.driver.execute_script(script)


def test_a_short_timer_is_work_the_page_has_not_finished(page):
    run(page, "window.fired = 0; setTimeout(() => { window.fired += 1; }, 300);")
    assert not finished(page)
    assert wait_until(page.browser.driver, 3, lambda: finished(page))
    assert run(page, "return window.fired;") == 1


def test_a_cleared_or_long_timer_is_not_waited_for(page):
    run(page, "clearTimeout(setTimeout(() => {}, 300)); setTimeout(() => {}, 60000);")
    assert finished(page)


def test_xmlhttprequests_are_counted_until_they_end(page):
    run(page, "const x = new XMLHttpRequest(); x.open('GET', '/manifest.json', false); x.send();")
    assert finished(page)  # a synchronous request ended within send()
    run(page, "const x = new XMLHttpRequest(); x.open('GET', '/manifest.json'); x.send();")
    assert wait_until(page.browser.driver, 3, lambda: finished(page))
    assert run(page, "try { new XMLHttpRequest().send(); } catch (e) {} return window.__harnessOpen;") == 0


def test_closing_lets_the_page_finish_then_closes_it(page):
    run(page, "setTimeout(() => { localStorage.setItem('done', 'yes'); }, 300);")
    page.close()
    assert page.browser.driver.window_handles == [page.browser.driver.current_window_handle]
    assert page.browser.driver.current_url == "about:blank"  # a new tab, the page's gone with the old one
    page.open_app()  # the same device again: no reset, the origin's local storage is as the page left it
    assert run(page, "return localStorage.getItem('done');") == "yes"


def test_a_permission_request_waits_for_the_users_answer(page):
    run(page, "window.answer = 'none'; Notification.requestPermission().then((a) => { window.answer = a; });")
    assert wait_until(page.browser.driver, 3, lambda: run(page, PROMPTS) == [[["notifications"], False]])
    assert run(page, "return window.answer;") == "none"  # held, as a prompt holds it
    assert page.answer_permission_prompts(allow=True) == ["notifications"]
    assert wait_until(page.browser.driver, 3, lambda: run(page, "return window.answer;") == "granted")
    assert page.permission_prompts() == ["notifications"]
