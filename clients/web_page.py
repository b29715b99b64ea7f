"""What the browser driver asks a page, each in one WebDriver command: wait in the page until it
has settled, then read the screen or find what the user acts on.

Every WebDriver command is a round trip to the driver and the browser (a few milliseconds, more
on a busy machine); a page that settles in milliseconds is better asked once, waiting in the page
itself, than polled from outside. A page that is replaced while it is asked (a navigation the last
action started) cannot answer: the caller asks the new page.
"""

from __future__ import annotations

# The screen as the user sees it; `extra()` adds elements a driver reads beyond list items.
READ_SCREEN = """
function readScreen(extra) {
  const text = el => (el.innerText || el.value || '').trim();
  const shown = selector => [...document.querySelectorAll(selector)].filter(visible);
  const heading = shown('dialog[open] h1, dialog[open] [role=heading]')[0] || shown('h1, [role=heading]')[0];
  const fields = {};
  for (const input of shown('input:not([type=hidden]):not([type=submit]), textarea, select')) {
    const label = (input.id && document.querySelector(`label[for="${input.id}"]`)) || null;
    const name = label ? text(label) : (input.getAttribute('aria-label') || input.placeholder || '');
    if (name) fields[name] = input.type === 'checkbox' ? String(input.checked) : input.value;
  }
  // A disabled button is not offered: the user cannot press it.
  const buttons = shown('button, input[type=submit], [role=button], [role=menuitem]')
    .filter(el => !el.disabled).map(text).filter(Boolean);
  const elements = shown('li').map(text).filter(Boolean).concat(extra ? extra() : []);
  const messages = shown('[role=alert], [role=status]').map(text).filter(Boolean);
  return {name: heading ? text(heading) : document.title, fields, buttons, elements, messages};
}
"""
COMMON = """
const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
const normalized = el => (el.textContent || '').replace(/\\s+/g, ' ').trim();
"""
# What is looked for once the page has settled (XPath's normalize-space() matches, as before).
FINDERS = """
const all = selector => [...document.querySelectorAll(selector)];
const finders = {
  screen: () => readScreen(EXTRA),
  nothing: () => null,
  button: label => all('button, input[value]').filter(el => el.matches('button')
    ? normalized(el) === label : el.getAttribute('value') === label).find(visible) || null,
  field: label => {
    const ids = all('label[for]').filter(l => normalized(l) === label).map(l => l.htmlFor);
    const field = all('input[id]').find(input => ids.includes(input.id));
    return field ? [field, field.type, field.type === 'checkbox' ? String(field.checked) : field.value] : null;
  },
  labelled: label => all('[aria-label]').find(el => el.getAttribute('aria-label') === label) || null,
  link: label => all('a').filter(a => normalized(a) === label).find(visible) || null,
};
"""
# Where a user's click on what was found lands, as WebDriver's Element Click aims it: the element
# scrolled into view if it is not, the centre of its first box within the viewport, and whether
# the element (or a part of it) is what is drawn there, nothing covering it.
AIM = """
const aimed = found => {
  const el = Array.isArray(found) ? found[0] : found;
  const inView = box => box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  if (!inView(el.getBoundingClientRect())) el.scrollIntoView({block: 'end', inline: 'nearest'});
  const box = el.getClientRects()[0];
  const x = Math.floor((Math.max(box.left, 0) + Math.min(box.right, innerWidth)) / 2);
  const y = Math.floor((Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2);
  const drawn = document.elementFromPoint(x, y);
  return [found, x, y, !!drawn && (drawn === el || el.contains(drawn))];
};
"""
# Asynchronous: arguments are (what, label, milliseconds to wait at most, whether to aim at what
# is found); settled as the driver defines it (the page's own scripts are watched by the script
# added to every document).
WHEN_SETTLED = """
const [what, label, wait, aim] = arguments, done = arguments[arguments.length - 1];
const until = Date.now() + wait;
const settled = () => document.readyState === 'complete' && !window.__harnessLeaving
  && (window.__harnessOpen || 0) === 0
  && (!document.querySelector('[aria-busy=true]') || !!(window.__harnessPrompting && window.__harnessPrompting()));
(function look() {
  if (!settled() && Date.now() < until) return setTimeout(look, 5);
  const found = finders[what](label);
  done(aim && found ? aimed(found) : found);
})();
"""


def when_settled_script(extra_elements: str = "null") -> str:
    """The asynchronous script, with `extra_elements` (a JavaScript function or null) read into
    every screen."""
    return COMMON + READ_SCREEN + FINDERS.replace("EXTRA", extra_elements) + AIM + WHEN_SETTLED


def screen_script(extra_elements: str = "null") -> str:
    """The screen now, settled or not."""
    return COMMON + READ_SCREEN + f"return readScreen({extra_elements});"
