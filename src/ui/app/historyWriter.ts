/**
 * How the plan in the address bar becomes history: while the visitor types, the current entry is
 * updated in place (replaceState); the first write after a pause opens a new entry (pushState). So
 * Back undoes one burst of typing, not one key, and the browser history does not fill with keys.
 */
export interface HistoryLike {
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
}

export interface HistoryWriter {
  /** Puts `hash` in the address; `newEntry: false` forces an in-place update (e.g. the page's first state). */
  write(hash: string, newEntry?: boolean): void;
  /** A history move (Back/Forward) ends the burst: the next edit opens a new entry. */
  endBurst(): void;
  dispose(): void;
}

/** A burst of typing ends after this long without a write. */
export const PAUSE_MS = 1000;

export function createHistoryWriter(history: HistoryLike, pauseMs = PAUSE_MS): HistoryWriter {
  let inBurst = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const endBurst = () => {
    inBurst = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    write(hash, newEntry = true) {
      // The page's own first state is not typing: it must not open a burst, or the visitor's first
      // edit would overwrite the entry Back should return to.
      if (!newEntry) return history.replaceState(null, '', hash);
      if (inBurst) history.replaceState(null, '', hash);
      else history.pushState(null, '', hash);
      inBurst = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(endBurst, pauseMs);
    },
    endBurst,
    dispose: endBurst,
  };
}
