import { useSyncExternalStore } from 'react';

export type Engine = typeof import('./engine');

let engine: Engine | null = null;
let pending: Promise<Engine> | null = null;
const listeners = new Set<() => void>();

/** Loads the core once; every caller gets the same module. */
export function loadEngine(): Promise<Engine> {
  pending ??= import('./engine').then((module) => {
    engine = module;
    for (const listener of listeners) listener();
    return module;
  });
  return pending;
}

// Subscribing does not load the core: the App decides when (at once, or on the first interaction
// while the build-time boot preview stands in for it).
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The core, or null while it is still loading. */
export const useEngine = (): Engine | null =>
  useSyncExternalStore(
    subscribe,
    () => engine,
    () => null,
  );
