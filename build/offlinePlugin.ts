import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Build-only: a strict Content-Security-Policy and a service worker for offline use.
 *
 * Why a service worker and not a single-file build: inlining every chunk into index.html would put
 * all of the JS (the lazy steps, preview, zip) on the first load and break the initial-JS budget;
 * the service worker precaches the same hashed files after the first visit instead.
 */

/** No connections at all (connect-src 'none'); scripts and workers only from the page's own origin. */
export const BUILD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function serviceWorkerSource(version: string, files: readonly string[]): string {
  return `// Generated at build time: precaches this build's files so the wizard works offline.
const CACHE = 'rtx-vps-ipsec-${version}';
const FILES = ${JSON.stringify(files)};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const key = request.mode === 'navigate' ? './index.html' : request;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(request))));
});
`;
}

export function offlinePlugin(): Plugin {
  return {
    name: 'rtx-offline-and-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const replaced = html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${BUILD_CSP}$2`);
      if (replaced === html) throw new Error('index.html has no Content-Security-Policy meta to harden');
      return replaced;
    },
    generateBundle(_options, bundle) {
      const files = ['./', './index.html', ...Object.keys(bundle).map((name) => `./${name}`)].filter((name, index, all) => all.indexOf(name) === index);
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, files) });
    },
  };
}
