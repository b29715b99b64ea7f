"""Every kind of state a page can leave in a browser: written by one scenario, looked for by the
next (the steps in tests/isolation/steps.py)."""

from __future__ import annotations

# A file of the web app's, at an address no page loads, that the HTTP cache keeps.
CACHED = "/app.css?left-behind"
LEAVE = """
const done = arguments[arguments.length - 1];
(async () => {
  document.cookie = 'left=1; max-age=3600; path=/';
  localStorage.setItem('left', '1');
  sessionStorage.setItem('left', '1');
  await new Promise((ok, fail) => {
    const open = indexedDB.open('left', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('things');
    open.onsuccess = () => { open.result.close(); ok(); };
    open.onerror = fail;
  });
  await (await caches.open('left')).put('/left', new Response('left'));
  await fetch('CACHED', {cache: 'force-cache'});
  await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  history.pushState({}, '', '#left');
  done(null);
})().catch(error => done(String(error)));
"""
# Each kind of state, as the page finds it: empty when nothing was left.
FIND = """
const done = arguments[arguments.length - 1];
(async () => {
  const cached = await fetch('CACHED', {cache: 'only-if-cached', mode: 'same-origin'}).then(() => 'cached', () => '');
  const permission = name => navigator.permissions.query({name}).then(s => s.state === 'granted' ? name : '');
  done({
    cookies: document.cookie,
    localStorage: Object.keys(localStorage).join(),
    sessionStorage: Object.keys(sessionStorage).join(),
    indexedDB: (await indexedDB.databases()).map(db => db.name).join(),
    cacheStorage: (await caches.keys()).join(),
    httpCache: cached,
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map(r => r.scope).join(),
    permissions: [await permission('notifications'), await permission('microphone')].filter(Boolean).join(),
  });
})().catch(error => done({error: String(error)}));
""".replace("CACHED", CACHED)
LEAVE = LEAVE.replace("CACHED", CACHED)
