// The service worker that makes Mitel One an installable Progressive Web Application: pages and
// files from the network, and, when the network is gone, a page saying so. The API (and its
// event stream) is left to the browser.
const OFFLINE = new Response('<!doctype html><title>Mitel One</title><h1>You are offline</h1>',
  {headers: {'Content-Type': 'text/html'}});

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).pathname.startsWith('/api/')) {
    return;
  }
  event.respondWith(fetch(event.request).catch(() => OFFLINE.clone()));
});
