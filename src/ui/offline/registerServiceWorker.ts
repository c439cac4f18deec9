import { onFirstInteraction } from '../boot/firstInteraction';

/**
 * After the first visit the wizard works with the network off: the built page registers the service
 * worker that precaches every file of the build (build/offlinePlugin.ts). It registers on the first
 * interaction, so that its downloads never compete with (or add to) the first load. Not in
 * development, where Vite serves modules on demand.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  onFirstInteraction(() => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Offline use is a convenience: the page works the same without it.
    });
  });
}
