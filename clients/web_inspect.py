"""What the browser driver watches and reads in a page beyond the screen: the browser's permission
prompts as the user meets them, the work a page has started and not finished (its short timers
and open requests), what it stored in the browser, its lists by name and its visible text.

WATCHED runs in every document before the page's own scripts (with the driver's WATCH_PAGE), in
a function of its own so that none of its names can clash with the page's.
"""

from __future__ import annotations

SHORT_TIMER_MS = 3000  # a timer a page sets for "a moment later"; longer ones are not waited for
FINISH_TIMEOUT = 6.0  # seconds a closing page is given to finish: its short timers, then their requests

WATCHED = """
(() => {
  const nativeTimeout = window.setTimeout.bind(window);
  const nativeClear = window.clearTimeout.bind(window);

  // A browser's permission prompt waits for the user: a request that would prompt (the permission
  // neither granted nor denied yet) is held, noted in __harnessPrompts, until the driver has
  // answered it by setting exactly the permissions asked; then the request goes on.
  window.__harnessPrompts = [];
  window.__harnessPrompting = () => window.__harnessPrompts.some((prompt) => !prompt.answered);
  const prompted = (names, request) => new Promise((resolve, reject) => {
    const prompt = {names, answered: false};
    window.__harnessPrompts.push(prompt);
    const wait = () => (prompt.answered ? request().then(resolve, reject) : nativeTimeout(wait, 20));
    wait();
  });
  const undecided = async (names) => (await Promise.all(names.map((name) => navigator.permissions
    .query({name}).then((status) => status.state, () => 'prompt')))).some((state) => state === 'prompt');

  if (window.Notification) {
    const ask = window.Notification.requestPermission.bind(window.Notification);
    window.Notification.requestPermission = (...args) => (window.Notification.permission === 'default'
      ? prompted(['notifications'], () => ask(...args)) : ask(...args));
  }
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    const media = navigator.mediaDevices;
    const capture = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints = {}) => {
      const names = [constraints.audio && 'microphone', constraints.video && 'camera'].filter(Boolean);
      return (await undecided(names)) ? prompted(names, () => capture(constraints)) : capture(constraints);
    };
  }

  // The page's short timers still to fire, and its XMLHttpRequests still open (its fetch() calls
  // are counted by WATCH_PAGE): what it has started and will still send.
  window.__harnessTimers = new Set();
  window.setTimeout = (handler, delay, ...args) => {
    if (typeof handler !== 'function' || Number(delay || 0) > SHORT_TIMER_MS) {
      return nativeTimeout(handler, delay, ...args);
    }
    const id = nativeTimeout((...given) => {
      window.__harnessTimers.delete(id);
      handler(...given);
    }, delay, ...args);
    window.__harnessTimers.add(id);
    return id;
  };
  window.clearTimeout = (id) => {
    window.__harnessTimers.delete(id);
    nativeClear(id);
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    const done = () => { window.__harnessOpen -= 1; };
    window.__harnessOpen = (window.__harnessOpen || 0) + 1;
    this.addEventListener('loadend', done, {once: true});
    try {
      return send.apply(this, args);
    } catch (error) { // nothing was sent (a request never opened)
      this.removeEventListener('loadend', done);
      done();
      throw error;
    }
  };
})();
""".replace("SHORT_TIMER_MS", str(SHORT_TIMER_MS))

# Whether the page has finished what it started: loaded, not leaving, no request open, no short
# timer left to fire.
FINISHED = """return document.readyState === 'complete' && !window.__harnessLeaving
  && (window.__harnessOpen || 0) === 0 && !(window.__harnessTimers && window.__harnessTimers.size);"""

PROMPTS = "return (window.__harnessPrompts || []).map((prompt) => [prompt.names, prompt.answered]);"
ANSWER_PROMPTS = "(window.__harnessPrompts || []).forEach((prompt) => { prompt.answered = true; });"

# Everything a script of the page's origin can read back: local and session storage, every
# IndexedDB database's records, the cookies not marked HttpOnly, and Cache Storage (each cached
# request's URL and its answer's body). Asynchronous; JSON text.
READ_STORAGE = """
const done = arguments[arguments.length - 1];
const asked = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const bytes = (value) => (value instanceof ArrayBuffer || ArrayBuffer.isView(value)
  ? new TextDecoder('latin1').decode(value) : value);
(async () => {
  const found = {localStorage: {...localStorage}, sessionStorage: {...sessionStorage}, cookies: document.cookie,
    indexedDB: {}, cacheStorage: {}};
  for (const {name} of await indexedDB.databases()) {
    const database = await asked(indexedDB.open(name));
    for (const store of database.objectStoreNames) {
      const records = await asked(database.transaction(store).objectStore(store).getAll());
      found.indexedDB[`${name}/${store}`] = records;
    }
    database.close();
  }
  for (const name of window.caches ? await caches.keys() : []) {
    const cache = await caches.open(name);
    found.cacheStorage[name] = await Promise.all((await cache.keys()).map(async (request) =>
      [request.url, await (await cache.match(request)).text()]));
  }
  return JSON.stringify(found, (key, value) => bytes(value));
})().then(done, (error) => done(JSON.stringify({unreadable: String(error)})));
"""

# The visible list items under the part of the page named `arguments[0]` (any case): a list or
# region of that accessible name (aria-label, aria-labelledby), or the list after a heading of it.
LISTED_UNDER = """
const wanted = arguments[0].trim().toLowerCase();
const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim().toLowerCase();
const labelled = (el) => (el.getAttribute('aria-labelledby') || '').split(/\\s+/)
  .map((id) => document.getElementById(id)).filter(Boolean).map(text).join(' ');
const named = [...document.querySelectorAll('[aria-label], [aria-labelledby]')]
  .filter((el) => (el.getAttribute('aria-label') || '').trim().toLowerCase() === wanted || labelled(el) === wanted);
const headed = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
  .filter((heading) => text(heading) === wanted).map((heading) => heading.nextElementSibling).filter(Boolean);
const items = new Set([...named, ...headed].flatMap((part) => [...part.querySelectorAll('li')]));
return [...items].filter(visible).map((item) => item.innerText.trim());
"""

PAGE_TEXT = "return document.body ? document.body.innerText : '';"
