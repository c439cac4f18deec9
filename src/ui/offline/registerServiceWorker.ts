/**
 * After the first visit the wizard works with the network off: the built page registers the service
 * worker that precaches every file of the build (build/offlinePlugin.ts). The caller registers it
 * only after the idle round that fetches what the first edit needs (src/ui/boot/idleLoad.ts), so its
 * downloads never compete with (or add to) the first load or that round. Not in development, where
 * Vite serves modules on demand.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Offline use is a convenience: the page works the same without it.
  });
}
