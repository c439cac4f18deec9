import { loadEngine } from '../useEngine';

/**
 * What the wizard needs for the first edit, fetched while the browser is idle after the first
 * paint, all in one round: the generator core (with its chunks) and the full preview with its
 * highlighter. The first keystroke then finds them in memory instead of starting a chain of
 * downloads. `performance.mark('idle-load')` tells scripts/budgets.ts where the first load ends.
 */
export const IDLE_LOAD_MARK = 'idle-load';

let round: Promise<unknown> | undefined;

export function loadForFirstEdit(): Promise<unknown> {
  round ??= (() => {
    performance.mark(IDLE_LOAD_MARK);
    return Promise.all([loadEngine(), import('../preview/Preview'), import('../preview/highlight')]);
  })();
  return round;
}

/** Runs `task` once the first frame is painted and the main thread has a quiet moment. */
export function afterFirstPaintWhenIdle(task: () => void): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 1000 });
      else setTimeout(task, 200);
    }, 0),
  );
}
